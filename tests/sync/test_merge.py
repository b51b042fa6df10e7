"""The pure merge (desktop_app/sync/merge.py) and the stamps on entries (otp/model.py): one test
per rule."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop_app.otp.model import BASE_KEY, HISTORY_LIMIT, Entry, HistoryItem, Icon, OtpType
from desktop_app.sync.clock import HybridClock, stamp_device
from desktop_app.sync.merge import (
    DAY_MS,
    RESTORE_DAYS,
    TOMBSTONE_DAYS,
    Device,
    NotRestorableError,
    OtherVaultError,
    VaultState,
    compact,
    delete,
    merge,
    restorable,
    restore,
)

SECRET = "JBSWY3DPEHPK3PXP"
OTHER_SECRET = "GEZDGNBVGY3TQOJQ"
VAULT = "vault-1"
T0 = 1_765_000_000_000  # ms, December 2025
PNG = Icon("image/png", b"\x89PNG fake")


class Computer:
    """One computer's clock and vault state, changed the way the vault will change it."""

    def __init__(self, device: str, skew_ms: int = 0) -> None:
        self.now_ms = T0 + skew_ms
        self.device = device
        self.clock = HybridClock(device, lambda: self.now_ms)
        self.state = VaultState(VAULT, {})

    def tick(self, ms: int = 1_000) -> None:
        self.now_ms += ms

    def add(self, **fields: Any) -> Entry:
        entry = Entry(**{"secret": SECRET, **fields}).stamped(None, self.clock.stamp())
        self.state = VaultState(
            VAULT,
            {**self.state.entries, entry.uuid: entry},
            self.state.tombstones,
            self.state.devices,
        )
        return entry

    def edit(self, uuid: str, **changes: Any) -> Entry:
        old = self.state.entries[uuid]
        new = old.with_changes(**changes).stamped(old, self.clock.stamp())
        self.state = VaultState(
            VAULT, {**self.state.entries, uuid: new}, self.state.tombstones, self.state.devices
        )
        return new

    def delete(self, uuid: str) -> None:
        self.state = delete(self.state, [uuid], self.clock.stamp())

    def receive(self, theirs: VaultState, base: VaultState | None = None) -> Any:
        self.clock.observe(theirs.max_stamp())
        self.state, report = merge(base, self.state, theirs, device=self.device)
        return report


def two_with(**fields: Any) -> tuple[Computer, Computer, VaultState, str]:
    """Computers a and b holding the same entry, and their common base."""
    a, b = Computer("aaaaaaaa"), Computer("bbbbbbbb")
    entry = a.add(issuer="Example", name="me", **fields)
    b.receive(a.state)
    a.receive(b.state)
    a.tick()
    b.tick()
    return a, b, a.state, entry.uuid


# --- stamps on entries ------------------------------------------------------------------------


def test_a_change_stamps_only_the_keys_whose_value_changed_with_the_replaced_stamp_as_parent() -> (
    None
):
    a = Computer("aaaaaaaa")
    entry = a.add(issuer="Example", name="me", meta={"x": "1"})
    base = entry.stamp_of("name")
    assert entry.stamps == {BASE_KEY: base}
    a.tick()
    edited = a.edit(entry.uuid, name="you", meta={})
    assert edited.stamp_of("name") > base
    assert edited.parent_of("name") == base
    assert edited.stamp_of("meta:x") == edited.stamp_of("name")  # the removal is an edit
    assert edited.stamp_of("issuer") == base
    assert set(edited.stamps) == {BASE_KEY, "name", "meta:x"}
    assert edited.latest_stamp() == edited.stamp_of("name")


def test_an_entry_of_an_old_vault_loads_with_zero_stamps_and_stores_as_before() -> None:
    old = {"secret": SECRET, "issuer": "Old", "name": "n", "uuid": "u-1", "created": 1.0}
    entry = Entry.from_dict(old)
    assert entry.stamps == {} and entry.history == ()
    assert entry.stamp_of("name") == "" and entry.latest_stamp() == ""
    assert "stamps" not in entry.to_dict() and "history" not in entry.to_dict()


def test_stamps_and_history_survive_the_stored_form_and_do_not_change_equality() -> None:
    a, b, _base, uuid = two_with()
    a.edit(uuid, name="from a")
    b.edit(uuid, name="from b")
    a.receive(b.state)
    entry = a.state.entries[uuid]
    assert entry.history
    again = Entry.from_dict(json.loads(json.dumps(entry.to_dict())))
    assert again.stamps == entry.stamps and again.history == entry.history
    assert entry == entry.with_changes(stamps={}, history=())


