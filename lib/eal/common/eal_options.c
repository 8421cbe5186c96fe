/* SPDX-License-Identifier: BSD-3-Clause */
/* The EAL command line: DPDK's options, each mistake named in one line. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_pci.h>
#include <rte_version.h>

#include "eal_private.h"

/*
 * -m and --socket-mem, in megabytes: 16 TiB, more than a machine this runs on
 * has, and far enough from 2^44 MiB that the shift to bytes cannot wrap.
 */
#define OPT_MEM_MB_MAX (1ULL << 24)
/*
 * The longest argument of a number or list option: more is a mistake, and
 * would push the cause out of the error line that quotes the argument.
 */
#define OPT_NUM_ARG_MAX 1024

enum {
	OPT_LONG_MIN = 256,
	OPT_LCORES,
	OPT_MAIN_LCORE,
	OPT_VDEV,
	OPT_NO_PCI,
	OPT_SOCKET_MEM,
	OPT_SOCKET_LIMIT,
	OPT_NO_HUGE,
	OPT_HUGE_DIR,
	OPT_IN_MEMORY,
	OPT_FILE_PREFIX,
	OPT_IOVA_MODE,
	OPT_BASE_VIRTADDR,
	OPT_LOG_LEVEL,
	OPT_PROC_TYPE,
	OPT_MBUF_POOL_OPS,
	OPT_HUGE_UNLINK,
	OPT_NO_TELEMETRY,
	OPT_TELEMETRY,
	OPT_HUGE_WORKER_STACK,
	OPT_SYSLOG,
	OPT_VFIO_INTR,
	OPT_IGNORED,		/* accepted for DPDK compatibility, no effect here */
	OPT_IGNORED_ARG,
};

static const struct option eal_long_options[] = {
	{ "lcores", required_argument, NULL, OPT_LCORES },
	{ "main-lcore", required_argument, NULL, OPT_MAIN_LCORE },
	{ "allow", required_argument, NULL, 'a' },
	{ "block", required_argument, NULL, 'b' },
	{ "vdev", required_argument, NULL, OPT_VDEV },
	{ "no-pci", no_argument, NULL, OPT_NO_PCI },
	{ "socket-mem", required_argument, NULL, OPT_SOCKET_MEM },
	{ "socket-limit", required_argument, NULL, OPT_SOCKET_LIMIT },
	{ "no-huge", no_argument, NULL, OPT_NO_HUGE },
	{ "huge-dir", required_argument, NULL, OPT_HUGE_DIR },
	{ "in-memory", no_argument, NULL, OPT_IN_MEMORY },
	{ "file-prefix", required_argument, NULL, OPT_FILE_PREFIX },
	{ "iova-mode", required_argument, NULL, OPT_IOVA_MODE },
	{ "base-virtaddr", required_argument, NULL, OPT_BASE_VIRTADDR },
	{ "log-level", required_argument, NULL, OPT_LOG_LEVEL },
	{ "proc-type", required_argument, NULL, OPT_PROC_TYPE },
	{ "mbuf-pool-ops-name", required_argument, NULL, OPT_MBUF_POOL_OPS },
	{ "huge-worker-stack", optional_argument, NULL, OPT_HUGE_WORKER_STACK },
	/* no HPET timer here: the TSC, as in DPDK built without HPET */
	{ "no-hpet", no_argument, NULL, OPT_IGNORED },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'v' },
	{ "no-shconf", no_argument, NULL, OPT_IGNORED },
	{ "create-uio-dev", no_argument, NULL, OPT_IGNORED },
	{ "no-telemetry", no_argument, NULL, OPT_NO_TELEMETRY },
	{ "telemetry", no_argument, NULL, OPT_TELEMETRY },
	{ "legacy-mem", no_argument, NULL, OPT_IGNORED },
	{ "single-file-segments", no_argument, NULL, OPT_IGNORED },
	{ "match-allocations", no_argument, NULL, OPT_IGNORED },
	{ "huge-unlink", optional_argument, NULL, OPT_HUGE_UNLINK },
	{ "vfio-intr", required_argument, NULL, OPT_VFIO_INTR },
	{ "syslog", required_argument, NULL, OPT_SYSLOG },
	{ NULL, 0, NULL, 0 },
};

