#!/usr/bin/env python3
"""Normalize and compare two `-f -o FILE` syscall logs (strace 6.1 or ftrace-c).

A log is split into one stream per traced process. Split syscalls
(`<unfinished ...>` / `<... NAME resumed>`) are joined back into one logical
line, processes get scheduling-independent names (P1 is the first process; a
child is its parent's name plus the ordinal of the fork-like call in the
parent that returned its pid: P1.2 is P1's second child), pid numbers inside
lines are replaced by those names, and everything that changes from run to
run (addresses, random bytes, timing, temp file names) is masked.

Two levels of comparison per canonical process, both with an edit-distance
alignment (difflib.SequenceMatcher, no junk heuristic):
  full   - the whole normalized line;
  coarse - syscall name + return value (+ errno name), and event lines
           (`--- SIGNAME ---`, `+++ exited with N +++`, ...);
  core   - the whole line, but only for event lines and the syscalls that
           ftrace-c decodes completely with its generic argument kinds
           (read from src/syscalls.def: only ints, fds, sizes, paths,
           strings and buffers; or a named custom decoder).  This is
           "same text for what is decoded", while flag and struct decoders
           are still being written.
A rate is 2 * matched / (lines in A + lines in B), as a percentage.

Sub-commands:
  normalize LOG [--coarse]    print the normalized streams (debugging aid)
  compare A B                 per-process rates and first differences
  report [options] NAME A B [NAME A B ...]
                              the table used by run.sh: one check per NAME
                              (coarse >= --min-coarse), totals checked against
                              --min-full/--min-coarse; exit status 1 if any
                              check fails. A file LOG.status, if present,
                              holds the tracer's exit status for the table.
                              --syscalls N adds the per-syscall table (the N
                              syscalls with most lines of A not identical in
                              B) and the shares of the required syscalls.
Python 3 standard library only.
"""

import argparse
import difflib
import os
import re
import sys

SYSCALLS_DEF = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            '..', '..', 'src', 'syscalls.def')
CORE_KINDS = set('dlufasSbBZ')


def load_core_names(path=SYSCALLS_DEF):
    """Names whose every argument is printed exactly by the generic kinds."""
    names = set()
    row = re.compile(r'^SYSCALL\(\s*\w+\s*,\s*"([^"]+)"\s*,\s*"([^"]*)"'
                     r'\s*,\s*\w+\s*,[^,]*,\s*(\w+)\s*\)')
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        # rows may be wrapped: rejoin continuation lines first
        text = re.sub(r',\s*\n\s*', ', ', text)
        for line in text.split('\n'):
            m = row.match(line.strip())
            if m:
                name, kinds, dec = m.groups()
                if dec != 'NULL' or set(kinds) <= CORE_KINDS:
                    names.add(name)
    except OSError:
        pass
    # No arguments in the kernel, but strace decodes the signal frame.
    names -= {'rt_sigreturn', 'sigreturn'}
    return names


CORE_NAMES = load_core_names()

# ---------------------------------------------------------------- parsing

# `[pid  123] ` (ftrace-c, strace on a terminal) or `123  ` (strace -f -o).
PREFIX_RE = re.compile(r'^(?:\[pid\s+(\d+)\]|(\d+))\s+')
# -t / -tt / -ttt / -r stamps at the start of the body.
STAMP_RE = re.compile(r'^\s*(?:\d\d:\d\d:\d\d(?:\.\d+)?|\d+\.\d+)\s+')
# -T duration at the end of a line.
DURATION_RE = re.compile(r'\s*<\d+\.\d+>$')
UNFINISHED_RE = re.compile(r'\s*<unfinished \.\.\.>$')
RESUMED_RE = re.compile(r'^<\.\.\. ([\w?]+) resumed>\s?(.*)$')
TRACER_MSG_RE = re.compile(r'^(?:strace|ftrace-c): ')
# On a shared stderr these notices can land in the middle of a line.
ATTACH_MSG_RE = re.compile(r'(?:strace|ftrace-c): Process \d+ (?:attached|detached)\n')
END_RE = re.compile(r'^\+\+\+ (?:exited with|killed by) ')
# "[ Process PID=N runs in 32 bit mode. ]": strace leaves it out of -o
# files, ftrace-c writes it there too (tests/arch/i386.sh checks it).
PERSONALITY_RE = re.compile(r'^\[ Process PID=\d+ runs in .* mode\. \]$')

