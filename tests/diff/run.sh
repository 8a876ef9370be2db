#!/bin/bash
# Differential test: run a fixed corpus of real commands under
# `strace -f -o A` and `TRACER_B -f -o B`, normalize both logs with
# normalize.py and report how much of the output agrees.
#
# usage: tests/diff/run.sh TRACER_B [min_full_pct] [min_coarse_pct] [min_core_pct]
#
# Logs, command output and the first differing lines of each command are
# left in $DIFF_OUT_DIR (default tests/diff/out/, recreated on every run).
# Exit status: 0 when every threshold is met, 1 when one is missed,
# 2 on usage or setup errors.

set -u

usage() {
	echo "usage: $0 TRACER_B [min_full_pct] [min_coarse_pct] [min_core_pct]" >&2
	exit 2
}

[ $# -ge 1 ] && [ $# -le 4 ] || usage
TRACER_B=$1
MIN_FULL=${2:-0}
MIN_COARSE=${3:-0}
MIN_CORE=${4:-0}
TRACER_A=${DIFF_TRACER_A:-strace}

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${DIFF_OUT_DIR:-$HERE/out}
WORK=$OUT/work

for t in "$TRACER_A" "$TRACER_B"; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "$0: tracer not found: $t" >&2
		exit 2
	fi
done
TRACER_B=$(command -v "$TRACER_B")
case $TRACER_B in /*) ;; *) TRACER_B=$PWD/$TRACER_B ;; esac

rm -rf "$OUT" && mkdir -p "$OUT" || exit 2

# Both runs must see the same environment. A surrounding `make check` would
# otherwise leak its jobserver and flags into the corpus' own `make`, and
# inherited descriptors would shift the fd numbers the tracees get.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
for fd in 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do
	eval "exec $fd>&-"
done
export LC_ALL=C

# Recreate the work tree so that every run starts from identical files
# (in particular `make` always rebuilds everything).
reset_work() {
	rm -rf "$WORK" || return 1
	mkdir -p "$WORK" || return 1
	cp -R "$HERE/proj" "$WORK/proj" || return 1
	rm -f "$WORK"/proj/*.o "$WORK/proj/calc"
	printf 'first line\nsecond line\nthird line\n' >"$WORK/input.txt"
}

# run_case ID LABEL COMMAND... : trace COMMAND with both tracers.
ITEMS=()
NOTES=()
run_case() {
	local id=$1 label=$2 side tracer
	shift 2
	for side in A B; do
		if [ $side = A ]; then tracer=$TRACER_A; else tracer=$TRACER_B; fi
		reset_work || exit 2
		(cd "$WORK" && exec "$tracer" -f -o "$OUT/$id.$side.log" "$@" \
			</dev/null >"$OUT/$id.$side.out" 2>"$OUT/$id.$side.err")
		echo $? >"$OUT/$id.$side.log.status"
	done
	if ! cmp -s "$OUT/$id.A.out" "$OUT/$id.B.out"; then
		NOTES+=("note: stdout of '$label' differs ($OUT/$id.[AB].out)")
	fi
	ITEMS+=("$label" "$OUT/$id.A.log" "$OUT/$id.B.log")
}

start=$(date +%s.%N)
run_case true   '/bin/true'                   /bin/true
run_case ls     'ls /'                        ls /
run_case cat    'cat input.txt'               cat input.txt
run_case pipe   "sh -c 'echo a | wc -c'"      sh -c 'echo a | wc -c'
run_case exit7  "sh -c 'exit 7'"              sh -c 'exit 7'
run_case make   'make -j2 (3 files + link)'   make -j2 -C proj
run_case envi   'env -i /bin/true'            env -i /bin/true
rm -rf "$WORK"
end=$(date +%s.%N)

echo "tracer A: $TRACER_A   tracer B: $TRACER_B"
awk -v s="$start" -v e="$end" 'BEGIN { printf "traced runs took %.1f s\n", e - s }'
for n in "${NOTES[@]+"${NOTES[@]}"}"; do
	echo "$n"
done
python3 "$HERE/normalize.py" report \
	--min-full "$MIN_FULL" --min-coarse "$MIN_COARSE" --min-core "$MIN_CORE" \
	--diff-out "$OUT/diffs.txt" "${ITEMS[@]}"
