/*
 * umem.h - reading tracee memory.
 *
 * process_vm_readv first (one syscall for any size), PTRACE_PEEKDATA word
 * by word when that is not allowed.  Reads never cross into a page that is
 * not readable: a string that ends just before an unmapped page is still
 * read whole.  Failures are reported, never printed: the caller prints the
 * address instead.
 */
#ifndef FTRACE_UMEM_H
#define FTRACE_UMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Read exactly len bytes; 0 on success, -1 if any byte is unreadable. */
int umem_read(pid_t tid, uint64_t addr, void *buf, size_t len);

/*
 * Read a NUL-terminated string of at most size-1 bytes into buf.  Returns
 * the length read (without the NUL) and sets *terminated when the NUL was
 * found within size-1 bytes; -1 if the first byte is unreadable.
 */
long umem_read_str(pid_t tid, uint64_t addr, char *buf, size_t size,
		   bool *terminated);

/* Read the pointer-sized word at addr (wordsize 4 or 8). */
int umem_read_word(pid_t tid, uint64_t addr, unsigned wordsize,
		   uint64_t *word);

#endif /* FTRACE_UMEM_H */
