#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Hostile clients against a telemetry socket: malformed and oversized
records, bad parameters, unknown commands, clients that leave mid-reply or
never read, and 50 clients at once. The server must answer the rest.

    telemetry_hostile.py SOCKET_PATH
Exit status 0 when every check passed; each failure is printed.
"""
import json
import socket
import sys
import time

MAX_CLIENTS = 32
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)


def connect(path, greet=True):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    # blocking connect: with a timeout set, a full backlog fails with EAGAIN
    s.connect(path)
    s.settimeout(5)
    if greet:
        hello = json.loads(s.recv(1024).decode())
        if hello.get("max_output_len") != 16384:
            fail("greeting %r" % hello)
    return s


def ask(s, req):
    s.send(req if isinstance(req, bytes) else req.encode())
    raw = s.recv(16384)
    try:
        return json.loads(raw.decode())
    except (UnicodeDecodeError, ValueError):
        fail("reply to %r is not JSON: %r" % (req[:40], raw[:80]))
        return None


def expect(s, req, want):
    got = ask(s, req)
    if got != want:
        fail("%r: got %r, want %r" % (req[:60], got, want))


def expect_error(s, req, words):
    got = ask(s, req)
    if not isinstance(got, dict) or words not in got.get("error", ""):
        fail("%r: got %r, want an error with %r" % (req[:60], got, words))


def main(path):
    s = connect(path)
    print("== malformed records")
    expect_error(s, b"\x00\xff\xfe garbage", "malformed request")
    expect_error(s, b"info", "malformed request")
    expect_error(s, b"/info\n", "malformed request")
    expect_error(s, b'/in"fo', "malformed request")
    expect_error(s, "/" + "a" * 60, "command name too long")
    expect(s, "/ethdev/list", {"/ethdev/list": [0, 1]})

    print("== oversized records (> the 1024-byte buffer)")
    for size in (1024, 4096, 65536):
        expect_error(s, b"/" + b"x" * (size - 1), "request too long")
    expect_error(s, b"/ethdev/stats," + b"0" * 2000, "request too long")
    expect(s, "/ethdev/list", {"/ethdev/list": [0, 1]})

    print("== parameters with bad characters")
    for p in ('0"; rm -rf /', "-1", "1x", "0x1", "99999999999999999999999", "65535", " 0",
              "", "0,1"):
        expect(s, "/ethdev/stats," + p, {"/ethdev/stats": None})
        expect(s, "/ethdev/info," + p, {"/ethdev/info": None})
    expect_error(s, b"/ethdev/stats,0\x01", "malformed request")
    expect_error(s, b"/ethdev/stats,\xc3\xa9", "malformed request")
    expect(s, "/eal/lcore/info,9999", {"/eal/lcore/info": None})
    expect(s, "/ring/info," + "r" * 200, {"/ring/info": None})
    expect(s, "/mempool/info,no_such_pool", {"/mempool/info": {}})

    print("== unknown commands")
    expect(s, "/nope", {"/nope": None})
    expect(s, "/ethdev/list/extra", {"/ethdev/list/extra": None})
    expect(s, "/help,/nope", {"/help": None})
    s.close()

    print("== clients that leave mid-reply or never read")
    for _ in range(100):
        c = connect(path, greet=False)   # greeting never read
        c.send(b"/ethdev/xstats,0")
        c.close()                        # reply never read
    # a client that sends and never reads: while it stays connected, the
    # others are still answered (replies to it never block the server)
    flood = connect(path)
    flood.setblocking(False)
    sent, dropped = 0, False
    for _ in range(100):
        try:
            while True:
                flood.send(b"/ethdev/stats,0")
                sent += 1
        except BlockingIOError:
            time.sleep(0.05)  # the server reads a batch; send more
        except (BrokenPipeError, ConnectionResetError):
            dropped = True
            break
    if not dropped:
        fail("a client that never reads was not dropped after %d requests" % sent)
    s = connect(path)
    try:
        expect(s, "/ethdev/list", {"/ethdev/list": [0, 1]})
    except socket.timeout:
        fail("no answer while a client does not read its replies")
    s.close()
    flood.close()
    print("   a client that never read was dropped after %d requests; the others are "
          "still answered" % sent)

    print("== 50 clients at once")
    clients = []
    for _ in range(50):
        c = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        c.connect(path)
        c.settimeout(5)
        clients.append(c)
    served, refused = [], 0
    for c in clients:
        first = json.loads(c.recv(1024).decode())
        if "max_output_len" in first:
            served.append(c)
        elif "too many telemetry clients" in first.get("error", ""):
            refused += 1
        else:
            fail("first record %r" % first)
    if len(served) != MAX_CLIENTS or refused != 50 - MAX_CLIENTS:
        fail("%d served and %d refused, want %d and %d" %
             (len(served), refused, MAX_CLIENTS, 50 - MAX_CLIENTS))
    for c in served:
        expect(c, "/ethdev/list", {"/ethdev/list": [0, 1]})
    for c in clients:
        c.close()
    print("   %d served, %d refused with a reason" % (len(served), refused))
    s = connect(path)
    expect(s, "/eal/lcore/list", {"/eal/lcore/list": [0, 1]})
    s.close()
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1]))
    except OSError as e:  # timeouts included: the server stopped answering
        print("FAIL: %r" % e)
        sys.exit(1)
