/*
 * timeline.h - --timeline=FILE.svg: the process records (proctree.h) as a
 * self-contained SVG Gantt chart: one bar per process in tree order,
 * indented under its parent, labelled "command pid", coloured by how it
 * ended, over a time axis with ticks.
 */
#ifndef FTRACE_TIMELINE_H
#define FTRACE_TIMELINE_H

#include <stdint.h>
#include <stdio.h>

/* Write the chart of every record to f. */
void timeline_write(FILE *f);
/* Tick spacing: the smallest 1, 2 or 5 times a power of ten (from 1 us) that
 * cuts the span into at most 10 steps. */
uint64_t timeline_tick_ns(uint64_t span_ns);
/* Text escaped for XML (and made valid UTF-8: other bytes become '?'). */
void timeline_xml_text(FILE *f, const char *s);

#endif /* FTRACE_TIMELINE_H */
