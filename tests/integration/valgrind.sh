#!/bin/bash
# tests/integration/valgrind.sh: ftrace-c under valgrind memcheck on every
# test program, a pipeline, the options that allocate and -p.  Any memcheck
# error or leak (even "still reachable") fails the run.
#
# usage: tests/integration/valgrind.sh FTRACE BINDIR
# Prints "PASS name" / "FAIL name: reason", then "N passed, N failed".

set -u
if [ $# -ne 2 ]; then
	echo "usage: $0 FTRACE BINDIR" >&2
	exit 2
fi
FTRACE=$1
BINDIR=$2
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-vg.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
npass=0
nfail=0

# vg NAME WANT_STATUS CMD...: trace CMD with -f under memcheck.
vg()
{
	local name=$1 want=$2 rc

	shift 2
	valgrind -q --error-exitcode=99 --leak-check=full \
		--show-leak-kinds=all --errors-for-leak-kinds=all \
		"$FTRACE" -f -o "$TMP/$name.log" "$@" \
		</dev/null >/dev/null 2>"$TMP/$name.err"
	rc=$?
	if [ "$rc" != "$want" ] || grep -q '^==[0-9]*==' "$TMP/$name.err"; then
		echo "FAIL valgrind $name: status $rc (want $want)"
		grep '^==[0-9]*==' "$TMP/$name.err" | head -5
		nfail=$((nfail + 1))
	else
		echo "PASS valgrind $name"
		npass=$((npass + 1))
	fi
}

vg pipeline 3 sh -c 'echo a | wc -c; exit 3'
vg threads16 0 "$BINDIR/threads16"
vg fork_tree 0 "$BINDIR/fork_tree"
vg thread_exec 7 "$BINDIR/thread_exec"
vg signals_self 0 "$BINDIR/signals_self"
vg killed_child 0 "$BINDIR/killed_child"
vg vfork_exec 0 "$BINDIR/vfork_exec"
vg exit_codes 3 "$BINDIR/exit_codes"
# Output routing: -ff streams (one per thread, freed at each death), a
# pipe command, -E, -b execve and the time columns (not -u: glibc's NSS
# modules stay loaded, "still reachable").
vg ff_fork_tree 0 -f --output-separately "$BINDIR/fork_tree"
vg ff_thread_exec 7 -ff "$BINDIR/thread_exec"
vg pipe 3 -o '|cat >/dev/null' sh -c 'exit 3'
vg routing 3 -A -E A=1 -E HOME -b execve -tt -r \
	--syscall-times=ns sh -c 'exec sh -c "exit 3"'

# Every other test program (each a corner of the tracee table: clone3,
# deaths inside syscalls, reparenting, a zombie leader, job control).
vg clone3_child 0 "$BINDIR/clone3_child"
vg kill_in_syscall 0 "$BINDIR/kill_in_syscall"
vg reparent 0 "$BINDIR/reparent"
vg zombie_leader 3 "$BINDIR/zombie_leader"
vg stop_cont 0 "$BINDIR/stop_cont"
# The modules that allocate on request: -P (path filter, fd cache), -yy
# (socket details), -c/-C (syscall counters), -e status= (held lines),
# -e filters, -v/-x/-s, --seccomp-bpf.
mkdir -p "$TMP/p" && echo data >"$TMP/p/file" && ln -sf file "$TMP/p/link"
vg path_filter 0 -P "$TMP/p/file" -P "$TMP/p/link" -yy \
	"$BINDIR/path_ops" "$TMP/p"
vg summary 0 -c -S errors -U name,calls,errors "$BINDIR/fork_tree"
vg summary_also 0 -C -w "$BINDIR/threads16"
vg status_failed 3 -e status=failed,unfinished \
	sh -c 'cat /nonexistent 2>/dev/null; exec sh -c "exit 3"'
vg filters 0 -e trace=!%memory,close -e signal=!SIGCHLD \
	-e abbrev=none -e raw=getpid -v -xx -s 8 "$BINDIR/signals_self"
vg seccomp 0 --seccomp-bpf -e trace=execve,exit_group,clone \
	"$BINDIR/fork_tree"
# -p and a command together (attach.c): the command kills the attached
# process, so the run ends without depending on timing.
"$BINDIR/busy_threads" 4 60000 >/dev/null &
busy=$!
vg attach 0 -p "$busy" sh -c "kill $busy"
wait "$busy" 2>/dev/null
grep -q 'killed by SIGTERM' "$TMP/attach.log" ||
	{ echo "FAIL valgrind attach: the attached process was not traced"; nfail=$((nfail + 1)); }

echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
