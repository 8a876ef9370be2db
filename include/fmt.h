/*
 * fmt.h - strace's notation for strings and values, as pure functions that
 * write into a caller's buffer (no allocation, no I/O).
 */
#ifndef FTRACE_FMT_H
#define FTRACE_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes of output fmt_quote() may need for len input bytes. */
#define FMT_QUOTE_SIZE(len) (4 * (len) + 3)

/*
 * Quote len bytes as a C-like string literal: "..." with \t \n \v \f \r
 * \" \\ escapes, other non-printable bytes in octal (three digits when an
 * octal digit follows, so the escape cannot swallow it).  dst must hold
 * FMT_QUOTE_SIZE(len) bytes; returns the length written (NUL not counted).
 */
size_t fmt_quote(char *dst, const char *src, size_t len);

/* Same, but every byte as \xNN (getrandom-style buffers). */
size_t fmt_quote_hex(char *dst, const char *src, size_t len);

/*
 * Does the string hold a byte that fmt_quote() would print in octal?  With
 * -x such a string is printed entirely in hex, as strace does.
 */
bool fmt_needs_escape(const char *src, size_t len);

/* "NULL" for 0, else "0x..." (strace's pointer notation). */
size_t fmt_ptr(char *dst, size_t size, uint64_t addr);

#endif /* FTRACE_FMT_H */
