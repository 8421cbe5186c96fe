/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_DEBUG_H_
#define _RTE_DEBUG_H_

#include <rte_common.h>
#include <rte_branch_prediction.h>
#include <rte_log.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Log the caller's stack, one frame a line, at ERR level. Returns nothing; no rte_errno. */
void rte_dump_stack(void);

/* For applications only: log, dump the stack and abort. */
#define rte_panic(...) rte_panic_(__func__, __VA_ARGS__, "dummy")
#define rte_panic_(func, format, ...) __rte_panic(func, format "%.0s", __VA_ARGS__)

/* RTE_VERIFY when built with RTE_ENABLE_ASSERT, else nothing. Not for library code. */
#ifdef RTE_ENABLE_ASSERT
#define RTE_ASSERT(exp) RTE_VERIFY(exp)
#else
#define RTE_ASSERT(exp) do {} while (0)
#endif
/* rte_panic with the line and the text of exp when exp is false. Not for library code. */
#define RTE_VERIFY(exp) do { \
	if (unlikely(!(exp))) \
		rte_panic("line %d\tassert \"%s\" failed\n", __LINE__, #exp); \
} while (0)

/*
 * Behind rte_panic: log "PANIC in funcname()" and the printf-style message,
 * dump the stack and abort(). Never returns. For applications only.
 */
void __rte_panic(const char *funcname, const char *format, ...)
	__attribute__((cold)) __rte_noreturn __rte_format_printf(2, 3);

#ifdef __cplusplus
}
#endif

#endif
