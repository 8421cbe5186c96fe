/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lib/cmdline: each token type with good and bad words, matching and
 * completion over a command table, a table driven through cmdline_in()
 * and a pipe, the line editor's keys, the circular buffer, and input
 * nobody should type (overlong lines, NULs, cut escape sequences).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/time.h>
#include <arpa/inet.h>

#include <rte_ether.h>
#include <rte_random.h>

#include <cmdline.h>
#include <cmdline_cirbuf.h>
#include <cmdline_parse.h>
#include <cmdline_parse_etheraddr.h>
#include <cmdline_parse_ipaddr.h>
#include <cmdline_parse_num.h>
#include <cmdline_parse_portlist.h>
#include <cmdline_parse_string.h>
#include <cmdline_rdline.h>
#include <cmdline_socket.h>

#include "test.h"

/* The line editor's limit (RDLINE_BUF_SIZE in DPDK). */
#define TEST_LINE_MAX 512

/* ---- tokens ---- */

struct num_case {
	enum cmdline_numtype type;
	const char *in;
	int ret;
	int64_t val; /* read back as the type, sign-extended */
};

static const struct num_case num_cases[] = {
	{RTE_UINT8, "0", 1, 0},
	{RTE_UINT8, "255", 3, 255},
	{RTE_UINT8, "256", -1, 0},
	{RTE_UINT8, "-1", -1, 0},
	{RTE_INT8, "-128", 4, -128},
	{RTE_INT8, "-129", -1, 0},
	{RTE_INT8, "127", 3, 127},
	{RTE_INT8, "128", -1, 0},
	{RTE_UINT16, "0x10", 4, 16},
	{RTE_UINT16, "0xFFff", 6, 65535},
	{RTE_UINT16, "0x10000", -1, 0},
	{RTE_UINT16, "0b101", 5, 5},
	{RTE_UINT16, "017", 3, 15},
	{RTE_UINT16, "08", -1, 0},
	{RTE_UINT16, "12 port", 2, 12},
	{RTE_UINT16, "12#comment", 2, 12},
	{RTE_UINT16, "12abc", -1, 0},
	{RTE_UINT16, "-", -1, 0},
	{RTE_UINT16, "0x", -1, 0},
	{RTE_UINT16, "0b2", -1, 0},
	{RTE_UINT16, "", -1, 0},
	{RTE_INT16, "-32768", 6, -32768},
	{RTE_INT16, "-0x10", -1, 0},
	{RTE_UINT32, "4294967295", 10, 4294967295LL},
	{RTE_UINT32, "4294967296", -1, 0},
	{RTE_INT32, "-2147483648", 11, INT32_MIN},
	{RTE_INT32, "2147483648", -1, 0},
	{RTE_UINT64, "18446744073709551615", 20, -1},
	{RTE_UINT64, "18446744073709551616", -1, 0},
	{RTE_UINT64, "0xffffffffffffffff0", -1, 0},
	{RTE_INT64, "-9223372036854775808", 20, INT64_MIN},
	{RTE_INT64, "9223372036854775808", -1, 0},
};

static int64_t
num_read(enum cmdline_numtype type, const void *p)
{
	switch (type) {
	case RTE_UINT8:
		return *(const uint8_t *)p;
	case RTE_UINT16:
		return *(const uint16_t *)p;
	case RTE_UINT32:
		return *(const uint32_t *)p;
	case RTE_INT8:
		return *(const int8_t *)p;
	case RTE_INT16:
		return *(const int16_t *)p;
	case RTE_INT32:
		return *(const int32_t *)p;
	default:
		return *(const int64_t *)p;
	}
}

static int
test_cmdline_num(void)
{
	cmdline_parse_token_num_t tk = {{&cmdline_token_num_ops, 0}, {RTE_UINT8}};
	char help[32], digits[140];
	uint64_t res;
	unsigned int i;

	for (i = 0; i < RTE_DIM(num_cases); i++) {
		const struct num_case *c = &num_cases[i];

		tk.num_data.type = c->type;
		res = 0;
		TEST_ASSERT_EQUAL(cmdline_parse_num(&tk.hdr, c->in, &res, sizeof(res)), c->ret,
				  "\"%s\" as type %d", c->in, c->type);
		/* matching alone gives the same answer */
		TEST_ASSERT_EQUAL(cmdline_parse_num(&tk.hdr, c->in, NULL, 0), c->ret, "\"%s\"",
				  c->in);
		if (c->ret > 0)
			TEST_ASSERT_EQUAL(num_read(c->type, &res), c->val, "\"%s\" value", c->in);
	}
	/* a result buffer smaller than the type */
	tk.num_data.type = RTE_UINT32;
	TEST_ASSERT_EQUAL(cmdline_parse_num(&tk.hdr, "1", &res, 2), -1, "short result");
	/* 139 leading zeros: too long a token, not a wrapped value */
	memset(digits, '0', sizeof(digits) - 2);
	digits[sizeof(digits) - 2] = '1';
	digits[sizeof(digits) - 1] = '\0';
	TEST_ASSERT_EQUAL(cmdline_parse_num(&tk.hdr, digits, &res, sizeof(res)), -1, "long");
	TEST_ASSERT_SUCCESS(cmdline_get_help_num(&tk.hdr, help, sizeof(help)), "help");
	TEST_ASSERT(strcmp(help, "UINT32") == 0, "help \"%s\"", help);
	tk.num_data.type = RTE_INT64;
	cmdline_get_help_num(&tk.hdr, help, sizeof(help));
	TEST_ASSERT(strcmp(help, "INT64") == 0, "help \"%s\"", help);
	return TEST_SUCCESS;
}