FORK_LIKE = frozenset(('fork', 'vfork', 'clone', 'clone2', 'clone3'))


class Proc:
    """One traced process (one pid lifetime) and its logical lines."""

    def __init__(self, pid):
        self.pid = pid
        self.lines = []         # joined but not yet normalized bodies
        self.pending = None     # index of an `<unfinished ...>` line
        self.ended = False
        self.name = None


def join_split(entry, rest):
    """Glue an `<unfinished ...>` head to its `<... resumed>` tail.

    The head keeps whatever separator the tracer printed before the marker,
    so strip it and put back exactly one space after a comma.
    """
    head = entry.rstrip()
    rest = rest.lstrip()
    if head.endswith(',') and rest and not rest.startswith(')'):
        return head + ' ' + rest
    # strace prints `{...} => {...}` for a value-result argument when the
    # call is not split, but `{...}` / `<... resumed> => {...}` when it is.
    if rest.startswith('=> '):
        return head + ' ' + rest
    return head + rest


def first_process_pid(text):
    """Pid of the unprefixed lines of a log written to a terminal.

    Such a log prints the first process without a prefix until a second
    process shows up, and with `[pid N]` afterwards; its early calls to
    set_tid_address/getpid tell which N that is. 0 when unknown.
    """
    rx = re.compile(r'^(?:set_tid_address|getpid|gettid)\(.*\) += (\d+)$')
    for line in text.splitlines():
        if PREFIX_RE.match(line):
            continue
        m = rx.match(line)
        if m:
            return int(m.group(1))
    return 0


def parse_log(text):
    """Return the list of Proc in order of first appearance."""
    procs = []
    live = {}           # pid -> Proc currently owning that pid
    text = ATTACH_MSG_RE.sub('', text)
    default_pid = first_process_pid(text)
    for raw in text.splitlines():
        line = raw.rstrip('\n')
        if not line.strip() or TRACER_MSG_RE.match(line):
            continue
        m = PREFIX_RE.match(line)
        if m:
            pid = int(m.group(1) or m.group(2))
            body = line[m.end():]
        else:
            pid = default_pid
            body = line
        body = DURATION_RE.sub('', STAMP_RE.sub('', body, count=1))
        if PERSONALITY_RE.match(body):
            continue
        proc = live.get(pid)
        if proc is None or proc.ended:
            proc = Proc(pid)
            procs.append(proc)
            live[pid] = proc
        if UNFINISHED_RE.search(body):
            proc.pending = len(proc.lines)
            proc.lines.append(UNFINISHED_RE.sub('', body) + ' <unfinished ...>')
            continue
        r = RESUMED_RE.match(body)
        if r and proc.pending is not None:
            head = proc.lines[proc.pending]
            head = head[:-len(' <unfinished ...>')]
            proc.lines[proc.pending] = join_split(head, r.group(2))
            proc.pending = None
            continue
        proc.lines.append(body)
        if END_RE.match(body):
            proc.ended = True
    return procs


# ---------------------------------------------------- call-line structure

def split_call(body):
    """Split `name(a, b, c) = ret...` at top level.

    Returns (name, [(start, end) of each argument], ret_text or None), or None
    when the line is not a syscall line. Quotes and brackets are tracked so
    commas inside strings and structures do not split arguments.
    """
    m = re.match(r'^([\w?]+)\(', body)
    if not m:
        return None
    spans = []
    depth = 0
    in_str = False
    start = m.end()
    i = m.end() - 1
    n = len(body)
    close = None
    while i < n:
        c = body[i]
        if in_str:
            if c == '\\':
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c in '([{':
            depth += 1
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                close = i
                break
        elif c == ',' and depth == 1:
            spans.append((start, i))
            start = i + 1
        i += 1
    if close is None:
        return m.group(1), spans, None
    if body[start:close].strip():
        spans.append((start, close))
    ret = None
    tail = body[close + 1:].lstrip(' ')
    if tail.startswith('= '):
        ret = tail[2:]
    return m.group(1), spans, ret


