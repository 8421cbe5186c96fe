/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The interactive prompt. On a terminal, libedit gives line editing and
 * history; its callback interface lets the loop also wake up for signals
 * and --run-time. From a pipe, lines are read as they come, without echo,
 * like DPDK's testpmd does.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include <rte_ethdev.h>

#include "testpmd.h"

#define PROMPT "testpmd> "
/* A flow rule takes many words; a line holds at most half its length in words. */
#define MAX_TOKENS 512

static bool quit_requested;

static const char help_text[] =
	"Commands:\n"
	"  start [tx_first [N]]                  start forwarding (after N bursts sent)\n"
	"  stop                                  stop forwarding, print forward statistics\n"
	"  show port stats|info|summary|xstats all|N   port statistics and infos\n"
	"  show port N eeprom|module_eeprom      hex dump of the port's EEPROM\n"
	"  show port N rss-hash [key]            RSS hash types (and key) in use\n"
	"  show port N rx_offload|tx_offload capabilities|configuration   offloads\n"
	"  show port N flow_ctrl|macs|ptypes     pause-frame setting, MAC addresses, packet types\n"
	"  show rxq|txq info P Q                 queue Q of port P\n"
	"  show port P rxq|txq Q desc D status   descriptor D of a queue\n"
	"  show port P rxq Q desc used count     descriptors the port filled\n"
	"  show fwd stats all                    forward statistics so far\n"
	"  show config rxtx|cores|fwd|txpkts     forwarding configuration\n"
	"  show device info all                  devices and their ports\n"
	"  clear port stats|xstats all|N         reset port statistics\n"
	"  clear fwd stats all                   reset forward statistics\n"
	"  dump_physmem|dump_memzone|dump_mempool|dump_ring|dump_struct_sizes|dump_log_types\n"
	"  set fwd MODE [retry]                  forwarding mode: %s\n"
	"  set burst tx delay D retry R          retries of a tx burst, D us apart\n"
	"  set burst N                           packets per burst (1..%d)\n"
	"  set nbcore N                          forwarding lcores (1..%u)\n"
	"  set nbport N                          forwarding ports\n"
	"  set eth-peer N XX:XX:XX:XX:XX:XX      destination MAC for port N (mac, txonly)\n"
	"  set portlist N[,N|N-M]...             forwarding ports\n"
	"  set corelist N[,N|N-M]...             forwarding lcores, in this order\n"
	"  set txpkts X[,Y]*                     txonly/flowgen segment lengths\n"
	"  set flush_rx on|off                   drain the rx queues before forwarding\n"
	"  set xstats-hide-zero on|off           show port xstats without the zero counters\n"
	"  set flow_ctrl rx on|off tx on|off HW LW PT XON mac_ctrl_frame_fwd on|off autoneg on|off N\n"
	"  set flow_ctrl rx|tx|mac_ctrl_frame_fwd|autoneg on|off N, ... high_water|low_water|pause_time|send_xon V N\n"
	"  set verbose N                         packet lines: 1 received, 2 sent, 3 both\n"
	"  set record-core-cycles|record-burst-stats on|off   forward statistics extras\n"
	"  port start|stop|close|reset all|N     start, stop, close or reset ports\n"
	"  port config all rxq|txq|rxd|txd N     queues and descriptors (ports stopped)\n"
	"  port attach [vdev:]NAME[,ARGS]        probe a virtual device, e.g. net_null2\n"
	"  port detach N                         remove the device of port N (stopped)\n"
	"  port config all rss all|ip|udp|tcp|none   RSS hash types of every port\n"
	"  port config mtu P N                   MTU of port P\n"
	"  port config all rxfreet|txfreet|txrst|max-pkt-len|burst N   thresholds, frame, burst\n"
	"  port config N rx_offload|tx_offload NAME on|off   an offload of port N (stopped)\n"
	"  set promisc|allmulti all|N on|off     promiscuous, all-multicast mode\n"
	"  set link-up|link-down port N          link state\n"
	"  mac_addr add|remove|set P XX:XX:XX:XX:XX:XX   MAC addresses\n"
	"  flow validate|create P [ATTR]... pattern ITEM... / end actions ACTION... / end\n"
	"  flow destroy P rule N [rule N]...     destroy flow rules\n"
	"  flow flush|list P                     destroy or list all flow rules of port P\n"
	"  flow query P N count                  counters of a flow rule\n"
	"  flow isolate P 0|1                    restrict ingress to the flow rules\n"
	"  vlan set strip|filter|qinq_strip|extend on|off N   VLAN offloads of port N\n"
	"  rx_vlan add|rm VLAN N                 VLAN filter of port N\n"
	"  load FILE                             run the commands of FILE\n"
	"  quit                                  stop everything and exit\n";

