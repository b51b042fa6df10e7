"""Settings → Sync, the status line and the folder watcher, with a second computer in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, Qt

from desktop_app.otp.model import Entry
from desktop_app.sync import FOLDER_FILE
from desktop_app.sync.service import SyncService
from desktop_app.ui.accounts_model import ROLE_ENTRY
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.sync_page import SyncPage, SyncStatusLine, SyncWatcher
from desktop_app.vault import Vault
from tests.ui.helpers_main import Recorder, make_window, secret_for, wait_sync_written

pytestmark = pytest.mark.gui


def test_setup_through_the_page_then_an_add_from_another_computer_arrives(
    services, qtbot, tmp_path: Path
) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    services.vault.add(Entry(secret="JBSWY3DPEHPK3PXP", issuer="GitHub"))
    watcher = SyncWatcher(services)
    line = SyncStatusLine(watcher)
    page = SyncPage(services, watcher)
    qtbot.addWidget(page)
    qtbot.addWidget(line)
    page.show()
    page.folder_edit.setText(str(folder))
    qtbot.keyClicks(page.password, "shared secret words")
    qtbot.keyClicks(page.confirm, "shared secret words")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    # the setup (scrypt, the folder write) runs in a worker: the page is busy meanwhile
    assert page.job.busy and not page.start_button.isEnabled()
    assert not page.password.isEnabled() and page.message.text().startswith("Moving")
    qtbot.waitUntil(lambda: not page.job.busy, timeout=10_000)
    assert page.start_button.isEnabled()
    assert (folder / FOLDER_FILE).exists(), page.message.text()
    assert line.text().startswith("In step")
    assert page.now_button.isVisible() and not page.start_button.isVisible()
    assert watcher.active

    # another computer joins, adds an account and writes the folder
    other_dir = tmp_path / "desktop"
    other = SyncService(other_dir)
    other.join(folder, "shared secret words", use_keyring=False, device_name="desktop")
    vault_b = Vault.open_with_password(other_dir, "shared secret words")
    try:
        vault_b.add(Entry(secret="GEZDGNBVGY3TQOJQ", issuer="FromDesktop"))
        other.sync_now(vault_b)
    finally:
        vault_b.close()
    with qtbot.waitSignal(watcher.arrived, timeout=10_000) as arrived:
        pass  # the folder watcher (debounced) merges it
    assert arrived.args == [1]
    assert sorted(e.issuer for e in services.vault.entries()) == ["FromDesktop", "GitHub"]
    assert "last change from desktop" in line.text()


def test_a_wrong_password_on_join_changes_nothing(services, qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    first_dir = tmp_path / "laptop"
    first = Vault.open_with_password(first_dir, "pw-laptop")
    try:
        SyncService(first_dir).setup(first, folder, "pw-laptop", "laptop")
    finally:
        first.close()
    page = SyncPage(services, None)
    qtbot.addWidget(page)
    page.show()
    page.folder_edit.setText(str(folder))
    assert page.start_button.text() == "Join" and not page.confirm.isVisible()
    vault_id = services.vault.vault_id
    qtbot.keyClicks(page.password, "wrong")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.job.busy and page.message.text().startswith("Joining")
    qtbot.waitUntil(lambda: not page.job.busy, timeout=10_000)
    message = page.message.text()
    assert "Wrong password" in message and "\n" not in message
    assert "wrong" not in message.replace("Wrong", "")  # the typed password is not shown
    assert services.vault.vault_id == vault_id
    assert not (Path(services.paths.data_dir) / "sync" / "sync.json").exists()


def _laptop_folder(tmp_path: Path, *issuers: str) -> Path:
    """Another computer ("laptop") set up ``tmp_path/Sync`` with ``issuers``' accounts."""
    folder = tmp_path / "Sync"
    folder.mkdir()
    laptop_dir = tmp_path / "laptop"
    laptop = Vault.open_with_password(laptop_dir, "pw-laptop")
    try:
        laptop.add_many([Entry(secret=secret_for(i), issuer=i) for i in issuers])
        SyncService(laptop_dir).setup(laptop, folder, "pw-laptop", "laptop")
    finally:
        laptop.close()
    return folder


def _issuers(window) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(
        window.model.index(r).data(ROLE_ENTRY).issuer for r in range(window.model.rowCount())
    )


