/*
 * test_proctree.c - the process records (src/proctree.c) fed synthetic
 * fork/clone/exec/exit sequences, the --tree text (src/proctree_print.c),
 * the --timeline SVG structure (src/timeline.c) and the -c --per-process
 * tables (src/stats.c).  The "tracee" that execs is this process, so its
 * argv is read from our own memory as a tracee's would be.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ftrace.h"
#include "output.h"
#include "proctree.h"
#include "stats.h"
#include "syscall_info.h"
#include "sysent.h"
#include "timeline.h"
#include "tracee.h"

#define MS 1000000ull

static char *
capture(void (*fn)(FILE *))
{
	/* static: the stream updates them at fclose, after this frame */
	static char *buf;
	static size_t len;
	FILE *f;

	buf = NULL;
	f = open_memstream(&buf, &len);

	assert_non_null(f);
	fn(f);
	fclose(f);
	return buf;
}

/* An execve entry of t with this argv (in our memory), then the event. */
static void
exec_with(struct tracee *t, const char *const *argv)
{
	struct sc_rec rec = { .op = SC_OP_ENTRY, .arch = ARCH_X86_64,
			      .nr = 59 };

	rec.args[0] = (uint64_t)(uintptr_t)argv[0];
	rec.args[1] = (uint64_t)(uintptr_t)argv;
	t->ent = &sysent_table[SC_execve];
	t->entry = rec;
	proctree_on_entry(t, &rec);
	proctree_on_exec(t);
}

static void
syscalls(struct tracee *t, unsigned n, unsigned failed)
{
	struct sc_rec rec = { .arch = ARCH_X86_64, .nr = 39 };
	unsigned i;

	t->ent = &sysent_table[SC_getpid];
	for (i = 0; i < n; i++) {
		proctree_on_entry(t, &rec);
		rec.is_error = i < failed;
		rec.rval = rec.is_error ? -2 : 0;
		proctree_on_exit(t, &rec);
	}
}

static struct tracee *root, *kid, *thr, *grandkid, *late;

/*
 * root (this process) execs "make -j2" then "sh -c 'a b'";
 * kid forks from root, execs nothing, killed by SIGKILL with a core;
 * thr is a thread of root (first seen as a process, then merged);
 * grandkid forks from kid, exits 2; late forks from root, runs on.
 */
static void
build(void)
{
	static const char *const argv1[] = { "/usr/bin/make", "-j2", NULL };
	static const char *const argv2[] = { "sh", "-c", "a b", NULL };

	tracee_remove_all();
	proctree_reset();
	opts = (struct options){ .max_strlen = 32 };
	proctree_enable(true);
	proctree_set_clock(1000 * MS);
	root = tracee_add(getpid(), NULL);
	exec_with(root, argv1);
	syscalls(root, 10, 3);
	proctree_set_clock(1100 * MS);
	kid = tracee_add(getpid() + 100000, NULL);
	proctree_on_child(root, kid, false);
	syscalls(kid, 4, 0);
	/* a thread whose first stop came before its clone event */
	thr = tracee_add(getpid() + 100001, NULL);
	syscalls(thr, 5, 1);
	proctree_on_child(root, thr, true);
	tracee_set_proc(thr, root->proc);
	proctree_set_clock(1200 * MS);
	exec_with(root, argv2);
	grandkid = tracee_add(getpid() + 100002, NULL);
	proctree_on_child(kid, grandkid, false);
	proctree_set_clock(1300 * MS);
	proctree_on_death(grandkid, 2 << 8);
	late = tracee_add(getpid() + 100003, NULL);
	proctree_on_child(root, late, false);
	proctree_set_clock(1500 * MS);
	proctree_on_death(kid, SIGKILL | 0x80);
	proctree_set_clock(2000 * MS);
	proctree_on_death(root, 0);
	proctree_finish();
}

