/*
 * test_decode_ipc.c - src/decode/ipc.c through the real dispatcher: SysV
 * shm/sem/msg and POSIX mq_*.  Expected lines are strace 6.1's for the
 * same calls (x86_64); every table is walked (xlat_check.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "decode/ipc.c"
#include "decode_harness.h"
#include "xlat_check.h"

static char want[1024];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static void
test_shm(void **state)
{
	(void)state;
	assert_string_equal(DH("shmget", IPC_PRIVATE, 4096, IPC_CREAT | 0600, 0, 0, 0, 60),
			    "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 60");
	assert_string_equal(DH("shmget", 0x1234, 4096, 0x40000000 | 0644, 0, 0, 0, -2),
			    "shmget(0x1234, 4096, 16<<SHM_HUGE_SHIFT|0644) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("shmget", 0x1234, 4096, 0x20000 | 0600, 0, 0, 0, -2),
			    "shmget(0x1234, 4096, 0x20000|0600) = -1 ENOENT (No such file or directory)");
	/* strace's quirk: no "|" after flags with no name (msgget, semget) */
	assert_string_equal(DH("msgget", 0x1234, 0x80000000u | 0600, 0, 0, 0, 0, 26),
			    "msgget(0x1234, 0x800000000600) = 26");
	assert_string_equal(DH("msgget", 0x1234, IPC_CREAT | 0x80000000u | 0600, 0, 0, 0, 0, 26),
			    "msgget(0x1234, IPC_CREAT|0x80000000|0600) = 26");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("shmget", 0x1234, 4096, IPC_CREAT | SHM_HUGETLB | 0x40000000 | 0600, 0, 0, 0, -22),
			    "shmget(0x1234, 4096, 0xa00 /* IPC_CREAT|SHM_HUGETLB */|16<<26 /* SHM_HUGE_SHIFT */|0600) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("semget", 0x1234, 1, 0x80000000u | 0600, 0, 0, 0, -2),
			    "semget(0x1234, 1, 0x800000000600) = -1 ENOENT (No such file or directory)");
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("shmget", 0x1234, 4096, IPC_CREAT | SHM_HUGETLB | 0x40000000 | 0600, 0, 0, 0, -22),
			    "shmget(0x1234, 4096, 0xa00|16<<26|0600) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("semget", 0x1234, 1, 0x80000000u | 0600, 0, 0, 0, -2),
			    "semget(0x1234, 1, 0x80000000|0600) = -1 ENOENT (No such file or directory)");
	opts.xmode = XMODE_ABBREV;
	assert_string_equal(DH("shmget", 0x1234, 4096, 0, 0, 0, 0, -2),
			    "shmget(0x1234, 4096, 000) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("shmat", 99, 0, SHM_RDONLY | 0x40000000, 0, 0, 0, -22),
			    "shmat(99, NULL, SHM_RDONLY|0x40000000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("shmat", 99, 0, 0x40000000, 0, 0, 0, -22),
			    "shmat(99, NULL, 0x40000000 /* SHM_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("shmdt", 0x1000, 0, 0, 0, 0, 0, -22),
			    "shmdt(0x1000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("shmctl", 99, IPC_RMID, 0, 0, 0, 0, -22),
			    "shmctl(99, IPC_RMID, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("shmctl", 99, IPC_STAT | 0x100, 0x1000, 0, 0, 0, -22),
			    "shmctl(99, IPC_64|IPC_STAT, 0x1000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("shmctl", 99, 77, 0, 0, 0, 0, -22),
			    "shmctl(99, 0x4d /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)");
}

