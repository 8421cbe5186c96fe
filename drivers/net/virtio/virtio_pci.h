/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio: the device as the control path sees it (virtio_pci.c reaches
 * it through the modern PCI transport, virtio 1.1 section 4.1) and state
 * shared by virtio_ethdev.c.
 */
#ifndef _VIRTIO_PCI_H_
#define _VIRTIO_PCI_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_ether.h>
#include <rte_log.h>
#include <rte_spinlock.h>

#include <bus_pci_driver.h>
#include <ethdev_driver.h>

#include "virtio_regs.h"
#include "virtqueue_packed.h"

extern int virtio_logtype;
#define VIRTIO_LOG(level, ...) rte_log(RTE_LOG_ ## level, virtio_logtype, "net_virtio: " __VA_ARGS__)

/* What the driver always asks for; VERSION_1 and ACCESS_PLATFORM are also required. */
#define VIRTIO_NET_WANTED_FEATURES \
	(VIRTIO_BIT(VIRTIO_F_VERSION_1) | VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM) | \
	 VIRTIO_BIT(VIRTIO_NET_F_MAC) | VIRTIO_BIT(VIRTIO_NET_F_STATUS) | \
	 VIRTIO_BIT(VIRTIO_NET_F_CTRL_VQ) | VIRTIO_BIT(VIRTIO_NET_F_CTRL_RX) | \
	 VIRTIO_BIT(VIRTIO_NET_F_MQ) | VIRTIO_BIT(VIRTIO_NET_F_MTU) | \
	 VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX))

/*
 * Asked for only when the application enables the matching offload: the
 * checksums (5.1.6.2, 5.1.6.4), and merged Rx buffers (5.1.6.3.1) with
 * RTE_ETH_RX_OFFLOAD_SCATTER
 */
#define VIRTIO_NET_OFFLOAD_FEATURES \
	(VIRTIO_BIT(VIRTIO_NET_F_CSUM) | VIRTIO_BIT(VIRTIO_NET_F_GUEST_CSUM) | \
	 VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF))

/* How long a control command waits for the device (5.1.6.5) */
#define VIRTIO_CTRL_TIMEOUT_US 2000000u

/* The driver's largest frame when the device states no MTU (5.1.4: no VIRTIO_NET_F_MTU) */
#define VIRTIO_MAX_RX_PKTLEN 9728u
#define VIRTIO_MAX_FRAME(mtu) ((uint32_t)(mtu) + RTE_ETHER_HDR_LEN + RTE_VLAN_HLEN)

struct virtio_hw;
struct virtqueue;

/*
 * How the driver reaches a device: the modern PCI transport (virtio_pci.c,
 * virtio 1.1 4.1) or a vhost-user back-end over a unix socket
 * (virtio_user/). The rings and everything above them are shared; the
 * doorbell is the queue's (virtq_doorbell), so the fast path makes no
 * indirect call. Each int function returns 0 or a negative errno and logs
 * the cause.
 */
struct virtio_ops {
	/* features the transport cannot work without, refused clearly when absent */
	uint64_t required;
	/* 3.1.1: whether queue pairs beyond the first are enabled by the transport itself
	 * at DRIVER_OK (vhost-user without a control queue) rather than by 5.1.6.5.5 */
	bool pairs_by_transport;
	int (*reset)(struct virtio_hw *hw);	/* returns once the device is idle */
	uint8_t (*status_get)(struct virtio_hw *hw);
	int (*status_set)(struct virtio_hw *hw, uint8_t status);
	uint64_t (*features_get)(struct virtio_hw *hw);
	void (*features_set)(struct virtio_hw *hw, uint64_t features);
	uint16_t (*num_queues)(struct virtio_hw *hw);	/* after FEATURES_OK */
	int (*cfg_read)(struct virtio_hw *hw, size_t off, void *buf, size_t len);
	uint16_t (*queue_max_size)(struct virtio_hw *hw, uint16_t index);
	/* 4.1.5.1.3: the queue's rings to the device, and enabled */
	int (*queue_program)(struct virtio_hw *hw, struct virtqueue *vq);
	/* link-status and Rx queue interrupts of a starting port; their undoing */
	int (*intr_setup)(struct rte_eth_dev *dev);
	void (*intr_teardown)(struct rte_eth_dev *dev);
	/* what the transport holds, at close (NULL: nothing) */
	void (*release)(struct virtio_hw *hw);
};