static int
test_cmdline_string(void)
{
	cmdline_parse_token_string_t fixed = {{&cmdline_token_string_ops, 0}, {"show"}};
	cmdline_parse_token_string_t choice = {{&cmdline_token_string_ops, 0}, {"a#bb#ccc"}};
	cmdline_parse_token_string_t any = {{&cmdline_token_string_ops, 0}, {NULL}};
	cmdline_parse_token_string_t multi = {{&cmdline_token_string_ops, 0}, {TOKEN_STRING_MULTI}};
	static cmdline_multi_string_t big;
	char res[STR_TOKEN_SIZE], word[160];

	TEST_ASSERT_EQUAL(cmdline_parse_string(&fixed.hdr, "show port", res, sizeof(res)), 4, " ");
	TEST_ASSERT(strcmp(res, "show") == 0, "res \"%s\"", res);
	TEST_ASSERT_EQUAL(cmdline_parse_string(&fixed.hdr, "shows", res, sizeof(res)), -1, " ");
	TEST_ASSERT_EQUAL(cmdline_parse_string(&fixed.hdr, "sho", res, sizeof(res)), -1, " ");
	TEST_ASSERT_EQUAL(cmdline_parse_string(&fixed.hdr, "show", res, 16), -1, "short res");
	TEST_ASSERT_EQUAL(cmdline_parse_string(&choice.hdr, "bb x", res, sizeof(res)), 2, " ");
	TEST_ASSERT(strcmp(res, "bb") == 0, "res \"%s\"", res);
	TEST_ASSERT_EQUAL(cmdline_parse_string(&choice.hdr, "ccc", NULL, 0), 3, " ");
	TEST_ASSERT_EQUAL(cmdline_parse_string(&choice.hdr, "b", NULL, 0), -1, " ");
	TEST_ASSERT_EQUAL(cmdline_parse_string(&any.hdr, "hello world", res, sizeof(res)), 5, " ");
	TEST_ASSERT(strcmp(res, "hello") == 0, "res \"%s\"", res);
	TEST_ASSERT_EQUAL(cmdline_parse_string(&any.hdr, "", res, sizeof(res)), -1, "empty");
	TEST_ASSERT_EQUAL(cmdline_parse_string(&multi.hdr, "a b  c # note\n", big, sizeof(big)), 7,
			  " ");
	TEST_ASSERT(strcmp(big, "a b  c ") == 0, "multi \"%s\"", big);
	/* 126 characters fit a cmdline_fixed_string_t, 127 do not */
	memset(word, 'w', sizeof(word));
	word[126] = '\0';
	TEST_ASSERT_EQUAL(cmdline_parse_string(&any.hdr, word, res, sizeof(res)), 126, "126");
	word[126] = 'w';
	word[127] = '\0';
	TEST_ASSERT_EQUAL(cmdline_parse_string(&any.hdr, word, res, sizeof(res)), -1, "127");

	TEST_ASSERT_EQUAL(cmdline_complete_get_nb_string(&choice.hdr), 3, "choices");
	TEST_ASSERT_EQUAL(cmdline_complete_get_nb_string(&fixed.hdr), 1, "fixed");
	TEST_ASSERT_EQUAL(cmdline_complete_get_nb_string(&any.hdr), 0, "any");
	TEST_ASSERT_SUCCESS(cmdline_complete_get_elt_string(&choice.hdr, 1, res, sizeof(res)), " ");
	TEST_ASSERT(strcmp(res, "bb") == 0, "elt \"%s\"", res);
	TEST_ASSERT_EQUAL(cmdline_complete_get_elt_string(&choice.hdr, 3, res, sizeof(res)), -1,
			  "past the last");
	TEST_ASSERT_EQUAL(cmdline_complete_get_elt_string(&choice.hdr, 2, res, 3), -1, "small");

	cmdline_get_help_string(&fixed.hdr, res, sizeof(res));
	TEST_ASSERT(strcmp(res, "Fixed STRING") == 0, "\"%s\"", res);
	cmdline_get_help_string(&choice.hdr, res, sizeof(res));
	TEST_ASSERT(strcmp(res, "Mul-choice STRING") == 0, "\"%s\"", res);
	cmdline_get_help_string(&any.hdr, res, sizeof(res));
	TEST_ASSERT(strcmp(res, "Any STRING") == 0, "\"%s\"", res);
	cmdline_get_help_string(&multi.hdr, res, sizeof(res));
	TEST_ASSERT(strcmp(res, "Any STRINGS") == 0, "\"%s\"", res);
	return TEST_SUCCESS;
}

