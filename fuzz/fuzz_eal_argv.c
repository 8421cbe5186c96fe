/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eal_init with the fuzz input as its command line (one argument a
 * line or NUL-separated), then rte_eal_cleanup, over and over in one
 * process: every start, failed or not, must give back each fd and thread
 * it took (ASan's leak check covers the heap).
 *
 * The input never reaches the host: memory is anonymous (--no-huge, which
 * also refuses --huge-dir and --socket-mem), the PCI bus is off, and
 * inputs that name a driver on a kernel interface (tap, af_packet) or ask
 * for more than FUZZ_MAX_MB of memory (the EAL touches every page of -m
 * at start) are skipped.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>

#include "eal_private.h"
#include "fuzz_input.h"

#define FUZZ_MAX_ARGS 24
#define FUZZ_MAX_MB 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fixed_args[] = {"fuzz_eal_argv", "--no-huge", "--no-pci"};
/* Drivers that would create or open host network interfaces. */
static const char *const host_words[] = {"tap", "packet", "xdp"};

static int
dir_entries(const char *path)
{
	DIR *d = opendir(path);
	int n = 0;

	if (d == NULL)
		abort();
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

/*
 * More entries in path than before, still after 100 ms? (A thread that
 * was joined may take a moment to leave /proc.)
 */
static bool
entries_grew(const char *path, int before)
{
	for (int i = 0; i < 10; i++) {
		if (dir_entries(path) <= before)
			return false;
		usleep(10000);
	}
	return true;
}

static bool
names_host_driver(const uint8_t *data, size_t size)
{
	for (size_t w = 0; w < RTE_DIM(host_words); w++) {
		size_t len = strlen(host_words[w]);

		for (size_t i = 0; i + len <= size; i++)
			if (strncasecmp((const char *)data + i, host_words[w], len) == 0)
				return true;
	}
	return false;
}

/* -m N, -mN, or -m inside a word of flags ("-vm64"): is N too large? */
static bool
asks_much_memory(char **words, int n)
{
	for (int i = 0; i < n; i++) {
		const char *w = words[i], *val;
		size_t k = 1;

		if (w[0] != '-' || w[1] == '-')
			continue;
		while (w[k] == 'v' || w[k] == 'h') /* the flags without a value */
			k++;
		if (w[k] != 'm')
			continue;
		val = w[k + 1] != '\0' ? &w[k + 1] : i + 1 < n ? words[i + 1] : "";
		if (strtoull(val, NULL, 10) > FUZZ_MAX_MB)
			return true;
	}
	return false;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[RTE_DIM(fixed_args) + FUZZ_MAX_ARGS + 1];
	int fds, tasks, argc = RTE_DIM(fixed_args);
	char *buf;

	if (names_host_driver(data, size))
		return 0;
	buf = fuzz_input_str(data, size);
	if (buf == NULL)
		return 0;
	memcpy(argv, fixed_args, sizeof(fixed_args));
	if (size > 0)
		argc += fuzz_input_split(buf, size, &argv[argc], FUZZ_MAX_ARGS);
	argv[argc] = NULL;
	if (asks_much_memory(argv, argc)) {
		free(buf);
		return 0;
	}

	fds = dir_entries("/proc/self/fd");
	tasks = dir_entries("/proc/self/task");
	if (rte_eal_init(argc, argv) >= 0) {
		if (rte_eal_cleanup() != 0)
			abort();
		eal_state_reset();
	}
	if (entries_grew("/proc/self/fd", fds)) {
		fprintf(stderr, "EAL start and cleanup left fd(s) open\n");
		abort();
	}
	if (entries_grew("/proc/self/task", tasks)) {
		fprintf(stderr, "EAL start and cleanup left thread(s) running\n");
		abort();
	}
	free(buf);
	return 0;
}
