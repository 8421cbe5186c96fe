/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What an event driver provides and gets: its ops, its fast-path
 * functions, and device allocation. The library checks every argument an
 * application passes (ids, state, limits from info_get) before an op runs,
 * and keeps the configurations and the port-to-queue links itself.
 */
#ifndef _EVENTDEV_PMD_H_
#define _EVENTDEV_PMD_H_

#include <stdbool.h>
#include <stdio.h>

#include <rte_eventdev.h>

#define RTE_EVENTDEV_NAME_MAX_LEN 64
/* links[port][queue] of a queue the port is not linked to */
#define EVENTDEV_LINK_NONE 0xffff

struct rte_eventdev;

struct eventdev_ops {
	void (*dev_infos_get)(struct rte_eventdev *dev, struct rte_event_dev_info *info);
	/* the new configuration is in dev->conf; queues and ports are gone */
	int (*dev_configure)(struct rte_eventdev *dev);
	int (*dev_start)(struct rte_eventdev *dev);
	void (*dev_stop)(struct rte_eventdev *dev);
	int (*dev_close)(struct rte_eventdev *dev);

	void (*queue_def_conf)(struct rte_eventdev *dev, uint8_t queue_id,
			       struct rte_event_queue_conf *conf);
	int (*queue_setup)(struct rte_eventdev *dev, uint8_t queue_id,
			   const struct rte_event_queue_conf *conf);
	void (*queue_release)(struct rte_eventdev *dev, uint8_t queue_id);

	void (*port_def_conf)(struct rte_eventdev *dev, uint8_t port_id,
			      struct rte_event_port_conf *conf);
	/* stores the driver's port in dev->ports[port_id] */
	int (*port_setup)(struct rte_eventdev *dev, uint8_t port_id,
			  const struct rte_event_port_conf *conf);
	void (*port_release)(struct rte_eventdev *dev, uint8_t port_id);
	/* returns the number linked (queues already checked) */
	int (*port_link)(struct rte_eventdev *dev, uint8_t port_id, const uint8_t queues[],
			 const uint8_t priorities[], uint16_t nb);
	int (*port_unlink)(struct rte_eventdev *dev, uint8_t port_id, const uint8_t queues[],
			   uint16_t nb);
	int (*port_unlinks_in_progress)(struct rte_eventdev *dev, uint8_t port_id);
	void (*port_quiesce)(struct rte_eventdev *dev, uint8_t port_id,
			     rte_eventdev_port_flush_t flush_cb, void *arg);

	int (*timeout_ticks)(struct rte_eventdev *dev, uint64_t ns, uint64_t *ticks);
	void (*dump)(struct rte_eventdev *dev, FILE *f);

	int (*xstats_get_names)(const struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
				uint8_t queue_port_id, struct rte_event_dev_xstats_name *names,
				unsigned int *ids, unsigned int size);
	int (*xstats_get)(const struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
			  uint8_t queue_port_id, const unsigned int ids[], uint64_t values[],
			  unsigned int n);
	uint64_t (*xstats_get_by_name)(const struct rte_eventdev *dev, const char *name,
				       unsigned int *id);
	int (*xstats_reset)(struct rte_eventdev *dev, enum rte_event_dev_xstats_mode mode,
			    int16_t queue_port_id, const uint32_t ids[], uint32_t nb_ids);

	int (*dev_selftest)(void);
};

struct rte_eventdev {
	char name[RTE_EVENTDEV_NAME_MAX_LEN];
	uint8_t dev_id;
	int socket_id;
	const char *driver_name;
	struct rte_device *device;
	const struct eventdev_ops *dev_ops;
	void *dev_private;

	/* the driver's fast path (data unused), copied into rte_event_fp_ops at
	 * start; a NULL txa_enqueue becomes the enqueue_burst */
	struct rte_event_fp_ops fp;

	/* the library's own */
	struct rte_event_dev_config conf;
	uint32_t caps; /* info's event_dev_cap, taken at configure */
	void **ports;  /* nb_event_ports driver ports */
	struct rte_event_queue_conf *queue_conf;
	struct rte_event_port_conf *port_conf;
	uint16_t (*links)[RTE_EVENT_MAX_QUEUES_PER_DEV]; /* [port][queue]: priority or NONE */
	bool *queue_ready;
	bool *port_ready;
	rte_eventdev_stop_flush_t stop_flush;
	void *stop_flush_arg;
	/* a device scheduled by a service sets these */
	bool has_service;
	uint32_t service_id;
	bool attached;
	bool configured;
	bool started;
};

/* A device called name with private_size zeroed bytes of dev_private, or
 * NULL (name taken, no id or memory left: logged). */
struct rte_eventdev *rte_event_pmd_allocate(const char *name, int socket_id, size_t private_size);
/* Stop (if started), close and free the device. 0 or -EINVAL. */
int rte_event_pmd_release(struct rte_eventdev *dev);
/* The device called name, or NULL. */
struct rte_eventdev *rte_event_pmd_get_named_dev(const char *name);

#endif /* _EVENTDEV_PMD_H_ */
