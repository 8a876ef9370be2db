# Loopback TCP echo: the parent listens on 127.0.0.1 (kernel-chosen port),
# a forked child connects, sends a line and reads the echo back.  Blocking
# sockets keep the syscall sequence fixed; alarm() bounds a hung run.
import os
import signal
import socket

signal.alarm(10)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.bind(('127.0.0.1', 0))
srv.listen(1)
port = srv.getsockname()[1]
pid = os.fork()
if pid == 0:
    srv.close()
    c = socket.create_connection(('127.0.0.1', port))
    c.sendall(b'hello over loopback\n')
    data = b''
    while not data.endswith(b'\n'):
        data += c.recv(64)
    c.close()
    os._exit(0 if data == b'HELLO OVER LOOPBACK\n' else 1)
conn, _ = srv.accept()
buf = b''
while not buf.endswith(b'\n'):
    buf += conn.recv(64)
conn.sendall(buf.upper())
conn.close()
srv.close()
_, status = os.waitpid(pid, 0)
print('child status', os.waitstatus_to_exitcode(status))
