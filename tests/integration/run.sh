#!/bin/bash
# tests/integration/run.sh: runs the test programs (and a small make -j2
# build) under a tracer with -f and checks its behaviour and its log.
#
# usage: tests/integration/run.sh TRACER BINDIR
#   TRACER  ./ftrace-c, or strace (6.1) to validate the checks themselves
#   BINDIR  directory holding the built test_programs (build/test_programs)
#
# For each program: stdout, stderr and exit status equal the untraced
# run's; the log passes check_log.awk (line grammar, [pid %5d] prefix on
# every line, <unfinished ...>/<... resumed> pairing, one exit or kill line
# per pid); and the program's own expected lines are there.  Then: repeat
# runs, exit-status mirroring, -q -s N, the "Can't stat" error, and a real
# make -j2 build.  strace's -o file prefixes lines with "PID  " instead of
# "[pid PID] "; norm_log rewrites that, for strace only.
#
# Prints "PASS name" or "FAIL name: reason" per check, then one line
# "N passed, N failed"; exits 1 if any check failed.

set -u

if [ $# -ne 2 ]; then
	echo "usage: $0 TRACER BINDIR" >&2
	exit 2
fi

HERE=$(cd "$(dirname "$0")" && pwd)
CHECK_LOG="$HERE/check_log.awk"
PROJ_SRC="$HERE/proj"

# Absolute paths: some checks run in other directories.
case "$1" in
*/*)	TRACER="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
*)	TRACER=$(command -v "$1") ;;
esac
# Setup errors still end with the summary line CI reads.
if [ -z "$TRACER" ] || [ ! -x "$TRACER" ]; then
	echo "FAIL setup: tracer '$1' not found or not executable"
	echo "0 passed, 1 failed"
	exit 1
fi
BINDIR=$(cd "$2" 2>/dev/null && pwd)
if [ -z "$BINDIR" ]; then
	echo "FAIL setup: no directory '$2'"
	echo "0 passed, 1 failed"
	exit 1
fi
NAME=$(basename "$TRACER")
MYUID=$(id -u)

# Seconds before one traced or untraced run counts as hung.
RUN_TIMEOUT=${RUN_TIMEOUT:-20}
# How many times the repeat checks run each program.
REPEATS=${REPEATS:-20}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-it.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

npass=0
nfail=0
start=$SECONDS

pass()
{
	echo "PASS $1"
	npass=$((npass + 1))
}

fail()
{
	echo "FAIL $1: $2"
	nfail=$((nfail + 1))
}

# run_cap OUT ERR CMD...: runs CMD with stdin from /dev/null, stdout to
# OUT and stderr to ERR; sets RC (124: timed out).  The outer 2>/dev/null
# hides bash's own "Terminated" report when CMD dies of a signal.
run_cap()
{
	local out=$1 err=$2

	shift 2
	{ timeout -k 5 "$RUN_TIMEOUT" "$@" </dev/null >"$out" 2>"$err"; } 2>/dev/null
	RC=$?
}

# norm_log LOG: strace writes "PID  line" in -o files; ftrace-c writes
# "[pid %5d] line".  Rewrite the former, for strace only.
norm_log()
{
	if [ "$NAME" = strace ]; then
		awk '{
			if (match($0, /^[0-9]+ +/)) {
				pid = substr($0, 1, RLENGTH)
				sub(/ +$/, "", pid)
				printf "[pid %5d] %s\n", pid, substr($0, RLENGTH + 1)
			} else {
				print
			}
		}' "$1" >"$1.norm" && mv "$1.norm" "$1"
	fi
}

# summary_get KEY: a field of the last check_log.awk SUMMARY line.
summary_get()
{
	sed -n "s/.*SUMMARY.* $1=\\([0-9]*\\).*/\\1/p" "$SUMMARY"
}

# exit_statuses LOG: the N of every "+++ exited with N +++", sorted.
exit_statuses()
{
	sed -n 's/^\[pid *[0-9]*\] +++ exited with \([0-9]*\) +++$/\1/p' "$1" |
		sort -n | tr '\n' ' ' | sed 's/ $//'
}

# count LOG FIXED-STRING: number of lines containing it.
count()
{
	grep -cF -- "$2" "$1"
}

# pfx PID: the line prefix ftrace-c prints for PID.
pfx()
{
	printf '[pid %5d] ' "$1"
}

# expect_* check the per-program lines.  Each prints nothing on success
# and a reason on failure.  $LOG is the normalized log, $L the first pid.

expect_fork_tree()
{
	local want="0 1 1 1 2 2 2 2 2 2 2 2 2"

	want="$want$(printf ' 3%.0s' $(seq 27))$(printf ' 4%.0s' $(seq 10))"
	[ "$(summary_get pids)" = 50 ] ||
		echo "want 50 pids, got $(summary_get pids)"
	[ "$(exit_statuses "$LOG")" = "$want" ] ||
		echo "exit statuses by depth wrong: $(exit_statuses "$LOG")"
	grep -qxF "$(pfx "$L")+++ exited with 0 +++" "$LOG" ||
		echo "first pid $L did not exit with 0"
}

