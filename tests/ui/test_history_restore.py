"""Nothing is ever lost, visibly (issue 21): an edit that lost a conflict is listed in the edit
dialog and restored with one click; a deleted account is restored from Edit → Recently Deleted.
On a synced vault both are changes like any other: they reach the folder and the other computer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from desktop_app.otp.model import Entry
from desktop_app.sync.service import SyncService, attach, detach
from desktop_app.ui.edit_dialog import EditDialog
from desktop_app.ui.recently_deleted import RecentlyDeletedDialog
from desktop_app.vault import Vault
from tests.ui.helpers_main import Recorder, make_window, secret_for, wait_sync_written

pytestmark = pytest.mark.gui

PASSWORD = "shared words"


class Desktop:
    """The other computer, in-process: a vault of its own joined to the same folder (the
    engine's part is played by the folder being one and the same)."""

    def __init__(self, data_dir: Path, folder: Path) -> None:
        self.data_dir = data_dir
        self.service = SyncService(data_dir)
        self.service.join(folder, PASSWORD, use_keyring=False, device_name="desktop")

    def vault(self) -> Vault:
        return Vault.open_with_password(self.data_dir, PASSWORD)

    def sync(self) -> list[Entry]:
        with self.vault() as v:
            self.service.sync_now(v)
            return v.entries()


def _synced(services, tmp_path: Path, *issuers: str) -> tuple[Path, Desktop]:  # type: ignore[no-untyped-def]
    """This computer ("laptop", the window's vault) set up a folder with ``issuers``; every
    save of its vault writes the folder (as the app opens a synced vault); the desktop joined."""
    folder = tmp_path / "Sync"
    folder.mkdir()
    services.vault.add_many([Entry(secret=secret_for(i), issuer=i) for i in issuers])
    data_dir = Path(services.paths.data_dir)
    SyncService(data_dir, services.keystore).setup(services.vault, folder, PASSWORD, "laptop")
    attach(services.vault, data_dir, services.keystore)
    return folder, Desktop(tmp_path / "desktop", folder)


def _by_issuer(entries: list[Entry], issuer: str) -> Entry:
    return next(e for e in entries if e.issuer == issuer)


def test_an_edit_that_lost_a_conflict_is_shown_and_restored_and_the_restore_syncs(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    _folder, desktop = _synced(services, tmp_path, "Bank")
    uuid = services.vault.entries()[0].uuid
    # both computers rename the account; the desktop's edit is the older one
    with desktop.vault() as v:
        v.update(v.get(uuid).with_changes(issuer="Bank (desktop)", note="from the desktop"))
    laptop_dir = Path(services.paths.data_dir)
    service = SyncService(laptop_dir, services.keystore)
    vault = services.vault
    detach(vault)  # edit offline: not yet written to the folder
    vault.update(vault.get(uuid).with_changes(issuer="Bank (laptop)"))
    with desktop.vault() as v:
        desktop.service.sync_now(v)  # the desktop's edit reaches the folder first
    attach(vault, laptop_dir, services.keystore)
    assert service.sync_now(vault).conflicts == 1
    merged = vault.get(uuid)
    assert merged.issuer == "Bank (laptop)" and merged.note == "from the desktop"
    assert _by_issuer(desktop.sync(), "Bank (laptop)").uuid == uuid  # both in step

    window = make_window(services, qtbot, monkeypatch, Recorder())
    assert window.select_uuid(uuid)
    window.lists.edit_current()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog)
    view = dialog.history
    assert view.isVisible()
    rows = [
        [view.tree.topLevelItem(r).text(c) for c in range(4)]
        for r in range(view.tree.topLevelItemCount())
    ]
    assert len(rows) == 1
    field, value, origin, when = rows[0]
    assert (field, value, origin) == ("Issuer", "Bank (desktop)", "desktop")
    assert when  # the time of the desktop's edit, in the locale's short form
    # one click puts the earlier value back, saved at once as the newest edit
    qtbot.mouseClick(view.buttons[0], Qt.MouseButton.LeftButton)
    restored = vault.get(uuid)
    assert restored.issuer == "Bank (desktop)" and restored.note == "from the desktop"
    assert restored.stamp_of("issuer") > merged.stamp_of("issuer")
    assert dialog.issuer_edit.text() == "Bank (desktop)"
    # the value the restore replaced is kept in the history (newest first): undoable
    values = [view.tree.topLevelItem(r).text(1) for r in range(view.tree.topLevelItemCount())]
    assert values == ["Bank (laptop)", "Bank (desktop)"]
    assert view.tree.topLevelItem(0).text(2) == "this computer"
    assert [b.isEnabled() for b in view.buttons] == [True, False]  # the second is the value now
    kept = restored.history[0]
    assert (kept.key, kept.value, kept.stamp) == (
        "issuer",
        "Bank (laptop)",
        merged.stamp_of("issuer"),
    )
    assert kept.lost_to == restored.stamp_of("issuer")  # the restore's own stamp
    # the Save that follows keeps it (nothing else was changed)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert vault.get(uuid).issuer == "Bank (desktop)"
    # the restore goes to the folder after the save (the watcher's worker; done now, without
    # turning the event loop, which would delete the closed dialog this test goes on with)
    window.sync_watcher.flush()
    assert not window.sync_watcher.unwritten
    [on_desktop] = desktop.sync()
    assert on_desktop.issuer == "Bank (desktop)"
    assert "Bank (laptop)" in [h.value for h in on_desktop.history]
    # undo: the kept value restored puts the restore's value into the history in its turn
    qtbot.mouseClick(view.buttons[0], Qt.MouseButton.LeftButton)
    undone = vault.get(uuid)
    assert undone.issuer == "Bank (laptop)" and undone.note == "from the desktop"
    assert undone.history[0].value == "Bank (desktop)"
    window.sync_watcher.flush()
    assert [e.issuer for e in desktop.sync()] == ["Bank (laptop)"]


def test_no_history_no_list(services, qtbot) -> None:
    entry = services.vault.add(Entry(secret=secret_for("plain"), issuer="Plain"))
    dialog = EditDialog(None, services.vault, entry)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.history.isVisible()


def _recently_deleted_action(window):  # type: ignore[no-untyped-def]
    edit_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit"
    )
    assert isinstance(edit_menu, QMenu)
    return next(a for a in edit_menu.actions() if a.text().replace("&", "") == "Recently Deleted…")


