/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-test: one binary, named suites. A suite is a list of cases; each
 * case returns TEST_SUCCESS, TEST_FAILED or TEST_SKIPPED.
 */
#ifndef _SLUICE_TEST_H_
#define _SLUICE_TEST_H_

#include <stdio.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <inttypes.h>

#define TEST_SUCCESS 0
#define TEST_FAILED (-1)
#define TEST_SKIPPED 77

#define TEST_ASSERT(cond, ...) do { \
	if (!(cond)) { \
		printf("  FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
		printf(__VA_ARGS__); \
		printf("\n"); \
		return TEST_FAILED; \
	} \
} while (0)

#define TEST_ASSERT_EQUAL(a, b, ...) do { \
	long long _a = (long long)(a), _b = (long long)(b); \
	if (_a != _b) { \
		printf("  FAIL %s:%d: %s == %s (%lld != %lld): ", __FILE__, __LINE__, \
		       #a, #b, _a, _b); \
		printf(__VA_ARGS__); \
		printf("\n"); \
		return TEST_FAILED; \
	} \
} while (0)

#define TEST_ASSERT_NOT_EQUAL(a, b, ...) TEST_ASSERT((a) != (b), __VA_ARGS__)
#define TEST_ASSERT_SUCCESS(val, ...) TEST_ASSERT_EQUAL(val, 0, __VA_ARGS__)
#define TEST_ASSERT_FAIL(val, ...) TEST_ASSERT((val) != 0, __VA_ARGS__)
#define TEST_ASSERT_NULL(val, ...) TEST_ASSERT((val) == NULL, __VA_ARGS__)
#define TEST_ASSERT_NOT_NULL(val, ...) TEST_ASSERT((val) != NULL, __VA_ARGS__)
#define TEST_ASSERT_STR_CONTAINS(hay, needle, ...) do { \
	if (strstr((hay), (needle)) == NULL) { \
		printf("  FAIL %s:%d: \"%s\" not found in output:\n%s\n", \
		       __FILE__, __LINE__, (needle), (hay)); \
		printf(__VA_ARGS__); \
		printf("\n"); \
		return TEST_FAILED; \
	} \
} while (0)

struct test_case {
	const char *name;
	int (*fn)(void);
};

#define TEST_CASE(fn) { #fn, fn }
#define TEST_CASES_END() { NULL, NULL }

/* How the runner prepares the process for a suite. */
enum test_suite_mode {
	TEST_SUITE_EAL,		/* rte_eal_init with the runner's EAL arguments first */
	TEST_SUITE_NO_EAL,	/* the suite starts (or forks) the EAL itself */
};

struct test_suite {
	const char *name;
	enum test_suite_mode mode;
	const struct test_case *cases;
	struct test_suite *next;
};

void test_suite_register(struct test_suite *s);

#define REGISTER_TEST_SUITE(nm, mode_, cases_) \
static struct test_suite test_suite_##nm = { \
	.name = #nm, .mode = (mode_), .cases = (cases_) }; \
static void __attribute__((constructor, used)) test_suite_reg_##nm(void) \
{ \
	test_suite_register(&test_suite_##nm); \
}

/*
 * Run this binary again as "sluice-test eal_init_only ARGS..." (rte_eal_init,
 * then rte_eal_cleanup) or any other argv; capture stdout+stderr into out.
 * Returns the exit status, or -1 if it could not run.
 */
int test_run_self(const char *const argv[], char *out, size_t outlen);
/* Run an arbitrary program (argv[0] a path) the same way. */
int test_run_cmd(const char *const argv[], char *out, size_t outlen);

/* What dump (rte_lcore_dump and the like) writes, as a string to free(); NULL on failure. */
char *test_capture(void (*dump)(FILE *f));

/* Entries of a folder other than "." and "..", -1 if it cannot be read. */
int test_dir_entries(const char *dir);

/* Threads of this process named name (their comm), -1 if they cannot be listed. */
int test_threads_named(const char *name);

/*
 * Mount a fresh hugetlbfs of 2 MiB pages on a new directory under /tmp,
 * its path in mnt (len bytes); 0, or TEST_SKIPPED with a line saying why.
 */
int test_hugetlbfs_mount(char *mnt, size_t len);
/* Remove what is in it, unmount it and remove the directory. */
void test_hugetlbfs_umount(const char *mnt);

/* The EAL arguments the runner was given (for suites that start the EAL themselves). */
extern int test_eal_argc;
extern char **test_eal_argv;
/* True when the runner was told to use no hugepages. */
bool test_no_huge(void);

#endif