static const char eal_short_options[] = ":a:b:c:hl:m:n:r:s:S:v";

static int
opt_err(const char *fmt, ...) __rte_format_printf(1, 2);

static int
opt_err(const char *fmt, ...)
{
	/* room for the longest number or list (OPT_NUM_ARG_MAX) quoted twice */
	char buf[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return eal_fail(EINVAL, "EAL: %s; see --help\n", buf);
}

void
eal_options_reset(void)
{
	memset(&eal_cfg, 0, sizeof(eal_cfg));
	snprintf(eal_cfg.file_prefix, sizeof(eal_cfg.file_prefix), "rte");
	eal_cfg.iova_mode = RTE_IOVA_DC;
	eal_cfg.process_type = RTE_PROC_PRIMARY;
	eal_cfg.main_lcore = UINT32_MAX;
}

void
eal_options_free(void)
{
}

void
eal_usage(const char *prgname)
{
	rte_usage_hook_t hook = eal_get_usage_hook();

	printf("\nUsage: %s [options]\n\n"
	       "EAL common options:\n"
	       "  -c COREMASK         Hexadecimal bitmask of cores to run on\n"
	       "  -l, --lcores LIST   List of cores to run on: 0-3,5 or lcore@cpu pairs\n"
	       "  --main-lcore ID     Core ID that is used as main\n"
	       "  -s SERVICE_COREMASK Hexadecimal bitmask of lcores (of -l/-c) run as service lcores\n"
	       "  -S SERVICE_CORELIST List of lcores (of -l/-c) run as service lcores: 2,4-5\n"
	       "  -a, --allow BDF[,args]  Use only these PCI devices (repeatable)\n"
	       "  -b, --block BDF     Never use this PCI device (repeatable)\n"
	       "  --vdev NAME[,k=v,...]   Add a virtual device, e.g. net_null0,size=64\n"
	       "  --no-pci            Do not scan PCI devices\n"
	       "  -m MB               Memory to allocate at start-up, in megabytes\n"
	       "  --socket-mem MB,..  Memory per NUMA node, in megabytes\n"
	       "  --socket-limit MB,..  Most memory per NUMA node, in megabytes (0: no limit)\n"
	       "  --no-huge           Use anonymous memory instead of hugepages\n"
	       "  --huge-dir DIR      Back hugepages with files in this hugetlbfs mount\n"
	       "  --huge-unlink[=existing|always|never]  Remove --huge-dir files: stale ones\n"
	       "                      (default), ours too once open, or none (reuse them)\n"
	       "  --in-memory         Create no files at all\n"
	       "  --file-prefix NAME  Prefix of hugepage file names (default rte)\n"
	       "  --iova-mode MODE    va, pa or auto (default auto)\n"
	       "  --base-virtaddr ADDR  Hexadecimal address where EAL memory starts\n"
	       "  --log-level LEVEL   A level (1-8 or a name), or TYPE:LEVEL with globs\n"
	       "  --proc-type TYPE    primary, secondary or auto\n"
	       "  --mbuf-pool-ops-name NAME  Mempool ops for pktmbuf pools\n"
	       "  --no-telemetry      No telemetry socket (on by default)\n"
	       "  --huge-worker-stack[=KB]  Accepted as in DPDK (not with --no-huge)\n"
	       "  --no-hpet           Accepted as in DPDK: the TSC is the timer\n"
	       "  -h, --help          This help\n"
	       "  -v, --version       Print the version\n"
	       "\n", prgname);
	if (hook != NULL) {
		printf("===== Application Usage =====\n\n");
		hook(prgname);
	}
}

/*
 * A decimal number in [min, max], checked as a 64-bit value before anyone
 * narrows it; a mistake is one line with the option, the value and the range.
 */
static int
opt_num(const char *opt, const char *arg, const char *what, unsigned long long min,
	unsigned long long max, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	if (arg == NULL || !isdigit((unsigned char)*arg))
		goto bad;
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	return opt_err("invalid %s '%s': give %s from %llu to %llu", opt, arg ? arg : "",
		       what, min, max);
}

/*
 * One number of a list at *p (advanced past it), at most max. The whole
 * argument is named in the message, with the valid range.
 */
static int
opt_list_num(const char **p, const char *opt, const char *arg, const char *what,
	     const char *whats, unsigned long long max, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(*p, &end, 10);
	if (errno != 0 || v > max) {
		int len = (int)strspn(*p, "0123456789");

		return opt_err("%s %.*s in %s '%s' is out of range: valid %s are 0-%llu",
			       what, len, *p, opt, arg, whats, max);
	}
	*p = end;
	*out = v;
	return 0;
}

/* lcore id -> CPU, filled by -l/-c/--lcores; UINT32_MAX = not enabled. */
static unsigned int opt_lcore_cpu[RTE_MAX_LCORE];
static bool opt_lcores_given;
/* Service lcores from -s/-S (opt_service_name), checked in finish_lcores. */
static bool opt_service[RTE_MAX_LCORE];
static const char *opt_service_name;
/* --huge-worker-stack given: DPDK refuses it with --no-huge. */
static bool opt_huge_worker_stack;

static int
lcore_add(unsigned int lcore, unsigned int cpu, const char *opt, const char *arg)
{
	if (lcore >= RTE_MAX_LCORE)
		return opt_err("lcore %u in %s '%s' is out of range: valid lcores are 0-%d",
			       lcore, opt, arg, RTE_MAX_LCORE - 1);
	if (opt_service_name == opt) {
		/* -s/-S name lcores of the lcore list, whatever their CPU */
		opt_service[lcore] = true;
		return 0;
	}
	if (!eal_cpu_exists(cpu))
		return opt_err("core %u in %s '%s' does not exist on this machine "
			       "(it has CPUs 0-%u)", cpu, opt, arg,
			       eal_topo.lcore_count - 1);
	if (opt_lcore_cpu[lcore] != UINT32_MAX)
		return opt_err("lcore %u is listed twice in %s '%s'", lcore, opt, arg);
	opt_lcore_cpu[lcore] = cpu;
	return 0;
}

/* "0-3,5" or, for --lcores, items of the form "lcore@cpu". */
static int
parse_lcore_list(const char *arg, const char *opt)
{
	const unsigned long long lcore_max = RTE_MAX_LCORE - 1;
	const unsigned long long cpu_max = eal_topo.lcore_count - 1;
	const char *p = arg;

	if (*p == '\0')
		return opt_err("%s needs a list of cores, e.g. 0-3,5", opt);
	while (*p != '\0') {
		unsigned long long first = 0, last, cpu = 0;
		bool has_cpu = false;

		if (!isdigit((unsigned char)*p))
			return opt_err("malformed core list %s '%s': expected numbers "
				       "and ranges such as 0-3,5", opt, arg);
		if (opt_list_num(&p, opt, arg, "lcore", "lcores", lcore_max, &first) < 0)
			return -1;
		last = first;
		if (*p == '-') {
			p++;
			if (!isdigit((unsigned char)*p))
				return opt_err("malformed range in %s '%s'", opt, arg);
			if (opt_list_num(&p, opt, arg, "lcore", "lcores", lcore_max, &last) < 0)
				return -1;
			if (last < first)
				return opt_err("range %llu-%llu in %s '%s' is reversed",
					       first, last, opt, arg);
		}
		if (*p == '@') {
			p++;
			if (opt == opt_service_name)
				return opt_err("%s '%s' takes lcore ids, not lcore@cpu: "
					       "place the lcores with --lcores", opt, arg);
			if (!isdigit((unsigned char)*p) || first != last)
				return opt_err("malformed lcore@cpu item in %s '%s'", opt, arg);
			if (opt_list_num(&p, opt, arg, "CPU", "CPUs", cpu_max, &cpu) < 0)
				return -1;
			has_cpu = true;
		}
		/* both bounds were checked above: the narrowing below is exact */
		for (unsigned long long i = first; i <= last; i++) {
			if (lcore_add((unsigned int)i, (unsigned int)(has_cpu ? cpu : i), opt,
				      arg) < 0)
				return -1;
		}
		if (*p == ',' && p[1] != '\0')
			p++;
		else if (*p != '\0')
			return opt_err("malformed core list %s '%s' near '%s'", opt, arg, p);
	}
	return 0;
}

/* -c or -s: a hexadecimal mask of lcores. */
static int
parse_coremask(const char *arg, const char *opt)
{
	const char *p = arg;
	size_t len;
	unsigned int bit = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	len = strlen(p);
	if (len == 0)
		return opt_err("%s needs a hexadecimal core mask, e.g. 0x3", opt);
	for (size_t i = len; i-- > 0; bit += 4) {
		int v;

		if (!isxdigit((unsigned char)p[i]))
			return opt_err("malformed core mask %s '%s': expected hexadecimal", opt,
				       arg);
		v = isdigit((unsigned char)p[i]) ? p[i] - '0' :
			tolower((unsigned char)p[i]) - 'a' + 10;
		for (int b = 0; b < 4; b++) {
			if ((v & (1 << b)) && lcore_add(bit + b, bit + b, opt, arg) < 0)
				return -1;
		}
	}
	return 0;
}

/* --socket-mem or --socket-limit: megabytes per NUMA node, into bytes. */
static int
parse_mem_per_node(const char *opt, const char *arg, size_t bytes[RTE_MAX_NUMA_NODES])
{
	const char *p = arg;
	unsigned int node = 0;

	if (*p == '\0')
		return opt_err("%s needs megabytes per node, e.g. 1024,0", opt);
	while (*p != '\0') {
		unsigned long long mb = 0;

		if (node >= RTE_MAX_NUMA_NODES)
			return opt_err("%s '%s' names more than %d nodes", opt, arg,
				       RTE_MAX_NUMA_NODES);
		if (!isdigit((unsigned char)*p))
			return opt_err("malformed %s '%s': expected megabytes per node, "
				       "e.g. 1024,0", opt, arg);
		if (opt_list_num(&p, opt, arg, "size", "sizes (MiB)", OPT_MEM_MB_MAX, &mb) < 0)
			return -1;
		bytes[node++] = (size_t)mb << 20;
		if (*p == ',' && p[1] != '\0')
			p++;
		else if (*p != '\0')
			return opt_err("malformed %s '%s' near '%s'", opt, arg, p);
	}
	return 0;
}

/* Values DPDK accepts for options Sluice takes without acting on them. */
static const char *const syslog_facilities[] = {
	"auth", "cron", "daemon", "ftp", "kern", "lpr", "mail", "news", "syslog", "user",
	"uucp", "local0", "local1", "local2", "local3", "local4", "local5", "local6",
	"local7", NULL,
};
static const char *const vfio_intr_modes[] = { "legacy", "msi", "msix", NULL };

/* arg must be one of words; else one line naming them. */
static int
opt_word(const char *opt, const char *arg, const char *const *words, const char *what)
{
	char list[256] = "";

	for (size_t i = 0; words[i] != NULL; i++) {
		if (strcmp(arg, words[i]) == 0)
			return 0;
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
			 i == 0 ? "" : ", ", words[i]);
	}
	return opt_err("invalid %s '%s': give %s: %s", opt, arg, what, list);
}

