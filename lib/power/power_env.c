/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The power environment and the operations behind rte_power_freq_up and
 * friends. PM_ENV_KVM_VM asks the host through the lcore's channel: the
 * scaling requests are sent and taken as done, as in DPDK; what the guest
 * cannot know (frequencies, turbo state, capabilities) is not supported.
 */
#include <errno.h>
#include <string.h>

#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_power.h>

#include "eal_private.h"
#include "power_private.h"

#define POWER_LOG(level, ...) RTE_LOG(level, POWER, __VA_ARGS__)

static enum power_management_env power_env = PM_ENV_NOT_SET;

static const char *const power_env_names[] = {
	[PM_ENV_NOT_SET] = "none",
	[PM_ENV_ACPI_CPUFREQ] = "ACPI cpufreq",
	[PM_ENV_KVM_VM] = "KVM VM",
	[PM_ENV_PSTATE_CPUFREQ] = "intel_pstate",
	[PM_ENV_CPPC_CPUFREQ] = "CPPC cpufreq",
	[PM_ENV_AMD_PSTATE_CPUFREQ] = "AMD P-state",
};

/* Before an environment is set every operation fails. */
static void
power_none_log(unsigned int lcore_id)
{
	POWER_LOG(ERR, "lcore %u: no power environment: call rte_power_init() first\n", lcore_id);
}

static uint32_t
power_none_freqs(unsigned int lcore_id, uint32_t *freqs __rte_unused, uint32_t num __rte_unused)
{
	power_none_log(lcore_id);
	return 0;
}

static uint32_t
power_none_get_freq(unsigned int lcore_id)
{
	power_none_log(lcore_id);
	return 0;
}

static int
power_none_set_freq(unsigned int lcore_id, uint32_t index __rte_unused)
{
	power_none_log(lcore_id);
	return -1;
}

static int
power_none_change(unsigned int lcore_id)
{
	power_none_log(lcore_id);
	return -1;
}

static int
power_none_caps(unsigned int lcore_id, struct rte_power_core_capabilities *caps __rte_unused)
{
	power_none_log(lcore_id);
	return -1;
}

__rte_export rte_power_freqs_t rte_power_freqs = power_none_freqs;
__rte_export rte_power_get_freq_t rte_power_get_freq = power_none_get_freq;
__rte_export rte_power_set_freq_t rte_power_set_freq = power_none_set_freq;
__rte_export rte_power_freq_change_t rte_power_freq_up = power_none_change;
__rte_export rte_power_freq_change_t rte_power_freq_down = power_none_change;
__rte_export rte_power_freq_change_t rte_power_freq_max = power_none_change;
__rte_export rte_power_freq_change_t rte_power_freq_min = power_none_change;
__rte_export rte_power_freq_change_t rte_power_turbo_status = power_none_change;
__rte_export rte_power_freq_change_t rte_power_freq_enable_turbo = power_none_change;
__rte_export rte_power_freq_change_t rte_power_freq_disable_turbo = power_none_change;
__rte_export rte_power_get_capabilities_t rte_power_get_capabilities = power_none_caps;

/* PM_ENV_KVM_VM: what a guest cannot learn from the host's manager. */
static uint32_t
power_kvm_freqs(unsigned int lcore_id, uint32_t *freqs __rte_unused, uint32_t num __rte_unused)
{
	POWER_LOG(ERR, "lcore %u: rte_power_freqs is not supported in a VM (PM_ENV_KVM_VM)\n",
		  lcore_id);
	return 0;
}

static uint32_t
power_kvm_get_freq(unsigned int lcore_id)
{
	POWER_LOG(ERR, "lcore %u: rte_power_get_freq is not supported in a VM (PM_ENV_KVM_VM)\n",
		  lcore_id);
	return 0;
}

static int
power_kvm_set_freq(unsigned int lcore_id, uint32_t index __rte_unused)
{
	POWER_LOG(ERR,
		  "lcore %u: rte_power_set_freq is not supported in a VM (PM_ENV_KVM_VM): "
		  "use rte_power_freq_up/down/max/min\n",
		  lcore_id);
	return -ENOTSUP;
}

static int
power_kvm_turbo_status(unsigned int lcore_id)
{
	POWER_LOG(ERR,
		  "lcore %u: rte_power_turbo_status is not supported in a VM "
		  "(PM_ENV_KVM_VM)\n",
		  lcore_id);
	return -ENOTSUP;
}

static int
power_kvm_caps(unsigned int lcore_id, struct rte_power_core_capabilities *caps __rte_unused)
{
	POWER_LOG(ERR,
		  "lcore %u: rte_power_get_capabilities is not supported in a VM "
		  "(PM_ENV_KVM_VM)\n",
		  lcore_id);
	return -ENOTSUP;
}

/* Ask the host to scale lcore_id: 1 when the request went out, -1 if not. */
static int
power_kvm_request(unsigned int lcore_id, uint32_t unit)
{
	struct rte_power_channel_packet pkt;
	int ret;

	memset(&pkt, 0, sizeof(pkt));
	pkt.command = RTE_POWER_CPU_POWER;
	pkt.resource_id = lcore_id;
	pkt.unit = unit;
	ret = rte_power_guest_channel_send_msg(&pkt, lcore_id);
	if (ret == 0)
		return 1;
	POWER_LOG(ERR, "lcore %u: cannot ask the host to scale: %s\n", lcore_id,
		  ret > 0 ? strerror(ret) : "its channel is not open (rte_power_init() it)");
	return -1;
}

