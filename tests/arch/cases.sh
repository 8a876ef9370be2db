#!/bin/sh
# cases.sh - trace every test program of BINDIR with strace and with
# ftrace-c, the same way, and leave the logs for normalize.py.
#
# usage: cases.sh STRACE FTRACE BINDIR OUTDIR
#
# POSIX sh only: it runs on the host, or inside a small VM under busybox
# (an amd64 one when the host kernel cannot run i386 programs, the arm64
# one of arm64.sh).  For each case
# NAME it writes OUTDIR/NAME.A.log (strace -f -o) and NAME.B.log
# (ftrace-c -f -o), and for the arch-switch cases also NAME.A.err and
# NAME.B.err: the stderr of a run without -o, where strace prints its
# "[ Process PID=N runs in 32 bit mode. ]" lines.

A=$1 B=$2 BIN=$3 OUT=$4
WORK=${TMPDIR:-/tmp}/ftrace-c-i386-work
mkdir -p "$OUT"

run_case() {
	name=$1
	shift
	for side in A B; do
		if [ $side = A ]; then t=$A; else t=$B; fi
		rm -rf "$WORK" && mkdir -p "$WORK"
		(cd "$WORK" && exec env -i PATH=/usr/bin:/bin HOME=/ LC_ALL=C TZ=UTC \
			"$t" -f -o "$OUT/$name.$side.log" "$@" \
			</dev/null >"$OUT/$name.$side.out" 2>&1)
		echo $? >"$OUT/$name.$side.log.status"
	done
	echo "$name" >>"$OUT/cases"
}

# Without -o: the personality lines go to stderr with the trace.
run_err() {
	name=$1
	shift
	for side in A B; do
		if [ $side = A ]; then t=$A; else t=$B; fi
		(cd "$WORK" && exec env -i PATH=/usr/bin:/bin HOME=/ LC_ALL=C TZ=UTC \
			"$t" -f "$@" </dev/null >/dev/null 2>"$OUT/$name.$side.err")
	done
}

: >"$OUT/cases"
for p in "$BIN"/*; do
	n=${p##*/}
	case $n in
	# driven by the clock, or by lifecycle.sh (30,000 signals, -p targets);
	# stress_*: random exits and signal storms, checked by check-stress
	*.64|busy_threads|sig_storm|blocked_call|stress_*) continue ;;
	esac
	run_case "$n" "$p"
done
# 64-bit -> exec 32-bit -> exec 64-bit, in the first process and in a child.
[ -x "$BIN/proc32.64" ] || exit 0
run_case switch "$BIN/proc32.64" "$BIN/proc32" "$BIN/proc32.64" 7
run_case switch_child /bin/sh -c "$BIN/proc32.64 $BIN/proc32 $BIN/proc32.64 7; exit 0"
run_err switch "$BIN/proc32.64" "$BIN/proc32" "$BIN/proc32.64" 7
run_err switch_child /bin/sh -c "$BIN/proc32.64 $BIN/proc32 $BIN/proc32.64 7; exit 0"
rm -rf "$WORK"
