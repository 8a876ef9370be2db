/*
 * hdrsearch.c - benchmark workload shaped like a compiler's header search:
 * UNITS child processes run one after the other (as make runs cc), and each
 * looks up every header of a list along an include path, the way a
 * preprocessor does: openat in each -I directory until one succeeds
 * (ENOENT probes), then fstat and read the file.
 *
 * usage: hdrsearch ROOT UNITS
 *   ROOT holds inc0 .. incD-1 and the list file ROOT/headers (one name a
 *   line, at most 1024), as tests/bench/bench.py generates them.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_HDRS 1024
#define MAX_DIRS 64

static char names[MAX_HDRS][64];
static int nnames, ndirs;

static void
compile_unit(const char *root)
{
	char path[512], buf[8192];
	struct stat st;
	int i, d, fd;

	for (i = 0; i < nnames; i++) {
		for (d = 0; d < ndirs; d++) {
			snprintf(path, sizeof(path), "%s/inc%d/%s", root, d,
				 names[i]);
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd < 0)
				continue;
			if (fstat(fd, &st) == 0)
				while (read(fd, buf, sizeof(buf)) > 0)
					;
			close(fd);
			break;
		}
	}
}

int
main(int argc, char **argv)
{
	char path[512];
	struct stat st;
	FILE *f;
	int units, u, status;

	if (argc < 3)
		return 2;
	units = atoi(argv[2]);
	snprintf(path, sizeof(path), "%s/headers", argv[1]);
	f = fopen(path, "r");
	if (!f)
		return 2;
	while (nnames < MAX_HDRS && fscanf(f, "%63s", names[nnames]) == 1)
		nnames++;
	fclose(f);
	for (ndirs = 0; ndirs < MAX_DIRS; ndirs++) {
		snprintf(path, sizeof(path), "%s/inc%d", argv[1], ndirs);
		if (stat(path, &st) < 0)
			break;
	}
	for (u = 0; u < units; u++) {
		pid_t pid = fork();

		if (pid == 0) {
			compile_unit(argv[1]);
			_exit(0);
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0 || status != 0)
			return 1;
	}
	return 0;
}
