"""Screenshots of Settings → Sync, of the status line on both computers after a conflict, of an
account's history in the edit dialog, and of Recently Deleted.

xvfb-run -a python benchmarks/sync_shots.py OUT_DIR      # SHOTS_LANGUAGE=de for German
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import _entries, _services  # noqa: E402


def main(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.vault import crypto

    cheap = crypto.ScryptCost(n=2**10, r=8, p=1)  # screenshots only: a cheap password slot
    crypto.KDF_POLICY = crypto.KdfPolicy(write=cheap, accepted=frozenset({cheap}))
    from desktop_app.sync import FOLDER_FILE
    from desktop_app.sync.service import SyncService
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.settings_dialog import SettingsDialog
    from desktop_app.vault import Vault

    app = create_app()
    language = os.environ.get("SHOTS_LANGUAGE")  # e.g. "de"
    if language:
        from desktop_app.ui.i18n import install_translations

        install_translations(app, language)
    out.mkdir(parents=True, exist_ok=True)

    def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))

    tmp = Path(tempfile.mkdtemp())
    folder = tmp / "Sync"
    folder.mkdir()
    laptop = _services(tmp / "laptop")
    laptop.vault.add_many(_entries())
    # Settings → Sync before setup, with a folder picked
    win = build_window(laptop)
    dialog = SettingsDialog(laptop, win)
    dialog.show_section("Sync")
    dialog.sync_page.folder_edit.setText(str(folder))
    shot(dialog, "settings_sync_setup")
    SyncService(Path(laptop.paths.data_dir)).setup(laptop.vault, folder, "pw", "laptop")
    dialog.sync_page.refresh()
    shot(dialog, "settings_sync_in_step")
    dialog.close()
    # the desktop joins; both edit the same account while apart
    desktop_dir = tmp / "desktop"
    SyncService(desktop_dir).join(folder, "pw", use_keyring=False, device_name="desktop")
    vb = Vault.open_with_password(desktop_dir, "pw")
    svc_b = SyncService(desktop_dir)
    svc_b.sync_now(vb)
    uuid = laptop.vault.entries()[0].uuid
    copy = folder / FOLDER_FILE.replace(".json", ".sync-conflict-20261207-153602-DESKTOP.json")
    laptop.vault.update(laptop.vault.get(uuid).with_changes(name="laptop-edit@example.com"))
    saved = (folder / FOLDER_FILE).read_bytes()
    vb.update(vb.get(uuid).with_changes(name="desktop-edit@example.com"))
    svc_b.sync_now(vb)
    copy.write_bytes((folder / FOLDER_FILE).read_bytes())  # the engine's conflict copy
    (folder / FOLDER_FILE).write_bytes(saved)
    win.show()
    app.processEvents()
    win.sync_watcher.check()  # the merge runs in a worker; its outcome lands here
    _settle(app, lambda: not win.sync_watcher.job.busy)
    win.resize(480, 640)
    shot(win, "status_line_laptop_after_conflict_toast")  # the arrival toast over the line
    win.pages.toast.hide()  # as a few seconds later
    shot(win, "status_line_laptop_after_conflict")
    _history_shots(app, win, uuid, shot)
    svc_b.sync_now(vb)
    vb.close()
    desktop = _services_open(desktop_dir)
    win_b = build_window(desktop)
    win_b.resize(480, 640)
    win_b.sync_watcher.emit_status()
    shot(win_b, "status_line_desktop_after_conflict")
    _join_shots(app, tmp, folder, out, shot)


def _settle(app, done, seconds: float = 20) -> None:  # type: ignore[no-untyped-def]
    import time

    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _history_shots(app, win, uuid: str, shot) -> None:  # type: ignore[no-untyped-def]
    """The account that lost a conflict, in the edit dialog (its history), after one restore
    (the replaced value kept too); then Recently Deleted after a removal."""
    from desktop_app.ui.recently_deleted import RecentlyDeletedDialog

    assert win.select_uuid(uuid)
    win.lists.edit_current()
    dialog = win.active_dialog
    shot(dialog, "history_view")
    if dialog.history.buttons:
        dialog.history.buttons[0].click()
        shot(dialog, "history_view_after_restore")
    dialog.reject()
    vault = win.services.vault
    for entry in vault.entries()[-2:]:
        vault.remove(entry.uuid)
    deleted = RecentlyDeletedDialog(win, vault)
    shot(deleted, "recently_deleted")
    deleted.close()


def _join_shots(app, tmp: Path, folder: Path, out: Path, shot) -> None:  # type: ignore[no-untyped-def]
    """A third computer joins from Settings → Sync: the page while the join runs, then the
    page and the main window (the joined vault's accounts) after it."""
    import time

    from desktop_app.otp.model import Entry
    from desktop_app.ui.application import build_window
    from desktop_app.ui.settings_dialog import SettingsDialog

    office = _services(tmp / "office")
    office.vault.add(Entry(secret="GEZDGNBVGY3TQOJQ", issuer="Office VPN", name="me@office"))
    win = build_window(office)
    win.resize(480, 640)
    win.show()
    dialog = SettingsDialog(office, win)
    dialog.show_section("Sync")
    page = dialog.sync_page
    page.folder_edit.setText(str(folder))
    page.password.setText("pw")
    shot(dialog, "settings_sync_join")
    page.start_button.click()
    dialog.grab().save(str(out / "settings_sync_join_busy.png"))  # before the outcome arrives
    deadline = time.monotonic() + 20
    while page.job.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    shot(dialog, "settings_sync_after_join")
    dialog.close()
    shot(win, "main_window_after_join")


def _services_open(data_dir: Path):  # type: ignore[no-untyped-def]
    from desktop_app.app import AppServices
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings
    from desktop_app.vault import KeyStore, Vault

    paths = AppPaths.resolve(data_dir)
    svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=KeyStore.memory())
    svc.vault = Vault.open_with_password(data_dir, "pw")
    return svc


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shots/sync-io"))
