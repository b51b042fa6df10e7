"""Is the clock right? The system's NTP state (``org.freedesktop.timedate1``), a small SNTP client
(RFC 4330) and the offset correction codes are computed with. Qt-free.

    system_synchronised()          -> True / False / None (unknown: no bus, no service)
    query_offset("pool.ntp.org")   -> SntpResult(offset=...)  (ClockError: one line)
    corrected_clock(time.time, settings)  -> a clock with the stored correction added
"""

import os
import struct
import time
from collections.abc import Callable
from typing import Any, NamedTuple

from desktop_app.errors import AppError
from desktop_app.i18n import N_
from desktop_app.settings import CLOCK_OFFSET_MS, Settings

#: the bus timedate1 is asked on: "SYSTEM" (default), "SESSION" or a D-Bus address (tests)
ENV_TIMEDATE_BUS = "DESKTOP_AUTHENTICATOR_TIMEDATE_BUS"
TIMEDATE_SERVICE = "org.freedesktop.timedate1"
TIMEDATE_PATH = "/org/freedesktop/timedate1"

NTP_PORT = 123
NTP_EPOCH_DELTA = 2208988800  # seconds from 1900-01-01 to 1970-01-01
PACKET_SIZE = 48
DEFAULT_TIMEOUT = 3.0
#: above this many seconds off, the app offers to correct its codes
CORRECTION_THRESHOLD = 10.0
OFFSET_SETTING = CLOCK_OFFSET_MS


class ClockError(AppError):
    """The time server could not be asked or gave no valid answer (the message is one line)."""


def timedate_bus() -> str:
    return os.environ.get(ENV_TIMEDATE_BUS) or "SYSTEM"


def system_synchronised(bus: str | None = None, timeout: float = 2.0) -> bool | None:
    """``NTPSynchronized`` of timedate1: True or False, None when it cannot be told (no bus, no
    service, an odd answer). Never raises."""
    try:
        from jeepney import DBusAddress, Properties
        from jeepney.io.blocking import open_dbus_connection
        from jeepney.wrappers import unwrap_msg

        address = DBusAddress(TIMEDATE_PATH, bus_name=TIMEDATE_SERVICE, interface=TIMEDATE_SERVICE)
        with open_dbus_connection(bus=bus or timedate_bus()) as conn:
            reply = conn.send_and_get_reply(
                Properties(address).get("NTPSynchronized"), timeout=timeout
            )
        body: Any = unwrap_msg(reply)
        signature, value = body[0]
    except Exception:  # any failure means "cannot tell", never an error shown to anyone
        return None
    if signature != "b" or not isinstance(value, bool):
        return None
    return value


# --- SNTP ----------------------------------------------------------------------------------


class SntpResult(NamedTuple):  # real annotations, no __future__ import: see desktop_app/paths.py
    server: str
    offset: float  # seconds to add to this computer's clock to get the server's
    delay: float  # round-trip delay in seconds
    stratum: int


def split_server(text: str) -> tuple[str, int]:
    """``host`` or ``host:port`` (``[v6]:port``) -> (host, port); ClockError when empty/bad."""
    text = text.strip()
    host, port = text, NTP_PORT
    if text.startswith("["):
        end = text.find("]")
        if end < 0:
            raise ClockError(N_("The time server address is not valid."))
        host, rest = text[1:end], text[end + 1 :]
        if rest:
            if not rest.startswith(":") or not rest[1:].isdigit():
                raise ClockError(N_("The time server address is not valid."))
            port = int(rest[1:])
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
        if not port_text.isdigit():
            raise ClockError(N_("The time server address is not valid."))
        port = int(port_text)
    if not host or not 0 < port < 65536 or any(c.isspace() for c in host):
        raise ClockError(N_("The time server address is not valid."))
    return host, port


def _to_ntp(t: float) -> bytes:
    seconds = t + NTP_EPOCH_DELTA
    whole = int(seconds)
    return struct.pack("!II", whole & 0xFFFFFFFF, int((seconds - whole) * 2**32) & 0xFFFFFFFF)


