# check_log.awk: checks one ftrace-c -f log (strace logs after the
# normalization in run.sh).
#
# Every line must be "[pid %5d] " followed by one of:
#   name(args) = ret                 a complete syscall
#   name(args <unfinished ...>       a syscall left open ...
#   name(args <unfinished ...>) = ?  ... or one the tracee died in
#   name(args <pid changed to N ...> an exec-ing thread's execve (below)
#   <... name resumed>rest = ret     the rest of an open syscall
#   --- SIGxxx {siginfo} ---         signal delivery
#   --- stopped by SIGxxx ---        group-stop
#   +++ exited with N +++
#   +++ killed by SIGxxx +++         optionally " (core dumped)"
#   +++ superseded by execve in pid N +++
#
# Pairing: an open syscall of pid P ends with "<... name resumed>" of the
# same P and name, or with P's exit/kill line.  An exec from a non-leader
# thread T while the leader L waits is printed by strace 6.1 as
#   [pid T] execve(... <unfinished ...>
#   [pid L] <... futex resumed>) = ?          (may be absent)
#   [pid L] +++ superseded by execve in pid T +++   (may be absent)
#   [pid L] <... execve resumed>) = 0
# (L's line may instead be "futex(...) = ?" or "<... clone3 resumed>
# <unfinished ...>) = ?"; when no other line came between, T's line ends in
# "<pid changed to L ...>" instead of "<unfinished ...>".)  So the
# superseded line abandons L's open syscall and hands T's open execve to
# L, and T vanishes (it never gets an exit line).  Without the superseded
# line, "<... execve resumed>" in L with T's execve open does the same.
#
# Every pid seen must have exactly one exit/kill line, a vanished one none.
# Prints "ERR line: reason" for each problem (at most MAXERR), then
#   SUMMARY lines=N pids=N exits=N vanished=N superseded=N errors=N

function err(msg)
{
	errors++
	if (errors <= MAXERR)
		printf "ERR %d: %s\n", NR, msg
}

function sysname(s,    i)
{
	i = index(s, "(")
	return substr(s, 1, i - 1)
}

BEGIN {
	MAXERR = 10
	errors = 0
	first_pid = ""
}

{
	line = $0
	if (substr(line, 1, 5) != "[pid ") {
		err("no [pid N] prefix: " line)
		next
	}
	close_br = index(line, "] ")
	if (close_br == 0) {
		err("unterminated [pid N] prefix: " line)
		next
	}
	field = substr(line, 6, close_br - 6)
	pid = field
	sub(/^ +/, "", pid)
	if (pid !~ /^[1-9][0-9]*$/) {
		err("bad pid in prefix: " line)
		next
	}
	# "%5d": padded to 5 columns, never wider than the digits need
	want = length(pid) < 5 ? 5 : length(pid)
	if (length(field) != want)
		err("pid not printed as %5d: " line)
	pid += 0
	if (first_pid == "")
		first_pid = pid
	seen[pid] = 1
	body = substr(line, close_br + 2)

	if (body ~ /^[a-z_][a-z0-9_]*\(.* <unfinished \.\.\.>\) = \?$/) {
		# opened and killed on the same line: nothing stays open
		if (pid in open_sys)
			err("pid " pid " starts a syscall with " open_sys[pid] " open")
	} else if (body ~ /^[a-z_][a-z0-9_]*\(.* <unfinished \.\.\.>$/ ||
		   body ~ /^[a-z_][a-z0-9_]*\(.* <pid changed to [1-9][0-9]* \.\.\.>$/) {
		if (pid in open_sys)
			err("pid " pid " starts a syscall with " open_sys[pid] " open")
		open_sys[pid] = sysname(body)
	} else if (body ~ /^[a-z_][a-z0-9_]*\(.*\) += .+$/) {
		if (pid in open_sys)
			err("pid " pid " starts a syscall with " open_sys[pid] " open")
	} else if (body ~ /^<\.\.\. [a-z_][a-z0-9_]* resumed>.* = .+$/) {
		name = body
		sub(/^<\.\.\. /, "", name)
		sub(/ resumed>.*$/, "", name)
		if ((pid in open_sys) && open_sys[pid] == name) {
			delete open_sys[pid]
		} else if (name == "execve") {
			# exec from another thread of this pid's group
			found = ""
			for (t in open_sys)
				if (t + 0 != pid && open_sys[t] == "execve")
					found = t
			if (found == "") {
				err("pid " pid " resumes execve it never started")
			} else {
				delete open_sys[found]
				delete open_sys[pid]
				vanished[found + 0] = 1
			}
		} else {
			err("pid " pid " resumes " name " without <unfinished ...>")
		}
	} else if (body ~ /^--- SIG[A-Z0-9_+]+ \{.*\} ---$/ ||
		   body ~ /^--- stopped by SIG[A-Z0-9_+]+ ---$/) {
		# signal lines carry no pairing state
	} else if (body ~ /^\+\+\+ exited with [0-9]+ \+\+\+$/ ||
		   body ~ /^\+\+\+ killed by SIG[A-Z0-9_+]+( \(core dumped\))? \+\+\+$/) {
		exits[pid]++
		nexits++
		delete open_sys[pid]
	} else if (body ~ /^\+\+\+ superseded by execve in pid [1-9][0-9]* \+\+\+$/) {
		other = body
		sub(/^\+\+\+ superseded by execve in pid /, "", other)
		sub(/ \+\+\+$/, "", other)
		other += 0
		superseded++
		seen[other] = 1
		delete open_sys[pid]
		if ((other in open_sys) && open_sys[other] == "execve") {
			delete open_sys[other]
			open_sys[pid] = "execve"
		}
		if (other != pid)
			vanished[other] = 1
	} else {
		err("line matches no known form: " line)
	}
}

END {
	for (p in open_sys)
		err("pid " p " left " open_sys[p] " <unfinished ...> for ever")
	npids = 0
	nvanished = 0
	for (p in seen) {
		npids++
		if (p in vanished) {
			nvanished++
			if (exits[p] + 0 != 0)
				err("pid " p " vanished by execve but has an exit line")
		} else if (exits[p] + 0 != 1) {
			err("pid " p " has " (exits[p] + 0) " exit/kill lines, want 1")
		}
	}
	printf "SUMMARY lines=%d pids=%d exits=%d vanished=%d superseded=%d first=%s errors=%d\n",
	       NR, npids, nexits + 0, nvanished, superseded + 0, first_pid,
	       errors
}
