/*
 * trace_events.c - --trace-events=FILE (include/trace_events.h).
 *
 * The Trace Event Format's JSON object form, written as a stream: the
 * opening part at start-up, one event per line (each a complete JSON
 * value, separated by commas), and the closing "]}" on every exit path,
 * so an interrupted trace still loads.  Events used:
 *   "M" process_name / thread_name: a track per process and per thread,
 *       named by the command (/proc/PID/comm, read once per new process,
 *       thread and exec; never at a syscall stop)
 *   "X" one complete slice per syscall: ts, dur, args {args, ret}
 *   "i" instant events (scope "t") for exec, signals, group-stops, exits
 *   "s"/"f" a flow arrow from a fork/clone (the parent's clone slice) to
 *       the child's first slice
 * ts and dur are microseconds with 3 decimals (ns), CLOCK_MONOTONIC since
 * start-up; "displayTimeUnit":"ns" asks viewers to show that precision.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "ftrace.h"
#include "jsonw.h"
#include "trace_events.h"

#define TEV_BUF_SIZE (128 * 1024)

static char buf[TEV_BUF_SIZE];
static size_t used;
static int fd = -1;
static bool failed, any_event;
static const char *name_of_file;
static struct timespec t0;
static uint64_t flow_id;
static struct jsonw jw;

static void
flush(void)
{
	size_t off = 0;

	while (off < used && !failed) {
		ssize_t n = write(fd, buf + off, used - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			failed = true;
			error_msg("%s: %s", name_of_file,
				  n < 0 ? strerror(errno) : "short write");
			break;
		}
		off += (size_t)n;
	}
	used = 0;
}

static void
put(const char *s, size_t n)
{
	while (n) {
		size_t k = n < TEV_BUF_SIZE - used ? n : TEV_BUF_SIZE - used;

		memcpy(buf + used, s, k);
		used += k;
		s += k;
		n -= k;
		if (used == TEV_BUF_SIZE)
			flush();
	}
}

static void
sink(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	put(s, n);
}

static void
puts_(const char *s)
{
	put(s, strlen(s));
}

void
trace_events_open(const char *path)
{
	struct timespec real;
	char head[256];
	int n;

	name_of_file = path;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		die_perror("Can't fopen '%s'", path);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_REALTIME, &real);
	n = snprintf(head, sizeof(head),
		     "{\"displayTimeUnit\":\"ns\",\"otherData\":{\"tool\":\"%s\","
		     "\"version\":\"%s\",\"clock\":\"CLOCK_MONOTONIC\","
		     "\"start_realtime_ns\":%lld},\"traceEvents\":[\n",
		     FTRACE_NAME, FTRACE_VERSION,
		     (long long)real.tv_sec * 1000000000 + real.tv_nsec);
	put(head, (size_t)n);
}

void
trace_events_close(void)
{
	if (fd < 0)
		return;
	puts_("]}\n");
	flush();
	close(fd);
	fd = -1;
}

/* Start an event: the separator, "{", and the fields every event has. */
static void
begin(const char *ph, pid_t pid, pid_t tid)
{
	if (any_event)
		put(",\n", 2);
	any_event = true;
	jsonw_init(&jw, sink, NULL);
	jsonw_obj_begin(&jw);
	jsonw_kstr(&jw, "ph", ph);
	jsonw_kint(&jw, "pid", pid);
	jsonw_kint(&jw, "tid", tid);
}

/* Microseconds since start-up, 3 decimals, as a JSON number. */
static void
put_us(const char *key, uint64_t ns)
{
	char tmp[40];
	int n = snprintf(tmp, sizeof(tmp), "%" PRIu64 ".%03u", ns / 1000,
			 (unsigned)(ns % 1000));

	jsonw_key(&jw, key);
	jsonw_raw(&jw, tmp, (size_t)n);
}