def _from_ntp(raw: bytes) -> float:
    whole, fraction = struct.unpack("!II", raw)
    return whole - NTP_EPOCH_DELTA + fraction / 2**32


def request_packet(t1: float) -> bytes:
    """A client request: LI 0, version 4, mode 3, the transmit timestamp ``t1``."""
    return bytes([(0 << 6) | (4 << 3) | 3]) + bytes(39) + _to_ntp(t1)


def parse_reply(packet: bytes, sent: bytes, t4: float, server: str = "") -> SntpResult:
    """Check a server reply (RFC 4330 section 5) and compute the offset; ClockError otherwise."""

    def bad(why: str) -> ClockError:
        if server:
            return ClockError(
                N_(
                    "{server} sent an answer that is not a valid time reply ({why}).",
                    server=server,
                    why=why,
                )
            )
        return ClockError(
            N_("The time server sent an answer that is not a valid time reply ({why}).", why=why)
        )

    if len(packet) < PACKET_SIZE:
        raise bad(N_("{n} bytes", n=len(packet)))
    leap, version, mode = packet[0] >> 6, (packet[0] >> 3) & 7, packet[0] & 7
    stratum = packet[1]
    if mode != 4:
        raise bad(N_("mode {n}", n=mode))
    if not 1 <= version <= 4:
        raise bad(N_("version {n}", n=version))
    if stratum == 0:
        raise bad(N_("the server refused: kiss-o'-death"))
    if stratum > 15:
        raise bad(N_("stratum {n}", n=stratum))
    if leap == 3:
        if server:
            raise ClockError(N_("{server} is not synchronised itself.", server=server))
        raise ClockError(N_("The time server is not synchronised itself."))
    if packet[24:32] != sent[40:48]:
        raise bad(N_("it does not answer this request"))
    if packet[40:48] == bytes(8):
        raise bad(N_("no transmit time"))
    t1 = _from_ntp(sent[40:48])
    t2, t3 = _from_ntp(packet[32:40]), _from_ntp(packet[40:48])
    offset = ((t2 - t1) + (t3 - t4)) / 2
    delay = (t4 - t1) - (t3 - t2)
    return SntpResult(server=server, offset=offset, delay=delay, stratum=stratum)


def query_offset(
    server: str,
    timeout: float = DEFAULT_TIMEOUT,
    clock: Callable[[], float] = time.time,
) -> SntpResult:
    """Ask ``server`` (``host`` or ``host:port``) once over UDP; ClockError with one line when it
    cannot be found or reached, does not answer within ``timeout`` or answers nonsense."""
    import socket  # only when a check runs: a start does not load it (benchmarks/README.md)

    host, port = split_server(server)
    label = server.strip()
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
    except (socket.gaierror, UnicodeError):
        raise ClockError(N_("The time server {server} could not be found.", server=label)) from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(address)
            sent = request_packet(clock())
            sock.send(sent)
            packet = sock.recv(1024)
        except TimeoutError:
            raise ClockError(
                N_(
                    "The time server {server} did not answer within {seconds:g} s.",
                    server=label,
                    seconds=timeout,
                )
            ) from None
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ClockError(
                N_(
                    "The time server {server} could not be reached: {reason}.",
                    server=label,
                    reason=reason,
                )
            ) from None
        t4 = clock()
    return parse_reply(packet, sent, t4, label)


# --- the correction --------------------------------------------------------------------------


def correction(settings: Settings) -> float:
    """The stored correction in seconds (0 when none)."""
    return settings.value(OFFSET_SETTING) / 1000.0


def corrected_clock(base: Callable[[], float], settings: Any) -> Callable[[], float]:
    """``base`` plus the stored correction, read at each call (so codes follow a change)."""

    def now() -> float:
        return base() + correction(settings)

    return now


def describe_offset(offset: float) -> str:
    """``12.3 s ahead`` / ``12.3 s behind`` / ``right`` -- how this computer's clock stands."""
    if abs(offset) < 0.05:
        return "on time"
    # offset > 0: the server is later, so this computer is behind
    return f"{abs(offset):.1f} s {'behind' if offset > 0 else 'ahead'}"