def call_ret(body):
    """The text after ` = ` of a complete syscall line, else None."""
    sc = split_call(body)
    if sc and sc[2] is not None:
        return sc[2]
    return None


def ret_int(body):
    ret = call_ret(body)
    if ret is None:
        return None
    tok = ret.split(' ', 1)[0]
    return int(tok) if re.fullmatch(r'-?\d+', tok) else None


# ------------------------------------------------------- canonical naming

def assign_names(procs):
    """Name processes P1, P1.1, ... independent of pid values and timing."""
    def children_of(parent):
        k = 0
        for body in parent.lines:
            sc = split_call(body)
            if not sc or sc[0] not in FORK_LIKE:
                continue
            pid = ret_int(body)
            if pid is None or pid <= 0:
                continue
            k += 1
            for p in procs:
                if p.pid == pid and p.name is None:
                    yield p, '%s.%d' % (parent.name, k)
                    break

    created = set()
    for p in procs:
        for body in p.lines:
            sc = split_call(body)
            if sc and sc[0] in FORK_LIKE:
                pid = ret_int(body)
                if pid and pid > 0:
                    created.add(pid)

    roots = [p for p in procs if p.pid not in created]
    if not roots and procs:
        roots = [procs[0]]
    queue = []
    for i, p in enumerate(roots):
        p.name = 'P%d' % (i + 1)
        queue.append(p)
    orphans = 0
    while True:
        while queue:
            parent = queue.pop(0)
            for child, name in children_of(parent):
                child.name = name
                queue.append(child)
        rest = [p for p in procs if p.name is None]
        if not rest:
            break
        orphans += 1
        rest[0].name = 'X%d' % orphans     # parent's fork line never seen
        queue.append(rest[0])

    names = {}
    for p in procs:
        names.setdefault(p.pid, p.name)
    return names


# ------------------------------------------------------ pid substitution

# Syscalls whose return value is a pid (or pgid/sid).
PID_RET = frozenset(('fork', 'vfork', 'clone', 'clone2', 'clone3', 'getpid',
                     'gettid', 'getppid', 'set_tid_address', 'wait4',
                     'waitpid', 'getpgrp', 'getpgid', 'getsid', 'setsid'))

# Syscalls whose return value may happen to be a pid: rt_sigreturn returns
# the restored register, i.e. the result of the syscall that was
# interrupted, which is often a fork. Only known pids are replaced.
MAYBE_PID_RET = frozenset(('rt_sigreturn', 'sigreturn'))

# Syscall -> argument positions holding a pid.
PID_ARGS = {
    'kill': (0,), 'tkill': (0,), 'tgkill': (0, 1), 'wait4': (0,),
    'waitpid': (0,), 'setpgid': (0, 1), 'getpgid': (0,), 'getsid': (0,),
    'sched_setaffinity': (0,), 'sched_getaffinity': (0,),
    'sched_setscheduler': (0,), 'sched_getscheduler': (0,),
    'sched_setparam': (0,), 'sched_getparam': (0,), 'sched_setattr': (0,),
    'sched_getattr': (0,), 'sched_rr_get_interval': (0,),
    'prlimit64': (0,), 'pidfd_open': (0,), 'ptrace': (1,),
    'process_vm_readv': (0,), 'process_vm_writev': (0,),
    'rt_sigqueueinfo': (0,), 'rt_tgsigqueueinfo': (0, 1),
    'get_robust_list': (0,), 'kcmp': (0, 1), 'migrate_pages': (0,),
    'move_pages': (0,), 'perf_event_open': (1,),
}
# Syscall -> argument positions that may hold a pid: pthread_join() waits
# on the thread's tid word with futex(addr, FUTEX_WAIT..., TID, ...). Only
# values that are the pid of a traced process are replaced.
MAYBE_PID_ARGS = {'futex': (2,)}
# Syscall -> (guard position, guard text, pid position): the pid rule only
# applies when the guard argument has that text.
GUARDED_PID_ARGS = {
    'waitid': (0, 'P_PID', 1),
    'getpriority': (0, 'PRIO_PROCESS', 1),
    'setpriority': (0, 'PRIO_PROCESS', 1),
    'ioprio_get': (0, 'IOPRIO_WHO_PROCESS', 1),
    'ioprio_set': (0, 'IOPRIO_WHO_PROCESS', 1),
}

