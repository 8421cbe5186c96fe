/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register and structure layouts of a modern virtio-net device on PCI, from
 * the virtio 1.1 specification (section numbers in the comments). All
 * multi-byte fields are little-endian, as on the hosts Sluice supports.
 */
#ifndef _VIRTIO_REGS_H_
#define _VIRTIO_REGS_H_

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include "virtio_ring.h"

#define VIRTIO_PCI_VENDOR 0x1AF4
#define VIRTIO_PCI_DEV_NET_MODERN 0x1041	/* 4.1.2.1: 0x1040 + device id 1 */
#define VIRTIO_PCI_DEV_NET_TRANSITIONAL 0x1000

/* 2.1 Device Status Field */
#define VIRTIO_STATUS_RESET 0x00
#define VIRTIO_STATUS_ACKNOWLEDGE 0x01
#define VIRTIO_STATUS_DRIVER 0x02
#define VIRTIO_STATUS_DRIVER_OK 0x04
#define VIRTIO_STATUS_FEATURES_OK 0x08
#define VIRTIO_STATUS_DEVICE_NEEDS_RESET 0x40
#define VIRTIO_STATUS_FAILED 0x80

/* 4.1.4 Virtio Structure PCI Capabilities: a vendor-specific capability (0x09) each */
#define PCI_CAP_ID_VNDR 0x09
#define PCI_CAPABILITY_LIST 0x34
#define PCI_STATUS 0x06
#define PCI_STATUS_CAP_LIST 0x10
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_PCI_CAP_NOTIFY_CFG 2
#define VIRTIO_PCI_CAP_ISR_CFG 3
#define VIRTIO_PCI_CAP_DEVICE_CFG 4
#define VIRTIO_PCI_CAP_PCI_CFG 5

struct virtio_pci_cap {
	uint8_t cap_vndr;	/* PCI_CAP_ID_VNDR */
	uint8_t cap_next;
	uint8_t cap_len;
	uint8_t cfg_type;	/* VIRTIO_PCI_CAP_* */
	uint8_t bar;		/* 0..5 */
	uint8_t padding[3];
	uint32_t offset;	/* within the BAR */
	uint32_t length;
};
static_assert(sizeof(struct virtio_pci_cap) == 16, "4.1.4: virtio_pci_cap is 16 bytes");

/* 4.1.4.4: the notify capability is followed by the multiplier */
struct virtio_pci_notify_cap {
	struct virtio_pci_cap cap;
	uint32_t notify_off_multiplier;
};
static_assert(sizeof(struct virtio_pci_notify_cap) == 20, "4.1.4.4: notify cap is 20 bytes");

/* 4.1.4.3 Common configuration structure layout */
struct virtio_pci_common_cfg {
	/* about the whole device */
	uint32_t device_feature_select;
	uint32_t device_feature;	/* read-only */
	uint32_t driver_feature_select;
	uint32_t driver_feature;
	uint16_t msix_config;
	uint16_t num_queues;		/* read-only */
	uint8_t device_status;
	uint8_t config_generation;	/* read-only */
	/* about the queue selected by queue_select */
	uint16_t queue_select;
	uint16_t queue_size;
	uint16_t queue_msix_vector;
	uint16_t queue_enable;
	uint16_t queue_notify_off;	/* read-only */
	uint32_t queue_desc_lo;		/* 4.1.3.1: 64-bit fields as two 32-bit accesses */
	uint32_t queue_desc_hi;
	uint32_t queue_driver_lo;
	uint32_t queue_driver_hi;
	uint32_t queue_device_lo;
	uint32_t queue_device_hi;
};
static_assert(offsetof(struct virtio_pci_common_cfg, msix_config) == 0x10, "4.1.4.3");
static_assert(offsetof(struct virtio_pci_common_cfg, device_status) == 0x14, "4.1.4.3");
static_assert(offsetof(struct virtio_pci_common_cfg, queue_select) == 0x16, "4.1.4.3");
static_assert(offsetof(struct virtio_pci_common_cfg, queue_desc_lo) == 0x20, "4.1.4.3");
static_assert(offsetof(struct virtio_pci_common_cfg, queue_device_hi) == 0x34, "4.1.4.3");
static_assert(sizeof(struct virtio_pci_common_cfg) == 0x38, "4.1.4.3: common cfg is 56 bytes");

/* 4.1.5.1.2: the vector value that means none (also the failure read-back) */
#define VIRTIO_MSI_NO_VECTOR 0xFFFF

/* 4.1.4.5 ISR status: bit 0 queue interrupt, bit 1 configuration change */
#define VIRTIO_ISR_CONFIG 0x02

/* 5.1.4 Device configuration layout */
struct virtio_net_config {
	uint8_t mac[6];
	uint16_t status;
	uint16_t max_virtqueue_pairs;
	uint16_t mtu;
};
static_assert(offsetof(struct virtio_net_config, status) == 6, "5.1.4");
static_assert(offsetof(struct virtio_net_config, max_virtqueue_pairs) == 8, "5.1.4");
#define VIRTIO_NET_S_LINK_UP 1

/* 5.1.6.5 Control Virtqueue */
struct virtio_net_ctrl_hdr {
	uint8_t class;
	uint8_t cmd;
};
#define VIRTIO_NET_OK 0
#define VIRTIO_NET_ERR 1
#define VIRTIO_NET_CTRL_RX 0		/* 5.1.6.5.1 */
#define VIRTIO_NET_CTRL_RX_PROMISC 0
#define VIRTIO_NET_CTRL_RX_ALLMULTI 1
#define VIRTIO_NET_CTRL_MQ 4		/* 5.1.6.5.5 */
#define VIRTIO_NET_CTRL_MQ_VQ_PAIRS_SET 0
#define VIRTIO_NET_CTRL_MQ_VQ_PAIRS_MIN 1
#define VIRTIO_NET_CTRL_MQ_VQ_PAIRS_MAX 0x8000

#endif /* _VIRTIO_REGS_H_ */