def test_damaged_stamps_are_refused_when_an_entry_loads() -> None:
    for bad in ({"name": "short"}, {"name": 5}, ["not", "a", "map"]):
        with pytest.raises((ValueError, TypeError)):
            Entry.from_dict({"secret": SECRET, "stamps": bad})
    with pytest.raises((ValueError, TypeError, KeyError)):
        Entry.from_dict({"secret": SECRET, "history": [{"key": "name"}]})


# --- per-field merge ----------------------------------------------------------------------


def test_a_field_changed_on_one_side_only_is_taken_from_that_side() -> None:
    a, b, base, uuid = two_with(note="old note")
    a.edit(uuid, name="renamed on a")
    b.edit(uuid, note="new note on b")
    merged, report = merge(base, a.state, b.state)
    entry = merged.entries[uuid]
    assert (entry.name, entry.note) == ("renamed on a", "new note on b")
    assert entry.history == ()
    assert report.changed == (uuid,) and report.conflicts == ()


def test_a_field_changed_on_both_sides_keeps_the_newer_edit_and_the_older_in_history() -> None:
    a, b, base, uuid = two_with()
    a.edit(uuid, name="older, from a")
    b.tick(5_000)
    b.edit(uuid, name="newer, from b")
    for ours, theirs in ((a.state, b.state), (b.state, a.state)):
        merged, report = merge(base, ours, theirs)
        entry = merged.entries[uuid]
        assert entry.name == "newer, from b"
        [item] = entry.history
        assert (item.key, item.value) == ("name", "older, from a")
        assert stamp_device(item.stamp) == "aaaaaaaa" and stamp_device(item.lost_to) == "bbbbbbbb"
    merged, report = merge(base, a.state, b.state)
    assert [c.uuid for c in report.conflicts] == [uuid]
    assert report.conflicts[0].keys == ("name",) and report.conflicts[0].kept_device == "bbbbbbbb"
    assert report.summary() == (
        "1 account changed on both computers: the newer edit was kept, "
        "the older one is in the account's history"
    )


def test_a_value_its_author_had_seen_and_replaced_is_not_history() -> None:
    a, b, _base, uuid = two_with()
    a.edit(uuid, name="first")
    b.receive(a.state)
    b.tick()
    b.edit(uuid, name="second, knowing the first")
    a.tick()
    report = a.receive(b.state)
    assert a.state.entries[uuid].name == "second, knowing the first"
    assert a.state.entries[uuid].history == ()
    assert report.conflicts == () and report.changed == (uuid,)


def test_an_older_state_delivered_again_changes_nothing() -> None:
    a, b, _base, uuid = two_with()
    stale = b.state
    a.edit(uuid, name="new", note="n")
    b.receive(a.state)
    before = b.state
    report = b.receive(stale, base=before)  # an engine's old conflict copy
    assert b.state.entries[uuid].name == "new" and b.state.entries[uuid].note == "n"
    assert b.state.entries[uuid].history == ()
    assert not report.anything


def test_the_merge_is_the_same_whichever_side_is_ours() -> None:
    a, b, base, uuid = two_with(group="G")
    a.edit(uuid, name="a", group="from a", icon=PNG)
    b.edit(uuid, name="b", note="from b", meta={"k": "v"})
    one, _ = merge(base, a.state, b.state)
    two, _ = merge(base, b.state, a.state)
    e1, e2 = one.entries[uuid], two.entries[uuid]
    assert e1 == e2 and e1.stamps == e2.stamps and e1.history == e2.history


def test_the_otp_parameters_merge_as_one_value() -> None:
    a, b, base, uuid = two_with()
    a.edit(uuid, type=OtpType.STEAM, digits=5)
    b.tick(1)
    b.edit(uuid, digits=8, algorithm="SHA256", secret=OTHER_SECRET)
    merged, _ = merge(base, a.state, b.state)
    entry = merged.entries[uuid]
    assert (entry.type, entry.digits, entry.algorithm, entry.secret) == (
        OtpType.TOTP,
        8,
        "SHA256",
        OTHER_SECRET,
    )
    [item] = entry.history
    assert item.key == "otp" and item.value["type"] == "steam" and item.value["digits"] == 5