static int
power_kvm_up(unsigned int lcore_id)
{
	return power_kvm_request(lcore_id, RTE_POWER_SCALE_UP);
}

static int
power_kvm_down(unsigned int lcore_id)
{
	return power_kvm_request(lcore_id, RTE_POWER_SCALE_DOWN);
}

static int
power_kvm_max(unsigned int lcore_id)
{
	return power_kvm_request(lcore_id, RTE_POWER_SCALE_MAX);
}

static int
power_kvm_min(unsigned int lcore_id)
{
	return power_kvm_request(lcore_id, RTE_POWER_SCALE_MIN);
}

static int
power_kvm_turbo_on(unsigned int lcore_id)
{
	return power_kvm_request(lcore_id, RTE_POWER_ENABLE_TURBO);
}

static int
power_kvm_turbo_off(unsigned int lcore_id)
{
	return power_kvm_request(lcore_id, RTE_POWER_DISABLE_TURBO);
}

static void
power_ops_set(bool kvm)
{
	rte_power_freqs = kvm ? power_kvm_freqs : power_none_freqs;
	rte_power_get_freq = kvm ? power_kvm_get_freq : power_none_get_freq;
	rte_power_set_freq = kvm ? power_kvm_set_freq : power_none_set_freq;
	rte_power_freq_up = kvm ? power_kvm_up : power_none_change;
	rte_power_freq_down = kvm ? power_kvm_down : power_none_change;
	rte_power_freq_max = kvm ? power_kvm_max : power_none_change;
	rte_power_freq_min = kvm ? power_kvm_min : power_none_change;
	rte_power_turbo_status = kvm ? power_kvm_turbo_status : power_none_change;
	rte_power_freq_enable_turbo = kvm ? power_kvm_turbo_on : power_none_change;
	rte_power_freq_disable_turbo = kvm ? power_kvm_turbo_off : power_none_change;
	rte_power_get_capabilities = kvm ? power_kvm_caps : power_none_caps;
}

__rte_export int
rte_power_check_env_supported(enum power_management_env env)
{
	unsigned int lcore;

	switch (env) {
	case PM_ENV_KVM_VM:
		/* usable when some lcore has its channel */
		RTE_LCORE_FOREACH(lcore)
		if (power_channel_exists(lcore))
			return 1;
		return 0;
	case PM_ENV_ACPI_CPUFREQ:
	case PM_ENV_PSTATE_CPUFREQ:
	case PM_ENV_CPPC_CPUFREQ:
	case PM_ENV_AMD_PSTATE_CPUFREQ:
		return 0;
	default:
		POWER_LOG(ERR, "unknown power environment %d\n", (int)env);
		return -1;
	}
}

__rte_export int
rte_power_set_env(enum power_management_env env)
{
	if (power_env != PM_ENV_NOT_SET) {
		POWER_LOG(ERR,
			  "the power environment is already %s: rte_power_unset_env() "
			  "first\n",
			  power_env_names[power_env]);
		return -1;
	}
	switch (env) {
	case PM_ENV_KVM_VM:
		power_env = env;
		power_ops_set(true);
		return 0;
	case PM_ENV_ACPI_CPUFREQ:
	case PM_ENV_PSTATE_CPUFREQ:
	case PM_ENV_CPPC_CPUFREQ:
	case PM_ENV_AMD_PSTATE_CPUFREQ:
		POWER_LOG(ERR,
			  "the %s power environment is not implemented in Sluice; only "
			  "PM_ENV_KVM_VM (a guest asking the host) is\n",
			  power_env_names[env]);
		return -1;
	default:
		POWER_LOG(ERR, "unknown power environment %d\n", (int)env);
		return -1;
	}
}

__rte_export void
rte_power_unset_env(void)
{
	power_env = PM_ENV_NOT_SET;
	power_ops_set(false);
}

__rte_export enum power_management_env
rte_power_get_env(void)
{
	return power_env;
}

__rte_export int
rte_power_init(unsigned int lcore_id)
{
	if (power_env == PM_ENV_NOT_SET) {
		/* the first that works: here the host's manager, if it listens */
		if (lcore_id < RTE_MAX_LCORE && power_channel_exists(lcore_id)) {
			rte_power_set_env(PM_ENV_KVM_VM);
		} else {
			POWER_LOG(ERR,
				  "lcore %u: no power environment works here: Sluice "
				  "implements PM_ENV_KVM_VM only, and %s/%s.%u does not exist\n",
				  lcore_id, POWER_CHANNEL_DIR, POWER_CHANNEL_NAME, lcore_id);
			return -1;
		}
	}
	return power_channel_connect(lcore_id);
}

__rte_export int
rte_power_exit(unsigned int lcore_id)
{
	if (power_env == PM_ENV_NOT_SET) {
		POWER_LOG(ERR, "lcore %u: no power environment to leave\n", lcore_id);
		return -1;
	}
	power_channel_disconnect(lcore_id);
	return 0;
}
