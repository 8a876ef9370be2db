# A Unix socket pair inside one process: no peer, no timing.
import socket

a, b = socket.socketpair()
a.sendall(b'ping over a socketpair')
print(b.recv(64).decode())
b.sendall(b'pong')
print(a.recv(64).decode())
a.close()
b.close()
