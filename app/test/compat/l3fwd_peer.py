#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Network side of DPDK's l3fwd on two net_tap ports (compat.sh l3fwd).

  l3fwd_peer.py LOOKUP IF0 IF1 MAC0 MAC1 DEST0 DEST1

IF0/IF1 are the kernel sides of l3fwd's ports 0 and 1, MACn the ports'
own addresses and DESTn their --eth-dest. LOOKUP (lpm, fib, em, acl,
lpm-file; LOOKUP-eventdev for --mode=eventdev) picks the cases: frames written into IF0 and IF1, each with the
port it must leave by, or none when l3fwd must drop it. A forwarded frame
must come out byte for byte as l3fwd makes it: destination MAC DESTn,
source MACn, IPv4 TTL one lower and the header checksum updated, nothing
else changed; frames between the same two ports keep their order. The last
line gives what the ports' counters must show:

  counts RX0 RX1 TX0 TX1

The routes are l3fwd's built-in tables (198.18.P.0/24 and 2001:200:0:P::/64
to port P; EM: 198.18.P.0 <- 198.18.P.1, UDP 9 -> 9) and, for acl and
lpm-file, the rule files compat.sh writes. A lookup that misses sends the
frame back out of the port it came in by (l3fwd's choice, not a drop);
l3fwd drops an IPv4 header its RFC 1812 checks refuse and, with ACL, a
frame no route rule matches or a deny rule matches. In --mode=eventdev
its FIB path skips the RFC 1812 check (so does DPDK's l3fwd 22.11 on
DPDK): that case is left out there.
"""
import socket
import struct
import sys
import time

from peer import csum

ETH_P_ALL = 3
UDP, TCP = 17, 6


def l4(proto, sport, dport, tag, size, phdr):
    """A UDP or TCP segment carrying the frame's tag and filler bytes."""
    data = struct.pack("!I", tag) + bytes((tag + i) & 0xFF for i in range(size))
    if proto == UDP:
        seg = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
        c = csum(phdr(len(seg)) + seg) or 0xFFFF
        return seg[:6] + struct.pack("!H", c) + seg[8:]
    seg = struct.pack("!HHIIBBHHH", sport, dport, tag, 0, 5 << 4, 0x10, 1024, 0, 0) + data
    c = csum(phdr(len(seg)) + seg)
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def ipv4(src, dst, proto, sport, dport, tag, size, total=None):
    s, d = socket.inet_aton(src), socket.inet_aton(dst)
    seg = l4(proto, sport, dport, tag, size, lambda n: s + d + struct.pack("!BBH", 0, proto, n))
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, total or 20 + len(seg), tag & 0xFFFF, 0, 64,
                    proto, 0, s, d)
    return b"\x08\x00" + h[:10] + struct.pack("!H", csum(h)) + h[12:] + seg


def ipv6(src, dst, proto, sport, dport, tag, size):
    s, d = socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)
    seg = l4(proto, sport, dport, tag, size,
             lambda n: s + d + struct.pack("!IxxxB", n, proto))
    return b"\x86\xdd" + struct.pack("!IHBB", 6 << 28, len(seg), proto, 64) + s + d + seg


def other(tag, size):
    """Not IP: an EtherType for local experiments."""
    return b"\x88\xb5" + struct.pack("!I", tag) + bytes(size)


def forwarded(payload):
    """What l3fwd makes of the bytes after the MACs: IPv4 TTL - 1."""
    if payload[:2] != b"\x08\x00":
        return payload
    h = bytearray(payload[2:22])
    h[8] -= 1
    h[10:12] = b"\0\0"
    h[10:12] = struct.pack("!H", csum(bytes(h)))
    return payload[:2] + bytes(h) + payload[22:]