expect_threads16()
{
	[ "$(summary_get pids)" = 17 ] ||
		echo "want 17 pids (16 threads + leader), got $(summary_get pids)"
	[ "$(count "$LOG" '+++ exited with 0 +++')" = 17 ] ||
		echo "want 17 '+++ exited with 0 +++' lines"
}

expect_vfork_exec()
{
	[ "$(summary_get pids)" = 3 ] ||
		echo "want 3 pids, got $(summary_get pids)"
	[ "$(exit_statuses "$LOG")" = "0 0 7" ] ||
		echo "want exit statuses 0 0 7, got $(exit_statuses "$LOG")"
}

expect_exit_codes()
{
	[ "$(summary_get pids)" = 5 ] ||
		echo "want 5 pids, got $(summary_get pids)"
	[ "$(exit_statuses "$LOG")" = "0 1 3 42 255" ] ||
		echo "want exit statuses 0 1 3 42 255, got $(exit_statuses "$LOG")"
	grep -qxF "$(pfx "$L")+++ exited with 3 +++" "$LOG" ||
		echo "first pid $L did not exit with 3"
}

expect_killed_child()
{
	local c

	[ "$(summary_get pids)" = 3 ] ||
		echo "want 3 pids, got $(summary_get pids)"
	[ "$(count "$LOG" '+++ killed by SIGKILL +++')" = 1 ] ||
		echo "want one '+++ killed by SIGKILL +++'"
	[ "$(count "$LOG" '+++ killed by SIGSEGV +++')" = 1 ] ||
		echo "want one '+++ killed by SIGSEGV +++'"
	[ "$(count "$LOG" 'core dumped')" = 0 ] ||
		echo "no core should be dumped (RLIMIT_CORE is 0)"
	[ "$(count "$LOG" '] --- SIGKILL')" = 0 ] ||
		echo "SIGKILL has no signal-delivery-stop, so no --- SIGKILL line"
	grep -qxF "$(pfx "$L")+++ exited with 0 +++" "$LOG" ||
		echo "first pid $L did not exit with 0"
	c=$(sed -n 's/^\[pid *\([0-9]*\)\] +++ killed by SIGSEGV +++$/\1/p' "$LOG")
	[ -n "$c" ] || return
	grep -qxF "$(pfx "$c")--- SIGSEGV {si_signo=SIGSEGV, si_code=SI_TKILL, si_pid=$c, si_uid=$MYUID} ---" "$LOG" ||
		echo "no '--- SIGSEGV {si_signo=SIGSEGV, si_code=SI_TKILL, si_pid=$c, ...} ---' for pid $c"
	[ "$(count "$LOG" "$(pfx "$L")--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=$c, si_uid=$MYUID, si_status=SIGSEGV, ")" = 1 ] ||
		echo "no SIGCHLD CLD_KILLED si_status=SIGSEGV line for pid $L"
	[ "$(count "$LOG" "$(pfx "$L")--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=")" = 2 ] ||
		echo "want two SIGCHLD CLD_KILLED lines for pid $L"
}

expect_signals_self()
{
	local p

	p=$(pfx "$L")
	[ "$(summary_get pids)" = 1 ] ||
		echo "want 1 pid, got $(summary_get pids)"
	cat >"$TMP/want_sig" <<-EOF
	$p--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=$L, si_uid=$MYUID} ---
	$p--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_USER, si_pid=$L, si_uid=$MYUID} ---
	$p--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=$L, si_uid=$MYUID, si_int=42, si_ptr=0x2a} ---
	$p--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_USER, si_pid=$L, si_uid=$MYUID} ---
	EOF
	grep -F -- '] --- ' "$LOG" >"$TMP/got_sig"
	cmp -s "$TMP/want_sig" "$TMP/got_sig" ||
		echo "signal lines differ: $(diff "$TMP/want_sig" "$TMP/got_sig" | grep '^[<>]' | head -4 | tr '\n' '|')"
	# Each handler returns through rt_sigreturn.
	[ "$(count "$LOG" "${p}rt_sigreturn(")" = 4 ] ||
		echo "want 4 rt_sigreturn lines"
	grep -qxF "${p}+++ exited with 0 +++" "$LOG" ||
		echo "pid $L did not exit with 0"
}

