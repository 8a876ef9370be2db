#!/usr/bin/env python3
"""mc_client.py - a bounded memcached load that checks every answer.

usage: mc_client.py PORT SECONDS [CONNECTIONS]

Each connection sets keys to fresh values and reads them back (text
protocol) for SECONDS; any wrong or missing answer, or a reply slower than
10 s, is an error.  Prints "ok N requests" and exits 0, or prints the first
error and exits 1.
"""
import os
import socket
import sys
import threading
import time


def read_until(sock, buf, end):
    while end not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            raise IOError("connection closed")
        buf += chunk
    i = buf.index(end) + len(end)
    return buf[:i], buf[i:]


def worker(port, seconds, wid, result):
    n = 0
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=10)
        s.settimeout(10)
        buf = b""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            key = b"k%d_%d" % (wid, n % 100)
            val = b"v%d_%d_%s" % (wid, n, os.urandom(8).hex().encode())
            s.sendall(b"set %s 0 0 %d\r\n%s\r\n" % (key, len(val), val))
            line, buf = read_until(s, buf, b"\r\n")
            if line != b"STORED\r\n":
                raise IOError("set %s: %r" % (key, line))
            s.sendall(b"get %s\r\n" % key)
            want = b"VALUE %s 0 %d\r\n%s\r\nEND\r\n" % (key, len(val), val)
            got, buf = read_until(s, buf, b"END\r\n")
            if got != want:
                raise IOError("get %s: %r, want %r" % (key, got, want))
            n += 2
        s.close()
        result[wid] = (n, None)
    except Exception as e:  # any failure is the test's answer
        result[wid] = (n, "connection %d: %s" % (wid, e))


def main():
    port, seconds = int(sys.argv[1]), float(sys.argv[2])
    conns = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    result = {}
    threads = [threading.Thread(target=worker, args=(port, seconds, i, result))
               for i in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    total = sum(r[0] for r in result.values())
    errors = [r[1] for r in result.values() if r[1]]
    if errors or len(result) != conns:
        print("FAILED after %d requests: %s" % (total, errors[0] if errors else "lost a worker"))
        return 1
    print("ok %d requests" % total)
    return 0


if __name__ == "__main__":
    sys.exit(main())