def test_joining_from_settings_the_window_follows_the_joined_vault(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    folder = _laptop_folder(tmp_path, "FromLaptop", "Shared")
    services.vault.add(Entry(secret=secret_for("local"), issuer="Local"))
    recorder = Recorder()
    window = make_window(services, qtbot, monkeypatch, recorder)
    old = services.vault
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.show_section("Sync")
    dialog.show()
    page = dialog.sync_page
    page.folder_edit.setText(str(folder))
    assert page.start_button.text() == "Join"
    qtbot.keyClicks(page.password, "pw-laptop")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.job.busy and not page.start_button.isEnabled() and not page.folder_edit.isEnabled()
    qtbot.waitUntil(lambda: not page.job.busy, timeout=10_000)
    assert page.message.text().startswith("Joined: 3 accounts"), page.message.text()
    assert services.vault is not old
    assert page.now_button.isVisible() and page.now_button.isEnabled()
    # the window shows the joined vault's accounts ...
    assert _issuers(window) == ["FromLaptop", "Local", "Shared"]
    assert recorder.informed == []
    # ... its add and remove reach the joined vault (and the folder through it)
    window.adding.save_entries([Entry(secret=secret_for("added"), issuer="AddedAfterJoin")])
    assert "AddedAfterJoin" in [e.issuer for e in services.vault.entries()]
    assert window.select_uuid(
        next(e.uuid for e in services.vault.entries() if e.issuer == "Shared")
    )
    window.lists.delete_current()
    assert sorted(e.issuer for e in services.vault.entries()) == [
        "AddedAfterJoin",
        "FromLaptop",
        "Local",
    ]
    assert _issuers(window) == ["AddedAfterJoin", "FromLaptop", "Local"]
    # the laptop sees both changes in the folder (written in the watcher's worker after each save)
    wait_sync_written(qtbot, window.sync_watcher)
    laptop = Vault.open_with_password(tmp_path / "laptop", "pw-laptop")
    try:
        SyncService(tmp_path / "laptop").sync_now(laptop)
        assert sorted(e.issuer for e in laptop.entries()) == [
            "AddedAfterJoin",
            "FromLaptop",
            "Local",
        ]
    finally:
        laptop.close()
    # another process's save of the joined vault reaches the window (the vault watch follows)
    other = Vault.open(Path(services.paths.data_dir), keystore=services.keystore)
    try:
        other.add(Entry(secret=secret_for("cli"), issuer="FromTerminal"))
    finally:
        other.close()
    qtbot.waitUntil(lambda: "FromTerminal" in _issuers(window), timeout=10_000)
    assert recorder.informed == []


def test_sync_now_runs_in_a_worker_and_reports_arrivals(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    folder = _laptop_folder(tmp_path, "FromLaptop")
    window = make_window(services, qtbot, monkeypatch, Recorder())
    page = SyncPage(services, window.sync_watcher, host=window)
    qtbot.addWidget(page)
    page.show()
    page.folder_edit.setText(str(folder))
    qtbot.keyClicks(page.password, "pw-laptop")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.job.busy, timeout=10_000)
    laptop = Vault.open_with_password(tmp_path / "laptop", "pw-laptop")
    try:
        laptop.add(Entry(secret=secret_for("later"), issuer="Later"))
        SyncService(tmp_path / "laptop").sync_now(laptop)
    finally:
        laptop.close()
    with qtbot.waitSignal(window.sync_watcher.arrived, timeout=10_000) as arrived:
        qtbot.mouseClick(page.now_button, Qt.MouseButton.LeftButton)
        assert page.job.busy and not page.now_button.isEnabled()
        assert window.sync_watcher.held  # the watcher's own merge waits for this one
    assert arrived.args == [1]
    qtbot.waitUntil(lambda: not page.job.busy, timeout=10_000)
    assert page.message.text() == "1 account arrived from another computer."
    assert not window.sync_watcher.held
    assert _issuers(window) == ["FromLaptop", "Later"]
    # the folder gone: one line, the page usable again
    (folder / FOLDER_FILE).rename(folder / "moved.json")
    qtbot.mouseClick(page.now_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.job.busy, timeout=10_000)
    assert page.message.text() and "\n" not in page.message.text()
    assert page.now_button.isEnabled()


def _laptop_writes(tmp_path: Path, issuer: str) -> None:
    laptop = Vault.open_with_password(tmp_path / "laptop", "pw-laptop")
    try:
        laptop.add(Entry(secret=secret_for(issuer), issuer=issuer))
        SyncService(tmp_path / "laptop").sync_now(laptop)
    finally:
        laptop.close()


def test_the_watchers_merges_run_in_a_worker_one_at_a_time_and_a_later_change_follows(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    import threading

    from desktop_app.ui import sync_page

    folder = _laptop_folder(tmp_path, "FromLaptop")
    window = make_window(services, qtbot, monkeypatch, Recorder())
    watcher = window.sync_watcher
    assert watcher.join(folder, "pw-laptop")
    qtbot.waitUntil(lambda: not watcher.work.busy, timeout=10_000)
    assert _issuers(window) == ["FromLaptop"]
    here = Path(services.paths.data_dir)

    # the first merge reads the folder, then waits in its worker until released
    entered, release = threading.Event(), threading.Event()
    gather = SyncService._gather

    def gated(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        found = gather(self, *args, **kwargs)
        if Path(self.data_dir) == here and not entered.is_set():
            entered.set()
            assert release.wait(10)
        return found

    monkeypatch.setattr(SyncService, "_gather", gated)
    runs: list[str] = []
    merge = sync_page._merge_if_changed

    def counted(service, vault):  # type: ignore[no-untyped-def]
        runs.append("start")
        try:
            return merge(service, vault)
        finally:
            runs.append("end")

    monkeypatch.setattr(sync_page, "_merge_if_changed", counted)

    _laptop_writes(tmp_path, "First")
    watcher.check()
    # check() returned while the merge runs: it is the job's, in a worker
    assert watcher.job.busy
    assert entered.wait(10)
    qtbot.wait(50)  # the GUI thread turns its event loop meanwhile
    assert watcher.job.busy and "First" not in _issuers(window)

    # another change arrives while that merge runs (the engine left it as a conflict copy)
    _laptop_writes(tmp_path, "Second")
    copy = folder / "desktop-authenticator-vault.sync-conflict-20261207-120000-ABCDEFG.json"
    copy.write_bytes((folder / FOLDER_FILE).read_bytes())
    watcher.check()
    assert watcher.pending  # queued behind the running merge, not a second one at once
    assert runs == ["start"]

    release.set()
    qtbot.waitUntil(lambda: "Second" in _issuers(window), timeout=10_000)
    qtbot.waitUntil(lambda: not watcher.job.busy and not watcher.pending, timeout=10_000)
    assert _issuers(window) == ["First", "FromLaptop", "Second"]
    assert sorted(e.issuer for e in services.vault.entries()) == ["First", "FromLaptop", "Second"]
    assert len(runs) >= 4 and runs == ["start", "end"] * (len(runs) // 2)  # never two at once
    assert not copy.exists()  # merged, then moved to the backup folder


def test_closing_settings_during_a_join_still_puts_the_joined_vault_in_place(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    import threading

    from desktop_app.ui import sync_page

    folder = _laptop_folder(tmp_path, "FromLaptop", "Shared")
    services.vault.add(Entry(secret=secret_for("local"), issuer="Local"))
    window = make_window(services, qtbot, monkeypatch, Recorder())
    old = services.vault
    release, joined_here = threading.Event(), threading.Event()
    join = sync_page._join

    def slow_join(*args):  # type: ignore[no-untyped-def]
        joined = join(*args)  # the folder joined, the vault file replaced ...
        joined_here.set()
        assert release.wait(10)  # ... and the outcome not yet delivered
        return joined

    monkeypatch.setattr(sync_page, "_join", slow_join)
    dialog = SettingsDialog(services, window)
    dialog.show_section("Sync")
    dialog.show()
    page = dialog.sync_page
    page.folder_edit.setText(str(folder))
    qtbot.keyClicks(page.password, "pw-laptop")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert page.job.busy and page.message.text().startswith("Joining")
    watcher = window.sync_watcher
    assert joined_here.wait(10)
    _laptop_writes(tmp_path, "DuringJoin")
    watcher.check()  # a folder change noticed during the join waits for it
    assert watcher.pending and not watcher.job.busy
    with qtbot.waitSignal(dialog.destroyed, timeout=5_000):
        dialog.close()
        dialog.deleteLater()
    release.set()
    qtbot.waitUntil(lambda: services.vault is not old, timeout=10_000)
    assert {"FromLaptop", "Local", "Shared"} <= set(_issuers(window))
    # the waiting merge ran after the swap, on the joined vault: no problem to tell
    qtbot.waitUntil(lambda: "DuringJoin" in _issuers(window), timeout=10_000)
    qtbot.waitUntil(lambda: not watcher.pending and not watcher.job.busy, timeout=10_000)
    assert watcher.active and not watcher.held
    assert window.sync_status.text().startswith("In step"), window.sync_status.text()
    assert SyncService(Path(services.paths.data_dir)).status()["problem"] == ""
    # the window keeps following the joined vault: another process's save reaches the list
    other = Vault.open(Path(services.paths.data_dir), keystore=services.keystore)
    try:
        other.add(Entry(secret=secret_for("cli"), issuer="FromTerminal"))
    finally:
        other.close()
    qtbot.waitUntil(lambda: "FromTerminal" in _issuers(window), timeout=10_000)


def test_a_window_save_writes_the_folder_in_the_watchers_worker_and_a_due_write_is_done_at_quit(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    import threading

    from desktop_app.sync.service import attach

    folder = _laptop_folder(tmp_path, "FromLaptop")
    laptop_dir = tmp_path / "laptop"
    data_dir = Path(services.paths.data_dir)
    SyncService(data_dir).join(folder, "pw-laptop", vault=services.vault, use_keyring=False)
    services.vault.close()
    services.vault = Vault.open_with_password(data_dir, "pw-laptop")
    attach(services.vault, data_dir)  # as the app opens a synced vault
    window = make_window(services, qtbot, monkeypatch, Recorder())
    watcher = window.sync_watcher
    watcher.restart()  # (else after the first frame)
    writers: list[bool] = []
    write = SyncService._write_folder

    def recorded(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        writers.append(threading.current_thread() is threading.main_thread())
        return write(self, *args, **kwargs)

    monkeypatch.setattr(SyncService, "_write_folder", recorded)
    before = (folder / FOLDER_FILE).read_bytes()

    def on_laptop() -> list[str]:
        laptop = Vault.open_with_password(laptop_dir, "pw-laptop")
        try:
            SyncService(laptop_dir).sync_now(laptop)
            return sorted(e.issuer for e in laptop.entries())
        finally:
            laptop.close()

    window.adding.save_entries([Entry(secret=secret_for("added"), issuer="Added")])
    # the save returned with the account saved here, and the folder not written yet
    assert "Added" in [e.issuer for e in services.vault.entries()]
    assert (folder / FOLDER_FILE).read_bytes() == before and writers == []
    assert watcher.unwritten
    wait_sync_written(qtbot, watcher)
    assert writers == [False]  # written in a worker, not on the GUI thread
    assert on_laptop() == ["Added", "FromLaptop"]

    # a save whose write has not started when the app quits: written before the vault closes
    window.adding.save_entries([Entry(secret=secret_for("late"), issuer="Late")])
    assert watcher.unwritten and not watcher.job.busy
    app = QCoreApplication.instance()
    assert app is not None
    hooked = app.receivers(SIGNAL("aboutToQuit()"))
    SyncWatcher(services, window, start=False)  # each watcher's flush runs at the app's quit
    assert app.receivers(SIGNAL("aboutToQuit()")) == hooked + 1
    watcher.flush()  # (what the app's aboutToQuit calls)
    assert not watcher.unwritten and writers == [False, True]
    assert on_laptop() == ["Added", "FromLaptop", "Late"]
    wait_sync_written(qtbot, watcher)  # the queued check finds nothing left to write
    assert writers == [False, True]


def test_after_setup_from_settings_the_windows_saves_reach_the_folder_once_each(
    services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    folder = tmp_path / "Sync"
    folder.mkdir()
    window = make_window(services, qtbot, monkeypatch, Recorder())
    watcher = window.sync_watcher
    page = SyncPage(services, watcher, host=window)
    qtbot.addWidget(page)
    page.show()
    page.folder_edit.setText(str(folder))
    qtbot.keyClicks(page.password, "shared secret words")
    qtbot.keyClicks(page.confirm, "shared secret words")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.job.busy, timeout=10_000)
    assert (folder / FOLDER_FILE).exists(), page.message.text()
    writes: list[int] = []
    write = SyncService._write_folder

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        writes.append(1)
        return write(self, *args, **kwargs)

    monkeypatch.setattr(SyncService, "_write_folder", counted)
    window.adding.save_entries([Entry(secret=secret_for("after setup"), issuer="AfterSetup")])
    wait_sync_written(qtbot, watcher)
    assert writes == [1]  # written, and once (setting up again would not attach twice)
    other_dir = tmp_path / "desktop"
    SyncService(other_dir).join(folder, "shared secret words", use_keyring=False)
    other = Vault.open_with_password(other_dir, "shared secret words")
    try:
        assert "AfterSetup" in [e.issuer for e in other.entries()]
    finally:
        other.close()


def test_a_notice_keeps_clear_of_the_sync_status_line(services, qtbot, monkeypatch) -> None:
    window = make_window(services, qtbot, monkeypatch, Recorder())
    window.resize(480, 640)
    window.sync_status.show_status("In step · last change from laptop just now")
    qtbot.waitUntil(lambda: window.sync_status.isVisible() and window.sync_status.height() > 0)
    window.notice("1 account arrived from another computer")
    toast = window.pages.toast
    assert toast.isVisible()
    assert toast.geometry().bottom() < window.sync_status.geometry().top()
    window.sync_status.show_status("")  # no status line: the notice sits at the bottom again
    window.notice("Copied")
    assert toast.geometry().bottom() > window.sync_status.geometry().top()