/*
 * --base-virtaddr, hexadecimal. The floor is 256 MiB: with nothing of ours
 * below it, NULL plus any offset up to that still faults; DPDK's own tests
 * ask for 0x12345678, so a 4 GiB floor refused what DPDK takes.
 * The ceiling is 2^57, the top of the widest user address space of x86-64
 * (5-level paging) and arm64 (52-bit VA); a window that does not fit below
 * it could only wrap.
 */
#define OPT_BASE_VA_MIN 0x10000000ULL
#define OPT_BASE_VA_END (1ULL << 57)

static int
parse_base_virtaddr(const char *arg)
{
	const char *digits = arg;
	unsigned long long v;
	char *end;

	if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
		digits += 2;
	/* strtoull would take a sign or blanks and wrap "-1" to the top */
	if (!isxdigit((unsigned char)*digits))
		goto bad;
	errno = 0;
	v = strtoull(digits, &end, 16);
	if (errno != 0 || *end != '\0' || v < OPT_BASE_VA_MIN || v >= OPT_BASE_VA_END)
		goto bad;
	eal_cfg.base_virtaddr = v;
	return 0;
bad:
	return opt_err("invalid --base-virtaddr '%s': give a hexadecimal address from "
		       "0x%llx to 0x%llx, e.g. 0x100000000", arg, OPT_BASE_VA_MIN,
		       OPT_BASE_VA_END - 1);
}