static void
test_model(void **state)
{
	const struct proctree_rec *r;

	(void)state;
	build();
	/* the thread is not a process; its syscalls are root's */
	assert_int_equal(proctree_count(), 4);
	r = root->proc->rec;
	assert_int_equal(r->pid, getpid());
	assert_int_equal(r->ppid, 0);
	assert_int_equal(r->nexecs, 2);
	assert_int_equal(r->execs[0].argc, 2);
	assert_string_equal(r->execs[0].argv[1], "-j2");
	assert_string_equal(r->execs[1].argv[2], "a b");
	assert_non_null(r->execs[0].cwd);
	assert_int_equal(r->syscalls, 10 + 5 + 2);
	assert_int_equal(r->failed, 3 + 1);
	assert_int_equal(r->threads, 1);
	assert_string_equal(proctree_comm_base(r), "sh");
	assert_int_equal(r->end, PROCTREE_EXITED);
	assert_int_equal(r->status, 0);
	r = kid->proc->rec;
	assert_int_equal(r->ppid, getpid());
	assert_ptr_equal(r->parent, root->proc->rec);
	/* a fork runs its parent's program until it execs */
	assert_string_equal(proctree_comm_base(r), "make");
	assert_int_equal(r->end, PROCTREE_KILLED);
	assert_int_equal(r->status, SIGKILL);
	assert_true(r->core);
	assert_int_equal(grandkid->proc->rec->ppid, kid->tid);
	assert_int_equal(late->proc->rec->end, PROCTREE_RUNNING);
	assert_int_equal(late->proc->rec->end_ns, 2000 * MS);
}

static void
test_failed_exec_keeps_nothing(void **state)
{
	static const char *const argv[] = { "nope", NULL };
	struct sc_rec rec = { .arch = ARCH_X86_64, .nr = 59, .is_error = true,
			      .rval = -2 };
	struct tracee *t;

	(void)state;
	tracee_remove_all();
	proctree_reset();
	proctree_enable(false);
	t = tracee_add(getpid(), NULL);
	assert_null(t->proc->rec->stats);
	rec.args[1] = (uint64_t)(uintptr_t)argv;
	t->ent = &sysent_table[SC_execve];
	t->entry = rec;
	proctree_on_entry(t, &rec);
	proctree_on_exit(t, &rec);
	assert_int_equal(t->proc->rec->nexecs, 0);
	assert_int_equal(t->proc->rec->failed, 1);
	assert_string_equal(proctree_comm_base(t->proc->rec), "?");
	/* disabled: no record at all */
	tracee_remove_all();
	proctree_reset();
	t = tracee_add(getpid(), NULL);
	assert_null(t->proc->rec);
	tracee_remove_all();
}

static void
test_tree_text(void **state)
{
	char *text, line[256];
	int pid = getpid();

	(void)state;
	build();
	text = capture(proctree_print);
	/* cwd varies: check it separately, then compare without it */
	assert_non_null(strstr(text, " [cwd /"));
	{
		char *p, *q;

		while ((p = strstr(text, " [cwd ")) && (q = strchr(p, ']')))
			memmove(p, q + 1, strlen(q + 1) + 1);
	}
	snprintf(line, sizeof(line),
		 "%d /usr/bin/make -j2 => sh -c \"a b\" +0.000s 1.000s exited 0, "
		 "17 syscalls, 4 failed, 1 threads\n", pid);
	assert_memory_equal(text, line, strlen(line));
	snprintf(line, sizeof(line),
		 "|- %d <make> +0.100s 0.400s killed by SIGKILL (core dumped), "
		 "4 syscalls, 0 failed\n"
		 "|  `- %d <make> +0.200s 0.100s exited 2, 0 syscalls, 0 failed\n"
		 "`- %d <sh> +0.300s 0.700s running, 0 syscalls, 0 failed\n",
		 pid + 100000, pid + 100002, pid + 100003);
	assert_string_equal(strchr(text, '\n') + 1, line);
	free(text);
	tracee_remove_all();
}

static void
print_arg(FILE *f)
{
	proctree_print_arg(f, "plain-arg_1.c");
	fputc(' ', f);
	proctree_print_arg(f, "two words");
	fputc(' ', f);
	proctree_print_arg(f, "q\"\\\n\x01\xff");
	fputc(' ', f);
	proctree_print_arg(f, "");
}

static void
test_arg_quoting(void **state)
{
	char *text = capture(print_arg);

	(void)state;
	assert_string_equal(text,
		"plain-arg_1.c \"two words\" \"q\\\"\\\\\\n\\x01\\xff\" \"\"");
	free(text);
}

static unsigned
count_str(const char *hay, const char *needle)
{
	unsigned n = 0;

	while ((hay = strstr(hay, needle))) {
		n++;
		hay++;
	}
	return n;
}

