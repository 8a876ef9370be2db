#!/bin/bash
# tests/bench/run.sh: wall-clock time of a few workloads run natively,
# under strace -f and under ftrace-c -f (both writing to -o files), in
# one run, median of N repetitions.  Prints ratios to native and the
# ftrace-c/strace ratio.
#
# A second table does the same with filtered tracing through a seccomp
# filter (-f --seccomp-bpf -e trace=%process), for both tracers.
#
# usage: tests/bench/run.sh [FTRACE [REPS]]     (defaults ./ftrace-c, 5)
set -u
FTRACE=${1:-./ftrace-c}
REPS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cc -std=gnu11 -O2 -pthread -o "$TMP/syscalls" "$HERE/syscalls.c" || exit 2
cp -r "$HERE/../integration/proj" "$TMP/proj"
unset MAKEFLAGS MFLAGS MAKELEVEL

# median_ms CMD...: median wall time in ms over REPS runs
median_ms() {
	local i t0 t1 times=()
	for i in $(seq "$REPS"); do
		[ -f "$TMP/proj/Makefile" ] && make -s -C "$TMP/proj" clean >/dev/null 2>&1
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 </dev/null
		t1=$(date +%s%N)
		times+=($(( (t1 - t0) / 1000 )))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)] / 1000}'
}

# Tracer options of the current table.
TOPTS=(-f)

workload() {
	local name=$1 native st ft
	shift
	native=$(median_ms "$@")
	st=$(median_ms strace "${TOPTS[@]}" -o "$TMP/st.log" "$@")
	ft=$(median_ms "$FTRACE" "${TOPTS[@]}" -o "$TMP/ft.log" "$@")
	awk -v n="$name" -v a="$native" -v s="$st" -v f="$ft" 'BEGIN {
		printf "%-34s %9.1f %9.1f %9.1f %8.1fx %8.1fx %7.2f\n", n, a, s, f,
		       s / a, f / a, f / s }'
}

printf '%-34s %9s %9s %9s %9s %9s %7s\n' workload native_ms strace_ms ftrace_ms strace_x ftrace_x ft/st
workload "100k getppid, 1 thread" "$TMP/syscalls" 100000 1
workload "100k getppid, 8 threads" "$TMP/syscalls" 100000 8
workload "300 fork+exec (sh loop)" sh -c 'for i in $(seq 300); do /bin/true; done'
workload "make -j2 (integration proj)" make -s -C "$TMP/proj" -j2

echo
echo "filtered: -f --seccomp-bpf -e trace=%process"
TOPTS=(-f --seccomp-bpf -e trace=%process)
printf '%-34s %9s %9s %9s %9s %9s %7s\n' workload native_ms strace_ms ftrace_ms strace_x ftrace_x ft/st
workload "100k getppid, 1 thread" "$TMP/syscalls" 100000 1
workload "100k getppid, 8 threads" "$TMP/syscalls" 100000 8
workload "300 fork+exec (sh loop)" sh -c 'for i in $(seq 300); do /bin/true; done'
workload "make -j2 (integration proj)" make -s -C "$TMP/proj" -j2
