#!/bin/bash
# tests/integration/audit.sh: the process-tree audit options (docs/audit.md)
# on real processes.
#
# usage: tests/integration/audit.sh TRACER BINDIR
#
#   - audit_io (test_programs/audit_io.c knows its traffic): --files rows
#     of its files equal the bytes and calls it really made, ENOENT probes
#     counted; --tree has its 3 processes, 2 execs and 3 ends;
#   - --timeline: well-formed XML, one <rect class="proc"> per process,
#     rendered to a non-empty PNG by rsvg-convert;
#   - -c --per-process: one section per process, the per-process calls add
#     up to the total table, which equals plain -c's syscall and count
#     columns; -S and -U apply;
#   - a real make -j2 build: the tree has as many processes and execs as
#     strace -f -e trace=execve,exit_group sees, and the same exit codes;
#   - -p: --tree and --files on an attached process tree; SIGINT to the
#     tracer still writes the tree, with the process "detached"; a process
#     seized just after its fork (its exec stop may come before the
#     interrupt stop) is still "(attached)".
#
# Prints "PASS name" / "FAIL name: reason", then "N passed, N failed".

set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 TRACER BINDIR" >&2
	exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
TRACER="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
BINDIR=$(cd "$2" && pwd)
RUN_TIMEOUT=${RUN_TIMEOUT:-60}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-audit.XXXXXX")
trap 'rm -rf "$TMP"; [ -n "${TARGET:-}" ] && kill "$TARGET" 2>/dev/null' EXIT
npass=0
nfail=0

pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }

# wait_attached ERR: until the tracer's stderr says "attached" (20 s at most)
wait_attached()
{
	local i

	for i in $(seq 1 200); do
		grep -q attached "$1" && return
		sleep 0.1
	done
}

# row FILE PATH: the --files row of PATH (its first 7 numbers and access)
row()
{
	awk -v p="$2" '$9 == p && NF == 9 { print $1, $2, $3, $4, $5, $6, $7, $8 }' "$1"
}

# ---- audit_io: exact byte and call counts ----
check_audit_io()
{
	local d="$TMP/io" f="$TMP/io.files" t="$TMP/io.tree" s="$TMP/io.svg"

	mkdir -p "$d"
	timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -o /dev/null --tree="$t" \
		--files="$f" --timeline="$s" "$BINDIR/audit_io" "$d"
	if [ $? != 0 ]; then
		fail "audit_io run" "exit status not 0"
		return
	fi
	pass "audit_io run"
	# reads 2010 B in 5 calls, writes 1400 B in 4, 3 opens, r+w+c+t
	if [ "$(row "$f" "$d/a.txt")" = "2010 5 1400 4 3 0 0 rwct-" ] &&
	   [ "$(row "$f" "$d/b.txt")" = "0 0 777 1 1 0 0 -wct-" ] &&
	   [ "$(stat -c %s "$d/a.txt") $(stat -c %s "$d/b.txt")" = "1400 777" ]; then
		pass "files: byte and call counts"
	else
		fail "files: byte and call counts" "$(grep -A1 "$d/[ab].txt" "$f" | tr '\n' '|')"
	fi
	if [ "$(row "$f" "$d/missing1")" = "0 0 0 0 0 0 3 -----" ] &&
	   [ "$(row "$f" "$d/missing2")" = "0 0 0 0 0 0 1 -----" ] &&
	   grep -A1 "$d/missing1\$" "$f" | grep -q "failed ENOENT x3"; then
		pass "files: ENOENT probes"
	else
		fail "files: ENOENT probes" "$(grep -A1 missing "$f" | tr '\n' '|')"
	fi
	# the child that wrote b.txt is not the one that opened a.txt
	if [ "$(grep -A1 "$d/b.txt\$" "$f" | sed -n 's/^ *by \([0-9]*\) -wct-$/\1/p')" = \
	     "$(sed -n 's/^|- \([0-9]*\) .*exited 3,.*/\1/p' "$t")" ]; then
		pass "files: opener pids"
	else
		fail "files: opener pids" "$(cat "$t" | tr '\n' '|')"
	fi
	if [ "$(wc -l <"$t")" = 3 ] &&
	   grep -q "^[0-9]* $BINDIR/audit_io $d \[cwd .*\] => audit_io --after-exec $d \[cwd .*\] +[0-9.]*s [0-9.]*s exited 0, [0-9]* syscalls" "$t" &&
	   grep -q '^|- [0-9]* <audit_io> .* exited 3, ' "$t" &&
	   grep -q '^`- [0-9]* <audit_io> .* killed by SIGTERM, ' "$t"; then
		pass "tree: processes, execs, ends"
	else
		fail "tree: processes, execs, ends" "$(cat "$t" | tr '\n' '|')"
	fi
	check_svg "$s" 3 "timeline (audit_io)"
}

