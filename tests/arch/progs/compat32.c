/*
 * compat32.c - the calls whose i386 form differs from the direct one:
 * SysV IPC through ipc(2) (glibc uses it on i386), 64-bit offsets in two
 * registers (fadvise64_64, readahead, fallocate, sync_file_range,
 * preadv/pwritev and their *2, truncate64), and siginfo in its 32-bit
 * layout (rt_sigqueueinfo, rt_sigtimedwait, waitid).  Built for every
 * arch: elsewhere the same calls are direct, and the lines must match
 * strace's all the same.  semctl, msgrcv and shmat are left out: their
 * ipc(2) forms print differently (docs/differences-from-strace.md).
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64	/* 64-bit offsets on i386 too */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

struct msg {
	long mtype;
	char mtext[8];
};

static void
sysv_ipc(void)
{
	struct sembuf op = { 0, 1, IPC_NOWAIT };
	struct msg m = { 1, "hi" };
	int sem, q, shm;

	/*
	 * A fresh IPC namespace (root, as in the test VMs) numbers the
	 * objects from 0 again, so the strace run and the ftrace-c run get
	 * the same ids; without it the ids differ and only those lines do.
	 */
	(void)unshare(CLONE_NEWIPC);
	sem = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	if (sem >= 0) {
		(void)semop(sem, &op, 1);
#ifdef SYS_semctl
		/* the direct call: ipc(SEMCTL) passes a union semun pointer */
		(void)syscall(SYS_semctl, sem, 0, IPC_RMID, 0);
#endif
	}
	q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
	if (q >= 0) {
		(void)msgsnd(q, &m, 3, IPC_NOWAIT);
		(void)msgctl(q, IPC_RMID, NULL);
	}
	shm = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	if (shm >= 0)
		(void)shmctl(shm, IPC_RMID, NULL);
}

static void
split_offsets(void)
{
	static const char path[] = "arch-compat.tmp";
	char a[4] = "abc", b[4];
	struct iovec w = { a, 3 }, r = { b, sizeof(b) };
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		return;
	(void)pwritev(fd, &w, 1, 0x100000000LL);
	(void)preadv(fd, &r, 1, 0x100000000LL);
	(void)pwritev2(fd, &w, 1, 5, 0);
	(void)preadv2(fd, &r, 1, 5, 0);
	(void)posix_fadvise(fd, 0x100000000LL, 4096, POSIX_FADV_DONTNEED);
	(void)readahead(fd, 0x100000000LL, 4096);
	(void)fallocate(fd, FALLOC_FL_KEEP_SIZE, 0x100000000LL, 4096);
	(void)sync_file_range(fd, 0x100000000LL, 4096, SYNC_FILE_RANGE_WRITE);
	(void)ftruncate(fd, 0x100000001LL);
	(void)truncate(path, 0x100000002LL);
	close(fd);
	unlink(path);
}

static void
siginfo_layouts(void)
{
	union sigval v = { .sival_int = 42 };
	struct timespec ts = { 1, 0 };
	siginfo_t si;
	sigset_t set;
	pid_t pid;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	(void)sigqueue(getpid(), SIGUSR1, v);
	(void)sigtimedwait(&set, &si, &ts);
	pid = fork();
	if (pid == 0)
		_exit(3);
	if (pid > 0)
		(void)waitid(P_PID, (id_t)pid, &si, WEXITED);
}

int
main(void)
{
	sysv_ipc();
	split_offsets();
	siginfo_layouts();
	return 0;
}