static int
test_cmdline_ipaddr(void)
{
	cmdline_parse_token_ipaddr_t tk = {{&cmdline_token_ipaddr_ops, 0}, {0}};
	struct {
		uint8_t flags;
		const char *in;
		int ret;
		uint8_t family;
		unsigned int prefixlen;
		const char *help;
	} cases[] = {
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6, "192.168.1.1 x", 11, AF_INET, 0,
		 "IPv4/IPv6"},
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6, "::1", 3, AF_INET6, 0, "IPv4/IPv6"},
		{CMDLINE_IPADDR_V4, "::1", -1, 0, 0, "IPv4"},
		{CMDLINE_IPADDR_V6, "10.0.0.1", -1, 0, 0, "IPv6"},
		{CMDLINE_IPADDR_V4, "1.2.3.4.5", -1, 0, 0, "IPv4"},
		{CMDLINE_IPADDR_V4, "256.1.1.1", -1, 0, 0, "IPv4"},
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK, "10.0.0.0/8", 10, AF_INET, 8,
		 "IPv4 network"},
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK, "10.0.0.0/33", -1, 0, 0,
		 "IPv4 network"},
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK, "10.0.0.0", -1, 0, 0, "IPv4 network"},
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK, "10.0.0.0/", -1, 0, 0, "IPv4 network"},
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK, "10.0.0.0/-1", -1, 0, 0,
		 "IPv4 network"},
		{CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK, "fe80::/64", 9, AF_INET6, 64,
		 "IPv6 network"},
		{CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK, "fe80::/129", -1, 0, 0,
		 "IPv6 network"},
		{CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK,
		 "1111:2222:3333:4444:5555:6666:7777:8888:9999/128", -1, 0, 0, "IPv4/IPv6 network"},
	};
	cmdline_ipaddr_t ip;
	struct in_addr v4;
	char help[32];
	unsigned int i;

	for (i = 0; i < RTE_DIM(cases); i++) {
		tk.ipaddr_data.flags = cases[i].flags;
		memset(&ip, 0xff, sizeof(ip));
		TEST_ASSERT_EQUAL(cmdline_parse_ipaddr(&tk.hdr, cases[i].in, &ip, sizeof(ip)),
				  cases[i].ret, "\"%s\"", cases[i].in);
		if (cases[i].ret > 0) {
			TEST_ASSERT_EQUAL(ip.family, cases[i].family, "\"%s\"", cases[i].in);
			TEST_ASSERT_EQUAL(ip.prefixlen, cases[i].prefixlen, "\"%s\"", cases[i].in);
		}
		cmdline_get_help_ipaddr(&tk.hdr, help, sizeof(help));
		TEST_ASSERT(strcmp(help, cases[i].help) == 0, "help \"%s\"", help);
	}
	tk.ipaddr_data.flags = CMDLINE_IPADDR_V4;
	cmdline_parse_ipaddr(&tk.hdr, "192.168.1.1", &ip, sizeof(ip));
	inet_pton(AF_INET, "192.168.1.1", &v4);
	TEST_ASSERT_EQUAL(ip.addr.ipv4.s_addr, v4.s_addr, "address");
	TEST_ASSERT_EQUAL(cmdline_parse_ipaddr(&tk.hdr, "1.1.1.1", &ip, 4), -1, "short result");
	return TEST_SUCCESS;
}

static int
test_cmdline_etheraddr(void)
{
	cmdline_parse_token_etheraddr_t tk = {{&cmdline_token_etheraddr_ops, 0}};
	const uint8_t want[RTE_ETHER_ADDR_LEN] = {0x01, 0x02, 0x03, 0x04, 0xab, 0xcd};
	struct rte_ether_addr ea;
	char help[32];

	TEST_ASSERT_EQUAL(
		cmdline_parse_etheraddr(&tk.hdr, "01:02:03:04:ab:cd next", &ea, sizeof(ea)), 17,
		"colons");
	TEST_ASSERT(memcmp(ea.addr_bytes, want, sizeof(want)) == 0, "value");
	memset(&ea, 0, sizeof(ea));
	TEST_ASSERT_EQUAL(cmdline_parse_etheraddr(&tk.hdr, "0102:0304:abcd", &ea, sizeof(ea)), 14,
			  "three groups");
	TEST_ASSERT(memcmp(ea.addr_bytes, want, sizeof(want)) == 0, "value");
	TEST_ASSERT_EQUAL(cmdline_parse_etheraddr(&tk.hdr, "01:02:03:04:05", &ea, sizeof(ea)), -1,
			  "five bytes");
	TEST_ASSERT_EQUAL(cmdline_parse_etheraddr(&tk.hdr, "01:02:03:04:05:06:07", &ea, sizeof(ea)),
			  -1, "seven bytes");
	TEST_ASSERT_EQUAL(cmdline_parse_etheraddr(&tk.hdr, "01:02:03:04:05:0g", &ea, sizeof(ea)),
			  -1, "not hex");
	TEST_ASSERT_EQUAL(cmdline_parse_etheraddr(&tk.hdr, "01:02:03:04:05:06", &ea, 4), -1,
			  "short result");
	cmdline_get_help_etheraddr(&tk.hdr, help, sizeof(help));
	TEST_ASSERT(strcmp(help, "Ethernet address") == 0, "help \"%s\"", help);
	return TEST_SUCCESS;
}