# check_svg SVG N NAME: well-formed, N bars, renders to a non-empty PNG
check_svg()
{
	local n

	n=$(grep -c '<rect class="proc"' "$1")
	if ! python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1" 2>/dev/null; then
		fail "$3" "not well-formed XML"
	elif [ "$n" != "$2" ]; then
		fail "$3" "$n bars for $2 processes"
	elif ! rsvg-convert -o "$1.png" "$1" || [ ! -s "$1.png" ] ||
	     [ "$(head -c 8 "$1.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
		fail "$3" "rsvg-convert made no PNG"
	else
		pass "$3 ($n bars, PNG $(stat -c %s "$1.png") bytes)"
	fi
}

# ---- -c --per-process ----
# calls_by_name FILE: "name calls errors" of the table rows after the last
# "--- total ---" (or of the whole file), sorted
total_rows()
{
	awk '/^--- total ---$/ { n = 0; delete r; next }
	     /^-/ || /^%|^ *calls/ { next }
	     NF >= 5 && $NF != "total" { r[$NF] = $4 " " ($6 == "" ? 0 : $5) }
	     END { for (k in r) print k, r[k] }' "$1" | sort
}

check_per_process()
{
	local d="$TMP/pp" out="$TMP/pp.out" plain="$TMP/pp.plain" sum

	mkdir -p "$d"
	timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -c --per-process -o "$out" \
		"$BINDIR/audit_io" "$d"
	timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -c -o "$plain" \
		"$BINDIR/audit_io" "$d"
	if [ "$(grep -c '^--- pid [0-9]* (audit_io) ---$' "$out")" = 3 ] &&
	   [ "$(grep -c '^--- total ---$' "$out")" = 1 ]; then
		pass "per-process: a section per process"
	else
		fail "per-process: a section per process" "$(grep '^---' "$out" | tr '\n' '|')"
	fi
	# the calls of each syscall, summed over the processes, are the total's
	sum=$(awk '/^--- total ---$/ { exit }
		   /^--- pid/ { on = 1; next }
		   on && NF >= 5 && $NF != "total" && $1 !~ /^-/ && $1 != "%" { c[$NF] += $4 }
		   END { for (k in c) print k, c[k] }' "$out" | sort)
	if [ -n "$sum" ] && [ "$sum" = "$(total_rows "$out" | awk '{ print $1, $2 }')" ]; then
		pass "per-process: sections add up to the total"
	else
		fail "per-process: sections add up to the total" "$(diff <(echo "$sum") <(total_rows "$out") | head -5 | tr '\n' '|')"
	fi
	# the total table has plain -c's rows (names, calls, errors)
	if [ "$(total_rows "$out")" = "$(total_rows "$plain")" ]; then
		pass "per-process: total equals plain -c"
	else
		fail "per-process: total equals plain -c" "$(diff <(total_rows "$out") <(total_rows "$plain") | head -5 | tr '\n' '|')"
	fi
	timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -c --per-process -S calls \
		-U name,calls -o "$out" "$BINDIR/audit_io" "$d"
	if grep -q '^syscall  *calls$' "$out" &&
	   [ "$(grep -c '^syscall  *calls$' "$out")" = 4 ] &&
	   awk '/^syscall/ { on = 1; prev = -1; next } /^-/ { next }
		on && NF == 2 && $1 != "total" { if (prev >= 0 && $2 > prev) bad = 1; prev = $2 }
		/^$|^---/ { on = 0 } END { exit bad }' "$out"; then
		pass "per-process: -S calls -U name,calls"
	else
		fail "per-process: -S calls -U name,calls" "$(head -5 "$out" | tr '\n' '|')"
	fi
}

# ---- make -j2: the same processes as strace sees ----
check_make()
{
	local d="$TMP/make" t="$TMP/make.tree" s="$TMP/make.svg" log="$TMP/make.strace"
	local np sp ne se te ss

	unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
	mkdir -p "$d"
	cp -r "$HERE/proj" "$d/a"
	cp -r "$HERE/proj" "$d/b"
	(cd "$d/a" && timeout -k 5 "$RUN_TIMEOUT" "$TRACER" -f -o /dev/null \
		--tree="$t" --timeline="$s" make -j2 >/dev/null 2>&1) ||
		{ fail "make -j2 tree" "traced build failed"; return; }
	(cd "$d/b" && timeout -k 5 "$RUN_TIMEOUT" strace -f -o "$log" \
		-e trace=execve,exit_group make -j2 >/dev/null 2>&1) ||
		{ fail "make -j2 tree" "strace build failed"; return; }
	np=$(wc -l <"$t")
	sp=$(grep -E '^[0-9]+ +\+\+\+ (exited|killed)' "$log" | awk '{ print $1 }' | sort -u | wc -l)
	# execs: one per exec'd process, plus one per " => "
	ne=$(awk '{ if ($0 !~ /^[|` ]*[0-9]+ </) n += 1 + gsub(/ => /, "") } END { print n + 0 }' "$t")
	se=$(grep -cE '(execve\(|execve resumed>).* = 0$' "$log")
	te=$(sed -E 's/.* (exited [0-9]+|killed by [A-Z0-9]+).*/\1/' "$t" | sort | uniq -c | tr -s ' ')
	ss=$(sed -nE 's/^[0-9]+ +\+\+\+ (exited) with ([0-9]+) \+\+\+$/\1 \2/p; s/^[0-9]+ +\+\+\+ (killed by [A-Z0-9]+).*/\1/p' "$log" | sort | uniq -c | tr -s ' ')
	if [ "$np" = "$sp" ] && [ "$ne" = "$se" ] && [ "$te" = "$ss" ] &&
	   [ "$np" -ge 10 ]; then
		pass "make -j2 tree: $np processes, $ne execs, as strace"
	else
		fail "make -j2 tree" "ftrace-c $np processes $ne execs [$te], strace $sp processes $se execs [$ss]"
	fi
	check_svg "$s" "$np" "make -j2 timeline"
}

# ---- -p: --tree and --files on an attached process ----
check_attach()
{
	local fifo="$TMP/fifo" err="$TMP/att.err" t="$TMP/att.tree" f="$TMP/att.files"
	local tracer size

	mkfifo "$fifo"
	# blocked in the fifo's open until released, after the attach
	sh -c 'read x <"$1"; cat /etc/hostname >/dev/null; exit 4' sh "$fifo" &
	TARGET=$!
	"$TRACER" -f -p "$TARGET" -o /dev/null --tree="$t" --files="$f" 2>"$err" &
	tracer=$!
	wait_attached "$err"
	echo go >"$fifo"
	wait "$TARGET"
	TARGET=
	timeout 30 tail --pid="$tracer" -f /dev/null
	wait "$tracer"
	size=$(stat -c %s /etc/hostname)
	if grep -q "^[0-9]* (attached) .*sh -c .*exited 4, " "$t" &&
	   grep -q '^`- [0-9]* cat /etc/hostname .*exited 0, ' "$t" &&
	   [ "$(wc -l <"$t")" = 2 ]; then
		pass "-p --tree"
	else
		fail "-p --tree" "$(cat "$t" "$err" | tr '\n' '|')"
	fi
	if [ "$(row "$f" /etc/hostname | cut -d' ' -f1,5)" = "$size 1" ]; then
		pass "-p --files"
	else
		fail "-p --files" "$(grep -A1 hostname "$f" | tr '\n' '|')"
	fi
}

# ---- Ctrl-C while attached: the tree is still written, roots "detached" ----
check_detach()
{
	local err="$TMP/det.err" t="$TMP/det.tree" tracer

	sh -c 'while :; do sleep 0.1; done' &
	TARGET=$!
	"$TRACER" -f -p "$TARGET" -o /dev/null --tree="$t" 2>"$err" &
	tracer=$!
	wait_attached "$err"
	sleep 0.5
	kill -INT "$tracer"
	timeout 30 tail --pid="$tracer" -f /dev/null
	wait "$tracer"
	if kill -0 "$TARGET" 2>/dev/null &&
	   grep -q "^$TARGET (attached) .*sh -c \"while :; do sleep 0.1; done\" .* detached, " "$t"; then
		pass "-p, SIGINT: --tree written, process detached and alive"
	else
		fail "-p, SIGINT" "$(head -3 "$t" | tr '\n' '|')"
	fi
	kill "$TARGET" 2>/dev/null
	wait "$TARGET" 2>/dev/null
	TARGET=
}

# ---- -p on a process that has just forked and is about to exec ----
# Seized before its exec, it shows the shell's argv, then "=> sleep 5";
# seized inside the exec, the exec stop comes before the interrupt stop
# and it shows "sleep 5" alone.  Either way it is "(attached)".
check_attach_at_exec()
{
	local t="$TMP/ae.tree" err="$TMP/ae.err" tracer i bad=""

	for i in $(seq 1 10); do
		sleep 5 &
		TARGET=$!
		"$TRACER" -f -p "$TARGET" -o /dev/null --tree="$t" 2>"$err" &
		tracer=$!
		wait_attached "$err"
		sleep 0.3	# for the exec, if it is still to come
		kill -INT "$tracer"
		wait "$tracer"
		kill "$TARGET" 2>/dev/null
		wait "$TARGET" 2>/dev/null
		TARGET=
		grep -q '^[0-9]* (attached) .*sleep 5 .* detached, ' "$t" ||
			bad="$bad $(head -1 "$t")"
	done
	if [ -z "$bad" ]; then
		pass "-p just after a fork: (attached), 10 times"
	else
		fail "-p just after a fork" "$bad"
	fi
}

check_audit_io
check_per_process
check_make
check_attach
check_detach
check_attach_at_exec

echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
