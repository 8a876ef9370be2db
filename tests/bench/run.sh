#!/bin/bash
# tests/bench/run.sh: kept for old habits; the benchmark is bench.py
# (`make bench`).  usage: tests/bench/run.sh [FTRACE [ROUNDS]] [bench.py options]
FTRACE=${1:-./ftrace-c}
ROUNDS=${2:-3}
shift 2 2>/dev/null || shift $#
exec python3 "$(dirname "$0")/bench.py" --ftrace "$FTRACE" --rounds "$ROUNDS" "$@"
