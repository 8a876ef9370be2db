# tests/integration/seccomp.sh: --seccomp-bpf checks, sourced by run.sh
# (uses its TRACER, BINDIR, TMP, PROJ_SRC, CHECK_LOG, run_cap, norm_log,
# pass and fail).
#
# With the filter, syscalls outside -e trace= never stop the tracee; what
# is printed must not change.  Each check runs the same command with and
# without --seccomp-bpf and compares what must be equal: the whole log
# for a single process, and for process trees the parts that do not
# depend on scheduling (execve calls, exits, signals other than the
# coalescing SIGCHLD).  Also the notes strace 6.1 prints when the option
# cannot apply.
#
# Run with strace as TRACER, "seccomp thread_exec" fails: strace 6.1 with
# --seccomp-bpf loses the exit of an execve made by a non-leader thread
# ("<... execve resumed>) = -1 (errno 18446744073709551385)" and no
# exit_group line); see docs/differences-from-strace.md.

# seccomp_events LOG: the schedule-independent events of a -f log, sorted:
# every execve call with its result (an "<unfinished ...>" entry is joined
# with its "<... execve resumed>" line), "+++" lines and signal names;
# numbers, addresses and gcc's temporary file names made neutral.
seccomp_events()
{
	awk '
	{
		pid = $2
		line = $0
		sub(/^\[pid +[0-9]+\] /, "", line)
		if (line ~ /^execve\(/) {
			if (sub(/ <unfinished \.\.\.>$/, "", line)) {
				open_exec[pid] = line
				next
			}
			print norm(line)
		} else if (line ~ /^<\.\.\. execve resumed>/ && pid in open_exec) {
			sub(/^<\.\.\. execve resumed>/, "", line)
			print norm(open_exec[pid] line)
			delete open_exec[pid]
		} else if (line ~ /^\+\+\+ /) {
			print norm(line)
		} else if (line ~ /^--- / && $4 != "SIGCHLD") {
			print $3 " " $4
		}
	}
	function norm(s) {
		gsub(/0x[0-9a-f]+/, "ADDR", s)
		gsub(/\/tmp\/cc[A-Za-z0-9]+/, "/tmp/ccTMP", s)
		gsub(/[0-9]+/, "N", s)
		sub(/\) +=/, ") =", s)	# the padding of a split line differs
		return s
	}' "$1" | sort
}

# The notes, word for word (strace's with "ftrace-c:").
check_seccomp_notes()
{
	local d="$TMP/seccomp-notes" want

	mkdir -p "$d"
	run_cap "$d/out" "$d/err" "$TRACER" --seccomp-bpf -e trace=close -o "$d/log" true
	# strace names itself by its argv[0]: compare from the ": " on
	want="X: --seccomp-bpf cannot be used without -f/--follow-forks, disabling"
	if [ "$RC" = 0 ] && [ "$(sed 's/^[^ ]*: /X: /' "$d/err")" = "$want" ] &&
	   grep -q '^close(' "$d/log"; then
		pass "seccomp note without -f"
	else
		fail "seccomp note without -f" "status $RC, stderr '$(head -c 200 "$d/err")'"
	fi
	run_cap "$d/out" "$d/err" "$TRACER" --seccomp-bpf -f -o "$d/log" true
	want="X: Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls."
	if [ "$RC" = 0 ] && [ "$(sed 's/^[^ ]*: /X: /' "$d/err")" = "$want" ]; then
		pass "seccomp note without -e trace="
	else
		fail "seccomp note without -e trace=" "status $RC, stderr '$(head -c 200 "$d/err")'"
	fi
}

