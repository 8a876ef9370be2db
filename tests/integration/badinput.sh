#!/bin/bash
# tests/integration/badinput.sh: bad command lines, table-driven.
#
# usage: tests/integration/badinput.sh TRACER      check TRACER against the table
#        tests/integration/badinput.sh --regen     rewrite the table's strace columns
#
# Each row of badinput.tbl (TAB-separated) is one command line:
#   ARGS     shell words after the tracer's name (eval'ed), with placeholders
#   STATUS   strace 6.1's exit status for it
#   MESSAGE  strace 6.1's "strace: " lines, " // "-joined ("-": none), with
#            "strace" read as the tracer's name
#   FSTATUS, FMESSAGE  (optional) what ftrace-c gives instead, for the rows
#            where it deliberately differs (docs/reliability.md says why)
# The expected columns were generated from strace 6.1 with --regen; when
# strace is installed each row is also run under it again (cheap: nothing
# here runs for long), so a drift of the table shows up too.
#
# Every run must end within RUN_TIMEOUT, never with a status >= 128, with
# exactly the expected status and the expected "NAME: " lines.
#
# Placeholders: @SELF@ the tracer's own pid, @TRACED@ a sleep already
# traced by strace, @NOPID@/@NOPID2@ pids no process has, @KTHREAD@ 2.
# Rows run in a scratch directory holding ./noexec (mode 644) and ./adir/.
#
# Prints "PASS row" or "FAIL row: reason", then "N passed, N failed";
# exits 1 if any row failed.

set -u

HERE=$(cd "$(dirname "$0")" && pwd)
TABLE=$HERE/badinput.tbl
RUN_TIMEOUT=${RUN_TIMEOUT:-20}
REGEN=0

if [ $# -eq 1 ] && [ "$1" = --regen ]; then
	REGEN=1
elif [ $# -eq 1 ]; then
	case "$1" in
	*/*) TRACER="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
	*) TRACER=$(command -v "$1") ;;
	esac
else
	echo "usage: $0 TRACER | --regen" >&2
	exit 2
fi
STRACE=$(command -v strace || true)
if [ $REGEN = 1 ] && [ -z "$STRACE" ]; then
	echo "$0: --regen needs strace" >&2
	exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-bad.XXXXXX")
TRACED_BY=""
cleanup()
{
	# strace is still running (it traces for 600 s): its pid is its own;
	# the traced process goes on after strace's death, so it goes too
	[ -n "$TRACED_BY" ] && kill -KILL "$TRACED_BY" 2>/dev/null
	[ -n "$TRACED" ] && [ "$(cat "/proc/$TRACED/comm" 2>/dev/null)" = held_by_strace ] &&
		kill -KILL "$TRACED" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT

mkdir "$TMP/run" "$TMP/run/adir"
echo 'echo not executable' >"$TMP/run/noexec"
chmod 644 "$TMP/run/noexec"

# A process held by another tracer (strace) for the -p @TRACED@ rows.
TRACED=""
if [ -n "$STRACE" ]; then
	# a name of its own: nothing else on the machine kills it by name
	cp "$(command -v sleep)" "$TMP/held_by_strace"
	"$STRACE" -o /dev/null "$TMP/held_by_strace" 600 </dev/null >/dev/null 2>&1 &
	TRACED_BY=$!
	disown
	for _ in $(seq 200); do
		TRACED=$(pgrep -P "$TRACED_BY" held_by_strace | head -1)
		if [ -n "$TRACED" ] &&
		   ! grep -q 'TracerPid:[[:space:]]*0$' "/proc/$TRACED/status" 2>/dev/null; then
			break
		fi
		TRACED=""
		sleep 0.05
	done
fi

# free_pid BELOW: a pid below BELOW that no process or thread has.
free_pid()
{
	local p=$1

	while [ -e "/proc/$p" ] || [ -e "/proc/$((p + 1))" ]; do
		p=$((p - 3))
	done
	echo "$p"
}
PIDMAX=$(cat /proc/sys/kernel/pid_max)
NOPID=$(free_pid $((PIDMAX - 1)))
NOPID2=$(free_pid $((NOPID - 3)))

# subst WORD: placeholders to values (@SELF@ is left for the wrapper).
subst()
{
	local w=$1

	w=${w//@TRACED@/$TRACED}
	w=${w//@NOPID@/$NOPID}
	w=${w//@NOPID2@/$NOPID2}
	w=${w//@KTHREAD@/2}
	printf '%s' "$w"
}

# unsubst TEXT: values back to placeholders (for --regen).
unsubst()
{
	local t=$1

	[ -n "$TRACED" ] && t=${t//$TRACED/@TRACED@}
	t=${t//$NOPID2/@NOPID2@}
	t=${t//$NOPID/@NOPID@}
	printf '%s' "$t"
}

# run_row TOOL ARGS: runs TOOL with the row's words in $TMP/run; sets RC
# and MSG (the "NAME: " lines of stderr, " // "-joined, "-" if none).
run_row()
{
	local tool=$1 args=$2 name w base
	local -a words=()

	name=$(basename "$tool")
	# Other processes come and go: a pid free a minute ago may be taken.
	# Pids are handed out upwards: one just below the last one given out
	# will not be handed out again before the numbers wrap around.
	base=$(($(cat /proc/sys/kernel/ns_last_pid) - 50))
	[ "$base" -gt 300 ] || base=$((PIDMAX - 1))
	NOPID=$(free_pid "$base")
	NOPID2=$(free_pid $((NOPID - 3)))
	eval "set -- $args"
	for w in "$@"; do
		words+=("$(subst "$w")")
	done
	# @SELF@: bash execs the tracer, so its $$ is the tracer's pid.
	(cd "$TMP/run" && rm -f f && {
		timeout -k 5 "$RUN_TIMEOUT" bash -c \
			'a=(); for x in "$@"; do a+=("${x//@SELF@/$$}"); done; exec -a "${1##*/}" "${a[@]}"' \
			_ "$tool" "${words[@]}" </dev/null >"$TMP/out" 2>"$TMP/err"
	} 2>/dev/null)
	RC=$?
	MSG=$(grep -a "^$name: " "$TMP/err" | sed "s/^$name: /NAME: /" |
		awk 'NR > 1 { printf " // " } { printf "%s", $0 }')
	[ -n "$MSG" ] || MSG=-
}

