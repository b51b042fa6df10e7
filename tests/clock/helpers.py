"""Test helpers for the clock check: the stand-in timedate1 and loopback SNTP responders."""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STANDIN = Path(__file__).with_name("timedate_standin.py")
NTP_EPOCH_DELTA = 2208988800


class Timedate:
    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.proc = proc

    def set_synced(self, synced: bool) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("yes\n" if synced else "no\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "changed"


@contextmanager
def standin_timedate(synced: bool) -> Iterator[Timedate]:
    """The stand-in timedate1 on the tests' private session bus."""
    assert os.environ.get("DBUS_SESSION_BUS_ADDRESS"), "the tests run on a private session bus"
    proc = subprocess.Popen(
        [sys.executable, str(STANDIN), "--synced", "yes" if synced else "no"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        yield Timedate(proc)
    finally:
        proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()


def _ntp(t: float) -> bytes:
    s = t + NTP_EPOCH_DELTA
    return struct.pack("!II", int(s), int((s - int(s)) * 2**32))


def good_reply(request: bytes, offset: float, *, first: int = 0x24, stratum: int = 2) -> bytes:
    """A server reply whose clock is ``offset`` seconds later than this computer's."""
    now = time.time() + offset
    return (
        bytes([first, stratum, 6, 0xEC])
        + bytes(12)  # delay, dispersion, reference id
        + _ntp(now - 60)  # reference time
        + request[40:48]  # originate = the client's transmit time
        + _ntp(now)  # receive
        + _ntp(now)  # transmit
    )


class Responder:
    """A loopback UDP SNTP server in a thread: ``mode`` "offset", "silent" or "garbage"."""

    def __init__(self, mode: str, offset: float = 0.0, reply: bytes | None = None) -> None:
        self.mode, self.offset, self.reply = mode, offset, reply
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.address = f"127.0.0.1:{self.sock.getsockname()[1]}"
        self.requests: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self.sock.recvfrom(1024)
            except TimeoutError:
                continue
            self.requests.append(data)
            if self.mode == "offset":
                self.sock.sendto(good_reply(data, self.offset), peer)
            elif self.mode == "garbage":
                self.sock.sendto(self.reply if self.reply is not None else b"\x00junk", peer)

    def __enter__(self) -> Responder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()