# strace 6.1 prints, for a leader L and an exec-ing thread T:
#   [pid T] execve("/proc/self/exe", ... <unfinished ...>
#   [pid L] <... futex resumed>) = ?
#   [pid L] +++ superseded by execve in pid T +++
#   [pid L] <... execve resumed>) = 0
# and later only "[pid L] +++ exited with 7 +++"; T never exits.
expect_thread_exec()
{
	local t

	[ "$(summary_get pids)" = 2 ] ||
		echo "want 2 pids (leader, exec-ing thread), got $(summary_get pids)"
	[ "$(summary_get exits)" = 1 ] ||
		echo "want 1 exit line, got $(summary_get exits)"
	[ "$(summary_get vanished)" = 1 ] ||
		echo "want the exec-ing thread to vanish into the leader's pid"
	grep -qxF "$(pfx "$L")+++ exited with 7 +++" "$LOG" ||
		echo "first pid $L did not exit with 7"
	t=$(sed -n 's/^\[pid *\([0-9]*\)\] .*$/\1/p' "$LOG" | grep -vx "$L" | head -1)
	case "$(summary_get superseded)" in
	0)	;;
	1)	grep -qxF "$(pfx "$L")+++ superseded by execve in pid $t +++" "$LOG" ||
			echo "want '$(pfx "$L")+++ superseded by execve in pid $t +++'" ;;
	*)	echo "more than one superseded line" ;;
	esac
	grep -qF "$(pfx "$L")<... execve resumed>" "$LOG" ||
		echo "want the execve to resume in the leader's pid $L"
}

expect_self_kill()
{
	[ "$(summary_get pids)" = 1 ] ||
		echo "want 1 pid, got $(summary_get pids)"
	grep -qxF "$(pfx "$L")--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=$L, si_uid=$MYUID} ---" "$LOG" ||
		echo "no '--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, ...} ---' line"
	grep -qxF "$(pfx "$L")+++ killed by SIGTERM +++" "$LOG" ||
		echo "no '+++ killed by SIGTERM +++' line"
}

# check_prog PROG: untraced vs traced run, log checks, expectations.
declare -A TRACED_RC UNTRACED_RC UNTRACED_OUT

check_prog()
{
	local prog=$1 d="$TMP/$1" why

	mkdir -p "$d"
	if [ ! -x "$BINDIR/$prog" ]; then
		fail "$prog" "$BINDIR/$prog not built"
		return
	fi
	run_cap "$d/u.out" "$d/u.err" "$BINDIR/$prog"
	UNTRACED_RC[$prog]=$RC
	UNTRACED_OUT[$prog]="$d/u.out"
	run_cap "$d/t.out" "$d/t.err" "$TRACER" -f -o "$d/log" "$BINDIR/$prog"
	TRACED_RC[$prog]=$RC
	if [ "$RC" = 124 ]; then
		fail "$prog" "traced run timed out after ${RUN_TIMEOUT}s"
		return
	fi

	if cmp -s "$d/u.out" "$d/t.out"; then
		pass "$prog stdout"
	else
		fail "$prog stdout" "traced '$(head -c 200 "$d/t.out")' vs untraced '$(head -c 200 "$d/u.out")'"
	fi
	if cmp -s "$d/u.err" "$d/t.err"; then
		pass "$prog stderr"
	else
		fail "$prog stderr" "traced '$(head -c 200 "$d/t.err")' vs untraced '$(head -c 200 "$d/u.err")'"
	fi
	if [ "${UNTRACED_RC[$prog]}" = "$RC" ]; then
		pass "$prog status"
	else
		fail "$prog status" "traced $RC, untraced ${UNTRACED_RC[$prog]}"
	fi

	if [ ! -s "$d/log" ]; then
		fail "$prog log" "no log written"
		return
	fi
	norm_log "$d/log"
	LOG="$d/log"
	SUMMARY="$d/check"
	awk -f "$CHECK_LOG" "$LOG" >"$SUMMARY"
	L=$(sed -n 's/.*SUMMARY.* first=\([0-9]*\).*/\1/p' "$SUMMARY")
	if [ "$(summary_get errors)" = 0 ]; then
		pass "$prog log"
	else
		fail "$prog log" "$(grep '^ERR' "$SUMMARY" | head -3 | tr '\n' '|')"
	fi

	why=$("expect_$prog")
	if [ -z "$why" ]; then
		pass "$prog expected lines"
	else
		fail "$prog expected lines" "$(echo "$why" | tr '\n' '|')"
	fi
}

for prog in fork_tree vfork_exec threads16 thread_exec signals_self \
	    exit_codes killed_child self_kill; do
	check_prog "$prog"
done

# Exit-status mirroring, as the shell sees it.
check_mirror()
{
	local prog=$1 want=$2

	if [ "${UNTRACED_RC[$prog]:-}" != "$want" ]; then
		fail "mirror $prog" "untraced status ${UNTRACED_RC[$prog]:-none}, want $want"
	elif [ "${TRACED_RC[$prog]:-}" != "$want" ]; then
		fail "mirror $prog" "traced status ${TRACED_RC[$prog]:-none}, want $want"
	else
		pass "mirror $prog status $want"
	fi
}
check_mirror exit_codes 3
check_mirror self_kill $((128 + 15))

