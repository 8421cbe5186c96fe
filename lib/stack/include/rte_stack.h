/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A bounded LIFO of pointers in a memzone, found by name. Two flavours:
 * the default one, an array behind a spinlock, and RTE_STACK_F_LF, a
 * lock-free one (lists of preallocated elements swapped with a 16-byte
 * compare-and-swap), for threads that may be preempted. Push and pop move
 * all n objects or none.
 */
#ifndef _RTE_STACK_H_
#define _RTE_STACK_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_TAILQ_STACK_NAME "RTE_STACK"
/* The memzone of stack "x" is "STK_x". */
#define RTE_STACK_MZ_PREFIX "STK_"
/* Longest name, terminating NUL included. */
#define RTE_STACK_NAMESIZE (RTE_MEMZONE_NAMESIZE - sizeof(RTE_STACK_MZ_PREFIX) + 1)

/* The lock-free flavour (x86-64: needs cmpxchg16b). */
#define RTE_STACK_F_LF 0x0001
/* Defined where RTE_STACK_F_LF works, as DPDK does (every Sluice target). */
#define RTE_STACK_LF_SUPPORTED

/* One slot of the lock-free flavour. */
struct rte_stack_lf_elem {
	void *data;
	struct rte_stack_lf_elem *next;
};

/* A list head; cnt changes at each swap, so a top that came back is not taken for unchanged. */
struct rte_stack_lf_head {
	struct rte_stack_lf_elem *top;
	uint64_t cnt;
};

struct rte_stack_lf_list {
	struct rte_stack_lf_head head __rte_aligned(16);
	uint64_t len;
};

/* The objects pushed (used) and the spare slots (free), each a lock-free list. */
struct rte_stack_lf {
	struct rte_stack_lf_list used __rte_cache_aligned;
	struct rte_stack_lf_list free __rte_cache_aligned;
	struct rte_stack_lf_elem elems[] __rte_cache_aligned;
};

struct rte_stack_std {
	rte_spinlock_t lock;
	uint32_t len;
	void *objs[];
};

struct rte_stack {
	char name[RTE_STACK_NAMESIZE] __rte_cache_aligned;
	const struct rte_memzone *memzone;
	uint32_t capacity; /* most objects it holds */
	uint32_t flags;	   /* RTE_STACK_F_* given to rte_stack_create() */
	RTE_STD_C11
	union {
		struct rte_stack_lf stack_lf;
		struct rte_stack_std stack_std;
	};
} __rte_cache_aligned;

/*
 * Push the n objects of obj_table (obj_table[n - 1] ends on top). Returns
 * n, or 0 when fewer than n slots are free. No rte_errno.
 */
unsigned int rte_stack_push(struct rte_stack *s, void *const *obj_table, unsigned int n);
/*
 * Pop n objects into obj_table, the top one first. Returns n, or 0 when
 * fewer than n are held. No rte_errno.
 */
unsigned int rte_stack_pop(struct rte_stack *s, void **obj_table, unsigned int n);
/* Objects held; with pushes and pops under way, a value that was true lately. */
unsigned int rte_stack_count(struct rte_stack *s);
/* Free slots: capacity minus rte_stack_count(). */
unsigned int rte_stack_free_count(struct rte_stack *s);

/*
 * A stack for count objects in a memzone on socket_id (SOCKET_ID_ANY:
 * any). NULL with rte_errno: EINVAL (name NULL or flags other than
 * RTE_STACK_F_LF), ENAMETOOLONG (name of RTE_STACK_NAMESIZE characters or
 * more), EEXIST (a stack of that name exists), ENOMEM, or the memzone's
 * error.
 */
struct rte_stack *rte_stack_create(const char *name, unsigned int count, int socket_id,
				   uint32_t flags);
/* Free a stack of rte_stack_create() (NULL: nothing). No rte_errno. */
void rte_stack_free(struct rte_stack *s);
/* The stack of that name; NULL with rte_errno EINVAL (name NULL) or ENOENT. */
struct rte_stack *rte_stack_lookup(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_STACK_H_ */