static uint64_t
since_start(const struct timespec *t)
{
	int64_t ns = ((int64_t)t->tv_sec - t0.tv_sec) * 1000000000 +
		     (t->tv_nsec - t0.tv_nsec);

	return ns > 0 ? (uint64_t)ns : 0;
}

void
trace_events_slice(pid_t pid, pid_t tid, const char *name,
		   const struct timespec *start, uint64_t dur_ns,
		   const char *args, size_t args_len,
		   const char *ret, size_t ret_len)
{
	if (fd < 0)
		return;
	begin("X", pid, tid);
	jsonw_kstr(&jw, "name", name);
	jsonw_kstr(&jw, "cat", "syscall");
	put_us("ts", since_start(start));
	put_us("dur", dur_ns);
	jsonw_key(&jw, "args");
	jsonw_obj_begin(&jw);
	jsonw_key(&jw, "args");
	jsonw_strn(&jw, args, args_len);
	jsonw_key(&jw, "ret");
	jsonw_strn(&jw, ret, ret_len);
	jsonw_obj_end(&jw);
	jsonw_obj_end(&jw);
}

void
trace_events_instant(pid_t pid, pid_t tid, const char *name,
		     const struct timespec *when, const char *detail)
{
	if (fd < 0)
		return;
	begin("i", pid, tid);
	jsonw_kstr(&jw, "name", name);
	jsonw_kstr(&jw, "cat", "process");
	jsonw_kstr(&jw, "s", "t");
	put_us("ts", since_start(when));
	if (detail) {
		jsonw_key(&jw, "args");
		jsonw_obj_begin(&jw);
		jsonw_kstr(&jw, "detail", detail);
		jsonw_obj_end(&jw);
	}
	jsonw_obj_end(&jw);
}

/* /proc/PID/task/TID/comm without its newline; "" if it is gone. */
static size_t
read_comm(pid_t pid, pid_t tid, char *out, size_t size)
{
	char path[64];
	ssize_t n;
	int cfd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/comm", pid, tid);
	cfd = open(path, O_RDONLY | O_CLOEXEC);
	if (cfd < 0)
		return 0;
	n = read(cfd, out, size);
	close(cfd);
	if (n <= 0)
		return 0;
	if (out[n - 1] == '\n')
		n--;
	return (size_t)n;
}

static void
name_event(const char *what, pid_t pid, pid_t tid, const char *s, size_t n)
{
	begin("M", pid, tid);
	jsonw_kstr(&jw, "name", what);
	jsonw_key(&jw, "args");
	jsonw_obj_begin(&jw);
	jsonw_key(&jw, "name");
	jsonw_strn(&jw, s, n);
	jsonw_obj_end(&jw);
	jsonw_obj_end(&jw);
}

void
trace_events_name(pid_t pid, pid_t tid, bool thread_too)
{
	char comm[64];
	size_t n;

	if (fd < 0)
		return;
	n = read_comm(pid, tid, comm, sizeof(comm));
	if (!n)
		n = read_comm(pid, pid, comm, sizeof(comm));
	if (!n)
		return;
	if (pid == tid || !thread_too)
		name_event("process_name", pid, tid, comm, n);
	if (thread_too)
		name_event("thread_name", pid, tid, comm, n);
}

void
trace_events_flow(pid_t from_pid, pid_t from_tid, pid_t to_pid,
		  pid_t to_tid, const struct timespec *when)
{
	uint64_t at;

	if (fd < 0)
		return;
	at = since_start(when);
	flow_id++;
	begin("s", from_pid, from_tid);
	jsonw_kstr(&jw, "name", "spawn");
	jsonw_kstr(&jw, "cat", "process");
	jsonw_kuint(&jw, "id", flow_id);
	put_us("ts", at);
	jsonw_obj_end(&jw);
	begin("f", to_pid, to_tid);
	jsonw_kstr(&jw, "name", "spawn");
	jsonw_kstr(&jw, "cat", "process");
	jsonw_kuint(&jw, "id", flow_id);
	put_us("ts", at);
	jsonw_obj_end(&jw);
}
