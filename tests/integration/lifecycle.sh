#!/bin/bash
# tests/integration/lifecycle.sh: process life-cycle corners, -p attach
# and detach in every state, job control under a real terminal (tmux).
#
# usage: tests/integration/lifecycle.sh TRACER BINDIR
#
# Every traced program must print the same and exit the same as untraced,
# within RUN_TIMEOUT; the racy ones run LOOPS times.  A detached process
# must go on untraced (TracerPid 0) and not stopped (State not T/t).
# strace (6.1) is the oracle for the lines that show a syscall already in
# progress at attach time.  Prints "PASS ..." / "FAIL ...: why" and a
# summary line "N passed, N failed"; exits 1 if any check failed.

set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 TRACER BINDIR" >&2
	exit 2
fi
TRACER=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BINDIR=$(cd "$2" && pwd)
NAME=$(basename "$TRACER")
RUN_TIMEOUT=${RUN_TIMEOUT:-20}
LOOPS=${LOOPS:-20}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-lc.XXXXXX")
KILL_AT_EXIT=""
# Only pids that are still our children: a reaped one may already be some
# other process's (pids wrap within seconds under tests/stress), and a
# stale kill here was seen killing a stress_chain process mid-run.
trap 'for p in $KILL_AT_EXIT; do
	[ "$(ps -o ppid= -p "$p" 2>/dev/null | tr -d " ")" = "$$" ] &&
		kill -KILL "$p" 2>/dev/null
done; rm -rf "$TMP"' EXIT

npass=0
nfail=0
start=$SECONDS

pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }

run_cap()
{
	local out=$1 err=$2

	shift 2
	{ timeout -k 5 "$RUN_TIMEOUT" "$@" </dev/null >"$out" 2>"$err"; } 2>/dev/null
	RC=$?
}

pfx() { printf '[pid %5d] ' "$1"; }

# untouched PID: empty if every thread of PID is untraced and not stopped,
# else the reason.
untouched()
{
	local f st

	for f in /proc/"$1"/task/*/status; do
		# a thread may end meanwhile: one read, and skip it if gone
		st=$(cat "$f" 2>/dev/null) || continue
		[ -n "$st" ] || continue
		if ! grep -q 'TracerPid:[[:space:]]*0$' <<<"$st"; then
			echo "thread ${f#/proc/} still traced"
			return
		fi
		if grep -q '^State:[[:space:]]*[tT]' <<<"$st"; then
			echo "thread ${f#/proc/} left stopped"
			return
		fi
	done
}

# wait_line FILE TEXT: until FILE holds a line TEXT (5 s at most).
wait_line()
{
	local i

	for i in $(seq 100); do
		grep -qxF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# start_tracer PID LOG [OPTS...]: ftrace-c -f -p PID in the background,
# $TPID; waits for its "attached" message.  Job control on, so that the
# tracer does not start with SIGINT ignored.
start_tracer()
{
	local pid=$1 log=$2 i

	shift 2
	set -m
	"$TRACER" -f "$@" -p "$pid" -o "$log" 2>"$log.err" &
	TPID=$!
	set +m
	for i in $(seq 100); do
		grep -q "Process $pid attached" "$log.err" 2>/dev/null && return
		sleep 0.05
	done
}

# stop_tracer SIG...: send the signals to $TPID, wait for it; TRC status.
stop_tracer()
{
	local s

	for s in "$@"; do
		kill -"$s" "$TPID" 2>/dev/null
	done
	{ wait "$TPID"; } 2>/dev/null
	TRC=$?
}

# --- corner programs: traced (-f) and untraced give the same result ------

# corner PROG LOOPS EXPECT_FN: untraced once, traced LOOPS times; each
# traced run's log goes through check_log.awk and EXPECT_FN (which prints
# a reason on failure; $LOG, $L = first pid).
corner()
{
	local prog=$1 loops=$2 expect=$3 d="$TMP/$1" i why="" urc uout
	local t0=$SECONDS

	mkdir -p "$d"
	run_cap "$d/u.out" "$d/u.err" "$BINDIR/$prog"
	urc=$RC
	for i in $(seq "$loops"); do
		run_cap "$d/t.out" "$d/t.err" "$TRACER" -f -o "$d/log" "$BINDIR/$prog"
		if [ "$RC" = 124 ]; then
			why="run $i timed out"
		elif [ "$RC" != "$urc" ]; then
			why="run $i: status $RC, untraced $urc"
		elif ! cmp -s "$d/u.out" "$d/t.out"; then
			why="run $i: stdout '$(head -c 200 "$d/t.out")' vs '$(head -c 200 "$d/u.out")'"
		else
			LOG="$d/log"
			L=$(sed -n '1s/^\[pid *\([0-9]*\)\].*/\1/p' "$LOG")
			awk -f "$(dirname "$0")/check_log.awk" "$LOG" >"$d/check"
			if ! grep -q 'SUMMARY.* errors=0' "$d/check"; then
				why="run $i: $(grep '^ERR' "$d/check" | head -3 | tr '\n' '|')"
			else
				why=$("$expect")
				[ -n "$why" ] && why="run $i: $why"
			fi
		fi
		[ -n "$why" ] && break
	done
	uout=$(head -c 60 "$d/u.out" | tr '\n' '|')
	if [ -n "$why" ]; then
		fail "$prog" "$why"
	else
		pass "$prog x$loops traced = untraced (status $urc, '$uout') ($((SECONDS - t0))s)"
	fi
}

