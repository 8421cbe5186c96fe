/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Per-lcore CPU frequency control, DPDK 22.11's API. Sluice implements the
 * PM_ENV_KVM_VM environment: a guest asks the host's power manager to
 * scale its vCPUs through one virtio-serial port per lcore
 * (/dev/virtio-ports/virtio.serial.port.poweragent.<lcore>). The host
 * frequency drivers (ACPI cpufreq, intel_pstate, CPPC, AMD P-state) are
 * not implemented: selecting one fails with a log line saying so.
 *
 * After rte_power_set_env() or a successful rte_power_init(), the function
 * pointers below call the environment's operations; before, they fail.
 */
#ifndef _RTE_POWER_H_
#define _RTE_POWER_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_power_guest_channel.h>

#ifdef __cplusplus
extern "C" {
#endif

enum power_management_env {
	PM_ENV_NOT_SET,
	PM_ENV_ACPI_CPUFREQ,
	PM_ENV_KVM_VM,
	PM_ENV_PSTATE_CPUFREQ,
	PM_ENV_CPPC_CPUFREQ,
	PM_ENV_AMD_PSTATE_CPUFREQ
};

/* 1 when env can be used on this machine, 0 when not, -1 for an unknown env. */
int rte_power_check_env_supported(enum power_management_env env);

/*
 * Select the environment. Returns 0; -1 when one is already set (unset
 * it first), or env is not implemented or unknown (logged).
 */
int rte_power_set_env(enum power_management_env env);

void rte_power_unset_env(void);

enum power_management_env rte_power_get_env(void);

/*
 * Take lcore_id under power management. With no environment set, the
 * first usable one is selected (here: PM_ENV_KVM_VM when the lcore's
 * channel exists). Returns 0, or -1 (logged: no channel, or it is busy).
 */
int rte_power_init(unsigned int lcore_id);

/* Release lcore_id. Returns 0, or -1 when no environment is set. */
int rte_power_exit(unsigned int lcore_id);

/* Available frequencies of lcore_id into freqs (up to num); their count. */
typedef uint32_t (*rte_power_freqs_t)(unsigned int lcore_id, uint32_t *freqs, uint32_t num);
extern rte_power_freqs_t rte_power_freqs;

/* Index of the current frequency. */
typedef uint32_t (*rte_power_get_freq_t)(unsigned int lcore_id);
extern rte_power_get_freq_t rte_power_get_freq;

/* Set the frequency by index: 1 changed, 0 unchanged, negative on error. */
typedef int (*rte_power_set_freq_t)(unsigned int lcore_id, uint32_t index);
extern rte_power_set_freq_t rte_power_set_freq;

/* Scale one step or to an end: 1 done (the host was asked), 0 unchanged,
 * negative on error. */
typedef int (*rte_power_freq_change_t)(unsigned int lcore_id);
extern rte_power_freq_change_t rte_power_freq_up;
extern rte_power_freq_change_t rte_power_freq_down;
extern rte_power_freq_change_t rte_power_freq_max;
extern rte_power_freq_change_t rte_power_freq_min;
extern rte_power_freq_change_t rte_power_turbo_status;
extern rte_power_freq_change_t rte_power_freq_enable_turbo;
extern rte_power_freq_change_t rte_power_freq_disable_turbo;

struct rte_power_core_capabilities {
	RTE_STD_C11
	union {
		uint64_t capabilities;
		RTE_STD_C11
		struct {
			uint64_t turbo : 1;    /* turbo can be enabled */
			uint64_t priority : 1; /* SST-BF high frequency core */
		};
	};
};

typedef int (*rte_power_get_capabilities_t)(unsigned int lcore_id,
					    struct rte_power_core_capabilities *caps);
extern rte_power_get_capabilities_t rte_power_get_capabilities;

#ifdef __cplusplus
}
#endif

#endif /* _RTE_POWER_H_ */