static int
test_cmdline_portlist(void)
{
	cmdline_parse_token_portlist_t tk = {{&cmdline_token_portlist_ops, 0}};
	struct {
		const char *in;
		int ret;
		uint32_t map;
	} cases[] = {
		{"all", 3, UINT32_MAX}, {"0,2-4,31 x", 8, 0x8000001d},
		{"5", 1, 1u << 5},	{"3-3", 3, 1u << 3},
		{"32", -1, 0},		{"4-2", -1, 0},
		{"1,", -1, 0},		{",1", -1, 0},
		{"1-", -1, 0},		{"1--2", -1, 0},
		{"a", -1, 0},		{"99999999999999999999999", -1, 0},
	};
	cmdline_portlist_t pl;
	char help[64];
	unsigned int i;

	for (i = 0; i < RTE_DIM(cases); i++) {
		pl.map = 0x5a5a;
		TEST_ASSERT_EQUAL(cmdline_parse_portlist(&tk.hdr, cases[i].in, &pl, sizeof(pl)),
				  cases[i].ret, "\"%s\"", cases[i].in);
		if (cases[i].ret > 0)
			TEST_ASSERT_EQUAL(pl.map, cases[i].map, "\"%s\"", cases[i].in);
	}
	cmdline_get_help_portlist(&tk.hdr, help, sizeof(help));
	TEST_ASSERT(strcmp(help, "range of ports as 3,4-6,8-19,20") == 0, "help \"%s\"", help);
	return TEST_SUCCESS;
}

/* ---- a command table ---- */

struct cmd_port_result {
	cmdline_fixed_string_t show;
	cmdline_fixed_string_t what;
	uint16_t port;
};

struct cmd_mac_result {
	cmdline_fixed_string_t show;
	cmdline_fixed_string_t what;
	struct rte_ether_addr mac;
};

struct cmd_echo_result {
	cmdline_fixed_string_t echo;
	cmdline_multi_string_t text;
};

/* what the last command run saw */
static char cmd_ran[8192];

static void
cmd_port_run(void *parsed, struct cmdline *cl, __rte_unused void *data)
{
	struct cmd_port_result *r = parsed;

	snprintf(cmd_ran, sizeof(cmd_ran), "%s %s %u", r->show, r->what, r->port);
	cmdline_printf(cl, "port=%u\n", r->port);
}

static void
cmd_mac_run(void *parsed, struct cmdline *cl, __rte_unused void *data)
{
	struct cmd_mac_result *r = parsed;

	snprintf(cmd_ran, sizeof(cmd_ran), "mac %02x:%02x", r->mac.addr_bytes[0],
		 r->mac.addr_bytes[5]);
	cmdline_printf(cl, "%s\n", cmd_ran);
}

static void
cmd_echo_run(void *parsed, struct cmdline *cl, void *data)
{
	struct cmd_echo_result *r = parsed;

	snprintf(cmd_ran, sizeof(cmd_ran), "%s:%s", (const char *)data, r->text);
	cmdline_printf(cl, "%s\n", r->text);
}

static void
cmd_quit_run(__rte_unused void *parsed, struct cmdline *cl, __rte_unused void *data)
{
	snprintf(cmd_ran, sizeof(cmd_ran), "quit");
	cmdline_quit(cl);
}

static cmdline_parse_token_string_t tok_show =
	TOKEN_STRING_INITIALIZER(struct cmd_port_result, show, "show");
static cmdline_parse_token_string_t tok_port =
	TOKEN_STRING_INITIALIZER(struct cmd_port_result, what, "port#ports");
static cmdline_parse_token_num_t tok_port_id =
	TOKEN_NUM_INITIALIZER(struct cmd_port_result, port, RTE_UINT16);
static cmdline_parse_token_string_t tok_mac =
	TOKEN_STRING_INITIALIZER(struct cmd_mac_result, what, "mac");
static cmdline_parse_token_etheraddr_t tok_mac_addr =
	TOKEN_ETHERADDR_INITIALIZER(struct cmd_mac_result, mac);
static cmdline_parse_token_string_t tok_echo =
	TOKEN_STRING_INITIALIZER(struct cmd_echo_result, echo, "echo");
static cmdline_parse_token_string_t tok_echo_text =
	TOKEN_STRING_INITIALIZER(struct cmd_echo_result, text, TOKEN_STRING_MULTI);
static cmdline_parse_token_string_t tok_dup =
	TOKEN_STRING_INITIALIZER(struct cmd_echo_result, echo, "dup");