# One process: the log is the same, line for line.
check_seccomp_cat()
{
	local d="$TMP/seccomp-cat" o

	mkdir -p "$d"
	printf 'one\ntwo\n' >"$d/file"
	for o in plain filtered; do
		run_cap "$d/$o.out" "$d/$o.err" "$TRACER" \
			$([ $o = filtered ] && echo --seccomp-bpf) \
			-f -e trace=openat,close -o "$d/$o.log" cat "$d/file"
		norm_log "$d/$o.log"
		sed 's/^\[pid *[0-9]*\] //' "$d/$o.log" >"$d/$o.lines"
	done
	if [ "$RC" = 0 ] && cmp -s "$d/plain.out" "$d/filtered.out" &&
	   [ -s "$d/plain.lines" ] && cmp -s "$d/plain.lines" "$d/filtered.lines"; then
		pass "seccomp cat log ($(wc -l <"$d/plain.lines") lines)"
	else
		fail "seccomp cat log" "status $RC; $(diff "$d/plain.lines" "$d/filtered.lines" | head -4 | tr '\n' '|')"
	fi
}

# Process trees, signals, group-stops, exec from a thread: same program
# results, a valid log, the same events.
check_seccomp_prog()
{
	local prog=$1 d="$TMP/seccomp-$1" o rc_plain

	mkdir -p "$d"
	for o in plain filtered; do
		run_cap "$d/$o.out" "$d/$o.err" "$TRACER" \
			$([ $o = filtered ] && echo --seccomp-bpf) \
			-f -e trace=%process,%signal -o "$d/$o.log" "$BINDIR/$prog"
		[ $o = plain ] && rc_plain=$RC
		norm_log "$d/$o.log"
	done
	if [ "$RC" = 124 ] || [ "$RC" != "$rc_plain" ] ||
	   ! cmp -s "$d/plain.out" "$d/filtered.out"; then
		fail "seccomp $prog" "status $RC (without the filter $rc_plain), stdout '$(head -c 100 "$d/filtered.out")'"
		return
	fi
	awk -f "$CHECK_LOG" "$d/filtered.log" >"$d/check"
	if grep -q '^ERR' "$d/check"; then
		fail "seccomp $prog" "log: $(grep '^ERR' "$d/check" | head -3 | tr '\n' '|')"
		return
	fi
	seccomp_events "$d/plain.log" >"$d/plain.ev"
	seccomp_events "$d/filtered.log" >"$d/filtered.ev"
	if cmp -s "$d/plain.ev" "$d/filtered.ev"; then
		pass "seccomp $prog ($(wc -l <"$d/plain.ev") events)"
	else
		fail "seccomp $prog" "$(diff "$d/plain.ev" "$d/filtered.ev" | head -4 | tr '\n' '|')"
	fi
}

# make -j2 of the small project: every execve, exactly as without the filter.
check_seccomp_make()
{
	local d="$TMP/seccomp-make" o n

	mkdir -p "$d"
	unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
	# the same directory both times, so the paths in the argv match
	for o in plain filtered; do
		rm -rf "$d/w"
		cp -r "$PROJ_SRC" "$d/w"
		(cd "$d/w" || exit 99
		 run_cap "$d/$o.out" "$d/$o.err" "$TRACER" \
			$([ $o = filtered ] && echo --seccomp-bpf) \
			-f -e trace=%process -o "$d/$o.log" make -j2
		 exit "$RC")
		RC=$?
		if [ "$RC" != 0 ] || [ ! -x "$d/w/projdemo" ]; then
			fail "seccomp make -j2" "$o build status $RC: $(tail -2 "$d/$o.err" | tr '\n' '|')"
			return
		fi
		norm_log "$d/$o.log"
		seccomp_events "$d/$o.log" | grep '^execve(' >"$d/$o.ev"
	done
	n=$(wc -l <"$d/plain.ev")
	if [ "$n" -ge 10 ] && cmp -s "$d/plain.ev" "$d/filtered.ev"; then
		pass "seccomp make -j2 ($n execve calls)"
	else
		fail "seccomp make -j2" "$n execve calls; $(diff "$d/plain.ev" "$d/filtered.ev" | head -4 | tr '\n' '|')"
	fi
}

check_seccomp_notes
check_seccomp_cat
for prog in fork_tree vfork_exec threads16 thread_exec signals_self \
	    exit_codes killed_child self_kill stop_cont; do
	check_seccomp_prog "$prog"
done
check_seccomp_make
