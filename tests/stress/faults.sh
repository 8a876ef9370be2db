#!/bin/bash
# tests/stress/faults.sh: faults around a running trace.
#
# usage: tests/stress/faults.sh TRACER BINDIR
#   TRACER  ./ftrace-c, or strace (6.1): where the two differ on purpose
#           the expectation depends on the name (docs/reliability.md)
#   BINDIR  the built test programs (build/test_programs)
#   SEED    (environment) seed of the random delays, default 1
#
# 1. kill-tracee: the traced stress_signals (9 threads in syscalls and a
#    signal storm) gets SIGKILL after a random delay, KILLS times: the
#    tracer exits 137, each of the 9 threads has "+++ killed by SIGKILL +++",
#    the log is well-formed, nothing is left.
# 2. kill-tracer-spawned: the tracer gets SIGKILL; its command dies with it
#    (PTRACE_O_EXITKILL).  strace 6.1 leaves it running, untraced.
# 3. kill-tracer-attached: a process attached with -p -f, its 9 threads
#    traced, when the tracer gets SIGKILL: every thread is left running,
#    TracerPid 0, not stopped, and the program goes on (its sender process
#    keeps being scheduled).  Same for strace.
# 4. full: -o /dev/full and -o on a 64 KiB tmpfs: the command's output and
#    status are the untraced ones; one "NAME: FILE: No space left on device"
#    line (strace repeats it for every failed write).
# 5. closed pipe: "NAME -f PROG 2>&1 | head -1": the tracer and the command
#    die of SIGPIPE (141), as with strace; "-o /dev/fd/3" on a closed pipe:
#    the command runs to its end untraced, status 0, one "Broken pipe" line
#    (strace: one per failed write).
# 6. unmap: stress_unmap's buffers are unmapped by another thread while a
#    read is in progress: every such read prints a string or an address,
#    the tracer says nothing and exits as the program does.
# Each run is bounded by RUN_TIMEOUT (a hang is a failure).  Prints
# "PASS ..." / "FAIL ...: why" and "N passed, N failed (Ts)".

set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 TRACER BINDIR" >&2
	exit 2
fi
case "$1" in
*/*) TRACER="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
*) TRACER=$(command -v "$1") ;;
esac
BINDIR=$(cd "$2" && pwd)
NAME=$(basename "$TRACER")
HERE=$(cd "$(dirname "$0")" && pwd)
CHECK_LOG=$HERE/../integration/check_log.awk
RUN_TIMEOUT=${RUN_TIMEOUT:-100}
SEED=${SEED:-1}
KILLS=${KILLS:-4}
RANDOM=$SEED
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-faults.XXXXXX")
MNT=""
KILL_AT_EXIT=""
# Pids to kill if the script is interrupted.  A pid leaves the list as
# soon as it is reaped: pids are reused quickly on a busy machine, and a
# stale one would kill some unrelated process.
forget()
{
	KILL_AT_EXIT=$(tr ' ' '\n' <<<"$KILL_AT_EXIT" | grep -vx "$1" | tr '\n' ' ')
}

cleanup()
{
	local p

	for p in $KILL_AT_EXIT; do kill -KILL "$p" 2>/dev/null; done
	[ -n "$MNT" ] && umount "$MNT" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT

npass=0
nfail=0
start=$SECONDS
pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }

SIG=$BINDIR/stress_signals
TREE=$BINDIR/stress_tree

# pids COMM: live processes named COMM.
pids()
{
	pgrep -x "$1"
}

# untouched PID: empty if every thread of PID is untraced and not stopped.
untouched()
{
	local f st

	for f in /proc/"$1"/task/*/status; do
		st=$(cat "$f" 2>/dev/null) || continue
		[ -n "$st" ] || continue
		grep -q 'TracerPid:[[:space:]]*0$' <<<"$st" ||
			{ echo "thread ${f#/proc/} still traced"; return; }
		grep -qE 'State:[[:space:]]*[tT]' <<<"$st" &&
			{ echo "thread ${f#/proc/} stopped"; return; }
	done
}

# wait_gone COMM SECS: wait until no process is named COMM; the rest.
wait_gone()
{
	local i left

	for i in $(seq $((2 * $2))); do
		left=$(pids "$1")
		[ -z "$left" ] && return
		sleep 0.5
	done
	echo "$left"
}

