/*
 * decode/net.h - what the socket decoders (net.c, sockaddr.c, msghdr.c)
 * share; not part of the decoder interface.
 */
#ifndef FTRACE_DECODE_NET_H
#define FTRACE_DECODE_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode.h"

extern const struct xlat net_af;         /* AF_* */
extern const struct xlat net_msgflags;   /* MSG_* */
extern const struct xlat net_sol;        /* SOL_* levels */

/* Socket bytes (addresses, control data) quoted; in hex under -x/-xx. */
void net_put_quoted(const char *s, size_t len);

/* Read a socklen_t at entry into scratch[slot] (scratch[slot+1] = valid). */
void net_save_len(struct sc_ctx *c, uint64_t addr, unsigned slot);
/* The socklen_t at addr after the call: "[in => out]", "[out]" or "[in]". */
void net_print_len_inout(struct sc_ctx *c, uint64_t addr, unsigned slot);

/* A socket address of len bytes at addr, or its address. */
void net_print_sockaddr(struct sc_ctx *c, uint64_t addr, uint64_t len);
/* An address the kernel wrote, of the length saved in scratch[slot]. */
void net_print_sockaddr_out(struct sc_ctx *c, uint64_t addr, uint64_t lenp,
			    unsigned slot);
/* Is data on fd to/from the address sa netlink route messages? */
bool net_is_netlink_data(struct sc_ctx *c, int fd, uint64_t sa,
			 uint64_t salen);

#endif /* FTRACE_DECODE_NET_H */
