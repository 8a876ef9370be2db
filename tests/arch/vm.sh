#!/bin/bash
# vm.sh - boot one of Debian's own kernels (amd64 or arm64) under qemu with
# an initramfs we build, run a test script inside, and get its result files
# back through the serial console.  Sourced by i386.sh and arm64.sh.
#
#   vm_fetch ARCH            kernel + static busybox for ARCH (amd64|arm64)
#                            into $VM_CACHE/ARCH/{Image,busybox}
#   vm_root DIR ARCH         an initramfs tree: busybox, /init, /out
#   vm_copy_elf ROOT FILE    FILE and the shared libraries it loads (ldd),
#                            at the same paths inside ROOT (host x86 only)
#   vm_boot ARCH DIR LOG     pack DIR, boot it, console to LOG; the guest
#                            runs DIR/test.sh, then every file of /out is
#                            printed between markers and the guest powers off
#   vm_extract LOG DEST      the /out files of a console LOG into DEST
#
# Debian packages come through a private apt state (APT::Architecture set,
# lists and caches under $VM_CACHE): nothing global on the machine changes.
# Only the kernel image is taken from the kernel package.  qemu needs no
# terminal and no ROMs (-nodefaults); a guest that panics or whose /init
# dies makes qemu exit at once (panic=-1, -no-reboot); `timeout` is the
# last guard.  qemu's own exit status says nothing about the tests: only
# the markers in the console log do.

VM_CACHE=${FTRACE_ARCH_CACHE:-/tmp/ftrace-c-arch-cache}

vm_die() {
	echo "vm.sh: $*" >&2
	exit 1
}

# vm_apt ARCH ARGS... : apt-get with a private state for ARCH.
vm_apt_opts() {
	local a=$VM_CACHE/$1/apt
	mkdir -p "$a/lists/partial" "$a/archives/partial"
	[ -e "$a/status" ] || : >"$a/status"
	VM_APT=(-o APT::Architecture="$1" -o APT::Architectures::="$1"
		-o Dir::State::Lists="$a/lists" -o Dir::State::status="$a/status"
		-o Dir::Cache="$a" -o Dir::Cache::archives="$a/archives"
		-o Debug::NoLocking=1 -o APT::Sandbox::User=root)
}

# vm_fetch ARCH [EXTRA_DEB...]: kernel, busybox and extra packages (each
# unpacked into $VM_CACHE/ARCH/sysroot) for a Debian ARCH.
vm_fetch() {
	local arch=$1 c=$VM_CACHE/$1 meta v k deb
	shift
	mkdir -p "$c"
	if [ -s "$c/Image" ] && [ -s "$c/busybox" ] && [ -e "$c/sysroot.done" ]; then
		return 0
	fi
	vm_apt_opts "$arch"
	apt-get "${VM_APT[@]}" update -qq || vm_die "apt-get update ($arch) failed"
	# The kernel's package name changes with every ABI bump: resolve it
	# through the meta package each time.
	meta=linux-image-cloud-$arch
	v=$(apt-cache "${VM_APT[@]}" policy "$meta" | awk '/Candidate:/ { print $2 }')
	k=$(apt-cache "${VM_APT[@]}" show "$meta=$v" |
		sed -n 's/^Depends: \(linux-image-[^ ,]*\).*/\1/p' | head -n 1)
	[ -n "$k" ] || vm_die "no kernel package behind $meta"
	rm -rf "$c/debs" && mkdir -p "$c/debs"
	(cd "$c/debs" && apt-get "${VM_APT[@]}" download -qq busybox-static "$k" "$@") ||
		vm_die "apt-get download ($arch) failed"
	dpkg-deb --fsys-tarfile "$c"/debs/linux-image-*.deb |
		tar -x -O --wildcards './boot/vmlinuz-*' >"$c/Image.tmp" ||
		vm_die "no vmlinuz in the kernel package"
	# arm64's vmlinuz is a plain Image (qemu would take a gzip'd one too,
	# but not every version does): unpack it if it ever is compressed.
	if [ "$(head -c2 "$c/Image.tmp" | od -An -tx1 | tr -d ' ')" = 1f8b ]; then
		gunzip -c <"$c/Image.tmp" >"$c/Image" && rm "$c/Image.tmp"
	else
		mv "$c/Image.tmp" "$c/Image"
	fi
	dpkg-deb --fsys-tarfile "$c"/debs/busybox-static_*.deb |
		tar -x -O ./bin/busybox >"$c/busybox" || vm_die "no busybox"
	rm -rf "$c/sysroot" && mkdir -p "$c/sysroot"
	for deb in "$c"/debs/*.deb; do
		case $(basename "$deb") in
		linux-image-*|busybox-static_*) ;;
		*) dpkg-deb -x "$deb" "$c/sysroot" || vm_die "cannot unpack $deb" ;;
		esac
	done
	rm -rf "$c/debs" "$c/apt"
	touch "$c/sysroot.done"
}

vm_root() {
	local r=$1 arch=$2
	rm -rf "$r" && mkdir -p "$r/bin" "$r/proc" "$r/dev" "$r/tmp" "$r/out"
	install -m 755 "$VM_CACHE/$arch/busybox" "$r/bin/busybox"
	ln -s busybox "$r/bin/sh"
	cat >"$r/init" <<'EOF'
#!/bin/sh
# /init (PID 1): run /test.sh, print /out on the console, power off.
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
echo "=== VM-TEST BEGIN $(uname -rm)"
cd /tmp && /bin/sh /test.sh >/out/test.out 2>&1
echo "=== VM-TEST rc=$?"
for f in /out/*; do
	echo "=== VM-FILE ${f#/out/}"
	cat "$f"
	echo
	echo "=== VM-EOF"
done
echo "=== VM-TEST END"
poweroff -f
EOF
	chmod 755 "$r/init"
}

vm_copy_elf() {
	local r=$1 f=$2 lib
	mkdir -p "$r$(dirname "$f")"
	cp -L "$f" "$r$f"
	for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*'); do
		mkdir -p "$r$(dirname "$lib")"
		cp -L "$lib" "$r$lib"
	done
}

vm_boot() {
	local arch=$1 r=$2 log=$3 img=$VM_CACHE/$1/Image q
	local initrd=$r.cpio.gz
	(cd "$r" && find . | cpio -o -H newc -R 0:0 --quiet) | gzip -1 >"$initrd" ||
		vm_die "cannot pack the initramfs"
	case $arch in
	arm64)
		q=(qemu-system-aarch64 -M virt -cpu cortex-a57
		   -append 'console=ttyAMA0 rdinit=/init panic=-1 quiet loglevel=1') ;;
	amd64)
		q=(qemu-system-x86_64 -M pc -cpu qemu64
		   -append 'console=ttyS0 rdinit=/init panic=-1 quiet loglevel=1') ;;
	esac
	rm -f "$log"
	timeout "${VM_TIMEOUT:-300}" "${q[@]}" -smp 1 -m 512 -nodefaults \
		-display none -no-reboot -serial file:"$log" \
		-kernel "$img" -initrd "$initrd" </dev/null
}

# The serial line ends in CR LF; files are printed with one extra newline.
vm_extract() {
	local log=$1 dest=$2
	mkdir -p "$dest"
	tr -d '\r' <"$log" | awk -v d="$dest" '
		/^=== VM-FILE / { f = d "/" $3; printf "" >f; infile = 1; held = 0; next }
		/^=== VM-EOF$/ { infile = 0; close(f); next }
		infile { if (held) print prev >>f; prev = $0; held = 1 }'
}