# Repeat runs: a race in the tracer shows up as a changed stdout or status,
# a log that fails check_log.awk, a lost exit line or a hang.
check_repeat()
{
	local prog=$1 exits=$2 d="$TMP/repeat-$1" i n why="" t0=$SECONDS

	mkdir -p "$d"
	if [ -z "${UNTRACED_OUT[$prog]:-}" ]; then
		fail "repeat $prog" "no untraced reference run"
		return
	fi
	for i in $(seq "$REPEATS"); do
		run_cap "$d/out" "$d/err" "$TRACER" -f -o "$d/log" "$BINDIR/$prog"
		if [ "$RC" != "${UNTRACED_RC[$prog]}" ]; then
			why="run $i: status $RC, want ${UNTRACED_RC[$prog]}"
			break
		fi
		if ! cmp -s "$d/out" "${UNTRACED_OUT[$prog]}"; then
			why="run $i: stdout '$(head -c 200 "$d/out")'"
			break
		fi
		norm_log "$d/log"
		SUMMARY="$d/check"
		awk -f "$CHECK_LOG" "$d/log" >"$SUMMARY"
		if [ "$(summary_get errors)" != 0 ]; then
			why="run $i: $(grep '^ERR' "$SUMMARY" | head -3 | tr '\n' '|')"
			break
		fi
		n=$(summary_get exits)
		if [ "$n" != "$exits" ]; then
			why="run $i: $n exit lines, want $exits"
			break
		fi
	done
	if [ -z "$why" ]; then
		pass "repeat $prog x$REPEATS ($((SECONDS - t0))s)"
	else
		fail "repeat $prog" "$why"
	fi
}
check_repeat threads16 17
check_repeat fork_tree 50

# -q and -s N: the program's single write(1, ...) of 23 bytes is shown
# with its string cut to 8 characters.
check_s_option()
{
	local d="$TMP/sopt" p

	mkdir -p "$d"
	run_cap "$d/out" "$d/err" "$TRACER" -f -q -s 8 -o "$d/log" "$BINDIR/exit_codes"
	if [ "$RC" != 3 ]; then
		fail "-q -s 8" "status $RC, want 3"
		return
	fi
	norm_log "$d/log"
	p=$(pfx "$(sed -n '1s/^\[pid *\([0-9]*\)\].*/\1/p' "$d/log")")
	if grep -F "${p}write(1, \"exit_cod\"..., 23)" "$d/log" |
	   grep -qE '\) += 23$'; then
		pass "-q -s 8 truncates strings"
	else
		fail "-q -s 8" "no '${p}write(1, \"exit_cod\"..., 23) = 23' line"
	fi
}
check_s_option

# -e trace= whose first shown call fails (ld.so's access probe): the calls
# after it still show (the failed-exec hiding must look at the exec only).
check_trace_first_fails()
{
	local d="$TMP/tracefail" n

	mkdir -p "$d"
	run_cap "$d/out" "$d/err" "$TRACER" -e trace=access,openat -o "$d/log" \
		cat /etc/hostname
	n=$(grep -c '^openat(.*"/etc/hostname", O_RDONLY) = 3$' "$d/log")
	if [ "$RC" != 0 ]; then
		fail "-e trace= after a failed call" "status $RC"
	elif ! grep -q '^access(.*= -1 ENOENT' "$d/log" || [ "$n" != 1 ]; then
		fail "-e trace= after a failed call" "want a failed access and the openat of /etc/hostname"
	else
		pass "-e trace= shows calls after a failed one"
	fi
	# the -y cache follows close even when close is not traced
	# (head, not cat: cat copies to a file with copy_file_range, not read)
	run_cap "$d/out" "$d/err" "$TRACER" -y -e trace=read -o "$d/log2" \
		head -n 100 /etc/hostname /etc/os-release
	# (the fd number depends on what make passed down: take it from the log)
	n=$(sed -n 's|^read(\([0-9]*\)</etc/hostname>, "", .*|\1|p' "$d/log2")
	if [ -n "$n" ] &&
	   grep -q "^read($n</usr/lib/os-release>, \"PRETTY" "$d/log2"; then
		pass "-y paths follow untraced close"
	else
		fail "-y with -e trace=read" "stale or missing paths of a reused fd"
	fi
}
check_trace_first_fails

# A program that does not exist: one error line, status 1.
check_no_such_prog()
{
	local d="$TMP/nosuch" want

	mkdir -p "$d"
	want="$NAME: Can't stat 'nosuchprog': No such file or directory"
	# argv[0] is the bare name, as when run from PATH: strace prints
	# its argv[0] in the message.
	(cd "$d" || exit 99
	 # shellcheck disable=SC2016 # expanded by the inner bash
	 run_cap out err bash -c 'exec -a "$0" "$@"' "$NAME" "$TRACER" nosuchprog
	 exit "$RC")
	RC=$?
	if [ "$RC" != 1 ]; then
		fail "nosuchprog" "status $RC, want 1"
	elif [ "$(cat "$d/err")" != "$want" ]; then
		fail "nosuchprog" "stderr '$(cat "$d/err")', want '$want'"
	else
		pass "nosuchprog error"
	fi
}
check_no_such_prog

