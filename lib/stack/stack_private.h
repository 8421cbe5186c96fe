/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _STACK_PRIVATE_H_
#define _STACK_PRIVATE_H_

#include <rte_stack.h>

/* The lock-free flavour (stack_lf.c). */
void stack_lf_init(struct rte_stack_lf *lf, unsigned int count);
unsigned int stack_lf_push(struct rte_stack_lf *lf, void *const *obj_table, unsigned int n);
unsigned int stack_lf_pop(struct rte_stack_lf *lf, void **obj_table, unsigned int n);
unsigned int stack_lf_count(const struct rte_stack_lf *lf);

#endif