def test_a_hotp_counter_merges_as_the_maximum_so_a_used_code_never_comes_back() -> None:
    a, b, base, uuid = two_with(type=OtpType.HOTP, counter=10)
    a.edit(uuid, counter=15)
    b.tick(60_000)
    b.edit(uuid, counter=12)  # newer stamp, lower counter
    for ours, theirs in ((a.state, b.state), (b.state, a.state)):
        merged, _ = merge(base, ours, theirs)
        assert merged.entries[uuid].counter == 15
        assert merged.entries[uuid].history == ()


def test_groups_order_and_icons_merge_per_field() -> None:
    a, b, base, uuid = two_with(group="Work", order=0)
    other = a.add(issuer="Other", order=1)
    b.receive(a.state)
    base = b.state
    a.tick()
    b.tick()
    a.edit(uuid, order=1)
    a.edit(other.uuid, order=0)  # a reordered
    b.edit(uuid, group="Home", icon=PNG)  # b regrouped and gave it an icon
    merged, _ = merge(base, a.state, b.state)
    assert [e.uuid for e in merged.ordered()] == [other.uuid, uuid]
    entry = merged.entries[uuid]
    assert (entry.group, entry.icon) == ("Home", PNG)


def test_annotations_merge_key_by_key_and_a_removal_is_an_edit() -> None:
    a, b, base, uuid = two_with(meta={"emnify.state": "pending", "x": "1"})
    a.edit(uuid, meta={"emnify.state": "active", "x": "1"})
    b.edit(uuid, meta={"emnify.state": "pending"})  # b removed x
    merged, _ = merge(base, a.state, b.state)
    assert merged.entries[uuid].meta == {"emnify.state": "active"}


def test_an_account_added_on_the_other_side_arrives_and_is_reported() -> None:
    a, b = Computer("aaaaaaaa"), Computer("bbbbbbbb")
    entry = a.add(issuer="New")
    merged, report = merge(None, b.state, a.state)
    assert merged.entries[entry.uuid] == entry
    assert report.added == (entry.uuid,) and report.latest_device == "aaaaaaaa"
    assert report.summary() == "1 account added on another computer"


def test_without_a_base_unstamped_values_of_old_vaults_merge_the_same_on_both_sides() -> None:
    common = {"secret": SECRET, "uuid": "u-1", "created": 1.0, "issuer": "I"}
    ours = VaultState(VAULT, {"u-1": Entry.from_dict({**common, "name": "alpha"})})
    theirs = VaultState(VAULT, {"u-1": Entry.from_dict({**common, "name": "beta"})})
    one, _ = merge(None, ours, theirs)
    two, _ = merge(None, theirs, ours)
    assert one.entries["u-1"].name == two.entries["u-1"].name
    lost = one.entries["u-1"].history
    assert [h.value for h in lost] == [
        {"alpha", "beta"}.difference({one.entries["u-1"].name}).pop()
    ]


def test_with_a_base_the_unstamped_side_that_changed_wins() -> None:
    common = {"secret": SECRET, "uuid": "u-1", "created": 1.0}
    base = VaultState(VAULT, {"u-1": Entry.from_dict({**common, "name": "zzz"})})
    changed = VaultState(VAULT, {"u-1": Entry.from_dict({**common, "name": "aaa"})})
    for ours, theirs in ((base, changed), (changed, base)):
        merged, _ = merge(base, ours, theirs)
        assert merged.entries["u-1"].name == "aaa"


def test_history_keeps_the_newest_items_up_to_its_bound() -> None:
    a, b, _base, uuid = two_with()
    for i in range(HISTORY_LIMIT + 5):
        a.tick()
        b.tick()
        a.edit(uuid, note=f"a{i}")
        b.edit(uuid, note=f"b{i}")
        a.receive(b.state)
        b.receive(a.state)
    history = a.state.entries[uuid].history
    assert len(history) == HISTORY_LIMIT
    assert history == b.state.entries[uuid].history
    assert [h.stamp for h in history] == sorted((h.stamp for h in history), reverse=True)
    assert history[0].value == f"a{HISTORY_LIMIT + 4}"  # a's last edit lost to b's


def test_a_history_item_can_be_restored_as_a_new_edit() -> None:
    a, b, _base, uuid = two_with()
    a.edit(uuid, name="a's name")
    b.edit(uuid, name="b's name")
    a.receive(b.state)
    entry = a.state.entries[uuid]
    [item] = entry.history
    back = entry.restored_from(item)
    assert back.name == "a's name"
    assert isinstance(item, HistoryItem)