# The cases of each lookup: (in port, out port or None, builder(tag)).
def cases(name):
    lookup = name.replace("-eventdev", "")
    v4 = lambda dst, proto=UDP, sport=1024, dport=9, size=32, src="192.0.2.1", **kw: (
        lambda t: ipv4(src, dst, proto, sport, dport, t, size, **kw))
    v6 = lambda dst, proto=UDP, size=40: (
        lambda t: ipv6("2001:db8::1", dst, proto, 1024, 9, t, size))
    # l3fwd's RFC 1812 check: a total length below the header's own 20 bytes
    short = v4("198.18.1.9", total=19)
    if lookup in ("lpm", "fib"):
        return [
            (0, 1, v4("198.18.1.7")),
            (0, 1, v4("198.18.1.200", proto=TCP, size=1400)),
            (1, 0, v4("198.18.0.9", size=18)),
            (0, 0, v4("198.18.0.33")),          # its route is its own port
            (0, 0, v4("10.1.2.3")),              # no route: back out port 0
            (1, 1, v4("198.18.5.1")),            # port 5 is not enabled
            (0, 1, v6("2001:200:0:1::5")),
            (1, 0, v6("2001:200::77", proto=TCP, size=900)),
            (0, 0, v6("2001:db8:9::1")),         # no route
            (1, 1, v4("198.18.1.8", size=1000)),
        ] + ([] if name == "fib-eventdev" else [(0, None, short)])
    if lookup == "lpm-file":
        # only the file's routes: 203.0.113.0/24 and 2001:db8:1::/48 to 1
        return [
            (0, 1, v4("203.0.113.5")),
            (0, 0, v4("198.18.1.7")),            # a built-in route, not loaded
            (1, 1, v6("2001:db8:1:2::3")),
            (0, 1, v6("2001:db8:1::9", size=600)),
            (0, 0, v6("2001:200:0:1::5")),
        ]
    if lookup == "em":
        em = lambda p, proto=UDP, sport=9, dport=9, size=32: v4(
            "198.18.%d.0" % p, proto, sport, dport, size, src="198.18.%d.1" % p)
        return [
            (0, 1, em(1)),
            (0, 1, em(1, size=1200)),
            (1, 0, em(0)),
            (0, 0, em(0, size=300)),
            (0, 0, em(1, dport=10)),             # another flow: a miss
            (1, 1, em(0, proto=TCP)),            # same addresses, TCP: a miss
            (0, 0, em(5)),                       # port 5 is not enabled
            (1, 1, v6("2001:200:0:1::5")),       # IPv6 flows only with --ipv6
            (0, None, short),
        ]
    if lookup == "acl":
        return [
            (0, 1, v4("198.18.1.7")),
            (1, 0, v4("198.18.0.7", proto=TCP, size=700)),
            (0, None, v4("198.18.1.66")),        # the deny rule
            (0, None, v4("10.1.2.3")),           # no rule: dropped
            (0, 0, v4("10.1.2.3", dport=7070)),  # the port-range rule
            (0, None, v4("10.1.2.3", dport=8000)),
            (1, 1, v4("10.9.9.9", proto=UDP, dport=7999, size=100)),
            (1, None, v4("10.9.9.9", proto=TCP, dport=7000)),  # rule is UDP only
            (0, 1, v6("2001:200:0:1::5")),
            (0, None, v6("2001:200:0:1::42")),   # the IPv6 deny rule
            (1, None, v6("2001:db8:9::1")),      # no rule
            (0, None, lambda t: other(t, 50)),   # not IP
            (0, None, short),
        ]
    raise SystemExit("unknown lookup %s" % lookup)


def raw(ifname):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_RCVBUFFORCE", 33), 4 << 20)
    s.bind((ifname, 0))
    s.setblocking(False)
    return s


