#!/bin/bash
# tests/integration/json.sh: --json and --trace-events on the test programs,
# on a real make -j2 build, under -p attach and when ftrace-c is stopped by
# SIGTERM mid-run.
#
# usage: tests/integration/json.sh TRACER BINDIR
#
# Every JSON Lines file is checked by json_check.py against
# docs/json-schema.json (every line parses, every record has its documented
# fields and types, the header comes first); every trace-event file is
# checked for the Trace Event Format's structure (phases, pid/tid, ts/dur
# in microseconds, tracks named by metadata events, paired flows).  Counts
# are compared with the text trace: of the same run where the text and the
# trace events are written together, and of a separate run for programs
# whose syscalls are the same every run.
#
# Prints "PASS name" / "FAIL name: reason", then "N passed, N failed".

set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 TRACER BINDIR" >&2
	exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SCHEMA="$ROOT/docs/json-schema.json"
CHECK="$HERE/json_check.py"
TRACER="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
BINDIR=$(cd "$2" && pwd)
RUN_TIMEOUT=${RUN_TIMEOUT:-60}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-json.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
npass=0
nfail=0

pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }

run() { timeout -k 5 "$RUN_TIMEOUT" "$@" </dev/null >/dev/null 2>"$TMP/stderr"; }

# jsonl FILE...: the validator's summary (OK k=v ...), or its errors.
jsonl() { python3 "$CHECK" jsonl "$SCHEMA" "$@" 2>&1; }
tev() { python3 "$CHECK" tev "$1" 2>&1; }
# field SUMMARY KEY: a count from a validator summary (0 if absent).
field() { local v; v=$(echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"); echo "${v:-0}"; }

# Text-log counts: syscall lines (a resumed half is not a second syscall),
# exit and kill lines, successful execs.
text_syscalls() { grep -cE '^(\[pid +[0-9]+\] )?[a-z_0-9]+\(' "$1"; }
text_exits() { grep -cE '\+\+\+ (exited with|killed by) ' "$1"; }
text_execs() { grep -E 'execve(at)?\(|<\.\.\. execve(at)? resumed>' "$1" | grep -cE '= 0$'; }

# 1. Each test program: --json valid; text + trace events in one run
#    agree exactly; exec/exit counts of a --json run equal the text's.
for p in path_ops signals_self fork_tree exit_codes threads16 thread_exec \
	 killed_child vfork_exec stop_cont; do
	[ -x "$BINDIR/$p" ] || { fail "$p" "not built"; continue; }
	run "$TRACER" -f --json -o "$TMP/$p.jsonl" "$BINDIR/$p"
	j=$(jsonl "$TMP/$p.jsonl")
	case $j in OK*) ;; *) fail "$p json" "$j"; continue ;; esac
	run "$TRACER" -f -o "$TMP/$p.txt" --trace-events="$TMP/$p.tev" "$BINDIR/$p"
	t=$(tev "$TMP/$p.tev")
	case $t in OK*) ;; *) fail "$p trace-events" "$t"; continue ;; esac
	nx=$(field "$t" X) ntext=$(text_syscalls "$TMP/$p.txt")
	[ "$nx" = "$ntext" ] || { fail "$p" "$nx slices, $ntext text syscall lines"; continue; }
	ntx=$(text_exits "$TMP/$p.txt")
	nje=$(( $(field "$j" exit) + $(field "$j" killed) ))
	[ "$nje" = "$ntx" ] || { fail "$p" "$nje exit/killed records, $ntx text exit lines"; continue; }
	nex=$(text_execs "$TMP/$p.txt")
	[ "$(field "$j" exec)" = "$nex" ] || { fail "$p" "$(field "$j" exec) exec records, $nex execs in text"; continue; }
	pass "$p (json: ${j#OK }; trace events: $nx slices)"
done

# 2. Programs whose syscalls are the same every run: syscall records of a
#    --json run = syscall lines of a text run.
for p in path_ops signals_self; do
	run "$TRACER" -f --json -o "$TMP/$p.2.jsonl" "$BINDIR/$p"
	run "$TRACER" -f -o "$TMP/$p.2.txt" "$BINDIR/$p"
	a=$(field "$(jsonl "$TMP/$p.2.jsonl")" syscall) b=$(text_syscalls "$TMP/$p.2.txt")
	[ "$a" = "$b" ] && pass "$p syscall count ($a)" || fail "$p syscall count" "json $a, text $b"
done

# 3. Bytes of every kind in a tracee string: valid JSON, the same bytes back.
run "$TRACER" --json -xx -o "$TMP/bytes.jsonl" sh -c 'printf "\377\376\033,{}\"\\\\x\0y" >/dev/null'
r=$(python3 - "$TMP/bytes.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("type") == "syscall" and r["syscall"] == "write":
        v = r["args"][1]["value"].encode("latin-1")
        print("ok" if v == b'\xff\xfe\x1b,{}"\\x\x00y' else "bad %r" % v)
        break
else:
    print("no write record")
PY
)
j=$(jsonl "$TMP/bytes.jsonl")
[ "$r" = ok ] && [ "${j%% *}" = OK ] && pass "arbitrary bytes" || fail "arbitrary bytes" "$r $j"