static cmdline_parse_token_string_t tok_quit =
	TOKEN_STRING_INITIALIZER(struct cmd_echo_result, echo, "quit");

static cmdline_parse_inst_t cmd_port = {
	.f = cmd_port_run,
	.help_str = "show port <id>: one port",
	.tokens = {&tok_show.hdr, &tok_port.hdr, &tok_port_id.hdr, NULL},
};
static cmdline_parse_inst_t cmd_mac = {
	.f = cmd_mac_run,
	.help_str = NULL,
	.tokens = {&tok_show.hdr, &tok_mac.hdr, &tok_mac_addr.hdr, NULL},
};
static char echo_data[] = "echo";
static cmdline_parse_inst_t cmd_echo = {
	.f = cmd_echo_run,
	.data = echo_data,
	.help_str = "echo <text>",
	.tokens = {&tok_echo.hdr, &tok_echo_text.hdr, NULL},
};
/* two commands for the same word: ambiguous */
static cmdline_parse_inst_t cmd_dup1 = {
	.f = cmd_quit_run,
	.tokens = {&tok_dup.hdr, NULL},
};
static cmdline_parse_inst_t cmd_dup2 = {
	.f = cmd_quit_run,
	.tokens = {&tok_dup.hdr, NULL},
};
static cmdline_parse_inst_t cmd_quit = {
	.f = cmd_quit_run,
	.help_str = "quit",
	.tokens = {&tok_quit.hdr, NULL},
};

/* Tokens built on demand (tokens[0] NULL): "dyn <uint8>". */
static cmdline_parse_token_string_t tok_dyn =
	TOKEN_STRING_INITIALIZER(struct cmd_port_result, what, "dyn");
static cmdline_parse_token_num_t tok_dyn_num =
	TOKEN_NUM_INITIALIZER(struct cmd_port_result, port, RTE_UINT8);
static cmdline_parse_inst_t cmd_dyn;

static void
cmd_dyn_run(void *arg0, struct cmdline *cl, void *arg2)
{
	if (cl == NULL) {
		cmdline_parse_token_hdr_t **slot = arg2;
		long idx = slot - &cmd_dyn.tokens[0];

		*(cmdline_parse_token_hdr_t **)arg0 = idx == 0	 ? &tok_dyn.hdr
						      : idx == 1 ? &tok_dyn_num.hdr
								 : NULL;
		return;
	}
	snprintf(cmd_ran, sizeof(cmd_ran), "dyn %u",
		 (unsigned int)*(uint8_t *)&((struct cmd_port_result *)arg0)->port);
}

static cmdline_parse_inst_t cmd_dyn = {
	.f = cmd_dyn_run,
	.help_str = "dynamic",
	.tokens = {NULL},
};

static cmdline_parse_ctx_t test_ctx[] = {
	&cmd_port, &cmd_mac, &cmd_echo, &cmd_dup1, &cmd_dup2, &cmd_quit, &cmd_dyn, NULL,
};

static int
test_cmdline_parse(void)
{
	struct cmdline *cl = cmdline_new(test_ctx, "> ", -1, -1);

	TEST_ASSERT_NOT_NULL(cl, "cmdline_new");
	cmd_ran[0] = '\0';
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "show port 3\n"), 12, "line length");
	TEST_ASSERT(strcmp(cmd_ran, "show port 3") == 0, "ran \"%s\"", cmd_ran);
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "  show   ports 0x10  # c\r\n"), 26, " ");
	TEST_ASSERT(strcmp(cmd_ran, "show ports 16") == 0, "ran \"%s\"", cmd_ran);
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "show mac 00:11:22:33:44:55\n"), 27, " ");
	TEST_ASSERT(strcmp(cmd_ran, "mac 00:55") == 0, "ran \"%s\"", cmd_ran);
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "echo hello  world # not this\n"), 29, " ");
	TEST_ASSERT(strcmp(cmd_ran, "echo:hello  world ") == 0, "ran \"%s\"", cmd_ran);
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "dyn 200\n"), 8, "dynamic tokens");
	TEST_ASSERT(strcmp(cmd_ran, "dyn 200") == 0, "ran \"%s\"", cmd_ran);

	TEST_ASSERT_EQUAL(cmdline_parse(cl, "show port\n"), CMDLINE_PARSE_BAD_ARGS, " ");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "show port 70000\n"), CMDLINE_PARSE_BAD_ARGS, " ");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "show port 1 2\n"), CMDLINE_PARSE_BAD_ARGS, " ");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "dyn 256\n"), CMDLINE_PARSE_BAD_ARGS, " ");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "frob\n"), CMDLINE_PARSE_NOMATCH, " ");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "dup\n"), CMDLINE_PARSE_AMBIGUOUS, " ");
	/* no newline yet, nothing but a comment, blank */
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "show port 3"), 0, "incomplete");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "  # only a comment\n\n"), 20, "comment");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, "\n"), 1, "empty");
	TEST_ASSERT_EQUAL(cmdline_parse(NULL, "x\n"), CMDLINE_PARSE_BAD_ARGS, "NULL cl");
	TEST_ASSERT_EQUAL(cmdline_parse(cl, NULL), CMDLINE_PARSE_BAD_ARGS, "NULL buf");
	/* a check does not run the command */
	cmd_ran[0] = '\0';
	TEST_ASSERT_EQUAL(cmdline_parse_check(cl, "show port 4\n"), 12, " ");
	TEST_ASSERT(cmd_ran[0] == '\0', "check ran \"%s\"", cmd_ran);
	cmdline_free(cl);
	return TEST_SUCCESS;
}