# norm LOG: strace's -o lines start "PID  "; make them "[pid PID] ".
norm()
{
	[ "$NAME" = strace ] || return 0
	awk '{
		if (match($0, /^[0-9]+ +/)) {
			pid = substr($0, 1, RLENGTH) + 0
			printf "[pid %5d] %s\n", pid, substr($0, RLENGTH + 1)
		} else {
			print
		}
	}' "$1" >"$1.n" && mv "$1.n" "$1"
}

# delay MIN_MS SPAN_MS: a seeded random sleep.
delay()
{
	local ms=$(($1 + RANDOM % $2))

	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
}

# -- 1. the tracee killed at random points --------------------------------
kill_tracee()
{
	local i why tpid main rc log=$TMP/kt.log killed

	for i in $(seq "$KILLS"); do
		why=""
		rm -f "$log"
		timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -o "$log" "$SIG" 100000000 \
			</dev/null >/dev/null 2>"$TMP/kt.err" &
		tpid=$!
		KILL_AT_EXIT="$KILL_AT_EXIT $tpid"
		main=""
		while [ -z "$main" ] && kill -0 "$tpid" 2>/dev/null; do
			main=$(pgrep -f "^$SIG 100000000" | head -1)
			sleep 0.05
		done
		delay 100 900
		kill -KILL "$main" 2>/dev/null
		wait "$tpid" 2>/dev/null
		rc=$?
		forget "$tpid"
		norm "$log"
		killed=$(grep -c '+++ killed by SIGKILL +++' "$log")
		awk -f "$CHECK_LOG" "$log" >"$TMP/kt.check" 2>&1
		if [ -z "$main" ]; then
			why="the command never started"
		elif [ "$rc" = 124 ]; then
			why="hung"
		elif [ "$rc" != 137 ]; then
			why="exit status $rc, want 137"
		elif ! grep -qE "^\\[pid +$main\\] \\+\\+\\+ killed by SIGKILL \\+\\+\\+$" "$log"; then
			why="no '+++ killed by SIGKILL +++' for pid $main"
		elif [ "$killed" != 9 ]; then
			why="$killed killed lines, want 9 (the threads)"
		elif ! grep -q 'errors=0' "$TMP/kt.check"; then
			why="log check: $(grep -m2 '^ERR' "$TMP/kt.check" | tr '\n' '|')"
		elif grep -q "^$NAME: " "$TMP/kt.err"; then
			why="says $(head -2 "$TMP/kt.err" | tr '\n' '|')"
		fi
		left=$(wait_gone stress_signals 10)
		[ -z "$left" ] || why="${why:+$why; }left behind: $left"
		if [ -n "$why" ]; then
			fail "kill-tracee-$i" "$why"
		else
			pass "kill-tracee-$i: 137, $killed threads killed, $(wc -l <"$log") lines"
		fi
	done
}

# -- 2. the tracer killed, spawned command --------------------------------
kill_tracer_spawned()
{
	local tpid main why="" left i st=""

	"$TRACER" -f -o "$TMP/ks.log" "$SIG" 100000000 </dev/null >/dev/null 2>&1 &
	tpid=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $tpid"
	for i in $(seq 200); do
		main=$(pgrep -P "$tpid" stress_signals | head -1)
		[ -n "$main" ] && break
		sleep 0.05
	done
	delay 200 800
	kill -KILL "$tpid"
	wait "$tpid" 2>/dev/null
	forget "$tpid"
	if [ -z "$main" ]; then
		why="the command never started"
	elif [ "$NAME" = strace ]; then
		# strace 6.1 has no EXITKILL: the command runs on, untraced
		sleep 1
		st=$(untouched "$main")
		[ -d "/proc/$main" ] || why="the command died with strace"
		[ -z "$st" ] || why="$st"
		kill -KILL "$main" 2>/dev/null
		left=$(wait_gone stress_signals 10)
	else
		left=$(wait_gone stress_signals 10)
		[ -z "$left" ] || why="still running after the tracer's death: $left"
	fi
	[ -n "$why" ] && fail "kill-tracer-spawned" "$why" ||
		pass "kill-tracer-spawned: the command $([ "$NAME" = strace ] && echo 'runs on' || echo 'died with it')"
}