def main():
    lookup, ifs, macs, dests = sys.argv[1], sys.argv[2:4], sys.argv[4:6], sys.argv[6:8]
    macs = [bytes.fromhex(m.replace(":", "")) for m in macs]
    dests = [bytes.fromhex(m.replace(":", "")) for m in dests]
    socks = [raw(i) for i in ifs]
    table = cases(lookup)
    # the tag (in the payload, and the IPv4 id) tells the frames apart
    sent, want = {}, {}
    for n, (pin, pout, build) in enumerate(table):
        tag = 0x5100 + n
        payload = build(tag)
        frame = b"\x02\x00\x00\x00\x00\xaa" + b"\x02\x00\x00\x00\x00\xbb" + payload
        frame += bytes(max(0, 60 - len(frame)))
        sent[tag] = (pin, pout, frame)
        if pout is not None:
            want[tag] = dests[pout] + macs[pout] + forwarded(frame[12:])
    for tag, (pin, _, frame) in sent.items():
        socks[pin].send(frame)
    got, order = {}, {}
    end = time.time() + 3
    while time.time() < end and len(got) < len(want):
        for port, s in enumerate(socks):
            try:
                data, addr = s.recvfrom(65536)
            except BlockingIOError:
                continue
            if addr[2] == socket.PACKET_OUTGOING:
                continue
            tag = tag_of(data)
            if tag not in sent:
                print("FAIL: port %d sent a frame that is none of ours: %s" % (port, data[:40].hex()))
                return 1
            if tag in got:
                print("FAIL: frame %#x came out twice" % tag)
                return 1
            got[tag] = (port, data)
            order.setdefault((sent[tag][0], port), []).append(tag)
        time.sleep(0.001)
    # a last look for frames that should have been dropped
    time.sleep(0.3)
    for port, s in enumerate(socks):
        while True:
            try:
                data, addr = s.recvfrom(65536)
            except BlockingIOError:
                break
            if addr[2] != socket.PACKET_OUTGOING:
                got[tag_of(data)] = (port, data)
    for tag, (pin, pout, frame) in sent.items():
        what = "frame %#x (in port %d, %s)" % (tag, pin, frame[12:40].hex())
        if pout is None:
            if tag in got:
                print("FAIL: %s was not dropped: port %d sent it" % (what, got[tag][0]))
                return 1
            continue
        if tag not in got:
            print("FAIL: %s never came out of port %d" % (what, pout))
            return 1
        port, data = got[tag]
        if port != pout:
            print("FAIL: %s came out of port %d, not %d" % (what, port, pout))
            return 1
        if data != want[tag]:
            diff = next(i for i in range(min(len(data), len(want[tag])) + 1)
                        if i >= len(data) or i >= len(want[tag]) or data[i] != want[tag][i])
            print("FAIL: %s differs from byte %d: got %s, want %s" %
                  (what, diff, data[diff:diff + 16].hex(), want[tag][diff:diff + 16].hex()))
            return 1
    for (pin, port), tags in order.items():
        if tags != sorted(tags):
            print("FAIL: frames from port %d to port %d out of order: %s" % (pin, port, tags))
            return 1
    rx = [sum(1 for p, _, _ in sent.values() if p == i) for i in (0, 1)]
    tx = [sum(1 for _, p, _ in sent.values() if p == i) for i in (0, 1)]
    print("%s: %d frames, %d out of port 0, %d out of port 1, %d dropped, all as l3fwd makes them" %
          (lookup, len(sent), tx[0], tx[1], len(sent) - len(want)))
    print("counts %d %d %d %d" % (rx[0], rx[1], tx[0], tx[1]))
    return 0


def tag_of(data):
    """The tag: in the IPv4/IPv6 L4 payload, or after a non-IP EtherType."""
    if data[12:14] == b"\x08\x00":
        ihl = (data[14] & 15) * 4
        off = 14 + ihl + (8 if data[14 + 9] == UDP else 20)
    elif data[12:14] == b"\x86\xdd":
        off = 54 + (8 if data[20] == UDP else 20)
    else:
        off = 14
    return struct.unpack("!I", data[off:off + 4])[0] if len(data) >= off + 4 else -1


if __name__ == "__main__":
    sys.exit(main())
