/*
 * filter.c - the -e qualifier values (include/filter.h): syscall sets,
 * signal sets, status= and quiet= word lists, with strace 6.1's grammar
 * and error wording, each checked against strace itself.
 */
#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "filter.h"
#include "xlat.h"

struct class_name {
	const char *name;
	uint32_t flags;
};

/*
 * The names -e trace= accepts for classes.  Only the seven oldest classes
 * also work without the '%' (strace 6.1: "trace=creds" is an unknown
 * syscall, while "stat" or "fstat" name the syscalls of that name).
 */
static const struct class_name classes[] = {
	{ "%file", CLS_FILE },           { "%desc", CLS_DESC },
	{ "%process", CLS_PROCESS },     { "%network", CLS_NETWORK },
	{ "%net", CLS_NETWORK },         { "%signal", CLS_SIGNAL },
	{ "%ipc", CLS_IPC },             { "%memory", CLS_MEMORY },
	{ "%creds", CLS_CREDS },         { "%clock", CLS_CLOCK },
	{ "%stat", CLS_STAT },           { "%lstat", CLS_LSTAT },
	{ "%fstat", CLS_FSTAT },         { "%%stat", CLS_STAT_LIKE },
	{ "%statfs", CLS_STATFS },       { "%fstatfs", CLS_FSTATFS },
	{ "%%statfs", CLS_STATFS_LIKE }, { "%pure", CLS_PURE },
	{ "file", CLS_FILE },            { "desc", CLS_DESC },
	{ "process", CLS_PROCESS },      { "network", CLS_NETWORK },
	{ "signal", CLS_SIGNAL },        { "ipc", CLS_IPC },
	{ "memory", CLS_MEMORY },
};

void
sc_set_fill(struct sc_set *s, bool all)
{
	memset(s->bits, all ? 0xff : 0, sizeof(s->bits));
	s->unknown_in = all;
}

static void
set_bit(struct sc_set *s, unsigned a, uint64_t nr)
{
	s->bits[a][nr / 64] |= 1ULL << (nr % 64);
}

/* Set the bit of every syscall match() accepts; returns how many. */
static unsigned
mark(struct sc_set *s, bool (*match)(const struct sysent *, const void *),
     const void *arg)
{
	unsigned a, count = 0;
	uint64_t nr;

	for (a = 0; a < SYSENT_NARCHES; a++) {
		unsigned n = sysent_arch_nr_count(sysent_arches[a]);

		for (nr = 0; nr < n && nr < FILTER_NR_MAX; nr++) {
			const struct sysent *e = sysent_lookup(sysent_arches[a], nr);

			if (!e || !match(e, arg))
				continue;
			set_bit(s, a, nr);
			count++;
		}
	}
	return count;
}

static bool
match_name(const struct sysent *e, const void *name)
{
	return strcmp(e->name, name) == 0;
}

static bool
match_flags(const struct sysent *e, const void *flags)
{
	return e->flags & *(const uint32_t *)flags;
}

static bool
match_regex(const struct sysent *e, const void *re)
{
	return regexec(re, e->name, 0, NULL, 0) == 0;
}

/*
 * A decimal syscall number: that number on every arch whose table
 * reaches it, whatever it is called there.
 */
static bool
add_number(struct sc_set *s, const char *tok)
{
	unsigned long n;
	unsigned a;
	bool any = false;
	char *end;

	if (tok[0] < '0' || tok[0] > '9')
		return false;
	errno = 0;
	n = strtoul(tok, &end, 10);
	if (*end || errno || n >= FILTER_NR_MAX)
		return false;
	for (a = 0; a < SYSENT_NARCHES; a++) {
		if (n < sysent_arch_nr_count(sysent_arches[a])) {
			set_bit(s, a, n);
			any = true;
		}
	}
	return any;
}

/*
 * One token of the list.  Returns 1 when it named something, 0 when it
 * named nothing (an error unless it had a '?'), -1 for a bad regex.
 */
static int
add_item(struct sc_set *s, const char *item, char *err, size_t errlen)
{
	const char *name = item;
	bool optional = false;
	unsigned i;

	/* "?name": no error if it names nothing */
	while (name[0] == '?') {
		optional = true;
		name++;
	}
	if (strcmp(name, "all") == 0) {
		sc_set_fill(s, true);
		return 1;
	}
	if (name[0] >= '0' && name[0] <= '9')
		return add_number(s, name) || optional;
	if (name[0] == '/') {
		regex_t re;
		int rc = regcomp(&re, name + 1, REG_EXTENDED | REG_NOSUB);
		unsigned n;

		if (rc) {
			char msg[128];

			regerror(rc, &re, msg, sizeof(msg));
			snprintf(err, errlen, "regcomp: %s: %s", name + 1, msg);
			return -1;
		}
		n = mark(s, match_regex, &re);
		regfree(&re);
		return n || optional;
	}
	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (strcmp(name, classes[i].name) == 0) {
			mark(s, match_flags, &classes[i].flags);
			return 1;
		}
	return mark(s, match_name, name) || optional;
}

