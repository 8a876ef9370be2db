#!/bin/bash
# Differential test: run a corpus of real commands under
# `strace OPTS -o A` and `TRACER_B OPTS -o B`, normalize both logs with
# normalize.py and report how much of the output agrees.
#
# usage: tests/diff/run.sh [--corpus small|full] [--opts "OPTIONS"]...
#                          TRACER_B [min_full_pct] [min_coarse_pct] [min_core_pct]
#
# --corpus small (default) is the fast corpus `make check` uses; full is
# the larger one (coreutils, shell, python, sockets, threads, tar, make,
# test_programs).  --opts may be given several times; each option string is
# one variant passed to both tracers.  Default: "-f" for small, "-f" and
# "-f -v -s 256" for full.
#
# Logs, command output and the first differing lines of each command are
# left in $DIFF_OUT_DIR (default tests/diff/out/, recreated on every run),
# one sub-directory per variant.
# Exit status: 0 when every threshold is met, 1 when one is missed,
# 2 on usage or setup errors.

set -u

usage() {
	echo "usage: $0 [--corpus small|full] [--opts \"OPTIONS\"]... TRACER_B" \
		"[min_full_pct] [min_coarse_pct] [min_core_pct]" >&2
	exit 2
}

CORPUS=small
VARIANTS=()
while [ $# -gt 0 ]; do
	case $1 in
	--corpus)
		[ $# -ge 2 ] || usage
		CORPUS=$2
		shift 2 ;;
	--corpus=*)
		CORPUS=${1#--corpus=}
		shift ;;
	--opts)
		[ $# -ge 2 ] || usage
		VARIANTS+=("$2")
		shift 2 ;;
	--opts=*)
		VARIANTS+=("${1#--opts=}")
		shift ;;
	--) shift; break ;;
	-*) usage ;;
	*) break ;;
	esac
