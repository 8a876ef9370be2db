#!/usr/bin/env python3
"""tests/bench/bench.py: ftrace-c against native, strace and the floor
tracers (floor.c), interleaved in one run.

Every (workload, tracer) pair runs once per round; the order of the
tracers rotates from round to round, and a warm-up round (not counted)
comes first, so that slow drift of the machine's load spreads over all
tracers alike.  Reported: median, min and max wall time, and the ratios
of the medians to native and to strace, for full tracing (-f -o FILE)
and for filtered tracing (-f --seccomp-bpf -e trace=%process -o FILE),
with the whole tree pinned to CPU 0 (taskset -c 0) and unpinned.  Then
the peak memory of the tracer for a live 300-process tree and the cost
per stop with 1..1000 tracees.  See docs/performance.md.

usage: tests/bench/bench.py [--ftrace ./ftrace-c] [--rounds 3] [--out FILE]
       [--quick] [--threads 1,2,4,8,16] [--syscalls 100000] [--jobs 300]
       [--units 20] [--pkg zlib] [--no-build] [--pin both|pinned|unpinned]
       [--only WORKLOAD,...] [--no-memory] [--no-scaling]
       [--pinned-threads 1,8] [--pinned-build] [--scaling-rounds 1]
By default the storms with 1 and 8 threads and the smaller workloads run
both pinned and unpinned, the real build only unpinned (make -j2 on one
CPU says little), to stay near 15 minutes on a quiet 2-CPU machine.
Environment: BENCH_CACHE (default /tmp/ftrace-c-bench-cache) holds the
downloaded source package between runs.  Only the standard library.
"""
import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.environ.get("BENCH_CACHE", "/tmp/ftrace-c-bench-cache")
PROCESS = ["-e", "trace=%process"]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def cc(out, src, *extra):
    subprocess.run(["cc", "-std=gnu11", "-O2", "-o", out,
                    os.path.join(HERE, src)] + list(extra), check=True)


# --- workloads --------------------------------------------------------------

def make_headers(root, ndirs=16, nheaders=400):
    """An include path of ndirs directories; header i lives in directory
    i % ndirs only, so finding it costs that many ENOENT probes."""
    names = []
    for d in range(ndirs):
        os.makedirs(os.path.join(root, "inc%d" % d), exist_ok=True)
    for i in range(nheaders):
        name = "h%03d.h" % i
        names.append(name)
        with open(os.path.join(root, "inc%d" % (i % ndirs), name), "w") as f:
            f.write(("/* header %d */\n#define H%d %d\n" % (i, i, i)) * 40)
    with open(os.path.join(root, "headers"), "w") as f:
        f.write("\n".join(names) + "\n")


def make_jobs_makefile(path, jobs):
    """A Makefile of `jobs` independent recipes, each one fork+exec of
    /bin/true (no shell: make execs simple commands itself)."""
    with open(path, "w") as f:
        f.write("all: %s\n" % " ".join("j%d" % i for i in range(jobs)))
        f.write(".PHONY: all %s\n" % " ".join("j%d" % i for i in range(jobs)))
        for i in range(jobs):
            f.write("j%d:\n\t@/bin/true j%d\n" % (i, i))


def apt_opts():
    d = os.path.join(CACHE, "apt")
    return ["-o", "Dir::Etc::SourceList=%s/sources.list" % d,
            "-o", "Dir::Etc::SourceParts=/nonexistent",
            "-o", "Dir::State::Lists=%s/lists" % d,
            "-o", "Dir::Cache=%s/cache" % d,
            "-o", "Debug::NoLocking=1", "-q"]


