"""The seam between the sync service and the merge (pure, no I/O).

Interim: sync-core's ``desktop_app.sync.merge`` (per-field HLC stamps, tombstones, histories) is
not on this branch yet; until it is, this module merges whole entries three-way against the base
(two-way without one): one side changed -> take it; a deletion is a tombstone (uuid -> when),
never inferred from the other side's file (a conflict copy need not descend from this computer's
base); a deletion against an unchanged entry wins, an edit since the base beats it; both changed -> per field, the side that changed it, and where both changed
the same field a deterministic pick (so every computer converges) with the other version kept in
the state's ``history``. A HOTP counter merges as the maximum.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

HISTORY_LIMIT = 10

EntryDict = dict[str, Any]


@dataclass
class SyncState:
    """What is synced: entries by uuid (their stored dict form) and, per uuid, older versions."""

    entries: dict[str, EntryDict] = field(default_factory=dict)
    history: dict[str, list[EntryDict]] = field(default_factory=dict)
    #: deleted uuids -> when (ms)
    tombstones: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "entries": list(self.entries.values()),
            "history": self.history,
            "tombstones": self.tombstones,
        }

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> SyncState:
        entries = {str(e["uuid"]): e for e in body.get("entries", [])}
        history = {str(k): list(v) for k, v in (body.get("history") or {}).items()}
        tombstones = {str(k): int(v) for k, v in (body.get("tombstones") or {}).items()}
        return cls(entries=entries, history=history, tombstones=tombstones)


@dataclass
class MergeReport:
    #: uuids whose entry came from (or was changed or removed by) the other side
    arrived: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    #: uuids changed on both sides (the older version is in the history)
    conflicts: set[str] = field(default_factory=set)

    def absorb(self, other: MergeReport) -> None:
        self.arrived |= other.arrived
        self.removed |= other.removed
        self.conflicts |= other.conflicts


def _key(d: EntryDict | None) -> str:
    return json.dumps(d, sort_keys=True)


def _merge_fields(
    base: EntryDict | None, ours: EntryDict, theirs: EntryDict
) -> tuple[EntryDict, EntryDict | None]:
    """(merged, loser or None): per field, the side that changed it."""
    merged: EntryDict = {}
    clash = False
    for name in sorted(set(ours) | set(theirs)):
        o, t = ours.get(name), theirs.get(name)
        b = base.get(name) if base is not None else None
        if name == "counter" and isinstance(o, int) and isinstance(t, int):
            merged[name] = max(o, t)  # a used HOTP code must never come back
        elif _key(o) == _key(t) or (base is not None and _key(t) == _key(b)):
            merged[name] = o
        elif base is not None and _key(o) == _key(b):
            merged[name] = t
        else:
            clash = True
            merged[name] = o if _key(o) > _key(t) else t
    if not clash:
        return merged, None
    loser = theirs if _key(merged) == _key(ours) else ours
    return merged, loser


def merge(
    base: SyncState | None, ours: SyncState, theirs: SyncState
) -> tuple[SyncState, MergeReport]:
    report = MergeReport()
    out = SyncState(history={k: list(v) for k, v in ours.history.items()})
    for uuid, versions in theirs.history.items():
        known = {_key(v) for v in out.history.get(uuid, [])}
        out.history.setdefault(uuid, []).extend(v for v in versions if _key(v) not in known)
    base_entries = base.entries if base is not None else {}
    tombs = dict(ours.tombstones)
    for uuid, at in theirs.tombstones.items():
        tombs[uuid] = max(at, tombs.get(uuid, at))
    for uuid in sorted(set(ours.entries) | set(theirs.entries)):
        b, o, t = base_entries.get(uuid), ours.entries.get(uuid), theirs.entries.get(uuid)
        result: EntryDict | None
        if o is not None and t is not None:
            if _key(o) == _key(t) or (base is not None and _key(t) == _key(b)):
                result = o
            elif base is not None and _key(o) == _key(b):
                result = t  # only theirs changed
                report.arrived.add(uuid)
            else:
                result, loser = _merge_fields(b, o, t)
                if _key(result) != _key(o):
                    report.arrived.add(uuid)
                if loser is not None:
                    report.conflicts.add(uuid)
                    versions = out.history.setdefault(uuid, [])
                    if _key(loser) not in {_key(v) for v in versions}:
                        versions.append(loser)
        elif o is not None:
            # theirs deleted it (a tombstone), or has not heard of it yet
            edited_here = b is None or _key(o) != _key(b)
            result = o if uuid not in theirs.tombstones or edited_here else None
            if result is None:
                report.arrived.add(uuid)
                report.removed.add(uuid)
        else:
            assert t is not None
            edited_there = b is None or _key(t) != _key(b)
            result = t if uuid not in ours.tombstones or edited_there else None
            if result is not None:
                report.arrived.add(uuid)
        if result is not None:
            out.entries[uuid] = result
            tombs.pop(uuid, None)  # an edit newer than the deletion brings the entry back
    out.tombstones = tombs
    for uuid in list(out.history):
        # sorted, so that every computer holds the same history whatever the order of merges
        out.history[uuid] = sorted(out.history[uuid], key=_key)[-HISTORY_LIMIT:]
        if not out.history[uuid]:
            del out.history[uuid]
    return out, report