# The leader's exit line ends at once (PTRACE_EVENT_EXIT), its exit status
# comes last, after the thread that called exit_group.
expect_zombie_leader()
{
	local end last

	# its "= ?" comes before the last thread's exit_group, not at the end
	end=$(grep -n "^\\[pid *$L\\] \(exit(0)\|<\.\.\. exit resumed>)\) *= ?\$" "$LOG" | cut -d: -f1)
	last=$(grep -n '] exit_group(3' "$LOG" | cut -d: -f1)
	[ -n "$end" ] && [ -n "$last" ] && [ "$end" -lt "$last" ] ||
		echo "the leader's 'exit(0) = ?' is missing or not before exit_group(3)"
	[ "$(tail -1 "$LOG")" = "$(pfx "$L")+++ exited with 3 +++" ] ||
		echo "last line is not the leader's '+++ exited with 3 +++'"
	[ "$(grep -c '+++ exited with 3 +++$' "$LOG")" = 2 ] ||
		echo "want 2 '+++ exited with 3 +++' (leader, last thread)"
}

# Both threads die in their syscall: "= ?" and "+++ killed by SIGKILL +++".
expect_kill_in_syscall()
{
	[ "$(grep -c '+++ killed by SIGKILL +++$' "$LOG")" = 2 ] ||
		echo "want 2 '+++ killed by SIGKILL +++' lines"
	grep -q '<\.\.\. read resumed> <unfinished \.\.\.>) *= ?$\|] read(.*<unfinished \.\.\.>) *= ?$' "$LOG" ||
		echo "no read line ending in '= ?'"
	grep -q '<\.\.\. futex resumed>) *= ?$\|] futex(.*) *= ?$' "$LOG" ||
		echo "no futex line ending in '= ?'"
}

# The reparented grandchild stays traced: its write and exit are shown
# (the write whole, or cut by another process's line and resumed).
expect_reparent()
{
	grep -q '] write(1, "grandchild reparented\\n", 22) = 22$' "$LOG" ||
	{ grep -q '] write(1, "grandchild reparented\\n", 22 <unfinished \.\.\.>$' "$LOG" &&
	  grep -q '] <\.\.\. write resumed>) *= 22$' "$LOG"; } ||
		echo "no write of the reparented grandchild"
	[ "$(grep -c '+++ exited with 5 +++$' "$LOG")" = 1 ] ||
		echo "no '+++ exited with 5 +++' of the grandchild"
	[ "$(grep -c '+++ exited with' "$LOG")" = 3 ] ||
		echo "want 3 exit lines"
}