/* Every offer cmdline_complete() lists for buf, joined by '|'. */
static int
complete_list(struct cmdline *cl, const char *buf, int state, char *out, size_t len)
{
	char dst[256];
	int ret, n = 0;

	out[0] = '\0';
	while ((ret = cmdline_complete(cl, buf, &state, dst, sizeof(dst))) ==
	       CMDLINE_PARSE_COMPLETE_AGAIN) {
		if (n++ > 0)
			strncat(out, "|", len - strlen(out) - 1);
		strncat(out, dst, len - strlen(out) - 1);
		if (n > 50)
			return -1;
	}
	return ret == CMDLINE_PARSE_COMPLETE_FINISHED ? n : -1;
}

static int
test_cmdline_complete(void)
{
	struct cmdline *cl = cmdline_new(test_ctx, "> ", -1, -1);
	char dst[256], list[1024];
	int state;

	TEST_ASSERT_NOT_NULL(cl, "cmdline_new");
	/* one word starts so: its rest and a blank */
	state = 0;
	TEST_ASSERT_EQUAL(cmdline_complete(cl, "sh", &state, dst, sizeof(dst)),
			  CMDLINE_PARSE_COMPLETED_BUFFER, " ");
	TEST_ASSERT(strcmp(dst, "ow ") == 0, "\"%s\"", dst);
	/* "port" and "ports" share "port" */
	state = 0;
	TEST_ASSERT_EQUAL(cmdline_complete(cl, "show p", &state, dst, sizeof(dst)),
			  CMDLINE_PARSE_COMPLETED_BUFFER, " ");
	TEST_ASSERT(strcmp(dst, "ort") == 0, "\"%s\"", dst);
	/* nothing more in common: the choices */
	TEST_ASSERT_EQUAL(complete_list(cl, "show port", 0, list, sizeof(list)), 2, "%s", list);
	TEST_ASSERT(strcmp(list, "port [Mul-choice STRING]: show port <id>: one port|"
				 "ports [Mul-choice STRING]: show port <id>: one port") == 0,
		    "\"%s\"", list);
	TEST_ASSERT_EQUAL(complete_list(cl, "show ", -1, list, sizeof(list)), 3, "%s", list);
	TEST_ASSERT(strcmp(list, "port [Mul-choice STRING]: show port <id>: one port|"
				 "ports [Mul-choice STRING]: show port <id>: one port|"
				 "mac [Fixed STRING]: No help") == 0,
		    "\"%s\"", list);
	TEST_ASSERT_EQUAL(complete_list(cl, "show port ", 0, list, sizeof(list)), 1, "%s", list);
	TEST_ASSERT(strcmp(list, "[UINT16]: show port <id>: one port") == 0, "\"%s\"", list);
	TEST_ASSERT_EQUAL(complete_list(cl, "quit ", 0, list, sizeof(list)), 1, "%s", list);
	TEST_ASSERT(strcmp(list, "[RETURN]") == 0, "\"%s\"", list);
	TEST_ASSERT_EQUAL(complete_list(cl, "dyn ", 0, list, sizeof(list)), 1, "%s", list);
	TEST_ASSERT(strcmp(list, "[UINT8]: dynamic") == 0, "\"%s\"", list);
	state = 0;
	TEST_ASSERT_EQUAL(cmdline_complete(cl, "zzz", &state, dst, sizeof(dst)),
			  CMDLINE_PARSE_COMPLETE_FINISHED, "no match");
	TEST_ASSERT_EQUAL(cmdline_complete(cl, NULL, &state, dst, sizeof(dst)), -1, "NULL");
	cmdline_free(cl);
	return TEST_SUCCESS;
}

/* Drain what a non-blocking pipe holds into out (NUL-terminated). */
static size_t
pipe_read_all(int fd, char *out, size_t len)
{
	size_t got = 0;
	ssize_t n;

	while (got < len - 1 && (n = read(fd, out + got, len - 1 - got)) > 0)
		got += n;
	out[got] = '\0';
	return got;
}

