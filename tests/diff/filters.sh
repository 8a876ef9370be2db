#!/bin/bash
# Differential check of the filtering options (-e trace=/signal=/status=/
# quiet=, -z, -Z, -q..., -P) against strace 6.1.
#
# usage: tests/diff/filters.sh TRACER_B BINDIR [min_pct]
#   BINDIR  the built test_programs (build/test_programs)
#
# Each option is run with -f on a few real commands and test programs,
# under strace and under TRACER_B.  Both logs go through normalize.py;
# process names are then dropped (with -z/-Z/-P the fork lines that name
# processes may be filtered out) and the lines compared as multisets, so
# the figure is "lines of strace's log that ftrace-c printed identically".
# Prints one row per option and a total; stderr (attach notes, -P's
# "resolved into" note) is compared exactly.  Exit 1 below min_pct.

set -u
[ $# -ge 2 ] || { echo "usage: $0 TRACER_B BINDIR [min_pct]" >&2; exit 2; }
B=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BIN=$(cd "$2" && pwd)
MIN=${3:-0}
HERE=$(cd "$(dirname "$0")" && pwd)
W=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-filters.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 2
mkdir -p tree/sub && echo hello >tree/file && echo x >tree/sub/y &&
	ln -s file tree/link
export LC_ALL=C TZ=UTC
NAME=$(basename "$B")

CMDS=("cat tree/link" "ls tree" "sh -c 'cat tree/file nonexistent 2>/dev/null | wc -c'"
	"sh -c 'echo a >tree/out; exit 3'" "find tree" "cp -r tree tree2"
	"$BIN/signals_self" "$BIN/killed_child" "$BIN/thread_exec"
	"$BIN/path_ops tree")
OPTS=("-e trace=%file" "-e trace=!%memory,%desc,%%stat" "-e 'trace=/^(open|close)'"
	"-e trace=?nosuch,0,3" "-e signal=SIGCHLD" "-e signal=!SIGUSR1"
	"-e signal=none" "-z" "-Z" "-e status=failed,unfinished"
	"-e status=!successful" "-q" "-qq" "-qqq" "-e quiet=!exit"
	"-e quiet=attach,thread-execve" "-P tree/link" "-P $W/tree/file"
	"-P tree" "-P file" "-P link" "-P ./file" "-P $W/tree/../tree/link"
	"-P /etc/ld.so.cache -P tree/sub/y" "-P $BIN/path_ops")

lines() {
	python3 "$HERE/normalize.py" normalize "$1" |
		sed -E 's/^P[0-9.]+ //; s/\bP[0-9.]+\b/P/g' | sort
}

tot_a=0; tot_same=0; tot_b=0; rc=0
printf '%-36s %7s %7s %7s %6s\n' option "same%" linesA linesB runs=
for o in "${OPTS[@]}"; do
	a=0; same=0; nb=0; eq=0
	for c in "${CMDS[@]}"; do
		rm -rf tree2 tree/out
		eval "strace -f $o -o A.log $c" >/dev/null 2>A.err
		rm -rf tree2 tree/out
		eval "\"$B\" -f $o -o B.log $c" >/dev/null 2>B.err
		sed -i "s/^strace: /$NAME: /; s/Process [0-9]*/Process N/" A.err
		sed -i "s/Process [0-9]*/Process N/" B.err
		lines A.log >A.n
		lines B.log >B.n
		na=$(wc -l <A.n)
		n=$(comm -12 A.n B.n | wc -l)
		a=$((a + na)); same=$((same + n)); nb=$((nb + $(wc -l <B.n)))
		if cmp -s A.n B.n && cmp -s A.err B.err; then
			eq=$((eq + 1))
		else
			{ echo "== $o: $c"; diff A.n B.n | head -6; diff A.err B.err | head -4; } >>diffs.txt
		fi
	done
	pct=$(awk -v s=$same -v a=$a 'BEGIN { printf "%.2f", a ? 100 * s / a : 100 }')
	printf '%-36s %7s %7d %7d %3d/%d\n' "$o" "$pct" $a $nb $eq ${#CMDS[@]}
	tot_a=$((tot_a + a)); tot_same=$((tot_same + same)); tot_b=$((tot_b + nb))
done
pct=$(awk -v s=$tot_same -v a=$tot_a 'BEGIN { printf "%.2f", a ? 100 * s / a : 100 }')
printf '%-36s %7s %7d %7d\n' TOTAL "$pct" $tot_a $tot_b
if [ -s diffs.txt ]; then
	mkdir -p "$HERE/out" && cp diffs.txt "$HERE/out/filters-diffs.txt"
	echo "differences: $HERE/out/filters-diffs.txt"
fi
awk -v p=$pct -v m=$MIN 'BEGIN { exit !(p >= m) }' || rc=1
exit $rc
