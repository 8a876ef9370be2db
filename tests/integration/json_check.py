#!/usr/bin/env python3
"""Validate ftrace-c's --json and --trace-events output.

usage: json_check.py jsonl SCHEMA FILE...   JSON Lines against docs/json-schema.json
       json_check.py tev FILE               a Trace Event Format file

Prints one line "OK key=count ..." (counts of record types / event phases)
or "ERR ..." lines and exits 1.  Every line of a JSONL file must parse and
match its record type's required and optional fields and their types; the
first record of each file must be the header of the schema version.
"""
import json
import sys

TYPES = {
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "list": lambda v: isinstance(v, list),
    "dict": lambda v: isinstance(v, dict),
    "any": lambda v: True,
}

errors = []


def err(msg):
    errors.append(msg)
    if len(errors) > 20:
        finish({})


def type_ok(v, spec):
    return any(TYPES[t](v) for t in spec.split("|"))


def check_fields(obj, req, opt, where):
    for k, t in req.items():
        if k not in obj:
            err(f"{where}: missing {k}")
        elif not type_ok(obj[k], t):
            err(f"{where}: {k}={obj[k]!r} is not {t}")
    for k, v in obj.items():
        if k in req:
            continue
        if k not in opt:
            err(f"{where}: unknown field {k}")
        elif not type_ok(v, opt[k]):
            err(f"{where}: {k}={v!r} is not {opt[k]}")


def check_jsonl(schema, path, counts):
    common = schema["common"]
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    else:
        err(f"{path}: last line not terminated")
    for n, raw in enumerate(lines, 1):
        where = f"{path}:{n}"
        try:
            line = raw.decode("ascii")
            rec = json.loads(line)
        except (UnicodeDecodeError, ValueError) as e:
            err(f"{where}: not JSON ({e}): {raw[:120]!r}")
            continue
        if not isinstance(rec, dict):
            err(f"{where}: not an object")
            continue
        typ = rec.get("type")
        if typ not in schema["records"]:
            err(f"{where}: unknown type {typ!r}")
            continue
        if n == 1 and (typ != "header" or rec.get("schema") != schema["schema"]):
            err(f"{where}: first record is not a schema {schema['schema']} header")
        spec = schema["records"][typ]
        req = dict(common)
        req.update(spec["required"])
        check_fields(rec, req, spec["optional"], where)
        counts[typ] = counts.get(typ, 0) + 1
        if typ == "syscall":
            check_syscall(schema, rec, where, counts)
        elif typ == "spawn" and rec.get("how") not in schema["enums"]["spawn.how"]:
            err(f"{where}: spawn how {rec.get('how')!r}")
        elif typ == "process" and rec.get("end") not in schema["enums"]["process.end"]:
            err(f"{where}: process end {rec.get('end')!r}")
        elif typ == "signal" and "siginfo" in rec:
            s = schema["siginfo"]
            check_fields(rec["siginfo"], s["required"], s["optional"], where + " siginfo")


def check_syscall(schema, rec, where, counts):
    a = schema["arg"]
    for i, arg in enumerate(rec.get("args", [])):
        if not isinstance(arg, dict):
            err(f"{where}: arg {i} not an object")
            continue
        check_fields(arg, a["required"], a["optional"], f"{where} arg {i}")
        if "value" in arg:
            counts["values"] = counts.get("values", 0) + 1
    if rec.get("arch") not in schema["enums"]["syscall.arch"]:
        err(f"{where}: arch {rec.get('arch')!r}")
    ret = rec.get("ret")
    if ret is None:
        if rec.get("unfinished") is not True or "ret_text" in rec:
            err(f"{where}: no ret but not marked unfinished")
    else:
        if "ret_text" not in rec:
            err(f"{where}: ret without ret_text")
        if "errno" in rec and not -4095 <= ret <= -1:
            err(f"{where}: errno with ret {ret}")
        if "errno" in rec:
            counts["failed"] = counts.get("failed", 0) + 1
    if isinstance(rec.get("dur_ns"), int) and rec["dur_ns"] < 0:
        err(f"{where}: negative dur_ns")


def num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_tev(path, counts):
    try:
        with open(path, "rb") as f:
            doc = json.loads(f.read().decode("ascii"))
    except (UnicodeDecodeError, ValueError) as e:
        err(f"{path}: not JSON: {e}")
        return
    if not isinstance(doc, dict) or not isinstance(doc.get("traceEvents"), list):
        err(f"{path}: no traceEvents array")
        return
    if doc.get("displayTimeUnit") not in ("ms", "ns"):
        err(f"{path}: displayTimeUnit {doc.get('displayTimeUnit')!r}")
    named_threads, named_procs, used, flows = set(), set(), set(), {}
    for n, ev in enumerate(doc["traceEvents"]):
        where = f"{path} event {n}"
        ph = ev.get("ph")
        if not (isinstance(ev.get("pid"), int) and isinstance(ev.get("tid"), int)):
            err(f"{where}: pid/tid not integers")
            continue
        if not isinstance(ev.get("name"), str):
            err(f"{where}: no name")
        counts[ph] = counts.get(ph, 0) + 1
        if ph == "M":
            if ev["name"] not in ("process_name", "thread_name") or \
               not isinstance(ev.get("args", {}).get("name"), str):
                err(f"{where}: bad metadata event")
            (named_procs if ev["name"] == "process_name" else named_threads).add(
                ev["pid"] if ev["name"] == "process_name" else (ev["pid"], ev["tid"]))
            continue
        if not num(ev.get("ts")) or ev["ts"] < 0:
            err(f"{where}: ts {ev.get('ts')!r} is not a time in us")
        if ph == "X":
            if not num(ev.get("dur")) or ev["dur"] < 0:
                err(f"{where}: dur {ev.get('dur')!r}")
            args = ev.get("args")
            if not isinstance(args, dict) or not isinstance(args.get("args"), str) \
               or not isinstance(args.get("ret"), str):
                err(f"{where}: slice args {args!r}")
            used.add((ev["pid"], ev["tid"]))
        elif ph == "i":
            if ev.get("s") not in ("t", "p", "g"):
                err(f"{where}: instant scope {ev.get('s')!r}")
        elif ph in ("s", "f"):
            if not isinstance(ev.get("id"), int):
                err(f"{where}: flow without id")
            flows.setdefault(ev.get("id"), []).append(ph)
        else:
            err(f"{where}: unexpected phase {ph!r}")
    for fid, phs in flows.items():
        if sorted(phs) != ["f", "s"]:
            err(f"{path}: flow {fid} has phases {phs}")
    for pid, tid in sorted(used):
        if pid not in named_procs:
            err(f"{path}: process {pid} has slices but no process_name")
        if (pid, tid) not in named_threads:
            err(f"{path}: thread {tid} has slices but no thread_name")


def finish(counts):
    if errors:
        for e in errors[:20]:
            print("ERR", e)
        sys.exit(1)
    print("OK " + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    sys.exit(0)


def main():
    counts = {}
    if len(sys.argv) >= 4 and sys.argv[1] == "jsonl":
        with open(sys.argv[2]) as f:
            schema = json.load(f)
        for p in sys.argv[3:]:
            check_jsonl(schema, p, counts)
    elif len(sys.argv) == 3 and sys.argv[1] == "tev":
        check_tev(sys.argv[2], counts)
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    finish(counts)


main()