expect_clone3_child()
{
	# whole, or cut by the child's first line and resumed
	grep -q '] clone3({flags=CLONE_PIDFD, pidfd=0x[0-9a-f]*, exit_signal=SIGCHLD, stack=NULL, stack_size=0}\( => {pidfd=\[3\]}, 88) = [0-9]*\| <unfinished \.\.\.>\)$' "$LOG" ||
		echo "no clone3 line"
	grep -q '] clone3(.* => {pidfd=\[3\]}, 88) = [0-9]*$\|<\.\.\. clone3 resumed> => {pidfd=\[3\]}, 88) = [0-9]*$' "$LOG" ||
		echo "no clone3 result"
	grep -q '+++ exited with 6 +++$' "$LOG" || echo "no child exit 6"
}

expect_vfork_exec()
{
	grep -q '] vfork() *= [0-9]*$\|<\.\.\. vfork resumed>) *= [0-9]*$' "$LOG" ||
		echo "no vfork result line"
}

expect_nothing() { :; }

corner zombie_leader "$LOOPS" expect_zombie_leader
corner kill_in_syscall "$LOOPS" expect_kill_in_syscall
corner reparent "$LOOPS" expect_reparent
corner clone3_child "$LOOPS" expect_clone3_child
corner vfork_exec "$LOOPS" expect_vfork_exec

# --- -p onto a syscall in progress: the first line as strace prints it ----

# first_lines LOG: each thread's first trace line, without the pid
# prefix, with addresses and numbers of 3 digits or more as ADDR/N, sorted;
# how a line was cut (<unfinished ...>, <detached ...>) depends on timing.
first_lines()
{
	awk '{
		if (match($0, /^\[pid +[0-9]+\] /) || match($0, /^[0-9]+ +/)) {
			p = substr($0, 1, RLENGTH); gsub(/[^0-9]/, "", p)
			if (!(p in seen)) { seen[p] = 1; print substr($0, RLENGTH + 1) }
		}
	}' "$1" | sed 's/0x[0-9a-f]*/ADDR/g; s/[0-9]\{3,\}/N/g' |
		sed 's/ <\(unfinished\|detached\) \.\.\.>$//' | sort | tr '\n' '|'
}

# blocked TRACER MODE LOG: blocked_call MODE, attach TRACER -f -p, detach
# with SIGINT; sets WHY (empty when the program was unharmed).
blocked()
{
	local tr=$1 mode=$2 log=$3 ppid out="$3.prog" i

	WHY=""
	"$BINDIR/blocked_call" "$mode" 2000 >"$out" &
	ppid=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $ppid"
	wait_line "$out" ready
	sleep 0.2
	set -m
	"$tr" -f -p "$ppid" -o "$log" 2>"$log.err" &
	TPID=$!
	set +m
	for i in $(seq 100); do
		grep -q "Process $ppid attached" "$log.err" 2>/dev/null && break
		sleep 0.05
	done
	sleep 0.3
	stop_tracer INT
	WHY=$(untouched "$ppid")
	wait "$ppid"
	if [ $? != 0 ] || [ "$(sed -n 2p "$out")" = "" ]; then
		WHY="program failed: $(tr '\n' '|' <"$out")"
	fi
}

for mode in read nanosleep wait4 futex futex_timeout poll; do
	blocked "$TRACER" "$mode" "$TMP/blk-$mode.log"
	if [ -n "$WHY" ]; then
		fail "-p onto $mode in progress" "$WHY"
		continue
	fi
	mine=$(first_lines "$TMP/blk-$mode.log")
	if command -v strace >/dev/null; then
		blocked strace "$mode" "$TMP/blk-$mode.strace"
		theirs=$(first_lines "$TMP/blk-$mode.strace")
	else
		theirs="(no strace)"
	fi
	if [ "$mode" = futex ]; then
		# two threads: the name strace gives the second one's resumed
		# call is left over from the first's (name_resumed_call() in
		# trace.c), so it depends on which stops first, for both tracers
		mine=$(sed 's/resuming interrupted [a-z0-9_]*/resuming interrupted NAME/' <<<"$mine")
		theirs=$(sed 's/resuming interrupted [a-z0-9_]*/resuming interrupted NAME/' <<<"$theirs")
	fi
	if [ "$mine" = "$theirs" ]; then
		pass "-p onto $mode in progress: '$mine' as strace, process unharmed"
	else
		fail "-p onto $mode in progress" "'$mine', strace '$theirs'"
	fi
