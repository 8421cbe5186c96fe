#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Peer of DPDK's examples that compat.sh runs on net_tap ports.

  peer.py frag IN OUT FILE   ip_fragmentation: send one 4028-byte IPv4
                             datagram into IN, take its fragments from OUT,
                             check them and save them to FILE
  peer.py reasm IN OUT FILE  ip_reassembly: send the fragments of FILE into
                             IN (last first), take one datagram from OUT and
                             compare it with the original byte for byte
  peer.py qos IN OUT         qos_meter: 200 full-size frames of flow 0, then
                             one of flow 1, into IN; count the colours its
                             srTCM meter wrote into what comes out of OUT
  peer.py mcast P0 P1        ipv4_multicast: datagrams to each of its groups
                             into P0; each must come out of the ports of
                             its group, and no other, byte for byte

ip_fragmentation and ip_reassembly route 100.20.0.0/16 to port 1 and
rewrite the Ethernet header to dst 02:00:00:00:00:<port>, src the port's
MAC.
"""
import socket
import struct
import sys
import time

ETH_P_ALL = 3
PORT1_DST = bytes.fromhex("020000000001")
MTU = 1500


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip_header(total, ident, frag, proto, src, dst):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total, ident, frag, 64, proto, 0,
                    socket.inet_aton(src), socket.inet_aton(dst))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:]


def original():
    """The IPv4 datagram (no Ethernet header): UDP, 4000 payload bytes."""
    payload = bytes((i * 7 + 3) & 0xFF for i in range(4000))
    udp = struct.pack("!HHHH", 4000, 5000, 8 + len(payload), 0) + payload
    src, dst = "100.10.0.1", "100.20.0.2"
    phdr = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, 17, len(udp))
    udp = udp[:6] + struct.pack("!H", csum(phdr + udp) or 0xFFFF) + udp[8:]
    return ip_header(20 + len(udp), 0x4242, 0, 17, src, dst) + udp


def raw(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    # room for a whole burst of full-size frames (the default holds ~100)
    # (SO_RCVBUFFORCE, 33: past rmem_max, as root)
    s.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_RCVBUFFORCE", 33), 8 << 20)
    s.bind((ifname, 0))
    s.settimeout(0.2)
    return s


def to_frag_dst(data):
    return data[12:14] == b"\x08\x00" and data[30:34] == socket.inet_aton("100.20.0.2")


def take(sock, want, seconds=5, match=to_frag_dst):
    """IPv4 frames that match, received on sock, until want came."""
    got, end = [], time.time() + seconds
    while len(got) < want and time.time() < end:
        try:
            data, addr = sock.recvfrom(65536)
        except socket.timeout:
            continue
        if addr[2] != socket.PACKET_OUTGOING and match(data):
            got.append(data)
    return got


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def frag(inp, out, path):
    orig = original()
    rx, tx = raw(out), raw(inp)
    tx.send(bytes.fromhex("020000000000") + bytes.fromhex("02000000aa01") + b"\x08\x00" + orig)
    # (MTU - 20) rounded down to 8 bytes of data a fragment: 1480, 1480, 1048
    data = orig[20:]
    step = (MTU - 20) // 8 * 8
    want = [(off, data[off:off + step]) for off in range(0, len(data), step)]
    frames = take(rx, len(want))
    if len(frames) != len(want):
        fail("%d fragments out of port 1, want %d" % (len(frames), len(want)))
    for i, f in enumerate(frames):
        ip = f[14:]
        off, chunk = want[i]
        more = 0x2000 if i < len(want) - 1 else 0
        hdr = ip_header(20 + len(chunk), 0x4242, more | off // 8, 17, "100.10.0.1", "100.20.0.2")
        if f[:6] != PORT1_DST:
            fail("fragment %d to %s, not 02:00:00:00:00:01" % (i, f[:6].hex(":")))
        if ip[:20] != hdr:
            fail("fragment %d header %s, want %s (checksum filled by the Tx offload)"
                 % (i, ip[:20].hex(), hdr.hex()))
        if ip[20:] != chunk:
            fail("fragment %d: %d data bytes differ from the datagram's at %d"
                 % (i, len(ip) - 20, off))
    with open(path, "wb") as fp:
        for f in frames:
            fp.write(struct.pack("!H", len(f)) + f)
    print("ip_fragmentation: one %d-byte datagram left port 1 as %d fragments (%s data bytes),"
          " headers and data exact" % (len(orig), len(frames), "+".join(str(len(c)) for _, c in want)))


def reasm(inp, out, path):
    frames = []
    with open(path, "rb") as fp:
        blob = fp.read()
    while blob:
        n = struct.unpack("!H", blob[:2])[0]
        frames.append(blob[2:2 + n])
        blob = blob[2 + n:]
    rx, tx = raw(out), raw(inp)
    for f in reversed(frames):
        tx.send(f)
    got = take(rx, 1)
    if len(got) != 1:
        fail("no datagram out of port 1 after %d fragments" % len(frames))
    orig = original()
    if got[0][:6] != PORT1_DST:
        fail("datagram to %s, not 02:00:00:00:00:01" % got[0][:6].hex(":"))
    ip = got[0][14:]
    if ip != orig:
        diff = next((i for i in range(min(len(ip), len(orig))) if ip[i] != orig[i]), None)
        fail("reassembled datagram: %d bytes, want %d; first difference at %s"
             % (len(ip), len(orig), diff))
    print("ip_reassembly: %d fragments in reverse order came out of port 1 as the original"
          " %d-byte datagram, byte for byte" % (len(frames), len(orig)))


# qos_meter's srTCM profile (main.c): CIR 46 MB/s, CBS and EBS 2048 bytes.
# It meters each frame's length past the Ethernet header, colour blind,
# reads the input colour from byte 5 and writes its action there (0 green,
# 1 yellow, 2 red; a green input never drops), flow = byte 33 & 7.
QOS_CIR, QOS_CBS = 46e6, 2048


def qos(inp, out):
    n, size = 200, 1514

    def frame(flow):
        ip = ip_header(size - 14, 1, 0, 17, "10.0.0.9", "10.0.0.%d" % flow)
        return bytes(6) + bytes.fromhex("02000000aa01") + b"\x08\x00" + ip + bytes(size - 34)

    def ours(data):
        return len(data) == size and data[26:33] == socket.inet_aton("10.0.0.9") + b"\x0a\x00\x00"

    rx, tx = raw(out), raw(inp)
    t0 = time.time()
    for _ in range(n):
        tx.send(frame(0))
    tx.send(frame(1))
    got = take(rx, n + 1, match=ours)
    elapsed = time.time() - t0
    if len(got) != n + 1:
        fail("%d of %d frames came out (green input is never dropped)" % (len(got), n + 1))
    colours = [f[5] for f in got if f[33] == 0]
    flow1 = [f[5] for f in got if f[33] == 1]
    if not set(colours) | set(flow1) <= {0, 2}:
        fail("colours %s: policer_table maps green input to green or red only" % sorted(set(colours)))
    green = colours.count(0)
    # srTCM: green bytes never exceed CBS plus what CIR refilled meanwhile
    bound = QOS_CBS + QOS_CIR * elapsed
    if colours[0] != 0 or flow1 != [0] or green * (size - 14) > bound or colours.count(2) == 0:
        fail("flow 0: first %d, %d green, %d red in %.1f ms (green bytes may not pass %d); "
             "flow 1: %s" % (colours[0], green, colours.count(2), elapsed * 1e3, bound, flow1))
    print("qos_meter: flow 0 %d green + %d red of %d frames in %.1f ms (green bytes <= CBS + CIR*t"
          " = %d), flow 1's first frame green" % (green, colours.count(2), n, elapsed * 1e3, bound))


# ipv4_multicast's groups 224.0.0.101..115 have the port masks 1..15.
def mcast(p0, p1):
    ports = {0: raw(p0), 1: raw(p1)}
    tx = raw(p0)
    groups = {101: [0], 102: [1], 103: [0, 1], 104: [], 116: []}
    sent = {}
    for g in groups:
        body = bytes((g + i) & 0xFF for i in range(300))
        ip = ip_header(20 + 8 + len(body), g, 0, 17, "192.0.2.1", "224.0.0.%d" % g) + \
            struct.pack("!HHHH", 1000, 2000, 8 + len(body), 0) + body
        sent[g] = ip
        tx.send(bytes.fromhex("01005e000000") + bytes.fromhex("02000000aa01") + b"\x08\x00" + ip)

    def group(d):
        return d[12:14] == b"\x08\x00" and d[30:33] == b"\xe0\x00\x00"

    for p, sock in ports.items():
        frames = take(sock, 99, seconds=1.5, match=group)
        got = sorted(f[33] for f in frames)
        want = sorted(g for g, ps in groups.items() if p in ps)
        if got != want:
            fail("port %d sent groups %s, want %s" % (p, got, want))
        for f in frames:
            g = f[33]
            mac = bytes.fromhex("01005e0000") + bytes([g])
            if f[:6] != mac or f[6:12] != bytes.fromhex("020000000f%02x" % p):
                fail("port %d group %d: Ethernet %s -> %s" % (p, g, f[6:12].hex(":"), f[:6].hex(":")))
            if f[14:] != sent[g]:
                fail("port %d group %d: the datagram changed" % (p, g))
    print("ipv4_multicast: 224.0.0.101 out of port 0, .102 out of port 1, .103 out of both,"
          " .104 (port 2, absent) and .116 (no group) nowhere; MACs 01:00:5e:00:00:xx, datagrams exact")


if __name__ == "__main__":
    steps = {"frag": (frag, 3), "reasm": (reasm, 3), "qos": (qos, 2), "mcast": (mcast, 2)}
    if len(sys.argv) < 2 or sys.argv[1] not in steps or len(sys.argv) != 2 + steps[sys.argv[1]][1]:
        print(__doc__)
        sys.exit(2)
    steps[sys.argv[1]][0](*sys.argv[2:])
