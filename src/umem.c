/*
 * umem.c - tracee memory access (see include/umem.h).
 */
#include <errno.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include "ptrace_ops.h"
#include "umem.h"

#define PAGE_SIZE_MIN 4096UL

/* process_vm_readv is unavailable (ENOSYS) or denied (EPERM): stop trying. */
static bool vm_readv_broken;

static int
read_peek(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	char *out = buf;
	const size_t w = sizeof(unsigned long);

	while (len) {
		uint64_t aligned = addr & ~(uint64_t)(w - 1);
		size_t off = (size_t)(addr - aligned);
		size_t n = w - off < len ? w - off : len;
		unsigned long word;

		if (pt_peekdata(tid, (unsigned long)aligned, &word) < 0)
			return -1;
		memcpy(out, (char *)&word + off, n);
		out += n;
		addr += n;
		len -= n;
	}
	return 0;
}

/* One attempt; returns bytes read (may be short at a page boundary) or -1. */
static ssize_t
read_some(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	struct iovec local = { .iov_base = buf, .iov_len = len };
	struct iovec remote = { .iov_base = (void *)(uintptr_t)addr, .iov_len = len };
	ssize_t n;

	if (!vm_readv_broken) {
		n = process_vm_readv(tid, &local, 1, &remote, 1, 0);
		if (n >= 0)
			return n;
		if (errno != ENOSYS && errno != EPERM)
			return -1;
		vm_readv_broken = true;
	}
	return read_peek(tid, addr, buf, len) == 0 ? (ssize_t)len : -1;
}

int
umem_read(pid_t tid, uint64_t addr, void *buf, size_t len)
{
	char *out = buf;

	if (!addr && len)
		return -1;
	while (len) {
		ssize_t n = read_some(tid, addr, out, len);

		if (n <= 0)
			return -1;
		out += n;
		addr += (uint64_t)n;
		len -= (size_t)n;
	}
	return 0;
}

long
umem_read_str(pid_t tid, uint64_t addr, char *buf, size_t size,
	      bool *terminated)
{
	size_t got = 0, max = size - 1;

	*terminated = false;
	if (!addr || size == 0)
		return -1;
	while (got < max) {
		/* Never ask past the page end: the next page may be unmapped. */
		size_t to_page = PAGE_SIZE_MIN - ((addr + got) & (PAGE_SIZE_MIN - 1));
		size_t want = max - got < to_page ? max - got : to_page;
		ssize_t n = read_some(tid, addr + got, buf + got, want);
		char *nul;

		if (n <= 0)
			break;
		nul = memchr(buf + got, '\0', (size_t)n);
		if (nul) {
			got = (size_t)(nul - buf);
			*terminated = true;
			buf[got] = '\0';
			return (long)got;
		}
		got += (size_t)n;
	}
	buf[got] = '\0';
	if (got == 0 && !*terminated)
		return -1;
	return (long)got;
}

int
umem_read_word(pid_t tid, uint64_t addr, unsigned wordsize, uint64_t *word)
{
	if (wordsize == 4) {
		uint32_t w32;

		if (umem_read(tid, addr, &w32, 4) < 0)
			return -1;
		*word = w32;
		return 0;
	}
	return umem_read(tid, addr, word, 8);
}
