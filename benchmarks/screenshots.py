"""Render the GUI offscreen into PNGs, to look at, and the AppStream screenshots.

    python benchmarks/screenshots.py OUT_DIR        # every window, 100 % and 200 %, into OUT_DIR
    python benchmarks/screenshots.py --appstream    # the AppStream set into resources/screenshots/

The AppStream set (100 %, named in resources/net.emnify.DesktopAuthenticator.metainfo.xml, which
the .deb ships): the main window in light and dark, the add dialog and the settings dialog.

Produces, at 100 % and 200 % scaling (QT_SCALE_FACTOR=2, in a child process), light and dark:
the main window with realistic accounts, the empty state, the add dialog (plain, advanced, with
an error), the confirm dialog (one / many with a duplicate and a skipped entry), the edit
dialog, the settings dialog (General, Security), the password dialog and the locked window.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop_app.settings import SHOW_NEXT_CODE

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _secret(seed: str) -> str:
    return base64.b32encode(hashlib.sha1(seed.encode()).digest()).decode().rstrip("=")


def _entries():  # type: ignore[no-untyped-def]
    from desktop_app.otp.model import Entry, OtpType

    return [
        Entry(_secret("gh"), "GitHub", "octocat@example.com"),
        Entry(_secret("go"), "Google", "jane.doe@gmail.com"),
        Entry(_secret("em"), "emnify", "ops-team@emnify.com", digits=8),
        Entry(_secret("ms"), "Microsoft", "jane.doe@outlook.com"),
        Entry(_secret("aws"), "Amazon Web Services", "root-account (prod-eu-central-1)"),
        Entry(_secret("st"), "Steam", "gaben", type=OtpType.STEAM, digits=5),
        Entry(_secret("bk"), "Sparkasse", "Online banking card", type=OtpType.HOTP, counter=12),
        Entry(_secret("sl"), "Slack", "jane@a-very-long-company-name-workspace.slack.com"),
    ]


def _services(folder: Path, password: str | None = None):  # type: ignore[no-untyped-def]
    from desktop_app.app import AppServices
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings
    from desktop_app.vault import KeyStore, Vault

    paths = AppPaths.resolve(folder)
    paths.ensure()
    keystore = KeyStore.memory()
    svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=keystore)
    svc.vault = Vault.open(folder, keystore=keystore)
    if password:
        svc.vault.use_password(password)
    return svc


def render(out: Path, suffix: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.vault import crypto

    cheap = crypto.ScryptCost(n=2**10, r=8, p=1)  # screenshots only: a cheap password slot
    crypto.KDF_POLICY = crypto.KdfPolicy(write=cheap, accepted=frozenset({cheap}))
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.otp.migration import SkippedEntry
    from desktop_app.otp.model import Entry
    from desktop_app.ui.add_dialog import AddDialog
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.confirm_dialog import ConfirmDialog
    from desktop_app.ui.edit_dialog import EditDialog
    from desktop_app.ui.settings_dialog import SettingsDialog
    from desktop_app.ui.theme import apply_theme
    from desktop_app.ui.unlock_dialog import REASON_NO_KEYRING, PasswordDialog

    app = create_app()
    written: list[Path] = []

    def shot(widget: QWidget, name: str) -> None:
        widget.show()
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}_{suffix}.png"
        widget.grab().save(str(path))
        written.append(path)

    for theme in ("light", "dark"):
        apply_theme(app, theme)
        tmp = Path(tempfile.mkdtemp())
        svc = _services(tmp / "full")
        svc.vault.add_many(_entries())
        svc.settings.set(SHOW_NEXT_CODE, False)
        win = build_window(svc)
        win.resize(560, 700)
        win.show()
        app.processEvents()
        rows = win.proxy.rowCount()
        win.view.setCurrentIndex(win.proxy.index(1, 0))
        win.model.toggle_next(win.model.entry_at(2).uuid)
        QGuiApplication.clipboard().clear()
        win.lists.copy_index(win.proxy.index(1, 0))
        shot(win, f"main_{theme}")
        win.search.setText("goo")
        shot(win, f"main_search_{theme}")
        win.search.clear()
        assert rows == 8

        if theme == "light":
            add = AddDialog(win)
            shot(add, "add_dialog")
            add.advanced_toggle.setChecked(True)
            add.issuer_edit.setText("Example")
            add.secret_edit.setText("abc")
            add.accept()
            shot(add, "add_dialog_error")
            add.close()
            link = AddDialog(
                win, link="otpauth://totp/ACME:john@example.com?secret=JBSWY3DPEHPK3PXP"
            )
            shot(link, "add_dialog_link")
            link.close()

        assert svc.vault is not None
        existing = svc.vault.entries()[0]
        single = ConfirmDialog(
            win, svc.vault, [Entry(_secret("new"), "Dropbox", "jane@example.com")]
        )
        shot(single, f"confirm_single_{theme}")
        single.close()
        many = ConfirmDialog(
            win,
            svc.vault,
            [
                existing.with_changes(uuid="dup-1", issuer="GitHub (old phone)"),
                Entry(_secret("g1"), "Google", "work@example.com"),
                Entry(_secret("g2"), "Twitch", "streamer42"),
            ],
            [SkippedEntry("Legacy VPN", "MD5 codes are not supported")],
            progress="2 of 3 scanned — scan code 3 too, or add these now",
        )
        shot(many, f"confirm_many_{theme}")
        many.close()
        edit = EditDialog(win, svc.vault, svc.vault.entries()[6])
        shot(edit, f"edit_dialog_{theme}")
        edit.close()
        settings = SettingsDialog(svc, win)
        shot(settings, f"settings_general_{theme}")
        settings.show_section("Security")
        shot(settings, f"settings_security_{theme}")
        settings.show_section("emnify account")
        shot(settings, f"settings_emnify_{theme}")
        settings.close()
        win.close()
        svc.close()

        empty = _services(tmp / "empty")
        ewin = build_window(empty)
        ewin.resize(560, 700)
        shot(ewin, f"empty_{theme}")
        ewin.close()
        empty.close()

        if theme == "light":
            pw = PasswordDialog(None, mode="create", reason=REASON_NO_KEYRING)
            shot(pw, "password_create")
            pw.close()
            unlock = PasswordDialog(
                None, mode="unlock", error="Wrong password, or the file was changed."
            )
            shot(unlock, "password_unlock")
            unlock.close()
            locked_svc = _services(tmp / "locked", password="correct horse battery")
            lwin = build_window(locked_svc)
            lwin.resize(560, 500)
            lwin.show()
            lwin.lock()
            shot(lwin, "locked")
            lwin.close()
            locked_svc.close()
    QApplication.processEvents()
    return written


APPSTREAM_DIR = ROOT / "resources" / "screenshots"
# rendered name (100 %) -> file name in resources/screenshots/
APPSTREAM_SHOTS = {
    "main_light_100.png": "main.png",
    "main_dark_100.png": "main-dark.png",
    "add_dialog_100.png": "add-account.png",
    "settings_general_light_100.png": "settings.png",
}


def main_over_variants(script: str, doc: str, render) -> int:  # type: ignore[no-untyped-def]
    """``main()`` of a screenshot script whose ``render(out, suffix, language)`` draws one variant:
    each of 100 % English, 200 % English and 100 % German runs in a child process of ``script``
    (QT_SCALE_FACTOR must be set before Qt starts)."""
    if len(sys.argv) < 2:
        print(doc)
        return 2
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    if os.environ.get("_SHOTS_CHILD"):
        suffix, language = os.environ["_SHOTS_CHILD"].split(":")
        for p in render(out, suffix, language):
            print(p)
        return 0
    status = 0
    for suffix, scale, language in (("100", "1", "en"), ("200", "2", "en"), ("100", "1", "de")):
        env = dict(os.environ, QT_SCALE_FACTOR=scale, _SHOTS_CHILD=f"{suffix}:{language}")
        status |= subprocess.call([sys.executable, script, str(out)], env=env)
    return status


def appstream() -> int:
    import shutil

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_SCALE_FACTOR="1", _SCREENSHOTS_CHILD="100")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        status = subprocess.call([sys.executable, __file__, tmp], env=env)
        if status:
            return status
        APPSTREAM_DIR.mkdir(parents=True, exist_ok=True)
        for rendered, name in APPSTREAM_SHOTS.items():
            shutil.copyfile(Path(tmp) / rendered, APPSTREAM_DIR / name)
            print(APPSTREAM_DIR / name)
    return 0


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if sys.argv[1] == "--appstream":
        return appstream()
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    if os.environ.get("_SCREENSHOTS_CHILD"):
        for p in render(out, os.environ["_SCREENSHOTS_CHILD"]):
            print(p)
        return 0
    status = 0
    for suffix, scale in (("100", "1"), ("200", "2")):
        env = dict(os.environ, QT_SCALE_FACTOR=scale, _SCREENSHOTS_CHILD=suffix)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        status |= subprocess.call([sys.executable, __file__, str(out)], env=env)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
