/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * telemetry: rte_tel_data_* limits and returns, the exact JSON of replies,
 * the request parser, and the socket (greeting, replies, oversized
 * records, a live socket left alone, a stale one replaced, cleanup).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <rte_telemetry.h>
#include <telemetry_internal.h>

#include "test.h"

static char reply[TELEMETRY_MAX_OUTPUT_LEN];

/* Render d as the reply to "/t" into reply; its length. */
static size_t
render(struct rte_tel_data *d)
{
	return telemetry_json_reply("/t", d, reply, sizeof(reply));
}

static size_t
answer(const char *req)
{
	return telemetry_request_answer(req, strlen(req), reply, sizeof(reply));
}

#define ASSERT_REPLY(len, want)                                                                \
	do {                                                                                   \
		TEST_ASSERT(strcmp(reply, (want)) == 0, "got '%s', want '%s'", reply, (want)); \
		TEST_ASSERT_EQUAL((len), strlen(want), "reply length");                        \
	} while (0)

static int
test_telemetry_data_limits(void)
{
	struct rte_tel_data *d = rte_tel_data_alloc(), *c = rte_tel_data_alloc();
	char big[RTE_TEL_MAX_SINGLE_STRING_LEN + 10];
	int ret = TEST_FAILED;

	TEST_ASSERT(d != NULL && c != NULL, "alloc");
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	TEST_ASSERT_EQUAL(rte_tel_data_start_array(d, (enum rte_tel_value_type)4), -EINVAL,
			  "unknown array type");
	TEST_ASSERT_EQUAL(rte_tel_data_start_array(NULL, RTE_TEL_INT_VAL), -EINVAL, "NULL data");
	TEST_ASSERT_EQUAL(rte_tel_data_string(d, big), E2BIG, "long string cut, E2BIG positive");
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_int(d, 1), -EINVAL, "a string is not an array");

	rte_tel_data_start_array(d, RTE_TEL_INT_VAL);
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_u64(d, 1), -EINVAL, "u64 into an int array");
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_string(d, "x"), -EINVAL, "string into ints");
	TEST_ASSERT_EQUAL(rte_tel_data_add_dict_int(d, "x", 1), -EINVAL, "dict add to an array");
	for (int i = 0; i < RTE_TEL_MAX_ARRAY_ENTRIES; i++)
		TEST_ASSERT_SUCCESS(rte_tel_data_add_array_int(d, i), "entry %d", i);
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_int(d, 0), -ENOSPC, "array full at 512");

	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_string(d, big), E2BIG, "array string cut");
	TEST_ASSERT_SUCCESS(rte_tel_data_add_array_string(d, "ok"), "short string");

	rte_tel_data_start_dict(d);
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_int(d, 1), -EINVAL, "array add to a dict");
	TEST_ASSERT_EQUAL(rte_tel_data_add_dict_int(d, "bad name", 1), -EINVAL, "space in name");
	TEST_ASSERT_EQUAL(rte_tel_data_add_dict_u64(d, "q\"", 1), -EINVAL, "quote in name");
	TEST_ASSERT_EQUAL(rte_tel_data_add_dict_string(d, "\xc3\xa9", "v"), -EINVAL,
			  "non-ASCII name");
	TEST_ASSERT_EQUAL(rte_tel_data_add_dict_string(d, "s", big), E2BIG, "dict string cut");
	TEST_ASSERT_SUCCESS(rte_tel_data_add_dict_string(d, "a_b/C9", "v"), "allowed characters");
	for (int i = 2; i < RTE_TEL_MAX_DICT_ENTRIES; i++)
		TEST_ASSERT_SUCCESS(rte_tel_data_add_dict_int(d, "n", i), "entry %d", i);
	TEST_ASSERT_EQUAL(rte_tel_data_add_dict_int(d, "n", 0), -ENOSPC, "dict full at 256");

	rte_tel_data_start_dict(d);
	rte_tel_data_start_dict(c);
	TEST_ASSERT_SUCCESS(rte_tel_data_add_dict_container(d, "c", c, 1), "dict in dict");
	TEST_ASSERT_EQUAL(rte_tel_data_add_dict_container(d, "self", d, 1), -EINVAL, "itself");
	rte_tel_data_start_array(d, RTE_TEL_CONTAINER);
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_container(d, c, 1), -EINVAL,
			  "array containers hold arrays only");
	rte_tel_data_start_array(c, RTE_TEL_CONTAINER);
	TEST_ASSERT_EQUAL(rte_tel_data_add_array_container(d, c, 1), -EINVAL,
			  "not an array of containers");
	rte_tel_data_start_array(c, RTE_TEL_U64_VAL);
	TEST_ASSERT_SUCCESS(rte_tel_data_add_array_container(d, c, 1), "u64 array in array");
	ret = TEST_SUCCESS;
	rte_tel_data_free(c);
	rte_tel_data_free(d);
	rte_tel_data_free(NULL);
	return ret;
}

