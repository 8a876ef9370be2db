/*
 * test_fdcache.c - the per-process fd cache (src/fdcache.c), run on the
 * test's own fds: -y decorations and the netlink protocol of a socket are
 * read once, kept until the fd is forgotten, and right after that.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <linux/netlink.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fdcache.h"

static void
test_decoration_cached_until_forgotten(void **state)
{
	struct fdcache *cache = NULL;
	int fd = open("/dev/null", O_RDONLY);
	int other = open("/", O_RDONLY | O_DIRECTORY);

	(void)state;
	assert_true(fd >= 0 && other >= 0);
	assert_string_equal(fdcache_get(&cache, getpid(), fd), "</dev/null>");
	/* the number now means "/", but nothing told the cache */
	assert_int_equal(dup2(other, fd), fd);
	assert_string_equal(fdcache_get(&cache, getpid(), fd), "</dev/null>");
	fdcache_forget(cache, fd);
	assert_string_equal(fdcache_get(&cache, getpid(), fd), "</>");
	fdcache_forget_range(cache, 0, 100000);
	assert_null(fdcache_get(&cache, getpid(), -5));
	close(fd);
	close(other);
	fdcache_free(cache);
}

static void
test_netlink_protocol(void **state)
{
	struct fdcache *cache = NULL;
	int route = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	int diag = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
	int unix_sock = socket(AF_UNIX, SOCK_STREAM, 0);
	int file = open("/dev/null", O_RDONLY);

	(void)state;
	assert_true(route >= 0 && diag >= 0 && unix_sock >= 0 && file >= 0);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), route),
			 NETLINK_ROUTE);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), diag),
			 NETLINK_SOCK_DIAG);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), unix_sock), -1);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), file), -1);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), 9999), -1);
	/* asked once: a replaced fd keeps its answer until forgotten */
	assert_int_equal(dup2(unix_sock, route), route);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), route),
			 NETLINK_ROUTE);
	fdcache_forget(cache, route);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), route), -1);
	/* and an fd no longer a plain file gets asked again after exec */
	assert_int_equal(dup2(diag, file), file);
	fdcache_forget_all(cache);
	assert_int_equal(fdcache_netlink_proto(&cache, getpid(), file),
			 NETLINK_SOCK_DIAG);
	close(route);
	close(diag);
	close(unix_sock);
	close(file);
	fdcache_free(cache);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decoration_cached_until_forgotten),
		cmocka_unit_test(test_netlink_protocol),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
