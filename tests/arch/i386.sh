#!/bin/bash
# i386.sh - `make check-i386`: the test programs and tests/arch/progs built
# with `gcc -m32`, traced by the native (x86_64) ftrace-c and by strace,
# normalized and compared with tests/diff/normalize.py.
#
# usage: tests/arch/i386.sh FTRACE_C [min_coarse_pct] [min_core_pct]
#
# Where the i386 programs run:
#   - on this kernel, when it can execute i386 programs (IA32 emulation);
#   - otherwise in a small amd64 VM: Debian's own amd64 kernel under
#     qemu-system-x86_64 (TCG) with an initramfs holding busybox, strace,
#     ftrace-c and the programs (tests/arch/vm.sh);
#   - neither: exit 77 with the reason.
# Exit status: 0 pass, 1 fail, 77 skip.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
FTRACE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
MIN_COARSE=${2:-0}
MIN_CORE=${3:-0}
OUT=${ARCH_OUT:-$ROOT/build/arch/i386}
BIN=$OUT/bin
LOGS=$OUT/logs
. "$HERE/vm.sh"
export DEBIAN_FRONTEND=noninteractive
t0=$(date +%s%N)

need() {
	local p missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "installing: ${missing[*]}"
	apt-get -o DPkg::Lock::Timeout=600 update -qq &&
		apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
			--no-install-recommends "${missing[@]}" >/dev/null
}

# Not gcc-multilib: on Debian 12 it conflicts with the aarch64 cross
# compiler.  The two lib32 packages are all `gcc -m32` needs.
need libc6-dev-i386 lib32gcc-12-dev strace ||
	{ echo "SKIP: cannot install libc6-dev-i386 lib32gcc-12-dev"; exit 77; }

# Debian ships no 32-bit <asm/*.h>; the x86 uapi asm headers serve both.
M32=(-m32 -idirafter /usr/include/x86_64-linux-gnu)
rm -rf "$OUT" && mkdir -p "$BIN" "$LOGS" || exit 1
for src in "$ROOT"/test_programs/*.c "$HERE"/progs/*.c; do
	gcc "${M32[@]}" -std=gnu11 -O2 -Wall -Wextra -Werror -pthread \
		-o "$BIN/$(basename "$src" .c)" "$src" || exit 1
done
gcc -std=gnu11 -O2 -Wall -Wextra -Werror -o "$BIN/proc32.64" "$HERE/progs/proc32.c" || exit 1
gcc "${M32[@]}" -static -O2 -o "$OUT/probe" -x c - <<<'int main(void) { return 7; }' || exit 1
t1=$(date +%s%N)

"$OUT/probe" >/dev/null 2>&1
if [ $? -eq 7 ]; then
	where="this kernel"
	bash "$HERE/cases.sh" strace "$FTRACE" "$BIN" "$LOGS"
else
	# The kernel refuses i386 programs (ENOEXEC): no IA32 emulation, or
	# it was turned off.  Run them under a kernel that has it.
	where="an amd64 VM (this kernel cannot execute i386 programs)"
	need qemu-system-x86 cpio ||
		{ echo "SKIP: this kernel cannot run i386 programs and qemu-system-x86 cannot be installed"; exit 77; }
	vm_fetch amd64 || exit 1
	R=$OUT/root
	vm_root "$R" amd64
	vm_copy_elf "$R" "$(command -v strace)"
	vm_copy_elf "$R" /usr/bin/env
	# Fixed guest paths: the guest mounts a tmpfs on /tmp, where a clone
	# (CI) may live, and a relative ./ftrace-c means nothing there.
	cp -L "$FTRACE" "$R/ftrace-c"
	for lib in $(ldd "$FTRACE" 2>/dev/null | grep -o '/[^ ]*'); do
		mkdir -p "$R$(dirname "$lib")"
		cp -L "$lib" "$R$lib"
	done
	mkdir -p "$R/usr/lib32" "$R/lib" "$R/progs"
	cp -L /usr/lib32/ld-linux.so.2 /usr/lib32/libc.so.6 "$R/usr/lib32/"
	ln -s /usr/lib32/ld-linux.so.2 "$R/lib/ld-linux.so.2"
	cp "$BIN"/* "$R/progs/"
	cp "$HERE/cases.sh" "$R/"
	printf 'sh /cases.sh %s /ftrace-c /progs /out\n' \
		"$(command -v strace)" >"$R/test.sh"
	vm_boot amd64 "$R" "$OUT/console.log"
	vm_extract "$OUT/console.log" "$LOGS"
	if ! grep -q '^=== VM-TEST END' "$OUT/console.log"; then
		tail -n 30 "$OUT/console.log"
		echo "FAIL: the amd64 VM did not finish (console: $OUT/console.log)"
		exit 1
	fi
fi
t2=$(date +%s%N)
echo "i386 programs ran on $where"

items=()
while read -r n; do
	items+=("i386 $n" "$LOGS/$n.A.log" "$LOGS/$n.B.log")
done <"$LOGS/cases"
[ ${#items[@]} -gt 0 ] || { echo "FAIL: no case ran"; exit 1; }
python3 "$ROOT/tests/diff/normalize.py" report --min-coarse "$MIN_COARSE" \
	--min-core "$MIN_CORE" --syscalls 15 --diff-out "$OUT/diffs.txt" \
	--summary-out "$OUT/summary" "${items[@]}"
status=$?
read -r passed failed <"$OUT/summary" || { passed=0; failed=1; status=1; }

# The personality lines: the same sequence as strace's on stderr (pids
# as "N"), and also present in ftrace-c's -o file, where strace has none.
modes() {
	sed -n 's/^\(\[pid *[0-9]*\] \)\{0,1\}\(\[ Process PID=\)[0-9]*\( runs in .* mode\. \]\)$/\2N\3/p' "$1"
}
for n in switch switch_child; do
	a=$(modes "$LOGS/$n.A.err") b=$(modes "$LOGS/$n.B.err") o=$(modes "$LOGS/$n.B.log")
	if [ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" = "$o" ]; then
		passed=$((passed + 1))
		echo "ok:   $n: personality lines as strace's ($(echo "$a" | grep -c .) lines), also in -o"
	else
		failed=$((failed + 1)); status=1
		printf 'FAIL: %s: personality lines differ\n strace:\n%s\n ftrace-c:\n%s\n ftrace-c -o:\n%s\n' \
			"$n" "$a" "$b" "$o"
	fi
done
t3=$(date +%s%N)
echo "i386: build $(( (t1 - t0) / 1000000 )) ms, traced runs $(( (t2 - t1) / 1000000 )) ms," \
	"compare $(( (t3 - t2) / 1000000 )) ms"
echo "$passed passed, $failed failed"
exit $status
