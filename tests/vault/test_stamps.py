"""The vault stamps every change when it saves it (issue 21): a fresh clock stamp for exactly the
stamp keys the change touched, and a tombstone for every removal (what the sync merge needs)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_app.otp.model import FIELD_KEYS, Entry, OtpType
from desktop_app.sync import DEVICE_FILE, SYNC_DIR
from desktop_app.sync.clock import is_stamp, stamp_device
from desktop_app.sync.merge import DAY_MS, RESTORE_DAYS, Tombstone, VaultState
from desktop_app.vault import Vault
from desktop_app.vault.store import Content

SECRET = "JBSWY3DPEHPK3PXP"
SECRET2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def _entry(**kw: object) -> Entry:
    return Entry(**{"secret": SECRET, "issuer": "ACME", "name": "bob@example.com", **kw})


def _stamps_by_key(entry: Entry) -> dict[str, str]:
    return {k: entry.stamp_of(k) for k in entry.stamp_keys()}


def _reopened(data_dir: Path, uuid: str) -> Entry:
    with Vault.open_with_password(data_dir, "pw") as v:
        return v.get(uuid)


def test_add_stamps_the_creation(data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, "pw") as v:
        added = v.add(_entry())
    stored = _reopened(data_dir, added.uuid)
    assert is_stamp(stored.stamps["*"])
    device = (data_dir / SYNC_DIR / DEVICE_FILE).read_text()
    assert stamp_device(stored.stamps["*"]) == device
    # every key carries the creation stamp until it is edited
    assert set(_stamps_by_key(stored).values()) == {stored.stamps["*"]}


EDITS: dict[str, tuple[str, Callable[[Vault, Entry], object]]] = {
    "update issuer": ("issuer", lambda v, e: v.update(e.with_changes(issuer="Other"))),
    "update secret": ("otp", lambda v, e: v.update(e.with_changes(secret=SECRET2))),
    "update group": ("group", lambda v, e: v.update(e.with_changes(group="Work"))),
    "set annotation": ("meta:emnify.state", lambda v, e: v.set_meta(e.uuid, emnify__state="on")),
    "counter": ("counter", lambda v, e: v.increment_counter(e.uuid)),
}


@pytest.mark.parametrize("what", list(EDITS))
def test_an_edit_stamps_exactly_the_changed_key(data_dir: Path, what: str) -> None:
    key, edit = EDITS[what]
    with Vault.open_with_password(data_dir, "pw") as v:
        e = v.add(_entry(type=OtpType.HOTP))
    before = _stamps_by_key(_reopened(data_dir, e.uuid))
    with Vault.open_with_password(data_dir, "pw") as v:  # a new process: a new clock
        edit(v, v.get(e.uuid))
    after_entry = _reopened(data_dir, e.uuid)
    after = _stamps_by_key(after_entry)
    changed = {k for k in after if after[k] != before.get(k, "")}
    assert changed == {key}
    assert after[key] > max(before.values())
    # it replaced the value set at creation
    assert after_entry.parent_of(key) == after_entry.stamps["*"] == before["issuer"]


def test_reorder_stamps_the_order_of_the_entries_that_moved(data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, "pw") as v:
        a, b, c = v.add_many([_entry(name="a"), _entry(name="b"), _entry(name="c")])
        before = {e.uuid: _stamps_by_key(e) for e in v.entries()}
        v.reorder([b.uuid, a.uuid])  # c stays third
        after = {e.uuid: _stamps_by_key(e) for e in v.entries()}
    newest = max(s for stamps in before.values() for s in stamps.values())
    for u in (a.uuid, b.uuid):
        assert {k for k in FIELD_KEYS if after[u][k] != before[u][k]} == {"order"}
        assert after[u]["order"] > newest
    assert after[c.uuid] == before[c.uuid]


def test_an_unchanged_save_stamps_nothing(data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, "pw") as v:
        e = v.add(_entry())
        v.update(v.get(e.uuid))
        assert v.get(e.uuid).stamps == e.stamps


def test_remove_leaves_a_tombstone(data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, "pw") as v:
        keep, gone = v.add_many([_entry(name="keep"), _entry(name="gone")])
        newest = max(keep.latest_stamp(), gone.latest_stamp())
    with Vault.open_with_password(data_dir, "pw") as v:
        v.remove(gone.uuid)
    with Vault.open_with_password(data_dir, "pw") as v:
        content = v.content()
        state = VaultState.from_content(v.vault_id, {"entries": [], **content.extra})
    assert set(content.entries) == {keep.uuid}
    (tomb,) = state.tombstones.values()
    assert tomb.uuid == gone.uuid
    assert tomb.stamp > newest
    assert tomb.device == stamp_device(gone.stamps["*"])
    assert tomb.entry == gone  # kept for a restore


def test_a_stamp_is_newer_than_every_stamp_another_process_wrote(data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, "pw") as first:
        e = first.add(_entry())
        with Vault.open_with_password(data_dir, "pw") as second:
            second.update(second.get(e.uuid).with_changes(note="from the second"))
            theirs = second.get(e.uuid).stamp_of("note")
        first.update(first.get(e.uuid).with_changes(issuer="from the first"))
        mine = first.get(e.uuid)
    assert mine.note == "from the second"  # the other writer's change is kept
    assert mine.stamp_of("issuer") > theirs


def test_old_tombstones_lose_the_deleted_account(data_dir: Path) -> None:
    """A vault that is never synced does not keep a deleted secret past RESTORE_DAYS."""
    with Vault.open_with_password(data_dir, "pw") as v:
        old, other = v.add_many([_entry(name="old"), _entry(name="other")])
        long_ago = f"{(time.time_ns() // 1_000_000) - (RESTORE_DAYS + 1) * DAY_MS:012x}"
        stamp = long_ago + "000000" + stamp_device(old.stamps["*"])
        tomb = Tombstone(old.uuid, stamp, stamp_device(stamp), old)

        def deleted_long_ago(fresh: Content) -> Content:
            entries = {u: e for u, e in fresh.entries.items() if u != old.uuid}
            return Content(entries, {**fresh.extra, "tombstones": [tomb.to_dict()]})

        v.transact(deleted_long_ago)
        v.remove(other.uuid)
        state = VaultState.from_content(v.vault_id, {"entries": [], **v.content().extra})
    assert state.tombstones[old.uuid].entry is None  # the deletion is still known
    assert state.tombstones[other.uuid].entry == other