static int
test_cmdline_pipe(void)
{
	static const char input[] = "show port 7\n"
				    "show port\n"
				    "frob\n"
				    "dup\n"
				    "echo a b\n"
				    "sh\t";
	char out[4096];
	struct cmdline *cl;
	int p[2];

	TEST_ASSERT_SUCCESS(pipe2(p, O_NONBLOCK | O_CLOEXEC), "pipe");
	cl = cmdline_new(test_ctx, "test> ", -1, p[1]);
	TEST_ASSERT_NOT_NULL(cl, "cmdline_new");
	TEST_ASSERT_EQUAL(cmdline_in(cl, input, sizeof(input) - 1), (int)sizeof(input) - 1, " ");
	pipe_read_all(p[0], out, sizeof(out));
	/* prompt, echo of each line, CR LF, the command's output */
	TEST_ASSERT(strncmp(out, "test> show port 7\r\nport=7\ntest> ", 32) == 0, "\"%s\"", out);
	TEST_ASSERT_STR_CONTAINS(out, "show port\r\nBad arguments\n", " ");
	TEST_ASSERT_STR_CONTAINS(out, "frob\r\nCommand not found\n", " ");
	TEST_ASSERT_STR_CONTAINS(out, "dup\r\nAmbiguous command\n", " ");
	TEST_ASSERT_STR_CONTAINS(out, "echo a b\r\na b\n", " ");
	/* tab completed "sh" on the last line (then cleared right of the cursor) */
	TEST_ASSERT(strcmp(out + strlen(out) - 15, "test> show \033[0K") == 0, "\"%s\"", out);
	TEST_ASSERT(strcmp(rdline_get_buffer(cmdline_get_rdline(cl)), "show \n") == 0, "line");
	/* the history holds the lines entered, newest first */
	TEST_ASSERT(strcmp(rdline_get_history_item(cmdline_get_rdline(cl), 0), "echo a b") == 0,
		    "history 0");
	TEST_ASSERT(strcmp(rdline_get_history_item(cmdline_get_rdline(cl), 4), "show port 7") == 0,
		    "history 4");

	/* '?' lists the offers, then shows the line again */
	TEST_ASSERT_EQUAL(cmdline_in(cl, "p?", 2), 2, " ");
	pipe_read_all(p[0], out, sizeof(out));
	TEST_ASSERT_STR_CONTAINS(out,
				 "\r\n port [Mul-choice STRING]: show port <id>: one port\r\n"
				 " ports [Mul-choice STRING]: show port <id>: one port\r\n",
				 " ");
	TEST_ASSERT_STR_CONTAINS(out, "test> show p", "redisplayed");

	/* a command that quits ends the input */
	cmdline_in(cl, "\003", 1); /* Ctrl-C: a new line */
	TEST_ASSERT_EQUAL(cmdline_in(cl, "quit\nshow port 1\n", 17), -1, "quit");
	TEST_ASSERT(strcmp(cmd_ran, "quit") == 0, "ran \"%s\"", cmd_ran);
	TEST_ASSERT_EQUAL(cmdline_poll(cl), RDLINE_EXITED, "poll after quit");
	cmdline_free(cl); /* closes p[1] */
	close(p[0]);
	return TEST_SUCCESS;
}

/* cmdline_interact() and cmdline_poll() reading a pipe until end of input,
 * and cmdline_file_new() reading a file. */
static int
test_cmdline_interact(void)
{
	static const char input[] = "show port 9\nshow mac 02:00:00:00:00:01\n";
	char path[] = "/tmp/test_cmdline_XXXXXX";
	char out[1024];
	struct cmdline *cl;
	int in[2], o[2], fd, status, n;

	TEST_ASSERT_SUCCESS(pipe2(in, O_CLOEXEC), "pipe");
	TEST_ASSERT_SUCCESS(pipe2(o, O_NONBLOCK | O_CLOEXEC), "pipe");
	TEST_ASSERT_EQUAL(write(in[1], input, sizeof(input) - 1), (ssize_t)sizeof(input) - 1, " ");
	close(in[1]);
	cl = cmdline_new(test_ctx, "", in[0], o[1]);
	TEST_ASSERT_NOT_NULL(cl, "cmdline_new");
	cmdline_interact(cl);
	pipe_read_all(o[0], out, sizeof(out));
	TEST_ASSERT_STR_CONTAINS(out, "port=9\n", " ");
	TEST_ASSERT_STR_CONTAINS(out, "mac 02:01\n", " ");
	cmdline_free(cl);
	close(o[0]);

	TEST_ASSERT_SUCCESS(pipe2(in, O_CLOEXEC), "pipe");
	TEST_ASSERT_EQUAL(write(in[1], "show port 5\n", 12), 12, " ");
	close(in[1]);
	cl = cmdline_new(test_ctx, "", in[0], -1);
	TEST_ASSERT_NOT_NULL(cl, "cmdline_new");
	for (n = 0; n < 100; n++) {
		status = cmdline_poll(cl);
		if (status != RDLINE_RUNNING)
			break;
	}
	TEST_ASSERT_EQUAL(status, RDLINE_EXITED, "end of input quits");
	TEST_ASSERT(strcmp(cmd_ran, "show port 5") == 0, "ran \"%s\"", cmd_ran);
	cmdline_free(cl);

	fd = mkstemp(path);
	TEST_ASSERT(fd >= 0, "mkstemp");
	TEST_ASSERT_EQUAL(write(fd, "show port 11\n", 13), 13, " ");
	close(fd);
	cl = cmdline_file_new(test_ctx, "> ", path);
	unlink(path);
	TEST_ASSERT_NOT_NULL(cl, "cmdline_file_new");
	cmdline_interact(cl);
	TEST_ASSERT(strcmp(cmd_ran, "show port 11") == 0, "ran \"%s\"", cmd_ran);
	cmdline_free(cl);
	TEST_ASSERT_NULL(cmdline_file_new(test_ctx, "> ", "/nonexistent/cmds"), "missing file");
	TEST_ASSERT_NULL(cmdline_new(NULL, "> ", -1, -1), "NULL table");
	TEST_ASSERT_NULL(cmdline_new(test_ctx, NULL, -1, -1), "NULL prompt");
	return TEST_SUCCESS;
}

