"""When a vault entry was marked "no longer active on emnify": the stamp of the edit that set
``meta["emnify.state"]`` (#22). No Qt, no network."""

from __future__ import annotations

import time

from desktop_app.otp.model import Entry
from desktop_app.portal.marks import day_text, retired, retired_note, retired_since
from desktop_app.sync.clock import HybridClock

ADDED_MS = 1_793_534_400_000  # 1 Nov 2026, noon UTC
MARKED_MS = 1_796_299_200_000  # 3 Dec 2026, noon UTC
SECRET = "JBSWY3DPEHPK3PXP"


def _clock(*walls: int) -> HybridClock:
    ticks = iter(walls)
    return HybridClock("0123abcd", wall_ms=lambda: next(ticks))


def _marked(state: str = "inactive") -> Entry:
    clock = _clock(ADDED_MS, ADDED_MS + 60_000, MARKED_MS)
    made = Entry(SECRET, "emnify", "demo@example.com", meta={"emnify.state": "active"})
    made = made.stamped(None, clock.stamp())
    renamed = made.with_changes(note="phone").stamped(made, clock.stamp())
    marked = renamed.with_changes(meta={**renamed.meta, "emnify.state": state})
    return marked.stamped(renamed, clock.stamp())


def test_the_day_of_the_marking_is_the_stamp_of_the_state_not_of_the_entry() -> None:
    entry = _marked()
    assert retired(entry)
    assert retired_since(entry) == MARKED_MS / 1000
    # a later edit of another field does not move the day of the marking
    later = entry.with_changes(note="old phone").stamped(
        entry, _clock(MARKED_MS + 86_400_000).stamp()
    )
    assert retired_since(later) == MARKED_MS / 1000
    assert retired_note(later) == f"not active on emnify since {day_text(MARKED_MS / 1000)}"


def test_an_entry_made_inactive_was_marked_when_it_was_made() -> None:
    made = Entry(SECRET, "emnify", "x@example.com", meta={"emnify.state": "inactive"})
    made = made.stamped(None, _clock(ADDED_MS).stamp())
    assert retired_since(made) == ADDED_MS / 1000


def test_no_stamp_no_day_and_an_active_key_has_none() -> None:
    unstamped = Entry(SECRET, "emnify", "x@example.com", meta={"emnify.state": "inactive"})
    assert retired_since(unstamped) is None
    assert retired_note(unstamped) == "no longer active on emnify"
    assert retired_since(_marked("active")) is None and not retired(_marked("active"))


def test_the_day_is_written_in_local_time() -> None:
    noon = time.mktime((2026, 12, 3, 12, 0, 0, 0, 0, -1))
    assert day_text(noon) == "3 Dec 2026"