static int
test_telemetry_json_exact(void)
{
	struct rte_tel_data *d = rte_tel_data_alloc(), *a, *b;
	size_t n;

	TEST_ASSERT_NOT_NULL(d, "alloc");
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":null}");

	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":[]}");
	rte_tel_data_add_array_string(d, "meaning\tof \"life\"\n");
	rte_tel_data_add_array_string(d, "back\\slash\r");
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":[\"meaning\\tof \\\"life\\\"\\n\",\"back\\\\slash\\r\"]}");

	rte_tel_data_start_dict(d);
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":{}}");
	rte_tel_data_add_dict_int(d, "weddings", 4);
	rte_tel_data_add_dict_int(d, "neg", -2147483647 - 1);
	rte_tel_data_add_dict_u64(d, "max", UINT64_MAX);
	rte_tel_data_add_dict_string(d, "ctl", "\x01z\x7f\xff");
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":{\"weddings\":4,\"neg\":-2147483648,"
			"\"max\":18446744073709551615,\"ctl\":\"\\u0001z\\u007f\\u00ff\"}}");

	/* containers handed over (keep = 0) are freed by the render */
	a = rte_tel_data_alloc();
	b = rte_tel_data_alloc();
	TEST_ASSERT(a != NULL && b != NULL, "alloc");
	rte_tel_data_start_array(a, RTE_TEL_U64_VAL);
	rte_tel_data_add_array_u64(a, 1);
	rte_tel_data_add_array_u64(a, 2);
	rte_tel_data_start_dict(b);
	rte_tel_data_add_dict_string(b, "k", "v");
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_container(d, "arr", a, 0);
	rte_tel_data_add_dict_container(d, "obj", b, 0);
	rte_tel_data_add_dict_int(d, "after", 3);
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":{\"arr\":[1,2],\"obj\":{\"k\":\"v\"},\"after\":3}}");

	a = rte_tel_data_alloc();
	b = rte_tel_data_alloc();
	TEST_ASSERT(a != NULL && b != NULL, "alloc");
	rte_tel_data_start_array(a, RTE_TEL_INT_VAL);
	rte_tel_data_add_array_int(a, -1);
	rte_tel_data_start_array(b, RTE_TEL_STRING_VAL);
	rte_tel_data_start_array(d, RTE_TEL_CONTAINER);
	rte_tel_data_add_array_container(d, a, 0);
	rte_tel_data_add_array_container(d, b, 0);
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":[[-1],[]]}");

	rte_tel_data_string(d, "just \"text\"");
	n = render(d);
	ASSERT_REPLY(n, "{\"/t\":\"just \\\"text\\\"\"}");
	rte_tel_data_free(d);
	return TEST_SUCCESS;
}

