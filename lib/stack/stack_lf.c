/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The lock-free flavour. Every slot is an element preallocated after the
 * stack; an element is either on the "used" list (it holds a pushed
 * object) or on the "free" list. A push takes n elements off the free
 * list, fills them and links them onto the used list; a pop does the
 * reverse. A list's head is swapped with one 16-byte compare-and-swap of
 * (top, cnt): cnt changes at every swap, so a head whose top left and came
 * back is not mistaken for an unchanged one (ABA).
 *
 * A list's len is reserved before its elements are unlinked: once a
 * thread has taken n from len, n elements are on the list for it, so its
 * walk of the list only restarts when others moved the head.
 */
#include <stdint.h>

#include <rte_atomic.h>
#include <rte_common.h>

#include "stack_private.h"

_Static_assert(sizeof(struct rte_stack_lf_head) == sizeof(rte_int128_t),
	       "a list head is swapped as one 16-byte word");

/* The head as the compare-and-swap sees it. */
union stack_lf_word {
	struct rte_stack_lf_head head;
	rte_int128_t word;
};

static inline union stack_lf_word
stack_lf_head_read(struct rte_stack_lf_list *l)
{
	union stack_lf_word w;

	/* Two loads may see two different heads: the swap that follows compares both halves. */
	w.head.top = __atomic_load_n(&l->head.top, __ATOMIC_RELAXED);
	w.head.cnt = __atomic_load_n(&l->head.cnt, __ATOMIC_RELAXED);
	return w;
}

static inline int
stack_lf_head_swap(struct rte_stack_lf_list *l, union stack_lf_word *old,
		   struct rte_stack_lf_elem *top)
{
	union stack_lf_word w = {.head = {.top = top, .cnt = old->head.cnt + 1}};

	/* lock cmpxchg16b is a full barrier: what was written to the elements
	 * before is seen by whoever reads this head after */
	return rte_atomic128_cmp_exchange((rte_int128_t *)&l->head, &old->word, &w.word, 0,
					  __ATOMIC_RELEASE, __ATOMIC_RELAXED);
}

/* Link the chain first..last of n elements (ours) onto l. */
static void
stack_lf_list_push(struct rte_stack_lf_list *l, struct rte_stack_lf_elem *first,
		   struct rte_stack_lf_elem *last, unsigned int n)
{
	union stack_lf_word old = stack_lf_head_read(l);

	do
		__atomic_store_n(&last->next, old.head.top, __ATOMIC_RELAXED);
	while (!stack_lf_head_swap(l, &old, first));
	/* release: the elements are linked before they count; pairs with the
	 * acquire reservation in stack_lf_list_pop */
	__atomic_fetch_add(&l->len, n, __ATOMIC_RELEASE);
}

/*
 * Unlink the n (> 0) elements on top of l; NULL when it holds fewer. With
 * obj_table, the objects of the unlinked elements are copied to it, top
 * first. *last is the n-th element.
 */
static struct rte_stack_lf_elem *
stack_lf_list_pop(struct rte_stack_lf_list *l, unsigned int n, void **obj_table,
		  struct rte_stack_lf_elem **last)
{
	uint64_t len = __atomic_load_n(&l->len, __ATOMIC_RELAXED);
	union stack_lf_word old;

	do {
		if (len < n)
			return NULL;
	} while (!__atomic_compare_exchange_n(&l->len, &len, len - n, 1, __ATOMIC_ACQUIRE,
					      __ATOMIC_RELAXED));

	old = stack_lf_head_read(l);
	for (;;) {
		struct rte_stack_lf_elem *e = old.head.top, *tail = NULL;
		unsigned int i;

		/* Elements are never unmapped: a stale walk reads old links, and
		 * the swap below then fails because cnt moved on. */
		for (i = 0; i < n && e != NULL; i++) {
			if (obj_table != NULL)
				obj_table[i] = __atomic_load_n(&e->data, __ATOMIC_RELAXED);
			tail = e;
			e = __atomic_load_n(&e->next, __ATOMIC_RELAXED);
		}
		if (i < n) {
			/* the list changed under the walk: start again from its head */
			old = stack_lf_head_read(l);
			continue;
		}
		if (stack_lf_head_swap(l, &old, e)) {
			*last = tail;
			return old.head.top;
		}
	}
}

void
stack_lf_init(struct rte_stack_lf *lf, unsigned int count)
{
	for (unsigned int i = 0; i < count; i++)
		lf->elems[i].next = i + 1 < count ? &lf->elems[i + 1] : NULL;
	lf->free.head.top = count > 0 ? &lf->elems[0] : NULL;
	lf->free.len = count;
}

unsigned int
stack_lf_push(struct rte_stack_lf *lf, void *const *obj_table, unsigned int n)
{
	struct rte_stack_lf_elem *first, *last, *e;

	if (n == 0)
		return 0;
	first = stack_lf_list_pop(&lf->free, n, NULL, &last);
	if (first == NULL)
		return 0;
	/* obj_table[n - 1] goes on top, so the chain's first element gets it */
	e = first;
	for (unsigned int i = n; i-- > 0; e = e->next)
		__atomic_store_n(&e->data, obj_table[i], __ATOMIC_RELAXED);
	stack_lf_list_push(&lf->used, first, last, n);
	return n;
}

unsigned int
stack_lf_pop(struct rte_stack_lf *lf, void **obj_table, unsigned int n)
{
	struct rte_stack_lf_elem *first, *last;

	if (n == 0)
		return 0;
	first = stack_lf_list_pop(&lf->used, n, obj_table, &last);
	if (first == NULL)
		return 0;
	stack_lf_list_push(&lf->free, first, last, n);
	return n;
}

unsigned int
stack_lf_count(const struct rte_stack_lf *lf)
{
	return (unsigned int)__atomic_load_n(&lf->used.len, __ATOMIC_RELAXED);
}