# -- 3. the tracer killed, attached process -------------------------------
kill_tracer_attached()
{
	local p tpid why="" i n kid a b

	"$SIG" 100000000 </dev/null >/dev/null 2>&1 &
	p=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $p"
	sleep 0.3
	"$TRACER" -f -o "$TMP/ka.log" -p "$p" </dev/null >/dev/null 2>&1 &
	tpid=$!
	KILL_AT_EXIT="$KILL_AT_EXIT $tpid"
	for i in $(seq 200); do
		n=$(grep -l "TracerPid:[[:space:]]*$tpid\$" /proc/"$p"/task/*/status 2>/dev/null | wc -l)
		[ "$n" = 9 ] && break
		sleep 0.05
	done
	delay 100 900
	kill -KILL "$tpid"
	wait "$tpid" 2>/dev/null
	forget "$tpid"
	sleep 0.5
	kid=$(pgrep -P "$p" stress_signals | head -1)
	if [ "$n" != 9 ]; then
		why="only $n of 9 threads were attached"
	elif ! [ -d "/proc/$p" ]; then
		why="the attached process died with the tracer"
	else
		why=$(untouched "$p")
	fi
	if [ -z "$why" ] && [ -n "$kid" ]; then
		# the storm goes on: the sender is still being woken up
		a=$(sed -n 's/^voluntary_ctxt_switches:[[:space:]]*//p' "/proc/$kid/status")
		sleep 1
		b=$(sed -n 's/^voluntary_ctxt_switches:[[:space:]]*//p' "/proc/$kid/status")
		[ "${b:-0}" -gt "${a:-0}" ] || why="the signal storm stopped ($a -> $b switches)"
	elif [ -z "$why" ]; then
		why="the sender process is gone"
	fi
	kill -KILL "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	forget "$p"
	left=$(wait_gone stress_signals 10)
	[ -z "$left" ] || why="${why:+$why; }left behind: $left"
	[ -n "$why" ] && fail "kill-tracer-attached" "$why" ||
		pass "kill-tracer-attached: 9 threads left running, untraced"
}

# -- 4. the trace file on a full file system ------------------------------
# full LABEL FILE: the tree traced into FILE, which fills up.
full()
{
	local label=$1 file=$2 why="" rc n

	{ timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -o "$file" "$TREE" 2 \
		</dev/null >"$TMP/f.out" 2>"$TMP/f.err"; } 2>/dev/null
	rc=$?
	# strace names itself as it was run: /usr/bin/strace
	n=$(grep -c "^\(.*/\)\?$NAME: $file: No space left on device\$" "$TMP/f.err")
	if [ "$rc" != 0 ]; then
		why="exit status $rc, want the command's 0"
	elif ! cmp -s "$TMP/f.out" "$TMP/tree.out"; then
		why="the command's output changed: $(head -c 200 "$TMP/f.out")"
	elif [ "$n" = 0 ]; then
		why="no '$NAME: $file: No space left on device'"
	elif [ "$NAME" != strace ] && [ "$(wc -l <"$TMP/f.err")" != 1 ]; then
		why="want one line, got: $(head -3 "$TMP/f.err" | tr '\n' '|')..."
	fi
	left=$(wait_gone stress_tree 10)
	[ -z "$left" ] || why="${why:+$why; }left behind: $left"
	[ -n "$why" ] && fail "$label" "$why" ||
		pass "$label: status 0, same output, $n error line(s)"
}

# -- 5. the trace on a closed pipe ----------------------------------------
closed_pipe()
{
	local why="" rc first n

	rm -f "$TMP/p.out"
	first=$({ timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f "$TREE" 2 \
		</dev/null >"$TMP/p.out"; echo $? >"$TMP/p.rc"; } 2>&1 | head -1)
	rc=$(cat "$TMP/p.rc")
	if [ "$rc" != 141 ]; then
		why="exit status $rc, want 141 (SIGPIPE)"
	elif ! grep -q 'execve(' <<<"$first"; then
		why="first line: $first"
	fi
	left=$(wait_gone stress_tree 10)
	[ -z "$left" ] || why="${why:+$why; }left behind: $left"
	[ -s "$TMP/p.out" ] && why="${why:+$why; }the command ran to its end: $(cat "$TMP/p.out")"
	[ -n "$why" ] && fail "closed-pipe-stderr" "$why" ||
		pass "closed-pipe-stderr: 141, the command got SIGPIPE"

	why=""
	{ timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -o /dev/fd/3 "$TREE" 2 \
		3>&1 </dev/null >"$TMP/p.out" 2>"$TMP/p.err"; echo $? >"$TMP/p.rc"; } |
		head -1 >/dev/null
	rc=$(cat "$TMP/p.rc")
	n=$(grep -c "^\(.*/\)\?$NAME: /dev/fd/3: Broken pipe\$" "$TMP/p.err")
	if [ "$rc" != 0 ]; then
		why="exit status $rc, want the command's 0"
	elif ! cmp -s "$TMP/p.out" "$TMP/tree.out"; then
		why="the command's output changed: $(head -c 200 "$TMP/p.out")"
	elif [ "$n" = 0 ]; then
		why="no '$NAME: /dev/fd/3: Broken pipe'"
	elif [ "$NAME" != strace ] && [ "$(wc -l <"$TMP/p.err")" != 1 ]; then
		why="want one line, got: $(head -3 "$TMP/p.err" | tr '\n' '|')..."
	fi
	left=$(wait_gone stress_tree 10)
	[ -z "$left" ] || why="${why:+$why; }left behind: $left"
	[ -n "$why" ] && fail "closed-pipe-o" "$why" ||
		pass "closed-pipe-o: status 0, same output, $n error line(s)"
}

# -- 6. memory unmapped under a buffer ------------------------------------
unmap()
{
	local why="" rc bad addr log=$TMP/um.log

	{ timeout -k 5 "$RUN_TIMEOUT" "$BINDIR/stress_unmap" 200 </dev/null \
		>"$TMP/um.want"; } 2>/dev/null
	{ timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -o "$log" "$BINDIR/stress_unmap" 200 \
		</dev/null >"$TMP/um.out" 2>"$TMP/um.err"; } 2>/dev/null
	rc=$?
	norm "$log"
	# the 16-byte reads of the data pipe: "string" or 0xADDR, nothing else
	bad=$(grep -E '(read\(3, |read resumed>)' "$log" | grep -E ', 16\)' |
		grep -vE '(read\(3, |read resumed>)("[a-z]*"|0x[0-9a-f]+), 16\) += (5|-1 EFAULT \(Bad address\))$' | head -2)
	addr=$(grep -cE 'read resumed>0x[0-9a-f]+, 16\) += 5$' "$log")
	awk -f "$CHECK_LOG" "$log" >"$TMP/um.check" 2>&1
	if [ "$rc" != 0 ]; then
		why="exit status $rc"
	elif ! cmp -s "$TMP/um.out" "$TMP/um.want"; then
		why="output: $(head -c 200 "$TMP/um.out")"
	elif [ -s "$TMP/um.err" ]; then
		why="says $(head -2 "$TMP/um.err" | tr '\n' '|')"
	elif [ -n "$bad" ]; then
		why="unexpected read lines: $bad"
	elif ! grep -q 'errors=0' "$TMP/um.check"; then
		why="log check: $(grep -m2 '^ERR' "$TMP/um.check" | tr '\n' '|')"
	elif [ "$(grep -cE '\+\+\+ exited with' "$log")" != 2 ]; then
		why="want 2 exit lines"
	fi
	[ -n "$why" ] && fail "unmap" "$why" ||
		pass "unmap: 200 rounds, $addr successful reads printed as an address"
}

"$TREE" 2 >"$TMP/tree.out" </dev/null || fail setup "stress_tree 2 failed"
kill_tracee
kill_tracer_spawned
kill_tracer_attached
full "full-dev-full" /dev/full
mkdir "$TMP/mnt"
if mount -t tmpfs -o size=64k tmpfs "$TMP/mnt" 2>"$TMP/mount.err"; then
	MNT=$TMP/mnt
	full "full-tmpfs-64k" "$MNT/trace.log"
	umount "$MNT" && MNT=""
else
	fail "full-tmpfs-64k" "cannot mount a tmpfs (root needed): $(cat "$TMP/mount.err")"
fi
closed_pipe
unmap

echo "$npass passed, $nfail failed ($((SECONDS - start))s)"
[ "$nfail" = 0 ]
