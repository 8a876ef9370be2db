#!/bin/bash
# tests/integration/routing.sh: output routing and time columns on real
# commands and the test programs, checked through the files they write and
# the traced programs' own output, and against strace 6.1 where the text
# must match.
#
# usage: tests/integration/routing.sh FTRACE BINDIR
#
#   -ff          one file per thread, named LOG.TID, no prefix, no
#                <unfinished ...>; strace-log-merge merges them; the same
#                set of files and the same text as strace -ff
#   -o |cmd      the trace reaches the command, which ftrace-c waits for;
#   -o !cmd      a command that does not read costs the trace, not the
#                program; the program keeps SIGPIPE's default action
#   -A           appends
#   -E, -u       change the program's environment and credentials, as the
#                program itself reports them
#   -b execve    the exec'd program runs untraced (TracerPid 0) to its end
#   timestamps   every --absolute-timestamps / -r / -T shape, line by line,
#                and the same lines as strace once the times are masked
#
# Prints "PASS name" or "FAIL name: reason" per check, then one line
# "N passed, N failed"; exits 1 if any check failed.

set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 FTRACE BINDIR" >&2
	exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
NORMALIZE="$HERE/../diff/normalize.py"
FT="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
BINDIR=$(cd "$2" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-route.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
RUN_TIMEOUT=${RUN_TIMEOUT:-20}
npass=0
nfail=0

pass() { echo "PASS $1"; npass=$((npass + 1)); }
fail() { echo "FAIL $1: $2"; nfail=$((nfail + 1)); }

# check NAME CONDITION-STATUS REASON: pass if the status is 0.
check()
{
	if [ "$2" = 0 ]; then pass "$1"; else fail "$1" "$3"; fi
}

# run OUT ERR CMD...: CMD with stdin /dev/null; sets RC.
run()
{
	local out=$1 err=$2

	shift 2
	{ timeout -k 5 "$RUN_TIMEOUT" "$@" </dev/null >"$out" 2>"$err"; } 2>/dev/null
	RC=$?
}

# files_of BASE: the TIDs of BASE.TID files, sorted.
files_of()
{
	local f

	for f in "$1".*; do
		[ -f "$f" ] && echo "${f##*.}"
	done | grep -E '^[0-9]+$' | sort -n
}

# ---- -ff ------------------------------------------------------------------

check_ff()
{
	local prog=$1 want=$2 d="$TMP/ff_$1" n bad tids
	local first

	mkdir -p "$d"
	run "$d/out" "$d/err" "$FT" -ff -tt -o "$d/log" "$BINDIR/$prog"
	if [ "$RC" = 124 ]; then
		fail "-ff $prog" "timed out"
		return
	fi
	tids=$(files_of "$d/log")
	n=$(echo "$tids" | grep -c .)
	check "-ff $prog: $want files" "$([ "$n" = "$want" ]; echo $?)" \
		"$n files"
	check "-ff $prog: no LOG itself" "$([ ! -e "$d/log" ]; echo $?)" \
		"$d/log was created"
	# No prefix, no cut lines, one end per file.
	bad=$(cat "$d"/log.* | grep -cE '^\[pid|unfinished \.\.\.>$|resumed>')
	check "-ff $prog: no prefixes or cut lines" "$([ "$bad" = 0 ]; echo $?)" \
		"$bad such lines"
	bad=0
	for t in $tids; do
		tail -n 1 "$d/log.$t" | grep -qE '^[0-9:.]+ \+\+\+ (exited with [0-9]+|killed by SIG[A-Z]+|superseded by execve in pid [0-9]+) \+\+\+$' ||
			bad=$((bad + 1))
	done
	check "-ff $prog: every file ends with its thread's end" \
		"$([ "$bad" = 0 ]; echo $?)" "$bad files do not"
	# The first file is the command's: its execve and the program's status.
	first=$(echo "$tids" | head -n 1)
	head -n 1 "$d/log.$first" | grep -qF "execve(\"$BINDIR/$prog\"" &&
	[ "$(tail -n 1 "$d/log.$first" | sed 's/^[0-9:.]* //')" = "+++ exited with 0 +++" ]
	check "-ff $prog: first file is the command" $? \
		"$(head -c 120 "$d/log.$first")"
	# strace-log-merge: PID prefix on every line, sorted by time.
	if command -v strace-log-merge >/dev/null; then
		strace-log-merge "$d/log" >"$d/merged" 2>"$d/merge.err"
		local total pids
		total=$(cat "$d"/log.* | wc -l)
		pids=$(sed -n 's/^\([0-9]*\) .*/\1/p' "$d/merged" | sort -un | tr '\n' ' ')
		[ "$(wc -l <"$d/merged")" = "$total" ] &&
		[ "$pids" = "$(echo $tids) " ] && [ ! -s "$d/merge.err" ] &&
		sort -s -k2,2 "$d/merged" | cmp -s - "$d/merged"
		check "-ff $prog: strace-log-merge merges $n files" $? \
			"$(wc -l <"$d/merged")/$total lines, pids '$pids'"
	else
		fail "-ff $prog: strace-log-merge" "not installed (package strace)"
	fi
}
check_ff fork_tree 50
check_ff threads16 17

# -ff and an exec from a non-leader thread: the thread's file ends with
# "<pid changed to LEADER ...>", the leader's file goes on with the new
# program, as in strace.
check_ff_thread_exec()
{
	local d="$TMP/ffte" tids leader other

	mkdir -p "$d"
	run "$d/out" "$d/err" "$FT" -ff -o "$d/log" "$BINDIR/thread_exec"
	tids=$(files_of "$d/log")
	leader=$(echo "$tids" | head -n 1)
	other=$(echo "$tids" | sed -n 2p)
	[ "$(echo "$tids" | grep -c .)" = 2 ] &&
	tail -n 1 "$d/log.$other" | grep -qE "^execve\(\"/proc/self/exe\", .* <pid changed to $leader \.\.\.>$" &&
	grep -qx "+++ superseded by execve in pid $other +++" "$d/log.$leader" &&
	grep -A1 -x "+++ superseded by execve in pid $other +++" "$d/log.$leader" |
		tail -n 1 | grep -qE '^<\.\.\. execve resumed>\) += 0$' &&
	[ "$(tail -n 1 "$d/log.$leader")" = "+++ exited with 7 +++" ]
	check "-ff thread_exec: pid change across files" $? \
		"files '$(echo $tids)': $(tail -n 1 "$d/log.$other" | cut -c1-80)"
}
check_ff_thread_exec

# Differential: the same files and, process by process, the same text as
# strace -ff (merged with strace-log-merge, then normalized).
check_ff_vs_strace()
{
	local d="$TMP/ffdiff" na nb rate

	command -v strace >/dev/null || { fail "-ff vs strace" "no strace"; return; }
	mkdir -p "$d/a" "$d/b"
	(cd "$d/a" && run out err strace -ff -tt -o log sh -c 'echo a | wc -c; ls / >/dev/null')
	(cd "$d/b" && run out err "$FT" -ff -tt -o log sh -c 'echo a | wc -c; ls / >/dev/null')
	na=$(files_of "$d/a/log" | wc -l)
	nb=$(files_of "$d/b/log" | wc -l)
	check "-ff vs strace: same number of files ($na)" \
		"$([ "$na" = "$nb" ] && [ "$na" -ge 4 ]; echo $?)" "$na vs $nb"
	strace-log-merge "$d/a/log" >"$d/a.m"
	strace-log-merge "$d/b/log" >"$d/b.m"
	python3 "$NORMALIZE" compare "$d/a.m" "$d/b.m" >"$d/cmp"
	rate=$(sed -n 's/^total *full *\([0-9.]*\)%.*/\1/p' "$d/cmp")
	check "-ff vs strace: merged text matches (full $rate%)" \
		"$(awk -v r="$rate" 'BEGIN { exit !(r >= 98) }'; echo $?)" \
		"$(sed -n '/^\[/,$p' "$d/cmp" | head -6 | tr '\n' '|')"
}
check_ff_vs_strace

# --output-separately -A: a thread's file is appended to.  The pid must be
# known before ftrace-c starts, so the process is attached with -p: a cat
# reading a fifo, which ends when the fifo is closed after ftrace-c said
# "attached" (no timing involved).
check_ff_append()
{
	local d="$TMP/ffa" pid mode tpid i

	mkdir -p "$d"
	for mode in -A none; do
		rm -f "$d/fifo" "$d/err"
		mkfifo "$d/fifo"
		cat "$d/fifo" >/dev/null &
		pid=$!
		exec 3>"$d/fifo"
		echo KEEP >"$d/log.$pid"
		if [ "$mode" = -A ]; then
			timeout -k 5 "$RUN_TIMEOUT" "$FT" --output-separately -A -o "$d/log" -p "$pid" 2>"$d/err" 3>&- &
		else
			timeout -k 5 "$RUN_TIMEOUT" "$FT" --output-separately -o "$d/log" -p "$pid" 2>"$d/err" 3>&- &
		fi
		tpid=$!
		for ((i = 0; i < 400; i++)); do
			grep -q attached "$d/err" 2>/dev/null && break
			sleep 0.05
		done
		exec 3>&-
		wait "$tpid"
		wait "$pid"
		if [ "$mode" = -A ]; then
			[ "$(head -n 1 "$d/log.$pid")" = KEEP ]
		else
			[ "$(head -n 1 "$d/log.$pid")" != KEEP ]
		fi &&
		[ "$(tail -n 1 "$d/log.$pid")" = "+++ exited with 0 +++" ] &&
		[ "$(files_of "$d/log" | grep -c "^$pid\$")" = 1 ]
		check "--output-separately -p, mode $mode" $? \
			"$(head -n 1 "$d/log.$pid") ... $(tail -n 1 "$d/log.$pid"), err '$(head -c 100 "$d/err")'"
	done
}
check_ff_append

# ---- -o |command, -o !command -------------------------------------------

check_pipe()
{
	local d="$TMP/pipe" form ign

	mkdir -p "$d"
	for form in '|' '!'; do
		rm -f "$d/got"
		# The command is slow to read: ftrace-c must wait for it.
		run "$d/out" "$d/err" "$FT" -o "${form}sleep 0.3; cat > $d/got" \
			"$BINDIR/exit_codes"
		[ "$RC" = 3 ] && [ -s "$d/got" ] &&
		head -n 1 "$d/got" | grep -qF "execve(\"$BINDIR/exit_codes\"" &&
		[ "$(tail -n 1 "$d/got")" = "+++ exited with 3 +++" ] &&
		[ ! -s "$d/err" ]
		check "-o '${form}cmd': trace reaches the command" $? \
			"status $RC, $(wc -l <"$d/got" 2>/dev/null) lines, err '$(head -c 100 "$d/err")'"
	done
	# A command that reads nothing: one message, the program runs on.
	# The command closes its stdin, then says so; the program waits for
	# that before it writes, so the trace's first write meets no reader.
	rm -f "$d/gone"
	# shellcheck disable=SC2016 # expanded by the traced shell
	run "$d/out" "$d/err" "$FT" -o "|exec 0<&-; touch $d/gone" sh -c \
		'while [ ! -e "$0" ]; do sleep 0.02; done; echo ran; exit 5' "$d/gone"
	[ "$RC" = 5 ] && [ "$(cat "$d/out")" = ran ] &&
	[ "$(grep -c "^ftrace-c: |exec 0<&-; touch $d/gone: Broken pipe\$" "$d/err")" = 1 ] &&
	[ "$(wc -l <"$d/err")" = 1 ]
	check "-o '|cmd' that does not read: program unharmed" $? \
		"status $RC, out '$(cat "$d/out")', err '$(head -c 200 "$d/err")'"
	# The program does not inherit the tracer's ignored SIGPIPE: its
	# "yes" dies of SIGPIPE quietly when head is done.
	run "$d/out" "$d/err" "$FT" -o "|cat >/dev/null" sh -c 'yes | head -n 1; grep SigIgn /proc/self/status'
	[ "$(head -n 1 "$d/out")" = y ] && [ ! -s "$d/err" ] &&
	ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' "$d/out") &&
	[ -n "$ign" ] && (( (16#$ign & 0x1000) == 0 ))
	check "-o '|cmd': SIGPIPE default in the program" $? \
		"out '$(tr '\n' '|' <"$d/out")', err '$(head -c 200 "$d/err")'"
}
check_pipe

# ---- -A -------------------------------------------------------------------

check_append()
{
	local d="$TMP/app" n

	mkdir -p "$d"
	echo "before" >"$d/log"
	run "$d/out" "$d/err" "$FT" -A -o "$d/log" "$BINDIR/exit_codes"
	run "$d/out" "$d/err" "$FT" --output-append-mode -o "$d/log" "$BINDIR/exit_codes"
	n=$(grep -c '^+++ exited with 3 +++$' "$d/log")
	[ "$(head -n 1 "$d/log")" = before ] && [ "$n" = 2 ]
	check "-A appends" $? "first '$(head -n 1 "$d/log")', $n exits"
	run "$d/out" "$d/err" "$FT" -o "$d/log" "$BINDIR/exit_codes"
	n=$(grep -c '^+++ exited with 3 +++$' "$d/log")
	[ "$n" = 1 ] && [ "$(head -n 1 "$d/log")" != before ]
	check "without -A the file is truncated" $? "$n exits"
}
check_append

# ---- -E -------------------------------------------------------------------

check_env()
{
	local d="$TMP/env"

	mkdir -p "$d"
	# shellcheck disable=SC2016 # expanded by the traced shell
	FOO=old BAR=there run "$d/out" "$d/err" "$FT" -o /dev/null \
		-E FOO=new -E BAR -E NEW=a=b --env=GONE=1 --env GONE \
		sh -c 'echo "$FOO ${BAR-unset} $NEW ${GONE-unset}"'
	check "-E sets and unsets" \
		"$([ "$(cat "$d/out")" = "new unset a=b unset" ]; echo $?)" \
		"'$(cat "$d/out")'"
	# PATH given with -E is the program's; ftrace-c finds it with its own.
	run "$d/out" "$d/err" "$FT" -o /dev/null -E PATH=/nonexistent \
		sh -c 'echo "$PATH"'
	check "-E PATH: command still found" \
		"$([ "$RC" = 0 ] && [ "$(cat "$d/out")" = /nonexistent ]; echo $?)" \
		"status $RC, '$(cat "$d/out")' '$(cat "$d/err")'"
}
check_env

# ---- -u -------------------------------------------------------------------

check_user()
{
	local d="$TMP/user" want

	mkdir -p "$d"
	run "$d/out" "$d/err" "$FT" -u nosuchuser_ftrace true
	if [ "$(id -u)" != 0 ]; then
		[ "$RC" = 1 ] && [ "$(cat "$d/err")" = "ftrace-c: You must be root to use the -u/--username option" ]
		check "-u as non-root" $? "status $RC, '$(cat "$d/err")'"
		return
	fi
	[ "$RC" = 1 ] && [ "$(cat "$d/err")" = "ftrace-c: Cannot find user 'nosuchuser_ftrace'" ]
	check "-u unknown user" $? "status $RC, '$(cat "$d/err")'"
	if ! id nobody >/dev/null 2>&1; then
		fail "-u nobody" "no user nobody on this system"
		return
	fi
	want="$(id -u nobody) $(id -g nobody) $(id -u nobody) $(id -g nobody) $(id -G nobody)"
	run "$d/out" "$d/err" "$FT" -o "$d/log" -u nobody \
		sh -c 'echo "$(id -ru) $(id -rg) $(id -u) $(id -g) $(id -G)"'
	[ "$RC" = 0 ] && [ "$(cat "$d/out")" = "$want" ] &&
	[ "$(tail -n 1 "$d/log")" = "+++ exited with 0 +++" ] &&
	! grep -qE '^(setgroups|setregid|setreuid)\(' "$d/log"
	check "-u nobody: uid, gid and groups" $? \
		"status $RC, '$(cat "$d/out")' want '$want', $(head -c 100 "$d/err")"
	# The log is ftrace-c's file, created before the switch: still ours.
	check "-u nobody: trace file owned by the tracer" \
		"$([ "$(stat -c %u "$d/log")" = 0 ]; echo $?)" "$(stat -c %U "$d/log")"
}
check_user

# ---- -b execve ------------------------------------------------------------

check_detach_on_execve()
{
	local d="$TMP/bexec"

	mkdir -p "$d"
	# The command's own exec is kept; a later exec is let go and the
	# program runs to its end untraced; ftrace-c returns its status.
	# (the shell's own "read" sees its TracerPid: a grep would be a child)
	# shellcheck disable=SC2016 # expanded by the traced shell
	run "$d/out" "$d/err" "$FT" -b execve -o "$d/log" sh -c \
		'while read -r l; do case $l in TracerPid*) echo "$l";; esac; done </proc/self/status
		 exec sh -c "sleep 0.3; grep TracerPid /proc/self/status; echo done; exit 3"'
	[ "$RC" = 3 ] &&
	sed -n 1p "$d/out" | grep -qE '^TracerPid:[[:space:]]+[1-9]' &&
	[ "$(sed -n 2p "$d/out")" = "TracerPid:	0" ] &&
	[ "$(sed -n 3p "$d/out")" = done ] &&
	tail -n 1 "$d/log" | grep -qE '^execve\("/[a-z/]*/sh", \["sh", "-c", .* <detached \.\.\.>$' &&
	! grep -q '^+++' "$d/log" && [ ! -s "$d/err" ]
	check "-b execve: exec'd program untraced, finishes" $? \
		"status $RC, out '$(tr '\n' '|' <"$d/out")', last '$(tail -n 1 "$d/log" | cut -c1-60)', err '$(head -c 100 "$d/err")'"
	# With -f: a child's exec detaches the child only; the parent's
	# trace goes on to its exit.  Without -o, strace's notice.
	run "$d/out" "$d/err" "$FT" -f -b execve sh -c \
		'grep TracerPid /proc/self/status; exit 4'
	[ "$RC" = 4 ] && [ "$(cat "$d/out")" = "TracerPid:	0" ] &&
	grep -qE 'ftrace-c: Process [0-9]+ detached$' "$d/err" &&
	grep -qE '^\[pid +[0-9]+\] \+\+\+ exited with 4 \+\+\+$' "$d/err"
	check "-f -b execve: child detached, parent traced" $? \
		"status $RC, out '$(cat "$d/out")', err tail '$(tail -n 2 "$d/err" | tr '\n' '|')'"
	run "$d/out" "$d/err" "$FT" -b foo true
	check "-b foo: strace's error" \
		"$([ "$RC" = 1 ] && [ "$(cat "$d/err")" = "ftrace-c: Syscall 'foo' for -b isn't supported" ]; echo $?)" \
		"status $RC, '$(cat "$d/err")'"
}
check_detach_on_execve

# ---- timestamps ------------------------------------------------------------

# shape_check NAME REGEX STRIP OPTIONS...: every line of the log (the
# first process's, no -f) matches REGEX, and once STRIP (the stamps) is
# removed the log matches strace's for the same options.
shape_check()
{
	local name=$1 re=$2 strip=$3 d="$TMP/ts$npass$nfail" bad rate

	shift 3
	mkdir -p "$d"
	run "$d/out" "$d/err" "$FT" "$@" -o "$d/b" cat /etc/passwd
	bad=$(grep -cvE "$re" "$d/b")
	check "$name: every line's shape" "$([ "$bad" = 0 ] && [ -s "$d/b" ]; echo $?)" \
		"$bad lines like '$(grep -vE "$re" "$d/b" | head -n 1 | cut -c1-60)'"
	if command -v strace >/dev/null; then
		run "$d/out" "$d/err" strace "$@" -o "$d/a" cat /etc/passwd
		bad=$(grep -cvE "$re" "$d/a")
		sed -E "s/$strip//" "$d/a" >"$d/a.m"
		sed -E "s/$strip//" "$d/b" >"$d/b.m"
		python3 "$NORMALIZE" compare "$d/a.m" "$d/b.m" >"$d/cmp"
		rate=$(sed -n 's/^total *full *\([0-9.]*\)%.*/\1/p' "$d/cmp")
		check "$name: same as strace (full $rate%)" \
			"$([ "$bad" = 0 ] && awk -v r="$rate" 'BEGIN { exit !(r >= 99) }'; echo $?)" \
			"strace lines off-shape: $bad; $(sed -n '/^\[/,$p' "$d/cmp" | head -4 | tr '\n' '|')"
	fi
}
HMS='[0-2][0-9]:[0-5][0-9]:[0-6][0-9]'
for args in \
	"^[0-9]{10}\\.[0-9]{9} |--absolute-timestamps=format:unix,precision:ns" \
	"^$HMS\\.[0-9]{3} |--timestamps=ms" \
	"^$HMS |--absolute-timestamps" \
	"^[0-9]{10} |--absolute-timestamps=unix" \
	"^$HMS \\(\\+ +[0-9]+\\.[0-9]{6}\\) |-t -r" \
	"^[0-9]{10}\\.[0-9]{6} \\(\\+ +[0-9]+\\.[0-9]{9}\\) |-ttt --relative-timestamps=ns" \
	"^ +[0-9]+ |--relative-timestamps=s"; do
	re=${args%%|*}
	# shellcheck disable=SC2086 # the options are split on purpose
	shape_check "${args#*|}" "$re" "$re" ${args#*|}
done
shape_check --syscall-times=ns '( <[0-9]+\.[0-9]{9}>| = \?|^\+\+\+ .*)$' \
	' <[0-9]+\.[0-9]{9}>$' --syscall-times=ns
shape_check --syscall-times=s '( <[0-9]+>| = \?|^\+\+\+ .*)$' ' <[0-9]+>$' \
	--syscall-times=s
shape_check --absolute-timestamps=none '^([a-z_0-9]+\(|\+\+\+ )' '^$' \
	--absolute-timestamps=none

echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
