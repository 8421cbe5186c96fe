#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
#
# Packets for the testpmd engine tests, through a pcap port:
#   pcap_pkts.py make FILE   write an ARP request, an ICMP echo request,
#                            a UDP datagram and a 10-byte runt
#   pcap_pkts.py make-csum FILE  write a UDP datagram and a TCP segment
#                            whose IPv4 and L4 checksums are wrong
#   pcap_pkts.py dump FILE   print each packet of FILE in hex, one a line,
#                            then "icmp-cksum-ok", "ip-cksum-ok" or
#                            "l4-cksum-ok" for each checksum that verifies
import struct
import sys


def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def addr(text, sep, base):
    return bytes(int(x, base) for x in text.split(sep))


ASKER = addr('02:00:00:00:00:aa', ':', 16)
PEER = addr('02:00:00:00:00:bb', ':', 16)


def ipv4(src, dst, proto, payload):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,
                    addr(src, '.', 10), addr(dst, '.', 10))
    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + payload


def packets():
    arp = b'\xff' * 6 + ASKER + b'\x08\x06' + struct.pack(
        '!HHBBH6s4s6s4s', 1, 0x0800, 6, 4, 1, ASKER, addr('10.0.0.1', '.', 10),
        b'\0' * 6, addr('10.0.0.2', '.', 10))
    icmp = struct.pack('!BBHHH', 8, 0, 0, 1, 1) + b'abcd'
    icmp = icmp[:2] + struct.pack('!H', csum(icmp)) + icmp[4:]
    echo = PEER + ASKER + b'\x08\x00' + ipv4('10.0.0.1', '10.0.0.2', 1, icmp)
    udp = struct.pack('!HHHH', 1000, 2000, 12, 0) + b'wxyz'
    dgram = PEER + ASKER + b'\x08\x00' + ipv4('10.0.0.1', '10.0.0.2', 17, udp)
    return [arp, echo, dgram, b'\x01' * 10]


def bad_csum_packets():
    udp = struct.pack('!HHHH', 1000, 2000, 12, 0x1234) + b'wxyz'
    tcp = struct.pack('!HHIIBBHHH', 1000, 2000, 1, 0, 0x50, 0x10, 1024, 0x4321, 0) + b'data'
    out = []
    for proto, l4 in ((17, udp), (6, tcp)):
        ip = ipv4('10.0.0.1', '10.0.0.2', proto, l4)
        out.append(PEER + ASKER + b'\x08\x00' + ip[:10] + b'\xde\xad' + ip[12:])
    return out


def write(path, pkts):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for p in pkts:
            f.write(struct.pack('<IIII', 0, 0, len(p), len(p)) + p)


def l4_ok(ip):
    ihl = (ip[0] & 0xf) * 4
    total = struct.unpack('!H', ip[2:4])[0]
    pseudo = ip[12:20] + struct.pack('!BBH', 0, ip[9], total - ihl)
    return csum(pseudo + ip[ihl:total]) == 0


def dump(path):
    d = open(path, 'rb').read()
    off = 24
    while off + 16 <= len(d):
        cap = struct.unpack('<IIII', d[off:off + 16])[2]
        p = d[off + 16:off + 16 + cap]
        off += 16 + cap
        print(p.hex())
        if len(p) < 34 or p[12:14] != b'\x08\x00':
            continue
        if p[23] == 1 and csum(p[34:]) == 0:
            print('icmp-cksum-ok')
        if p[23] != 1 and csum(p[14:34]) == 0:
            print('ip-cksum-ok')
        if p[23] in (6, 17) and l4_ok(p[14:]):
            print('l4-cksum-ok')


if __name__ == '__main__':
    {'make': lambda f: write(f, packets()),
     'make-csum': lambda f: write(f, bad_csum_packets()),
     'dump': dump}[sys.argv[1]](sys.argv[2])
