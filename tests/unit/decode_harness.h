/*
 * decode_harness.h - run one whole syscall through the real dispatcher and
 * get back the line ftrace-c prints, for decoder unit tests.
 *
 *	#include "decode_harness.h"   (after cmocka.h)
 *	static char buf[] = "abc";
 *	assert_string_equal(DH("write", 1, (uintptr_t)buf, 3, 0, 0, 0, 3),
 *			    "write(1, \"abc\", 3) = 3");
 *
 * The tracee is this test process itself (tid = getpid()), so pointers to
 * the test's own variables are "tracee memory" that process_vm_readv can
 * read; use an unmapped page (dh_unmapped()) for unreadable memory.  The
 * returned line has its padding before "= " folded to one space; a
 * result in [-4095, -1] is an error (-errno).  Link with --wrap=ptrace:
 * test files named test_decode_*.c get it from the Makefile.
 */
#ifndef FTRACE_TEST_DECODE_HARNESS_H
#define FTRACE_TEST_DECODE_HARNESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ftrace.h"
#include "mock_ptrace.h"
#include "output.h"
#include "sysent.h"
#include "trace.h"
#include "tracee.h"

#define DH_STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)

static char dh_log_path[64];
static char dh_text[65536];
static char dh_line[16384 + 1];
static uint32_t dh_arch = ARCH_X86_64;

/* Default options; a test may change opts (-s, -v, -x) after this. */
__attribute__((unused)) static int
dh_setup(void **state)
{
	int fd;

	(void)state;
	strcpy(dh_log_path, "/tmp/ftrace-dec-test-XXXXXX");
	fd = mkstemp(dh_log_path);
	if (fd < 0)
		return -1;
	close(fd);
	opts = (struct options){ .max_strlen = 32, .outfile = dh_log_path };
	dh_arch = ARCH_X86_64;
	out_open(dh_log_path);
	out_set_prefix(false);
	return 0;
}

__attribute__((unused)) static int
dh_teardown(void **state)
{
	(void)state;
	out_close();
	tracee_remove_all();
	unlink(dh_log_path);
	return 0;
}

/* The last line written, padding before "= " folded to one space. */
__attribute__((unused)) static const char *
dh_last_line(void)
{
	FILE *f;
	size_t n;
	char *end, *start, *pad;

	out_flush();
	f = fopen(dh_log_path, "r");
	if (!f)
		return "";
	n = fread(dh_text, 1, sizeof(dh_text) - 1, f);
	fclose(f);
	dh_text[n] = '\0';
	end = dh_text + n;
	if (end > dh_text && end[-1] == '\n')
		*--end = '\0';
	start = strrchr(dh_text, '\n');
	start = start ? start + 1 : dh_text;
	n = strlen(start);
	if (n >= sizeof(dh_line))
		n = sizeof(dh_line) - 1;
	memcpy(dh_line, start, n);
	dh_line[n] = '\0';
	/* ")     = " -> ") = " : the last run of spaces before "= " */
	pad = strstr(dh_line, "  = ");
	if (!pad)
		pad = strstr(dh_line, "  =\n");
	if (pad) {
		char *p = pad;

		while (pad > dh_line && pad[-1] == ' ')
			pad--;
		while (*p == ' ')
			p++;
		memmove(pad + 1, p, strlen(p) + 1);
	}
	return dh_line;
}

__attribute__((unused)) static void
dh_stop_info(pid_t tid)
{
	trace_handle_status(tid, DH_STOPPED(SIGTRAP | 0x80, 0));
}

/* Entry of syscall name with args; the line stays open. */
__attribute__((unused)) static void
dh_entry(const char *name, const uint64_t args[6])
{
	pid_t me = getpid();
	uint64_t nr = 0;
	int i;

	if (!tracee_find(me)) {
		tracee_add(me, NULL);
		trace_handle_status(me, DH_STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	}
	if (!sysent_by_name(dh_arch, name, &nr))
		fail_msg("no syscall %s on arch %#x", name, dh_arch);
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_ENTRY;
	next_info.arch = dh_arch;
	next_info.stack_pointer = (uint64_t)(uintptr_t)&nr;
	next_info.entry.nr = nr;
	for (i = 0; i < 6; i++)
		next_info.entry.args[i] = args[i];
	dh_stop_info(me);
}

/* Exit with rval (an error if in [-4095, -1]). */
__attribute__((unused)) static void
dh_exit(int64_t rval)
{
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_EXIT;
	next_info.arch = dh_arch;
	next_info.exit.rval = rval;
	next_info.exit.is_error = rval < 0 && rval >= -4095;
	dh_stop_info(getpid());
}

/* Text of the entry part printed so far (for "<unfinished" splits). */
__attribute__((unused)) static const char *
dh_entry_text(const char *name, const uint64_t args[6])
{
	dh_entry(name, args);
	return dh_last_line();
}

__attribute__((unused)) static const char *
dh_syscall(const char *name, uint64_t a0, uint64_t a1, uint64_t a2,
	   uint64_t a3, uint64_t a4, uint64_t a5, int64_t rval)
{
	const uint64_t args[6] = { a0, a1, a2, a3, a4, a5 };

	dh_entry(name, args);
	dh_exit(rval);
	return dh_last_line();
}

/*
 * For tests/unit/coverage_check.sh: the decoder of syscall name is run by
 * the next call, made under another name (send and recv only exist
 * through i386's socketcall) or without DH (a custom stack pointer).
 */
#define DH_COVERS(name) ((void)(name))

#define DH(name, a0, a1, a2, a3, a4, a5, rval) \
	dh_syscall(name, (uint64_t)(a0), (uint64_t)(a1), (uint64_t)(a2), \
		   (uint64_t)(a3), (uint64_t)(a4), (uint64_t)(a5), (int64_t)(rval))

/* The address of a page that is mapped PROT_NONE: unreadable memory. */
__attribute__((unused)) static uintptr_t
dh_unmapped(void)
{
	static void *page;

	if (!page)
		page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
			    -1, 0);
	return (uintptr_t)page;
}

/*
 * A buffer whose first n bytes are readable and followed by an unreadable
 * page: for "partially readable" tests.  Returns the start of the n bytes.
 */
__attribute__((unused)) static char *
dh_partial(const char *bytes, size_t n)
{
	static char *area;

	if (!area) {
		area = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		mprotect(area + 4096, 4096, PROT_NONE);
	}
	memcpy(area + 4096 - n, bytes, n);
	return area + 4096 - n;
}

#endif /* FTRACE_TEST_DECODE_HARNESS_H */
