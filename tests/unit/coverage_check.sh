#!/bin/sh
# coverage_check.sh - fail when a decoder or a flag table has no unit test.
#
#   tests/unit/coverage_check.sh [srcdir]      (run by make check-unit)
#
# Decoders: every decoder named in the last column of src/syscalls.def must
# be run by a test, i.e. some syscall whose row names it must appear as
# the first argument of a harness call (DH("name", ...), dh_entry(...),
# dh_entry_text(...), dh_syscall(...), or DH_COVERS(...) for a decoder
# reached another way) in tests/unit/test_decode_*.c.
# Generic rows (decoder NULL): every argument letter they use must be run
# through at least one generic syscall having that letter.
# Tables: every "static const struct xlat NAME" in src/decode/*.c must be
# walked entry by entry by XLAT_CHECK(NAME, ...) (tests/unit/xlat_check.h)
# in a test file that includes that decoder file; every generated table in
# src/xlat/ must be included (and walked) by a test.
set -u
top=${1:-.}
def=$top/src/syscalls.def
tests=$(ls "$top"/tests/unit/test_decode_*.c)
fail=0

# Rows, one per line: name _args decoder (rows may span two lines; the
# "_" keeps an empty argument list a field).
rows=$(awk '/^SYSCALL\(/ { row = $0; while (row !~ /\)[ \t]*$/ && (getline l) > 0) row = row " " l; print row }' "$def" |
	sed -n -e "s/^SYSCALL(//" -e 's/^[a-z0-9_]*, *"\([a-z0-9_]*\)", *"\([a-zA-Z]*\)",.*, *\([a-zA-Z0-9_]*\)) *$/\1 _\2 \3/p')

called=$(grep -ohE '\b(DH|DH_COVERS|dh_entry|dh_entry_text|dh_syscall)\("[a-z0-9_]+"' $tests |
	sed 's/.*("//; s/"$//' | sort -u)

is_called() {
	printf '%s\n' "$called" | grep -qx "$1"
}

ndec=0
for d in $(printf '%s\n' "$rows" | awk '$3 != "NULL" {print $3}' | sort -u); do
	ndec=$((ndec + 1))
	ok=0
	for n in $(printf '%s\n' "$rows" | awk -v d="$d" '$3 == d {print $1}'); do
		if is_called "$n"; then ok=1; break; fi
	done
	if [ $ok = 0 ]; then
		echo "coverage_check: decoder $d has no test (no DH(\"<syscall>\") of a syscall using it)"
		fail=1
	fi
done

letters=$(printf '%s\n' "$rows" | awk '$3 == "NULL" {print $2}' | fold -w1 | grep -v _ | sort -u)
for l in $letters; do
	ok=0
	for n in $(printf '%s\n' "$rows" | awk -v l="$l" '$3 == "NULL" && index($2, l) {print $1}'); do
		if is_called "$n"; then ok=1; break; fi
	done
	if [ $ok = 0 ]; then
		echo "coverage_check: generic argument letter '$l' has no test"
		fail=1
	fi
done

ntab=0
for f in "$top"/src/decode/*.c; do
	base=$(basename "$f")
	users=$(grep -l "#include \"decode/$base\"" $tests 2>/dev/null)
	for t in $(sed -n 's/^static const struct xlat \([a-z0-9_]*\) *=.*/\1/p' "$f"); do
		ntab=$((ntab + 1))
		if [ -z "$users" ] || ! grep -qE "XLAT_CHECK\($t\b" $users; then
			echo "coverage_check: table $t ($base) is not walked by XLAT_CHECK in a test including decode/$base"
			fail=1
		fi
	done
done

# Generated tables (src/xlat/*.h): a test must include and walk each.
for h in "$top"/src/xlat/*.h; do
	base=$(basename "$h")
	ntab=$((ntab + 1))
	if ! grep -q "#include \"xlat/$base\"" $tests; then
		echo "coverage_check: generated table xlat/$base is not included by a test_decode_*.c"
		fail=1
	fi
done

[ $fail = 0 ] && echo "coverage_check: $ndec decoders, generic letters [$(echo $letters | tr -d ' ')], $ntab tables: all tested"
exit $fail
