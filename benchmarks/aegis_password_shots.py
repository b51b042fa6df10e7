"""Screenshots of Settings → Sync → "Follow an Aegis backup folder" when the phone's backups
turned encrypted while followed (issue 21): the section asking for the password, the same with a
wrong one typed, the password changed on the phone, and the main window's toast.

    xvfb-run -a python benchmarks/aegis_password_shots.py OUT_DIR

Light and dark, at 100 % and 200 % (QT_SCALE_FACTOR=2), English and German (child processes).
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import _entries, _services, main_over_variants  # noqa: E402


def render(out: Path, suffix: str, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from desktop_app.sync import aegis_bridge
    from desktop_app.ui.aegis_follow_section import AegisFollowSection
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.settings_dialog import SettingsDialog
    from desktop_app.ui.theme import apply_theme
    from tests.sync.test_aegis_bridge import Phone

    app = create_app([sys.argv[0]])
    install_translations(app, language)
    saved: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            QApplication.processEvents()

    def wait(section: AegisFollowSection) -> None:
        deadline = time.monotonic() + 20
        while section.follower.job.busy and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        settle()

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        settle()
        path = out / f"{name}_{language}_{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    for theme in ("light", "dark"):
        apply_theme(app, theme)
        tmp = Path(tempfile.mkdtemp())
        folder = tmp / "AegisBackups"
        folder.mkdir()
        phone = Phone(folder)
        for e in _entries()[:4]:
            phone.add(e.issuer, e.secret, e.name)
        phone.backup(at=time.time() - 600)
        laptop = _services(tmp / "laptop")
        assert laptop.vault is not None
        aegis_bridge.follow(laptop.vault, folder, keystore=laptop.keystore)
        win = build_window(laptop)
        win.resize(480, 640)
        win.show()
        settle()
        phone.password = "phone pw"  # the phone turns on encrypted backups
        phone.backup(at=time.time())
        deadline = time.monotonic() + 20  # the window's own first read may be running
        while not aegis_bridge.password_needed(laptop.vault.data_dir):
            if time.monotonic() > deadline:
                raise SystemExit("the window's follower did not read the encrypted backup")
            win.aegis_follower.check()  # nothing while a read runs
            QApplication.processEvents()
            time.sleep(0.01)
        settle()
        save(win, f"aegis_now_encrypted_toast_{theme}")
        dialog = SettingsDialog(laptop, win)
        dialog.resize(760, 900)
        dialog.show_section("Sync")
        section = dialog.sync_page.findChild(AegisFollowSection)
        assert section is not None
        save(dialog, f"settings_sync_aegis_password_needed_{theme}")
        save(section, f"aegis_section_password_needed_{theme}")
        section.password.setText("wrong")
        section.follow_button.click()
        wait(section)
        save(section, f"aegis_section_password_wrong_{theme}")
        section.password.setText("phone pw")
        section.follow_button.click()
        wait(section)
        save(section, f"aegis_section_password_given_{theme}")
        phone.password = "a new phone pw"  # then changed on the phone
        phone.backup(at=time.time() + 1)
        with contextlib.suppress(aegis_bridge.FollowError):
            aegis_bridge.pull(laptop.vault, keystore=laptop.keystore)
        section.refresh()
        save(section, f"aegis_section_password_changed_{theme}")
        dialog.close()
        win.close()
        laptop.close()
    return saved


def main() -> int:
    return main_over_variants(__file__, __doc__ or "", render)


if __name__ == "__main__":
    raise SystemExit(main())
