"""Sync with the vault's own stamps (issue 21): a change is stamped when it is saved, not when
it is next synced, so the later edit wins and a removal travels as the vault's tombstone."""

from __future__ import annotations

from pathlib import Path

from desktop_app.otp.model import Entry
from desktop_app.sync.merge import VaultState
from desktop_app.sync.service import SyncService
from desktop_app.vault import Vault

PASSWORD = "sync-test-password"


def _pair(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder, a, b = tmp_path / "folder", tmp_path / "a", tmp_path / "b"
    folder.mkdir()
    with Vault.open_with_password(a, PASSWORD) as v:
        v.add(Entry(secret="JBSWY3DPEHPK3PXP", issuer="ACME", name="me"))
        SyncService(a).setup(v, folder, PASSWORD, device_name="a")
    SyncService(b).join(folder, PASSWORD, device_name="b")
    return folder, a, b


def test_the_later_edit_wins_whichever_computer_syncs_first(tmp_path: Path) -> None:
    _folder, a, b = _pair(tmp_path)
    # no sync attached: each edit waits in its computer's vault for the next sync
    with Vault.open_with_password(a, PASSWORD) as va:
        (e,) = va.entries()
        va.update(e.with_changes(issuer="earlier on a"))
    with Vault.open_with_password(b, PASSWORD) as vb:
        vb.update(vb.get(e.uuid).with_changes(issuer="later on b"))
        SyncService(b).sync_now(vb)
    with Vault.open_with_password(a, PASSWORD) as va:
        SyncService(a).sync_now(va)  # a syncs last: its edit is still the older one
        assert va.get(e.uuid).issuer == "later on b"
    with Vault.open_with_password(b, PASSWORD) as vb:
        SyncService(b).sync_now(vb)
        assert vb.get(e.uuid).issuer == "later on b"


def test_a_removal_travels_as_the_vaults_tombstone(tmp_path: Path) -> None:
    _folder, a, b = _pair(tmp_path)
    with Vault.open_with_password(a, PASSWORD) as va:
        (e,) = va.entries()
        va.remove(e.uuid)
        made = VaultState.from_content(va.vault_id, {"entries": [], **va.content().extra})
        SyncService(a).sync_now(va)
        kept = VaultState.from_content(va.vault_id, {"entries": [], **va.content().extra})
    assert kept.tombstones[e.uuid].stamp == made.tombstones[e.uuid].stamp
    with Vault.open_with_password(b, PASSWORD) as vb:
        SyncService(b).sync_now(vb)
        assert vb.entries() == []
        there = VaultState.from_content(vb.vault_id, {"entries": [], **vb.content().extra})
    assert there.tombstones[e.uuid].stamp == made.tombstones[e.uuid].stamp


def test_a_merged_file_that_needs_nothing_more_is_no_change_for_the_watcher(
    tmp_path: Path,
) -> None:
    """Once b merged a's file (and had nothing to add, so it did not write it back), the folder
    is no news to b's watcher: it does not merge the same file at every poll."""
    _folder, a, b = _pair(tmp_path)
    with Vault.open_with_password(b, PASSWORD) as vb:
        SyncService(b).sync_now(vb)
    assert not SyncService(b).folder_changed()
    with Vault.open_with_password(a, PASSWORD) as va:
        va.add(Entry(secret="GEZDGNBVGY3TQOJQ", issuer="New on a"))
        assert SyncService(a).sync_now(va).wrote_folder
    assert SyncService(b).folder_changed()  # a's write is news to b ...
    with Vault.open_with_password(b, PASSWORD) as vb:
        result = SyncService(b).sync_now(vb)
        assert result.arrived == 1 and not result.wrote_folder
        assert "New on a" in [e.issuer for e in vb.entries()]
    assert not SyncService(b).folder_changed()  # ... until b merged it
    assert not SyncService(a).folder_changed()  # a wrote it


def _folder_issuers(b: Path) -> list[str]:
    """What the folder holds, as computer b reads it."""
    with Vault.open_with_password(b, PASSWORD) as vb:
        SyncService(b).sync_now(vb)
        return sorted(e.issuer for e in vb.entries())


def test_a_save_of_an_attached_vault_writes_the_folder_before_it_returns_unless_a_writer_takes_it(
    tmp_path: Path,
) -> None:
    from desktop_app.sync import stop_writing_saves, write_saves_with
    from desktop_app.sync.service import attach

    _folder, a, b = _pair(tmp_path)
    with Vault.open_with_password(a, PASSWORD) as va:
        attach(va, a)
        va.add(Entry(secret="GEZDGNBVGY3TQOJQ", issuer="Written by the save"))
        assert "Written by the save" in _folder_issuers(b)  # the command line's way

        calls: list[int] = []
        notify = lambda: calls.append(1)  # noqa: E731
        write_saves_with(a, notify)  # the window's way: its watcher writes it in a worker
        va.add(Entry(secret="MFRGGZDFMZTWQ2LK", issuer="Left to the writer"))
        assert calls == [1]
        assert "Left to the writer" not in _folder_issuers(b)
        SyncService(a).sync_now(va)  # what the writer does
        assert "Left to the writer" in _folder_issuers(b)

        def broken() -> None:
            raise RuntimeError("the window is gone")

        write_saves_with(a, broken)  # a writer that fails: the save writes the folder itself
        va.add(Entry(secret="NBSWY3DPO5XXE3DE", issuer="Written anyway"))
        assert "Written anyway" in _folder_issuers(b)
        stop_writing_saves(a, notify)  # not the registered one: nothing to stop
        va.add(Entry(secret="ONSWG4TFOQ3TQOJQ", issuer="Broken writer dropped"))
        assert "Broken writer dropped" in _folder_issuers(b)
        write_saves_with(a, notify)
        stop_writing_saves(a, notify)
        va.add(Entry(secret="KRUGS4ZANFZSAYJA", issuer="Stopped"))
        assert calls == [1] and "Stopped" in _folder_issuers(b)
