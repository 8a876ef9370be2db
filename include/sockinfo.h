/*
 * sockinfo.h - what a socket fd is connected to, for -yy.
 *
 * The protocol name comes from the "system.sockprotoname" extended
 * attribute of /proc/TID/fd/N; addresses come from the kernel's sock_diag
 * netlink interface (inet_diag for TCP/UDP over IPv4 and IPv6, unix_diag
 * for UNIX sockets).  Called only when fdcache.c fills an entry, so once
 * per socket fd and after a call that changes its addresses.
 */
#ifndef FTRACE_SOCKINFO_H
#define FTRACE_SOCKINFO_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Describe socket inode ino, open as fd in thread tid, into buf:
 * "TCP:[127.0.0.1:80->127.0.0.1:41234]", "UNIX-STREAM:[123->124]",
 * "UDP:[127.0.0.1:53]", or "PROTO:[ino]" when no more is known.
 * Returns 0, or -1 if not even the protocol is known.
 */
int sockinfo_describe(pid_t tid, int fd, unsigned long ino, char *buf,
		      size_t size);

/*
 * The netlink protocol of fd in thread tid's process, or -1 when it is
 * not a netlink socket or cannot be told.
 */
int sockinfo_netlink_proto(pid_t tid, int fd);

#endif /* FTRACE_SOCKINFO_H */
