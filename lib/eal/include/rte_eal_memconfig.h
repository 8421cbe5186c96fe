/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Locks over what the primary shares with its secondaries. A library that
 * keeps objects on a registered tailq (rte_tailq.h) takes the tailq lock
 * around walking or changing its list: the list may be changed by another
 * process.
 */
#ifndef _RTE_EAL_MEMCONFIG_H_
#define _RTE_EAL_MEMCONFIG_H_

#ifdef __cplusplus
extern "C" {
#endif

void rte_mcfg_tailq_read_lock(void);
void rte_mcfg_tailq_read_unlock(void);
void rte_mcfg_tailq_write_lock(void);
void rte_mcfg_tailq_write_unlock(void);

#ifdef __cplusplus
}
#endif

#endif
