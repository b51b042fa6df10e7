"""The pure heart of sync: ``merge(base, ours, theirs) -> (merged, report)``. No I/O, no Qt.

Invariants (what the rest of the app may rely on):

- **Convergence.** Merging is, per stamp key of an entry, "the higher stamp wins" (ties broken by
  the value, so both sides pick the same one); a HOTP counter is the maximum; histories,
  tombstones and device records are unions. Computers that have exchanged their states until
  nothing changes hold the same entries, whatever order the states arrived in and however often
  an old one (an engine's conflict copy) came again.
- **Nothing is lost.** A value that loses to a concurrent edit (one whose author had not seen it)
  goes to the entry's bounded history (:data:`~desktop_app.otp.model.HISTORY_LIMIT` items, the
  newest); a value its author replaced knowingly does not. A used HOTP code never comes back.
- **Deletions** are :class:`Tombstone` s. An entry whose newest stamp is newer than its tombstone
  lives (an edit after the deletion brings it back, KeePassXC's ``Merger.cpp`` rule); otherwise
  it is deleted, and the tombstone keeps the entry (merged with any concurrent edit) for
  :data:`RESTORE_DAYS` days, for :func:`restore`. A tombstone is dropped only when every device
  in the vault's device list has merged past it, and never before :data:`TOMBSTONE_DAYS` days.
- A merge never raises for a state of the same vault; a state of another vault raises
  :class:`OtherVaultError` before anything is merged.

Protocol (for the vault and the folder adapter):

1. Load the folder's file (and each conflict copy) with :meth:`VaultState.from_content`; refuse a
   different ``vault_id``.
2. ``clock.observe(state.max_stamp())`` for every state read, so local edits are stamped after it.
3. ``merged, report = merge(base, ours, theirs, device=me, now_ms=clock_ms)`` where ``base`` is
   this computer's last merged state (``None`` the first time), ``ours`` the local vault's state;
   merge each further copy into the result the same way.
4. Write ``merged.to_content()`` locally and to the folder; keep ``merged`` as the next base.
5. Local changes: stamp each changed entry with ``entry.stamped(previous, clock.stamp())``;
   delete with :func:`delete` (a tombstone), never by just dropping the entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.errors import VaultError
from desktop_app.i18n import N_
from desktop_app.otp.model import (
    BASE_KEY,
    HISTORY_LIMIT,
    META_PREFIX,
    STAMP_CHARS,
    ZERO_STAMP,
    Entry,
    HistoryItem,
)
from desktop_app.sync.clock import DEVICE_ID_CHARS, is_device_id, stamp_device, stamp_wall_ms

DAY_MS = 86_400_000
#: a deleted account can be restored for this long
RESTORE_DAYS = 30
#: a tombstone is kept at least this long (and until every device has merged past it)
TOMBSTONE_DAYS = 180
#: stamp keys whose losing values are not history (a reorder or a used code is no edit to keep)
NO_HISTORY_KEYS = frozenset({"order", "counter"})


class OtherVaultError(VaultError):
    """The state belongs to another vault (another vault id): never merged silently."""


class NotRestorableError(VaultError):
    """No deleted account with that id can be restored (any more)."""


@dataclass(frozen=True, slots=True)
class Tombstone:
    """A deletion: the entry's ``uuid``, the ``stamp`` of the deletion and the ``device`` that
    made it; ``entry`` is the account as deleted (for :func:`restore`), dropped after
    :data:`RESTORE_DAYS` days."""

    uuid: str
    stamp: str
    device: str
    entry: Entry | None = None

    def __repr__(self) -> str:
        return f"Tombstone(uuid={self.uuid!r}, stamp={self.stamp!r}, device={self.device!r})"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"uuid": self.uuid, "stamp": self.stamp, "device": self.device}
        if self.entry is not None:
            data["entry"] = self.entry.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Tombstone:
        uuid, stamp, device = data["uuid"], data["stamp"], data["device"]
        if not (isinstance(uuid, str) and isinstance(stamp, str) and isinstance(device, str)):
            raise ValueError("A deletion record is damaged.")
        raw = data.get("entry")
        return cls(uuid, stamp, device, Entry.from_dict(raw) if raw else None)


@dataclass(frozen=True, slots=True)
class Device:
    """A computer of the vault: its ``id`` (as in its stamps), a ``name`` for people
    ("laptop"), and ``seen``: for each device id, the newest of that device's stamps this
    computer has merged ("merged up to")."""

    id: str
    name: str = ""
    seen: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "seen": dict(self.seen)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Device:
        ident, name, seen = data["id"], data.get("name", ""), data.get("seen") or {}
        if not (isinstance(ident, str) and isinstance(name, str) and isinstance(seen, dict)):
            raise ValueError("A device record is damaged.")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in seen.items()):
            raise ValueError("A device record is damaged.")
        return cls(ident, name, dict(seen))


@dataclass(frozen=True, slots=True)
class VaultState:
    """Everything sync merges: the entries by uuid (each with its stamps and history; groups,
    order and icons are fields of the entries), the tombstones by uuid, the devices by id, and
    the vault id (from the file's header: it is not part of the content)."""

    vault_id: str
    entries: Mapping[str, Entry]
    tombstones: Mapping[str, Tombstone] = field(default_factory=dict)
    devices: Mapping[str, Device] = field(default_factory=dict)
    #: uuid -> (an entry, its stored form): the records :meth:`from_content` read, and the
    #: stored forms :meth:`stored` made, so that loading another state against this one builds
    #: only the entries that differ. Each pair is an entry and the record it is made from (or
    #: that it gives), whatever the state's entries are now; not part of the state's value.
    records: dict[str, tuple[Entry, dict[str, Any]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def from_entries(cls, vault_id: str, entries: Iterable[Entry]) -> VaultState:
        return cls(vault_id, {e.uuid: e for e in entries})

    def ordered(self) -> list[Entry]:
        """The entries in the custom order (as ``Vault.entries()`` sorts them)."""
        return sorted(self.entries.values(), key=lambda e: (e.order, e.created, e.uuid))

    def to_content(
        self, stored: Mapping[str, tuple[Entry, dict[str, Any]]] | None = None
    ) -> dict[str, Any]:
        """The vault's plaintext content: ``{"entries": [...], "tombstones": [...],
        "devices": [...]}`` (the last two only when there are any). ``stored``: stored forms
        made already (another state's :attr:`records` after :meth:`stored`), each used for the
        entry it is of (not copied: do not change the content)."""
        if stored:
            records = []
            for e in self.ordered():
                hit = stored.get(e.uuid)
                records.append(hit[1] if hit is not None and hit[0] is e else e.to_dict())
        else:
            records = [e.to_dict() for e in self.ordered()]
        content: dict[str, Any] = {"entries": records}
        if self.tombstones:
            content["tombstones"] = [self.tombstones[u].to_dict() for u in sorted(self.tombstones)]
        if self.devices:
            content["devices"] = [self.devices[d].to_dict() for d in sorted(self.devices)]
        return content

    @classmethod
    def from_content(
        cls, vault_id: str, content: dict[str, Any], known: Iterable[VaultState] = ()
    ) -> VaultState:
        """Raises ``ValueError``/``KeyError``/``TypeError``/``OtpError`` for damaged content
        (the vault turns them into one clear line).

        ``known``: states in memory (this computer's vault, the last merged state) to load
        against. A record equal to the stored form of a known state's entry of the same uuid
        is that entry (the same object: the merge then sees at once that it is unchanged);
        only the others are built, and validated, as :meth:`Entry.from_dict` does. So every
        entry of the state is one that passed validation. Most of a synced file is what the
        last merge wrote: building 10,000 entries costs twice their decryption and parsing
        (benchmarks/bench_merge.py). The records are kept in :attr:`records`, not copied:
        ``content`` must not be changed afterwards."""
        records: dict[str, tuple[Entry, dict[str, Any]]] = {}
        olds = [k for k in known if k.entries]
        for d in content["entries"]:
            entry = None
            uuid = d.get("uuid") if isinstance(d, dict) else None
            if uuid is not None and olds:
                for old in olds:
                    hit = old.stored(uuid)
                    if hit is not None and hit[1] == d:
                        entry = hit[0]
                        break
            if entry is None:
                entry = Entry.from_dict(d)
            records[entry.uuid] = (entry, d)
        tombs = [Tombstone.from_dict(d) for d in content.get("tombstones") or ()]
        devices = [Device.from_dict(d) for d in content.get("devices") or ()]
        return cls(
            vault_id,
            {u: pair[0] for u, pair in records.items()},
            {t.uuid: t for t in tombs},
            {d.id: d for d in devices},
            records,
        )

    def stored(self, uuid: str) -> tuple[Entry, dict[str, Any]] | None:
        """The entry ``uuid`` of this state and its stored form (the record it was read from,
        or ``to_dict()``, made once per entry); None when the state has no such entry."""
        entry = self.entries.get(uuid)
        if entry is None:
            return None
        hit = self.records.get(uuid)
        if hit is None or hit[0] is not entry:
            hit = (entry, entry.to_dict())
            self.records[uuid] = hit
        return hit

    def max_stamp(self) -> str:
        """The newest stamp in this state (to ``observe`` with the clock)."""
        best = max((e.latest_stamp() for e in self.entries.values()), default=ZERO_STAMP)
        return max([best, *(t.stamp for t in self.tombstones.values())])


@dataclass(frozen=True, slots=True)
class Conflict:
    """An account both sides changed: ``keys`` whose older value went to its history."""

    uuid: str
    label: str
    keys: tuple[str, ...]
    kept_device: str  # the device whose newer edit was kept


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What the merge took from the other side (uuids), for a status line or a toast."""

    added: tuple[str, ...] = ()  # accounts new to this side
    changed: tuple[str, ...] = ()  # accounts this side had, changed by the other side
    removed: tuple[str, ...] = ()  # accounts of this side deleted by the other side
    restored: tuple[str, ...] = ()  # deleted here, back by a newer edit on the other side
    conflicts: tuple[Conflict, ...] = ()
    latest_device: str = ""  # the device of the newest stamp taken from the other side

    @property
    def anything(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.restored)

    def summary(self) -> str:
        """One line for people ("" when nothing came from the other side)."""
        parts = []
        if self.conflicts:
            n = len(self.conflicts)
            parts.append(
                f"{n} account{'s' if n != 1 else ''} changed on both computers: the newer "
                f"edit{'s were' if n != 1 else ' was'} kept, the older "
                f"{'ones are' if n != 1 else 'one is'} in the account's history"
            )
        for count, what in (
            (len(self.added), "added"),
            (len(self.changed) - len(self.conflicts), "changed"),
            (len(self.removed), "removed"),
            (len(self.restored), "restored"),
        ):
            if count > 0:
                parts.append(
                    f"{count} account{'s' if count != 1 else ''} {what} on another computer"
                )
        return "; ".join(parts)


# --- entries ---------------------------------------------------------------------------------


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)


def _record(entry: Entry, key: str) -> str:
    """The stamp record (stamp + parent) of ``key``, explicit even when inherited."""
    own = entry.stamps.get(key)
    return own if own else entry.stamps.get(BASE_KEY, ZERO_STAMP)[:STAMP_CHARS]


def _known(loser: str, winner_record: str) -> bool:
    """Whether the winning edit's author had seen the losing value when making it: it is the
    winner's parent, or an older edit of the same device."""
    winner, parent = winner_record[:STAMP_CHARS], winner_record[STAMP_CHARS:]
    if not winner:  # two unstamped values (vaults written before sync): nobody saw the other
        return False
    if loser == parent:
        return True
    return bool(loser) and stamp_device(loser) == stamp_device(winner) and loser < winner


def _merge_history(items: Iterable[HistoryItem]) -> tuple[HistoryItem, ...]:
    best: dict[tuple[str, str, str], HistoryItem] = {}
    for item in items:
        ident = (item.key, item.stamp, _canonical(item.value))
        old = best.get(ident)
        if old is None or item.lost_to > old.lost_to:
            best[ident] = item
    ranked = sorted(best.items(), key=lambda kv: (kv[1].stamp, kv[1].lost_to, kv[0]), reverse=True)
    return tuple(item for _, item in ranked[:HISTORY_LIMIT])


@dataclass(slots=True)
class _EntryMerge:
    entry: Entry
    from_theirs: bool  # some value was taken from theirs
    conflict_keys: tuple[str, ...]
    kept_device: str


def merge_entry(base: Entry | None, ours: Entry, theirs: Entry) -> Entry:
    """One entry merged (see the module's invariants); ``base`` only breaks ties of unstamped
    values (vaults written before sync): the side that still has the base value lost."""
    return _merge_entry(base, ours, theirs).entry


def _merge_entry(base: Entry | None, ours: Entry, theirs: Entry) -> _EntryMerge:
    if ours is theirs or (
        ours.stamps == theirs.stamps and ours == theirs and ours.history == theirs.history
    ):
        return _EntryMerge(ours, False, (), "")
    changes: dict[str, Any] = {}
    stamps: dict[str, str] = {}
    base_o = ours.stamps.get(BASE_KEY, ZERO_STAMP)
    base_t = theirs.stamps.get(BASE_KEY, ZERO_STAMP)
    merged_base = max(base_o, base_t)
    if merged_base:
        stamps[BASE_KEY] = merged_base
    losers: list[HistoryItem] = []
    conflict_keys: list[str] = []
    from_theirs = False
    kept_device = ""
    meta: dict[str, str] | None = None
    keys = dict.fromkeys([*ours.stamp_keys(), *theirs.stamp_keys()])
    for key in keys:
        ro, rt = _record(ours, key), _record(theirs, key)
        so, st = ro[:STAMP_CHARS], rt[:STAMP_CHARS]
        vo, vt = ours.value_of(key), theirs.value_of(key)
        if key == "counter":
            if vt > vo:
                changes["counter"] = vt
                from_theirs = True
            record = max(ro, rt)
        elif vo == vt:
            record = max(ro, rt)
        else:
            take_theirs: bool
            if so != st:
                take_theirs = st > so
            elif base is not None and vo == base.value_of(key):
                take_theirs = True
            elif base is not None and vt == base.value_of(key):
                take_theirs = False
            else:  # same stamp, both changed: the larger value, the same on every computer
                jo, jt = _canonical(ours.json_of(key)), _canonical(theirs.json_of(key))
                take_theirs = jt > jo
            lose, rwin, slose = (ours, rt, so) if take_theirs else (theirs, ro, st)
            record = rwin
            if take_theirs:
                from_theirs = True
                if key.startswith(META_PREFIX):
                    if meta is None:
                        meta = dict(ours.meta)
                    if vt is None:
                        meta.pop(key[len(META_PREFIX) :], None)
                    else:
                        meta[key[len(META_PREFIX) :]] = vt
                else:
                    changes.update(ours.changes_for(key, theirs.json_of(key)))
            if key not in NO_HISTORY_KEYS and not _known(slose, rwin):
                losers.append(HistoryItem(key, lose.json_of(key), slose, rwin[:STAMP_CHARS]))
                conflict_keys.append(key)
                kept_device = stamp_device(rwin)
        if record and (record[:STAMP_CHARS] != merged_base or len(record) > STAMP_CHARS):
            stamps[key] = record
    if meta is not None:
        changes["meta"] = meta
    history = _merge_history([*ours.history, *theirs.history, *losers])
    created = min(ours.created, theirs.created)
    if created != ours.created:
        changes["created"] = created
    merged = ours.with_changes(**changes, stamps=stamps, history=history)
    return _EntryMerge(merged, from_theirs, tuple(conflict_keys), kept_device)


# --- states ----------------------------------------------------------------------------------


def _merge_tombstone(a: Tombstone, b: Tombstone) -> Tombstone:
    win, other = (a, b) if (a.stamp, a.device) >= (b.stamp, b.device) else (b, a)
    if other.entry is None or win.entry is None:
        entry = win.entry or other.entry
    else:
        entry = merge_entry(None, win.entry, other.entry)
    return win if entry is win.entry else replace(win, entry=entry)


def _merge_device(a: Device, b: Device) -> Device:
    seen = dict(a.seen)
    for k, v in b.seen.items():
        if v > seen.get(k, ZERO_STAMP):
            seen[k] = v
    own_a, own_b = a.seen.get(a.id, ZERO_STAMP), b.seen.get(b.id, ZERO_STAMP)
    name = a.name if (own_a, a.name) >= (own_b, b.name) else b.name
    return Device(a.id, name, seen)


def _check_vault(*states: VaultState | None) -> str:
    ids = {s.vault_id for s in states if s is not None}
    if len(ids) != 1:
        raise OtherVaultError(N_("That file belongs to another vault; it was not merged."))
    return ids.pop()


@dataclass(slots=True)
class _Tally:
    """What one merge took from the other side, gathered for the report."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    latest: str = ZERO_STAMP

    def saw(self, stamp: str) -> None:
        if stamp > self.latest:
            self.latest = stamp

    def report(self) -> MergeReport:
        return MergeReport(
            tuple(self.added),
            tuple(self.changed),
            tuple(self.removed),
            tuple(self.restored),
            tuple(self.conflicts),
            stamp_device(self.latest),
        )


def _merge_entries(
    base_entries: Mapping[str, Entry],
    ours: Mapping[str, Entry],
    theirs: Mapping[str, Entry],
    tombs: dict[str, Tombstone],
    tally: _Tally,
) -> dict[str, Entry]:
    """The live entries; ``tombs`` is updated in place (revived entries drop theirs, deleted
    ones keep what restore needs)."""
    entries: dict[str, Entry] = {}
    for u in dict.fromkeys([*ours, *theirs]):
        o, t = ours.get(u), theirs.get(u)
        m: Entry
        if o is t and o is not None:  # the same entry (both read against one state)
            m = o
        elif o is not None and t is not None:
            em = _merge_entry(base_entries.get(u), o, t)
            m = em.entry
            if em.from_theirs:
                tally.saw(t.latest_stamp())
                tally.changed.append(u)
            if em.conflict_keys:
                tally.conflicts.append(Conflict(u, m.label, em.conflict_keys, em.kept_device))
        else:
            m = o if o is not None else t  # type: ignore[assignment]
        tomb = tombs.get(u)
        if tomb is None:
            if o is None:
                tally.added.append(u)
                tally.saw(m.latest_stamp())
            entries[u] = m
        elif m.latest_stamp() > tomb.stamp:
            del tombs[u]  # an edit after the deletion: the entry lives, edits kept
            entries[u] = m if tomb.entry is None else merge_entry(None, m, tomb.entry)
            if o is None:
                tally.restored.append(u)
                tally.saw(m.latest_stamp())
        else:
            kept = m if tomb.entry is None else merge_entry(None, tomb.entry, m)
            tombs[u] = replace(tomb, entry=kept)
            if o is not None:
                tally.removed.append(u)
                tally.saw(tomb.stamp)
                if tally.changed and tally.changed[-1] == u:
                    tally.changed.pop()
                tally.conflicts = [c for c in tally.conflicts if c.uuid != u]
    return entries


def merge(
    base: VaultState | None,
    ours: VaultState,
    theirs: VaultState,
    *,
    device: str | None = None,
    device_name: str | None = None,
    now_ms: int | None = None,
) -> tuple[VaultState, MergeReport]:
    """``theirs`` merged into ``ours`` against ``base`` (this computer's last merged state, or
    None: two-way on stamps). With ``device``, the merged state records that this device has
    merged everything in it (and its ``device_name``, if given); with ``now_ms`` (the wall clock),
    tombstones past their time are compacted (:func:`compact`). The report is about what came
    from ``theirs``."""
    vault_id = _check_vault(base, ours, theirs)
    tombs: dict[str, Tombstone] = dict(ours.tombstones)
    for u, their_tomb in theirs.tombstones.items():
        mine = tombs.get(u)
        tombs[u] = their_tomb if mine is None else _merge_tombstone(mine, their_tomb)
    tally = _Tally()
    base_entries = base.entries if base is not None else {}
    entries = _merge_entries(base_entries, ours.entries, theirs.entries, tombs, tally)
    devices = dict(ours.devices)
    for d, rec in theirs.devices.items():
        mine_d = devices.get(d)
        devices[d] = rec if mine_d is None else _merge_device(mine_d, rec)
    merged = VaultState(vault_id, entries, tombs, devices)
    if device is not None:
        merged = mark_merged(merged, device, device_name)
    if now_ms is not None:
        merged = compact(merged, now_ms)
    return merged, tally.report()


def mark_merged(state: VaultState, device: str, name: str | None = None) -> VaultState:
    """``state`` with ``device``'s record saying it has merged every stamp in it."""
    if not is_device_id(device):
        raise ValueError("A device id is 8 lower-case hex digits.")
    old = state.devices.get(device)
    seen: dict[str, str] = dict(old.seen) if old is not None else {}
    # inlined (no call per stamp): a third of a merge of 10,000 accounts otherwise
    origin_at = slice(STAMP_CHARS - DEVICE_ID_CHARS, STAMP_CHARS)
    stamps = [r[:STAMP_CHARS] for e in state.entries.values() for r in e.stamps.values()]
    stamps.extend(t.stamp for t in state.tombstones.values())
    for stamp in stamps:
        if stamp:
            origin = stamp[origin_at]
            if stamp > seen.get(origin, ZERO_STAMP):
                seen[origin] = stamp
    new_name = name if name is not None else (old.name if old is not None else "")
    record_ = Device(device, new_name, seen)
    if old == record_:
        return state
    return replace(state, devices={**state.devices, device: record_})


def compact(state: VaultState, now_ms: int) -> VaultState:
    """Tombstones past :data:`RESTORE_DAYS` lose their kept entry; past :data:`TOMBSTONE_DAYS`
    and merged by every device of the list, they go."""
    tombs: dict[str, Tombstone] = {}
    devices = list(state.devices.values())
    changed = False
    for u, t in state.tombstones.items():
        age = now_ms - stamp_wall_ms(t.stamp)
        if age >= TOMBSTONE_DAYS * DAY_MS and all(
            d.seen.get(t.device, ZERO_STAMP) >= t.stamp for d in devices
        ):
            changed = True
            continue
        if age >= RESTORE_DAYS * DAY_MS and t.entry is not None:
            t = replace(t, entry=None)
            changed = True
        tombs[u] = t
    return replace(state, tombstones=tombs) if changed else state


def delete(state: VaultState, uuids: Iterable[str], stamp: str) -> VaultState:
    """``state`` without the entries ``uuids``, each replaced by a tombstone stamped ``stamp``
    (a fresh clock stamp) that keeps the entry for :func:`restore`."""
    entries = dict(state.entries)
    tombs = dict(state.tombstones)
    for u in uuids:
        entry = entries.pop(u)
        tombs[u] = Tombstone(u, stamp, stamp_device(stamp), entry)
    return replace(state, entries=entries, tombstones=tombs)


def restorable(state: VaultState) -> list[Tombstone]:
    """Deleted accounts that can still be restored, the most recent deletion first."""
    found = [t for t in state.tombstones.values() if t.entry is not None]
    return sorted(found, key=lambda t: t.stamp, reverse=True)


def restore(state: VaultState, uuid: str, stamp: str) -> tuple[VaultState, Entry]:
    """A deleted account back: its tombstone goes and its entry returns with ``stamp`` (a fresh
    clock stamp, newer than the deletion, so every computer brings it back too)."""
    tomb = state.tombstones.get(uuid)
    if tomb is None or tomb.entry is None:
        raise NotRestorableError(N_("That account cannot be restored any more."))
    if stamp <= tomb.stamp:
        raise ValueError("The restore needs a stamp newer than the deletion.")
    entry = tomb.entry
    entry = entry.with_changes(stamps={**entry.stamps, BASE_KEY: stamp})
    tombs = {u: t for u, t in state.tombstones.items() if u != uuid}
    return replace(state, entries={**state.entries, uuid: entry}, tombstones=tombs), entry