done

# --- detach in each state ----------------------------------------------------

# Signal-delivery-stop: a stream of queued signals; each one the tracer
# held when it detached must be re-injected, or the program reports a loss.
check_detach_signals()
{
	local d="$TMP/sigstorm" i k ppid why="" t0=$SECONDS n=$LOOPS

	mkdir -p "$d"
	for i in $(seq "$n"); do
		"$BINDIR/sig_storm" 30000 >"$d/out" &
		ppid=$!
		KILL_AT_EXIT="$KILL_AT_EXIT $ppid"
		# the trace on stderr, line by line: detach only once signals
		# are seen going through the tracer
		set -m
		"$TRACER" -f -p "$ppid" 2>"$d/log" &
		TPID=$!
		set +m
		for k in $(seq 250); do
			grep -q -- '--- SIGRT_2 {' "$d/log" 2>/dev/null && break
			sleep 0.02
		done
		sleep 0.1
		stop_tracer INT
		why=$(untouched "$ppid")
		wait "$ppid"
		if [ $? != 0 ] && [ -z "$why" ]; then
			why="$(cat "$d/out")"
		fi
		if [ -z "$why" ] && ! grep -q -- '--- SIGRT_2 {' "$d/log"; then
			why="no signal was seen while attached (the storm ended first)"
		fi
		[ -n "$why" ] && { why="run $i: $why"; break; }
	done
	if [ -z "$why" ]; then
		pass "detach in signal-delivery-stop x$n: no signal lost ($((SECONDS - t0))s)"
	else
		fail "detach in signal-delivery-stop" "$why"
	fi
}
check_detach_signals

# Group-stop: (1) a process stopped before the attach stays stopped after
# the detach and finishes after SIGCONT; (2) one stopped while traced shows
# "--- stopped by SIGSTOP ---" and resumes on SIGCONT.
check_group_stop()
{
	local d="$TMP/gstop" ppid why=""

	mkdir -p "$d"
	"$BINDIR/busy_threads" 4 1500 >"$d/out" &
	ppid=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $ppid"
	sleep 0.2
	kill -STOP "$ppid"
	sleep 0.2
	start_tracer "$ppid" "$d/log"
	sleep 0.3
	stop_tracer INT
	if ! grep -q 'TracerPid:[[:space:]]*0$' /proc/"$ppid"/status; then
		why="still traced after detach"
	elif ! grep -q '^State:[[:space:]]*T' /proc/"$ppid"/status; then
		why="not stopped any more after detach: $(grep State /proc/"$ppid"/status)"
	elif ! grep -q -- '--- stopped by SIGSTOP ---$' "$d/log"; then
		why="no '--- stopped by SIGSTOP ---': $(head -3 "$d/log" | tr '\n' '|')"
	fi
	kill -CONT "$ppid"
	if ! wait "$ppid" && [ -z "$why" ]; then
		why="program failed after SIGCONT: $(cat "$d/out")"
	fi
	if [ -z "$why" ]; then
		pass "detach in group-stop: stays stopped, untraced; SIGCONT finishes it"
	else
		fail "detach in group-stop" "$why"
	fi

	why=""
	"$BINDIR/busy_threads" 4 1500 >"$d/out" &
	ppid=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $ppid"
	sleep 0.2
	start_tracer "$ppid" "$d/log2"
	sleep 0.2
	kill -STOP "$ppid"
	sleep 0.3
	grep -q '^State:[[:space:]]*[tT]' /proc/"$ppid"/status ||
		why="not stopped by SIGSTOP while traced"
	kill -CONT "$ppid"
	sleep 0.2
	stop_tracer INT
	# -o is written in blocks: look at the log once the tracer is gone
	[ -z "$why" ] && ! grep -q -- '--- stopped by SIGSTOP ---$' "$d/log2" &&
		why="no '--- stopped by SIGSTOP ---' while traced"
	[ -z "$why" ] && why=$(untouched "$ppid")
	if ! wait "$ppid" && [ -z "$why" ]; then
		why="program failed: $(cat "$d/out")"
	fi
	if [ -z "$why" ]; then
		pass "SIGSTOP/SIGCONT from outside while traced: stopped line, resumed, detached"
	else
		fail "SIGSTOP/SIGCONT while traced" "$why"
	fi
}
check_group_stop