static void
test_svg(void **state)
{
	char *svg;

	(void)state;
	build();
	svg = capture(timeline_write);
	assert_memory_equal(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44);
	assert_non_null(strstr(svg, "</svg>\n"));
	/* one bar per process, in tree order, labelled comm + pid */
	assert_int_equal(count_str(svg, "<rect class=\"proc\""), 4);
	assert_int_equal(count_str(svg, "<title>"), 4);
	assert_true(strstr(svg, ">sh ") < strstr(svg, ">make "));
	/* colours: exit 0, killed, exit 2, still running */
	assert_non_null(strstr(svg, "fill=\"#43a047\"><title>"));
	assert_non_null(strstr(svg, "fill=\"#e53935\"><title>"));
	assert_non_null(strstr(svg, "fill=\"#fb8c00\"><title>"));
	assert_non_null(strstr(svg, "fill=\"#90a4ae\"><title>"));
	/* a 1 s span: ticks every 0.1 s, 0s to 1s */
	assert_non_null(strstr(svg, ">0s</text>"));
	assert_non_null(strstr(svg, ">0.2s</text>"));
	assert_non_null(strstr(svg, ">1s</text>"));
	assert_null(strstr(svg, ">1.2s</text>"));
	free(svg);
	tracee_remove_all();
}

static void
xml_text(FILE *f)
{
	timeline_xml_text(f, "a<b>&\"c\" \x01 \xc3\xa9 \xff\xc3");
}

static void
test_svg_text(void **state)
{
	char *text = capture(xml_text);

	(void)state;
	assert_string_equal(text, "a&lt;b&gt;&amp;&quot;c&quot; ? \xc3\xa9 ??");
	free(text);
	assert_int_equal(timeline_tick_ns(1000 * MS), 100 * MS);
	assert_int_equal(timeline_tick_ns(95 * MS), 10 * MS);
	assert_int_equal(timeline_tick_ns(30 * 1000 * MS), 5000 * MS);
	assert_int_equal(timeline_tick_ns(1), 1000);
}

/* -c --per-process: each process's table, then the plain total */
static void
test_per_process_tables(void **state)
{
	char path[] = "/tmp/ftrace-test-pp-XXXXXX";
	int fd = mkstemp(path);
	struct sc_rec rec = { .arch = ARCH_X86_64, .nr = 3 };
	struct timespec a = { 1, 0 }, b = { 1, 20000 };
	char got[4096], want[256];
	ssize_t n;

	(void)state;
	assert_true(fd >= 0);
	build();
	opts = (struct options){ .summary = SUMMARY_ONLY, .summary_wall = true,
				 .per_process = true };
	stats_reset();
	stats_count(&rec, false, stats_stop_clock(&a), &b, root->proc->rec->stats);
	stats_count(&rec, true, stats_stop_clock(&a), &b, kid->proc->rec->stats);
	rec.nr = 0;
	stats_count(&rec, false, stats_stop_clock(&a), &b, kid->proc->rec->stats);
	out_open(path);
	stats_print();
	out_close();
	n = pread(fd, got, sizeof(got) - 1, 0);
	assert_true(n > 0);
	got[n] = '\0';
	close(fd);
	unlink(path);
	snprintf(want, sizeof(want), "--- pid %d (sh) ---\n", getpid());
	assert_memory_equal(got, want, strlen(want));
	assert_non_null(strstr(got,
		"100.00    0.000020          20         1           close\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000020          20         1           total\n\n"
		"--- pid "));
	snprintf(want, sizeof(want), "--- pid %d (make) ---\n", getpid() + 100000);
	assert_non_null(strstr(got, want));
	/* processes without counted calls have no section */
	assert_int_equal(count_str(got, "--- pid "), 2);
	assert_non_null(strstr(got,
		"--- total ---\n"
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 66.67    0.000040          20         2         1 close\n"
		" 33.33    0.000020          20         1           read\n"));
	stats_reset();
	opts = (struct options){ .max_strlen = 32 };
	tracee_remove_all();
	proctree_reset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_failed_exec_keeps_nothing),
		cmocka_unit_test(test_tree_text),
		cmocka_unit_test(test_arg_quoting),
		cmocka_unit_test(test_svg),
		cmocka_unit_test(test_svg_text),
		cmocka_unit_test(test_per_process_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