static void
test_sem(void **state)
{
	static struct sembuf sb[2] = { { 0, -1, SEM_UNDO | IPC_NOWAIT },
				       { 1, 1, 0x4000 } };
	static struct timespec ts = { 1, 2 };

	(void)state;
	assert_string_equal(DH("semget", IPC_PRIVATE, 2, IPC_CREAT | IPC_EXCL | 0600, 0, 0, 0, 30),
			    "semget(IPC_PRIVATE, 2, IPC_CREAT|IPC_EXCL|0600) = 30");
	assert_string_equal(DH("semop", 99, sb, 2, 0, 0, 0, -22),
			    "semop(99, [{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}, {sem_num=1, sem_op=1, sem_flg=0x4000 /* SEM_??? */}], 2) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("semop", 99, dh_unmapped(), 2, 0, 0, 0, -14),
			    fmt("semop(99, %#lx, 2) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("semtimedop", 99, sb, 1, &ts, 0, 0, -22),
			    "semtimedop(99, [{sem_num=0, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}], 1, {tv_sec=1, tv_nsec=2}) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("semctl", 99, 0, GETVAL, 0, 0, 0, -22),
			    "semctl(99, 0, GETVAL, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("semctl", 99, 0, SETVAL, 5, 0, 0, -22),
			    "semctl(99, 0, SETVAL, 0x5) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("semctl", 99, 0, 77, 0, 0, 0, -22),
			    "semctl(99, 0, 0x4d /* SEM_??? */, NULL) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("semop", 99, sb, 2, 0, 0, 0, -22),
			    "semop(99, [{sem_num=0, sem_op=-1, sem_flg=0x1800 /* SEM_UNDO|IPC_NOWAIT */}, {sem_num=1, sem_op=1, sem_flg=0x4000 /* SEM_??? */}], 2) = -1 EINVAL (Invalid argument)");
}

static void
test_msg(void **state)
{
	/* struct msgbuf: a long mtype (32 bits on i386), then the text */
	static uint64_t m[2];

	(void)state;
	DH_PACK(m, "l", 1);
	memcpy((char *)m + DH_LONG, "hi", 3);
	assert_string_equal(DH("msgget", 0x1234, IPC_CREAT | 0600, 0, 0, 0, 0, 26),
			    "msgget(0x1234, IPC_CREAT|0600) = 26");
	assert_string_equal(DH("msgsnd", 99, m, 2, IPC_NOWAIT, 0, 0, -22),
			    "msgsnd(99, {mtype=1, mtext=\"hi\"}, 2, IPC_NOWAIT) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("msgsnd", 99, m, 2, 0x40000000, 0, 0, -22),
			    "msgsnd(99, {mtype=1, mtext=\"hi\"}, 2, 0x40000000 /* MSG_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("msgrcv", 99, m, 8, 1, MSG_NOERROR | IPC_NOWAIT, 0, -22),
			    fmt("msgrcv(99, %#lx, 8, 1, MSG_NOERROR|IPC_NOWAIT) = -1 EINVAL (Invalid argument)", (uintptr_t)m));
	assert_string_equal(DH("msgctl", 99, IPC_RMID, 0, 0, 0, 0, -22),
			    "msgctl(99, IPC_RMID, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("msgctl", 99, 77, 0, 0, 0, 0, -22),
			    "msgctl(99, 0x4d /* MSG_??? */, NULL) = -1 EINVAL (Invalid argument)");
}

static void
test_mq(void **state)
{
	/* struct mq_attr and the timespec: longs, 32 bits on i386 */
	static int64_t attr[8] = { O_NONBLOCK, 10, 64, 0 };
	static int64_t ts[2] = { 1, 2 };
	static struct sigevent sev;
	static char buf[8];

	(void)state;
	DH_NARROW(attr);
	DH_NARROW(ts);
	assert_string_equal(DH("mq_open", "/q", O_RDWR | O_CREAT | O_EXCL, 0600, attr, 0, 0, -13),
			    "mq_open(\"/q\", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0x800, mq_maxmsg=10, mq_msgsize=64, mq_curmsgs=0}) = -1 EACCES (Permission denied)");
	assert_string_equal(DH("mq_open", "/q", O_RDONLY | 0x40000000, 0600, 0, 0, 0, -13),
			    "mq_open(\"/q\", O_RDONLY|0x40000000) = -1 EACCES (Permission denied)");
	assert_string_equal(DH("mq_open", "/q", O_WRONLY, 0600, 0, 0, 0, -13),
			    "mq_open(\"/q\", O_WRONLY) = -1 EACCES (Permission denied)");
	assert_string_equal(DH("mq_unlink", "/q", 0, 0, 0, 0, 0, -13),
			    "mq_unlink(\"/q\") = -1 EACCES (Permission denied)");
	assert_string_equal(DH("mq_timedsend", 99, "hello", 5, 1, ts, 0, -9),
			    "mq_timedsend(99, \"hello\", 5, 1, {tv_sec=1, tv_nsec=2}) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("mq_timedreceive", 99, buf, 8, 0x1000, ts, 0, -9),
			    fmt("mq_timedreceive(99, %#lx, 8, 0x1000, {tv_sec=1, tv_nsec=2}) = -1 EBADF (Bad file descriptor)", (uintptr_t)buf));
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	assert_string_equal(DH("mq_notify", 99, dh_sigevent(&sev), 0, 0, 0, 0, -9),
			    "mq_notify(99, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}) = -1 EBADF (Bad file descriptor)");
	sev.sigev_notify = SIGEV_NONE;
	sev.sigev_value.sival_int = 5;
	assert_string_equal(DH("mq_notify", 99, dh_sigevent(&sev), 0, 0, 0, 0, -9),
			    "mq_notify(99, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=10, sigev_notify=SIGEV_NONE}) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("mq_notify", 99, 0, 0, 0, 0, 0, -9),
			    "mq_notify(99, NULL) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("mq_notify", 99, dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("mq_notify(99, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("mq_getsetattr", 99, attr, attr, 0, 0, 0, -9),
			    fmt("mq_getsetattr(99, {mq_flags=O_NONBLOCK, mq_maxmsg=10, mq_msgsize=64, mq_curmsgs=0}, %#lx) = -1 EBADF (Bad file descriptor)", (uintptr_t)attr));
	dh_setl(attr, 0, 0x40000000);
	assert_string_equal(DH("mq_getsetattr", 99, attr, 0, 0, 0, 0, -22),
			    "mq_getsetattr(99, {mq_flags=0x40000000 /* O_??? */, mq_maxmsg=10, mq_msgsize=64, mq_curmsgs=0}, NULL) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("mq_open", "/q", O_RDONLY | 0x40000000, 0600, 0, 0, 0, -13),
			    "mq_open(\"/q\", 0x40000000 /* O_RDONLY|0x40000000 */) = -1 EACCES (Permission denied)");
}

static const char *
run_shmget(uint64_t v)
{
	return DH("shmget", 0x1234, 4096, v | 0600, 0, 0, 0, 3);
}

static const char *
run_resource(uint64_t v)
{
	return DH("msgget", 0x1234, v | 0600, 0, 0, 0, 0, 3);
}

static const char *
run_shmat(uint64_t v)
{
	return DH("shmat", 3, 0, v, 0, 0, 0, -22);
}

static const char *
run_msg(uint64_t v)
{
	return DH("msgrcv", 3, 0, 8, 1, v, 0, -22);
}

static const char *
run_sem(uint64_t v)
{
	static struct sembuf sb;

	sb.sem_flg = (short)v;
	return DH("semop", 3, &sb, 1, 0, 0, 0, -22);
}

static const char *
run_shmctl(uint64_t v)
{
	return DH("shmctl", 3, v, 0, 0, 0, 0, -22);
}

static const char *
run_semctl(uint64_t v)
{
	return DH("semctl", 3, 0, v, 0, 0, 0, -22);
}

static const char *
run_msgctl(uint64_t v)
{
	return DH("msgctl", 3, v, 0, 0, 0, 0, -22);
}

static const char *
run_mq_oflags(uint64_t v)
{
	return DH("mq_open", "/q", v, 0600, 0, 0, 0, -13);
}

static const char *
run_mq_attr(uint64_t v)
{
	static int64_t attr[8];

	memset(attr, 0, sizeof(attr));
	dh_setl(attr, 0, (int64_t)v);	/* mq_flags, a long */
	return DH("mq_getsetattr", 3, attr, 0, 0, 0, 0, -22);
}

static void
test_ipc_tables(void **state)
{
	(void)state;
	/* shmget's high bits are the huge page size (test_shm) */
	XLAT_CHECK(shmget_flags, XC_FLAGS | XC_NOUNKNOWN, run_shmget);
	/* all-unknown bits: see the msgget quirk in test_shm */
	XLAT_CHECK(resource_flags, XC_FLAGS | XC_NOCMT, run_resource);
	XLAT_CHECK(shmat_flags, XC_FLAGS, run_shmat);
	XLAT_CHECK(msg_flags, XC_FLAGS, run_msg);
	/* sem_flg is a short: the unknown bit must fit */
	XLAT_CHECK(sem_flags, XC_FLAGS | XC_NOUNKNOWN, run_sem);
	XLAT_CHECK(shmctl_cmds, XC_VALUES, run_shmctl);
	XLAT_CHECK(semctl_cmds, XC_VALUES, run_semctl);
	XLAT_CHECK(msgctl_cmds, XC_VALUES, run_msgctl);
	/* the kernel's values: arm64 has its own */
	if (dh_is(ARCH_AARCH64))
		XLAT_CHECK(mq_oflags_arm64, XC_FLAGS | XC_NOCMT, run_mq_oflags);
	else
		XLAT_CHECK(mq_oflags, XC_FLAGS | XC_NOCMT, run_mq_oflags);
	XLAT_CHECK(mq_attr_flags, XC_FLAGS, run_mq_attr);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shm, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sem, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_msg, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_mq, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_ipc_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_ipc", tests, NULL, NULL);
}
