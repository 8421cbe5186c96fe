/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * /ethdev/... telemetry commands, with DPDK 22.11's names and fields.
 * They run on the telemetry thread and read only control-path state.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_telemetry.h>
#include <ethdev_driver.h>

/* "N": a valid port id; anything else (sign, junk, out of range) is refused. */
static int
ethdev_tel_port(const char *params, uint16_t *port_id)
{
	unsigned long v;
	char *end;

	if (params == NULL || params[0] < '0' || params[0] > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(params, &end, 10);
	if (errno != 0 || *end != '\0' || v >= RTE_MAX_ETHPORTS ||
	    !rte_eth_dev_is_valid_port((uint16_t)v))
		return -EINVAL;
	*port_id = (uint16_t)v;
	return 0;
}

static int
ethdev_tel_list(const char *cmd, const char *params, struct rte_tel_data *d)
{
	uint16_t port_id;

	RTE_SET_USED(cmd);
	RTE_SET_USED(params);
	rte_tel_data_start_array(d, RTE_TEL_INT_VAL);
	RTE_ETH_FOREACH_DEV(port_id)
	rte_tel_data_add_array_int(d, port_id);
	return 0;
}

/* An array container of per-queue counters, added under name. */
static void
ethdev_tel_add_u64s(struct rte_tel_data *d, const char *name, const uint64_t *v, unsigned int n)
{
	struct rte_tel_data *a = rte_tel_data_alloc();

	if (a == NULL)
		return;
	rte_tel_data_start_array(a, RTE_TEL_U64_VAL);
	for (unsigned int i = 0; i < n; i++)
		rte_tel_data_add_array_u64(a, v[i]);
	if (rte_tel_data_add_dict_container(d, name, a, 0) < 0)
		rte_tel_data_free(a);
}

static int
ethdev_tel_stats(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_eth_stats st;
	uint16_t port_id;

	RTE_SET_USED(cmd);
	if (ethdev_tel_port(params, &port_id) < 0 || rte_eth_stats_get(port_id, &st) < 0)
		return -EINVAL;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_u64(d, "ipackets", st.ipackets);
	rte_tel_data_add_dict_u64(d, "opackets", st.opackets);
	rte_tel_data_add_dict_u64(d, "ibytes", st.ibytes);
	rte_tel_data_add_dict_u64(d, "obytes", st.obytes);
	rte_tel_data_add_dict_u64(d, "imissed", st.imissed);
	rte_tel_data_add_dict_u64(d, "ierrors", st.ierrors);
	rte_tel_data_add_dict_u64(d, "oerrors", st.oerrors);
	rte_tel_data_add_dict_u64(d, "rx_nombuf", st.rx_nombuf);
	ethdev_tel_add_u64s(d, "q_ipackets", st.q_ipackets, RTE_ETHDEV_QUEUE_STAT_CNTRS);
	ethdev_tel_add_u64s(d, "q_opackets", st.q_opackets, RTE_ETHDEV_QUEUE_STAT_CNTRS);
	ethdev_tel_add_u64s(d, "q_ibytes", st.q_ibytes, RTE_ETHDEV_QUEUE_STAT_CNTRS);
	ethdev_tel_add_u64s(d, "q_obytes", st.q_obytes, RTE_ETHDEV_QUEUE_STAT_CNTRS);
	ethdev_tel_add_u64s(d, "q_errors", st.q_errors, RTE_ETHDEV_QUEUE_STAT_CNTRS);
	return 0;
}

static int
ethdev_tel_xstats(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_eth_xstat_name *names = NULL;
	struct rte_eth_xstat *vals = NULL;
	uint16_t port_id;
	int n, ret = -EINVAL;

	RTE_SET_USED(cmd);
	if (ethdev_tel_port(params, &port_id) < 0)
		return -EINVAL;
	n = rte_eth_xstats_get(port_id, NULL, 0);
	if (n < 0)
		return -EINVAL;
	names = calloc((size_t)n + 1, sizeof(*names));
	vals = calloc((size_t)n + 1, sizeof(*vals));
	if (names == NULL || vals == NULL) {
		ret = -ENOMEM;
		goto out_free;
	}
	/* the count may change between the calls: trust neither beyond n */
	if (rte_eth_xstats_get_names(port_id, names, (unsigned int)n) != n ||
	    rte_eth_xstats_get(port_id, vals, (unsigned int)n) != n)
		goto out_free;
	rte_tel_data_start_dict(d);
	for (int i = 0; i < n; i++)
		rte_tel_data_add_dict_u64(d, names[i].name, vals[i].value);
	ret = 0;
out_free:
	free(names);
	free(vals);
	return ret;
}

static int
ethdev_tel_link_status(const char *cmd, const char *params, struct rte_tel_data *d)
{
	struct rte_eth_link link;
	uint16_t port_id;

	RTE_SET_USED(cmd);
	if (ethdev_tel_port(params, &port_id) < 0 || rte_eth_link_get_nowait(port_id, &link) < 0)
		return -EINVAL;
	rte_tel_data_start_dict(d);
	if (!link.link_status) {
		rte_tel_data_add_dict_string(d, "status", "DOWN");
		return 0;
	}
	rte_tel_data_add_dict_string(d, "status", "UP");
	rte_tel_data_add_dict_u64(d, "speed", link.link_speed);
	rte_tel_data_add_dict_string(d, "duplex",
				     link.link_duplex == RTE_ETH_LINK_FULL_DUPLEX ? "full-duplex"
										  : "half-duplex");
	return 0;
}

/* Queue states of a port as an int array container under name. */
static void
ethdev_tel_add_states(struct rte_tel_data *d, const char *name, const uint8_t *st, uint16_t n)
{
	struct rte_tel_data *a = rte_tel_data_alloc();

	if (a == NULL)
		return;
	rte_tel_data_start_array(a, RTE_TEL_INT_VAL);
	for (uint16_t i = 0; i < n && i < RTE_MAX_QUEUES_PER_PORT; i++)
		rte_tel_data_add_array_int(a, st[i]);
	if (rte_tel_data_add_dict_container(d, name, a, 0) < 0)
		rte_tel_data_free(a);
}

static int
ethdev_tel_info(const char *cmd, const char *params, struct rte_tel_data *d)
{
	char mac[RTE_ETHER_ADDR_FMT_SIZE] = "";
	const struct rte_eth_dev_data *dd;
	uint16_t port_id;

	RTE_SET_USED(cmd);
	if (ethdev_tel_port(params, &port_id) < 0)
		return -EINVAL;
	dd = rte_eth_devices[port_id].data;
	if (dd == NULL)
		return -EINVAL;
	if (dd->mac_addrs != NULL)
		rte_ether_format_addr(mac, sizeof(mac), &dd->mac_addrs[0]);
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_string(d, "name", dd->name);
	rte_tel_data_add_dict_int(d, "state", rte_eth_devices[port_id].state);
	rte_tel_data_add_dict_int(d, "nb_rx_queues", dd->nb_rx_queues);
	rte_tel_data_add_dict_int(d, "nb_tx_queues", dd->nb_tx_queues);
	rte_tel_data_add_dict_int(d, "port_id", dd->port_id);
	rte_tel_data_add_dict_int(d, "mtu", dd->mtu);
	rte_tel_data_add_dict_u64(d, "rx_mbuf_size_min", dd->min_rx_buf_size);
	rte_tel_data_add_dict_string(d, "mac_addr", mac);
	rte_tel_data_add_dict_int(d, "promiscuous", dd->promiscuous);
	rte_tel_data_add_dict_int(d, "scattered_rx", dd->scattered_rx);
	rte_tel_data_add_dict_int(d, "all_multicast", dd->all_multicast);
	rte_tel_data_add_dict_int(d, "dev_started", dd->dev_started);
	rte_tel_data_add_dict_int(d, "lro", dd->lro);
	rte_tel_data_add_dict_int(d, "dev_configured", dd->dev_configured);
	ethdev_tel_add_states(d, "rxq_state", dd->rx_queue_state, dd->nb_rx_queues);
	ethdev_tel_add_states(d, "txq_state", dd->tx_queue_state, dd->nb_tx_queues);
	rte_tel_data_add_dict_int(d, "numa_node", dd->numa_node);
	rte_tel_data_add_dict_u64(d, "dev_flags", dd->dev_flags);
	rte_tel_data_add_dict_u64(d, "rx_offloads", dd->dev_conf.rxmode.offloads);
	rte_tel_data_add_dict_u64(d, "tx_offloads", dd->dev_conf.txmode.offloads);
	rte_tel_data_add_dict_u64(d, "ethdev_rss_hf", dd->dev_conf.rx_adv_conf.rss_conf.rss_hf);
	return 0;
}

RTE_INIT(ethdev_telemetry_register)
{
	rte_telemetry_register_cmd("/ethdev/list", ethdev_tel_list,
				   "Ids of the ports. No parameters");
	rte_telemetry_register_cmd("/ethdev/stats", ethdev_tel_stats,
				   "Basic statistics of a port. Parameter: port id");
	rte_telemetry_register_cmd("/ethdev/xstats", ethdev_tel_xstats,
				   "Extended statistics of a port by name. Parameter: port id");
	rte_telemetry_register_cmd("/ethdev/link_status", ethdev_tel_link_status,
				   "Link state, speed and duplex of a port. Parameter: port id");
	rte_telemetry_register_cmd("/ethdev/info", ethdev_tel_info,
				   "Configuration and state of a port. Parameter: port id");
}
