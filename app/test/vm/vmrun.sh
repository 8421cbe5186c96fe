#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# vmrun.sh: run one command inside a throw-away QEMU guest that has an
# emulated IOMMU and real NIC models, so the VFIO paths of Sluice can be
# tested on a machine without VFIO, IOMMU or NIC.
#
# The guest boots Debian's kernel (the one linux-image-amd64 depends on)
# with a tiny busybox initramfs, mounts the host's / read-only over 9p,
# chroots into it and runs the command there, so the build tree's binaries
# run unchanged. The command's output and exit status come back through a
# writable 9p share; this script prints the output and exits with the
# command's status (124 when the guest timed out, 77 when the harness
# cannot run here at all).
#
# Everything downloaded or built is kept in the folder given with --dir
# (in the build tree) and reused by later runs.

set -eu

usage() {
	cat <<'EOF'
Usage: vmrun.sh --dir DIR [options] -- COMMAND [ARG...]
       vmrun.sh --dir DIR --prepare

Boot a QEMU guest (TCG, q35, 2 vCPUs, 2 GiB), run COMMAND in it as root
inside a read-only view of the host's root filesystem, print its output
and exit with its status.

Options:
  -d, --dir DIR         folder in the build tree for the cached kernel and
                        initramfs and for the per-run files (required)
  --iommu none|39|48    intel-iommu with 39 (default) or 48 address bits,
                        or no IOMMU at all; with one, intel_iommu=on is
                        put on the kernel command line
  --nic MODEL@SLOT      add a NIC on the shared hub at 00:SLOT (e.g.
                        e1000e@03.0, e1000@05.0, virtio@04.0); repeatable.
                        The n-th NIC's netdev id is net<n> (from 0), the
                        name set_link takes. virtio is virtio-net-pci,
                        modern only, with iommu_platform=on; virtio-noiommu
                        the same without it; virtio-mq with mq=on,vectors=6;
                        virtio-packed like virtio, with packed=on;
                        virtio-packed-mq like virtio-mq, with packed=on
  --tap-nic MODEL@SLOT=IFNAME
                        like --nic, but backed by the host tap IFNAME
                        (tap netdev, vhost=off) instead of the hub; the
                        caller creates the tap (ip tuntap add ... mode tap,
                        with multi_queue for virtio-mq and
                        virtio-packed-mq, which get
                        queues=2) and connects it, e.g. to a bridge
  --vhost-user SOCK@SLOT[,packed][,iommu]
                        add a virtio-net-pci (modern only, INTx, packed=on
                        with ,packed; behind the vIOMMU with ,iommu:
                        iommu_platform=on,ats=on and the intel-iommu's
                        device-iotlb=on) at 00:SLOT whose netdev is vhost-user
                        on the unix socket SOCK; QEMU connects as the client and
                        reconnects a second after the back-end restarts. The
                        back-end (e.g. --vdev net_vhost0,iface=SOCK) must be
                        listening before the guest boots. Guest RAM is then a
                        shared memfd, which vhost-user needs. Netdev ids
                        vhnet0, vhnet1, ...; repeatable
  --trace PATTERN       QEMU trace events matching PATTERN (e.g. 'vhost*')
                        to qemu-trace.log in the run folder; repeatable
  --bridge SLOT         add a PCI bridge at 00:SLOT with two e1000 behind it
                        (01:01.0 and 01:02.0, netdev ids brnet0, brnet1):
                        one IOMMU group for both
  --monitor PATH        QEMU human monitor on the unix socket PATH
                        (send "set_link net0 off" with vmmon.sh)
  --hugepages N         2 MiB hugepages to reserve in the guest (256)
  --no-vfio             do not load the vfio modules at boot
  --timeout SEC         stop the guest after SEC seconds (240)
  --share DIR           use DIR (created if needed, kept) as the run folder:
                        the guest sees it as /run/vmshare, so a host script
                        can wait for files the guest writes there
  --keep                keep the run folder even when the command passed
  --prepare             only download and build the kernel and initramfs
  -h, --help            this text
EOF
}

die() {
	echo "vmrun: $*" >&2
	exit 1
}

skip() {
	echo "vmrun: SKIP: $*" >&2
	exit 77
}

