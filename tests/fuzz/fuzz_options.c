/*
 * fuzz_options.c - libFuzzer target: the whole command-line parser.
 *
 * The input is split into argv words at NUL bytes (at most MAX_WORDS),
 * each word copied into its own allocation so AddressSanitizer sees a
 * read past any of them; argv[0] is "ftrace-c".  options_parse() never
 * exits (main() turns its result into the exit status), so every input
 * returns here; its messages go to stderr, which `make fuzz` closes
 * (-close_fd_mask=3).  The result must be one of the four documented
 * ones, and a run must name a command or a pid.  Then a plain
 * "ftrace-c true" is parsed: it must come out as if it were the first
 * parse, so nothing of the fuzzed line stays behind (getopt's state did).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ftrace.h"
#include "options.h"

#define MAX_WORDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_WORDS + 2];
	int argc = 0, i;
	size_t start = 0, end;
	enum options_result r;
	struct options o;

	argv[argc++] = strdup("ftrace-c");
	while (start < size && argc <= MAX_WORDS) {
		const uint8_t *nul = memchr(data + start, 0, size - start);

		end = nul ? (size_t)(nul - data) : size;
		argv[argc] = malloc(end - start + 1);
		memcpy(argv[argc], data + start, end - start);
		argv[argc][end - start] = '\0';
		argc++;
		start = end + 1;
	}
	argv[argc] = NULL;

	r = options_parse(argc, argv, &o);
	switch (r) {
	case OPTIONS_RUN:
		if (!o.command && !o.attach_count)
			abort();
		if (o.command && (o.command < argv || o.command >= argv + argc))
			abort();
		break;
	case OPTIONS_HELP:
	case OPTIONS_VERSION:
	case OPTIONS_ERROR:
		break;
	default:
		abort();
	}
	for (i = 0; i < argc; i++)
		free(argv[i]);

	argv[0] = "ftrace-c";
	argv[1] = "true";
	argv[2] = NULL;
	if (options_parse(2, argv, &o) != OPTIONS_RUN || o.command != argv + 1 ||
	    o.follow_forks || o.verbose || o.xflag || o.yflag || o.tflag ||
	    o.max_strlen != 32 || o.outfile || o.trace || o.attach_count ||
	    o.summary || o.quiet || o.status || o.path_count || o.env_count)
		abort();
	return 0;
}