# --- deletions -----------------------------------------------------------------------------


def test_a_deletion_on_the_other_side_removes_the_account() -> None:
    a, b, base, uuid = two_with()
    a.delete(uuid)
    merged, report = merge(base, b.state, a.state)
    assert uuid not in merged.entries
    tomb = merged.tombstones[uuid]
    assert (tomb.uuid, tomb.device) == (uuid, "aaaaaaaa")
    assert report.removed == (uuid,)
    assert report.summary() == "1 account removed on another computer"


def test_an_edit_newer_than_the_deletion_brings_the_account_back() -> None:
    a, b, base, uuid = two_with()
    a.delete(uuid)
    b.tick(10_000)
    b.edit(uuid, note="edited after the deletion")
    for ours, theirs in ((a.state, b.state), (b.state, a.state)):
        merged, report = merge(base, ours, theirs)
        assert merged.entries[uuid].note == "edited after the deletion"
        assert uuid not in merged.tombstones
    _, report = merge(base, a.state, b.state)
    assert report.restored == (uuid,)


def test_an_edit_older_than_the_deletion_stays_deleted_but_is_kept_for_restore() -> None:
    a, b, base, uuid = two_with()
    b.edit(uuid, note="edited before the deletion")
    a.tick(10_000)
    a.delete(uuid)
    merged, _ = merge(base, a.state, b.state)
    assert uuid not in merged.entries
    kept = merged.tombstones[uuid].entry
    assert kept is not None and kept.note == "edited before the deletion"


def test_a_deleted_account_is_restored_on_every_computer() -> None:
    a, b, _base, uuid = two_with()
    a.delete(uuid)
    b.receive(a.state)
    assert [t.uuid for t in restorable(b.state)] == [uuid]
    b.tick()
    b.state, entry = restore(b.state, uuid, b.clock.stamp())
    assert entry.issuer == "Example"
    a.receive(b.state)
    assert a.state.entries[uuid].issuer == "Example" and not a.state.tombstones


def test_a_deletion_cannot_be_restored_after_thirty_days_or_with_an_old_stamp() -> None:
    a, _b, _base, uuid = two_with()
    a.delete(uuid)
    with pytest.raises(ValueError):
        restore(a.state, uuid, "")
    later = compact(a.state, a.now_ms + RESTORE_DAYS * DAY_MS)
    assert later.tombstones[uuid].entry is None  # the tombstone itself stays
    with pytest.raises(NotRestorableError):
        restore(later, uuid, a.clock.stamp())
    assert compact(a.state, a.now_ms + RESTORE_DAYS * DAY_MS - 10_000).tombstones[uuid].entry


def test_a_tombstone_goes_only_after_180_days_and_once_every_device_merged_past_it() -> None:
    a, b, _base, uuid = two_with()
    a.delete(uuid)
    a.receive(b.state)  # a's device record: merged the deletion
    old = a.now_ms + TOMBSTONE_DAYS * DAY_MS
    # b has not merged the deletion yet
    assert uuid in compact(a.state, old).tombstones
    b.receive(a.state)
    a.receive(b.state)  # now both device records are past it
    assert set(a.state.devices) == {"aaaaaaaa", "bbbbbbbb"}
    assert uuid in compact(a.state, old - 10_000).tombstones  # not before 180 days
    assert uuid not in compact(a.state, old).tombstones
    merged, _ = merge(None, a.state, b.state, now_ms=old)
    assert uuid not in merged.tombstones


def test_device_records_merge_and_name_the_device() -> None:
    a, b, _base, _uuid = two_with()
    merged, _ = merge(None, a.state, b.state, device="aaaaaaaa", device_name="laptop")
    assert merged.devices["aaaaaaaa"].name == "laptop"
    again, _ = merge(None, b.state, merged, device="bbbbbbbb")
    assert again.devices["aaaaaaaa"].name == "laptop"
    assert again.devices["bbbbbbbb"].seen["aaaaaaaa"] == a.state.max_stamp()


# --- the state type ------------------------------------------------------------------------