dir=
iommu=39
hugepages=256
timeout_s=240
monitor=
load_vfio=1
keep=0
share=
prepare_only=0
nics=()
bridges=()
vhost_users=()
vhost_iotlb=0
traces=()

while [ $# -gt 0 ]; do
	case "$1" in
	-d | --dir) dir=$2; shift 2 ;;
	--iommu) iommu=$2; shift 2 ;;
	--nic) nics+=("$2"); shift 2 ;;
	--tap-nic)
		case "$2" in *@*=?*) ;; *) die "--tap-nic takes MODEL@SLOT=IFNAME, not '$2'" ;; esac
		nics+=("$2"); shift 2 ;;
	--bridge) bridges+=("$2"); shift 2 ;;
	--vhost-user)
		case "$2" in ?*@?*) ;; *) die "--vhost-user takes SOCK@SLOT[,packed], not '$2'" ;; esac
		case "$2" in *,iommu*) vhost_iotlb=1 ;; esac
		vhost_users+=("$2"); shift 2 ;;
	--trace) traces+=("$2"); shift 2 ;;
	--monitor) monitor=$2; shift 2 ;;
	--hugepages) hugepages=$2; shift 2 ;;
	--no-vfio) load_vfio=0; shift ;;
	--timeout) timeout_s=$2; shift 2 ;;
	--keep) keep=1; shift ;;
	--share) share=$2; shift 2 ;;
	--prepare) prepare_only=1; shift ;;
	-h | --help) usage; exit 0 ;;
	--) shift; break ;;
	*) usage >&2; die "unknown option '$1'" ;;
	esac
done

[ -n "$dir" ] || { usage >&2; die "--dir is required"; }
case "$iommu" in none | 39 | 48) ;; *) die "--iommu takes none, 39 or 48, not '$iommu'" ;; esac
[ "$prepare_only" = 1 ] || [ $# -gt 0 ] || { usage >&2; die "no command given"; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

# --- host tools -----------------------------------------------------------

# Each tool with the Debian package that provides it.
need_tools() {
	local missing=() t pkg
	for t in qemu-system-x86_64:qemu-system-x86 cpio:cpio gzip:gzip \
		socat:socat flock:util-linux timeout:coreutils; do
		command -v "${t%%:*}" >/dev/null 2>&1 || missing+=("${t#*:}")
	done
	# The initramfs needs a static busybox: the dynamic one has no libc there.
	dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed' ||
		missing+=(busybox-static)
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" = 0 ] || skip "missing packages: ${missing[*]} (apt-get install ${missing[*]})"
	echo "vmrun: installing ${missing[*]}" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2 ||
		{ apt-get update >&2 && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y --no-install-recommends "${missing[@]}" >&2; } ||
		skip "cannot install ${missing[*]}"
}

# --- guest kernel ---------------------------------------------------------

# Modules the guest needs; their dependencies are added and ordered from
# each module's own "depends=" field, because Debian ships no modules.dep.
# bonding and veth: the kernel's bond is net_bonding's peer (kernel_peer_scenarios.sh).
guest_modules="9p 9pnet_virtio virtio_pci vfio_iommu_type1 vfio-pci e1000e e1000 virtio_net
	bonding veth"

kernel_package() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		awk '$1 == "Depends:" && $2 ~ /^linux-image-/ { print $2; exit }'
}

