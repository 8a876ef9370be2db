#!/bin/bash
# Differential test of the -c / -C summary tables: strace vs ftrace-c.
#
# usage: tests/diff/summary.sh [--quick] TRACER_B
#
# Runs every command of a corpus under `strace OPTS -o A CMD` and
# `TRACER_B OPTS -o B CMD` for several -c / -C option sets, in the same
# fixed environment and freshly made work directory, and compares the
# tables after summary_norm.py: times become '#' (their column widths and
# alignment still count), rows sorted by a time are put in name order.
# Everything else must be identical: syscall names, calls, errors, the
# order of rows sorted by calls/errors/name/nothing, headers, dash lines,
# the total line.  --quick runs a few commands and option sets (make check).
#
# Prints one line per differing table and "N tables compared, N identical
# at the first run, N identical within R reruns"; exits 1 if any differs.  Files are left in $SUMMARY_OUT_DIR
# (default tests/diff/out-summary/).

set -u

QUICK=0
if [ "${1:-}" = --quick ]; then
	QUICK=1
	shift
fi
if [ $# -ne 1 ]; then
	echo "usage: $0 [--quick] TRACER_B" >&2
	exit 2
fi
TRACER_A=$(command -v strace) || { echo "$0: strace not found" >&2; exit 2; }
TRACER_B=$(command -v "$1") || { echo "$0: $1 not found" >&2; exit 2; }
case $TRACER_B in /*) ;; *) TRACER_B=$PWD/$TRACER_B ;; esac

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=${SUMMARY_OUT_DIR:-$HERE/out-summary}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
WORK=$OUT/work
rm -rf "$OUT" && mkdir -p "$OUT/progs" || exit 2

unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
export LC_ALL=C TZ=UTC
TRACEE_ENV=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$WORK"
	LC_ALL=C TZ=UTC PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0)
LIMIT=(timeout -k 5 "${DIFF_TIMEOUT:-60}")
PYTHON=/usr/bin/python3

[ $QUICK = 1 ] || for src in "$ROOT"/test_programs/*.c; do
	cc -std=gnu11 -O2 -pthread -o "$OUT/progs/$(basename "$src" .c)" "$src" || exit 2
done

reset_work() {
	rm -rf "$WORK" && mkdir -p "$WORK/tree/sub" || return 1
	cp -R "$HERE/proj" "$WORK/proj" && rm -f "$WORK"/proj/*.o "$WORK/proj/calc"
	printf 'first line\nsecond line\nthird line\n' >"$WORK/input.txt"
	printf 'pear\napple\nfig\napple\n' >"$WORK/words.txt"
	printf 'alpha\n' >"$WORK/tree/a.txt"
	printf 'gamma\n' >"$WORK/tree/sub/c.txt"
	cp "$HERE"/corpus/*.py "$WORK/"
}

NCMP=0
NSAME=0
FAILED=()

# Counts of racy programs (signals that interrupt a wait4 or a clone,
# futex contention between threads) differ from run to run under either
# tracer: a differing pair is traced again, up to RETRIES times.
RETRIES=${SUMMARY_RETRIES:-3}
NFIRST=0

# trace_both ID OPTS -- CMD...: one table from each tracer, normalized.
trace_both() {
	local id=$1 opts=$2 side tracer norm=()
	shift 3
	for side in A B; do
		if [ $side = A ]; then tracer=$TRACER_A; else tracer=$TRACER_B; fi
		reset_work || exit 2
		# shellcheck disable=SC2086
		{ (cd "$WORK" && exec "${TRACEE_ENV[@]}" "${LIMIT[@]}" "$tracer" $opts \
			-o "$OUT/$id.$side" "$@" </dev/null >/dev/null 2>"$OUT/$id.$side.err"); } 2>/dev/null
	done
	case " $opts " in
	*" -S calls "*|*" -S errors "*|*" -S name "*|*" -S nothing "*) ;;
	*) norm=(--time-sorted) ;;
	esac
	python3 "$HERE/summary_norm.py" "${norm[@]}" "$OUT/$id.A" >"$OUT/$id.A.norm"
	python3 "$HERE/summary_norm.py" "${norm[@]}" "$OUT/$id.B" >"$OUT/$id.B.norm"
	[ -s "$OUT/$id.A.norm" ] && cmp -s "$OUT/$id.A.norm" "$OUT/$id.B.norm"
}

# compare ID OPTS -- CMD...
compare() {
	local try=0
	NCMP=$((NCMP + 1))
	if trace_both "$@"; then
		NFIRST=$((NFIRST + 1))
		NSAME=$((NSAME + 1))
		return
	fi
	while [ $try -lt "$RETRIES" ]; do
		try=$((try + 1))
		if trace_both "$@"; then
			NSAME=$((NSAME + 1))
			echo "note: $1 matched on rerun $try"
			return
		fi
	done
	FAILED+=("$1: '$2' ${*:4}  (diff $OUT/$1.[AB].norm)")
}

if [ $QUICK = 1 ]; then
	OPTSETS=("-c" "-c -S name -U name,calls,errors" "-C -f -S calls")
else
	OPTSETS=("-c" "-c -w" "-c -f" "-c -S calls" "-c -S errors"
		"-c -S name -U name,calls,errors" "-c -S nothing -U calls,errors"
		"-c -w -U min-time,max-time,avg-time,total-time,time-percent,calls,name,errors"
		"-c -f -e trace=%file" "-c -f -e trace=close,openat,read -S name"
		"-C -f -S calls" "-C -S name")
fi

n=0
for opts in "${OPTSETS[@]}"; do
	n=$((n + 1))
	compare "o${n}_true"  "$opts" -- /bin/true
	compare "o${n}_ls"    "$opts" -- ls /
	compare "o${n}_cat"   "$opts" -- cat input.txt
	compare "o${n}_exit"  "$opts" -- sh -c 'ls tree >/dev/null; exit 7'
	[ $QUICK = 1 ] && continue
	compare "o${n}_pipe"  "$opts" -- sh -c 'sort words.txt | uniq -c'
	compare "o${n}_lsla"  "$opts" -- ls -la tree
	compare "o${n}_wc"    "$opts" -- wc input.txt words.txt
	compare "o${n}_cp"    "$opts" -- cp -r tree copy
	compare "o${n}_rm"    "$opts" -- rm -r tree
	compare "o${n}_find"  "$opts" -- find tree -name '*.txt'
	compare "o${n}_stat"  "$opts" -- stat -c '%n %s' input.txt tree
	compare "o${n}_env"   "$opts" -- env -i /bin/true
	compare "o${n}_miss"  "$opts" -- cat missing-file
	compare "o${n}_pyio"  "$opts" -- "$PYTHON" fileio.py
	for p in exit_codes fork_tree killed_child self_kill signals_self \
		vfork_exec threads16; do
		compare "o${n}_$p" "$opts" -- "$OUT/progs/$p"
	done
done

for f in "${FAILED[@]+"${FAILED[@]}"}"; do
	echo "DIFF $f"
done
echo "$NCMP tables compared, $NFIRST identical at the first run," \
	"$NSAME identical within $RETRIES reruns"
[ $NCMP -eq $NSAME ]
