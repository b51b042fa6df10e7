"""The vault's sync bookkeeping (issue 21): every change is stamped when it is saved, every
removal leaves a tombstone in the content (``extra["tombstones"]``), so a sync merge sees what
changed, when, and what was deleted -- whenever the next sync happens.

The clock is made at the first change, with this computer's device id
(:func:`desktop_app.sync.device_id`), and observes every stamp of the vault as read (again after
another process wrote it), so each stamp it hands out is newer than all of them; its state
needs no file of its own: every stamp it handed out is in the vault.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from desktop_app.errors import OtpError
from desktop_app.otp.model import Entry
from desktop_app.sync import device_id
from desktop_app.sync.clock import HybridClock, is_stamp


class _Content(Protocol):  # desktop_app.vault.store.Content
    entries: dict[str, Entry]
    extra: dict[str, Any]


def newest_stamp(entries: Iterable[Entry], extra: dict[str, Any]) -> str:
    """The newest stamp of a content: its entries' and its tombstones'."""
    best = max((e.latest_stamp() for e in entries), default="")
    tombs = extra.get("tombstones")
    if isinstance(tombs, list):
        stamps = [t.get("stamp") for t in tombs if isinstance(t, dict)]
        best = max([best, *(str(s) for s in stamps if is_stamp(s))])
    return best


class Stamper:
    """One vault's stamping; the vault calls :meth:`stamp` under its lock, before it saves."""

    def __init__(self, data_dir: Path, vault_id: Callable[[], str]) -> None:
        self._data_dir = data_dir
        self._vault_id = vault_id
        self.clock: HybridClock | None = None

    def stamp(
        self,
        old: dict[str, Entry],
        old_extra: dict[str, Any],
        fresh: _Content,
        reloaded: bool,
    ) -> None:
        """Stamp the change from ``old`` to ``new`` (edited in place): every entry it made or
        edited gets a fresh stamp for exactly the keys that changed (:meth:`Entry.stamped`);
        every entry it removed leaves a tombstone (kept with the account, for a restore)."""
        new, new_extra = fresh.entries, fresh.extra
        if self.clock is None:
            self.clock = HybridClock(device_id(self._data_dir))
            reloaded = True
        clock = self.clock
        if reloaded:
            clock.observe(newest_stamp(old.values(), old_extra))
        for u, e in new.items():
            prev = old.get(u)
            if e is not prev:
                new[u] = e.stamped(prev, clock.stamp())
        gone = [u for u in old if u not in new]
        if not gone:
            return
        from desktop_app.sync.merge import Tombstone

        tombs = new_extra.get("tombstones")
        records = {
            t["uuid"]: t
            for t in (tombs if isinstance(tombs, list) else [])
            if isinstance(t, dict) and isinstance(t.get("uuid"), str)
        }
        for u in gone:
            records[u] = Tombstone(u, clock.stamp(), clock.device, old[u]).to_dict()
        new_extra["tombstones"] = [records[u] for u in sorted(records)]
        self._compact(new_extra)

    def _compact(self, extra: dict[str, Any]) -> None:
        """Old tombstones lose the deleted account (after ``RESTORE_DAYS``) and go (after
        ``TOMBSTONE_DAYS``, once every synced device merged past them): a vault that is never
        synced does not keep deleted secrets for ever. Damaged records are left as they are."""
        from desktop_app.sync.merge import VaultState, compact

        try:
            state = VaultState.from_content(self._vault_id(), {**extra, "entries": []})
        except (ValueError, KeyError, TypeError, AttributeError, OtpError):
            return
        kept = compact(state, time.time_ns() // 1_000_000).to_content().get("tombstones")
        if kept:
            extra["tombstones"] = kept
        else:
            extra.pop("tombstones", None)
