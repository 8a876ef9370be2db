/*
 * personality.h - which architecture each tracee runs as, and the
 * "[ Process PID=N runs in 32 bit mode. ]" line when that changes.
 */
#ifndef FTRACE_PERSONALITY_H
#define FTRACE_PERSONALITY_H

#include "syscall_info.h"

struct tracee;

/* The AUDIT_ARCH_* of ftrace-c itself: what a spawned tracee starts as. */
uint32_t personality_native(void);

/* A syscall-entry stop: note rec's arch, print a line if it changed. */
void personality_note(struct tracee *t, const struct sc_rec *rec);

/* A new child runs as its parent did, until its own stops say otherwise. */
void personality_inherit(struct tracee *child, const struct tracee *parent);

#endif /* FTRACE_PERSONALITY_H */