# The tracer itself gets INT/TERM/HUP/QUIT (ftrace-c only: strace -o
# blocks them when it runs a command).  As strace without -o: the command
# gets the signal, every tracee is detached ("Process N detached"), and
# the tracer dies of the same signal.  A command that ignores the signal
# goes on, untraced and not stopped.
check_tracer_signal()
{
	local sig=$1 ignore=$2 d="$TMP/sig$1$2" tpid t0 marker n num spid why=""

	mkdir -p "$d"
	num=$(kill -l "$sig")
	marker="ftrace_sig_test_$$_$sig$ignore"
	# Job control on: a background job of a script otherwise starts with
	# SIGINT and SIGQUIT ignored, and ftrace-c keeps inherited ignores.
	set -m
	if [ "$ignore" = ign ]; then
		"$TRACER" -f -o "$d/log" bash -c "trap '' $sig; exec -a $marker sleep 30; :" \
			</dev/null >/dev/null 2>"$d/err" &
	else
		"$TRACER" -f -o "$d/log" bash -c "exec -a $marker sleep 30; :" \
			</dev/null >/dev/null 2>"$d/err" &
	fi
	tpid=$!
	set +m
	# Wait for the traced sleep to be running.
	for n in $(seq 100); do
		pgrep -f "^$marker" >/dev/null && break
		sleep 0.05
	done
	sleep 0.2
	t0=$SECONDS
	kill -"$sig" "$tpid"
	{ wait "$tpid"; } 2>/dev/null
	RC=$?
	spid=$(pgrep -f "^$marker")
	if [ "$RC" != $((128 + num)) ]; then
		why="status $RC, want $((128 + num))"
	elif [ "$ignore" != ign ] && [ -n "$spid" ]; then
		why="tracee still running"
	elif [ "$ignore" = ign ] && [ -z "$spid" ]; then
		why="the tracee that ignores SIG$sig is gone"
	elif [ "$ignore" = ign ] &&
	     ! grep -q 'TracerPid:[[:space:]]*0$' "/proc/$spid/status"; then
		why="the tracee is still traced"
	elif [ "$ignore" = ign ] && grep -q '^State:[[:space:]]*[tT]' "/proc/$spid/status"; then
		why="the tracee is left stopped"
	elif [ $((SECONDS - t0)) -gt 5 ]; then
		why="took $((SECONDS - t0))s"
	elif ! grep -q "^$NAME: Process [0-9]* detached\$" "$d/err"; then
		why="no 'Process N detached': $(tr '\n' '|' <"$d/err")"
	elif ! head -1 "$d/log" | grep -q '^\[pid *[0-9]*\] execve("[^"]*bash"'; then
		why="log does not start with the execve"
	fi
	[ -n "$spid" ] && kill -KILL $spid
	if [ -n "$why" ]; then
		fail "tracer SIG$sig ($ignore)" "$why"
	else
		pass "tracer SIG$sig ($ignore): command signalled, all detached, status $RC"
	fi
}
if [ "$NAME" != strace ]; then
	for sig in INT TERM HUP QUIT; do
		check_tracer_signal "$sig" dfl
	done
	check_tracer_signal TERM ign
fi

