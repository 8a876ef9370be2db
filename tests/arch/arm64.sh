#!/bin/bash
# arm64.sh - `make check-arm64`: ftrace-c cross-built for aarch64, run on
# a real aarch64 kernel (Debian's own arm64 kernel under
# qemu-system-aarch64 -M virt -cpu cortex-a57, TCG), with Debian's arm64
# strace next to it as the oracle.
#
# usage: tests/arch/arm64.sh [min_coarse_pct] [min_core_pct]
#
# 1. host packages: gcc-aarch64-linux-gnu, libc6-dev-arm64-cross,
#    qemu-system-arm, cpio (not gcc-multilib: it conflicts with the cross
#    compiler on Debian 12);
# 2. arm64 .debs through a private apt state (tests/arch/vm.sh): kernel,
#    busybox-static, libev (static library for the cross build), uthash,
#    strace and the libraries it loads; cached in $FTRACE_ARCH_CACHE;
# 3. static aarch64 ftrace-c and test programs, an initramfs, one boot;
# 4. in the guest: cases.sh (every program under strace -f -o and
#    ftrace-c -f -o) and guest-checks.sh (exit statuses, log grammar and
#    [pid N] prefixes, expected lines); the logs come back over the serial
#    console and the host compares them with tests/diff/normalize.py.
# Prints "N passed, N failed"; exit 0 pass, 1 fail, 77 skip.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MIN_COARSE=${1:-0}
MIN_CORE=${2:-0}
OUT=${ARCH_OUT:-$ROOT/build/arch/arm64}
. "$HERE/vm.sh"
export DEBIAN_FRONTEND=noninteractive
ms() { echo $(( $(date +%s%N) / 1000000 )); }
T0=$(ms)

missing=()
for p in gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-system-arm cpio; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "installing: ${missing[*]}"
	{ apt-get -o DPkg::Lock::Timeout=600 update -qq &&
	  apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
		--no-install-recommends "${missing[@]}" >/dev/null; } ||
		{ echo "SKIP: cannot install ${missing[*]}"; exit 77; }
fi
vm_fetch arm64 libev-dev libev4 uthash-dev strace libunwind8 liblzma5 ||
	{ echo "SKIP: cannot download Debian's arm64 packages"; exit 77; }
T1=$(ms)

SYS=$VM_CACHE/arm64/sysroot
CC=aarch64-linux-gnu-gcc
R=$OUT/root
BIN=/progs
LOGS=$OUT/logs
rm -rf "$OUT" && mkdir -p "$OUT" "$LOGS" || exit 1
vm_root "$R" arm64
mkdir -p "$R$BIN" "$R/lib/aarch64-linux-gnu" "$R/usr/bin"
# libev.a and ev.h from the arm64 package; static, so the guest needs no
# libraries for ftrace-c itself.
# The project's own Makefile with the cross compiler, in a build dir of
# its own that survives between runs (only changed files are rebuilt).
XB=$ROOT/build/arm64-cross
make -s -C "$ROOT" -j2 CC=$CC BUILD="$XB" BIN="$XB/ftrace-c" \
	CFLAGS="-O2 -g -std=gnu11 -Wall -Wextra -Werror" LDFLAGS=-static \
	CPPFLAGS="-D_GNU_SOURCE -Iinclude -Isrc -isystem $SYS/usr/include" \
	LDLIBS="-L$SYS/usr/lib/aarch64-linux-gnu -lev" "$XB/ftrace-c" 2>&1 | tail -n 30
cp "$XB/ftrace-c" "$R/ftrace-c" 2>/dev/null
[ -x "$R/ftrace-c" ] || { echo "FAIL: cross build of ftrace-c"; echo "0 passed, 1 failed"; exit 1; }
for src in "$ROOT"/test_programs/*.c "$HERE"/progs/*.c; do
	$CC -static -std=gnu11 -O2 -Wall -Wextra -Werror -pthread \
		-o "$R$BIN/$(basename "$src" .c)" "$src" || exit 1
done
rm -f "$R$BIN/busy_threads"
# strace is dynamic: its libraries and the loader at their usual paths
cp "$SYS/usr/bin/strace" "$R/usr/bin/strace"
cp -L /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 "$R/lib/"
cp -L /usr/aarch64-linux-gnu/lib/libc.so.6 /usr/aarch64-linux-gnu/lib/libgcc_s.so.1 \
	"$SYS"/usr/lib/aarch64-linux-gnu/libunwind*.so.* \
	"$SYS"/lib/aarch64-linux-gnu/liblzma.so.5* "$R/lib/aarch64-linux-gnu/" 2>/dev/null
cp "$HERE/cases.sh" "$HERE/guest-checks.sh" "$ROOT/tests/integration/check_log.awk" "$R/"
cat >"$R/test.sh" <<'GUEST'
sh /cases.sh /usr/bin/strace /ftrace-c /progs /out
sh /guest-checks.sh /progs /out /check_log.awk >/out/guest-checks
GUEST
T2=$(ms)
vm_boot arm64 "$R" "$OUT/console.log"
T3=$(ms)
vm_extract "$OUT/console.log" "$LOGS"
if ! grep -q '^=== VM-TEST END' "$OUT/console.log"; then
	tail -n 30 "$OUT/console.log"
	echo "FAIL: the arm64 VM did not finish (console: $OUT/console.log)"
	echo "0 passed, 1 failed"
	exit 1
fi
tr -d '\r' <"$OUT/console.log" | sed -n 's/^=== VM-TEST BEGIN /guest kernel: /p'

items=()
while read -r n; do
	items+=("arm64 $n" "$LOGS/$n.A.log" "$LOGS/$n.B.log")
done <"$LOGS/cases"
python3 "$ROOT/tests/diff/normalize.py" report --min-coarse "$MIN_COARSE" \
	--min-core "$MIN_CORE" --syscalls 10 --diff-out "$OUT/diffs.txt" \
	--summary-out "$OUT/summary" "${items[@]}"
status=$?
read -r passed failed <"$OUT/summary" || { passed=0; failed=1; status=1; }
grep -E '^(PASS|FAIL)' "$LOGS/guest-checks" | grep -v '^PASS' 
p=$(grep -c '^PASS' "$LOGS/guest-checks") f=$(grep -c '^FAIL' "$LOGS/guest-checks")
echo "guest checks: $p passed, $f failed"
[ "$f" -eq 0 ] && [ "$p" -gt 0 ] || status=1
T4=$(ms)
echo "arm64 timings (ms): packages+downloads=$((T1 - T0)) build=$((T2 - T1))" \
	"qemu boot+tests=$((T3 - T2)) compare=$((T4 - T3))"
echo "$((passed + p)) passed, $((failed + f)) failed"
exit $status