# A second SIGINT while the detach is under way leaves nothing behind.
check_double_int()
{
	local d="$TMP/dblint" i ppid why="" n=$LOOPS

	mkdir -p "$d"
	for i in $(seq "$n"); do
		"$BINDIR/busy_threads" 50 1500 >"$d/out" &
		ppid=$!
		KILL_AT_EXIT="$KILL_AT_EXIT $ppid"
		start_tracer "$ppid" "$d/log"
		sleep 0.2
		stop_tracer INT INT
		why=$(untouched "$ppid")
		[ -z "$why" ] && [ "$TRC" != 130 ] && why="tracer status $TRC"
		if ! wait "$ppid" && [ -z "$why" ]; then
			why="program failed: $(cat "$d/out")"
		fi
		[ -n "$why" ] && { why="run $i: $why"; break; }
	done
	if [ -z "$why" ]; then
		pass "two SIGINTs while detaching 51 threads x$n: all untraced, running, status 130"
	else
		fail "two SIGINTs while detaching" "$why"
	fi
}
check_double_int

# A process that forks all the time: children caught at their fork event
# or first stop while the detach is under way are let go too.
check_detach_forking()
{
	local d="$TMP/forking" i ppid why="" n=$LOOPS c

	mkdir -p "$d"
	for i in $(seq "$n"); do
		sh -c 'while :; do /bin/true; done' &
		ppid=$!
		KILL_AT_EXIT="$KILL_AT_EXIT $ppid"
		start_tracer "$ppid" "$d/log"
		sleep 0.3
		stop_tracer INT
		[ "$TRC" != 130 ] && why="tracer status $TRC"
		for c in $ppid $(pgrep -P "$ppid"); do
			[ -z "$why" ] && why=$(untouched "$c")
		done
		kill "$ppid"
		wait "$ppid" 2>/dev/null
		[ -n "$why" ] && { why="run $i: $why"; break; }
	done
	if [ -z "$why" ]; then
		pass "detach from a forking shell x$n: it and its children untraced, running"
	else
		fail "detach from a forking shell" "$why"
	fi
}
check_detach_forking

# --- -p forms and errors -------------------------------------------------------

check_pid_lists()
{
	local d="$TMP/plist" a b form why=""

	mkdir -p "$d"
	for form in comma space repeat; do
		sleep 3 & a=$!
		sleep 3 & b=$!
		KILL_AT_EXIT="$KILL_AT_EXIT $a $b"
		set -m
		case $form in
		comma)	"$TRACER" -p "$a,$b" -o "$d/log" 2>"$d/err" & ;;
		space)	"$TRACER" -p "$a $b" -o "$d/log" 2>"$d/err" & ;;
		repeat)	"$TRACER" -p "$a" -p "$b" -o "$d/log" 2>"$d/err" & ;;
		esac
		TPID=$!
		set +m
		sleep 0.5
		stop_tracer INT
		why=""
		for p in $a $b; do
			grep -qx "$NAME: Process $p attached" "$d/err" || why="no 'Process $p attached'"
			grep -qx "$NAME: Process $p detached" "$d/err" || why="no 'Process $p detached'"
			[ -z "$why" ] && why=$(untouched "$p")
		done
		kill "$a" "$b" 2>/dev/null
		if [ -n "$why" ]; then
			fail "-p $form list" "$why: $(tr '\n' '|' <"$d/err")"
		else
			pass "-p $form list: both attached and detached"
		fi
	done
}
check_pid_lists

# -p with a command: both are traced; the tracer ends when both are gone.
check_pid_and_command()
{
	local d="$TMP/pcmd" a why=""

	mkdir -p "$d"
	"$BINDIR/busy_threads" 2 800 >"$d/out" & a=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $a"
	sleep 0.2
	run_cap "$d/t.out" "$d/err" "$TRACER" -p "$a" -o "$d/log" "$BINDIR/exit_codes"
	if [ "$RC" != 3 ]; then
		why="status $RC, want the command's 3"
	elif ! grep -q "^\\[pid *$a\\] +++ exited with 0 +++\$" "$d/log"; then
		why="no exit line of the attached process"
	elif ! grep -q '+++ exited with 3 +++$' "$d/log"; then
		why="no exit line of the command"
	fi
	wait "$a"
	if [ -n "$why" ]; then
		fail "-p with a command" "$why"
	else
		pass "-p with a command: both traced to their ends, status 3"
	fi
}
check_pid_and_command