int
sc_set_parse(struct sc_set *s, const char *spec, char *err, size_t errlen)
{
	char buf[1024], *item, *save = NULL;
	const char *list = spec;
	bool invert = false, any = false;
	unsigned a, w;
	int rc;

	/* every leading '!' turns the meaning of the rest around */
	for (; *list == '!'; list++)
		invert = !invert;
	sc_set_fill(s, false);
	if (strcmp(list, "all") == 0) {
		sc_set_fill(s, !invert);
		return 0;
	}
	if (strcmp(list, "none") == 0) {
		sc_set_fill(s, invert);
		return 0;
	}
	if (strlen(list) >= sizeof(buf)) {
		snprintf(err, errlen, "invalid system call '%.900s'", spec);
		return -1;
	}
	strcpy(buf, list);
	for (item = strtok_r(buf, ",", &save); item;
	     item = strtok_r(NULL, ",", &save)) {
		rc = add_item(s, item, err, errlen);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			snprintf(err, errlen, "invalid system call '%s'", item);
			return -1;
		}
		any = true;
	}
	if (!any) {
		/* "", ",", "!": nothing named at all */
		snprintf(err, errlen, "invalid system call '%.900s'", spec);
		return -1;
	}
	if (invert) {
		for (a = 0; a < SYSENT_NARCHES; a++)
			for (w = 0; w < FILTER_NR_MAX / 64; w++)
				s->bits[a][w] = ~s->bits[a][w];
		s->unknown_in = !s->unknown_in;
	}
	return 0;
}

struct word_bits {
	const char *name;
	unsigned bits;
};

static const struct word_bits status_words[] = {
	{ "successful", STATUS_SUCCESSFUL },   { "failed", STATUS_FAILED },
	{ "unfinished", STATUS_UNFINISHED },   { "unavailable", STATUS_UNAVAILABLE },
	{ "detached", STATUS_DETACHED },
};

static const struct word_bits quiet_words[] = {
	{ "attach", QUIET_ATTACH },
	{ "exit", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLUTION },
	{ "personality", QUIET_PERSONALITY },
	{ "thread-execve", QUIET_THREAD_EXECVE },
	{ "superseded", QUIET_THREAD_EXECVE },
};

/*
 * strace's grammar for the non-syscall qualifiers: leading '!'s invert,
 * "all"/"none" alone, else a comma list where every token must be known.
 * lookup() returns the bit number of a token, or -1.  Bits 0..nbits-1.
 */
static int
parse_tokens(uint64_t *bits, unsigned nbits, const char *spec,
	     int (*lookup)(const char *tok, const void *arg), const void *arg,
	     const char *what, char *err, size_t errlen)
{
	char buf[1024], *tok, *save = NULL;
	const char *list = spec;
	bool invert = false, any = false;
	unsigned i;

	for (; *list == '!'; list++)
		invert = !invert;
	memset(bits, 0, (nbits + 63) / 64 * 8);
	if (strcmp(list, "all") == 0) {
		invert = !invert;
	} else if (strcmp(list, "none") != 0) {
		snprintf(buf, sizeof(buf), "%s", list);
		for (tok = strtok_r(buf, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			int n = lookup(tok, arg);

			if (n < 0) {
				snprintf(err, errlen, "invalid %s '%s'", what, tok);
				return -1;
			}
			bits[n / 64] |= 1ULL << (n % 64);
			any = true;
		}
		if (!any) {
			snprintf(err, errlen, "invalid %s '%.900s'", what, spec);
			return -1;
		}
	}
	if (invert)
		for (i = 0; i < nbits; i++)
			bits[i / 64] ^= 1ULL << (i % 64);
	return 0;
}

/* A signal: 0..255, or a name as the trace prints it, "SIG" optional. */
static int
lookup_signal(const char *tok, const void *arg)
{
	const char *name;
	unsigned long n;
	char *end;
	int sig;

	(void)arg;
	if (tok[0] >= '0' && tok[0] <= '9') {
		errno = 0;
		n = strtoul(tok, &end, 10);
		return *end || errno || n > 255 ? -1 : (int)n;
	}
	if (strncasecmp(tok, "SIG", 3) == 0)
		tok += 3;
	for (sig = 1; sig < 65; sig++) {
		name = xlat_signal_name(sig);
		if (name && strcasecmp(name + 3, tok) == 0)
			return sig;
	}
	return -1;
}

int
sig_set_parse(struct sig_set *s, const char *spec, char *err, size_t errlen)
{
	return parse_tokens(s->bits, 256, spec, lookup_signal, NULL, "signal",
			    err, errlen);
}

struct word_table {
	const struct word_bits *words;
	unsigned count;
};

static int
lookup_word(const char *tok, const void *arg)
{
	const struct word_table *t = arg;
	unsigned i;

	for (i = 0; i < t->count; i++)
		if (strcmp(tok, t->words[i].name) == 0)
			return __builtin_ctz(t->words[i].bits);
	return -1;
}

static int
parse_words(unsigned *out, const struct word_bits *words, unsigned count,
	    unsigned nbits, const char *spec, const char *what, char *err,
	    size_t errlen)
{
	const struct word_table t = { words, count };
	uint64_t bits;

	if (parse_tokens(&bits, nbits, spec, lookup_word, &t, what, err, errlen) < 0)
		return -1;
	*out = (unsigned)bits;
	return 0;
}

int
filter_parse_status(unsigned *bits, const char *spec, char *err, size_t errlen)
{
	return parse_words(bits, status_words,
			   sizeof(status_words) / sizeof(status_words[0]), 5,
			   spec, "status", err, errlen);
}

int
filter_parse_quiet(unsigned *bits, const char *spec, char *err, size_t errlen)
{
	return parse_words(bits, quiet_words,
			   sizeof(quiet_words) / sizeof(quiet_words[0]), 5,
			   spec, "quiet", err, errlen);
}