prepare_kernel() {
	local kdir=$dir/kernel pkg deb
	if [ -f "$kdir/stamp" ]; then
		return 0
	fi
	pkg=$(kernel_package)
	if [ -z "$pkg" ]; then
		[ "$(id -u)" = 0 ] && apt-get update >&2
		pkg=$(kernel_package)
	fi
	[ -n "$pkg" ] || skip "cannot resolve the package linux-image-amd64 depends on (apt-get update)"
	rm -rf "$kdir" "$dir/dl"
	mkdir -p "$dir/dl" "$kdir"
	echo "vmrun: downloading $pkg" >&2
	(cd "$dir/dl" && apt-get download "$pkg" >&2 2>/dev/null) ||
		skip "apt-get download $pkg failed"
	deb=$(ls "$dir"/dl/*.deb)
	# Only the kernel image and the module folders the guest can need.
	dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$kdir" --wildcards \
		'./boot/vmlinuz-*' './lib/modules/*/kernel/fs/*' \
		'./lib/modules/*/kernel/net/*' './lib/modules/*/kernel/virt/*' \
		'./lib/modules/*/kernel/drivers/virtio/*' \
		'./lib/modules/*/kernel/drivers/vfio/*' \
		'./lib/modules/*/kernel/drivers/net/*'
	rm -rf "$dir/dl"
	echo "$pkg" >"$kdir/stamp"
}

# Print the path (relative to lib/modules/VER) of module $1 and of
# everything it depends on, dependencies first, each once.
declare -A mod_seen
module_order() {
	local name=${1//-/_} path deps d
	[ -z "${mod_seen[$name]:-}" ] || return 0
	mod_seen[$name]=1
	path=$(cd "$moddir" && find kernel -name "$1.ko" -o -name "${name}.ko" -o \
		-name "${1//_/-}.ko" | head -n 1)
	[ -n "$path" ] || die "module $1 not found in $moddir"
	deps=$(tr '\0' '\n' <"$moddir/$path" | sed -n 's/^depends=//p' | head -n 1)
	for d in ${deps//,/ }; do
		module_order "$d"
	done
	echo "$path"
}

write_init() {
	cat <<'EOF'
#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Guest init: load modules, mount the host's root over 9p, run the command
# from the results share inside it, report, power off.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# $1: "vfio" loads only the vfio modules, anything else all but those.
load_modules() {
	while read -r m; do
		case "$m" in
		*/vfio/*) [ "$1" = vfio ] || continue ;;
		*) [ "$1" != vfio ] || continue ;;
		esac
		# QEMU 7.2's e1000e aborts (e1000e_intrmgr_on_msix_throttling_timer)
		# when an interrupt-throttling timer fires after the guest driver
		# disabled MSI-X, which the unbind before vfio-pci can do: the
		# guest's own e1000e runs without throttling (one value per board).
		case "$m" in
		*/e1000e.ko*) p=InterruptThrottleRate=0,0,0,0,0,0,0,0 ;;
		*) p= ;;
		esac
		# shellcheck disable=SC2086
		insmod "/lib/modules/$m" $p || echo "vm-init: insmod $m failed"
	done </modules.order
}
load_modules base
R=/mnt/root
o=trans=virtio,version=9p2000.L,msize=262144
mount -t 9p -o "$o,ro" hostroot $R || { echo "vm-init: cannot mount the host root"; poweroff -f; }
mkdir -p /results /hosttmp
mount -t 9p -o "$o" results /results
. /results/vm.conf
[ "$VM_LOAD_VFIO" = 0 ] || load_modules vfio
mount -t proc proc $R/proc
mount -t sysfs sysfs $R/sys
mount -t devtmpfs devtmpfs $R/dev
mkdir -p $R/dev/pts $R/dev/hugepages
mount -t devpts devpts $R/dev/pts
mount -t hugetlbfs hugetlbfs $R/dev/hugepages
# A private /tmp, but the host folders below /tmp that the command needs
# (a build tree there) stay visible through it.
mount --bind $R/tmp /hosttmp
mount -t tmpfs tmpfs $R/tmp
for d in $VM_HOST_TMP; do
	mkdir -p "$R/tmp/$d" && mount --bind "/hosttmp/$d" "$R/tmp/$d"
done
mount -t tmpfs tmpfs $R/run
mkdir -p $R/run/vmshare
mount --bind /results $R/run/vmshare
echo "$VM_HUGEPAGES" >/proc/sys/vm/nr_hugepages
echo "vm-init: running the command"
chroot $R /bin/sh /run/vmshare/cmd.sh >/results/output 2>&1 </dev/null
echo $? >/results/status
sync
umount $R/run/vmshare
umount /results
echo "vm-init: done"
poweroff -f
EOF
}