static void
valid_ports_print(void)
{
	uint16_t pid;

	printf("; valid ports:");
	RTE_ETH_FOREACH_DEV(pid)
		printf(" %u", pid);
	printf("\n");
}

int
cmd_port_arg(const char *arg)
{
	char *end;
	unsigned long v;

	if (arg == NULL) {
		printf("Bad arguments: missing port; give a port number or 'all'\n");
		return -1;
	}
	if (strcmp(arg, "all") == 0)
		return PORT_ALL;
	v = strtoul(arg, &end, 10);
	if (end == arg || *end != '\0' || v >= RTE_MAX_ETHPORTS ||
	    !rte_eth_dev_is_valid_port((uint16_t)v)) {
		printf("Invalid port %s", arg);
		valid_ports_print();
		return -1;
	}
	return (int)v;
}

int
cmd_number_arg(const char *what, const char *arg, unsigned long min, unsigned long max,
	       unsigned long *val)
{
	char *end;

	if (arg == NULL) {
		printf("Bad arguments: missing number for '%s'; give %lu..%lu\n", what, min, max);
		return -1;
	}
	errno = 0;
	*val = strtoul(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || arg[0] == '-' || *val < min ||
	    *val > max) {
		printf("Bad arguments: '%s' for '%s'; give a number in %lu..%lu\n", arg, what,
		       min, max);
		return -1;
	}
	return 0;
}

int
cmd_one_port_arg(const char *arg)
{
	int port = cmd_port_arg(arg);

	if (port == PORT_ALL) {
		printf("Bad arguments: give one port, not 'all'\n");
		return -1;
	}
	return port;
}

void
cmd_for_ports(int port, void (*fn)(uint16_t))
{
	uint16_t pid;

	RTE_ETH_FOREACH_DEV(pid) {
		if (port == PORT_ALL || pid == port)
			fn(pid);
	}
}

static int
cmd_help(char **tok, int n)
{
	(void)tok;
	(void)n;
	printf(help_text, fwd_engine_names(), TESTPMD_MAX_BURST, nb_avail_fwd_lcores);
	return 0;
}

/* The most bursts "start tx_first N" sends; lowered where time is short. */
unsigned long tx_first_max = UINT16_MAX;

static int
cmd_start(char **tok, int n)
{
	unsigned long bursts = n >= 2 ? 1 : 0;

	if (n > 3 || (n >= 2 && strcmp(tok[1], "tx_first") != 0)) {
		printf("Bad arguments: '%s'; try 'start', 'start tx_first' or 'start tx_first N'\n",
		       tok[1]);
		return -1;
	}
	/* N = 0 is a plain start, as in DPDK's testpmd. */
	if (n == 3 && cmd_number_arg("start tx_first", tok[2], 0, tx_first_max, &bursts) < 0)
		return -1;
	return fwd_start((unsigned int)bursts);
}

static int
cmd_stop(char **tok, int n)
{
	(void)tok;
	if (n != 1) {
		printf("Bad arguments: 'stop' takes no argument\n");
		return -1;
	}
	return fwd_stop();
}

/* Files loaded from loaded files: a file that loads itself stops here. */
#define LOAD_MAX_DEPTH 8

bool cmdline_load_allowed = true;
static unsigned int load_depth;

