/*
 * ftrace.h - types shared by every module: the parsed command line.
 */
#ifndef FTRACE_FTRACE_H
#define FTRACE_FTRACE_H

#include <stdbool.h>

#define FTRACE_NAME    "ftrace-c"
#define FTRACE_VERSION "0.1.0"

struct sc_set;
struct stats_config;
struct sig_set;

/* -X: how named constants print (flags, values, signals, AT_FDCWD). */
enum xmode {
	XMODE_ABBREV = 0,  /* by name: O_RDONLY|O_CLOEXEC (default) */
	XMODE_RAW,         /* as numbers: 0x80000 */
	XMODE_VERBOSE,     /* both: 0x80000 followed by the names in a comment */
};

/* Everything the command line says; filled once by options_parse(). */
struct options {
	bool follow_forks;      /* -f: trace children and threads too */
	const char *outfile;    /* -o FILE, NULL for stderr */
	unsigned max_strlen;    /* -s N: string and array abbreviation */
	unsigned quiet;         /* -q count (quiet_set says what it hides) */
	bool verbose;           /* -v: unabbreviated structs, envp, arrays */
	unsigned yflag;         /* -y: fds with their paths */
	unsigned tflag;         /* -t, -tt, -ttt: wall-clock time of each line */
	bool rflag;             /* -r: time since the previous line */
	bool Tflag;             /* -T: time spent in each syscall */
	/* what -t... or --absolute-timestamps asked for (timestamp.h) */
	int ts_format;          /* enum timestamp_format, NONE when off */
	int ts_digits;          /* its decimals: 0, 3, 6 or 9 */
	int rel_digits;         /* -r decimals (6 unless given) */
	int dur_digits;         /* -T decimals (6 unless given) */
	bool iflag;             /* -i: instruction pointer of each syscall */
	bool nflag;             /* -n: syscall numbers */
	unsigned xmode;         /* -X: XMODE_ABBREV, XMODE_RAW, XMODE_VERBOSE */
	unsigned xflag;         /* -x: non-ASCII bytes as \\x; -xx: every byte */
	bool seccomp_bpf;       /* --seccomp-bpf: a seccomp filter skips untraced stops */
	bool output_separately; /* -ff, --output-separately: FILE.TID per thread */
	bool append;            /* -A: open -o files in append mode */
	bool detach_on_execve;  /* -b execve: let a tracee go when it execs */
	const char *username;   /* -u: run the command as this user */
	char **env_ops;         /* -E VAR=VAL / -E VAR, env_count of them */
	unsigned env_count;
	char **command;         /* the command and its arguments (or NULL) */
	pid_t *attach_pids;     /* -p PID..., attach_count of them */
	unsigned attach_count;
	bool descendants;       /* --descendants: -p takes the whole tree below */
	/* -e trace=, abbrev=, verbose=, raw=: NULL means the default */
	const struct sc_set *trace;   /* default: all */
	const struct sc_set *abbrev;  /* default: all (none with -v) */
	const struct sc_set *deref;   /* -e verbose=; default: all */
	const struct sc_set *raw;     /* default: none */
	/* -c / -C summary (stats.h) */
	unsigned summary;       /* SUMMARY_ONLY (-c), SUMMARY_ALSO (-C) or 0 */
	bool summary_wall;      /* -w: wall-clock syscall times, not CPU time */
	const struct stats_config *summary_cfg; /* -S, -U; NULL: defaults */
	const struct sig_set *signals; /* -e signal=; NULL: all */
	unsigned status;        /* -e status=, -z, -Z: STATUS_* bits; 0: all */
	unsigned quiet_set;     /* QUIET_* bits, from -q... or -e quiet= */
	const char **paths;     /* -P PATH (and resolved forms), path_count */
	unsigned path_count;
	/* process-tree audit (docs/audit.md); a FILE of NULL means stderr */
	bool tree;              /* --tree[=FILE]: the process tree at the end */
	const char *tree_file;
	bool files;             /* --files[=FILE]: the file-access report */
	const char *files_file;
	unsigned files_sort;    /* --files-sort=: FILES_SORT_* (filetrack.h) */
	const char *timeline_file; /* --timeline=FILE.svg */
	bool per_process;       /* -c/-C --per-process: a table per process */
	/* --json, --trace-events (json_out.h, trace_events.h) */
	bool json;              /* JSON Lines replace the text trace */
	const char *trace_events; /* --trace-events=FILE, or NULL */
	bool records;           /* either: syscall text is captured (t->rec) */
};


extern struct options opts;

#endif /* FTRACE_FTRACE_H */
