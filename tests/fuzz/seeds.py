#!/usr/bin/env python3
"""Write starting inputs for the libFuzzer targets (docs/reliability.md).

usage: tests/fuzz/seeds.py OUTDIR

OUTDIR/fuzz_decode: two records for every number of every arch table,
with a memory image of strings, small numbers and pointers into itself
(the image's fixed address is IMG_BASE in fuzz_decode.c);
OUTDIR/fuzz_options and OUTDIR/fuzz_filter: command lines and values.
`make fuzz` grows these; `make fuzz-merge` keeps what adds coverage.
"""
import os
import random
import struct
import sys

IMG_BASE = 0x30000000
MEM = 1024  # the image repeats this many bytes


def image(rng):
    words = []
    strings = [b"/etc/passwd\0\0\0\0\0", b"hello, world\n\0\0\0",
               b"ls\0-l\0\0\0\0\0\0\0\0\0\0\0", b"\x01\x02\xff\xfe\x7f\0abc\0\0\0\0\0\0\0"]
    for i in range(MEM // 8):
        r = rng.randrange(6)
        if r == 0:
            words.append(struct.pack("<Q", IMG_BASE + 8 * rng.randrange(MEM // 8)))
        elif r == 1:  # two 32-bit pointers, for i386 structs
            words.append(struct.pack("<II", IMG_BASE + 8 * rng.randrange(MEM // 8),
                                     IMG_BASE + 8 * rng.randrange(MEM // 8)))
        elif r == 2:
            words.append(struct.pack("<Q", rng.randrange(16)))
        elif r == 3:
            words.append(struct.pack("<II", rng.randrange(64), rng.randrange(64)))
        elif r == 4:
            words.append(rng.choice(strings)[rng.randrange(2) * 8:][:8].ljust(8, b"\0"))
        else:
            words.append(struct.pack("<Q", rng.getrandbits(64)))
    mem = b"".join(words)
    return strings[0] + mem[16:]


def value(kind, v):
    return bytes([kind]) + struct.pack("<Q", v & (2**64 - 1))


def decode_seeds(out, rng):
    os.makedirs(out, exist_ok=True)
    for arch in range(3):
        for nr in range(451):
            for variant in range(2):
                args = b""
                for i in range(6):
                    if variant == 0:
                        args += value(3, 8 * rng.randrange(MEM // 8))
                    elif i % 2 == 0:
                        args += value(1, rng.choice([0, 1, 2, 3, 4, 16]))
                    else:
                        args += value(3, 8 * rng.randrange(MEM // 8))
                sp = value(3, 512)
                rval = value(1, rng.choice([0, 1, 3, 16]))
                flags = bytes([rng.choice([0, 0, 1, 2])])
                opts = bytes([rng.randrange(256) & 0x07, 0, 0, 17])
                siginfo = struct.pack("<iii", 17, 0, 1) + bytes(116)
                rec = (bytes([arch]) + struct.pack("<H", nr) + args + sp +
                       rval + flags + opts + siginfo + image(rng))
                with open(f"{out}/{arch}-{nr}-{variant}", "wb") as f:
                    f.write(rec)


def netlink_seeds(out):
    # sendto/recvfrom/sendmsg on the netlink fds 10-12 (fuzz_decode.c),
    # x86_64 and i386 (socketcall-free numbers), an nlmsghdr in the image
    nl = struct.pack("<IHHII", 32, 18, 0x301, 1, 0) + bytes(16)
    hdr = struct.pack("<QQQQQQI", IMG_BASE + 192, 12, IMG_BASE + 128, 1, 0, 0, 0)
    img = bytearray(512)
    img[0:32] = nl
    img[64:64 + len(hdr)] = hdr
    img[128:144] = struct.pack("<QQ", IMG_BASE, 32)
    img[192:204] = struct.pack("<HHII", 16, 0, 0, 0)  # sockaddr_nl
    for name, arch, nr, a1 in (("sendto", 0, 44, 0), ("recvfrom", 0, 45, 0),
                               ("sendmsg", 0, 46, 64), ("recvmsg", 0, 47, 64),
                               ("sendto32", 1, 369, 0), ("recvfrom32", 1, 371, 0)):
        for fd in (10, 11, 12, 13, 14):
            args = (value(1, fd) + value(3, a1) + value(1, 32) + value(6, 0) +
                    value(3, 192) + value(1, 12))
            rec = (bytes([arch]) + struct.pack("<H", nr) + args + value(3, 512) +
                   value(1, 32) + bytes([0, 0, 1, 0, 0]) + bytes(128) + bytes(img))
            with open(f"{out}/nl-{name}-{fd}", "wb") as f:
                f.write(rec)


OPTION_LINES = [
    "-f ls", "-ff -o out ls", "-e trace=open,read -s 64 ls",
    "-e trace=%file,!close -e signal=!SIGCHLD ls", "-c -S calls -U name,calls ls",
    "-C -w ls", "-p 1,2 3", "-y -yy -x -xx -X raw ls", "-v -e verbose=none ls",
    "-t -tt -ttt -r -T ls", "--absolute-timestamps=format:unix,precision:ns ls",
    "--relative-timestamps=ms --syscall-times=us ls", "-e status=failed,unfinished -z -Z ls",
    "-e quiet=attach,exit -qqq ls", "-P /tmp -P /etc/passwd ls", "-o |cat -A ls",
    "-E A=1 -E HOME -u root -b execve ls", "--seccomp-bpf -f ls", "--trace=/^open ls",
    "-e raw=all -e abbrev=none -e x=read ls", "--output-separately -o x ls",
    "--summary-columns=time,calls --summary-sort-by=errors -c ls", "--decode-fds ls",
    "-h", "-V", "--help", "--out=x ls", "--follow-forks=1 ls", "-s -1 ls", "-e ls",
    "--descendants -p 1", "-D -i -n ls", "--string-limit=4096 ls",
]

FILTER_TEXTS = {
    0: ["open,read,write", "%file", "!%network,close", "/^(open|read)", "all", "none",
        "?nosuch,42,%process", "file,desc,process", "!!read", "%stat,%%stat,%lstat"],
    1: ["SIGCHLD,SIGUSR1", "!all", "9,15,SIGRTMIN+1", "none", "chld,usr2"],
    2: ["successful,failed", "!unfinished", "all", "none,detached,unavailable"],
    3: ["attach,exit,path-resolution", "!all", "personality,thread-execve", "none"],
    4: ["trace=open", "signal=SIGCHLD", "status=failed", "quiet=attach", "abbrev=none",
        "verbose=!stat", "raw=read", "x=all", "a=none", "t=%file", "read"],
    5: ["calls", "time", "errors", "name", "nothing", "max-time", "avg_time"],
    6: ["time,calls,errors,name", "max-time,min-time,total-time", "bogus"],
    7: ["format:unix,precision:ns", "ms", "us", "ns", "s", "none", "time,precision:ms"],
    8: ["1", "1,2,3", " 42 \t7", "-5", "99999999999", "0x10"],
    9: ["/tmp", "/etc/passwd", "relative/path", "/proc/self/fd/0", ""],
}


def main():
    out = sys.argv[1]
    rng = random.Random(9)
    decode_seeds(f"{out}/fuzz_decode", rng)
    netlink_seeds(f"{out}/fuzz_decode")
    os.makedirs(f"{out}/fuzz_options", exist_ok=True)
    for i, line in enumerate(OPTION_LINES):
        with open(f"{out}/fuzz_options/line-{i}", "wb") as f:
            f.write(line.replace(" ", "\0").encode())
    os.makedirs(f"{out}/fuzz_filter", exist_ok=True)
    for sel, texts in FILTER_TEXTS.items():
        for i, t in enumerate(texts):
            with open(f"{out}/fuzz_filter/{sel}-{i}", "wb") as f:
                f.write(bytes([sel]) + t.encode())


if __name__ == "__main__":
    main()
