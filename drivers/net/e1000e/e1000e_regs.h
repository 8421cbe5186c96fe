/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register map of the 8254x family (82540EM, "PCI/PCI-X Family of Gigabit
 * Ethernet Controllers Software Developer's Manual", SDM below) and of the
 * 82574L ("82574 GbE Controller Family Datasheet", DS below). The two share
 * the legacy register layout and the legacy descriptors used here; the
 * 82574L adds MSI-X (IVAR) and the "other" interrupt cause.
 */
#ifndef _E1000E_REGS_H_
#define _E1000E_REGS_H_

#include <assert.h>
#include <stdint.h>

/* --- General registers (SDM 13.4.1-13.4.4, DS 10.2.2) --------------- */
#define E1000_CTRL	0x00000
#define E1000_STATUS	0x00008
#define E1000_EECD	0x00010
#define E1000_EERD	0x00014
#define E1000_CTRL_EXT	0x00018
#define E1000_MDIC	0x00020
#define E1000_FCAL	0x00028
#define E1000_FCAH	0x0002C
#define E1000_FCT	0x00030
#define E1000_VET	0x00038
#define E1000_FCTTV	0x00170

#define E1000_CTRL_FD		(1u << 0)	/* full duplex */
#define E1000_CTRL_LRST		(1u << 3)	/* link reset (82540) */
#define E1000_CTRL_ASDE		(1u << 5)	/* auto-speed detection */
#define E1000_CTRL_SLU		(1u << 6)	/* set link up */
#define E1000_CTRL_ILOS		(1u << 7)	/* invert loss-of-signal */
#define E1000_CTRL_RST		(1u << 26)	/* device reset, self-clearing */
#define E1000_CTRL_VME		(1u << 30)
#define E1000_CTRL_PHY_RST	(1u << 31)

#define E1000_STATUS_FD		(1u << 0)
#define E1000_STATUS_LU		(1u << 1)	/* link up */
#define E1000_STATUS_SPEED_SHIFT 6		/* 00 10, 01 100, 1x 1000 Mb/s */
#define E1000_STATUS_SPEED_MASK	(3u << E1000_STATUS_SPEED_SHIFT)

/* EERD differs: SDM 13.4.4 (start 0, done 4, address 15:8) and DS 10.2.2.5 (done 1, address 15:2). */
#define E1000_EERD_START	(1u << 0)
#define E1000_EERD_DONE_8254X	(1u << 4)
#define E1000_EERD_ADDR_SHIFT_8254X 8
#define E1000_EERD_DONE_82574	(1u << 1)
#define E1000_EERD_ADDR_SHIFT_82574 2
#define E1000_EERD_DATA_SHIFT	16

#define E1000_CTRL_EXT_PBA_CLR	(1u << 31)	/* DS 10.2.2.6: clear PBA on MSI-X re-enable */

/* --- Interrupts (SDM 13.4.17-13.4.21, DS 10.2.4) --------------------- */
#define E1000_ICR	0x000C0
#define E1000_ITR	0x000C4
#define E1000_ICS	0x000C8
#define E1000_IMS	0x000D0
#define E1000_IMC	0x000D8
#define E1000_EIAC	0x000DC		/* 82574 */
#define E1000_IAM	0x000E0		/* 82574 */
#define E1000_IVAR	0x000E4		/* 82574: DS 10.2.4.9 */

#define E1000_ICR_TXDW		(1u << 0)
#define E1000_ICR_LSC		(1u << 2)
#define E1000_ICR_RXDMT0	(1u << 4)
#define E1000_ICR_RXO		(1u << 6)
#define E1000_ICR_RXT0		(1u << 7)
#define E1000_ICR_RXQ0		(1u << 20)	/* 82574, MSI-X */
#define E1000_ICR_OTHER		(1u << 24)	/* 82574, MSI-X: LSC and friends */
#define E1000_IMS_ALL		0xFFFFFFFFu

/* IVAR: 4 bits per cause, vector in 2:0 and valid in 3 (DS 10.2.4.9). */
#define E1000_IVAR_VALID	0x8u
#define E1000_IVAR_RXQ0_SHIFT	0
#define E1000_IVAR_TXQ0_SHIFT	8
#define E1000_IVAR_OTHER_SHIFT	16

/* --- Receive (SDM 13.4.22-13.4.30, DS 10.2.5) ------------------------ */
#define E1000_RCTL	0x00100
#define E1000_RDBAL	0x02800
#define E1000_RDBAH	0x02804
#define E1000_RDLEN	0x02808
#define E1000_RDH	0x02810
#define E1000_RDT	0x02818
#define E1000_RDTR	0x02820
#define E1000_RXDCTL	0x02828
#define E1000_RADV	0x0282C
#define E1000_RXCSUM	0x05000
#define E1000_MTA	0x05200		/* 128 words */
#define E1000_MTA_SIZE	128
#define E1000_RAL(i)	(0x05400 + 8 * (i))
#define E1000_RAH(i)	(0x05404 + 8 * (i))
#define E1000_RAR_ENTRIES 16		/* SDM 13.4.28: 16 exact filters */
#define E1000_RAH_AV	(1u << 31)	/* address valid */

#define E1000_RCTL_EN		(1u << 1)
#define E1000_RCTL_SBP		(1u << 2)
#define E1000_RCTL_UPE		(1u << 3)	/* unicast promiscuous */
#define E1000_RCTL_MPE		(1u << 4)	/* multicast promiscuous */
#define E1000_RCTL_LPE		(1u << 5)	/* long packets (> 1522) */
#define E1000_RCTL_RDMTS_HALF	(0u << 8)
#define E1000_RCTL_BAM		(1u << 15)	/* accept broadcast */
#define E1000_RCTL_BSIZE_SHIFT	16		/* with BSEX: table in SDM 13.4.22 */
#define E1000_RCTL_BSEX		(1u << 25)
#define E1000_RCTL_SECRC	(1u << 26)	/* strip the Ethernet CRC */

#define E1000_RXCSUM_IPOFL	(1u << 8)
#define E1000_RXCSUM_TUOFL	(1u << 9)

/* --- Transmit (SDM 13.4.33-13.4.44, DS 10.2.6) ----------------------- */
#define E1000_TCTL	0x00400
#define E1000_TIPG	0x00410
#define E1000_TDBAL	0x03800
#define E1000_TDBAH	0x03804
#define E1000_TDLEN	0x03808
#define E1000_TDH	0x03810
#define E1000_TDT	0x03818
#define E1000_TIDV	0x03820
#define E1000_TXDCTL	0x03828
#define E1000_TADV	0x0382C

#define E1000_TCTL_EN		(1u << 1)
#define E1000_TCTL_PSP		(1u << 3)	/* pad short packets */
#define E1000_TCTL_CT_SHIFT	4
#define E1000_TCTL_COLD_SHIFT	12
#define E1000_TCTL_CT_DEFAULT	0x0Fu
#define E1000_TCTL_COLD_FD	0x3Fu		/* full duplex (SDM 13.4.33) */
/* SDM 13.4.34 copper values: IPGT 10, IPGR1 8, IPGR2 6. */
#define E1000_TIPG_DEFAULT	(10u | (8u << 10) | (6u << 20))
/* DS 10.2.6.8: bit 22 must be 1; WTHRESH 1 so every RS descriptor is written back. */
#define E1000_TXDCTL_82574	((1u << 22) | (1u << 16))

/* --- Statistics, all clear-on-read (SDM 13.7, DS 10.2.8) ------------- */
#define E1000_CRCERRS	0x04000
#define E1000_ALGNERRC	0x04004
#define E1000_SYMERRS	0x04008
#define E1000_RXERRC	0x0400C
#define E1000_MPC	0x04010
#define E1000_SCC	0x04014
#define E1000_ECOL	0x04018
#define E1000_MCC	0x0401C
#define E1000_LATECOL	0x04020
#define E1000_COLC	0x04028
#define E1000_DC	0x04030
#define E1000_TNCRS	0x04034
#define E1000_SEC	0x04038
#define E1000_CEXTERR	0x0403C
#define E1000_RLEC	0x04040
#define E1000_XONRXC	0x04048
#define E1000_XONTXC	0x0404C
#define E1000_XOFFRXC	0x04050
#define E1000_XOFFTXC	0x04054
#define E1000_FCRUC	0x04058
#define E1000_PRC64	0x0405C
#define E1000_PRC127	0x04060
#define E1000_PRC255	0x04064
#define E1000_PRC511	0x04068
#define E1000_PRC1023	0x0406C
#define E1000_PRC1522	0x04070
#define E1000_GPRC	0x04074
#define E1000_BPRC	0x04078
#define E1000_MPRC	0x0407C
#define E1000_GPTC	0x04080
#define E1000_GORCL	0x04088
#define E1000_GORCH	0x0408C
#define E1000_GOTCL	0x04090
#define E1000_GOTCH	0x04094
#define E1000_RNBC	0x040A0
#define E1000_RUC	0x040A4
#define E1000_RFC	0x040A8
#define E1000_ROC	0x040AC
#define E1000_RJC	0x040B0
#define E1000_TORL	0x040C0
#define E1000_TORH	0x040C4
#define E1000_TOTL	0x040C8
#define E1000_TOTH	0x040CC
#define E1000_TPR	0x040D0
#define E1000_TPT	0x040D4
#define E1000_PTC64	0x040D8
#define E1000_PTC127	0x040DC
#define E1000_PTC255	0x040E0
#define E1000_PTC511	0x040E4
#define E1000_PTC1023	0x040E8
#define E1000_PTC1522	0x040EC
#define E1000_MPTC	0x040F0
#define E1000_BPTC	0x040F4
#define E1000_STATS_FIRST E1000_CRCERRS
#define E1000_STATS_LAST  E1000_BPTC

/* --- Legacy receive descriptor (SDM 3.2.3, DS 7.1.4.1) --------------- */
struct e1000_rx_desc {
	uint64_t buffer_addr;	/* bus address of the buffer */
	uint16_t length;	/* written by the device: bytes in this buffer */
	uint16_t csum;
	uint8_t status;
	uint8_t errors;
	uint16_t special;	/* VLAN tag */
};
static_assert(sizeof(struct e1000_rx_desc) == 16, "SDM 3.2.3: 16-byte Rx descriptor");

#define E1000_RXD_STAT_DD	(1u << 0)	/* descriptor done */
#define E1000_RXD_STAT_EOP	(1u << 1)	/* end of packet */
#define E1000_RXD_STAT_IXSM	(1u << 2)	/* ignore checksum indication */
#define E1000_RXD_STAT_VP	(1u << 3)	/* 802.1Q packet, tag in special */
#define E1000_RXD_STAT_TCPCS	(1u << 5)	/* TCP/UDP checksum computed */
#define E1000_RXD_STAT_IPCS	(1u << 6)	/* IPv4 checksum computed */
#define E1000_RXD_ERR_CE	(1u << 0)	/* CRC or alignment error */
#define E1000_RXD_ERR_SE	(1u << 1)	/* symbol error */
#define E1000_RXD_ERR_SEQ	(1u << 2)
#define E1000_RXD_ERR_CXE	(1u << 4)
#define E1000_RXD_ERR_TCPE	(1u << 5)	/* TCP/UDP checksum error */
#define E1000_RXD_ERR_IPE	(1u << 6)	/* IPv4 checksum error */
#define E1000_RXD_ERR_RXE	(1u << 7)
/* Frame errors that make the frame worthless; checksum errors are only flags. */
#define E1000_RXD_ERR_FRAME	(E1000_RXD_ERR_CE | E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ | \
				 E1000_RXD_ERR_CXE | E1000_RXD_ERR_RXE)