prepare_initrd() {
	local kver stage m
	kver=$(ls "$dir/kernel/lib/modules")
	moddir=$dir/kernel/lib/modules/$kver
	# Rebuilt whenever this script (which holds /init) is newer.
	if [ -f "$dir/initrd.gz" ] && [ "$dir/initrd.gz" -nt "$0" ]; then
		return 0
	fi
	stage=$dir/initrd.stage
	rm -rf "$stage"
	mkdir -p "$stage"/{bin,proc,sys,dev,mnt/root,lib/modules/$kver}
	cp /bin/busybox "$stage/bin/busybox"
	ln -s busybox "$stage/bin/sh"
	for m in $guest_modules; do
		module_order "$m"
	done >"$stage/order"
	while read -r m; do
		mkdir -p "$stage/lib/modules/$kver/$(dirname "$m")"
		cp "$moddir/$m" "$stage/lib/modules/$kver/$m"
		echo "$kver/$m"
	done <"$stage/order" >"$stage/modules.order"
	rm "$stage/order"
	write_init >"$stage/init"
	chmod 755 "$stage/init"
	(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) >"$dir/initrd.gz.tmp"
	mv "$dir/initrd.gz.tmp" "$dir/initrd.gz"
	rm -rf "$stage"
}

need_tools
# Parallel scenarios share one cache: prepare it under a lock.
exec 9>"$dir/.lock"
flock 9
prepare_kernel
prepare_initrd
flock -u 9
kernel=$(ls "$dir"/kernel/boot/vmlinuz-* | head -n 1)
[ "$prepare_only" = 0 ] || { echo "vmrun: ready: $kernel $dir/initrd.gz"; exit 0; }

# --- one run ----------------------------------------------------------------

if [ -n "$share" ]; then
	mkdir -p "$share"
	run=$(cd "$share" && pwd)
	rm -f "$run/status" "$run/output"
	keep=1
else
	run=$(mktemp -d "$dir/run.XXXXXX")
fi
# Top folders below /tmp that the guest must see from the host: its own
# /tmp is private, and a build tree may live there.
host_tmp=$(for p in "$dir" "$(cd "$(dirname "$0")" && pwd)" "$PWD" "$@"; do
	case "$p" in *=/tmp/?*) p=${p#*=} ;; esac
	case "$p" in /tmp/?*) p=${p#/tmp/}; echo "${p%%/*}" ;; esac
done | sort -u | tr '\n' ' ')
{
	echo "VM_HUGEPAGES=$hugepages"
	echo "VM_LOAD_VFIO=$load_vfio"
	echo "VM_HOST_TMP='$host_tmp'"
} >"$run/vm.conf"
{
	echo "export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
	echo "export HOME=/root LC_ALL=C"
	printf 'cd %q 2>/dev/null || cd /\n' "$PWD"
	printf 'exec'
	printf ' %q' "$@"
	printf '\n'
} >"$run/cmd.sh"

args=(-accel tcg,thread=multi -cpu max -M q35 -smp 2 -m 2G
	-nodefaults -display none -no-reboot
	-serial "file:$run/console.log"
	-kernel "$kernel" -initrd "$dir/initrd.gz")
# no_timer_check: on a loaded host the emulated timer can look broken
# through the interrupt-remapped IO-APIC, and the kernel then panics at boot.
append="console=ttyS0 quiet loglevel=4 panic=-1 mitigations=off no_timer_check"
if [ "$iommu" != none ]; then
	# The IOMMU has to come before the devices it translates for.
	# device-iotlb: the vIOMMU tells a vhost back-end what it unmaps
	iotlb_opt=
	[ $vhost_iotlb -eq 0 ] || iotlb_opt=,device-iotlb=on
	args+=(-device "intel-iommu,intremap=on,aw-bits=$iommu$iotlb_opt")
	append="$append intel_iommu=on"
fi
args+=(-append "$append"
	-virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap,id=hostroot"
	-virtfs "local,path=$run,mount_tag=results,security_model=none,id=results")
