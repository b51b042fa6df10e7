"""Settings → Sync, the status line and the folder watcher, with a second computer in-process."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_app.otp.model import Entry
from desktop_app.sync.folder import FOLDER_FILE
from desktop_app.sync.service import SyncService
from desktop_app.ui.sync_page import SyncPage, SyncStatusLine, SyncWatcher
from desktop_app.vault import Vault

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
    assert "Wrong password" in page.message.text()
    assert services.vault.vault_id == vault_id
    assert not (Path(services.paths.data_dir) / "sync" / "sync.json").exists()
