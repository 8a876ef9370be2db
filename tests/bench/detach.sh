#!/bin/bash
# tests/bench/detach.sh: how long ftrace-c takes to detach from a busy
# 100-thread process (SIGINT to its exit), over RUNS runs.
#
# usage: tests/bench/detach.sh [TRACER] [THREADS] [RUNS]
#        (defaults: ./ftrace-c, 100, 20; needs build/test_programs/busy_threads)
#
# Each run starts busy_threads THREADS (every thread in a getpid /
# 5 ms nanosleep loop), attaches "TRACER -f -p", lets it trace for 0.5 s,
# sends SIGINT and measures until the tracer has exited; then checks that
# no thread is left traced or stopped.  Prints every time, the median and
# the maximum in milliseconds.

set -u
TRACER=${1:-./ftrace-c}
THREADS=${2:-100}
RUNS=${3:-20}
PROG=${PROG:-build/test_programs/busy_threads}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-detach.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

times=()
for run in $(seq "$RUNS"); do
	"$PROG" "$THREADS" 3000 >/dev/null &
	ppid=$!
	sleep 0.3
	set -m
	"$TRACER" -f -p "$ppid" -o /dev/null 2>"$TMP/err" &
	tpid=$!
	set +m
	for i in $(seq 200); do
		grep -q attached "$TMP/err" && break
		sleep 0.01
	done
	sleep 0.5
	t0=$(date +%s%N)
	kill -INT "$tpid"
	{ wait "$tpid"; } 2>/dev/null
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	left=$(grep -h 'TracerPid\|^State' /proc/"$ppid"/task/*/status 2>/dev/null |
	       grep -c 'TracerPid:[[:space:]]*[1-9]\|State:[[:space:]]*[tT]')
	kill "$ppid" 2>/dev/null
	wait "$ppid" 2>/dev/null
	echo "run $run: $(head -1 "$TMP/err" | sed 's/^[^:]*: //'), detach ${ms} ms, $left threads left traced/stopped"
	times+=("$ms")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n "$(( (RUNS + 1) / 2 ))p" <<<"$sorted")
max=$(tail -1 <<<"$sorted")
echo "detach of $THREADS threads over $RUNS runs: median ${median} ms, max ${max} ms"