struct virtio_hw {
	const struct virtio_ops *ops;
	const char *name;		/* for messages: the PCI address or the vdev name */
	void *transport;		/* the vhost-user connection; NULL over PCI */
	bool use_va;			/* rings carry virtual addresses (vhost-user) */
	struct rte_pci_device *pdev;
	volatile struct virtio_pci_common_cfg *common;	/* 4.1.4.3 */
	volatile uint8_t *notify_base;			/* 4.1.4.4 */
	uint32_t notify_len;
	uint32_t notify_mult;
	volatile uint8_t *isr;				/* 4.1.4.5 */
	volatile uint8_t *dev_cfg;			/* 4.1.4.6, struct virtio_net_config */
	uint32_t dev_cfg_len;
	uint64_t features;		/* negotiated */
	uint64_t offered;		/* what the device has of what the driver can use */
	uint16_t num_queues;		/* virtqueues the device has */
	uint16_t max_pairs;		/* 5.1.4 max_virtqueue_pairs (1 without MQ) */
	uint16_t *vq_max;		/* queue_size of Rx/Tx virtqueues 0..2*max_pairs-1 */
	uint16_t max_mtu;
	struct virtqueue *cvq;		/* control queue, when CTRL_VQ was negotiated */
	struct virtio_ctrl_buf *cbuf;
	uint64_t cbuf_iova;		/* as the device addresses it (virtq_mem_addr) */
	rte_spinlock_t ctrl_lock;	/* one control command at a time */
	uint32_t ctrl_timeout_us;	/* how long a command waits for its answer */
	uint16_t ctrl_slots;		/* tokens the commands take turns over */
	uint16_t ctrl_next;		/* slot of the next command */
	uint16_t ctrl_stale_token;	/* the command that timed out (ctrl_stale) */
	uint16_t ctrl_stale_n;		/* and its descriptors */
	bool ctrl_stale;		/* a timed-out command is still with the device */
	bool ctrl_broken;		/* a completion named no command: off until reset */
	bool intr_registered;		/* config-change callback on the eal-intr thread */
	bool msix;			/* vectors armed */
	bool rxq_intr;			/* Rx queues have vectors 1..n */
	bool packed;			/* VIRTIO_F_RING_PACKED offered and not turned off */
	struct rte_ether_addr mac;
};

static inline bool
virtio_has(const struct virtio_hw *hw, unsigned int bit)
{
	return (hw->features & VIRTIO_BIT(bit)) != 0;
}

static inline bool
virtio_offers(const struct virtio_hw *hw, unsigned int bit)
{
	return (hw->offered & VIRTIO_BIT(bit)) != 0;
}

/* virtio_pci.c: the PCI transport */
extern const struct virtio_ops virtio_pci_ops;
int virtio_pci_caps_find(struct virtio_hw *hw);
int virtio_msix_config_set(struct virtio_hw *hw, uint16_t vector);
uint8_t virtio_isr_read(struct virtio_hw *hw);

/* virtio_hw.c: the device handshake over either transport */
static inline int
virtio_dev_reset(struct virtio_hw *hw)
{
	return hw->ops->reset(hw);
}

static inline uint8_t
virtio_status_get(struct virtio_hw *hw)
{
	return hw->ops->status_get(hw);
}

static inline int
virtio_dev_cfg_read(struct virtio_hw *hw, size_t off, void *buf, size_t len)
{
	return hw->ops->cfg_read(hw, off, buf, len);
}

static inline uint16_t
virtio_queue_max_size(struct virtio_hw *hw, uint16_t index)
{
	return hw->ops->queue_max_size(hw, index);
}

static inline int
virtio_queue_program(struct virtio_hw *hw, struct virtqueue *vq)
{
	return hw->ops->queue_program(hw, vq);
}

int virtio_status_add(struct virtio_hw *hw, uint8_t bits);
int virtio_features_negotiate(struct virtio_hw *hw, uint64_t wanted);
int virtio_queue_sizes_read(struct rte_eth_dev *dev, struct virtio_hw *hw);
int virtq_alloc(struct rte_eth_dev *dev, struct virtqueue *vq, uint16_t index, uint16_t size,
		size_t extra, int socket);
int virtq_size_pick(struct rte_eth_dev *dev, uint16_t index, uint16_t nb_desc, uint16_t *size);
int virtio_cvq_alloc(struct rte_eth_dev *dev, uint16_t index, uint16_t size);
void virtio_cvq_reset(struct virtio_hw *hw);
void virtio_cvq_free(struct virtio_hw *hw);
int virtio_ctrl_send(struct rte_eth_dev *dev, uint8_t class, uint8_t cmd, const void *data,
		     uint16_t len);

#endif /* _VIRTIO_PCI_H_ */
