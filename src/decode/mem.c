/*
 * decode/mem.c - memory mapping syscalls: mmap (and i386's mmap2 and
 * old_mmap), mprotect, pkey_mprotect, mremap, madvise, msync, mlock2,
 * mlockall.  munmap, mlock, munlock and brk need only generic decoding.
 *
 * The flag tables list names in the order strace 6.1 prints them, which
 * is not always numeric (MAP_POPULATE comes before MAP_DENYWRITE).
 */
#include "decode.h"
#include "output.h"
#include "umem.h"

/* Values from the x86_64/generic uapi headers, spelled out: libc headers
 * lag behind the kernel. */
static const struct xlat_entry prot_names[] = {
	XLAT_PAIR(0x1, "PROT_READ"), XLAT_PAIR(0x2, "PROT_WRITE"),
	XLAT_PAIR(0x4, "PROT_EXEC"), XLAT_PAIR(0x8, "PROT_SEM"),
	XLAT_PAIR(0x01000000, "PROT_GROWSDOWN"),
	XLAT_PAIR(0x02000000, "PROT_GROWSUP"),
};
static const struct xlat prot_xlat = XLAT_TABLE(prot_names);

static const struct xlat_entry map_type_names[] = {
	XLAT_PAIR(0x0, "MAP_FILE"), XLAT_PAIR(0x1, "MAP_SHARED"),
	XLAT_PAIR(0x2, "MAP_PRIVATE"), XLAT_PAIR(0x3, "MAP_SHARED_VALIDATE"),
};
static const struct xlat map_type_xlat = XLAT_TABLE(map_type_names);

static const struct xlat_entry map_flags_names[] = {
	XLAT_PAIR(0x10, "MAP_FIXED"), XLAT_PAIR(0x20, "MAP_ANONYMOUS"),
	XLAT_PAIR(0x40, "MAP_32BIT"), XLAT_PAIR(0x4000, "MAP_NORESERVE"),
	XLAT_PAIR(0x8000, "MAP_POPULATE"), XLAT_PAIR(0x10000, "MAP_NONBLOCK"),
	XLAT_PAIR(0x100, "MAP_GROWSDOWN"), XLAT_PAIR(0x800, "MAP_DENYWRITE"),
	XLAT_PAIR(0x1000, "MAP_EXECUTABLE"), XLAT_PAIR(0x2000, "MAP_LOCKED"),
	XLAT_PAIR(0x20000, "MAP_STACK"), XLAT_PAIR(0x40000, "MAP_HUGETLB"),
	XLAT_PAIR(0x80000, "MAP_SYNC"),
	XLAT_PAIR(0x100000, "MAP_FIXED_NOREPLACE"),
};
static const struct xlat map_flags_xlat = XLAT_TABLE(map_flags_names);

#define MAP_HUGE_SHIFT_ 26
#define MAP_HUGE_MASK_ 0x3f

static const struct xlat_entry mremap_names[] = {
	XLAT_PAIR(0x1, "MREMAP_MAYMOVE"), XLAT_PAIR(0x2, "MREMAP_FIXED"),
	XLAT_PAIR(0x4, "MREMAP_DONTUNMAP"),
};
static const struct xlat mremap_xlat = XLAT_TABLE(mremap_names);
#define MREMAP_FIXED_ 0x2

static const struct xlat_entry madv_names[] = {
	XLAT_PAIR(0, "MADV_NORMAL"), XLAT_PAIR(1, "MADV_RANDOM"),
	XLAT_PAIR(2, "MADV_SEQUENTIAL"), XLAT_PAIR(3, "MADV_WILLNEED"),
	XLAT_PAIR(4, "MADV_DONTNEED"), XLAT_PAIR(8, "MADV_FREE"),
	XLAT_PAIR(9, "MADV_REMOVE"), XLAT_PAIR(10, "MADV_DONTFORK"),
	XLAT_PAIR(11, "MADV_DOFORK"), XLAT_PAIR(12, "MADV_MERGEABLE"),
	XLAT_PAIR(13, "MADV_UNMERGEABLE"), XLAT_PAIR(14, "MADV_HUGEPAGE"),
	XLAT_PAIR(15, "MADV_NOHUGEPAGE"), XLAT_PAIR(16, "MADV_DONTDUMP"),
	XLAT_PAIR(17, "MADV_DODUMP"), XLAT_PAIR(18, "MADV_WIPEONFORK"),
	XLAT_PAIR(19, "MADV_KEEPONFORK"), XLAT_PAIR(20, "MADV_COLD"),
	XLAT_PAIR(21, "MADV_PAGEOUT"), XLAT_PAIR(22, "MADV_POPULATE_READ"),
	XLAT_PAIR(23, "MADV_POPULATE_WRITE"),
	XLAT_PAIR(24, "MADV_DONTNEED_LOCKED"), XLAT_PAIR(25, "MADV_COLLAPSE"),
	XLAT_PAIR(100, "MADV_HWPOISON"), XLAT_PAIR(101, "MADV_SOFT_OFFLINE"),
};
static const struct xlat madv_xlat = XLAT_TABLE(madv_names);

static const struct xlat_entry msync_names[] = {
	XLAT_PAIR(0x4, "MS_SYNC"), XLAT_PAIR(0x1, "MS_ASYNC"),
	XLAT_PAIR(0x2, "MS_INVALIDATE"),
};
static const struct xlat msync_xlat = XLAT_TABLE(msync_names);

static const struct xlat_entry mlock_names[] = {
	XLAT_PAIR(0x1, "MLOCK_ONFAULT"),
};
static const struct xlat mlock_xlat = XLAT_TABLE(mlock_names);