/* --huge-unlink alone means "always", as in DPDK. */
static int
parse_huge_unlink(const char *arg)
{
	if (arg == NULL || strcmp(arg, "always") == 0) {
		eal_cfg.huge_unlink = EAL_HUGE_UNLINK_ALWAYS;
	} else if (strcmp(arg, "existing") == 0) {
		eal_cfg.huge_unlink = EAL_HUGE_UNLINK_EXISTING;
	} else if (strcmp(arg, "never") == 0) {
		eal_cfg.huge_unlink = EAL_HUGE_UNLINK_NEVER;
	} else {
		return opt_err("invalid --huge-unlink '%s': use existing, always or never", arg);
	}
	return 0;
}

static int
add_pci_devargs(int opt, const char *arg)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	struct rte_pci_addr addr;
	size_t n = strcspn(arg, ",");

	if (n >= sizeof(name))
		n = sizeof(name) - 1;
	memcpy(name, arg, n);
	name[n] = '\0';
	if (rte_pci_addr_parse(name, &addr) < 0)
		return opt_err("invalid PCI address '%s' in %s: expected "
			       "DDDD:BB:DD.F, e.g. 0000:00:03.0", name,
			       opt == 'a' ? "-a/--allow" : "-b/--block");
	if (eal_devargs_add_arg(opt == 'a' ? RTE_DEVTYPE_ALLOWED : RTE_DEVTYPE_BLOCKED,
				arg) < 0)
		return eal_fail(rte_errno, "EAL: cannot add device '%s'\n", arg);
	return 0;
}

