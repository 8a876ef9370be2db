/*
 * timeline.c - --timeline=FILE.svg (include/timeline.h).
 *
 * Plain SVG 1.1 with inline styles and no script, so any browser or
 * rsvg-convert shows it.  Each process is exactly one
 * <rect class="proc"> (tests count them); its <title> (the tooltip) has
 * the whole command line, the times and how it ended.
 */
#include <string.h>

#include "proctree.h"
#include "timeline.h"

#define ROW_H     20
#define BAR_H     14
#define LABEL_W   300
#define CHART_W   900
#define TOP       44
#define INDENT    14

static const struct {
	const char *fill, *what;
} status_colour[] = {
	[PROCTREE_RUNNING] = { "#90a4ae", "no end seen" },
	[PROCTREE_EXITED] = { "#43a047", "exited 0" },
	[PROCTREE_KILLED] = { "#e53935", "killed by a signal" },
	[PROCTREE_DETACHED] = { "#90a4ae", "detached" },
};
#define FAILED_FILL "#fb8c00"

uint64_t
timeline_tick_ns(uint64_t span_ns)
{
	static const unsigned mult[] = { 1, 2, 5 };
	uint64_t pow = 1000;   /* 1 us */
	unsigned i;

	for (;;) {
		for (i = 0; i < 3; i++) {
			uint64_t step = pow * mult[i];

			if (span_ns / step <= 10)
				return step;
		}
		pow *= 10;
	}
}

/* Length of the valid UTF-8 sequence at s, 0 if it is not one. */
static unsigned
utf8_len(const unsigned char *s)
{
	unsigned n, i;

	if (s[0] < 0x80)
		return 1;
	if ((s[0] & 0xe0) == 0xc0 && s[0] >= 0xc2)
		n = 2;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3;
	else if ((s[0] & 0xf8) == 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

void
timeline_xml_text(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned n = utf8_len(p);

		if (!n) {
			fputc('?', f);
			p++;
			continue;
		}
		if (n > 1) {
			fwrite(p, 1, n, f);
			p += n;
			continue;
		}
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			/* XML 1.0 allows no other control characters */
			fputc(*p < 0x20 || *p == 0x7f ? '?' : *p, f);
			break;
		}
		p++;
	}
}

struct chart {
	FILE *f;
	uint64_t t0, span;
	unsigned row;
};

static double
x_of(const struct chart *c, uint64_t ns)
{
	return LABEL_W + (double)(ns - c->t0) * CHART_W / (double)c->span;
}

static void
print_seconds(FILE *f, uint64_t ns)
{
	char buf[32];
	char *e;

	snprintf(buf, sizeof(buf), "%.6f", (double)ns / 1e9);
	/* "0.500000" -> "0.5", "2.000000" -> "2" */
	e = buf + strlen(buf);
	while (e > buf && e[-1] == '0')
		*--e = '\0';
	if (e > buf && e[-1] == '.')
		*--e = '\0';
	fprintf(f, "%ss", buf);
}

static void
bar(const struct proctree_rec *r, unsigned depth, bool last, void *arg)
{
	struct chart *c = arg;
	double y = TOP + (double)c->row * ROW_H;
	double x0 = x_of(c, r->start_ns), x1 = x_of(c, r->end_ns);
	const char *fill = status_colour[r->end].fill;
	const struct proctree_exec *e = r->nexecs ? &r->execs[r->nexecs - 1] :
				       NULL;
	char end[64];
	unsigned i;

	(void)last;
	if (r->end == PROCTREE_EXITED && r->status)
		fill = FAILED_FILL;
	if (x1 - x0 < 1)
		x1 = x0 + 1;
	if (c->row % 2)
		fprintf(c->f, "<rect x=\"0\" y=\"%.1f\" width=\"%d\" height=\"%d\" "
			"fill=\"#f5f5f5\"/>\n", y, LABEL_W + CHART_W + 20, ROW_H);
	fprintf(c->f, "<text x=\"%u\" y=\"%.1f\">", 6 + depth * INDENT,
		y + ROW_H - 6);
	timeline_xml_text(c->f, proctree_comm_base(r));
	fprintf(c->f, " %d</text>\n", r->pid);
	fprintf(c->f, "<rect class=\"proc\" x=\"%.2f\" y=\"%.1f\" "
		"width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>", x0,
		y + (ROW_H - BAR_H) / 2.0, x1 - x0, BAR_H, fill);
	fprintf(c->f, "pid %d", r->pid);
	if (r->ppid)
		fprintf(c->f, " (parent %d)", r->ppid);
	fputs(": ", c->f);
	for (i = 0; e && i < e->argc; i++) {
		if (i)
			fputc(' ', c->f);
		timeline_xml_text(c->f, e->argv[i]);
	}
	if (!e)
		timeline_xml_text(c->f, proctree_comm_base(r));
	proctree_end_text(r, end, sizeof(end));
	fputs("&#10;start +", c->f);
	print_seconds(c->f, r->start_ns - c->t0);
	fputs(", ", c->f);
	print_seconds(c->f, r->end_ns > r->start_ns ? r->end_ns - r->start_ns : 0);
	fprintf(c->f, ", %s, %llu syscalls (%llu failed)</title></rect>\n", end,
		(unsigned long long)r->syscalls, (unsigned long long)r->failed);
	c->row++;
}

static void
axis(const struct chart *c, double height)
{
	uint64_t step = timeline_tick_ns(c->span), t;

	for (t = 0; t <= c->span; t += step) {
		double x = x_of(c, c->t0 + t);

		fprintf(c->f, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%.1f\" "
			"stroke=\"#ddd\"/>\n", x, TOP - 6, x, height);
		fprintf(c->f, "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">",
			x, TOP - 10);
		print_seconds(c->f, t);
		fputs("</text>\n", c->f);
	}
}

static void
legend(FILE *f, double y)
{
	static const struct {
		const char *fill, *text;
	} items[] = {
		{ "#43a047", "exited 0" },
		{ FAILED_FILL, "exited non-zero" },
		{ "#e53935", "killed by a signal" },
		{ "#90a4ae", "detached / still running" },
	};
	unsigned i;

	for (i = 0; i < sizeof(items) / sizeof(items[0]); i++) {
		double x = 6 + i * 200.0;

		fprintf(f, "<rect x=\"%.0f\" y=\"%.1f\" width=\"12\" height=\"12\" "
			"fill=\"%s\"/><text x=\"%.0f\" y=\"%.1f\">%s</text>\n",
			x, y, items[i].fill, x + 18, y + 11, items[i].text);
	}
}

void
timeline_write(FILE *f)
{
	struct chart c = { .f = f };
	unsigned n = proctree_count();
	uint64_t last;
	double height = TOP + (double)n * ROW_H;

	proctree_span(&c.t0, &last);
	c.span = last > c.t0 ? last - c.t0 : 1;
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		"width=\"%d\" height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
		"font-family=\"sans-serif\" font-size=\"12\">\n",
		LABEL_W + CHART_W + 20, height + 40, LABEL_W + CHART_W + 20,
		height + 40);
	fprintf(f, "<rect x=\"0\" y=\"0\" width=\"100%%\" height=\"100%%\" "
		"fill=\"white\"/>\n");
	fprintf(f, "<text x=\"6\" y=\"16\" font-weight=\"bold\">ftrace-c: "
		"%u processes, ", n);
	print_seconds(f, c.span);
	fputs("</text>\n", f);
	axis(&c, height);
	proctree_walk(bar, &c);
	legend(f, height + 14);
	fputs("</svg>\n", f);
	fflush(f);
}