if [ $REGEN = 1 ]; then
	[ -n "$TRACED" ] || { echo "$0: no traced sleep" >&2; exit 1; }
	new=$TMP/table
	while IFS= read -r line; do
		case "$line" in
		'#'* | '') echo "$line"; continue ;;
		esac
		IFS=$'\t' read -r args _ _ fst fmsg <<<"$line"
		run_row "$STRACE" "$args"
		MSG=$(unsubst "$MSG")
		if [ -n "${fst:-}" ]; then
			printf '%s\t%s\t%s\t%s\t%s\n' "$args" "$RC" "$MSG" "$fst" "$fmsg"
		else
			printf '%s\t%s\t%s\n' "$args" "$RC" "$MSG"
		fi
	done <"$TABLE" >"$new"
	mv "$new" "$TABLE"
	echo "regenerated $(grep -cv '^#' "$TABLE") rows from $("$STRACE" -V | head -1)"
	exit 0
fi

npass=0
nfail=0
start=$SECONDS
pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }

# check_row: runs the row ($args, $st, $msg, $fst, $fmsg) under strace
# (if installed) and the tracer; sets why, empty when all is as expected.
check_row()
{
	local smsg want_msg

	why=""
	if [ -n "$STRACE" ]; then
		run_row "$STRACE" "$args"
		smsg=$(unsubst "$MSG")
		[ "$RC" = "$st" ] && [ "$smsg" = "$msg" ] ||
			why="strace now gives $RC [$smsg], the table says $st [$msg]; "
	fi
	run_row "$TRACER" "$args"
	want_msg=${fmsg:-$msg}
	want_msg=${want_msg//@NOPID2@/$NOPID2}
	want_msg=${want_msg//@NOPID@/$NOPID}
	[ -n "$TRACED" ] && want_msg=${want_msg//@TRACED@/$TRACED}
	if [ "$RC" = 124 ] || [ "$RC" = 137 ]; then
		why="${why}hung (killed after ${RUN_TIMEOUT}s)"
	elif [ "$RC" -ge 128 ]; then
		why="${why}died of signal $((RC - 128))"
	elif [ "$RC" != "$want_st" ]; then
		why="${why}exit status $RC, want $want_st"
	elif [ "$MSG" != "$want_msg" ]; then
		why="${why}says [$MSG], want [$want_msg]"
	fi
	[ -z "$why" ]
}

while IFS= read -r line; do
	case "$line" in
	'#'* | '') continue ;;
	esac
	IFS=$'\t' read -r args st msg fst fmsg <<<"$line"
	case "$args" in
	*@TRACED@*) [ -n "$TRACED" ] || { fail "[$args]" "no traced process (strace missing?)"; continue; } ;;
	esac
	want_st=${fst:-$st}
	# A "nonexistent" pid can be handed to a new process between the
	# check and the run (pids wrap quickly on a busy machine): such a
	# row is tried again, up to 3 times; a real fault fails every time.
	tries=1
	case "$args" in *@NOPID*) tries=3 ;; esac
	while [ "$tries" -gt 0 ]; do
		tries=$((tries - 1))
		check_row && break
	done
	if [ -n "$why" ]; then
		fail "[$args]" "$why"
	else
		pass "[$args] -> $RC"
	fi
done <"$TABLE"

echo "$npass passed, $nfail failed ($((SECONDS - start))s)"
[ "$nfail" = 0 ]
