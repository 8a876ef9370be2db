#!/bin/sh
# guest-checks.sh - checks that need no strace, run where cases.sh ran
# (inside the arm64 VM): for every program traced by ftrace-c -f -o,
#   - its exit status and output equal an untraced run's (exit codes,
#     ftrace-c re-raising a fatal signal: self_kill);
#   - the log passes tests/integration/check_log.awk: every line has the
#     "[pid N] " prefix, a known grammar, paired <unfinished ...> and
#     <... resumed>, one exit or kill line per pid;
#   - no syscall number was unknown to the arch table (syscall_0x...);
#   - per program, the lines the program is known to cause (fork tree,
#     threads, exec from a thread, signals, file syscalls).
# Prints "PASS name" / "FAIL name: why" lines.
#
# usage: guest-checks.sh BINDIR LOGDIR CHECK_LOG_AWK

BIN=$1 LOGS=$2 AWKF=$3
WORK=${TMPDIR:-/tmp}/ftrace-c-guest-work

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
has() { grep -q -- "$2" "$LOGS/$1.B.log"; }
count() { grep -c -- "$2" "$LOGS/$1.B.log"; }

while read -r n; do
	[ -x "$BIN/$n" ] || continue
	rm -rf "$WORK" && mkdir -p "$WORK"
	(cd "$WORK" && exec env -i PATH=/usr/bin:/bin HOME=/ LC_ALL=C TZ=UTC \
		"$BIN/$n" </dev/null >"$LOGS/$n.U.out" 2>&1)
	st=$?
	if [ "$st" = "$(cat "$LOGS/$n.B.log.status")" ] &&
	   cmp -s "$LOGS/$n.U.out" "$LOGS/$n.B.out"; then
		pass "$n: same status ($st) and output as untraced"
	else
		fail "$n" "status $(cat "$LOGS/$n.B.log.status") (untraced $st) or output differs"
	fi
	if out=$(awk -f "$AWKF" "$LOGS/$n.B.log" 2>&1); then
		pass "$n: log grammar, prefixes and pairing"
	else
		fail "$n" "check_log.awk: $(echo "$out" | head -n 3)"
	fi
	if has "$n" 'syscall_0x'; then
		fail "$n" "unknown syscall numbers: $(grep -m1 syscall_0x "$LOGS/$n.B.log")"
	else
		pass "$n: every syscall number known"
	fi
done <"$LOGS/cases"

expect() {
	if [ "$3" = "$4" ]; then pass "$1: $2"; else fail "$1" "$2: got $3, want $4"; fi
}
expect_has() {
	if has "$1" "$2"; then pass "$1: has $2"; else fail "$1" "no line with $2"; fi
}
expect fork_tree "exit lines" "$(count fork_tree '+++ exited with')" 50
expect threads16 "exit lines" "$(count threads16 '+++ exited with')" 17
expect_has threads16 'clone(child_stack='
expect_has thread_exec '+++ superseded by execve in pid'
expect_has thread_exec '+++ exited with 7 +++'
expect_has vfork_exec 'CLONE_VM|CLONE_VFORK'
expect_has signals_self '--- SIGUSR1 {si_signo=SIGUSR1'
expect_has signals_self 'rt_sigreturn({mask=\[\]})'
expect_has killed_child '+++ killed by SIGKILL +++'
expect_has self_kill '+++ killed by SIGTERM +++'
expect exit_codes "ftrace-c status" "$(cat "$LOGS/exit_codes.B.log.status")" 3
expect self_kill "ftrace-c status" "$(cat "$LOGS/self_kill.B.log.status")" 143
expect_has files32 'writev(3, \[{iov_base="abcdefg", iov_len=7}, {iov_base="1234", iov_len=4}\], 2) = 11'
expect_has files32 'readv(3, \[{iov_base="abcd", iov_len=4}, {iov_base="efg1234", iov_len=16}\], 2) = 11'
expect_has files32 'pread64(3, "cde", 3, 2) *= 3'
expect_has files32 'close(-1) *= -1 EBADF (Bad file descriptor)'
expect_has files32 'newfstatat(AT_FDCWD, "/nonexistent/arch", 0x'
expect_has files32 'getdents64(3, 0x'
expect_has files32 'uname({sysname="Linux", nodename='
expect_has mem32 'mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x'
expect_has net32 'socketpair(AF_UNIX, SOCK_STREAM, 0, \[3, 4\]) = 0'
expect_has proc32 'wait4('
expect_has time32 'nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, NULL) *= 0'
rm -rf "$WORK"
