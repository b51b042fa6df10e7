"""Render the emnify settings pane in each state into PNGs, and say whether it fits.

    python benchmarks/emnify_pane_shots.py OUT_DIR [--dark] [--scale 2]

States: signed out (and with Advanced open), code asked, e-mail codes, enabling, pending, on,
error (enforced), the enforced account told up front in the next session, no keyring, a key
the portal lists without its status ("Sign-in codes: unknown"), the lockout with the time left,
a non-admin (tools disabled, the refused organisation events); the dialogs: application tokens
after a create, security events (mine, the organisation's, a user's), lost-phone recovery with
a colleague found; the main list and the edit dialog with a key no longer active on emnify. The
settings dialog is shown at its default size on a 1280x720 screen (logical pixels, so
2560x1440 at ``--scale 2``); for each state the script prints whether the page
needs scrolling (it must not). A portal emulator (paid account) runs on loopback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from desktop_app.settings import PORTAL_USER

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--dark", action="store_true")
    ap.add_argument("--scale", default="1")
    args = ap.parse_args()
    os.environ["QT_SCALE_FACTOR"] = args.scale
    if "QT_QPA_PLATFORM" not in os.environ:
        # A 1280x720 screen in logical pixels at every scale (2560x1440 at 200 %), the
        # smallest common one: the offscreen default (800x800 device pixels) would be a
        # 400x400 screen at 200 %, which nothing fits.
        scale = float(args.scale)
        screen = Path(tempfile.mkdtemp(prefix="pane-shots-screen-")) / "screen.json"
        screen.write_text(
            json.dumps(
                {
                    "screens": [
                        {
                            "name": "shots",
                            "x": 0,
                            "y": 0,
                            "width": round(1280 * scale),
                            "height": round(720 * scale),
                            "logicalDpi": 96,
                            "logicalBaseDpi": 96,
                            "dpr": 1,
                        }
                    ]
                }
            ),
            "utf-8",
        )
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from desktop_app.app import AppServices
    from desktop_app.otp.codes import code_at
    from desktop_app.otp.model import Entry
    from desktop_app.paths import AppPaths
    from desktop_app.portal.emulator import EmulatorServer
    from desktop_app.settings import Settings
    from desktop_app.ui.settings_dialog import EMNIFY_SECTION, SettingsDialog
    from desktop_app.ui.theme import apply_theme
    from desktop_app.vault import KeyStore, Vault

    app = QApplication.instance() or QApplication([])
    apply_theme(app, "dark" if args.dark else "light")  # type: ignore[arg-type]
    tag = f"{'dark' if args.dark else 'light'}-{args.scale}x"
    results: list[str] = []

    def pump(pane, until=None, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            if until is not None and until():
                return
            if until is None and not pane.busy:
                return
            time.sleep(0.02)

    def shot(dialog, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(5):
            app.processEvents()
        page = dialog.pages.currentWidget()
        fits = page.verticalScrollBar().maximum() == 0
        path = args.out / f"{name}-{tag}.png"
        dialog.grab().save(str(path))
        results.append(f"{name:14s} fits={'yes' if fits else 'NO'}  {path}")

    def dialog_shot(window, name: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(5):
            app.processEvents()
        path = args.out / f"{name}-{tag}.png"
        window.grab().save(str(path))
        results.append(f"{name:14s} (dialog)  {path}")

    class Broken:
        def get_password(self, service, username):  # type: ignore[no-untyped-def]
            raise RuntimeError("no keyring")

        set_password = delete_password = get_password  # type: ignore[assignment]

    def dialog_for(emu, keystore=None):  # type: ignore[no-untyped-def]
        folder = Path(tempfile.mkdtemp(prefix="pane-shots-"))
        paths = AppPaths.resolve(folder)
        paths.ensure()
        ks = KeyStore.memory()
        svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=keystore or ks)
        svc.vault = Vault.open(folder, keystore=ks)
        svc.portal_url = emu.url
        svc.settings.set(PORTAL_USER, USER)
        dialog = SettingsDialog(svc)
        dialog.show_section(EMNIFY_SECTION)
        dialog.show()
        pane = dialog.emnify_pane
        pump(pane)
        return dialog, pane, svc

    def sign_in(pane, emu) -> None:  # type: ignore[no-untyped-def]
        pane.password_edit.setText(PASSWORD)
        pane.presenter.sign_in()
        pump(pane)
        pane.code_edit.setText(emu.last_email_code(USER) or "")
        pane.presenter.submit_code()
        pump(pane)

    def retired_rows(svc) -> None:  # type: ignore[no-untyped-def]
        """The main list with the old key marked no longer active (3 Dec 2026), its edit
        dialog."""
        from desktop_app.otp.model import Entry
        from desktop_app.ui.edit_dialog import EditDialog
        from desktop_app.ui.main_window import MainWindow

        with _wall_time(1_793_534_400.0):  # added 1 Nov 2026
            old, _new, _other = svc.vault.add_many(
                [
                    Entry("JBSWY3DPEHPK3PXP", "emnify", USER, meta={"emnify.state": "active"}),
                    Entry("KRSXG5CTMVRXEZLU", "emnify", USER, meta={"emnify.state": "active"}),
                    Entry("GEZDGNBVGY3TQOJQ", "GitHub", "octocat@example.com"),
                ]
            )
        with _wall_time(1_796_299_200.0):  # what Disable does, on 3 Dec 2026
            svc.vault.set_meta(old.uuid, **{"emnify.state": "inactive"})
        window = MainWindow(svc)
        window.resize(560, 420)
        window.show()
        for _ in range(10):
            app.processEvents()
        dialog_shot(window, "12-retired-row")
        edit = EditDialog(window, svc.vault, svc.vault.get(old.uuid))
        edit.show()
        dialog_shot(edit, "13-retired-edit")
        edit.reject()
        window.close()

    with EmulatorServer(account_kind="paid") as emu:
        emu.add_user(USER, PASSWORD, application_token="tok")
        emu.add_workspace(USER, "Second org")
        emu.add_user("bob@example.com", "bobs password", colleague_of=USER, admin=False)
        emu.add_active_key("bob@example.com")
        emu.admin.record(emu.user("bob@example.com"), "mfa", "MFA key 7 of bob deleted")
        dialog, pane, _svc = dialog_for(emu)
        shot(dialog, "1-signed-out")
        pane.advanced_button.setChecked(True)
        shot(dialog, "1b-advanced")
        pane.advanced_button.setChecked(False)
        pane.password_edit.setText(PASSWORD)
        pane.presenter.sign_in()
        pump(pane)
        shot(dialog, "2-code-asked")
        pane.code_edit.setText(emu.last_email_code(USER) or "")
        pane.presenter.submit_code()
        pump(pane)
        shot(dialog, "3-email-codes")
        emu.inject_fault("create_key", "delay", delay=1.5)
        pane.account.forget_password()
        pane.step_password.setText(PASSWORD)
        pane.presenter.enable()
        pump(pane, until=lambda: "Creating" in pane.action_feedback.text(), seconds=2)
        shot(dialog, "4-enabling")
        pump(pane)
        pump(pane)
        shot(dialog, "6-on")
        pane.open_tokens()
        tokens = pane.tokens_dialog
        pump(pane, until=lambda: not tokens.presenter.busy)
        tokens.description_edit.setText("backup script")
        tokens.presenter.create()
        pump(pane, until=lambda: tokens.created_row.isVisible())
        pump(pane, until=lambda: not tokens.presenter.busy)
        for _ in range(5):
            app.processEvents()
        dialog_shot(tokens, "9-tokens")
        tokens.reject()
        pane.open_events()
        events = pane.events_dialog
        pump(pane, until=lambda: not events.presenter.busy)
        dialog_shot(events, "10-events")
        events.scope_combo.setCurrentIndex(1)  # the organisation's (bob's events too)
        pump(pane, until=lambda: not events.presenter.busy)
        dialog_shot(events, "10b-events-organisation")
        events.scope_combo.setCurrentIndex(2)  # a user's, by e-mail
        events.email_edit.setText("bob@example.com")
        events.presenter.load()
        pump(pane, until=lambda: not events.presenter.busy)
        dialog_shot(events, "10c-events-user")
        events.reject()
        pane.open_recovery()
        recovery = pane.recovery_dialog
        recovery.email_edit.setText("bob@example.com")
        recovery.presenter.find()
        pump(pane, until=lambda: recovery.items.count() > 0)
        pump(pane, until=lambda: not recovery.presenter.busy)
        recovery.items.setCurrentRow(0)
        dialog_shot(recovery, "11-recovery")
        recovery.reject()
        pane.presenter.sign_out()
        pump(pane)
        dialog.close()

    with EmulatorServer(account_kind="paid") as emu:
        emu.add_user(USER, PASSWORD)
        dialog, pane, _svc = dialog_for(emu)
        sign_in(pane, emu)
        emu.inject_fault("activate_key", "error", status=503)
        pane.presenter.enable()
        pump(pane)
        pump(pane)
        shot(dialog, "5-pending-error")
        dialog.close()

    with EmulatorServer(account_kind="enforced") as emu:
        emu.add_user(USER, PASSWORD)
        dialog, pane, _svc = dialog_for(emu)
        sign_in(pane, emu)
        pane.presenter.enable()
        pump(pane)
        pump(pane)
        pane.confirm_disable = lambda _t: (True, False)  # type: ignore[method-assign]
        pane.presenter.disable()
        pump(pane)
        shot(dialog, "7-error-enforced")
        pane.presenter.sign_out()
        pump(pane)
        dialog.close()
        # the next session on the same keyring: told up front, no Disable offered
        again = SettingsDialog(_svc)
        again.show_section(EMNIFY_SECTION)
        again.show()
        pane = again.emnify_pane
        pump(pane)
        pane.password_edit.setText(PASSWORD)
        pane.presenter.sign_in()
        pump(pane)
        pump(pane, until=lambda: pane.signed_in and not pane.busy)
        shot(again, "7b-enforced-told")
        again.close()

    with EmulatorServer(account_kind="paid") as emu:
        emu.add_user(USER, PASSWORD)
        _dialog, _pane, svc = dialog_for(emu)
        _dialog.close()
        retired_rows(svc)

    with EmulatorServer(account_kind="paid") as emu:
        emu.add_user(USER, PASSWORD)
        dialog, pane, _svc = dialog_for(emu, keystore=KeyStore(Broken()))  # type: ignore[arg-type]
        pane.presenter.make_account()
        pane.presenter.render()
        shot(dialog, "8-no-keyring")
        dialog.close()

    with EmulatorServer(account_kind="paid", mfa_item_omit=("status",)) as emu:
        # a key listed without its status: "Sign-in codes: unknown", neither Enable nor Disable
        emu.add_user(USER, PASSWORD)
        phone = emu.add_active_key(USER)
        dialog, pane, _svc = dialog_for(emu)
        pane.password_edit.setText(PASSWORD)
        pane.presenter.sign_in()
        pump(pane)
        pane.code_edit.setText(code_at(Entry(secret=phone.secret), emu.now()))
        pane.presenter.submit_code()
        pump(pane)
        pump(pane, until=lambda: pane.signed_in and not pane.busy)
        shot(dialog, "14-codes-unknown")
        dialog.close()

    with EmulatorServer(account_kind="paid") as emu:
        # three wrong codes: the lockout line with the time left
        emu.add_user(USER, PASSWORD)
        dialog, pane, _svc = dialog_for(emu)
        pane.password_edit.setText(PASSWORD)
        pane.presenter.sign_in()
        pump(pane)
        for _ in range(3):
            pane.code_edit.setText("ZZZZZ9")
            pane.presenter.submit_code()
            pump(pane)
        shot(dialog, "15-lockout")
        dialog.close()

    with EmulatorServer(account_kind="paid") as emu:
        # a non-admin: the workspace named, tokens and recovery disabled (reason in tooltips)
        emu.add_user(USER, PASSWORD)
        emu.add_workspace(USER, "Second org")
        emu.user(USER).admin = False
        dialog, pane, _svc = dialog_for(emu)
        sign_in(pane, emu)
        pump(pane, until=lambda: pane.signed_in and not pane.busy)
        shot(dialog, "16-non-admin")
        menu = pane.security_menu
        menu.popup(pane.security_button.mapToGlobal(pane.security_button.rect().bottomLeft()))
        dialog_shot(menu, "16b-non-admin-menu")
        menu.hide()
        pane.open_events()
        events = pane.events_dialog
        pump(pane, until=lambda: not events.presenter.busy)
        events.scope_combo.setCurrentIndex(1)
        pump(pane, until=lambda: not events.presenter.busy)
        dialog_shot(events, "16c-non-admin-events-refused")
        events.reject()
        dialog.close()

    print("\n".join(results))
    return 0


@contextlib.contextmanager
def _wall_time(seconds: float) -> Iterator[None]:
    """The vault's stamps are made at wall time ``seconds`` inside the block."""
    real = time.time_ns
    time.time_ns = lambda: int(seconds * 1e9)  # type: ignore[assignment]
    try:
        yield
    finally:
        time.time_ns = real  # type: ignore[assignment]


if __name__ == "__main__":
    raise SystemExit(main())
