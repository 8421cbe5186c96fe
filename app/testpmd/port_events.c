/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethdev events (link change, probe, release, ...) printed as DPDK's testpmd
 * prints them, "Port N: <what> event", for the types in cfg.event_print_mask
 * (--print-event adds types, --mask-event takes them out).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_ethdev.h>

#include "testpmd.h"

/* DPDK's descriptions, word for word: scripts wait for these lines. */
static const char *const event_desc[RTE_ETH_EVENT_MAX] = {
	[RTE_ETH_EVENT_UNKNOWN] = "unknown",
	[RTE_ETH_EVENT_INTR_LSC] = "link state change",
	[RTE_ETH_EVENT_QUEUE_STATE] = "queue state",
	[RTE_ETH_EVENT_INTR_RESET] = "reset",
	[RTE_ETH_EVENT_VF_MBOX] = "VF mbox",
	[RTE_ETH_EVENT_IPSEC] = "IPsec",
	[RTE_ETH_EVENT_MACSEC] = "MACsec",
	[RTE_ETH_EVENT_INTR_RMV] = "device removal",
	[RTE_ETH_EVENT_NEW] = "device probed",
	[RTE_ETH_EVENT_DESTROY] = "device released",
	[RTE_ETH_EVENT_FLOW_AGED] = "flow aged",
	[RTE_ETH_EVENT_RX_AVAIL_THRESH] = "RxQ available descriptors threshold reached",
	[RTE_ETH_EVENT_ERR_RECOVERING] = "error recovering",
	[RTE_ETH_EVENT_RECOVERY_SUCCESS] = "error recovery successful",
	[RTE_ETH_EVENT_RECOVERY_FAILED] = "error recovery failed",
};

/* The names --print-event and --mask-event take. */
static const struct {
	const char *name;
	enum rte_eth_event_type type;
} event_names[] = {
	{"unknown", RTE_ETH_EVENT_UNKNOWN},
	{"intr_lsc", RTE_ETH_EVENT_INTR_LSC},
	{"queue_state", RTE_ETH_EVENT_QUEUE_STATE},
	{"intr_reset", RTE_ETH_EVENT_INTR_RESET},
	{"vf_mbox", RTE_ETH_EVENT_VF_MBOX},
	{"ipsec", RTE_ETH_EVENT_IPSEC},
	{"macsec", RTE_ETH_EVENT_MACSEC},
	{"intr_rmv", RTE_ETH_EVENT_INTR_RMV},
	{"dev_probed", RTE_ETH_EVENT_NEW},
	{"dev_released", RTE_ETH_EVENT_DESTROY},
	{"flow_aged", RTE_ETH_EVENT_FLOW_AGED},
	{"err_recovering", RTE_ETH_EVENT_ERR_RECOVERING},
	{"recovery_success", RTE_ETH_EVENT_RECOVERY_SUCCESS},
	{"recovery_failed", RTE_ETH_EVENT_RECOVERY_FAILED},
};

int
event_mask_parse(const char *name, uint32_t *mask)
{
	if (strcmp(name, "all") == 0) {
		*mask = UINT32_MAX;
		return 0;
	}
	for (size_t i = 0; i < RTE_DIM(event_names); i++) {
		if (strcmp(name, event_names[i].name) == 0) {
			*mask = UINT32_C(1) << event_names[i].type;
			return 0;
		}
	}
	return -1;
}

/* Runs on the interrupt thread (link change) or the caller's (probe, release). */
static int
port_event_print(uint16_t port_id, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	(void)arg;
	(void)ret_param;
	if ((unsigned int)type >= RTE_ETH_EVENT_MAX) {
		fprintf(stderr, "\nPort %" PRIu16 ": %s called upon invalid event %d\n", port_id,
			__func__, type);
		return 0;
	}
	if (cfg.event_print_mask & (UINT32_C(1) << type)) {
		printf("\nPort %" PRIu16 ": %s event\n", port_id, event_desc[type]);
		fflush(stdout);
	}
	return 0;
}

/* On every port, present and future, as DPDK's testpmd does after the EAL started. */
int
port_events_register(void)
{
	for (int t = 0; t < RTE_ETH_EVENT_MAX; t++) {
		int ret = rte_eth_dev_callback_register(RTE_ETH_ALL, (enum rte_eth_event_type)t,
							port_event_print, NULL);

		if (ret != 0) {
			fprintf(stderr, "testpmd: cannot watch event %s: %s\n", event_desc[t],
				strerror(-ret));
			port_events_unregister();
			return ret;
		}
	}
	return 0;
}

void
port_events_unregister(void)
{
	for (int t = 0; t < RTE_ETH_EVENT_MAX; t++)
		rte_eth_dev_callback_unregister(RTE_ETH_ALL, (enum rte_eth_event_type)t,
						port_event_print, NULL);
}
