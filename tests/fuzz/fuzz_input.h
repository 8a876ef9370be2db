/*
 * fuzz_input.h - reading a libFuzzer input as a sequence of fields.
 *
 * A field past the end of the input reads as zero, so every input, even
 * an empty one, is a valid record: the fuzzer never wastes time on inputs
 * the harness rejects, and a short seed still reaches the decoders.
 */
#ifndef FTRACE_FUZZ_INPUT_H
#define FTRACE_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct fuzz_in {
	const uint8_t *p;
	size_t left;
};

static inline uint8_t
fuzz_u8(struct fuzz_in *in)
{
	uint8_t v = 0;

	if (in->left) {
		v = *in->p++;
		in->left--;
	}
	return v;
}

static inline uint64_t
fuzz_uint(struct fuzz_in *in, unsigned bytes)
{
	uint64_t v = 0;
	unsigned i;

	/* little-endian, so seeds written by hand read naturally */
	for (i = 0; i < bytes; i++)
		v |= (uint64_t)fuzz_u8(in) << (8 * i);
	return v;
}

/* Up to n bytes into buf (the rest zero); returns how many were there. */
static inline size_t
fuzz_bytes(struct fuzz_in *in, void *buf, size_t n)
{
	size_t k = n < in->left ? n : in->left;

	memcpy(buf, in->p, k);
	memset((uint8_t *)buf + k, 0, n - k);
	in->p += k;
	in->left -= k;
	return k;
}

#endif /* FTRACE_FUZZ_INPUT_H */