INLINE_PID_RES = (
    re.compile(r'\b((?:si_|l_|ss_)?pid=)(\d+)'),
    re.compile(r'\b(\w*_tid=\[)(\d+)(?=\])'),
    re.compile(r'(/proc/)(\d+)(?=[/"])'),
    re.compile(r'(superseded by execve in pid )(\d+)'),
    re.compile(r'(TIOC[GS]PGRP, \[)(\d+)(?=\])'),
    re.compile(r'(GMfifo)(\d+)'),
)


def pid_text(value, names, unknown='PID?'):
    """Canonical text for a number found in a pid position.

    0, 1 and -1 have special meanings (self, init, any) and stay. A pid that
    is not traced (the tracer itself, a shell's process group) is masked,
    unless `unknown` is None: then the number is kept.
    """
    if -1 <= value <= 1:
        return str(value)
    sign = '-' if value < 0 else ''
    name = names.get(abs(value))
    if name is None:
        return str(value) if unknown is None else sign + unknown
    return sign + name


def replace_pids(body, names):
    """Replace pid numbers in pid positions by canonical names."""
    sc = split_call(body)
    if sc:
        name, spans, ret = sc
        positions = [(i, 'PID?') for i in PID_ARGS.get(name, ())]
        positions += [(i, None) for i in MAYBE_PID_ARGS.get(name, ())]
        guard = GUARDED_PID_ARGS.get(name)
        if guard and len(spans) > guard[0]:
            s, e = spans[guard[0]]
            if body[s:e].strip() == guard[1]:
                positions.append((guard[2], 'PID?'))
        # Rewrite from the right so earlier spans stay valid.
        for idx, unknown in sorted(positions, reverse=True):
            if idx >= len(spans):
                continue
            s, e = spans[idx]
            arg = body[s:e].strip()
            if re.fullmatch(r'-?\d+', arg):
                lead = body[s:e][:len(body[s:e]) - len(body[s:e].lstrip())]
                body = (body[:s] + lead + pid_text(int(arg), names, unknown)
                        + body[e:])
        if name in PID_RET or name in MAYBE_PID_RET:
            unknown = 'PID?' if name in PID_RET else None
            body = re.sub(r'(\) +=) (\d+)(?=$| )',
                          lambda m: '%s %s' % (m.group(1),
                                               pid_text(int(m.group(2)), names,
                                                        unknown)),
                          body)
    for rx in INLINE_PID_RES:
        body = rx.sub(lambda m: m.group(1) + pid_text(int(m.group(2)), names),
                      body)
    return body


# ---------------------------------------------------------------- masking

def local_port_range(path='/proc/sys/net/ipv4/ip_local_port_range'):
    try:
        with open(path) as f:
            lo, hi = f.read().split()[:2]
        return int(lo), int(hi)
    except (OSError, ValueError):
        return 32768, 60999         # the kernel's default


PORT_RANGE = local_port_range()


def is_ephemeral(port):
    return PORT_RANGE[0] <= port <= PORT_RANGE[1]


