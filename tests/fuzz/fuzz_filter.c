/*
 * fuzz_filter.c - libFuzzer target: the -e expression grammar and the
 * other option-value parsers, each called directly.
 *
 * The first input byte picks the parser, the rest (up to its first NUL)
 * is the text, copied into an allocation of its exact size:
 *   0 -e trace= (and abbrev=, verbose=, raw=) sets   1 -e signal=
 *   2 -e status=    3 -e quiet=     4 a whole -e word, qualifier
 *   included, through options_parse     5 -S     6 -U
 *   7 --absolute-timestamps and -r/-T precision    8 -p    9 -P
 * Besides "no crash, no leak", it checks what a parser promises: an
 * error leaves a terminated message in err; a set and its "!"
 * counterpart are complements.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "attach.h"
#include "filter.h"
#include "ftrace.h"
#include "options.h"
#include "pathfilter.h"
#include "stats.h"
#include "timestamp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char err[256];

static void
check_err(int rc)
{
	if (rc < 0 && (!memchr(err, 0, sizeof(err)) || !err[0]))
		abort();
}

static void
fuzz_sc_set(const char *text, size_t len)
{
	static struct sc_set a, b;
	char *neg = malloc(len + 2);
	unsigned i, j;
	int rc;

	neg[0] = '!';
	memcpy(neg + 1, text, len + 1);
	rc = sc_set_parse(&a, text, err, sizeof(err));
	check_err(rc);
	if (rc == 0 && !strchr(text, '!')) {
		/* "!SET" is every syscall SET is not */
		if (sc_set_parse(&b, neg, err, sizeof(err)) < 0)
			abort();
		for (i = 0; i < SYSENT_NARCHES; i++)
			for (j = 0; j < FILTER_NR_MAX / 64; j++)
				if ((a.bits[i][j] ^ b.bits[i][j]) != ~0ULL)
					abort();
	}
	free(neg);
}

static void
fuzz_sig_set(const char *text)
{
	struct sig_set s;

	check_err(sig_set_parse(&s, text, err, sizeof(err)));
}

static void
fuzz_e_word(const char *text)
{
	char *argv[] = { "ftrace-c", "-e", (char *)text, "true", NULL };
	struct options o;

	options_parse(4, argv, &o);
}

static void
fuzz_pids(const char *text)
{
	static pid_t pids[64];
	unsigned n = 0;

	if (attach_parse_pids(text, pids, 64, &n) == 0 && n > 64)
		abort();
}

static void
fuzz_paths(const char *text)
{
	const char **paths;
	unsigned n = 0;

	pathfilter_reset();
	if (pathfilter_add(text) == 0) {
		paths = pathfilter_paths(&n);
		if (n && !paths)
			abort();
	}
	pathfilter_reset();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stats_config cfg;
	enum timestamp_format f = TIMESTAMP_NONE;
	unsigned bits = 0;
	int digits = 0;
	const uint8_t *nul;
	size_t len;
	char *text;

	if (size == 0)
		return 0;
	nul = memchr(data + 1, 0, size - 1);
	len = nul ? (size_t)(nul - data - 1) : size - 1;
	text = malloc(len + 1);
	memcpy(text, data + 1, len);
	text[len] = '\0';
	memset(err, 0xa5, sizeof(err));

	switch (data[0] % 10) {
	case 0:
		fuzz_sc_set(text, len);
		break;
	case 1:
		fuzz_sig_set(text);
		break;
	case 2:
		check_err(filter_parse_status(&bits, text, err, sizeof(err)));
		break;
	case 3:
		check_err(filter_parse_quiet(&bits, text, err, sizeof(err)));
		break;
	case 4:
		fuzz_e_word(text);
		break;
	case 5:
		stats_config_default(&cfg);
		check_err(stats_parse_sort(&cfg, text, err, sizeof(err)));
		break;
	case 6:
		stats_config_default(&cfg);
		check_err(stats_parse_columns(&cfg, text, err, sizeof(err)));
		break;
	case 7:
		if (timestamp_parse_absolute(text, &f, &digits) == 0 &&
		    (digits < 0 || digits > 9))
			abort();
		digits = timestamp_parse_precision(text);
		if (digits != -1 && digits != 0 && digits != 3 && digits != 6 &&
		    digits != 9)
			abort();
		break;
	case 8:
		fuzz_pids(text);
		break;
	default:
		fuzz_paths(text);
		break;
	}
	free(text);
	return 0;
}