static int
cmd_load(char **tok, int n)
{
	if (n != 2) {
		printf("Bad arguments: try 'load FILE'\n");
		return -1;
	}
	if (!cmdline_load_allowed) {
		printf("Bad arguments: 'load' is turned off here\n");
		return -1;
	}
	return cmdline_file_exec(tok[1]);
}

static const struct {
	const char *name;
	int (*fn)(char **tok, int n);
} commands[] = {
	{ "help", cmd_help },
	{ "start", cmd_start },
	{ "stop", cmd_stop },
	{ "show", cmd_show },
	{ "clear", cmd_clear },
	{ "set", cmd_set },
	{ "port", cmd_port },
	{ "mac_addr", cmd_mac_addr },
	{ "flow", cmd_flow },
	{ "vlan", cmd_vlan },
	{ "rx_vlan", cmd_rx_vlan },
	{ "load", cmd_load },
	{ "dump_physmem", cmd_dump },
	{ "dump_memzone", cmd_dump },
	{ "dump_mempool", cmd_dump },
	{ "dump_ring", cmd_dump },
	{ "dump_struct_sizes", cmd_dump },
	{ "dump_log_types", cmd_dump },
};

int
cmdline_exec(char *line)
{
	char *tok[MAX_TOKENS + 1], *save = NULL, *t;
	int n = 0;

	for (t = strtok_r(line, " \t\r\n", &save); t != NULL; t = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == MAX_TOKENS) {
			printf("Command not found: too many words; type 'help' for the commands\n");
			return 0;
		}
		tok[n++] = t;
	}
	if (n == 0 || tok[0][0] == '#')
		return 0;
	if (strcmp(tok[0], "quit") == 0 && n == 1)
		return 1;
	for (size_t i = 0; i < RTE_DIM(commands); i++) {
		if (strcmp(tok[0], commands[i].name) == 0) {
			commands[i].fn(tok, n);
			fflush(stdout);
			return 0;
		}
	}
	printf("Command not found: '%s'; type 'help' for the commands\n", tok[0]);
	fflush(stdout);
	return 0;
}

static bool
cmdline_should_stop(uint64_t deadline)
{
	if (quit_requested || atomic_load_explicit(&force_quit, memory_order_relaxed))
		return true;
	return deadline != 0 && now_ns() >= deadline;
}

static void
line_handler(char *line)
{
	if (line == NULL) {	/* Ctrl-D */
		printf("\n");
		quit_requested = true;
		return;
	}
	if (line[0] != '\0')
		add_history(line);
	if (cmdline_exec(line))
		quit_requested = true;
	free(line);
}

/* Tab completes the words of the commands (and forwarding modes). */
static const char *const cmd_words[] = {
	"start", "stop", "show", "set", "clear", "port", "quit", "help", "load", "mac_addr",
	"tx_first", "stats", "info", "summary", "xstats", "all", "config", "fwd", "cores",
	"rxtx", "txpkts", "device", "rxq", "txq", "rxd", "txd", "mtu", "close", "burst",
	"nbcore", "nbport", "eth-peer", "verbose", "record-core-cycles", "record-burst-stats", "promisc", "allmulti", "link-up", "link-down", "on", "off", "add", "remove",
	"dump_physmem", "dump_memzone", "dump_mempool", "dump_ring", "dump_struct_sizes",
	"dump_log_types", "io", "mac", "macswap", "rxonly", "txonly", "flowgen", "5tswap", "icmpecho", "csum", "flow", "validate", "create", "destroy", "flush", "list", "query", "isolate", "vlan", "rx_vlan", "strip", "filter", "qinq_strip", "extend", "rm", "eeprom", "module_eeprom", "reset", "rss-hash", "key", "portlist", "corelist", "attach", "detach", "flow_ctrl", "retry", "delay", "txpkts", "txsplit", "rss", "reta", "rss-hash-key", "ip", "udp", "tcp", "none", "pattern", "actions", "ingress", "egress", "end", NULL,
};

static char *
cmd_word_generator(const char *text, int state)
{
	static size_t idx, len;

	if (state == 0) {
		idx = 0;
		len = strlen(text);
	}
	while (cmd_words[idx] != NULL) {
		const char *w = cmd_words[idx++];

		if (strncmp(w, text, len) == 0)
			return strdup(w);
	}
	return NULL;
}