MASKS = (
    # Random bytes.
    (re.compile(r'^getrandom\("(?:[^"\\]|\\.)*"(?:\.\.\.)?'),
     'getrandom("RANDOM"'),
    # Timing: struct timespec/timeval fields, rusage, times(), siginfo
    # clock ticks (with strace's `/* 0.02 s */` comment), file times.
    (re.compile(r'\b(tv_sec|tv_nsec|tv_usec)=-?\d+'), r'\1=N'),
    (re.compile(r'\b(si_[us]time)=\d+(?: /\*[^*]*\*/)?'), r'\1=N'),
    (re.compile(r'\b(ru_\w+)=\d+'), r'\1=N'),
    (re.compile(r'\b(tms_\w+)=\d+'), r'\1=N'),
    (re.compile(r'^(times?\(.*\) +=) \d+'), r'\1 N'),
    (re.compile(r'\b(st_[amc]time(?:_nsec)?)=\d+'), r'\1=N'),
    (re.compile(r'/\* \d{4}-\d\d-\d\dT[\d:.]+[+-]\d{4} \*/'), '/* DATE */'),
    (re.compile(r'^sysinfo\(\{.*\}\)'), 'sysinfo({...})'),
    (re.compile(r'\b(f_bfree|f_bavail|f_ffree)=\d+'), r'\1=N'),
    (re.compile(r'^getcpu\(\[\d+\], \[\d+\]'), 'getcpu([N], [N]'),
    # Inode numbers: a file made afresh in every run gets a new one.
    (re.compile(r'\b(st_ino|stx_ino|d_ino)=\d+'), r'\1=INO'),
    (re.compile(r'\b(pipe|socket|net):\[\d+\]'), r'\1:[INO]'),
    # Ports the kernel picks (bind to port 0, connect) are ephemeral.
    (re.compile(r'\b(sin6?_port=htons\()(\d+)(?=\))'),
     lambda m: m.group(1) + ('EPHEMERAL' if is_ephemeral(int(m.group(2)))
                             else m.group(2))),
    # Addresses (ASLR).
    (re.compile(r'0x[0-9a-f]{6,}'), '0xADDR'),
    # gcc/mkstemp temporary names.
    (re.compile(r'(/tmp/cc)[A-Za-z0-9]{6}'), r'\1XXXXXX'),
    # Column padding before the result differs by prefix width.
    (re.compile(r' {2,}= '), ' = '),
)


def mask(body):
    for rx, repl in MASKS:
        body = rx.sub(repl, body)
    return body


# Signals whose delivery point depends only on timing.
ASYNC_SIGNALS = frozenset(('SIGCHLD', 'SIGALRM', 'SIGVTALRM', 'SIGPROF',
                           'SIGWINCH', 'SIGIO', 'SIGURG'))
ASYNC_SIG_RE = re.compile(r'^--- (SIG\w+) ')


def float_async_signals(lines):
    """Move timing-driven signals out of the flow of syscalls.

    Where a SIGCHLD lands in its receiver's stream depends on when the child
    happened to exit, so two runs of the same tracer disagree on it. Such a
    signal line, with the rt_sigreturn right after it (whose value is the
    result of whatever syscall was interrupted), is moved to the end of the
    stream, just before the process' final `+++` line. The moved blocks are
    sorted, since the order in which children exit is timing too.
    """
    kept, blocks = [], []
    i = 0
    while i < len(lines):
        m = ASYNC_SIG_RE.match(lines[i])
        if m and m.group(1) in ASYNC_SIGNALS:
            block = [lines[i]]
            if i + 1 < len(lines) and lines[i + 1].startswith('rt_sigreturn('):
                block.append(re.sub(r'\) = .*$', ') = ?', lines[i + 1]))
                i += 1
            blocks.append(block)
        else:
            kept.append(lines[i])
        i += 1
    if not blocks:
        return lines
    floated = [line for block in sorted(blocks) for line in block]
    if kept and kept[-1].startswith('+++ '):
        return kept[:-1] + floated + kept[-1:]
    return kept + floated


GLIBC_HEAP_MMAP_RE = re.compile(r'^mmap\(NULL, 134217728, PROT_NONE,')
MUNMAP_SIZE_RE = re.compile(r'^(munmap\(0xADDR, )\d+(\) = 0)$')


def mask_heap_trim(lines):
    """Mask the sizes glibc trims off a new thread arena.

    A new malloc arena maps 128 MiB and unmaps what lies outside a 64 MiB
    aligned window; the two sizes depend on where ASLR put the mapping.
    """
    out = list(lines)
    for i, line in enumerate(out):
        if GLIBC_HEAP_MMAP_RE.match(line):
            for j in range(i + 1, min(i + 3, len(out))):
                out[j] = MUNMAP_SIZE_RE.sub(r'\1ALIGN\2', out[j])
    return out