static bool
opt_takes_numbers(int opt)
{
	switch (opt) {
	case 'c': case 'l': case 'm': case 'n': case 'r': case 's': case 'S':
	case OPT_LCORES: case OPT_MAIN_LCORE: case OPT_SOCKET_MEM: case OPT_SOCKET_LIMIT:
	case OPT_BASE_VIRTADDR:
		return true;
	default:
		return false;
	}
}

static int
eal_opt_apply(int opt, const char *arg, const char *optname)
{
	unsigned long long v;

	if (opt_takes_numbers(opt) && arg != NULL && strlen(arg) > OPT_NUM_ARG_MAX)
		return opt_err("%s takes at most %d characters, not %zu", optname,
			       OPT_NUM_ARG_MAX, strlen(arg));
	switch (opt) {
	case 'l':
	case OPT_LCORES:
		if (opt_lcores_given)
			return opt_err("cores given twice (-l, --lcores or -c)");
		opt_lcores_given = true;
		return parse_lcore_list(arg, opt == 'l' ? "-l" : "--lcores");
	case 'c':
		if (opt_lcores_given)
			return opt_err("cores given twice (-l, --lcores or -c)");
		opt_lcores_given = true;
		return parse_coremask(arg, "-c");
	case 's':
	case 'S': {
		int ret;

		if (opt_service_name != NULL)
			return opt_err("service lcores given twice (-s or -S)");
		opt_service_name = opt == 's' ? "-s" : "-S";
		ret = opt == 's' ? parse_coremask(arg, opt_service_name) :
				   parse_lcore_list(arg, opt_service_name);
		if (ret < 0)
			return ret;
		for (unsigned int i = 0; i < RTE_MAX_LCORE; i++)
			if (opt_service[i])
				return 0;
		return opt_err("%s '%s' names no lcore", opt_service_name, arg);
	}
	case OPT_MAIN_LCORE:
		if (opt_num(optname, arg, "an lcore id", 0, RTE_MAX_LCORE - 1, &v) < 0)
			return -1;
		eal_cfg.main_lcore = (unsigned int)v;
		return 0;
	case 'a':
	case 'b':
		return add_pci_devargs(opt, arg);
	case OPT_VDEV:
		if (*arg == '\0' || *arg == ',')
			return opt_err("--vdev needs a device name, e.g. net_null0");
		if (eal_devargs_add_arg(RTE_DEVTYPE_VIRTUAL, arg) < 0)
			return eal_fail(rte_errno, "EAL: cannot add device '%s'\n", arg);
		return 0;
	case OPT_NO_PCI:
		eal_cfg.no_pci = true;
		return 0;
	case 'm':
		if (opt_num(optname, arg, "megabytes", 1, OPT_MEM_MB_MAX, &v) < 0)
			return -1;
		eal_cfg.memory = (size_t)v << 20;
		return 0;
	case OPT_SOCKET_MEM:
		eal_cfg.force_sockets = true;
		return parse_mem_per_node(optname, arg, eal_cfg.socket_mem);
	case OPT_SOCKET_LIMIT:
		eal_cfg.force_socket_limits = true;
		return parse_mem_per_node(optname, arg, eal_cfg.socket_limit);
	case OPT_NO_HUGE:
		eal_cfg.no_huge = true;
		return 0;
	case OPT_HUGE_DIR:
		if (*arg == '\0' || strlen(arg) >= sizeof(eal_cfg.huge_dir))
			return opt_err("invalid --huge-dir '%s'", arg);
		snprintf(eal_cfg.huge_dir, sizeof(eal_cfg.huge_dir), "%s", arg);
		eal_cfg.huge_dir_given = true;
		return 0;
	case OPT_HUGE_UNLINK:
		return parse_huge_unlink(arg);
	case OPT_IN_MEMORY:
		eal_cfg.in_memory = true;
		return 0;
	case OPT_FILE_PREFIX:
		if (*arg == '\0' || strchr(arg, '/') != NULL ||
		    strlen(arg) >= sizeof(eal_cfg.file_prefix))
			return opt_err("invalid --file-prefix '%s': a short name without '/'", arg);
		snprintf(eal_cfg.file_prefix, sizeof(eal_cfg.file_prefix), "%s", arg);
		return 0;
	case OPT_IOVA_MODE:
		if (strcmp(arg, "va") == 0)
			eal_cfg.iova_mode = RTE_IOVA_VA;
		else if (strcmp(arg, "pa") == 0)
			eal_cfg.iova_mode = RTE_IOVA_PA;
		else if (strcmp(arg, "auto") == 0)
			eal_cfg.iova_mode = RTE_IOVA_DC;
		else
			return opt_err("invalid --iova-mode '%s': use va, pa or auto", arg);
		return 0;
	case OPT_BASE_VIRTADDR:
		return parse_base_virtaddr(arg);
	case OPT_LOG_LEVEL:
		return eal_log_set_level_arg(arg);
	case OPT_PROC_TYPE:
		if (strcmp(arg, "primary") == 0)
			eal_cfg.process_type = RTE_PROC_PRIMARY;
		else if (strcmp(arg, "auto") == 0)
			eal_cfg.process_type = RTE_PROC_AUTO;
		else if (strcmp(arg, "secondary") == 0)
			eal_cfg.process_type = RTE_PROC_SECONDARY;
		else
			return opt_err("invalid --proc-type '%s': use primary, secondary or auto",
				       arg);
		return 0;
	case OPT_MBUF_POOL_OPS:
		snprintf(eal_cfg.user_mbuf_pool_ops_name,
			 sizeof(eal_cfg.user_mbuf_pool_ops_name), "%s", arg);
		return 0;
	case 'n':
		/* memory channels: accepted for compatibility, no effect */
		return opt_num(optname, arg, "a channel count", 1, 64, &v);
	case 'r':
		/* memory ranks: accepted for compatibility; DPDK allows up to 16 */
		return opt_num(optname, arg, "a rank count", 1, 16, &v);
	case 'v':
		printf("%s\n", rte_version());
		return 0;
	case OPT_NO_TELEMETRY:
	case OPT_TELEMETRY:
		eal_cfg.no_telemetry = opt == OPT_NO_TELEMETRY;
		return 0;
	case OPT_HUGE_WORKER_STACK:
		/* DPDK: optional size in kB, default the system's thread stack
		 * size. Workers keep ordinary stacks here: Sluice starts lcore
		 * threads before its memory exists. */
		if (arg != NULL && arg[0] != '\0') {
			int rc = opt_num(optname, arg, "a stack size in kB", 1,
					 SIZE_MAX / 1024 - 1, &v);

			if (rc < 0)
				return rc;
		}
		opt_huge_worker_stack = true;
		return 0;
	case OPT_SYSLOG:
		/* checked as DPDK does; logs go to stderr as they are */
		return opt_word(optname, arg, syslog_facilities, "a syslog facility");
	case OPT_VFIO_INTR:
		/* checked as DPDK does; the VFIO bus picks the mode itself */
		return opt_word(optname, arg, vfio_intr_modes, "an interrupt mode");
	case OPT_IGNORED:
	case OPT_IGNORED_ARG:
		return 0;
	default:
		return opt_err("unhandled option %s", optname);
	}
}