done
case $CORPUS in small|full) ;; *) usage ;; esac
if [ ${#VARIANTS[@]} -eq 0 ]; then
	if [ "$CORPUS" = full ]; then
		VARIANTS=("-f" "-f -v -s 256")
	else
		VARIANTS=("-f")
	fi
fi

[ $# -ge 1 ] && [ $# -le 4 ] || usage
TRACER_B=$1
MIN_FULL=${2:-0}
MIN_COARSE=${3:-0}
MIN_CORE=${4:-0}
TRACER_A=${DIFF_TRACER_A:-strace}

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=${DIFF_OUT_DIR:-$HERE/out}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
WORK=$OUT/work

for t in "$TRACER_A" "$TRACER_B"; do
	if ! command -v "$t" >/dev/null 2>&1; then
		echo "$0: tracer not found: $t" >&2
		exit 2
	fi
done
TRACER_A=$(command -v "$TRACER_A")
TRACER_B=$(command -v "$TRACER_B")
case $TRACER_B in /*) ;; *) TRACER_B=$PWD/$TRACER_B ;; esac

# The real interpreter, not a version-manager shim: a shim is a script that
# would put its own (machine-dependent) execs and reads into the trace.
PYTHON=
for p in /usr/bin/python3 /usr/local/bin/python3; do
	[ -x "$p" ] && { PYTHON=$p; break; }
done
[ -n "$PYTHON" ] || PYTHON=$(command -v python3) || {
	echo "$0: python3 not found" >&2
	exit 2
}

rm -rf "$OUT" && mkdir -p "$OUT/io" || exit 2

# Both runs must see the same environment. A surrounding `make check` would
# otherwise leak its jobserver and flags into the corpus' own `make`, and
# inherited descriptors would shift the fd numbers the tracees get.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GNUMAKEFLAGS
for fd in 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do
	eval "exec $fd>&-"
done
export LC_ALL=C TZ=UTC

# The tracees get a fixed, minimal environment: the caller's would show up
# in `env`'s output and (with -v) in every execve line, and bash's `$_`
# holds the path of the tracer, which differs between the two sides.
TRACEE_ENV=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$WORK"
	LC_ALL=C TZ=UTC LOGNAME=diff USER=diff
	PYTHONDONTWRITEBYTECODE=1 PYTHONHASHSEED=0)

# A tracer that hangs must not hang the harness: each traced run gets
# DIFF_TIMEOUT seconds (status 124 in the table when it ran out).
LIMIT=()
if command -v timeout >/dev/null 2>&1; then
	LIMIT=(timeout -k 5 "${DIFF_TIMEOUT:-60}")
fi

# Fixed date for every file of the work tree: `ls -la`, `tar` headers
# (mtime and checksum, visible with -s 256) and `tar xf`'s utimensat would
# otherwise carry the time the tree was made.
FIXED_DATE='2020-01-02 03:04:05'

# Recreate the work tree so that every run starts from identical files
# (in particular `make` always rebuilds everything).
reset_work() {
	rm -rf "$WORK" || return 1
	mkdir -p "$WORK" || return 1
	cp -R "$HERE/proj" "$WORK/proj" || return 1
	rm -f "$WORK"/proj/*.o "$WORK/proj/calc"
	printf 'first line\nsecond line\nthird line\n' >"$WORK/input.txt"
	[ "$CORPUS" = full ] || return 0
	printf 'pear\napple\nfig\napple\npear\napple\nkiwi\n' >"$WORK/words.txt"
	sort "$WORK/words.txt" >"$WORK/sorted.txt"
	mkdir -p "$WORK/tree/sub/deep" "$WORK/tree/empty" || return 1
	printf 'alpha\n' >"$WORK/tree/a.txt"
	printf 'beta\nbeta\n' >"$WORK/tree/b.txt"
	printf 'gamma\n' >"$WORK/tree/sub/c.txt"
	head -c 5000 /dev/zero | tr '\0' 'z' >"$WORK/tree/sub/deep/big.dat"
	ln -s a.txt "$WORK/tree/link-to-a"
	cp "$HERE"/corpus/*.py "$WORK/" || return 1
	find "$WORK" -exec touch -h -d "$FIXED_DATE" {} + || return 1
	(cd "$WORK" && tar cf tree.tar tree) || return 1
	mkdir "$WORK/extract" || return 1
	find "$WORK" -exec touch -h -d "$FIXED_DATE" {} +
}

# The project's test programs, built once per run for the full corpus.
PROGS=$OUT/progs
build_progs() {
	local src
	mkdir -p "$PROGS" || return 1
	for src in "$ROOT"/test_programs/*.c; do
		cc -std=gnu11 -O2 -pthread -o "$PROGS/$(basename "$src" .c)" \
			"$src" || return 1
	done
}

# run_case ID LABEL COMMAND... : trace COMMAND with both tracers, with the
# options of the current variant ($VOPTS, split on blanks on purpose).
ITEMS=()
NOTES=()
run_case() {
	local id=$1 label=$2 side tracer
	shift 2
	for side in A B; do
		if [ $side = A ]; then tracer=$TRACER_A; else tracer=$TRACER_B; fi
		reset_work || exit 2
		# The braces catch bash's "Terminated" notice when a tracer
		# re-raises the tracee's fatal signal (self_kill).
		# shellcheck disable=SC2086
		# stdout and stderr go to the same paths on both sides (-y
		# prints them), then are moved next to the logs.
		{ (cd "$WORK" && exec "${TRACEE_ENV[@]}" "${LIMIT[@]}" "$tracer" $VOPTS \
			-o "$VOUT/$id.$side.log" "$@" \
			</dev/null >"$OUT/io/stdout" 2>"$OUT/io/stderr"); } 2>/dev/null
		echo $? >"$VOUT/$id.$side.log.status"
		mv "$OUT/io/stdout" "$VOUT/$id.$side.out"
		mv "$OUT/io/stderr" "$VOUT/$id.$side.err"
	done
	if ! cmp -s "$VOUT/$id.A.out" "$VOUT/$id.B.out"; then
		NOTES+=("note: stdout of '$label' differs ($VOUT/$id.[AB].out)")
	fi
	ITEMS+=("$label" "$VOUT/$id.A.log" "$VOUT/$id.B.log")
}

corpus_small() {
	run_case true   '/bin/true'                   /bin/true
	run_case ls     'ls /'                        ls /
	run_case cat    'cat input.txt'               cat input.txt
	run_case pipe   "sh -c 'echo a | wc -c'"      sh -c 'echo a | wc -c'
	run_case exit7  "sh -c 'exit 7'"              sh -c 'exit 7'
	run_case make   'make -j2 (3 files + link)'   make -j2 -C proj
	run_case envi   'env -i /bin/true'            env -i /bin/true
}

# Every command reads or writes only the fixed work tree (or fixed system
# files), and its output does not depend on the time or on pids.
corpus_full() {
	corpus_small
	run_case lsla   'ls -la tree'                 ls -la tree
	run_case head   'head -n 2 input.txt'         head -n 2 input.txt
	run_case wc     'wc input.txt words.txt'      wc input.txt words.txt
	run_case sort   'sort words.txt'              sort words.txt
	run_case uniq   'uniq -c sorted.txt'          uniq -c sorted.txt
	run_case cpr    'cp -r tree copy'             cp -r tree copy
	run_case mv     'mv input.txt moved.txt'      mv input.txt moved.txt
	run_case rmr    'rm -r tree'                  rm -r tree
	run_case mkdirp 'mkdir -p a/b/c'              mkdir -p a/b/c
	run_case lns    'ln -s input.txt link'        ln -s input.txt link
	# The default format prints the inode and ctime/birth time in the
	# output itself; these fields are the stable part.
	run_case stat   'stat -c ... input.txt tree'  stat -c '%n %s %a %F %h' input.txt tree
	run_case touch  'touch input.txt new.txt'     touch input.txt new.txt
	run_case chmod  'chmod 600 input.txt'         chmod 600 input.txt
	run_case date   'date -d @1000000000'         date -d @1000000000
	run_case env    'env'                         env
	run_case id     'id'                          id
	run_case du     'du -a tree'                  du -a tree
	run_case find   'find tree -name *.txt'       find tree -name '*.txt'
	run_case tarc   'tar cf out.tar tree'         tar cf out.tar tree
	run_case tarx   'tar xf tree.tar -C extract'  tar xf tree.tar -C extract
	run_case shpipe 'sh: sort|uniq >f 2>&1; cat'  sh -c 'sort words.txt | uniq -c >counts.txt 2>&1; cat counts.txt'
	run_case shredir 'sh: ls missing >f 2>&1'     sh -c 'ls missing-file >err.txt 2>&1; echo "status $?" >>err.txt; cat err.txt'
	run_case heredoc 'sh: here-doc | wc'          sh -c 'cat <<EOF | wc -l >lines.txt
one
two $HOME
three
EOF
cat lines.txt'
	run_case pyio   'python3 file I/O'            "$PYTHON" fileio.py
	run_case pysock 'python3 socketpair'          "$PYTHON" sockpair.py
	run_case pythr  'python3 threads'             "$PYTHON" threads.py
	run_case pytcp  'python3 loopback TCP'        "$PYTHON" tcp.py
	run_case pyc    'python3 -c write+read'       "$PYTHON" -c 'open("c.txt", "w").write("x" * 100); print(len(open("c.txt").read()))'
	local p
	for p in exit_codes fork_tree killed_child self_kill signals_self \
		thread_exec vfork_exec threads16; do
		[ -x "$PROGS/$p" ] && run_case "tp_$p" "test_programs/$p" "$PROGS/$p"
	done
}

# An option string one of the tracers rejects is reported and skipped:
# probe both with it on /bin/true first.
variant_supported() {
	local t rc side=A
	for t in "$TRACER_A" "$TRACER_B"; do
		# shellcheck disable=SC2086
		"$t" $VOPTS -o "$VOUT/probe.log" /bin/true \
			</dev/null >/dev/null 2>"$VOUT/probe.err"
		rc=$?
		if [ $rc -ne 0 ] || ! [ -s "$VOUT/probe.log" ]; then
			echo "tracer $side ($t) exits with $rc:" \
				"$(head -n 1 "$VOUT/probe.err")"
			return 1
		fi
		side=B
	done
	rm -f "$VOUT/probe.log" "$VOUT/probe.err"
	return 0
}

if [ "$CORPUS" = full ] && ! build_progs; then
	echo "$0: could not build test_programs (skipping them)" >&2
fi

echo "tracer A: $TRACER_A   tracer B: $TRACER_B   corpus: $CORPUS"
T_PASSED=0
T_FAILED=0
STATUS=0
MULTI=$([ ${#VARIANTS[@]} -gt 1 ] && echo 1 || echo 0)
for VOPTS in "${VARIANTS[@]}"; do
	tag=$(printf '%s' "$VOPTS" | tr -cs 'A-Za-z0-9' '_' | sed 's/^_*//;s/_*$//')
	VOUT=$OUT/${tag:-none}
	mkdir -p "$VOUT" || exit 2
	echo
	echo "=== variant: $VOPTS   (logs in $VOUT)"
	if ! why=$(variant_supported); then
		echo "variant not supported, skipped: $why"
		continue
	fi
	ITEMS=()
	NOTES=()
	start=$(date +%s.%N)
	if [ "$CORPUS" = full ]; then corpus_full; else corpus_small; fi
	rm -rf "$WORK"
	end=$(date +%s.%N)
	awk -v s="$start" -v e="$end" 'BEGIN { printf "traced runs took %.1f s\n", e - s }'
	for n in "${NOTES[@]+"${NOTES[@]}"}"; do
		echo "$n"
	done
	extra=()
	[ "$CORPUS" = full ] && extra+=(--syscalls 25)
	[ "$MULTI" = 1 ] && extra+=(--label "variant '$VOPTS'")
	python3 "$HERE/normalize.py" report \
		--min-full "$MIN_FULL" --min-coarse "$MIN_COARSE" --min-core "$MIN_CORE" \
		--diff-out "$VOUT/diffs.txt" --summary-out "$VOUT/summary" \
		"${extra[@]}" "${ITEMS[@]}"
	rc=$?
	[ $rc -gt $STATUS ] && STATUS=$rc
	read -r p f <"$VOUT/summary" || { p=0; f=1; STATUS=2; }
	T_PASSED=$((T_PASSED + p))
	T_FAILED=$((T_FAILED + f))
done
if [ "$MULTI" = 1 ]; then
	echo
	echo "$T_PASSED passed, $T_FAILED failed"
fi
exit $STATUS
