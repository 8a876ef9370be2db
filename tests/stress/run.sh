#!/bin/bash
# tests/stress/run.sh: stress runs of the tracer with -f on programs that
# create many processes and threads, take thousands of signals, exec in a
# loop or fork 1000 deep (test_programs/stress_*.c).
#
# usage: tests/stress/run.sh TRACER BINDIR
#   TRACER  ./ftrace-c (or strace, to check the checks themselves)
#   BINDIR  the built test programs (build/test_programs)
#   SEED    (environment) seed of stress_tree's random exits, default 1
#
# Each program runs untraced, then as "TRACER -f -o LOG PROG ARGS", each
# under a RUN_TIMEOUT (only there to catch a hang).  Checks:
#   - same stdout and exit status as the untraced run;
#   - nothing on the tracer's stderr (no "NAME: " message of any kind);
#   - the log passes tests/integration/check_log.awk (line grammar,
#     unfinished/resumed pairing, one exit line per pid), and holds exactly
#     as many "+++ exited"/"+++ killed" lines as the program reports
#     ("exits N" in its output) and as many "+++ superseded" lines as
#     execs from a thread;
#   - afterwards no process of that program is left, stopped or traced
#     (/proc/*/comm, State and TracerPid).
# Prints "PASS ..." / "FAIL ...: why" and "N passed, N failed (Ts)".

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
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-stress.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

npass=0
nfail=0
start=$SECONDS
pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }

# leftovers COMM: every live process named COMM, with its state and tracer.
leftovers()
{
	local p st

	for p in $(pgrep -x "$1"); do
		st=$(grep -E '^(State|TracerPid):' "/proc/$p/status" 2>/dev/null | tr -s '\t\n' '  ')
		echo "$p $st"
	done
}

# norm: strace's -o lines start "PID  "; make them "[pid PID] ".
norm()
{
	if [ "$NAME" = strace ]; then
		awk '{
			if (match($0, /^[0-9]+ +/)) {
				pid = substr($0, 1, RLENGTH) + 0
				printf "[pid %5d] %s\n", pid, substr($0, RLENGTH + 1)
			} else {
				print
			}
		}' "$1" >"$1.n" && mv "$1.n" "$1"
	fi
}

# stress LABEL PROG ARGS...
stress()
{
	local label=$1 prog=$2 why="" urc trc want got sup wsup t0 left

	shift 2
	t0=$SECONDS
	{ timeout -k 5 "$RUN_TIMEOUT" "$BINDIR/$prog" "$@" </dev/null \
		>"$TMP/u.out" 2>"$TMP/u.err"; } 2>/dev/null
	urc=$?
	if [ "$urc" != 0 ]; then
		fail "$label" "untraced run failed ($urc): $(head -c 300 "$TMP/u.out" "$TMP/u.err")"
		return
	fi
	rm -f "$TMP/log"
	{ timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -o "$TMP/log" \
		"$BINDIR/$prog" "$@" </dev/null >"$TMP/t.out" 2>"$TMP/t.err"; } 2>/dev/null
	trc=$?
	norm "$TMP/log"
	if [ "$trc" = 124 ] || [ "$trc" = 137 ]; then
		why="hung: killed after ${RUN_TIMEOUT}s"
	elif [ "$trc" != "$urc" ]; then
		why="exit status $trc, untraced $urc"
	elif ! cmp -s "$TMP/u.out" "$TMP/t.out"; then
		why="stdout differs: $(head -c 200 "$TMP/t.out")"
	elif [ -s "$TMP/t.err" ]; then
		why="stderr not empty: $(head -3 "$TMP/t.err" | tr '\n' '|')"
	fi
	if [ -z "$why" ]; then
		want=$(sed -n 's/.*exits \([0-9]*\).*/\1/p' "$TMP/u.out")
		got=$(grep -cE '^\[pid +[0-9]+\] \+\+\+ (exited with|killed by) ' "$TMP/log")
		wsup=$(sed -n 's/.* \([0-9]*\) from a thread.*/\1/p' "$TMP/u.out")
		sup=$(grep -c '+++ superseded by execve' "$TMP/log")
		awk -f "$CHECK_LOG" "$TMP/log" >"$TMP/check" 2>&1
		if [ "$got" != "$want" ]; then
			why="$got exit lines, the program made $want processes and threads"
		elif [ -n "$wsup" ] && [ "$sup" != "$wsup" ]; then
			why="$sup superseded lines, $wsup execs from a thread"
		elif grep -q '^ERR' "$TMP/check" ||
		     ! grep -q 'errors=0' "$TMP/check"; then
			why="log check: $(grep -m3 '^ERR' "$TMP/check" | tr '\n' '|')"
		fi
	fi
	left=$(leftovers "$(basename "$prog" | cut -c1-15)")
	[ -z "$left" ] || why="${why:+$why; }left behind: $left"
	if [ -n "$why" ]; then
		cp "$TMP/log" "${TMPDIR:-/tmp}/stress-fail-$label.log" 2>/dev/null
		fail "$label" "$why (log kept in ${TMPDIR:-/tmp}/stress-fail-$label.log)"
	else
		pass "$label: $got exits, $(wc -l <"$TMP/log") lines, $((SECONDS - t0))s"
	fi
}

stress "tree-300p-64t-seed$SEED" stress_tree "$SEED" 300 64
stress "signals-3000" stress_signals 3000 50
stress "exec-loop-150" stress_exec 150
stress "fork-chain-1000" stress_chain 1000

echo "$npass passed, $nfail failed ($((SECONDS - start))s)"
[ "$nfail" = 0 ]
