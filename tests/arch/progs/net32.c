/*
 * net32.c - sockets: on i386 glibc uses the direct socket syscalls (since
 * Linux 4.3) and the decoders must read 32-bit msghdr/iovec layouts.
 * AF_UNIX socketpair, AF_INET bind/getsockname on 127.0.0.1 port 0 is
 * avoided (random port): a fixed unbound connect fails with ECONNREFUSED.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

int
main(void)
{
	int sv[2], s;
	char buf[16];
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(9) };
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	int one = 1;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		return 1;
	(void)send(sv[0], "ping", 4, 0);
	(void)recv(sv[1], buf, sizeof(buf), 0);
	(void)sendto(sv[1], "pong", 4, MSG_DONTWAIT, NULL, 0);
	(void)recvmsg(sv[0], &mh, 0);
	(void)shutdown(sv[0], SHUT_WR);
	(void)close(sv[0]);
	(void)close(sv[1]);
	s = socket(AF_INET, SOCK_STREAM, 0);
	(void)setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	(void)connect(s, (struct sockaddr *)&sin, sizeof(sin));
	(void)close(s);
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	strcpy(sun.sun_path, "/nonexistent/arch.sock");
	(void)connect(s, (struct sockaddr *)&sun, sizeof(sun));
	(void)close(s);
#ifdef SYS_socketcall
	{
		unsigned long a[3] = { AF_UNIX, SOCK_DGRAM, 0 };

		s = syscall(SYS_socketcall, 1 /* SYS_SOCKET */, a);
		(void)close(s);
	}
#endif
	(void)write(1, "net done\n", 9);
	return 0;
}