def normalize(text, float_signals=True):
    """Log text -> {canonical name: [normalized line, ...]}."""
    procs = parse_log(text)
    names = assign_names(procs)
    streams = {}
    for p in procs:
        lines = mask_heap_trim([mask(replace_pids(b, names))
                                for b in p.lines])
        if float_signals:
            lines = float_async_signals(lines)
        if p.name in streams:           # should not happen; keep both
            streams[p.name].extend(lines)
        else:
            streams[p.name] = lines
    return streams


def coarse(line):
    """Syscall name + return value (+ errno), or the event itself."""
    if line.startswith('--- '):
        m = re.match(r'^--- (\S+)', line)
        return '--- %s ---' % m.group(1)
    if line.startswith('+++ '):
        return line
    sc = split_call(line)
    if not sc:
        return line
    name, _, ret = sc
    if ret is None:
        return name + ' <unfinished>'
    toks = ret.split()
    out = name + ' = ' + (toks[0] if toks else '')
    if len(toks) > 1 and re.fullmatch(r'E[A-Z0-9_]+', toks[1]):
        out += ' ' + toks[1]
    return out


def is_core(line):
    """Is this line in the "core" level (see the module docstring)?"""
    if line.startswith('--- ') or line.startswith('+++ '):
        return True
    sc = split_call(line)
    return bool(sc) and sc[0] in CORE_NAMES


# -------------------------------------------------------------- comparing

def name_key(name):
    """Sort P1, P1.2, P1.10 numerically; X-names after P-names."""
    return [(0, int(x)) if x.isdigit() else (1, x)
            for x in re.split(r'[.]|(?<=[A-Z])(?=\d)', name)]


def line_kind(line):
    """Bucket of a line for the per-syscall table."""
    if line.startswith('--- '):
        return '--- signal ---'
    if line.startswith('+++ '):
        return '+++ exit +++'
    sc = split_call(line)
    return sc[0] if sc else '(other)'


class Result:
    def __init__(self):
        self.procs = []         # (name, matched, len_a, len_b, c_matched)
        self.core = [0, 0]      # core level: matched, lines A + B
        self.diffs = []         # (name, a_line or None, b_line or None)
        self.kinds = {}         # line_kind -> [lines in A, identical in B]

    def totals(self):
        m = sum(p[1] for p in self.procs)
        cm = sum(p[4] for p in self.procs)
        la = sum(p[2] for p in self.procs)
        lb = sum(p[3] for p in self.procs)
        return m, cm, la, lb


def rate(matched, total):
    return 100.0 if total == 0 else 200.0 * matched / total


