"""What a vault entry says about its emnify key, for the list, the edit dialog and ``list``. No
Qt, no network (the main window's start-up path reads it).

An entry made for an emnify key carries ``meta["emnify.state"]`` (``pending`` | ``active`` |
``inactive``, :class:`desktop_app.portal.enrolment.KeyState`). *When* it was marked inactive is
not a field of its own: the vault stamps every change with a hybrid-logical-clock stamp
(:mod:`desktop_app.vault.stamps`) whose wall time is the time of the change, so the stamp of the
``meta:emnify.state`` key is the time of the marking (the entry's base stamp when the entry was
made already inactive). An entry saved before stamps existed has none: no date then.
"""

from __future__ import annotations

import time

from desktop_app.otp.model import META_PREFIX, Entry
from desktop_app.sync.clock import is_stamp, stamp_wall_ms

STATE_KEY = "emnify.state"  # desktop_app.portal.enrolment.META_STATE (not imported: httpx)
INACTIVE = "inactive"


def retired(entry: Entry) -> bool:
    """The key was turned off on the emnify portal: its codes no longer sign anybody in."""
    return entry.meta.get(STATE_KEY) == INACTIVE


def retired_since(entry: Entry) -> float | None:
    """When the entry was marked no longer active (seconds since the epoch, as the computer that
    marked it saw it); None when it is not marked or the vault holds no stamp for the marking."""
    if not retired(entry):
        return None
    stamp = entry.stamp_of(META_PREFIX + STATE_KEY)
    if not is_stamp(stamp):
        return None
    wall_ms = stamp_wall_ms(stamp)
    return wall_ms / 1000.0 if wall_ms > 0 else None


def day_text(seconds: float) -> str:
    """A day as the command line writes it, in local time ("3 Dec 2026")."""
    day = time.localtime(seconds)
    return f"{day.tm_mday} {time.strftime('%b %Y', day)}"


def retired_note(entry: Entry) -> str:
    """What the command line says of a retired entry: "not active on emnify since 3 Dec 2026",
    or "no longer active on emnify" when the time of the marking is not known."""
    since = retired_since(entry)
    if since is None:
        return "no longer active on emnify"
    return f"not active on emnify since {day_text(since)}"