i=0
for n in "${nics[@]}"; do
	tap=
	case "$n" in *=*) tap=${n#*=}; n=${n%%=*} ;; esac
	model=${n%@*}
	slot=${n#*@}
	[ "$model" != "$n" ] || die "--nic takes MODEL@SLOT, not '$n'"
	case "$model" in
	e1000e | e1000) dev=$model ;;
	virtio) dev="virtio-net-pci,iommu_platform=on,disable-legacy=on" ;;
	# a virtio-net that ignores the IOMMU (net_virtio must refuse it)
	virtio-noiommu) dev="virtio-net-pci,disable-legacy=on" ;;
	# multi-queue virtio-net: 6 MSI-X vectors (config, 2 Rx, 2 Tx, control)
	virtio-mq) dev="virtio-net-pci,iommu_platform=on,disable-legacy=on,mq=on,vectors=6" ;;
	# virtio with packed virtqueues offered (VIRTIO_F_RING_PACKED, virtio 1.1 2.7)
	virtio-packed) dev="virtio-net-pci,iommu_platform=on,disable-legacy=on,packed=on" ;;
	virtio-packed-mq)
		dev="virtio-net-pci,iommu_platform=on,disable-legacy=on,mq=on,vectors=6,packed=on" ;;
	*) die "unknown NIC model '$model' (e1000e, e1000, virtio, virtio-noiommu, virtio-mq," \
		"virtio-packed, virtio-packed-mq)" ;;
	esac
	if [ -n "$tap" ]; then
		# virtio-mq: one tap queue per queue pair (the device reports as many)
		queues=
		case "$model" in virtio-mq | virtio-packed-mq) queues=,queues=2 ;; esac
		args+=(-netdev "tap,id=net$i,ifname=$tap,script=no,downscript=no,vhost=off$queues")
	else
		args+=(-netdev "hubport,id=net$i,hubid=0")
	fi
	args+=(-device "$dev,netdev=net$i,addr=$slot")
	i=$((i + 1))
done
b=0
for slot in "${bridges[@]}"; do
	args+=(-device "pci-bridge,id=bridge$b,chassis_nr=$((b + 1)),addr=$slot"
		-netdev "hubport,id=brnet$((2 * b)),hubid=0"
		-device "e1000,netdev=brnet$((2 * b)),bus=bridge$b,addr=01.0"
		-netdev "hubport,id=brnet$((2 * b + 1)),hubid=0"
		-device "e1000,netdev=brnet$((2 * b + 1)),bus=bridge$b,addr=02.0")
	b=$((b + 1))
done
v=0
for n in "${vhost_users[@]}"; do
	sock=${n%@*}
	slot=${n##*@}
	opts=
	while :; do
		case "$slot" in
		*,packed) slot=${slot%,packed}; opts=$opts,packed=on ;;
		# the device behind the vIOMMU: its addresses are IOVAs, the
		# back-end translates them through its device IOTLB
		*,iommu) slot=${slot%,iommu}; opts=$opts,iommu_platform=on,ats=on ;;
		*,*) die "--vhost-user: unknown flag in '$n' (,packed and ,iommu)" ;;
		*) break ;;
		esac
	done
	# vectors=0: QEMU 7.2 without KVM crashes (NULL irqfd table in
	# virtio_pci_vq_vector_unmask) when the guest unmasks an MSI-X vector
	# of a vhost-user device; INTx works (vhost_user_scenarios.sh).
	args+=(-chardev "socket,id=vhchr$v,path=$sock,reconnect=1"
		-netdev "vhost-user,id=vhnet$v,chardev=vhchr$v"
		-device "virtio-net-pci,netdev=vhnet$v,addr=$slot,disable-legacy=on,vectors=0$opts")
	v=$((v + 1))
done
# vhost-user maps guest RAM in the back-end: it must be a shared fd.
[ $v -eq 0 ] || args+=(-object memory-backend-memfd,id=vmram,size=2G,share=on
	-machine memory-backend=vmram)
for t in "${traces[@]}"; do
	args+=(-trace "enable=$t,file=$run/qemu-trace.log")
done
[ -z "$monitor" ] || args+=(-monitor "unix:$monitor,server=on,wait=off")

start=$(date +%s.%N)
rc=0
timeout -k 10 "$timeout_s" qemu-system-x86_64 "${args[@]}" </dev/null >"$run/qemu.log" 2>&1 || rc=$?
end=$(date +%s.%N)
secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')

[ ! -f "$run/output" ] || cat "$run/output"
if [ -f "$run/status" ]; then
	status=$(cat "$run/status")
	echo "vmrun: guest command exited with $status after ${secs}s (iommu=$iommu)" >&2
else
	if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
		echo "vmrun: guest timed out after ${timeout_s}s; last console lines:" >&2
		status=124
	else
		echo "vmrun: guest ended (qemu exit $rc) without reporting a status:" >&2
		status=1
	fi
	tail -n 30 "$run/qemu.log" "$run/console.log" >&2 || true
fi
if [ "$status" = 0 ] && [ "$keep" = 0 ]; then
	rm -rf "$run"
elif [ -z "$share" ]; then
	echo "vmrun: run files kept in $run" >&2
fi
exit "$status"