def matched_count(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sm, sum(block.size for block in sm.get_matching_blocks())


def compare(streams_a, streams_b, max_diffs=10):
    res = Result()
    for name in sorted(set(streams_a) | set(streams_b), key=name_key):
        a = streams_a.get(name, [])
        b = streams_b.get(name, [])
        sm, m = matched_count(a, b)
        same = set()
        for blk in sm.get_matching_blocks():
            same.update(range(blk.a, blk.a + blk.size))
        for i, line in enumerate(a):
            k = res.kinds.setdefault(line_kind(line), [0, 0])
            k[0] += 1
            k[1] += i in same
        _, cm = matched_count([coarse(x) for x in a], [coarse(x) for x in b])
        res.procs.append((name, m, len(a), len(b), cm))
        ka = [x for x in a if is_core(x)]
        kb = [x for x in b if is_core(x)]
        res.core[0] += matched_count(ka, kb)[1]
        res.core[1] += len(ka) + len(kb)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == 'equal':
                continue
            for k in range(max(i2 - i1, j2 - j1)):
                if len(res.diffs) >= max_diffs:
                    break
                la = a[i1 + k] if i1 + k < i2 else None
                lb = b[j1 + k] if j1 + k < j2 else None
                res.diffs.append((name, la, lb))
    return res


def read(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            return f.read()
    except OSError:
        return ''


# ------------------------------------------------------------ sub-commands

def cmd_normalize(args):
    streams = normalize(read(args.log), not args.keep_signal_order)
    for name in sorted(streams, key=name_key):
        for line in streams[name]:
            print('%s %s' % (name, coarse(line) if args.coarse else line))
    return 0


def cmd_compare(args):
    fl = not args.keep_signal_order
    res = compare(normalize(read(args.a), fl), normalize(read(args.b), fl))
    for name, m, la, lb, cm in res.procs:
        print('%-14s full %6.2f%%  coarse %6.2f%%  lines %d/%d'
              % (name, rate(m, la + lb), rate(cm, la + lb), la, lb))
    m, cm, la, lb = res.totals()
    print('%-14s full %6.2f%%  coarse %6.2f%%  lines %d/%d'
          % ('total', rate(m, la + lb), rate(cm, la + lb), la, lb))
    for name, la, lb in res.diffs:
        print('[%s]\n  A: %s\n  B: %s' % (name, '(none)' if la is None else la,
                                           '(none)' if lb is None else lb))
    return 0


# Syscalls whose decoding the project requires to match strace exactly;
# each group is one line of the report, alternatives separated by '/'.
REQUIRED = ('execve', 'open/openat', 'read', 'write', 'close', 'brk', 'mmap',
            'fstat/newfstatat', 'access/faccessat2', 'lseek')


def print_kinds(kinds, top):
    """Per-syscall table: worst first (most lines of A without an
    identical line in B), then the required syscalls."""
    rows = sorted(kinds.items(), key=lambda kv: (kv[1][1] - kv[1][0],
                                                 -kv[1][0], kv[0]))
    print('per syscall, worst %d (lines of A, identical in B):' % top)
    print('  %-22s %8s %9s %8s %8s' % ('syscall', 'lines A', 'identical',
                                       'share%', 'differ'))
    for k, (n, same) in rows[:top]:
        if n == same:
            break
        print('  %-22s %8d %9d %8.2f %8d' % (k, n, same, rate(same, 2 * n),
                                             n - same))
    print('required at 100%:')
    for group in REQUIRED:
        parts = []
        tn = tsame = 0
        for name in group.split('/'):
            n, same = kinds.get(name, (0, 0))
            tn += n
            tsame += same
            parts.append('%s %s' % (name, '%.2f%% (%d/%d)'
                                    % (rate(same, 2 * n), same, n)
                                    if n else 'n/a'))
        flag = '' if tn == tsame else '   <-- below 100%'
        print('  %-18s %s%s' % (group, ', '.join(parts), flag))


def cmd_report(args):
    if len(args.items) % 3:
        sys.exit('report: expected NAME A B triples')
    rows = []
    dump = []
    g_m = g_cm = g_l = 0
    g_km = g_kl = 0
    passed = failed = 0
    kinds = {}
    if args.label:
        print(args.label)
    print('%-28s %8s %8s %8s %13s %7s %s' % ('command', 'full%', 'coarse%',
                                               'core%', 'lines A/B', 'procs',
                                               'exit A/B'))
    for i in range(0, len(args.items), 3):
        label, pa, pb = args.items[i:i + 3]
        fl = not args.keep_signal_order
        sa, sb = normalize(read(pa), fl), normalize(read(pb), fl)
        res = compare(sa, sb, max_diffs=args.max_diffs)
        for k, (n, same) in res.kinds.items():
            acc = kinds.setdefault(k, [0, 0])
            acc[0] += n
            acc[1] += same
        m, cm, la, lb = res.totals()
        g_m += m
        g_cm += cm
        g_l += la + lb
        g_km += res.core[0]
        g_kl += res.core[1]
        core = rate(res.core[0], res.core[1])
        full, crs = rate(m, la + lb), rate(cm, la + lb)
        if la + lb == 0:
            full = crs = 0.0    # no log at all is a failure, not a match
        ok = crs >= args.min_coarse
        passed += ok
        failed += not ok
        status = ''
        sa_path, sb_path = pa + '.status', pb + '.status'
        st_a, st_b = read(sa_path).strip(), read(sb_path).strip()
        if st_a or st_b:
            status = '%s/%s%s' % (st_a or '?', st_b or '?',
                                  '' if st_a == st_b else ' DIFFERS')
        print('%-28s %8.2f %8.2f %8.2f %6d/%-6d %3d/%-3d %s%s'
              % (label[:28], full, crs, core, la, lb, len(sa), len(sb), status,
                 '' if ok else '  FAIL'))
        rows.append((label, full, crs))
        dump.append('=== %s  (full %.2f%%, coarse %.2f%%)\n    A: %s\n    B: %s\n'
                    % (label, full, crs, pa, pb))
        for name, xa, xb in res.diffs:
            dump.append('[%s]\n  A: %s\n  B: %s\n'
                        % (name, '(none)' if xa is None else xa,
                           '(none)' if xb is None else xb))
        dump.append('\n')
    t_full, t_crs = rate(g_m, g_l), rate(g_cm, g_l)
    if g_l == 0:
        t_full = t_crs = 0.0
    mean_full = sum(r[1] for r in rows) / len(rows) if rows else 0.0
    mean_crs = sum(r[2] for r in rows) / len(rows) if rows else 0.0
    t_core = rate(g_km, g_kl)
    print('%-28s %8.2f %8.2f %8.2f   (all lines pooled; core: %d lines)'
          % ('TOTAL', t_full, t_crs, t_core, g_kl))
    print('%-28s %8.2f %8.2f   (mean of commands)' % ('MEAN', mean_full,
                                                        mean_crs))
    a_lines = sum(n for n, _ in kinds.values())
    a_same = sum(same for _, same in kinds.values())
    print('identical lines: %d of %d lines of A = %.2f%%'
          % (a_same, a_lines, rate(a_same, 2 * a_lines)))
    if args.syscalls:
        print_kinds(kinds, args.syscalls)
    if args.diff_out:
        with open(args.diff_out, 'w', encoding='utf-8') as f:
            f.write(''.join(dump))
        print('first differing lines per command: %s' % args.diff_out)
    bad = []
    if t_full < args.min_full:
        bad.append('total full %.2f%% < %.2f%%' % (t_full, args.min_full))
    if t_crs < args.min_coarse:
        bad.append('total coarse %.2f%% < %.2f%%' % (t_crs, args.min_coarse))
    if t_core < args.min_core:
        bad.append('total core %.2f%% < %.2f%%' % (t_core, args.min_core))
    for msg in bad:
        print('threshold missed: ' + msg)
    if args.summary_out:
        with open(args.summary_out, 'w', encoding='utf-8') as f:
            f.write('%d %d\n' % (passed, failed))
    print('%s%d passed, %d failed' % (args.label + ': ' if args.label else '',
                                      passed, failed))
    return 1 if bad or failed else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = ap.add_subparsers(dest='cmd', required=True)
    p = sub.add_parser('normalize', help='print normalized streams')
    p.add_argument('log')
    p.add_argument('--coarse', action='store_true')
    p.set_defaults(func=cmd_normalize)
    p = sub.add_parser('compare', help='compare two logs')
    p.add_argument('a')
    p.add_argument('b')
    p.set_defaults(func=cmd_compare)
    p = sub.add_parser('report', help='table over NAME A B triples')
    p.add_argument('--min-full', type=float, default=0.0)
    p.add_argument('--min-coarse', type=float, default=0.0)
    p.add_argument('--min-core', type=float, default=0.0)
    p.add_argument('--max-diffs', type=int, default=10)
    p.add_argument('--diff-out')
    p.add_argument('--summary-out',
                   help='write "PASSED FAILED" counts to this file')
    p.add_argument('--syscalls', type=int, default=0, metavar='N',
                   help='print the N worst syscalls and the required ones')
    p.add_argument('--label', default='',
                   help='title of the table and prefix of the summary line')
    p.add_argument('items', nargs='*')
    p.set_defaults(func=cmd_report)
    for p in sub.choices.values():
        p.add_argument('--keep-signal-order', action='store_true',
                       help='do not move SIGCHLD & co. to the end of streams')
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == '__main__':
    try:
        sys.exit(main())
    except BrokenPipeError:         # e.g. piped into head
        sys.stderr.close()
        sys.exit(0)
