"""Hybrid logical clock stamps (Kulkarni, Demirbas et al., "Logical Physical Clocks", 2014).

Invariant: every stamp a :class:`HybridClock` hands out is strictly greater than every stamp it
handed out before *and* every stamp it was shown with :meth:`HybridClock.observe`. Stamps are
totally ordered by ``(wall, counter, device)``; two computers never make the same stamp (the
device id is part of it), and one computer's stamps only grow.

So a computer whose wall clock is a day ahead wins the conflicts it takes part in only until the
others have seen one of its stamps: from then on their own edits are stamped after it. A stamp far
in the future is observed like any other (refusing it would break the ordering); its only effect
is that the whole vault's stamps run ahead of real time until the clocks catch up.

Protocol: a computer keeps one clock per vault, made with its device id (:func:`new_device_id`,
kept in its own state folder) and the wall clock; before stamping a change it observes every
stamp of the state it is about to change (``clock.observe(state.max_stamp())``), then calls
:meth:`HybridClock.now` once per change.

Serialised form (``str(stamp)``, :meth:`Stamp.parse`): 26 characters -- 12 hex digits of wall
time in ms, 6 of counter, the 8-character device id. The text sorts like the stamp, so stored
stamps are compared as plain strings (no parsing when a vault is loaded); ``""`` (:data:`ZERO`)
sorts before every stamp and stands for "no stamp" (entries of vaults written before sync).
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Callable
from typing import Any

DEVICE_ID_CHARS = 8
WALL_DIGITS = 12
COUNTER_DIGITS = 6
STAMP_CHARS = WALL_DIGITS + COUNTER_DIGITS + DEVICE_ID_CHARS
MAX_WALL = 16**WALL_DIGITS - 1
MAX_COUNTER = 16**COUNTER_DIGITS - 1
#: the text form of "no stamp": sorts before every real stamp
ZERO = ""

_HEX = frozenset("0123456789abcdef")  # lower case only, as the stamps are written


def new_device_id() -> str:
    """A random device id: 8 lower-case hex digits."""
    return os.urandom(DEVICE_ID_CHARS // 2).hex()


def is_device_id(text: object) -> bool:
    return isinstance(text, str) and len(text) == DEVICE_ID_CHARS and _HEX.issuperset(text)


def is_stamp(text: object) -> bool:
    """Whether ``text`` is the serialised form of a stamp (``ZERO`` is not a stamp)."""
    return isinstance(text, str) and len(text) == STAMP_CHARS and _HEX.issuperset(text)


def stamp_device(text: str) -> str:
    """The device id of a serialised stamp (``""`` for :data:`ZERO`)."""
    return text[WALL_DIGITS + COUNTER_DIGITS : STAMP_CHARS]


def stamp_wall_ms(text: str) -> int:
    """The wall time (ms since the epoch) of a serialised stamp (0 for :data:`ZERO`)."""
    return int(text[:WALL_DIGITS], 16) if text else 0


@functools.total_ordering
class Stamp:
    """One point in hybrid logical time: ordered by wall time, then counter, then device.

    An immutable value (a plain class: no dataclass type on every vault command's path)."""

    __slots__ = ("wall", "counter", "device")  # noqa: RUF023 (the order of comparison)
    wall: int  # ms since the Unix epoch, as the clock's computer saw it (or later)
    counter: int  # orders stamps within one ms of wall time
    device: str

    def __init__(self, wall: int, counter: int, device: str) -> None:
        if not (0 <= wall <= MAX_WALL and 0 <= counter <= MAX_COUNTER):
            raise ValueError("A stamp's wall time or counter is out of range.")
        if not is_device_id(device):
            raise ValueError("A device id is 8 lower-case hex digits.")
        object.__setattr__(self, "wall", wall)
        object.__setattr__(self, "counter", counter)
        object.__setattr__(self, "device", device)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def _key(self) -> tuple[int, int, str]:
        return (self.wall, self.counter, self.device)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Stamp(wall={self.wall!r}, counter={self.counter!r}, device={self.device!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Stamp, self._key())

    def __str__(self) -> str:
        return f"{self.wall:012x}{self.counter:06x}{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        if not is_stamp(text):
            raise ValueError("Not a stamp.")
        return cls(int(text[:12], 16), int(text[12:18], 16), text[18:])


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """One computer's clock. ``wall_ms`` is injected (tests pass a fake); not thread-safe."""

    def __init__(self, device: str, wall_ms: Callable[[], int] = _wall_ms) -> None:
        if not is_device_id(device):
            raise ValueError("A device id is 8 lower-case hex digits.")
        self.device = device
        self._wall_ms = wall_ms
        self._wall = 0  # the largest (wall, counter) handed out or observed
        self._counter = 0

    @property
    def last(self) -> str:
        """The serialised form of the largest stamp handed out or observed (``ZERO`` if none)."""
        if self._wall == 0 and self._counter == 0:
            return ZERO
        return f"{self._wall:012x}{self._counter:06x}{self.device}"

    def now(self) -> Stamp:
        """A new stamp, greater than every stamp handed out or observed."""
        physical = min(max(self._wall_ms(), 0), MAX_WALL)
        if physical > self._wall:
            self._wall, self._counter = physical, 0
        elif self._counter < MAX_COUNTER:
            self._counter += 1
        else:  # 16 million stamps in one ms: borrow the next ms (still ordered)
            if self._wall >= MAX_WALL:
                raise OverflowError("The clock ran past the year 10889.")
            self._wall, self._counter = self._wall + 1, 0
        return Stamp(self._wall, self._counter, self.device)

    def stamp(self) -> str:
        """``str(self.now())``: the form entries store."""
        return str(self.now())

    def observe(self, stamp: Stamp | str) -> None:
        """Advance past ``stamp`` (a :class:`Stamp`, its text, or ``ZERO``): the next
        :meth:`now` is greater than it, whatever the wall clock says."""
        if isinstance(stamp, str):
            if not stamp:
                return
            stamp = Stamp.parse(stamp)
        if (stamp.wall, stamp.counter) > (self._wall, self._counter):
            self._wall, self._counter = stamp.wall, stamp.counter