static int
finish_lcores(void)
{
	unsigned int first = UINT32_MAX;

	if (!opt_lcores_given) {
		/* DPDK's default: every CPU this process may run on. */
		cpu_set_t set;

		if (sched_getaffinity(0, sizeof(set), &set) < 0)
			CPU_ZERO(&set);
		for (unsigned int cpu = 0; cpu < eal_topo.lcore_count && cpu < RTE_MAX_LCORE; cpu++)
			if (CPU_COUNT(&set) == 0 || CPU_ISSET(cpu, &set))
				opt_lcore_cpu[cpu] = cpu;
	}
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++) {
		struct lcore_config *lc = &lcore_config[i];

		if (opt_lcore_cpu[i] == UINT32_MAX) {
			lc->role = ROLE_OFF;
			continue;
		}
		if (first == UINT32_MAX)
			first = i;
		lc->role = ROLE_RTE;
		lc->core_id = opt_lcore_cpu[i];
		lc->socket_id = eal_cpu_socket_id(opt_lcore_cpu[i]);
		CPU_ZERO(&lc->cpuset);
		CPU_SET(opt_lcore_cpu[i], &lc->cpuset);
	}
	if (first == UINT32_MAX)
		return opt_err("no usable core: give cores with -l, e.g. -l 0-1");
	if (eal_cfg.main_lcore == UINT32_MAX)
		eal_cfg.main_lcore = first;
	else if (lcore_config[eal_cfg.main_lcore].role != ROLE_RTE)
		return opt_err("--main-lcore %u is not in the core list", eal_cfg.main_lcore);
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++) {
		if (!opt_service[i])
			continue;
		if (opt_lcore_cpu[i] == UINT32_MAX)
			return opt_err("service lcore %u (%s) is not in the lcore list: add it "
				       "to -l, -c or --lcores as well", i, opt_service_name);
		if (i == eal_cfg.main_lcore)
			return opt_err("service lcore %u (%s) is the main lcore: leave it out "
				       "of %s or choose another with --main-lcore", i,
				       opt_service_name, opt_service_name);
		eal_cfg.service_lcore[i] = true;
	}
	return 0;
}

