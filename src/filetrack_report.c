/*
 * filetrack_report.c - --files: the file-access table (format in
 * docs/audit.md).  One row per path, then indented detail lines: the
 * processes that opened or exec'd it with their access letters, and the
 * failed lookups by errno.
 */
#include <stdlib.h>
#include <string.h>

#include "filetrack.h"
#include "xlat.h"

void
filetrack_access_text(unsigned access, char *buf)
{
	static const struct {
		unsigned bit;
		char c;
	} letters[] = {
		{ FT_READ, 'r' }, { FT_WRITE, 'w' }, { FT_CREATE, 'c' },
		{ FT_TRUNC, 't' }, { FT_EXEC, 'x' },
	};
	unsigned i;

	for (i = 0; i < sizeof(letters) / sizeof(letters[0]); i++)
		buf[i] = access & letters[i].bit ? letters[i].c : '-';
	buf[i] = '\0';
}

static void
print_details(FILE *f, const struct filetrack_file *file)
{
	char acc[8];
	unsigned i;

	if (file->nusers) {
		fputs("        by", f);
		for (i = 0; i < file->nusers; i++) {
			filetrack_access_text(file->users[i].access, acc);
			fprintf(f, "%s %d %s", i ? "," : "", file->users[i].pid,
				acc);
		}
		fputc('\n', f);
	}
	if (file->nerrs) {
		fputs("        failed", f);
		for (i = 0; i < file->nerrs; i++) {
			const char *name = xlat_errno_name(file->errs[i].err);

			if (name)
				fprintf(f, "%s %s x%u", i ? "," : "", name,
					file->errs[i].count);
			else
				fprintf(f, "%s errno %d x%u", i ? "," : "",
					file->errs[i].err, file->errs[i].count);
		}
		fputc('\n', f);
	}
}

void
filetrack_print(FILE *f, enum files_sort sort)
{
	const struct filetrack_file **v;
	unsigned n = filetrack_sorted(&v, sort), i;
	uint64_t rb = 0, wb = 0, r = 0, w = 0, o = 0, x = 0, e = 0;
	char acc[8];

	fprintf(f, "%12s %8s %12s %8s %6s %6s %6s %-5s %s\n", "read-bytes",
		"reads", "write-bytes", "writes", "opens", "other", "failed",
		"acc", "path");
	fprintf(f, "------------ -------- ------------ -------- ------ ------ "
		"------ ----- ----\n");
	for (i = 0; i < n; i++) {
		const struct filetrack_file *p = v[i];

		filetrack_access_text(p->access, acc);
		fprintf(f, "%12llu %8llu %12llu %8llu %6llu %6llu %6llu %-5s %s\n",
			(unsigned long long)p->read_bytes,
			(unsigned long long)p->reads,
			(unsigned long long)p->write_bytes,
			(unsigned long long)p->writes,
			(unsigned long long)p->opens,
			(unsigned long long)p->other,
			(unsigned long long)p->failed, acc, p->path);
		print_details(f, p);
		rb += p->read_bytes;
		wb += p->write_bytes;
		r += p->reads;
		w += p->writes;
		o += p->opens;
		x += p->other;
		e += p->failed;
	}
	fprintf(f, "------------ -------- ------------ -------- ------ ------ "
		"------ ----- ----\n");
	fprintf(f, "%12llu %8llu %12llu %8llu %6llu %6llu %6llu %-5s total (%u paths)\n",
		(unsigned long long)rb, (unsigned long long)r,
		(unsigned long long)wb, (unsigned long long)w,
		(unsigned long long)o, (unsigned long long)x,
		(unsigned long long)e, "", n);
	fflush(f);
	free(v);
}