def test_the_state_round_trips_through_the_vault_content() -> None:
    a, b, _base, uuid = two_with()
    keep = a.add(issuer="Kept", group="G", icon=PNG)
    a.delete(uuid)
    a.receive(b.state)
    content = json.loads(json.dumps(a.state.to_content()))
    again = VaultState.from_content(VAULT, content)
    assert again.entries == a.state.entries
    assert again.entries[keep.uuid].stamps == keep.stamps
    assert again.tombstones.keys() == a.state.tombstones.keys()
    assert again.tombstones[uuid].stamp == a.state.tombstones[uuid].stamp
    assert again.devices == a.state.devices


def _as_read(state: VaultState) -> dict[str, Any]:
    """The state's content as a file gives it (a fresh copy, nothing shared)."""
    return json.loads(json.dumps(state.to_content()))


def test_loading_against_a_known_state_reuses_its_unchanged_entries_and_builds_the_rest() -> None:
    a, b, _base, uuid = two_with(note="n")
    same = a.add(issuer="Same", icon=PNG, meta={"emnify.state": "active"})
    b.receive(a.state)
    known = VaultState.from_content(VAULT, _as_read(b.state))
    a.tick()
    a.edit(uuid, name="renamed on a")
    content = _as_read(a.state)
    loaded = VaultState.from_content(VAULT, content, [known])
    scratch = VaultState.from_content(VAULT, _as_read(a.state))
    assert loaded.entries[same.uuid] is known.entries[same.uuid]
    assert loaded.entries[uuid] is not known.entries[uuid]
    assert loaded.entries[uuid].name == "renamed on a"
    for u, entry in scratch.entries.items():  # the same state as one loaded from scratch
        got = loaded.entries[u]
        assert (got, got.stamps, got.history) == (entry, entry.stamps, entry.history)
    # a state built in memory (no records) is compared by its entries' stored form
    in_memory = VaultState(VAULT, dict(b.state.entries))
    again = VaultState.from_content(VAULT, _as_read(a.state), [in_memory])
    assert again.entries[same.uuid] is b.state.entries[same.uuid]
    assert again.entries[uuid].name == "renamed on a"


def test_a_damaged_record_is_refused_even_when_a_known_state_has_its_uuid() -> None:
    a, _b, _base, uuid = two_with()
    known = VaultState.from_content(VAULT, _as_read(a.state))
    for field_, bad in (("secret", "not base32!"), ("digits", 99), ("counter", -1)):
        content = _as_read(a.state)
        content["entries"][0][field_] = bad
        assert content["entries"][0]["uuid"] == uuid
        with pytest.raises((ValueError, TypeError)):
            VaultState.from_content(VAULT, content, [known])


def test_a_known_state_whose_entry_changed_since_it_was_read_is_not_mistaken_for_it() -> None:
    a, _b, _base, uuid = two_with()
    first = _as_read(a.state)
    read = VaultState.from_content(VAULT, first)
    a.tick()
    changed = (
        read.entries[uuid].with_changes(name="second").stamped(read.entries[uuid], a.clock.stamp())
    )
    later = VaultState(VAULT, {uuid: changed}, records=read.records)  # shares the old records
    again = VaultState.from_content(VAULT, _as_read(a.state), [later])
    assert again.entries[uuid].name == "me" and again.entries[uuid] is not changed
    second = VaultState.from_content(VAULT, {"entries": [changed.to_dict()]}, [later])
    assert second.entries[uuid] is changed


def test_old_content_without_tombstones_or_devices_loads() -> None:
    content = {"entries": [{"secret": SECRET, "uuid": "u-1", "issuer": "Old"}]}
    state = VaultState.from_content(VAULT, content)
    assert list(state.entries) == ["u-1"] and not state.tombstones and not state.devices
    assert state.to_content() == {"entries": [state.entries["u-1"].to_dict()]}


def test_damaged_content_is_refused() -> None:
    for content in (
        {},
        {"entries": [{"secret": SECRET}], "tombstones": [{"uuid": "u"}]},
        {"entries": [], "devices": [{"id": "d", "seen": {"x": 1}}]},
    ):
        with pytest.raises((ValueError, KeyError, TypeError)):
            VaultState.from_content(VAULT, content)
    assert Device.from_dict({"id": "aaaaaaaa"}).seen == {}


def test_a_state_of_another_vault_is_never_merged() -> None:
    ours = VaultState(VAULT, {})
    with pytest.raises(OtherVaultError):
        merge(None, ours, VaultState("another", {}))
    with pytest.raises(OtherVaultError):
        merge(VaultState("another", {}), ours, ours)
