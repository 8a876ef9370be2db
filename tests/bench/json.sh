#!/bin/bash
# tests/bench/json.sh: the cost of --json against text output.
#
# usage: [N=100000] tests/bench/json.sh [TRACER] [ROUNDS]
#
# Two 100k-syscall workloads: getppid (no arguments: the per-record
# overhead) and a mix of openat/newfstatat/read/close (strings, flags,
# structs: the argument reader at work).  For each, `-f -o FILE` text and
# `--json -f -o FILE` runs are interleaved ROUNDS times (default 5) and
# the medians of the wall-clock times compared; the goal is json <= 1.3x
# text.  Then, if valgrind is installed, the tracer's own instruction
# count (callgrind, load-independent) for both on 20k-syscall runs.
# Timing depends on the machine's load: run it on a quiet machine, or
# read the callgrind ratio.

set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TRACER=$(cd "$(dirname "${1:-./ftrace-c}")" && pwd)/$(basename "${1:-./ftrace-c}")
ROUNDS=${2:-5}
N=${N:-100000}   # syscalls per workload run
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-jbench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

cc -std=gnu11 -O2 -pthread -o "$TMP/syscalls" "$HERE/syscalls.c" || exit 2
cat >"$TMP/mix.c" <<'C'
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000, i;
	char buf[64];
	struct stat st;

	for (i = 0; i < n / 4; i++) {
		int fd = openat(AT_FDCWD, "/etc/hostname", O_RDONLY | O_CLOEXEC);

		fstatat(fd, "", &st, AT_EMPTY_PATH);
		read(fd, buf, sizeof(buf));
		close(fd);
	}
	return 0;
}
C
cc -std=gnu11 -D_GNU_SOURCE -O2 -Wno-unused-result -o "$TMP/mix" "$TMP/mix.c" || exit 2

now() { date +%s.%N; }

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

bench()
{
	local label=$1 i t0 t1
	shift
	: >"$TMP/text.times"
	: >"$TMP/json.times"
	for i in $(seq "$ROUNDS"); do
		t0=$(now); "$TRACER" -f -o "$TMP/out.txt" "$@" >/dev/null; t1=$(now)
		echo "$t1 - $t0" | bc >>"$TMP/text.times"
		t0=$(now); "$TRACER" --json -f -o "$TMP/out.jsonl" "$@" >/dev/null; t1=$(now)
		echo "$t1 - $t0" | bc >>"$TMP/json.times"
	done
	local mt mj
	mt=$(median <"$TMP/text.times")
	mj=$(median <"$TMP/json.times")
	printf '%-28s text %6.3fs  json %6.3fs  ratio %.2f  (%d lines, %d records, %s / %s bytes)\n' \
		"$label" "$mt" "$mj" "$(echo "$mj / $mt" | bc -l)" \
		"$(wc -l <"$TMP/out.txt")" "$(wc -l <"$TMP/out.jsonl")" \
		"$(stat -c %s "$TMP/out.txt")" "$(stat -c %s "$TMP/out.jsonl")"
}

echo "median of $ROUNDS interleaved runs, wall clock:"
bench "$N getppid" "$TMP/syscalls" "$N" 1
bench "$N open/fstat/read/close" "$TMP/mix" "$N"

command -v valgrind >/dev/null || exit 0
echo "tracer instructions (callgrind, 20k syscalls):"
for w in "syscalls 20000 1" "mix 20000"; do
	set -- $w
	prog=$1
	shift
	for mode in text json; do
		flag=
		[ $mode = json ] && flag=--json
		valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.$mode" \
			"$TRACER" $flag -f -o "$TMP/cg.out" "$TMP/$prog" "$@" \
			>/dev/null 2>"$TMP/cg.$mode.err"
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$TMP/cg.$mode.err" >"$TMP/cg.$mode.ir"
	done
	ti=$(cat "$TMP/cg.text.ir") ji=$(cat "$TMP/cg.json.ir")
	printf '%-28s text %12s Ir  json %12s Ir  ratio %.2f\n' "$prog $*" "$ti" "$ji" \
		"$(echo "$ji / $ti" | bc -l)"
done
