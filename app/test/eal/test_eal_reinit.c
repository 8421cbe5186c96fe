/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_eal_init may be called again after it failed. The failing call here
 * stops inside the option cluster "-vZl0" of an argv that is freed before
 * the second call: getopt must not resume from the freed words. Resuming
 * reads "l0" again and the second call fails ("cores given twice"), in any
 * build; valgrind (release build) also reports the read of freed memory.
 * Exit 0 = pass.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>

/*
 * An argv whose words are all on the heap. rte_eal_init may reorder argv,
 * so the words are freed from a copy of the pointers (own). Each word sits
 * WORD_OFFSET bytes into its block, past where an allocator keeps its own
 * data in a freed block, so that a freed word still reads as it did.
 */
#define WORD_OFFSET 64

struct heap_argv {
	int argc;
	char **argv;
	char **own;
};

static void
heap_argv_free(struct heap_argv *h)
{
	for (int i = 0; h->own != NULL && i < h->argc; i++)
		free(h->own[i] != NULL ? h->own[i] - WORD_OFFSET : NULL);
	free(h->own);
	free(h->argv);
	memset(h, 0, sizeof(*h));
}

static int
heap_argv_make(struct heap_argv *h, const char *const words[])
{
	int n = 0;

	while (words[n] != NULL)
		n++;
	h->argc = n;
	h->argv = calloc((size_t)n + 1, sizeof(*h->argv));
	h->own = calloc((size_t)n + 1, sizeof(*h->own));
	if (h->argv == NULL || h->own == NULL)
		goto out_free;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(words[i]) + 1;
		char *block = malloc(WORD_OFFSET + len);

		if (block == NULL)
			goto out_free;
		h->own[i] = memcpy(block + WORD_OFFSET, words[i], len);
		h->argv[i] = h->own[i];
	}
	return 0;
out_free:
	heap_argv_free(h);
	return -1;
}

int
main(int argc, char **argv)
{
	static const char *const bad_words[] = {"prog", "--no-huge", "-vZl0", NULL};
	static const char *const good_words[] = {"prog", "--no-huge", "--no-pci", "-l", "0", NULL};
	struct heap_argv bad, good;
	int ret;

	(void)argc;
	(void)argv;
	if (heap_argv_make(&bad, bad_words) < 0)
		return 1;
	ret = rte_eal_init(bad.argc, bad.argv);
	heap_argv_free(&bad);
	printf("first init=%d errno=%d\n", ret, ret < 0 ? rte_errno : 0);
	if (ret >= 0 || rte_errno != EINVAL) {
		printf("FAIL: '-vZl0' must be refused with EINVAL\n");
		return 1;
	}

	if (heap_argv_make(&good, good_words) < 0)
		return 1;
	ret = rte_eal_init(good.argc, good.argv);
	printf("second init=%d errno=%d\n", ret, ret < 0 ? rte_errno : 0);
	if (ret != good.argc - 1 || rte_lcore_count() != 1) {
		printf("FAIL: the second rte_eal_init must start with one lcore\n");
		heap_argv_free(&good);
		return 1;
	}
	ret = rte_eal_cleanup();
	heap_argv_free(&good);
	printf("cleanup=%d\n", ret);
	return ret == 0 ? 0 : 1;
}
