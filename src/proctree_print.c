/*
 * proctree_print.c - --tree: the process records as an indented text tree
 * (format in docs/audit.md).
 *
 *   1000 make -j2 [cwd /src] +0.000s 1.204s exited 0, 412 syscalls, 31 failed
 *   |- 1001 /bin/sh -c "cc -c a.c" => cc -c a.c [cwd /src] ...
 *   |  `- 1002 ...
 *   `- 1003 <make> +0.520s 0.001s exited 0, 3 syscalls, 0 failed
 */
#include <stdio.h>
#include <string.h>

#include "proctree.h"

/* Bytes that may stand bare in an argument; anything else is quoted. */
static bool
plain_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr("_-+./=:,@%^", c);
}

void
proctree_print_arg(FILE *f, const char *s)
{
	const unsigned char *p;
	bool plain = *s != '\0';

	for (p = (const unsigned char *)s; *p && plain; p++)
		plain = plain_byte(*p);
	if (plain) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p == '\t')
			fputs("\\t", f);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(f, "\\x%02x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void
print_exec(FILE *f, const struct proctree_exec *e)
{
	unsigned i;

	for (i = 0; i < e->argc; i++) {
		if (i)
			fputc(' ', f);
		proctree_print_arg(f, e->argv[i]);
	}
	if (!e->argc)
		fputs("\"\"", f);
	if (e->truncated)
		fputs(" ...", f);
	if (e->cwd) {
		fputs(" [cwd ", f);
		proctree_print_arg(f, e->cwd);
		fputc(']', f);
	}
}

struct print_state {
	FILE *f;
	uint64_t t0;
	/* for each depth above: is there a later sibling ("|  ")? */
	bool more[256];
};

static void
print_one(const struct proctree_rec *r, unsigned depth, bool last, void *arg)
{
	struct print_state *ps = arg;
	char end[64];
	unsigned i;

	if (depth < sizeof(ps->more))
		ps->more[depth] = !last;
	for (i = 1; i < depth; i++)
		fputs(i < sizeof(ps->more) && ps->more[i] ? "|  " : "   ", ps->f);
	if (depth)
		fputs(last ? "`- " : "|- ", ps->f);
	fprintf(ps->f, "%d ", r->pid);
	if (r->attached)
		fputs("(attached) ", ps->f);
	for (i = 0; i < r->nexecs; i++) {
		if (i)
			fputs(" => ", ps->f);
		print_exec(ps->f, &r->execs[i]);
	}
	if (!r->nexecs) {
		/* a fork that never exec'd runs its parent's program */
		fputc('<', ps->f);
		fputs(proctree_comm_base(r), ps->f);
		fputc('>', ps->f);
	}
	proctree_end_text(r, end, sizeof(end));
	fprintf(ps->f, " +%.3fs %.3fs %s, %llu syscalls, %llu failed",
		(double)(r->start_ns - ps->t0) / 1e9,
		(double)(r->end_ns > r->start_ns ? r->end_ns - r->start_ns : 0) / 1e9,
		end, (unsigned long long)r->syscalls,
		(unsigned long long)r->failed);
	if (r->threads)
		fprintf(ps->f, ", %u threads", r->threads);
	fputc('\n', ps->f);
}

void
proctree_print(FILE *f)
{
	struct print_state ps = { .f = f };
	uint64_t last;

	proctree_span(&ps.t0, &last);
	proctree_walk(print_one, &ps);
	fflush(f);
}