# A process already traced by someone else: EPERM, strace's message, 1.
check_eperm()
{
	local d="$TMP/eperm" a why="" want

	mkdir -p "$d"
	sleep 3 & a=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $a"
	start_tracer "$a" "$d/first"
	run_cap "$d/out" "$d/err" "$TRACER" -p "$a"
	want="$NAME: attach: ptrace(PTRACE_SEIZE, $a): Operation not permitted"
	if [ "$RC" != 1 ]; then
		why="status $RC, want 1"
	elif [ "$(cat "$d/err")" != "$want" ]; then
		why="'$(cat "$d/err")', want '$want'"
	fi
	stop_tracer INT
	[ -z "$why" ] && why=$(untouched "$a")
	kill "$a"
	if [ -n "$why" ]; then
		fail "-p of a traced process" "$why"
	else
		pass "-p of a process traced by another tracer: '$want', status 1; the first tracer unaffected"
	fi
}
check_eperm

# --- the output cannot be written any more: detach ------------------------------

check_output_failure()
{
	local d="$TMP/outfail" a why=""

	mkdir -p "$d"
	"$BINDIR/busy_threads" 8 2000 >"$d/out" & a=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $a"
	sleep 0.2
	run_cap "$d/t.out" "$d/err" "$TRACER" -f -p "$a" -o /dev/full
	if [ "$RC" != 1 ]; then
		why="-o /dev/full: status $RC, want 1"
	elif ! grep -q "^$NAME: /dev/full: No space left on device\$" "$d/err"; then
		why="-o /dev/full: no write error: $(tr '\n' '|' <"$d/err")"
	else
		why=$(untouched "$a")
	fi
	# stderr a pipe whose reader is gone: EPIPE (SIGPIPE is blocked)
	if [ -z "$why" ]; then
		{ timeout 10 "$TRACER" -f -p "$a" 2>&1 | head -c 1 >/dev/null; } 2>/dev/null
		[ "${PIPESTATUS[0]}" = 124 ] && why="closed pipe: the tracer did not end"
		[ -z "$why" ] && why=$(untouched "$a")
	fi
	if ! wait "$a" && [ -z "$why" ]; then
		why="program failed: $(cat "$d/out")"
	fi
	if [ -z "$why" ]; then
		run_cap "$d/t.out" "$d/err" "$TRACER" -f -o /dev/full sh -c 'sleep 0.3; exit 4'
		[ "$RC" != 4 ] && why="command under -o /dev/full: status $RC, want 4"
	fi
	if [ -n "$why" ]; then
		fail "output failure" "$why"
	else
		pass "output failure (ENOSPC, EPIPE): everything detached, processes unharmed, command's status kept"
	fi
}
check_output_failure

# --- job control under a real terminal (tmux) ----------------------------------

# wait_file FILE SECONDS: until FILE is not empty.
wait_file()
{
	local i

	for i in $(seq $(($2 * 20))); do
		[ -s "$1" ] && return 0
		sleep 0.05
	done
	return 1
}

# signal_lines LOG: the signal and stop lines but SIGCHLD, without pids.
signal_lines()
{
	grep -- ' ---$' "$1" | grep -v SIGCHLD |
		sed 's/^\[pid *[0-9]*\] //; s/^[0-9][0-9]* *//; s/si_pid=[0-9]*/si_pid=N/' |
		tr '\n' '|'
}