# -p: attach to a running multithreaded process with -f, then detach on
# SIGINT/SIGTERM.  The process must go on untraced and finish as it
# would have; ftrace-c must be gone within a second.  (ftrace-c only:
# strace -o ignores the signals.)
check_attach()
{
	local sig=$1 d="$TMP/attach$1" ppid tpid t0 n tracers

	mkdir -p "$d"
	"$BINDIR/busy_threads" 16 2500 >"$d/prog.out" 2>&1 &
	ppid=$!
	sleep 0.3
	set -m
	"$TRACER" -f -p "$ppid" -o "$d/log" 2>"$d/err" &
	tpid=$!
	set +m
	sleep 0.7
	t0=$(date +%s%N)
	kill -"$sig" "$tpid"
	{ wait "$tpid"; } 2>/dev/null
	n=$(( ($(date +%s%N) - t0) / 1000000 ))
	tracers=$(grep -h TracerPid /proc/"$ppid"/task/*/status 2>/dev/null |
		  grep -vc 'TracerPid:[[:space:]]*0$')
	wait "$ppid"
	RC=$?
	if [ "$RC" != 0 ] || ! grep -q 'busy_threads: 16 threads done' "$d/prog.out"; then
		fail "attach -p ($sig)" "traced process status $RC, output '$(cat "$d/prog.out")'"
	elif [ "$tracers" != 0 ]; then
		fail "attach -p ($sig)" "$tracers threads still traced after detach"
	elif [ "$n" -gt 1000 ]; then
		fail "attach -p ($sig)" "detach took ${n} ms"
	elif ! grep -q "^$NAME: Process $ppid attached with 17 threads\$" "$d/err" ||
	     ! grep -q "^$NAME: Process $ppid detached\$" "$d/err"; then
		fail "attach -p ($sig)" "messages: $(tr '\n' '|' <"$d/err")"
	elif [ "$(grep -o '^\[pid *[0-9]*\]' "$d/log" | sort -u | wc -l)" -lt 10 ]; then
		fail "attach -p ($sig)" "log has lines of fewer than 10 threads"
	elif ! grep -q 'getpid()' "$d/log"; then
		fail "attach -p ($sig)" "no getpid() in the log"
	else
		pass "attach -p ($sig): 17 threads traced, detached in ${n} ms, process unharmed"
	fi
}
if [ "$NAME" != strace ]; then
	check_attach INT
	check_attach TERM
fi

# -p on a process that does not exist: strace's message, status 1.
check_attach_missing()
{
	local d="$TMP/attachmissing"

	mkdir -p "$d"
	run_cap "$d/out" "$d/err" "$TRACER" -p 999999999
	if [ "$RC" = 1 ] && grep -q "^$NAME: attach: ptrace(PTRACE_SEIZE, 999999999): No such process\$" "$d/err"; then
		pass "attach -p missing process"
	else
		fail "attach -p missing process" "status $RC: $(cat "$d/err")"
	fi
}
check_attach_missing

# -p errors in strace's words: not a number, our own pid.
check_attach_errors()
{
	local d="$TMP/attacherr" out

	mkdir -p "$d"
	out=$("$TRACER" -p abc 2>&1; echo "rc=$?")
	# shellcheck disable=SC2016 # $$ is the inner shell's pid
	out="$out|$(sh -c 'exec "$0" -p $$' "$TRACER" 2>&1; echo "rc=$?")"
	if [ "$out" = "$NAME: Invalid process id: 'abc'
rc=1|$NAME: I'm sorry, I can't let you do that, Dave.
rc=1" ]; then
		pass "attach -p errors (bad number, own pid)"
	else
		fail "attach -p errors" "$(printf '%s' "$out" | tr '\n' '|')"
	fi
}
check_attach_errors

# --descendants: -p takes the whole running tree; SIGINT lets it all go.
check_descendants()
{
	local d="$TMP/desc" tp n p why=""

	mkdir -p "$d"
	sh -c 'sleep 37 & (sleep 37 & sleep 37; wait) & wait' &
	tp=$!
	for n in $(seq 100); do
		[ "$(pgrep -c -P "$tp")" -ge 2 ] && break
		sleep 0.05
	done
	sleep 0.3
	"$TRACER" -f --descendants -p "$tp" -e trace=none -o "$d/log" 2>"$d/err" &
	p=$!
	for n in $(seq 100); do
		[ "$(grep -c 'attached$' "$d/err")" -ge 5 ] && break
		sleep 0.05
	done
	kill -INT "$p"
	{ wait "$p"; } 2>/dev/null
	n=$(grep -c "^$NAME: Process [0-9]* attached\$" "$d/err")
	[ "$n" = 5 ] || why="$n processes attached, want 5 (sh, subshell, 3 sleeps)"
	[ -z "$why" ] && [ "$(grep -c 'detached$' "$d/err")" != 5 ] &&
		why="not all 5 detached"
	for n in $(pgrep -f '^sleep 37$'); do
		grep -q 'TracerPid:[[:space:]]*0$' "/proc/$n/status" ||
			why="sleep $n still traced"
	done
	pkill -P "$tp" 2>/dev/null; kill "$tp" 2>/dev/null
	pkill -f '^sleep 37$' 2>/dev/null
	{ wait "$tp"; } 2>/dev/null
	if [ -n "$why" ]; then
		fail "--descendants" "$why: $(tr '\n' '|' <"$d/err")"
	else
		pass "--descendants attaches and detaches a running tree"
	fi
}
check_descendants

# -c / -C: the summary table (formats are compared with strace by
# tests/diff/summary.sh; here: where it goes, what else is printed, exit
# statuses, an option error, and the tracer's own SIGINT).
is_table()
{
	head -1 "$1" | grep -q '^% time     seconds  usecs/call     calls    errors syscall$' &&
		sed -n 2p "$1" | grep -q '^------ ----------- ----------- --------- --------- -----' &&
		tail -1 "$1" | grep -Eq '^100\.00 +[0-9]+\.[0-9]{6} +[0-9]+ +[0-9]+ +([0-9]+ )?total$'
}
check_summary()
{
	local d="$TMP/summary" n tpid marker

	mkdir -p "$d"
	# -c -f -o: only the table in the file, nothing on stderr, status mirrored
	run_cap "$d/out" "$d/err" "$TRACER" -c -f -o "$d/log" "$BINDIR/exit_codes"
	if [ "$RC" != 3 ]; then
		fail "summary -c -f -o" "status $RC, want 3"
	elif ! is_table "$d/log" || grep -q '+++\|(' "$d/log"; then
		fail "summary -c -f -o" "not a table alone: $(head -c 300 "$d/log" | tr '\n' '|')"
	elif [ -s "$d/err" ]; then
		fail "summary -c -f -o" "stderr: $(head -c 200 "$d/err")"
	elif ! grep -Eq '^ +[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+ +[0-9]* *(clone|fork|vfork|clone3)$' "$d/log"; then
		fail "summary -c -f -o" "no process creation counted"
	else
		pass "summary -c -f -o: the table alone, status 3"
	fi
	# -c without -o: the table on stderr; a killed tracee's status mirrored
	run_cap "$d/out2" "$d/err2" "$TRACER" -c "$BINDIR/self_kill"
	if [ "$RC" != $((128 + 15)) ]; then
		fail "summary -c on stderr" "status $RC, want $((128 + 15))"
	elif ! is_table "$d/err2"; then
		fail "summary -c on stderr" "$(head -c 300 "$d/err2" | tr '\n' '|')"
	else
		pass "summary -c on stderr, killed tracee's status"
	fi
	# -C: the trace, then the table right after the last exit line
	run_cap "$d/out3" "$d/err3" "$TRACER" -C -f -o "$d/log3" "$BINDIR/fork_tree"
	n=$(grep -n '^% time ' "$d/log3" | cut -d: -f1)
	if [ "$RC" != 0 ] || [ -z "$n" ] || [ "$n" -lt 10 ]; then
		fail "summary -C -f" "status $RC, table at line '${n:-}'"
	elif ! sed -n "$((n - 1))p" "$d/log3" | grep -q '+++ exited with 0 +++$' ||
	     ! tail -n +"$n" "$d/log3" >"$d/table3" || ! is_table "$d/table3"; then
		fail "summary -C -f" "$(sed -n "$((n - 1)),$((n + 1))p" "$d/log3" | tr '\n' '|')"
	else
		pass "summary -C -f: trace then table"
	fi
	# a bad -S: strace's message, status 1, nothing run
	run_cap "$d/out4" "$d/err4" "$TRACER" -c -S nosuch "$BINDIR/exit_codes"
	# (strace names itself by its argv[0], a full path here)
	if [ "$RC" != 1 ] || ! head -1 "$d/err4" | grep -Eq "(^|/)$NAME: invalid sortby: 'nosuch'\$"; then
		fail "summary -S nosuch" "status $RC, stderr '$(head -1 "$d/err4")'"
	else
		pass "summary -S nosuch: error, status 1"
	fi
	# SIGINT to the tracer (ftrace-c only; strace -o ignores it): the
	# tracee dies of it and the table is still written.
	[ "$NAME" = strace ] && return
	marker="ftrace_summary_test_$$"
	set -m
	"$TRACER" -c -o "$d/log5" bash -c "exec -a $marker sleep 30; :" \
		</dev/null >/dev/null 2>"$d/err5" &
	tpid=$!
	set +m
	for n in $(seq 100); do
		pgrep -f "^$marker" >/dev/null && break
		sleep 0.05
	done
	sleep 0.2
	kill -INT "$tpid"
	{ wait "$tpid"; } 2>/dev/null
	RC=$?
	if [ "$RC" != 130 ]; then
		fail "summary after SIGINT" "status $RC, want 130"
		pkill -KILL -f "^$marker"
	elif ! is_table "$d/log5" || ! grep -q ' execve$' "$d/log5"; then
		fail "summary after SIGINT" "$(head -c 300 "$d/log5" | tr '\n' '|')"
	else
		pass "summary after SIGINT: table written, status 130"
	fi
}
check_summary

# A real build: make -j2 of tests/integration/proj under -f.
check_proj()
{
	local d="$TMP/proj" npids nexits

	mkdir -p "$d"
	cp -r "$PROJ_SRC" "$d/plain"
	cp -r "$PROJ_SRC" "$d/traced"
	# Keep an outer make's jobserver and flags out of the inner one.
	unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
	if ! (cd "$d/plain" || exit 99
	      run_cap make.out make.err make -j2
	      exit "$RC"); then
		fail "proj build" "untraced build failed: $(tail -3 "$d/plain/make.err" | tr '\n' '|')"
		return
	fi
	(cd "$d/plain" && ./projdemo >"$d/plain.out")
	(cd "$d/traced" || exit 99
	 run_cap make.out make.err "$TRACER" -f -o "$d/log" make -j2
	 exit "$RC")
	RC=$?
	if [ "$RC" != 0 ] || [ ! -x "$d/traced/projdemo" ]; then
		fail "proj build" "traced make -j2 status $RC: $(tail -3 "$d/traced/make.err" | tr '\n' '|')"
		return
	fi
	pass "proj build"
	if (cd "$d/traced" && ./projdemo >"$d/traced.out") &&
	   cmp -s "$d/plain.out" "$d/traced.out"; then
		pass "proj output"
	else
		fail "proj output" "projdemo built under the tracer prints '$(head -c 200 "$d/traced.out")'"
	fi
	norm_log "$d/log"
	SUMMARY="$d/check"
	awk -f "$CHECK_LOG" "$d/log" >"$SUMMARY"
	npids=$(summary_get pids)
	nexits=$(summary_get exits)
	if [ "$(summary_get errors)" != 0 ]; then
		fail "proj log" "$(grep '^ERR' "$SUMMARY" | head -3 | tr '\n' '|')"
	elif [ "$npids" != "$nexits" ] || [ "$npids" -lt 10 ]; then
		fail "proj log" "$npids pids, $nexits exit lines"
	else
		pass "proj log ($npids processes)"
	fi
}
check_proj

# --seccomp-bpf: the same output with the filter
. "$HERE/seccomp.sh"
# Filters (-e trace=/signal=/status=/quiet=, -z, -Z, -P, -q...): the lines
# the options must leave, on a real command and a test program.
check_filters()
{
	local d="$TMP/filters" out
	mkdir -p "$d" && echo hello >"$d/file" && ln -sf file "$d/link"
	# -P: the open, read and close of the file, nothing else
	"$TRACER" -o "$d/p.log" -P "$d/link" cat "$d/link" >/dev/null 2>"$d/p.err"
	out=$(sed -E 's/0x[0-9a-f]+/X/g; s/ +=/ =/' "$d/p.log")
	if [ "$out" = "$(printf '%s\n' \
	    "openat(AT_FDCWD, \"$d/link\", O_RDONLY) = 3" \
	    'newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=6, ...}, AT_EMPTY_PATH) = 0' \
	    'fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0' \
	    'read(3, "hello\n", 131072) = 6' \
	    'read(3, "", 131072) = 0' \
	    'close(3) = 0' \
	    '+++ exited with 0 +++')" ] &&
	   grep -q "Requested path \"$d/link\" resolved into \"$d/file\"" "$d/p.err"; then
		pass "filters -P"
	else
		fail "filters -P" "$(tr '\n' '|' <"$d/p.log" | head -c 300)"
	fi
	# -z / -Z / status=: every line has the right outcome
	"$TRACER" -o "$d/z.log" -z cat /nonexistent 2>/dev/null
	"$TRACER" -o "$d/Z.log" -Z cat /nonexistent 2>/dev/null
	"$TRACER" -o "$d/u.log" -e status=unfinished cat /nonexistent 2>/dev/null
	if ! grep -v '^+++' "$d/z.log" | grep -q -- '= -1\|= ?' &&
	   grep -q 'execve(' "$d/z.log" &&
	   [ "$(grep -vc -- '^+++\|= -1 ' "$d/Z.log")" = 0 ] &&
	   grep -q 'openat(AT_FDCWD, "/nonexistent", O_RDONLY) = -1 ENOENT' "$d/Z.log" &&
	   [ "$(sed -E 's/ +=/ =/' "$d/u.log")" = "$(printf '%s\n' 'exit_group(1) = ?' '+++ exited with 1 +++')" ]; then
		pass "filters -z -Z status="
	else
		fail "filters -z -Z status=" "$(head -3 "$d/Z.log" | tr '\n' '|')"
	fi
	# signal= and quiet=: signal lines and exit lines
	"$TRACER" -f -o "$d/s.log" -e trace=none -e signal=SIGUSR2 "$BINDIR/signals_self" >/dev/null 2>&1
	"$TRACER" -f -o "$d/q.log" -e trace=none -qq "$BINDIR/signals_self" >/dev/null 2>&1
	if [ "$(grep -c -- '--- SIGUSR2 ' "$d/s.log")" = 2 ] &&
	   ! grep -q -- '--- SIGUSR1' "$d/s.log" &&
	   grep -q -- '--- SIGUSR1' "$d/q.log" && ! grep -q '+++ exited' "$d/q.log"; then
		pass "filters signal= -qq"
	else
		fail "filters signal= -qq" "$(tr '\n' '|' <"$d/s.log" | head -c 300)"
	fi
	# a set without execve whose first call fails: later calls still show
	"$TRACER" -o "$d/t.log" -e trace=access,close cat /dev/null
	if grep -q '^access("/etc/ld.so.preload", R_OK) *= -1 ENOENT' "$d/t.log" &&
	   [ "$(grep -c '^close(' "$d/t.log")" -ge 3 ]; then
		pass "filters trace= without execve"
	else
		fail "filters trace= without execve" "$(tr '\n' '|' <"$d/t.log" | head -c 300)"
	fi
	# errors: strace's wording, status 1
	out=$("$TRACER" -e trace=nosuch true 2>&1; echo "rc=$?")
	out="$out|$("$TRACER" -e signal=SIGFOO true 2>&1; echo "rc=$?")"
	out="$out|$("$TRACER" -e status=foo true 2>&1; echo "rc=$?")"
	out="$out|$("$TRACER" -q --quiet=exit true 2>&1; echo "rc=$?")"
	if [ "$out" = "$NAME: invalid system call 'nosuch'
rc=1|$NAME: invalid signal 'SIGFOO'
rc=1|$NAME: invalid status 'foo'
rc=1|$NAME: -q and -e quiet/--quiet cannot be provided simultaneously
rc=1" ]; then
		pass "filters errors"
	else
		fail "filters errors" "$(echo "$out" | tr '\n' ' ')"
	fi
}
check_filters

echo "# ${SECONDS}s in all, $((SECONDS - start))s of checks"
echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ]
