"""Settings → Sync → "Follow an Aegis backup folder", clicked: the window's follower reads the
phone's backups when the folder changes (real Aegis files, tests/sync/test_aegis_bridge.py)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from desktop_app.app import AppServices
from desktop_app.sync import aegis_bridge
from tests.sync.test_aegis_bridge import SECRETS, Phone

pytestmark = pytest.mark.gui


def _issuers(services: AppServices) -> list[str]:
    assert services.vault is not None
    return sorted(e.issuer for e in services.vault.entries())


def test_follow_an_encrypted_folder_from_settings_then_the_window_reads_new_backups(
    services: AppServices, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt  # imported here: the suite collects without PySide6

    from desktop_app.ui.aegis_follow_section import AegisFollowSection
    from desktop_app.ui.settings_dialog import SettingsDialog
    from tests.ui.helpers_main import Recorder, make_window

    folder = tmp_path / "AegisBackups"
    folder.mkdir()
    phone = Phone(folder, password="phone pw")
    github = phone.add("GitHub", SECRETS[0])
    phone.add("Mail", SECRETS[1])
    phone.backup()
    recorder = Recorder()
    window = make_window(services, qtbot, monkeypatch, recorder)
    notices: list[str] = []
    monkeypatch.setattr(window, "notice", notices.append)
    follower = window.aegis_follower
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.show_section("Sync")
    dialog.show()
    section = dialog.sync_page.findChild(AegisFollowSection)
    assert section is not None and section.follower is follower
    assert not section.stop_button.isVisible() and section.status.text() == ""
    section.folder_edit.setText(str(folder))
    assert section.password.isVisible()  # the newest backup is encrypted
    # a wrong password: one line, nothing changed, nothing followed
    qtbot.keyClicks(section.password, "wrong")
    qtbot.mouseClick(section.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert section.message.text().startswith("Nothing changed: Wrong password")
    assert _issuers(services) == [] and not aegis_bridge.is_following(services.paths.data_dir)
    # the right one
    qtbot.keyClicks(section.password, "phone pw")
    qtbot.mouseClick(section.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert section.message.text().startswith("Following the folder"), section.message.text()
    assert _issuers(services) == ["GitHub", "Mail"]
    assert section.stop_button.isVisible() and not section.follow_button.isVisible()
    assert not section.password.isVisible() and section.password.text() == ""
    assert section.status.text().startswith("Read aegis-backup-")
    assert section.status.text().endswith("just now: 2 added")
    assert follower.active

    # the phone changes an account and writes a new backup: the window's watcher reads it
    phone.entries[github]["name"] = "octocat"
    newest = phone.backup(at=time.time())
    vault = services.vault
    assert vault is not None
    qtbot.waitUntil(lambda: vault.get(github).name == "octocat", timeout=10_000)
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert notices == ["From the phone: 1 changed"]
    assert section.status.text().startswith(f"Read {newest.name} just now: 1 changed")

    qtbot.mouseClick(section.stop_button, Qt.MouseButton.LeftButton)
    assert not aegis_bridge.is_following(services.paths.data_dir)
    assert not follower.active and section.follow_button.isVisible()
    assert "no longer followed" in section.message.text()
    assert services.keystore.get(aegis_bridge.password_item(vault.vault_id)) is None
    assert _issuers(services) == ["GitHub", "Mail"]