# 4. A real build: make -j2 of tests/integration/proj.
mk()
{
	rm -rf "$TMP/proj" && cp -r "$HERE/proj" "$TMP/proj" &&
		(cd "$TMP/proj" && timeout -k 5 300 "$@" make -j2 >/dev/null 2>"$TMP/make.err")
}
if mk "$TRACER" -f --json -o "$TMP/make.jsonl" && mk "$TRACER" -f -o "$TMP/make.txt" \
	--trace-events="$TMP/make.tev"; then
	j=$(jsonl "$TMP/make.jsonl") t=$(tev "$TMP/make.tev")
	if [ "${j%% *}" != OK ] || [ "${t%% *}" != OK ]; then
		fail "make -j2" "$j / $t"
	elif [ "$(field "$t" X)" != "$(text_syscalls "$TMP/make.txt")" ]; then
		fail "make -j2" "$(field "$t" X) slices, $(text_syscalls "$TMP/make.txt") text syscall lines"
	elif [ "$(field "$j" exec)" != "$(text_execs "$TMP/make.txt")" ] ||
	     [ "$(( $(field "$j" exit) + $(field "$j" killed) ))" != "$(text_exits "$TMP/make.txt")" ]; then
		fail "make -j2" "json: ${j#OK }; text: $(text_execs "$TMP/make.txt") execs, $(text_exits "$TMP/make.txt") exits"
	else
		pass "make -j2 (json: ${j#OK }; $(field "$t" X) slices)"
	fi
else
	fail "make -j2" "build failed under the tracer: $(tail -2 "$TMP/make.err" | tr '\n' '|')"
fi

# 5. -ff: one JSON Lines file per thread, each with its header.
run "$TRACER" -ff --json -o "$TMP/ff" "$BINDIR/fork_tree"
nf=$(ls "$TMP"/ff.* | wc -l)
j=$(jsonl "$TMP"/ff.*)
[ "${j%% *}" = OK ] && [ "$(field "$j" header)" = "$nf" ] && [ "$nf" -gt 1 ] &&
	pass "-ff ($nf files)" || fail "-ff" "$nf files: $j"

# 6. -e status=failed: only failed syscalls.
run "$TRACER" -f --json -Z -o "$TMP/z.jsonl" "$BINDIR/path_ops"
j=$(jsonl "$TMP/z.jsonl")
[ "${j%% *}" = OK ] && [ "$(field "$j" syscall)" = "$(field "$j" failed)" ] &&
	[ "$(field "$j" syscall)" -gt 0 ] && pass "-Z --json" || fail "-Z --json" "$j"

# 7. Attach with -p, then stop the tracer: attach/detach records, valid files.
sleep_loop() { sh -c "while :; do sleep 0.05; done" >/dev/null 2>&1 & echo $!; }
for mode in json tev; do
	pid=$(sleep_loop)
	if [ $mode = json ]; then
		"$TRACER" -f --json -o "$TMP/p.jsonl" -p "$pid" 2>/dev/null &
	else
		"$TRACER" -f -o "$TMP/p.txt" --trace-events="$TMP/p.tev" -p "$pid" 2>/dev/null &
	fi
	tr=$!
	sleep 1.5
	kill -INT $tr
	wait $tr
	kill "$pid"
	wait "$pid" 2>/dev/null
	if [ $mode = json ]; then
		j=$(jsonl "$TMP/p.jsonl")
		[ "${j%% *}" = OK ] && [ "$(field "$j" attach)" -ge 1 ] &&
			[ "$(field "$j" detach)" -ge 1 ] && [ "$(field "$j" syscall)" -gt 0 ] &&
			pass "-p --json (${j#OK })" || fail "-p --json" "$j"
	else
		t=$(tev "$TMP/p.tev")
		[ "${t%% *}" = OK ] && [ "$(field "$t" X)" -gt 0 ] &&
			pass "-p --trace-events (${t#OK })" || fail "-p --trace-events" "$t"
	fi
done

# 8. SIGTERM to ftrace-c mid-run: both files still complete and valid.
rm -rf "$TMP/proj" && cp -r "$HERE/proj" "$TMP/proj"
(cd "$TMP/proj" && exec "$TRACER" -f --json -o "$TMP/term.jsonl" \
	--trace-events="$TMP/term.tev" sh -c 'while :; do make -s -j2 clean all >/dev/null 2>&1; done') &
tr=$!
sleep 3
kill -TERM $tr
wait $tr
j=$(jsonl "$TMP/term.jsonl") t=$(tev "$TMP/term.tev")
[ "${j%% *}" = OK ] && [ "${t%% *}" = OK ] && [ "$(field "$t" X)" -gt 0 ] &&
	pass "SIGTERM mid-run (json: $(field "$j" syscall) syscalls; $(field "$t" X) slices)" ||
	fail "SIGTERM mid-run" "$j / $t"

# 9. The text beside --trace-events is the text without it (numbers aside:
#    pids, addresses and times differ between two runs).
for o in "-f" "-f -y -s 8 -Z"; do
	run "$TRACER" $o -o "$TMP/a.txt" "$BINDIR/signals_self"
	run "$TRACER" $o -o "$TMP/b.txt" --trace-events="$TMP/b.tev" "$BINDIR/signals_self"
	# (getrandom's bytes too: \xNN escapes)
	num='s/\\x[0-9a-f]{2}/B/g; s/(0x)?[0-9][0-9a-fx]*/N/g'
	if diff <(sed -E "$num" "$TMP/a.txt") <(sed -E "$num" "$TMP/b.txt") >"$TMP/d"; then
		pass "text unchanged by --trace-events ($o)"
	else
		fail "text unchanged by --trace-events ($o)" "$(head -4 "$TMP/d" | tr '\n' '|')"
	fi
done

# 10. Usage errors.
for combo in "--json -c" "--json -C" "--trace-events=$TMP/x -c"; do
	out=$("$TRACER" $combo true 2>&1)
	rc=$?
	case $rc:$out in
	1:ftrace-c:*mutually\ exclusive*) pass "usage: $combo" ;;
	*) fail "usage: $combo" "rc $rc: $out" ;;
	esac
done

echo "$npass passed, $nfail failed"
[ $nfail = 0 ]