static const struct xlat_entry mcl_names[] = {
	XLAT_PAIR(0x1, "MCL_CURRENT"), XLAT_PAIR(0x2, "MCL_FUTURE"),
	XLAT_PAIR(0x4, "MCL_ONFAULT"),
};
static const struct xlat mcl_xlat = XLAT_TABLE(mcl_names);

/*
 * Flags, where a value with no known bit at all prints as a number with
 * a "PREFIX_???" comment, the way strace prints unknown values.
 */
static void
print_flags_cmt(const struct xlat *x, uint64_t v, const char *zero_name,
		const char *unknown)
{
	dec_print_flags_cmt(x, v, zero_name, unknown);
}

void
dec_print_prot(uint64_t prot)
{
	print_flags_cmt(&prot_xlat, (uint32_t)prot, "PROT_NONE", "PROT_???");
}

/*
 * mmap flags: the mapping type (the MAP_TYPE bits) by name, then the
 * other flags, then the huge page size as "N<<MAP_HUGE_SHIFT".  strace
 * takes the flags as an int.
 */
static void
print_map_flag_names(uint64_t v)
{
	uint32_t fl = (uint32_t)v;
	uint32_t huge = (fl >> MAP_HUGE_SHIFT_) & MAP_HUGE_MASK_;
	uint32_t rest = fl & ~0xfU & ~((uint32_t)MAP_HUGE_MASK_ << MAP_HUGE_SHIFT_);

	dec_print_xval(&map_type_xlat, fl & 0xf, "%#llx", "MAP_???");
	if (rest) {
		out_write("|", 1);
		dec_print_flags(&map_flags_xlat, rest, NULL);
	}
	if (huge)
		out_printf("|%u<<MAP_HUGE_SHIFT", huge);
}

static void
print_map_flags(uint64_t v)
{
	dec_print_compound((uint32_t)v, "%#llx", print_map_flag_names);
}

static void
print_mmap(struct sc_ctx *c, const uint64_t a[6], uint64_t offset)
{
	dec_print_ptr(a[0]);
	out_printf(", %llu, ", (unsigned long long)a[1]);
	dec_print_prot(a[2]);
	out_write(", ", 2);
	print_map_flags(a[3]);
	out_write(", ", 2);
	dec_print_fd(c, (int)a[4]);
	out_printf(", %#llx", (unsigned long long)offset);
}

enum dec_status
dec_mmap(struct sc_ctx *c)
{
	if (!c->exiting)
		print_mmap(c, c->entry->args, dec_arg(c, 5));
	return DEC_DONE;
}

/* mmap2 (i386): the offset is in 4096-byte pages; strace shows bytes. */
enum dec_status
dec_mmap2(struct sc_ctx *c)
{
	if (!c->exiting)
		print_mmap(c, c->entry->args, dec_arg(c, 5) * 4096);
	return DEC_DONE;
}

/* old_mmap (i386): the six arguments are 32-bit words in memory. */
enum dec_status
dec_old_mmap(struct sc_ctx *c)
{
	uint32_t w[6];
	uint64_t a[6];
	unsigned i;

	if (c->exiting)
		return DEC_DONE;
	if (umem_read(c->tid, dec_arg(c, 0), w, sizeof(w)) < 0) {
		dec_print_ptr(dec_arg(c, 0));
		return DEC_DONE;
	}
	for (i = 0; i < 6; i++)
		a[i] = w[i];
	a[4] = (uint64_t)(int64_t)(int32_t)w[4];
	print_mmap(c, a, a[5]);
	return DEC_DONE;
}

/* mprotect(addr, len, prot), pkey_mprotect(addr, len, prot, pkey) */
enum dec_status
dec_mprotect(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_ptr(dec_arg(c, 0));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 1));
	dec_print_prot(dec_arg(c, 2));
	if (c->ent->nargs > 3)
		out_printf(", %d", (int)dec_arg(c, 3));
	return DEC_DONE;
}

/* The new address shows only when MREMAP_FIXED says it is used. */
enum dec_status
dec_mremap(struct sc_ctx *c)
{
	uint64_t fl = dec_arg(c, 3);

	if (c->exiting)
		return DEC_DONE;
	dec_print_ptr(dec_arg(c, 0));
	out_printf(", %llu, %llu, ", (unsigned long long)dec_arg(c, 1),
		   (unsigned long long)dec_arg(c, 2));
	print_flags_cmt(&mremap_xlat, fl, "0", "MREMAP_???");
	if (fl & MREMAP_FIXED_) {
		out_write(", ", 2);
		dec_print_ptr(dec_arg(c, 4));
	}
	return DEC_DONE;
}

enum dec_status
dec_madvise(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_ptr(dec_arg(c, 0));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 1));
	dec_print_xval(&madv_xlat, (uint32_t)dec_arg(c, 2), "%#llx",
		       "MADV_???");
	return DEC_DONE;
}

/* msync, mlock2: (addr, len, flags) */
enum dec_status
dec_msync(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_ptr(dec_arg(c, 0));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 1));
	print_flags_cmt(&msync_xlat, (uint32_t)dec_arg(c, 2), "0", "MS_???");
	return DEC_DONE;
}

enum dec_status
dec_mlock2(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_ptr(dec_arg(c, 0));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 1));
	print_flags_cmt(&mlock_xlat, (uint32_t)dec_arg(c, 2), "0",
			"MLOCK_???");
	return DEC_DONE;
}

enum dec_status
dec_mlockall(struct sc_ctx *c)
{
	if (!c->exiting)
		print_flags_cmt(&mcl_xlat, (uint32_t)dec_arg(c, 0), "0",
				"MCL_???");
	return DEC_DONE;
}