def test_a_deleted_account_is_restored_from_recently_deleted_and_reaches_the_folder(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    _folder, desktop = _synced(services, tmp_path, "Keep", "Gone", "Other")
    gone = _by_issuer(services.vault.entries(), "Gone")
    # the desktop deletes it; the laptop's window merges the deletion
    with desktop.vault() as v:
        v.remove(gone.uuid)
        desktop.service.sync_now(v)
    window = make_window(services, qtbot, monkeypatch, Recorder())
    SyncService(Path(services.paths.data_dir), services.keystore).sync_now(services.vault)
    window.reload()
    assert sorted(e.issuer for e in services.vault.entries()) == ["Keep", "Other"]
    # and the laptop deletes one itself
    assert window.select_uuid(_by_issuer(services.vault.entries(), "Other").uuid)
    window.lists.delete_current()
    assert [e.issuer for e in services.vault.entries()] == ["Keep"]

    _recently_deleted_action(window).trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, RecentlyDeletedDialog)
    listed = [
        [dialog.tree.topLevelItem(r).text(c) for c in range(3)]
        for r in range(dialog.tree.topLevelItemCount())
    ]
    # newest deletion first, with where it happened
    assert [(r[0], r[2]) for r in listed] == [("Other", "this computer"), ("Gone", "desktop")]
    assert all(r[1] for r in listed)
    assert not dialog.empty_label.isVisible()
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Restored Gone."
    assert sorted(e.issuer for e in services.vault.entries()) == ["Gone", "Keep"]
    assert services.vault.get(gone.uuid).secret == gone.secret
    assert [
        dialog.tree.topLevelItem(r).text(0) for r in range(dialog.tree.topLevelItemCount())
    ] == ["Other"]
    assert window.model.rowCount() == 2  # the window's list shows it again
    # the restore was written to the folder after the save: the desktop has it back too
    wait_sync_written(qtbot, window.sync_watcher)
    assert sorted(e.issuer for e in desktop.sync()) == ["Gone", "Keep"]
    # the last one, by double click; then the empty state
    item = dialog.tree.topLevelItem(0)
    rect = dialog.tree.visualItemRect(item)
    qtbot.mouseClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sorted(e.issuer for e in services.vault.entries()) == ["Gone", "Keep", "Other"]
    assert dialog.empty_label.isVisible() and not dialog.tree.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_an_account_that_can_no_longer_be_restored_is_one_line_and_nothing_changes(
    services, qtbot
) -> None:
    entry = services.vault.add(Entry(secret=secret_for("x"), issuer="Twice"))
    services.vault.remove(entry.uuid)
    dialog = RecentlyDeletedDialog(None, services.vault)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tree.topLevelItemCount() == 1
    # meanwhile its record goes (as compaction drops it after 30 days)
    services.vault.transact(lambda fresh: type(fresh)(fresh.entries, {}))
    before = [e.uuid for e in services.vault.entries()]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    text = dialog.message.text()
    assert text.startswith("Nothing was restored") and "\n" not in text
    assert [e.uuid for e in services.vault.entries()] == before
    assert dialog.empty_label.isVisible()