/* Values that do not fit are left out whole; the reply stays valid JSON. */
static int
test_telemetry_json_overflow(void)
{
	struct rte_tel_data *d = rte_tel_data_alloc();
	char s[RTE_TEL_MAX_STRING_LEN];
	unsigned int items = 0;
	size_t n;

	TEST_ASSERT_NOT_NULL(d, "alloc");
	memset(s, 'x', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	rte_tel_data_start_array(d, RTE_TEL_STRING_VAL);
	for (int i = 0; i < RTE_TEL_MAX_ARRAY_ENTRIES; i++)
		rte_tel_data_add_array_string(d, s);
	n = render(d);
	/*
	 * {"/t":[ is 7 bytes, each item 129 plus a comma, ]} 2: within the
	 * 16383 characters, 125 items fit (7 + 129 + 124 * 130 + 2 = 16258).
	 */
	TEST_ASSERT_EQUAL(n, 16258, "reply length");
	TEST_ASSERT_EQUAL(strlen(reply), n, "NUL-terminated");
	TEST_ASSERT(strcmp(reply + n - 3, "\"]}") == 0, "closed: ...%s", reply + n - 10);
	for (const char *p = reply; (p = strchr(p, ',')) != NULL; p++)
		items++;
	TEST_ASSERT_EQUAL(items + 1, 125, "items kept");

	/* a tiny buffer: the value gives way to null, then to nothing */
	rte_tel_data_string(d, "a long string that does not fit");
	n = telemetry_json_reply("/t", d, reply, 12);
	ASSERT_REPLY(n, "{\"/t\":null}");
	n = telemetry_json_reply("/t", d, reply, 5);
	ASSERT_REPLY(n, "");
	rte_tel_data_free(d);
	return TEST_SUCCESS;
}

static int
test_telemetry_parse(void)
{
	struct telemetry_request r;
	char big[TELEMETRY_MAX_REQUEST_LEN + 1];
	char name[TELEMETRY_MAX_CMD_LEN + 1];

	TEST_ASSERT_SUCCESS(telemetry_request_parse("/ethdev/stats,0", 15, &r), "with params");
	TEST_ASSERT(strcmp(r.cmd, "/ethdev/stats") == 0 && r.has_params &&
			    strcmp(r.params, "0") == 0,
		    "cmd '%s' params '%s'", r.cmd, r.params);
	/* not NUL-terminated: only len bytes are read */
	TEST_ASSERT_SUCCESS(telemetry_request_parse("/infoXYZ", 5, &r), "length bounds the record");
	TEST_ASSERT(strcmp(r.cmd, "/info") == 0 && !r.has_params, "cmd '%s'", r.cmd);
	TEST_ASSERT_SUCCESS(telemetry_request_parse("/help,", 6, &r), "empty params");
	TEST_ASSERT(!r.has_params, "'/help,' has no parameters");
	TEST_ASSERT_SUCCESS(telemetry_request_parse("/h,a,b c", 8, &r), "commas in params");
	TEST_ASSERT(strcmp(r.params, "a,b c") == 0, "params '%s'", r.params);

	TEST_ASSERT_EQUAL(telemetry_request_parse("", 0, &r), -EINVAL, "empty");
	TEST_ASSERT_EQUAL(telemetry_request_parse("info", 4, &r), -EINVAL, "no leading /");
	TEST_ASSERT_EQUAL(telemetry_request_parse("/in fo", 6, &r), -EINVAL, "space in cmd");
	TEST_ASSERT_EQUAL(telemetry_request_parse("/in\"fo", 6, &r), -EINVAL, "quote in cmd");
	TEST_ASSERT_EQUAL(telemetry_request_parse("/in\0fo", 6, &r), -EINVAL, "NUL in cmd");
	TEST_ASSERT_EQUAL(telemetry_request_parse("/info\n", 6, &r), -EINVAL, "newline in cmd");
	TEST_ASSERT_EQUAL(telemetry_request_parse("/i,\n", 4, &r), -EINVAL, "newline in params");
	TEST_ASSERT_EQUAL(telemetry_request_parse("/i,\x80", 4, &r), -EINVAL, "byte 0x80");
	TEST_ASSERT_EQUAL(telemetry_request_parse("/i,a\0b", 6, &r), -EINVAL, "NUL in params");
	TEST_ASSERT(r.cmd[0] == '\0', "nothing kept from a refused record");

	memset(name, 'a', sizeof(name));
	name[0] = '/';
	TEST_ASSERT_SUCCESS(telemetry_request_parse(name, TELEMETRY_MAX_CMD_LEN - 1, &r),
			    "55-character command");
	TEST_ASSERT_EQUAL(telemetry_request_parse(name, TELEMETRY_MAX_CMD_LEN, &r), -ENAMETOOLONG,
			  "56-character command");
	memset(big, 'p', sizeof(big));
	memcpy(big, "/i,", 3);
	TEST_ASSERT_SUCCESS(telemetry_request_parse(big, TELEMETRY_MAX_REQUEST_LEN - 1, &r),
			    "1023 bytes");
	TEST_ASSERT_EQUAL(strlen(r.params), TELEMETRY_MAX_REQUEST_LEN - 4, "params kept whole");
	TEST_ASSERT_EQUAL(telemetry_request_parse(big, TELEMETRY_MAX_REQUEST_LEN, &r), -E2BIG,
			  "1024 bytes");
	return TEST_SUCCESS;
}

static int
tel_cb_fail(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_tel_data *c = rte_tel_data_alloc();

	(void)cmd;
	(void)params;
	/* a failing callback may have handed containers over: they are freed */
	rte_tel_data_start_dict(d);
	rte_tel_data_start_array(c, RTE_TEL_INT_VAL);
	rte_tel_data_add_dict_container(d, "c", c, 0);
	return -1;
}

static int
tel_cb_echo(const char *cmd, const char *params, struct rte_tel_data *d)
{
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_string(d, "cmd", cmd);
	rte_tel_data_add_dict_string(d, "params", params != NULL ? params : "(none)");
	return 0;
}

static int
test_telemetry_commands(void)
{
	char help[RTE_TEL_MAX_STRING_LEN + 1];
	size_t n;
	int ret;

	memset(help, 'h', sizeof(help) - 1);
	help[sizeof(help) - 1] = '\0';
	TEST_ASSERT_EQUAL(rte_telemetry_register_cmd("nope", tel_cb_echo, ""), -EINVAL, "no /");
	TEST_ASSERT_EQUAL(rte_telemetry_register_cmd("/a-b", tel_cb_echo, ""), -EINVAL, "'-'");
	TEST_ASSERT_EQUAL(rte_telemetry_register_cmd("/a", NULL, ""), -EINVAL, "NULL callback");
	TEST_ASSERT_EQUAL(rte_telemetry_register_cmd("/a", tel_cb_echo, help), -EINVAL,
			  "help of 128 characters");
	TEST_ASSERT_EQUAL(rte_telemetry_register_cmd("/info", tel_cb_echo, ""), -EEXIST,
			  "registered already");
	/* -EEXIST when the suite runs twice in one process */
	ret = rte_telemetry_register_cmd("/test/echo", tel_cb_echo, "Echo. Parameters: any");
	TEST_ASSERT(ret == 0 || ret == -EEXIST, "register /test/echo: %d", ret);
	ret = rte_telemetry_register_cmd("/test/fail", tel_cb_fail, "Fails");
	TEST_ASSERT(ret == 0 || ret == -EEXIST, "register /test/fail: %d", ret);

	n = answer("/test/echo,a b=c");
	ASSERT_REPLY(n, "{\"/test/echo\":{\"cmd\":\"/test/echo\",\"params\":\"a b=c\"}}");
	n = answer("/test/echo");
	ASSERT_REPLY(n, "{\"/test/echo\":{\"cmd\":\"/test/echo\",\"params\":\"(none)\"}}");
	n = answer("/test/fail");
	ASSERT_REPLY(n, "{\"/test/fail\":null}");
	n = answer("/no/such");
	ASSERT_REPLY(n, "{\"/no/such\":null}");
	n = answer("/help,/test/echo");
	ASSERT_REPLY(n, "{\"/help\":{\"/test/echo\":\"Echo. Parameters: any\"}}");
	n = answer("/help");
	ASSERT_REPLY(n, "{\"/help\":\"Help text of a command. Parameter: the command\"}");
	n = answer("/help,/no/such");
	ASSERT_REPLY(n, "{\"/help\":null}");
	n = answer("/");
	TEST_ASSERT(strncmp(reply, "{\"/\":[\"/\",", 9) == 0, "sorted list: %s", reply);
	TEST_ASSERT_STR_CONTAINS(reply, "\"/help\",\"/info\",", "built-ins, sorted");
	TEST_ASSERT_STR_CONTAINS(reply, "\"/test/echo\",\"/test/fail\"", "registered");
	n = answer("/x\"y");
	ASSERT_REPLY(n, "{\"error\":\"malformed request: expected /command[,parameters] in "
			"printable ASCII\"}");
	return TEST_SUCCESS;
}

/* A fresh directory under /tmp for sockets, or NULL. */
static char *
tel_tmpdir(void)
{
	static char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/sluice-tel-XXXXXX");
	return mkdtemp(dir);
}

static void
tel_addr(struct sockaddr_un *sun, const char *path)
{
	size_t n = strnlen(path, sizeof(sun->sun_path) - 1);

	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	memcpy(sun->sun_path, path, n);
}

static int
tel_connect(const char *path)
{
	struct sockaddr_un sun;
	int fd = socket(AF_UNIX, SOCK_SEQPACKET, 0);

	tel_addr(&sun, path);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Receive one record into reply (NUL-terminated); its length or -1. */
static ssize_t
tel_recv(int fd)
{
	ssize_t n = recv(fd, reply, sizeof(reply) - 1, 0);

	if (n >= 0)
		reply[n] = '\0';
	return n;
}

static int
test_telemetry_socket(void)
{
	struct telemetry_config cfg = {.version = "test 1"};
	char path[128], want[128], big[5000];
	int fd, fd2;
	char *dir = tel_tmpdir();

	TEST_ASSERT_NOT_NULL(dir, "mkdtemp");
	cfg.runtime_dir = dir;
	snprintf(path, sizeof(path), "%s/dpdk_telemetry.v2", dir);
	TEST_ASSERT_SUCCESS(telemetry_init(&cfg), "init");
	TEST_ASSERT_EQUAL(telemetry_init(&cfg), -EALREADY, "second init");
	TEST_ASSERT(strcmp(telemetry_socket_path(), path) == 0, "path %s", telemetry_socket_path());
	/* by name: sanitizers may add threads of their own */
	TEST_ASSERT_EQUAL(test_threads_named("telemetry-v2"), 1, "one telemetry thread");

	fd = tel_connect(path);
	TEST_ASSERT(fd >= 0, "connect");
	snprintf(want, sizeof(want), "{\"version\":\"test 1\",\"pid\":%d,\"max_output_len\":16384}",
		 (int)getpid());
	TEST_ASSERT(tel_recv(fd) > 0 && strcmp(reply, want) == 0, "greeting '%s'", reply);

	/* a second client is served while the first stays connected */
	fd2 = tel_connect(path);
	TEST_ASSERT(fd2 >= 0 && tel_recv(fd2) > 0, "second client greeted");
	TEST_ASSERT(send(fd2, "/info", 5, 0) == 5, "send");
	TEST_ASSERT(tel_recv(fd2) > 0 &&
			    strncmp(reply, "{\"/info\":{\"version\":\"test 1\"", 28) == 0,
		    "info '%s'", reply);
	close(fd2);

	/* a record longer than the buffer is refused whole, the next one answered */
	memset(big, 'a', sizeof(big));
	big[0] = '/';
	TEST_ASSERT(send(fd, big, sizeof(big), 0) == (ssize_t)sizeof(big), "send big");
	TEST_ASSERT(tel_recv(fd) > 0 &&
			    strcmp(reply, "{\"error\":\"request too long: at most 1023 bytes\"}") ==
				    0,
		    "oversized: '%s'", reply);
	TEST_ASSERT(send(fd, "/help,/info", 11, 0) == 11, "send");
	TEST_ASSERT(tel_recv(fd) > 0, "reply after the oversized record");
	TEST_ASSERT(strcmp(reply, "{\"/help\":{\"/info\":\"Version, process id and largest reply "
				  "size. No parameters\"}}") == 0,
		    "help: '%s'", reply);

	telemetry_cleanup();
	TEST_ASSERT_EQUAL(tel_recv(fd), 0, "clients closed at cleanup");
	close(fd);
	TEST_ASSERT(access(path, F_OK) < 0 && errno == ENOENT, "socket file removed");
	TEST_ASSERT_EQUAL(test_threads_named("telemetry-v2"), 0, "thread joined");
	TEST_ASSERT(telemetry_socket_path()[0] == '\0', "no path after cleanup");
	rmdir(dir);
	return TEST_SUCCESS;
}

/* Another live process's socket is left alone; a dead one's is replaced. */
static int
test_telemetry_socket_owner(void)
{
	struct sockaddr_un sun = {.sun_family = AF_UNIX};
	struct telemetry_config cfg = {.version = "v"};
	char path[128], inst[140];
	int other, fd, peer;
	char *dir = tel_tmpdir();

	TEST_ASSERT_NOT_NULL(dir, "mkdtemp");
	cfg.runtime_dir = dir;
	snprintf(path, sizeof(path), "%s/dpdk_telemetry.v2", dir);
	snprintf(inst, sizeof(inst), "%s:1", path);
	tel_addr(&sun, path);

	/* live: a listener at the plain name */
	other = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	TEST_ASSERT(other >= 0 && bind(other, (struct sockaddr *)&sun, sizeof(sun)) == 0 &&
			    listen(other, 4) == 0,
		    "other listener");
	TEST_ASSERT_SUCCESS(telemetry_init(&cfg), "init beside a live socket");
	TEST_ASSERT(strcmp(telemetry_socket_path(), inst) == 0, "instance name %s",
		    telemetry_socket_path());
	fd = tel_connect(path);
	TEST_ASSERT(fd >= 0, "the plain name still reaches the other process");
	peer = accept(other, NULL, NULL);
	TEST_ASSERT(peer >= 0, "and the other process accepts it");
	close(peer);
	close(fd);
	telemetry_cleanup();
	TEST_ASSERT(access(inst, F_OK) < 0, "instance socket removed");
	TEST_ASSERT_SUCCESS(access(path, F_OK), "the other process's socket kept");

	/* stale: the socket file stays but nobody listens */
	close(other);
	TEST_ASSERT_SUCCESS(access(path, F_OK), "stale socket file");
	TEST_ASSERT_SUCCESS(telemetry_init(&cfg), "init over a stale socket");
	TEST_ASSERT(strcmp(telemetry_socket_path(), path) == 0, "plain name taken over");
	fd = tel_connect(path);
	TEST_ASSERT(fd >= 0 && tel_recv(fd) > 0 && strncmp(reply, "{\"version\":\"v\"", 14) == 0,
		    "served on the plain name");
	close(fd);
	telemetry_cleanup();

	/* not a socket: someone's file, never removed */
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	TEST_ASSERT(fd >= 0, "regular file");
	close(fd);
	TEST_ASSERT_EQUAL(telemetry_init(&cfg), -EEXIST, "a regular file is not replaced");
	TEST_ASSERT_SUCCESS(access(path, F_OK), "file kept");
	unlink(path);
	rmdir(dir);
	return TEST_SUCCESS;
}

static const struct test_case telemetry_cases[] = {
	TEST_CASE(test_telemetry_data_limits),	 TEST_CASE(test_telemetry_json_exact),
	TEST_CASE(test_telemetry_json_overflow), TEST_CASE(test_telemetry_parse),
	TEST_CASE(test_telemetry_commands),	 TEST_CASE(test_telemetry_socket),
	TEST_CASE(test_telemetry_socket_owner),	 TEST_CASES_END(),
};

REGISTER_TEST_SUITE(telemetry, TEST_SUITE_NO_EAL, telemetry_cases);
