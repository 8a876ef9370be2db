/*
 * filter.c - syscall set expressions (include/filter.h), with strace's
 * syntax and error wording.
 */
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "filter.h"

struct class_name {
	const char *name;
	uint32_t flags;
};

/* The names -e trace=%NAME accepts (also without the '%'). */
static const struct class_name classes[] = {
	{ "file", CLS_FILE },           { "desc", CLS_DESC },
	{ "process", CLS_PROCESS },     { "network", CLS_NETWORK },
	{ "net", CLS_NETWORK },         { "signal", CLS_SIGNAL },
	{ "ipc", CLS_IPC },             { "memory", CLS_MEMORY },
	{ "creds", CLS_CREDS },         { "clock", CLS_CLOCK },
	{ "stat", CLS_STAT },           { "lstat", CLS_LSTAT },
	{ "fstat", CLS_FSTAT },         { "%stat", CLS_STAT_LIKE },
	{ "statfs", CLS_STATFS },       { "fstatfs", CLS_FSTATFS },
	{ "%statfs", CLS_STATFS_LIKE }, { "pure", CLS_PURE },
};

void
sc_set_fill(struct sc_set *s, bool all)
{
	memset(s->bits, all ? 0xff : 0, sizeof(s->bits));
	s->unknown_in = all;
}

/* Set the bit of every syscall match() accepts; returns how many. */
static unsigned
mark(struct sc_set *s, bool on, bool (*match)(const struct sysent *, const void *),
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
			if (on)
				s->bits[a][nr / 64] |= 1ULL << (nr % 64);
			else
				s->bits[a][nr / 64] &= ~(1ULL << (nr % 64));
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

static int
add_item(struct sc_set *s, bool on, const char *item, char *err, size_t errlen)
{
	const char *name = item;
	bool optional = false;
	unsigned i;

	if (strcmp(item, "all") == 0) {
		for (i = 0; i < SYSENT_NARCHES; i++)
			memset(s->bits[i], on ? 0xff : 0, sizeof(s->bits[i]));
		s->unknown_in = on;
		return 0;
	}
	if (strcmp(item, "none") == 0)
		return 0;
	if (item[0] == '?') {
		optional = true;
		name++;
	}
	if (name[0] == '/') {
		regex_t re;
		int rc = regcomp(&re, name + 1, REG_EXTENDED | REG_NOSUB);

		if (rc) {
			char msg[128];

			regerror(rc, &re, msg, sizeof(msg));
			snprintf(err, errlen, "regcomp: %s: %s", name + 1, msg);
			return -1;
		}
		mark(s, on, match_regex, &re);
		regfree(&re);
		return 0;
	}
	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		const char *cls = name[0] == '%' ? name + 1 : name;

		if (strcmp(cls, classes[i].name) == 0) {
			mark(s, on, match_flags, &classes[i].flags);
			return 0;
		}
	}
	if (name[0] && name[0] != '%' && mark(s, on, match_name, name))
		return 0;
	if (optional)
		return 0;
	snprintf(err, errlen, "invalid system call '%s'", item);
	return -1;
}

int
sc_set_parse(struct sc_set *s, const char *spec, char *err, size_t errlen)
{
	char buf[1024], *item, *save = NULL;
	bool on = true;

	if (spec[0] == '!') {
		/* "!list": everything but the list */
		on = false;
		spec++;
		sc_set_fill(s, true);
	}
	if (!spec[0] || strlen(spec) >= sizeof(buf)) {
		snprintf(err, errlen, "invalid system call '%.900s'", spec);
		return -1;
	}
	strcpy(buf, spec);
	for (item = strtok_r(buf, ",", &save); item;
	     item = strtok_r(NULL, ",", &save))
		if (add_item(s, on, item, err, errlen) < 0)
			return -1;
	return 0;
}
