#!/usr/bin/env python3
"""Normalize -c / -C summary tables so that two tracers' tables compare.

usage: summary_norm.py [--time-sorted] FILE

Prints the summary tables found in FILE (a header line followed by a line
of dash groups, up to the "total" line; "System call usage summary for ..."
headings are kept) with every time cell ("% time", "seconds", "shortest",
"longest", "usecs/call") replaced by '#' characters filling the column, so
that column widths, alignment, names, calls and errors still count.  Lines
before the first table (the trace of -C) are dropped.

With --time-sorted (the table was sorted by a time: -S time, min-time,
max-time, avg-time, the default) the syscall rows are sorted by name, since
their order then depends on timings.
"""
import sys

TIME_COLUMNS = {"% time", "seconds", "shortest", "longest", "usecs/call"}


def spans_of(dashes):
    """(start, end) of each dash group of a dash line."""
    spans, i = [], 0
    while i < len(dashes):
        if dashes[i] == "-":
            j = i
            while j < len(dashes) and dashes[j] == "-":
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def is_dashes(line):
    return line != "" and set(line) <= {"-", " "} and line.startswith("-")


def normalize_row(line, spans, names):
    out = line
    for (start, end), name in zip(spans, names):
        if name in TIME_COLUMNS:
            out = out[:start] + "#" * (end - start) + out[end:]
    return out


def tables(lines):
    """Yield (heading lines, header, dashes, rows, total) per table."""
    i, pending = 0, []
    while i + 1 < len(lines):
        line = lines[i]
        if line.startswith("System call usage summary for "):
            pending.append(line)
            i += 1
            continue
        if is_dashes(lines[i + 1]) and not is_dashes(line):
            header, dashes = line, lines[i + 1]
            rows, j = [], i + 2
            while j < len(lines) and not is_dashes(lines[j]):
                rows.append(lines[j])
                j += 1
            total = lines[j + 1] if j + 1 < len(lines) else ""
            yield pending, header, dashes, rows, total
            pending = []
            i = j + 2
            continue
        i += 1


def main():
    args = sys.argv[1:]
    time_sorted = False
    if args and args[0] == "--time-sorted":
        time_sorted = True
        args = args[1:]
    if len(args) != 1:
        sys.exit(__doc__)
    with open(args[0], errors="replace") as f:
        lines = f.read().split("\n")
    for headings, header, dashes, rows, total in tables(lines):
        spans = spans_of(dashes)
        names = []
        for k, (start, end) in enumerate(spans):
            cell = header[start:] if k == len(spans) - 1 else header[start:end]
            names.append(cell.strip())
        name_col = names.index("syscall") if "syscall" in names else None
        out = [normalize_row(r, spans, names) for r in rows]
        if time_sorted and name_col is not None:
            start, end = spans[name_col]
            last = name_col == len(spans) - 1
            out.sort(key=lambda r: (r[start:] if last else r[start:end]).strip())
        for h in headings:
            print(h)
        print(header)
        print(dashes)
        for r in out:
            print(r)
        print(dashes)
        print(normalize_row(total, spans, names))


if __name__ == "__main__":
    main()
