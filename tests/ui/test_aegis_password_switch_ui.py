"""Settings → Sync → "Follow an Aegis backup folder" when the phone's backups turn encrypted
while followed: the window says so once (a toast), the section asks for the password where the
follow set-up does, and one click with it brings the phone's changes of the meantime in."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.app import AppServices
from desktop_app.sync import aegis_bridge
from desktop_app.ui.aegis_follow_section import AegisFollowSection
from desktop_app.ui.settings_dialog import SettingsDialog
from tests.sync.test_aegis_bridge import SECRETS, Phone
from tests.ui.helpers_main import Recorder, make_window

pytestmark = pytest.mark.gui


def _names(services: AppServices) -> list[tuple[str, str]]:
    assert services.vault is not None
    return sorted((e.issuer, e.name) for e in services.vault.entries())


def test_backups_turned_encrypted_are_asked_for_once_and_read_with_one_click(
    services: AppServices, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "AegisBackups"
    folder.mkdir()
    phone = Phone(folder)
    github = phone.add("GitHub", SECRETS[0])
    mail = phone.add("Mail", SECRETS[1])
    phone.backup()
    window = make_window(services, qtbot, monkeypatch, Recorder())
    notices: list[str] = []
    monkeypatch.setattr(window, "notice", notices.append)
    follower = window.aegis_follower
    dialog = SettingsDialog(services, window)
    qtbot.addWidget(dialog)
    dialog.show_section("Sync")
    dialog.show()
    section = dialog.sync_page.findChild(AegisFollowSection)
    assert section is not None and section.follower is follower
    section.folder_edit.setText(str(folder))
    assert not section.password.isVisible()  # plain backups: no password
    qtbot.mouseClick(section.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert _names(services) == [("GitHub", "me"), ("Mail", "me")]
    assert not section.follow_button.isVisible() and section.stop_button.isVisible()

    # the phone turns on encryption, renames one account and deletes the other
    phone.password = "phone pw"
    phone.entries[github]["name"] = "octocat"
    del phone.entries[mail]
    phone.backup(at=time.time())
    follower.check()
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert notices[-1:] == ["Aegis backups need their password: see Settings → Sync"]
    assert section.status.text().startswith("The phone's backups are encrypted now")
    assert section.password.isVisible() and section.password_label.isVisible()
    assert section.follow_button.isVisible() and section.follow_button.text() == "Use Password"
    assert section.stop_button.isVisible()  # still followed
    assert _names(services) == [("GitHub", "me"), ("Mail", "me")]  # nothing changed
    told = len(notices)
    follower.check()  # the next poll: the same state, no second toast
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert len(notices) == told

    qtbot.keyClicks(section.password, "wrong")
    qtbot.mouseClick(section.follow_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert section.message.text().startswith("Nothing changed: Wrong password")
    assert section.follow_button.text() == "Use Password"

    qtbot.keyClicks(section.password, "phone pw")
    qtbot.keyClick(section.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not follower.job.busy, timeout=10_000)
    assert section.message.text().startswith("Following the folder"), section.message.text()
    assert _names(services) == [("GitHub", "octocat")]  # the deletion too: the base was kept
    assert section.status.text().endswith("just now: 1 changed, 1 removed")
    assert not section.password.isVisible() and section.password.text() == ""
    assert not section.follow_button.isVisible() and section.stop_button.isVisible()
    vault = services.vault
    assert vault is not None
    assert services.keystore.get(aegis_bridge.password_item(vault.vault_id)) == "phone pw"
