/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_errno, rte_strerror, rte_panic, random numbers, strings, version. */
#include <ctype.h>
#include <execinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_random.h>
#include <rte_string_fns.h>

#include "eal_private.h"

__rte_export RTE_DEFINE_PER_LCORE(int, _rte_errno);

__rte_export const char *
rte_strerror(int errnum)
{
	static __thread char buf[64];

	errnum = errnum < 0 ? -errnum : errnum;
	switch (errnum) {
	case E_RTE_SECONDARY:
		return "Invalid call in secondary process";
	case E_RTE_NO_CONFIG:
		return "Missing rte_config structure";
	default:
		if (errnum > RTE_MIN_ERRNO && errnum < RTE_MAX_ERRNO) {
			snprintf(buf, sizeof(buf), "Unknown error %d", errnum);
			return buf;
		}
		return strerror_r(errnum, buf, sizeof(buf));
	}
}

__rte_export void
rte_dump_stack(void)
{
	void *frames[64];
	int n = backtrace(frames, (int)RTE_DIM(frames));
	char **syms = backtrace_symbols(frames, n);

	for (int i = 0; i < n; i++)
		rte_log(RTE_LOG_ERR, RTE_LOGTYPE_EAL, "%d: [%s]\n", n - i,
			syms != NULL ? syms[i] : "?");
	free(syms);
}

__rte_export void
__rte_panic(const char *funcname, const char *format, ...)
{
	va_list ap;

	rte_log(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, "PANIC in %s():\n", funcname);
	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);
	rte_dump_stack();
	abort();
}

/*
 * xoshiro256** per lcore: fast, good quality, no lock. Threads that are
 * not lcores share one extra state under a lock.
 */
struct rand_state {
	uint64_t s[4];
} __rte_cache_aligned;

static struct rand_state rand_states[RTE_MAX_LCORE + 1];
static pthread_mutex_t rand_unreg_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

__rte_export void
rte_srand(uint64_t seed)
{
	for (unsigned int i = 0; i <= RTE_MAX_LCORE; i++) {
		uint64_t x = seed + i * 0x1234567ULL;

		for (int j = 0; j < 4; j++)
			rand_states[i].s[j] = splitmix64(&x);
	}
}

void
eal_rand_init(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	rte_srand(rte_rdtsc() ^ (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32));
}

RTE_INIT(rand_early_init)
{
	eal_rand_init();
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
xoshiro_next(struct rand_state *st)
{
	uint64_t *s = st->s;
	const uint64_t result = rotl(s[1] * 5, 7) * 9;
	const uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

__rte_export uint64_t
rte_rand(void)
{
	unsigned int id = rte_lcore_id();
	uint64_t v;

	if (id < RTE_MAX_LCORE)
		return xoshiro_next(&rand_states[id]);
	pthread_mutex_lock(&rand_unreg_lock);
	v = xoshiro_next(&rand_states[RTE_MAX_LCORE]);
	pthread_mutex_unlock(&rand_unreg_lock);
	return v;
}

__rte_export uint64_t
rte_rand_max(uint64_t upper_bound)
{
	uint64_t mask, v;

	if (upper_bound < 2)
		return 0;
	/* Rejection sampling over the next power of two: no modulo bias. */
	mask = rte_align64pow2(upper_bound) - 1;
	if (mask < upper_bound - 1)
		mask = UINT64_MAX;
	do {
		v = rte_rand() & mask;
	} while (v >= upper_bound);
	return v;
}

__rte_export double
rte_drand(void)
{
	return (double)(rte_rand() >> 11) * 0x1.0p-53;
}

__rte_export int
rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens, char delim)
{
	int i, tok = 0;
	int tokstart = 1;

	if (string == NULL || tokens == NULL) {
		errno = EINVAL;
		return -1;
	}
	for (i = 0; i < stringlen; i++) {
		if (string[i] == '\0' || tok >= maxtokens)
			break;
		if (tokstart) {
			tokstart = 0;
			tokens[tok++] = &string[i];
		}
		if (string[i] == delim) {
			string[i] = '\0';
			tokstart = 1;
		}
	}
	return tok;
}

__rte_export ssize_t
rte_strscpy(char *dst, const char *src, size_t dsize)
{
	size_t n;

	if (dsize == 0) {
		rte_errno = E2BIG;
		return -E2BIG;
	}
	n = strnlen(src, dsize);
	if (n == dsize) {
		memcpy(dst, src, dsize - 1);
		dst[dsize - 1] = '\0';
		rte_errno = E2BIG;
		return -E2BIG;
	}
	memcpy(dst, src, n + 1);
	return (ssize_t)n;
}

__rte_export const char *
rte_str_skip_leading_spaces(const char *src)
{
	while (isspace((unsigned char)*src))
		src++;
	return src;
}

__rte_export uint64_t
rte_str_to_size(const char *str)
{
	char *end;
	unsigned long long size;

	while (isspace((unsigned char)*str))
		str++;
	if (*str == '-')
		return 0;
	errno = 0;
	size = strtoull(str, &end, 0);
	if (errno != 0)
		return 0;
	if (*end == ' ')
		end++;
	switch (*end) {
	case 'G': case 'g':
		size *= 1024; /* fall through */
	case 'M': case 'm':
		size *= 1024; /* fall through */
	case 'K': case 'k':
		size *= 1024; /* fall through */
	default:
		break;
	}
	return size;
}