static struct cmdline *quit_on_signal;

static void
quit_handler(__rte_unused int sig)
{
	cmdline_quit(quit_on_signal);
}

/* A signal handler that quits ends cmdline_interact() blocked in read(). */
static int
test_cmdline_interact_signal(void)
{
	struct itimerval it = {.it_value = {.tv_usec = 50000}};
	struct sigaction sa = {.sa_handler = quit_handler}, old;
	int in[2];

	TEST_ASSERT_SUCCESS(pipe2(in, O_CLOEXEC), "pipe");
	quit_on_signal = cmdline_new(test_ctx, "", in[0], -1);
	TEST_ASSERT_NOT_NULL(quit_on_signal, "cmdline_new");
	/* no SA_RESTART: read() returns EINTR */
	sigemptyset(&sa.sa_mask);
	TEST_ASSERT_SUCCESS(sigaction(SIGALRM, &sa, &old), "sigaction");
	TEST_ASSERT_SUCCESS(setitimer(ITIMER_REAL, &it, NULL), "setitimer");
	cmdline_interact(quit_on_signal); /* returns, or the suite times out */
	sigaction(SIGALRM, &old, NULL);
	TEST_ASSERT_EQUAL(cmdline_poll(quit_on_signal), RDLINE_EXITED, "quit");
	cmdline_free(quit_on_signal);
	close(in[1]);
	return TEST_SUCCESS;
}

/* Random lines, words of the table among them, through the whole path:
 * editor, matching, completion and the commands. Nothing may break. */
static int
test_cmdline_random_input(void)
{
	static const char *const words[] = {
		"show ", "port ", "ports ", "mac ", "echo ", "dyn ", "0x",
		"-",	 "#",	  "\t",	    "?",    "\033[", "\n",   "99999999999999999999 "};
	char in[8192];
	struct cmdline *cl;
	unsigned int round, i;

	cl = cmdline_new(test_ctx, "> ", -1, -1);
	TEST_ASSERT_NOT_NULL(cl, "cmdline_new");
	rte_srand(42);
	for (round = 0; round < 40; round++) {
		size_t len = 0;

		while (len < sizeof(in) - 32) {
			uint64_t r = rte_rand();

			if (r % 3 == 0) {
				const char *w = words[(r >> 8) % RTE_DIM(words)];

				memcpy(in + len, w, strlen(w));
				len += strlen(w);
			} else {
				in[len++] = (char)(r >> 16);
			}
		}
		/* Ctrl-D on an empty line or "quit" may end the input: start over */
		if (cmdline_in(cl, in, (int)len) < 0) {
			cmdline_free(cl);
			cl = cmdline_new(test_ctx, "> ", -1, -1);
			TEST_ASSERT_NOT_NULL(cl, "cmdline_new");
		}
		TEST_ASSERT(strlen(rdline_get_buffer(cmdline_get_rdline(cl))) <= TEST_LINE_MAX + 1,
			    "round %u", round);
	}
	/* and it still runs commands */
	for (i = 0; i < 3; i++)
		cmdline_in(cl, "\003", 1);
	cmd_ran[0] = '\0';
	cmdline_in(cl, "show port 1\n", 12);
	TEST_ASSERT(strcmp(cmd_ran, "show port 1") == 0, "ran \"%s\"", cmd_ran);
	cmdline_free(cl);
	return TEST_SUCCESS;
}

/* clang-format off */
static const struct test_case test_cmdline_cases[] = {
	TEST_CASE(test_cmdline_num),
	TEST_CASE(test_cmdline_string),
	TEST_CASE(test_cmdline_ipaddr),
	TEST_CASE(test_cmdline_etheraddr),
	TEST_CASE(test_cmdline_portlist),
	TEST_CASE(test_cmdline_parse),
	TEST_CASE(test_cmdline_complete),
	TEST_CASE(test_cmdline_pipe),
	TEST_CASE(test_cmdline_interact),
	TEST_CASE(test_cmdline_interact_signal),
	TEST_CASE(test_cmdline_random_input),
	TEST_CASES_END(),
};
/* clang-format on */

REGISTER_TEST_SUITE(cmdline, TEST_SUITE_EAL, test_cmdline_cases);