/*
 * getopt_long returned '?' or ':'. optopt is the short option letter, the
 * value of a long option, or 0 for an unknown long option. Inside a cluster
 * ("-vZl0") optind still points at that word or past it, so only optopt
 * names a short option reliably; argv[optind - 1] is right for long ones.
 */
static int
opt_report_getopt_error(int opt, char **argv)
{
	const char *word = argv[optind - 1];
	char name[64];
	size_t len;

	if (optopt > 0 && optopt < OPT_LONG_MIN) {
		if (opt == ':')
			return opt_err("option '-%c' needs an argument", optopt);
		return opt_err("unknown option '-%c'", optopt);
	}
	if (optopt == 0)
		return opt_err("unknown option '%s'", word);
	/* a known long option: drop any "=value" from the word to name it */
	len = strcspn(word, "=");
	snprintf(name, sizeof(name), "%.*s", (int)RTE_MIN(len, sizeof(name) - 1), word);
	if (opt == ':')
		return opt_err("option '%s' needs an argument", name);
	return opt_err("option '%s' takes no argument", name);
}

int
eal_parse_args(int argc, char **argv)
{
	const char *prgname = argc > 0 ? argv[0] : "app";
	bool allow = false, block = false;
	int opt, idx, ret;

	if (eal_cpu_detect() < 0)
		return -1;
	for (unsigned int i = 0; i < RTE_MAX_LCORE; i++) {
		opt_lcore_cpu[i] = UINT32_MAX;
		opt_service[i] = false;
	}
	opt_lcores_given = false;
	opt_service_name = NULL;
	opt_huge_worker_stack = false;

	/*
	 * 0, not 1: glibc then forgets where it stopped inside a cluster such as
	 * "-vZl0" of an earlier call, whose argv may since have been freed.
	 */
	optind = 0;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, eal_short_options,
				  eal_long_options, &idx)) != -1) {
		char optname[64];

		if (opt == '?' || opt == ':') {
			ret = opt_report_getopt_error(opt, argv);
			goto out;
		}
		if (opt == 'h') {
			eal_usage(prgname);
			rte_errno = 0;
			ret = -2;
			goto out;
		}
		if (opt < OPT_LONG_MIN)
			snprintf(optname, sizeof(optname), "-%c", opt);
		else
			snprintf(optname, sizeof(optname), "--%s", eal_long_options[idx].name);
		if (opt == 'a')
			allow = true;
		if (opt == 'b')
			block = true;
		if (allow && block) {
			ret = opt_err("-a/--allow and -b/--block cannot be used together");
			goto out;
		}
		if (eal_opt_apply(opt, optarg, optname) < 0) {
			ret = -1;
			goto out;
		}
	}
	if (eal_cfg.no_huge && (eal_cfg.huge_dir_given || eal_cfg.force_sockets)) {
		ret = opt_err("--no-huge cannot be combined with --huge-dir or --socket-mem");
		goto out;
	}
	if (eal_cfg.no_huge && opt_huge_worker_stack) {
		ret = opt_err("--huge-worker-stack cannot be combined with --no-huge: "
			      "drop one of them");
		goto out;
	}
	if (eal_cfg.memory != 0 && eal_cfg.force_sockets) {
		ret = opt_err("-m and --socket-mem cannot be used together");
		goto out;
	}
	/* as DPDK: anonymous memory has no files, and --in-memory never keeps any */
	if (eal_cfg.no_huge && !eal_cfg.in_memory &&
	    eal_cfg.huge_unlink == EAL_HUGE_UNLINK_ALWAYS) {
		ret = opt_err("--huge-unlink cannot be combined with --no-huge");
		goto out;
	}
	if (eal_cfg.in_memory && eal_cfg.huge_unlink == EAL_HUGE_UNLINK_NEVER) {
		ret = opt_err("--huge-unlink=never cannot be combined with --in-memory");
		goto out;
	}
	if (eal_cfg.in_memory && eal_cfg.huge_dir_given) {
		ret = opt_err("--in-memory cannot be combined with --huge-dir");
		goto out;
	}
	if (finish_lcores() < 0) {
		ret = -1;
		goto out;
	}
	ret = optind - 1;
	if (optind >= 1 && optind <= argc)
		argv[optind - 1] = (char *)(uintptr_t)prgname;
out:
	/* the application may run getopt next, on an argv of its own: start afresh */
	optind = 0;
	return ret;
}
