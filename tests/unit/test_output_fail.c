/*
 * test_output_fail.c - the trace cannot be written (src/output.c):
 * a trace on stderr whose pipe reader is gone fails with EPIPE (SIGPIPE
 * is blocked, as the loop blocks it), the SIGPIPE the write raised is not
 * left pending (it would kill ftrace-c when the mask is restored to wait
 * for a detached command), and out_failed_signal() tells the loop to act
 * as on SIGPIPE, as strace 6.1 does; a failed -o file does not.  One test
 * binary per case: a failed main stream stays failed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ftrace.h"
#include "output.h"
#include "tracee.h"

static void
test_stderr_broken_pipe(void **state)
{
	struct tracee t = { .tid = 4200 };
	sigset_t block, old, pending;
	int p[2], saved;

	(void)state;
	opts = (struct options){ 0 };
	sigemptyset(&block);
	sigaddset(&block, SIGPIPE);
	assert_int_equal(sigprocmask(SIG_BLOCK, &block, &old), 0);
	assert_int_equal(pipe(p), 0);
	close(p[0]);
	saved = dup(STDERR_FILENO);
	dup2(p[1], STDERR_FILENO);
	close(p[1]);
	out_set_prefix(false);
	out_open(NULL);
	assert_false(out_failed());
	assert_int_equal(out_failed_signal(), 0);
	out_line_start(&t);
	out_puts("getpid()");
	out_tab_result();
	out_puts("= 4200");
	out_line_end();
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	assert_true(out_failed());
	assert_int_equal(out_failed_signal(), SIGPIPE);
	assert_int_equal(sigpending(&pending), 0);
	assert_false(sigismember(&pending, SIGPIPE));
	out_line_forget(&t);
	assert_int_equal(sigprocmask(SIG_SETMASK, &old, NULL), 0);
}

/* -o FILE that fills up: a failure, but only a detach (0), no signal. */
static void
test_file_full(void **state)
{
	struct tracee t = { .tid = 4201 };
	static char big[200 * 1024];
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(big) - 1; i++)
		big[i] = 'x';
	opts = (struct options){ .outfile = "/dev/full" };
	out_open("/dev/full");
	out_line_start(&t);
	out_puts(big);	/* more than the 128 KiB buffer: written at once */
	out_line_end();
	out_line_forget(&t);
	out_close();
	assert_true(out_failed());
	assert_int_equal(out_failed_signal(), 0);
}

int
main(void)
{
	/* each case needs a fresh stream: run the one named, or both in turn */
	const struct CMUnitTest pipe_tests[] = {
		cmocka_unit_test(test_stderr_broken_pipe),
	};
	const struct CMUnitTest full_tests[] = {
		cmocka_unit_test(test_file_full),
	};
	pid_t kid;
	int status, fails = 0;

	fflush(stdout);
	fflush(stderr);
	kid = fork();
	if (kid == 0)
		_exit(cmocka_run_group_tests(pipe_tests, NULL, NULL));
	if (kid < 0 || waitpid(kid, &status, 0) != kid || !WIFEXITED(status))
		return 1;
	fails += WEXITSTATUS(status);
	return fails + cmocka_run_group_tests(full_tests, NULL, NULL);
}