static char **
cmd_complete(const char *text, int start, int end)
{
	(void)start;
	(void)end;
	/* No file name completion when nothing matches. */
	rl_attempted_completion_over = 1;
	return rl_completion_matches(text, cmd_word_generator);
}

static void
cmdline_run_tty(uint64_t deadline)
{
	rl_attempted_completion_function = cmd_complete;
	rl_callback_handler_install(PROMPT, line_handler);
	while (!cmdline_should_stop(deadline)) {
		struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };

		if (poll(&pfd, 1, 100) > 0)
			rl_callback_read_char();
	}
	rl_callback_handler_remove();
}

#define PIPE_LINE_MAX 1024

/*
 * Run one complete line from a pipe (without its newline); returns 1 for
 * "quit". A line with a NUL byte is refused whole: the string functions
 * would stop at the NUL and run only its head.
 */
static int
pipe_line_exec(char *line, size_t len)
{
	if (memchr(line, '\0', len) != NULL) {
		printf("Bad line: it holds a NUL byte; skipped\n");
		return 0;
	}
	line[len] = '\0';
	return cmdline_exec(line);
}

int
cmdline_file_exec(const char *path)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *f;

	if (load_depth == LOAD_MAX_DEPTH) {
		printf("Failed to load %s: files loaded %u deep; does a file load itself?\n",
		       path, LOAD_MAX_DEPTH);
		return -1;
	}
	f = fopen(path, "r");
	if (f == NULL) {
		printf("Failed to create file based cmdline context: %s (%s)\n", path,
		       strerror(errno));
		return -1;
	}
	load_depth++;
	/* A "quit" in the file ends the file, not testpmd, as in DPDK's testpmd. */
	while ((len = getline(&line, &cap, f)) > 0) {
		if (line[len - 1] == '\n')
			len--;
		if (len >= PIPE_LINE_MAX) {
			printf("Bad line: longer than %d characters; skipped\n", PIPE_LINE_MAX - 1);
			continue;
		}
		if (pipe_line_exec(line, (size_t)len))
			break;
	}
	load_depth--;
	free(line);
	fclose(f);
	printf("Read CLI commands from %s\n", path);
	return 0;
}

/* Commands from a pipe or file: no echo, the prompt before each. */
static void
cmdline_run_pipe(uint64_t deadline)
{
	char buf[PIPE_LINE_MAX];
	size_t len = 0;
	/* In the middle of a line too long for buf: drop up to its newline. */
	bool skipping = false;

	printf(PROMPT);
	fflush(stdout);
	while (!cmdline_should_stop(deadline)) {
		struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
		char *nl;
		ssize_t r;

		if (poll(&pfd, 1, 100) <= 0)
			continue;
		r = read(STDIN_FILENO, buf + len, sizeof(buf) - 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			/* End of input: run what is left, then quit like DPDK's testpmd. */
			if (len > 0 && !skipping)
				pipe_line_exec(buf, len);
			printf("\n");
			break;
		}
		len += (size_t)r;
		while ((nl = memchr(buf, '\n', len)) != NULL) {
			size_t used = (size_t)(nl - buf) + 1;
			int quit = 0;

			if (skipping)
				skipping = false;
			else
				quit = pipe_line_exec(buf, used - 1);
			if (quit) {
				quit_requested = true;
				return;
			}
			memmove(buf, buf + used, len - used);
			len -= used;
			printf(PROMPT);
			fflush(stdout);
		}
		if (len == sizeof(buf) - 1) {
			if (!skipping)
				printf("Bad line: longer than %zu characters; skipped\n", len);
			skipping = true;
			len = 0;
		}
	}
}

int
cmdline_run(void)
{
	uint64_t deadline = cfg.run_time ? now_ns() + cfg.run_time * 1000000000ull : 0;

	quit_requested = false;
	if (isatty(STDIN_FILENO))
		cmdline_run_tty(deadline);
	else
		cmdline_run_pipe(deadline);
	return 0;
}
