/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The XDP program that steers each queue's packets to its XDP socket, and
 * its XSKMAP. By default a five-instruction program of our own; with
 * xdp_prog= a compiled object of the user's, which must hold an XSKMAP
 * named "xsks_map" (the name DPDK looks for). Either way the driver
 * attaches the program only to an interface that has none, and detaches it
 * only while it is still the one attached.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <linux/if_link.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "af_xdp.h"

#define AFX_MAP_NAME "xsks_map"

/*
 * bpf_redirect_map(&xsks_map, ctx->rx_queue_index, XDP_PASS): the low bits
 * of the flags are the action when the queue has no socket in the map
 * (kernel 5.3 and later), so other queues' traffic still reaches the stack.
 */
static int
afx_default_prog_load(const char *name, int map_fd)
{
	const struct bpf_insn insns[] = {
		{.code = BPF_LDX | BPF_MEM | BPF_W,
		 .dst_reg = BPF_REG_2,
		 .src_reg = BPF_REG_1,
		 .off = offsetof(struct xdp_md, rx_queue_index)},
		{.code = BPF_LD | BPF_DW | BPF_IMM,
		 .dst_reg = BPF_REG_1,
		 .src_reg = BPF_PSEUDO_MAP_FD,
		 .imm = map_fd},
		{.code = 0}, /* second half of the 64-bit immediate */
		{.code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_3, .imm = XDP_PASS},
		{.code = BPF_JMP | BPF_CALL, .imm = BPF_FUNC_redirect_map},
		{.code = BPF_JMP | BPF_EXIT},
	};
	int fd;

	fd = bpf_prog_load(BPF_PROG_TYPE_XDP, "afx_redirect", "Dual BSD/GPL", insns, RTE_DIM(insns),
			   NULL);
	if (fd < 0)
		AFX_LOG(ERR,
			"%s: cannot load the XDP redirect program: %s; the kernel needs "
			"CONFIG_XDP_SOCKETS and BPF (run as root or with CAP_BPF)\n",
			name, strerror(-fd));
	return fd;
}

/* Route libbpf's messages to our log type, at debug level. */
static int
afx_libbpf_print(enum libbpf_print_level level __rte_unused, const char *fmt, va_list ap)
{
	return rte_vlog(RTE_LOG_DEBUG, afx_logtype, fmt, ap);
}

static int
afx_user_prog_load(const char *name, struct afx_private *priv)
{
	struct bpf_program *prog;
	struct bpf_map *map;
	int ret;

	libbpf_set_print(afx_libbpf_print);
	priv->obj = bpf_object__open_file(priv->prog_path, NULL);
	if (priv->obj == NULL) {
		ret = -errno;
		AFX_LOG(ERR,
			"%s: xdp_prog '%s' is not a BPF object: %s; give a file built "
			"with 'clang -target bpf'\n",
			name, priv->prog_path, strerror(-ret));
		return ret;
	}
	prog = bpf_object__next_program(priv->obj, NULL);
	if (prog == NULL) {
		AFX_LOG(ERR,
			"%s: xdp_prog '%s' holds no program: give an object with an "
			"SEC(\"xdp\") function\n",
			name, priv->prog_path);
		return -EINVAL;
	}
	bpf_program__set_type(prog, BPF_PROG_TYPE_XDP);
	ret = bpf_object__load(priv->obj);
	if (ret != 0) {
		AFX_LOG(ERR,
			"%s: xdp_prog '%s' does not load: %s; see the verifier log with "
			"--log-level=pmd.net.af_xdp:debug\n",
			name, priv->prog_path, strerror(-ret));
		return ret;
	}
	map = bpf_object__find_map_by_name(priv->obj, AFX_MAP_NAME);
	if (map == NULL || bpf_map__type(map) != BPF_MAP_TYPE_XSKMAP) {
		AFX_LOG(ERR,
			"%s: xdp_prog '%s' has no XSKMAP named '" AFX_MAP_NAME "': "
			"redirect to such a map, keyed by the queue index\n",
			name, priv->prog_path);
		return -EINVAL;
	}
	priv->prog_fd = bpf_program__fd(prog);
	priv->map_fd = bpf_map__fd(map);
	return 0;
}

static void
afx_prog_release(struct afx_private *priv)
{
	if (priv->obj != NULL) {
		/* the object owns its program and map fds */
		bpf_object__close(priv->obj);
		priv->obj = NULL;
	} else {
		if (priv->prog_fd >= 0)
			close(priv->prog_fd);
		if (priv->map_fd >= 0)
			close(priv->map_fd);
	}
	priv->prog_fd = -1;
	priv->map_fd = -1;
}

int
afx_prog_attach(const char *name, struct afx_private *priv)
{
	uint32_t id = 0;
	int ret;

	ret = bpf_xdp_query_id(priv->ifindex, 0, &id);
	if (ret == 0 && id != 0) {
		AFX_LOG(ERR,
			"%s: interface '%s' already has an XDP program (id %u) that this "
			"port did not attach: remove it with 'ip link set dev %s xdp off'\n",
			name, priv->iface, id, priv->iface);
		return -EBUSY;
	}
	if (priv->prog_path[0] != '\0') {
		ret = afx_user_prog_load(name, priv);
	} else {
		ret = bpf_map_create(BPF_MAP_TYPE_XSKMAP, AFX_MAP_NAME, sizeof(uint32_t),
				     sizeof(uint32_t), priv->start_queue + priv->nb_qpairs, NULL);
		if (ret < 0) {
			AFX_LOG(ERR,
				"%s: cannot create the XSKMAP: %s; the kernel needs "
				"CONFIG_XDP_SOCKETS (run as root or with CAP_BPF)\n",
				name, strerror(-ret));
		} else {
			priv->map_fd = ret;
			ret = afx_default_prog_load(name, priv->map_fd);
			if (ret >= 0) {
				priv->prog_fd = ret;
				ret = 0;
			}
		}
	}
	if (ret != 0)
		goto out_release;
	/* the driver's hook if the NIC has one, else the generic (SKB) hook */
	priv->xdp_flags = XDP_FLAGS_UPDATE_IF_NOEXIST | XDP_FLAGS_DRV_MODE;
	ret = bpf_xdp_attach(priv->ifindex, priv->prog_fd, priv->xdp_flags, NULL);
	if (ret != 0) {
		priv->xdp_flags = XDP_FLAGS_UPDATE_IF_NOEXIST | XDP_FLAGS_SKB_MODE;
		ret = bpf_xdp_attach(priv->ifindex, priv->prog_fd, priv->xdp_flags, NULL);
	}
	if (ret != 0) {
		AFX_LOG(ERR,
			"%s: cannot attach the XDP program to '%s': %s; check that no "
			"other program is attached ('ip link show dev %s')\n",
			name, priv->iface, strerror(-ret), priv->iface);
		goto out_release;
	}
	return 0;

out_release:
	afx_prog_release(priv);
	return ret;
}

void
afx_prog_detach(struct afx_private *priv)
{
	LIBBPF_OPTS(bpf_xdp_attach_opts, opts, .old_prog_fd = priv->prog_fd);

	if (priv->prog_fd < 0)
		return;
	/* XDP_FLAGS_REPLACE: only if our program is still the one attached */
	bpf_xdp_detach(priv->ifindex, (priv->xdp_flags & XDP_FLAGS_MODES) | XDP_FLAGS_REPLACE,
		       &opts);
	afx_prog_release(priv);
}
