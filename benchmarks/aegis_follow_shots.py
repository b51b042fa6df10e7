"""Screenshots of Settings → Sync → "Follow an Aegis backup folder" (issue 21, the phone bridge):
an encrypted folder chosen (the password asked for), following after the first read, after a
change from the phone, and a damaged backup.

xvfb-run -a python benchmarks/aegis_follow_shots.py OUT_DIR
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import _entries, _services  # noqa: E402


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.sync import aegis_bridge
    from desktop_app.ui.aegis_follow_section import AegisFollowSection
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.settings_dialog import SettingsDialog
    from tests.sync.test_aegis_bridge import Phone

    app = create_app()
    out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def wait(section: AegisFollowSection) -> None:
        deadline = time.monotonic() + 20
        while section.follower.job.busy and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        settle()

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        settle()
        widget.grab().save(str(out / f"{name}.png"))

    tmp = Path(tempfile.mkdtemp())
    folder = tmp / "AegisBackups"
    folder.mkdir()
    phone = Phone(folder, password="phone pw")
    for e in _entries()[:5]:
        phone.add(e.issuer, e.secret, e.name)
    phone.backup(at=time.time() - 120)  # two minutes ago
    laptop = _services(tmp / "laptop")
    laptop.vault.add_many(_entries()[5:])
    win = build_window(laptop)
    win.resize(480, 640)
    dialog = SettingsDialog(laptop, win)
    dialog.resize(760, 900)
    dialog.show_section("Sync")
    section = dialog.sync_page.findChild(AegisFollowSection)
    assert section is not None
    section.folder_edit.setText(str(folder))
    section.password.setText("phone pw")
    shot(dialog, "settings_sync_aegis_choose")
    section.follow_button.click()
    wait(section)
    shot(dialog, "settings_sync_aegis_following")
    shot(section, "aegis_section_following")
    # the phone renames one account, deletes one, adds one: the window's follower reads it
    uuids = list(phone.entries)
    phone.entries[uuids[0]]["name"] = "octocat-phone@example.com"
    del phone.entries[uuids[1]]
    phone.add("Dropbox", "MFRGGZDFMZTWQ2LK", "jane@dropbox.com")
    phone.backup(at=time.time())
    win.aegis_follower.check()
    wait(section)
    section.refresh()
    shot(section, "aegis_section_after_phone_change")
    shot(win, "main_window_after_phone_change")
    # a damaged backup: one line, nothing changed
    bad = phone.backup(at=time.time() + 1)
    bad.write_bytes(bad.read_bytes()[:200])
    with contextlib.suppress(aegis_bridge.FollowError):
        aegis_bridge.pull(laptop.vault, keystore=laptop.keystore)
    section.refresh()
    shot(section, "aegis_section_damaged_backup")
    dialog.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shots/bridge"))