def fetch_source(pkg):
    """The orig tarball of Debian source package pkg, from the cache or
    through apt-get source with a private deb-src list.  None if apt or
    the network cannot give it."""
    src = os.path.join(CACHE, "src")

    def found():
        if not os.path.isdir(src):
            return None
        for n in sorted(os.listdir(src)):
            if n.startswith(pkg + "_") and ".orig.tar." in n and \
                    not n.endswith(".asc"):
                return os.path.join(src, n)
        return None

    if found():
        return found()
    if not shutil.which("apt-get"):
        return None
    d = os.path.join(CACHE, "apt")
    for sub in ("lists/partial", "cache/archives/partial"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(d, "sources.list"), "w") as f:
        f.write("deb-src http://deb.debian.org/debian bookworm main\n")
    try:
        subprocess.run(["apt-get"] + apt_opts() + ["update"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300)
        subprocess.run(["apt-get"] + apt_opts() +
                       ["source", "--download-only", pkg], cwd=src,
                       check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
    except (subprocess.SubprocessError, OSError):
        return None
    return found()


class Workload:
    def __init__(self, key, name, argv, prepare=None, cwd=None, pinned=True):
        self.key, self.name, self.argv = key, name, argv
        self.prepare, self.cwd, self.pinned = prepare, cwd, pinned


def build_workloads(args, tmp):
    w = []
    bins = os.path.join(tmp, "bin")
    os.makedirs(bins)
    cc(os.path.join(bins, "syscalls"), "syscalls.c", "-pthread")
    for t in args.threads:
        w.append(Workload("storm%d" % t,
                          "%dk getppid, %d thread%s" %
                          (args.syscalls // 1000, t, "s" if t > 1 else ""),
                          [os.path.join(bins, "syscalls"),
                           str(args.syscalls), str(t)],
                          pinned=t in args.pinned_threads))
    cc(os.path.join(bins, "hdrsearch"), "hdrsearch.c")
    hdr = os.path.join(tmp, "headers")
    make_headers(hdr)
    w.append(Workload("headers",
                      "header search, %d units x 400 headers x 16 dirs" %
                      args.units,
                      [os.path.join(bins, "hdrsearch"), hdr,
                       str(args.units)]))
    mk = os.path.join(tmp, "jobs.mk")
    make_jobs_makefile(mk, args.jobs)
    w.append(Workload("forkexec", "%d fork+exec jobs, make -j2" % args.jobs,
                      ["make", "-s", "-j2", "-f", mk]))
    if args.build:
        tarball = fetch_source(args.pkg)
        if not tarball:
            log("bench: real build skipped: could not get the %s source "
                "package (apt-get source with a deb-src line; network?)"
                % args.pkg)
        else:
            tree = os.path.join(tmp, "build")

            def unpack(tree=tree, tarball=tarball):
                shutil.rmtree(tree, ignore_errors=True)
                os.makedirs(tree)
                subprocess.run(["tar", "-C", tree, "-xf", tarball],
                               check=True)
                top = os.listdir(tree)
                return os.path.join(tree, top[0])
            w.append(Workload("build",
                              "configure + make -j2 of %s" %
                              os.path.basename(tarball).split(".orig")[0],
                              ["sh", "-c", "./configure && make -j2"],
                              prepare=unpack, pinned=args.pinned_build))
    if args.only:
        w = [x for x in w if x.key in args.only]
    return w, bins


# --- tracers ----------------------------------------------------------------

def tracers(args, floor, logf):
    """name -> argv prefix; None is native."""
    ft = os.path.abspath(args.ftrace)
    return [
        ("native", []),
        ("strace", ["strace", "-f", "-o", logf]),
        ("floor", [floor]),
        ("floor-info", [floor, "-i"]),
        ("ftrace-c", [ft, "-f", "-o", logf]),
        ("strace-seccomp", ["strace", "-f", "--seccomp-bpf"] + PROCESS +
         ["-o", logf]),
        ("floor-seccomp", [floor, "-s", "-i"]),
        ("ftrace-c-seccomp", [ft, "-f", "--seccomp-bpf"] + PROCESS +
         ["-o", logf]),
    ]


def run_once(argv, cwd=None, timeout=1800):
    """Wall seconds of argv, or None if it failed."""
    t0 = time.perf_counter()
    p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    # Popen.wait(timeout=) polls with sleeps of up to 50 ms, which would
    # round every short run up to the next poll: wait blocking, and let a
    # timer kill a run that hangs.
    expired = []

    def kill():
        expired.append(True)
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        rc = p.wait()
    finally:
        timer.cancel()
    t1 = time.perf_counter()
    return (t1 - t0) if rc == 0 and not expired else None


def measure(args, workloads, tlist, pins):
    """results[(pin, workload key, tracer)] = [seconds, ...]"""
    res = {}
    total = sum(len(tlist) * args.rounds for pin in pins for wl in workloads
                if pin == "unpinned" or wl.pinned)
    done = 0
    for rnd in range(-1 if args.warmup else 0, args.rounds):
        for pin in pins:
            for wl in workloads:
                if rnd < 0 and wl is not workloads[0]:
                    continue    # the warm-up round: the first workload only
                if pin == "pinned" and not wl.pinned:
                    continue
                k = (rnd + len(workloads)) % len(tlist)
                order = tlist[k:] + tlist[:k]
                if rnd >= 0 and rnd % 2:
                    order.reverse()
                for name, prefix in order:
                    cwd = wl.prepare() if wl.prepare else wl.cwd
                    argv = (["taskset", "-c", "0"] if pin == "pinned"
                            else []) + prefix + wl.argv
                    t = run_once(argv, cwd)
                    if rnd < 0:
                        continue
                    done += 1
                    res.setdefault((pin, wl.key, name), []).append(t)
                    if t is None:
                        log("bench: failed: %s" % " ".join(argv))
            log("bench: round %d %s done (%d/%d runs)" %
                (rnd, pin, done, total))
    return res


def med(v):
    v = [x for x in v if x is not None]
    return statistics.median(v) if v else None


def fmt_ratio(a, b):
    return "%.2f" % (a / b) if a and b else "n/a"


def table(res, pins, workloads, tlist, rounds):
    out = []
    for pin in pins:
        out.append("\n### %s (%s), median of %d, x native\n" %
                   ("pinned: tracer and tracee on CPU 0" if pin == "pinned"
                    else "unpinned", pin, rounds))
        out.append("| workload | native ms | strace -f | floor | floor + "
                   "GET_SYSCALL_INFO | **ftrace-c -f** | ftrace-c / floor+info"
                   " | ftrace-c / strace | strace --seccomp-bpf %process | "
                   "seccomp floor | **ftrace-c --seccomp-bpf %process** | "
                   "ftrace-c / strace (seccomp) |")
        out.append("|---" * 12 + "|")
        for wl in workloads:
            if pin == "pinned" and not wl.pinned:
                continue
            m = {n: med(res.get((pin, wl.key, n), [])) for n, _ in tlist}
            nat = m["native"]
            out.append("| %s | %s | %s | %s | %s | **%s** | %s | %s | %s | %s"
                       " | **%s** | %s |" % (
                           wl.name, "%.1f" % (nat * 1e3) if nat else "n/a",
                           fmt_ratio(m["strace"], nat),
                           fmt_ratio(m["floor"], nat),
                           fmt_ratio(m["floor-info"], nat),
                           fmt_ratio(m["ftrace-c"], nat),
                           fmt_ratio(m["ftrace-c"], m["floor-info"]),
                           fmt_ratio(m["ftrace-c"], m["strace"]),
                           fmt_ratio(m["strace-seccomp"], nat),
                           fmt_ratio(m["floor-seccomp"], nat),
                           fmt_ratio(m["ftrace-c-seccomp"], nat),
                           fmt_ratio(m["ftrace-c-seccomp"],
                                     m["strace-seccomp"])))
    out.append("\n### every run: median [min .. max] ms, failed runs\n")
    out.append("| pin | workload | tracer | median | min | max | n | failed |")
    out.append("|---" * 8 + "|")
    for pin in pins:
        for wl in workloads:
            for n, _ in tlist:
                v = res.get((pin, wl.key, n), [])
                ok = [x for x in v if x is not None]
                if not v:
                    continue
                out.append("| %s | %s | %s | %s | %s | %s | %d | %d |" % (
                    pin, wl.key, n,
                    "%.1f" % (med(ok) * 1e3) if ok else "n/a",
                    "%.1f" % (min(ok) * 1e3) if ok else "n/a",
                    "%.1f" % (max(ok) * 1e3) if ok else "n/a",
                    len(ok), len(v) - len(ok)))
    return out


# --- peak memory ------------------------------------------------------------

def peak_rss_kb(argv):
    """Highest VmHWM of the process started with argv (the tracer itself,
    not its tracees: wait4's rusage would mix those in)."""
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    path = "/proc/%d/status" % p.pid
    while p.poll() is None:
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.02)
    return peak


def memory(args, logf):
    tree = ["sh", "-c", "for i in $(seq 300); do sleep 3 & done; wait"]
    rows = ["\n### peak memory of the tracer, 300 live processes "
            "(sh starting 300 `sleep 3` at once), VmHWM kB\n",
            "| tracer | peak kB |", "|---|---|"]
    for name, argv in (("strace -f", ["strace", "-f", "-o", logf]),
                       ("ftrace-c -f", [os.path.abspath(args.ftrace), "-f",
                                        "-o", logf])):
        v = [peak_rss_kb(argv + tree) for _ in range(2)]
        rows.append("| %s | %d |" % (name, max(v)))
    return rows


# --- scaling ----------------------------------------------------------------

def scaling(args, floor, logf, tmp):
    exe = os.path.join(tmp, "bin", "scaling")
    cc(exe, "scaling.c", "-pthread")
    ft = os.path.abspath(args.ftrace)
    rows = ["\n### cost per syscall (two stops) with N tracees, ns, "
            "median of %d\n" % args.rounds,
            "idle: N-1 threads blocked in read(2), one thread makes "
            "20000 getppid; active: N threads share 20000 getppid.\n",
            "| mode | N | native | floor + info | strace -f | ftrace-c -f |",
            "|---|---|---|---|---|---|"]
    for mode in ("idle", "active"):
        for n in (1, 10, 100, 1000):
            cells = []
            for prefix in ([], [floor, "-i"], ["strace", "-f", "-o", logf],
                           [ft, "-f", "-o", logf]):
                v = []
                for _ in range(args.scaling_rounds):
                    r = subprocess.run(prefix + [exe, mode, str(n), "20000"],
                                       stdout=subprocess.PIPE,
                                       stderr=subprocess.DEVNULL, text=True)
                    for line in r.stdout.splitlines():
                        if line.startswith("ns_per_syscall"):
                            v.append(float(line.split()[1]))
                cells.append("%.0f" % statistics.median(v) if v else "n/a")
            rows.append("| %s | %d | %s |" % (mode, n, " | ".join(cells)))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ftrace", default="./ftrace-c")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--out", default="build/bench-results.md")
    ap.add_argument("--threads", default="1,2,4,8,16")
    ap.add_argument("--pinned-threads", default="1,8",
                    help="storms also run pinned (default 1,8)")
    ap.add_argument("--pinned-build", action="store_true",
                    help="the real build also pinned (long)")
    ap.add_argument("--scaling-rounds", type=int, default=1)
    ap.add_argument("--syscalls", type=int, default=100000)
    ap.add_argument("--jobs", type=int, default=300)
    ap.add_argument("--units", type=int, default=20)
    ap.add_argument("--pkg", default="zlib")
    ap.add_argument("--no-build", dest="build", action="store_false")
    ap.add_argument("--no-warmup", dest="warmup", action="store_false")
    ap.add_argument("--pin", default="both",
                    choices=("both", "pinned", "unpinned"))
    ap.add_argument("--only", default="")
    ap.add_argument("--no-memory", dest="mem", action="store_false")
    ap.add_argument("--no-scaling", dest="scale", action="store_false")
    ap.add_argument("--quick", action="store_true",
                    help="1 round, 20k syscalls, T=1,8, 100 jobs, no build")
    args = ap.parse_args()
    if args.quick:
        args.rounds, args.syscalls, args.threads = 1, 20000, "1,8"
        args.jobs, args.units, args.build = 100, 5, False
    args.threads = [int(x) for x in args.threads.split(",") if x]
    args.pinned_threads = [int(x) for x in args.pinned_threads.split(",")
                           if x]
    args.only = [x for x in args.only.split(",") if x]
    pins = ["pinned", "unpinned"] if args.pin == "both" else [args.pin]
    for tool in ("strace", "taskset", "make", "cc"):
        if not shutil.which(tool):
            sys.exit("bench: %s is needed" % tool)
    if not os.access(args.ftrace, os.X_OK):
        sys.exit("bench: %s: no such executable (make first)" % args.ftrace)
    for k in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):
        os.environ.pop(k, None)

    tmp = tempfile.mkdtemp(prefix="ftrace-bench.")
    try:
        floor = os.path.join(tmp, "floor")
        cc(floor, "floor.c")
        logf = os.path.join(tmp, "trace.log")
        workloads, _ = build_workloads(args, tmp)
        tlist = tracers(args, floor, logf)
        t0 = time.time()
        res = measure(args, workloads, tlist, pins)
        out = ["# ftrace-c benchmark, %s" % time.strftime("%Y-%m-%d %H:%M"),
               "",
               "%s; %d CPUs; load average at start %s; %d rounds after a "
               "warm-up round, tracer order rotated per round." % (
                   os.uname().release, os.cpu_count(),
                   " ".join("%.2f" % x for x in os.getloadavg()),
                   args.rounds)]
        out += table(res, pins, workloads, tlist, args.rounds)
        if args.mem:
            out += memory(args, logf)
        if args.scale:
            out += scaling(args, floor, logf, tmp)
        out.append("\n(%.0f s)" % (time.time() - t0))
        text = "\n".join(out) + "\n"
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(text)
        print(text)
        log("bench: results in %s" % args.out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
