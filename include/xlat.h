/*
 * xlat.h - numbers to the names strace prints for them: errnos and signals.
 *
 * The tables are generated from the kernel headers by src/xlat/gen_xlat.sh.
 */
#ifndef FTRACE_XLAT_H
#define FTRACE_XLAT_H

/* "ENOENT" for 2, kernel-internal codes too ("ERESTARTSYS"); else NULL. */
const char *xlat_errno_name(int err);

/* "SIGHUP".."SIGSYS", "SIGRTMIN", "SIGRT_1".."SIGRT_32"; else NULL. */
const char *xlat_signal_name(int sig);

#endif /* FTRACE_XLAT_H */
