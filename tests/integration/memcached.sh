#!/bin/bash
# tests/integration/memcached.sh: a real multithreaded server under -p.
#
# usage: tests/integration/memcached.sh TRACER [CYCLES]
#
# Starts memcached (Debian's, -t 4 worker threads) on 127.0.0.1 on a free
# port, as a child of this script, never as a system service.  Then CYCLES
# times, under a client load that checks every answer (mc_client.py):
# attach with "TRACER -f -p", let it trace, detach with SIGINT; after each
# cycle every thread of the server must be untraced (TracerPid 0) and not
# stopped (State not T/t), the tracer must have exited of SIGINT, and the
# client must have had every request answered correctly.  Prints PASS/FAIL
# lines and a summary "N passed, N failed".

set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 TRACER [CYCLES]" >&2
	exit 2
fi
TRACER=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
NAME=$(basename "$TRACER")
CYCLES=${2:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ftrace-mc.XXXXXX")
MCPID=""
trap '[ -n "$MCPID" ] && { kill -KILL $MCPID; wait $MCPID; } 2>/dev/null; rm -rf "$TMP"' EXIT
# Debian's python3 (a pyenv shim in front of it can take seconds to start)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

summary() { echo "$1 passed, $2 failed ($SECONDS s)"; [ "$2" = 0 ]; }

if ! command -v memcached >/dev/null; then
	echo "FAIL memcached: not installed (make deps installs it)"
	summary 0 1
	exit 1
fi

# untouched PID: empty if every thread is untraced and not stopped.
untouched()
{
	local f st

	for f in /proc/"$1"/task/*/status; do
		st=$(cat "$f" 2>/dev/null) || continue
		grep -q 'TracerPid:[[:space:]]*0$' <<<"$st" ||
			{ echo "thread ${f#/proc/} still traced"; return; }
		grep -q '^State:[[:space:]]*[tT]' <<<"$st" &&
			{ echo "thread ${f#/proc/} left stopped"; return; }
	done
}

PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
memcached -l 127.0.0.1 -p "$PORT" -U 0 -t 4 -m 32 -u "$(id -un)" >"$TMP/mc.log" 2>&1 &
MCPID=$!
for i in $(seq 100); do
	"$PY" "$HERE/mc_client.py" "$PORT" 0 1 >/dev/null 2>&1 && break
	sleep 0.1
done
NTHREADS=$(ls /proc/$MCPID/task | wc -l)

why=""
requests=0
max_ms=0
for cycle in $(seq "$CYCLES"); do
	"$PY" "$HERE/mc_client.py" "$PORT" 0.8 4 >"$TMP/client" 2>&1 &
	cpid=$!
	sleep 0.1
	set -m
	"$TRACER" -f -p "$MCPID" -o "$TMP/log" 2>"$TMP/err" &
	tpid=$!
	set +m
	for i in $(seq 100); do
		grep -q "attached" "$TMP/err" 2>/dev/null && break
		sleep 0.02
	done
	sleep 0.3
	t0=$(date +%s%N)
	kill -INT "$tpid"
	{ wait "$tpid"; } 2>/dev/null
	trc=$?
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ "$ms" -gt "$max_ms" ] && max_ms=$ms
	why=$(untouched "$MCPID")
	wait "$cpid"
	crc=$?
	if [ -z "$why" ] && ! kill -0 "$MCPID" 2>/dev/null; then
		why="memcached died"
	elif [ -z "$why" ] && [ "$trc" != 130 ]; then
		why="tracer status $trc: $(tr '\n' '|' <"$TMP/err")"
	elif [ -z "$why" ] && ! grep -q "^$NAME: Process $MCPID attached with $NTHREADS threads\$" "$TMP/err"; then
		why="no 'Process $MCPID attached with $NTHREADS threads': $(head -3 "$TMP/err" | tr '\n' '|')"
	elif [ -z "$why" ] && [ "$(grep -c ' detached$' "$TMP/err")" != "$NTHREADS" ]; then
		why="$(grep -c ' detached$' "$TMP/err") 'detached' lines, want $NTHREADS"
	elif [ -z "$why" ] && [ "$crc" != 0 ]; then
		why="client: $(cat "$TMP/client")"
	elif [ -z "$why" ] && ! grep -q 'epoll_wait\|recvfrom\|read(' "$TMP/log"; then
		why="nothing of the server's work in the log"
	fi
	[ -n "$why" ] && { why="cycle $cycle: $why"; break; }
	requests=$((requests + $(sed -n 's/^ok \([0-9]*\) requests$/\1/p' "$TMP/client")))
done
if [ -z "$why" ]; then
	"$PY" "$HERE/mc_client.py" "$PORT" 0.3 2 >"$TMP/client" 2>&1 ||
		why="after the cycles: $(cat "$TMP/client")"
fi
if [ -n "$why" ]; then
	echo "FAIL memcached -t 4 attach/detach x$CYCLES: $why"
	summary 0 1
else
	echo "PASS memcached -t 4 ($NTHREADS threads) attach/detach x$CYCLES under load: $requests requests all answered, never left traced or stopped, detach at most ${max_ms} ms"
	summary 1 0
fi