# An interactive bash in tmux runs "TRACER -f -o LOG sh ticker".  (1)
# Ctrl-Z stops the job (the tracer stops with its tracees, whose pending
# SIGTSTP the SIGCONT of fg then discards: strace 6.1 shows only the
# SIGCONT lines too), fg resumes it to its end.  (2) SIGTSTP and SIGCONT
# sent to the traced sh from outside: "--- SIGTSTP ...", "--- stopped by
# SIGTSTP ---", "--- SIGCONT ..." as strace prints them.
check_job_control()
{
	local d="$TMP/tty" sess="ftrace-lc-$$" before after why="" prog tr sh
	local theirs mine

	if ! command -v tmux >/dev/null; then
		fail "job control" "tmux not installed"
		return
	fi
	mkdir -p "$d"
	prog="$d/ticker.sh"
	printf '%s\n' 'i=0' 'while [ $i -lt 40 ]; do i=$((i + 1)); echo $i >"$1"; sleep 0.05; done' \
		'echo finished >"$1.done"' >"$prog"
	if ! tmux -L "$sess" new-session -d -s "$sess" -x 200 -y 50 "bash --norc --noprofile -i"; then
		fail "job control" "tmux did not start"
		return
	fi
	sleep 0.5
	tmux -L "$sess" send-keys -t "$sess" "$TRACER -f -o $d/log sh $prog $d/tick" Enter
	wait_file "$d/tick" 10
	sleep 0.3
	tmux -L "$sess" send-keys -t "$sess" C-z
	sleep 0.5
	before=$(cat "$d/tick")
	sleep 0.5
	after=$(cat "$d/tick")
	if [ "$before" != "$after" ]; then
		why="still ticking after Ctrl-Z ($before -> $after)"
	elif ! tmux -L "$sess" capture-pane -p -t "$sess" | grep -q 'Stopped'; then
		why="the shell did not report the job stopped"
	fi
	tmux -L "$sess" send-keys -t "$sess" "fg" Enter
	wait_file "$d/tick.done" 30
	sleep 0.3
	if [ -z "$why" ]; then
		if [ ! -s "$d/tick.done" ] || [ "$(cat "$d/tick")" != 40 ]; then
			why="did not finish after fg (tick $(cat "$d/tick"))"
		elif ! grep -q -- '--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER' "$d/log"; then
			why="no '--- SIGCONT ...' after fg"
		elif ! grep -q '+++ exited with 0 +++$' "$d/log"; then
			why="no exit line"
		fi
	fi
	if [ -n "$why" ]; then
		fail "job control in tmux (Ctrl-Z, fg)" "$why"
	else
		pass "job control in tmux: Ctrl-Z stops the traced job ($before), fg resumes it to its end"
	fi

	for tr in "$TRACER" strace; do
		command -v "$tr" >/dev/null || continue
		rm -f "$d/t2" "$d/t2.done"
		tmux -L "$sess" send-keys -t "$sess" "$tr -f -o $d/log2.$(basename "$tr") sh $prog $d/t2" Enter
		wait_file "$d/t2" 10
		sleep 0.2
		sh=$(pgrep -f "^sh $prog $d/t2")
		kill -TSTP $sh
		sleep 0.5
		before=$(cat "$d/t2")
		sleep 0.3
		after=$(cat "$d/t2")
		kill -CONT $sh
		wait_file "$d/t2.done" 30
		sleep 0.3
		if [ "$tr" = "$TRACER" ]; then
			why=""
			[ "$before" != "$after" ] && why="not stopped by SIGTSTP ($before -> $after)"
			[ -s "$d/t2.done" ] || why="did not finish after SIGCONT"
			mine=$(signal_lines "$d/log2.$(basename "$tr")")
		else
			theirs=$(signal_lines "$d/log2.$(basename "$tr")")
		fi
	done
	tmux -L "$sess" kill-server 2>/dev/null
	[ -z "$why" ] && [ -n "${theirs:-}" ] && [ "$mine" != "$theirs" ] &&
		why="'$mine', strace '$theirs'"
	[ -z "$why" ] && ! grep -q 'stopped by SIGTSTP' <<<"$mine" &&
		why="no 'stopped by SIGTSTP': '$mine'"
	if [ -n "$why" ]; then
		fail "SIGTSTP/SIGCONT from outside in tmux" "$why"
	else
		pass "SIGTSTP/SIGCONT from outside in tmux: '$mine' as strace"
	fi
}
check_job_control

echo "$npass passed, $nfail failed ($((SECONDS - start))s)"
[ "$nfail" = 0 ]