/* --- Legacy transmit descriptor (SDM 3.3.3, DS 7.2.10.1) -------------- */
struct e1000_tx_desc {
	uint64_t buffer_addr;
	uint16_t length;
	uint8_t cso;		/* checksum offset */
	uint8_t cmd;
	uint8_t status;		/* written by the device: DD */
	uint8_t css;		/* checksum start */
	uint16_t special;
};
static_assert(sizeof(struct e1000_tx_desc) == 16, "SDM 3.3.3: 16-byte Tx descriptor");

#define E1000_TXD_CMD_EOP	(1u << 0)	/* end of packet */
#define E1000_TXD_CMD_IFCS	(1u << 1)	/* insert FCS */
#define E1000_TXD_CMD_RS	(1u << 3)	/* report status (DD) */
#define E1000_TXD_STAT_DD	(1u << 0)
#define E1000_TXD_STAT_EC	(1u << 1)	/* excess collisions: not sent */
#define E1000_TXD_STAT_LC	(1u << 2)	/* late collision: not sent */

/*
 * TCP/IP context descriptor (SDM 3.3.6, DS 7.2.10.2): where the IPv4 and
 * TCP/UDP checksums start, go and end, for the data descriptors after it.
 */
struct e1000_tx_ctx_desc {
	uint8_t ipcss;		/* IP checksum start */
	uint8_t ipcso;		/* IP checksum offset */
	uint16_t ipcse;		/* IP checksum end (inclusive) */
	uint8_t tucss;		/* TCP/UDP checksum start */
	uint8_t tucso;		/* TCP/UDP checksum offset */
	uint16_t tucse;		/* TCP/UDP checksum end, 0: to the end of the frame */
	uint32_t cmd_and_length; /* PAYLEN 19:0, DTYP 23:20 (0000), TUCMD 31:24 */
	uint8_t status;
	uint8_t hdr_len;
	uint16_t mss;
};
static_assert(sizeof(struct e1000_tx_ctx_desc) == 16, "SDM 3.3.6: 16-byte context descriptor");

#define E1000_TXD_CTX_TCP	(1u << 24)	/* TUCMD.TCP: TCP, else UDP */
#define E1000_TXD_CTX_IP	(1u << 25)	/* TUCMD.IP: IPv4 */
#define E1000_TXD_DEXT		(1u << 29)	/* extended descriptor */
/* TCP/IP data descriptor (SDM 3.3.7): DTYP 0001, DCMD as legacy CMD plus DEXT. */
#define E1000_TXD_DTYP_D	(1u << 20)
#define E1000_TXD_POPTS_IXSM	(1u << 8)	/* insert the IP checksum */
#define E1000_TXD_POPTS_TXSM	(1u << 9)	/* insert the TCP/UDP checksum */

/* Ring lengths must be multiples of 128 bytes: 8 descriptors (SDM 13.4.24). */
#define E1000_RING_ALIGN_DESC	8
#define E1000_RING_ALIGN	128
#define E1000_MIN_RING_DESC	32
#define E1000_MAX_RING_DESC	4096

#endif /* _E1000E_REGS_H_ */
