"""The main window: codes, copy/clear, search, edit, delete, HOTP, drops, pastes, order, lock."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage

from desktop_app.otp.codes import code_at, group_code
from desktop_app.otp.migration import build_migration_uris
from desktop_app.otp.model import Entry, OtpType
from desktop_app.otp.uri import build_uri
from desktop_app.settings import AUTO_LOCK_MINUTES, CLIPBOARD_CLEAR_SECONDS, SORT_ORDER, THEME
from desktop_app.vault import Vault
from tests.ui.helpers_main import (
    Recorder,
    all_file_bytes,
    make_window,
    qr_png,
    sample_entries,
    secret_for,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


NOW = 1_700_000_010.0  # the window's clock in these tests: 20 s left in the 30-s step


@pytest.fixture
def window(services, qtbot, monkeypatch, recorder):
    services.vault.add_many(sample_entries())
    return make_window(services, qtbot, monkeypatch, recorder, clock=lambda: NOW)


@pytest.fixture
def empty_window(services, qtbot, monkeypatch, recorder):
    return make_window(services, qtbot, monkeypatch, recorder)


def _row_of(window, issuer: str):
    for r in range(window.proxy.rowCount()):
        idx = window.proxy.index(r, 0)
        if idx.data(Qt.ItemDataRole.DisplayRole).startswith(issuer):
            return idx
    raise AssertionError(issuer)


def _select(window, issuer: str):
    idx = _row_of(window, issuer)
    window.view.setCurrentIndex(idx)
    return idx


def test_lists_accounts_with_grouped_codes(window):
    from desktop_app.ui.accounts_model import ROLE_CODE, ROLE_ENTRY

    assert window.stack.currentWidget() is window.view
    assert window.proxy.rowCount() == 4
    idx = _row_of(window, "GitHub")
    entry = idx.data(ROLE_ENTRY)
    code = idx.data(ROLE_CODE)
    assert code == group_code(code_at(entry, NOW))
    assert len(code) == 7 and code[3] == " "
    assert window.view.delegate.paint_count > 0


def test_empty_state_then_account_saved_from_another_thread(empty_window, services, qtbot):
    assert empty_window.stack.currentWidget().objectName() == "empty_page"
    labels = [b.text() for b in empty_window.pages.empty_buttons]
    assert "Enter Setup Key…" in labels and "Scan QR Code on Screen" in labels
    t = threading.Thread(target=lambda: services.vault.add(sample_entries()[0]))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: empty_window.model.rowCount() == 1, timeout=3000)
    assert empty_window.stack.currentWidget() is empty_window.view


def test_click_copies_and_clipboard_clears(window, services, qtbot):
    services.settings.set(CLIPBOARD_CLEAR_SECONDS, 1)
    idx = _row_of(window, "Google")
    rect = window.view.visualRect(idx)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    entry = services.vault.entries()[1]
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == code_at(entry, NOW)
    assert "copied" in window.last_notice and "Google" in window.last_notice
    assert "1 s" in window.last_notice
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=4000)


def test_clipboard_left_alone_when_it_changed(window, services, qtbot):
    services.settings.set(CLIPBOARD_CLEAR_SECONDS, 1)
    _select(window, "GitHub")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text().isdigit()
    clipboard.setText("something else")
    qtbot.waitUntil(lambda: not window.clipboard_guard.pending, timeout=4000)
    assert clipboard.text() == "something else"


def test_copy_next_code(window, services):
    _select(window, "GitHub")
    window.commands.copy_next.trigger()
    entry = services.vault.entries()[0]
    assert QGuiApplication.clipboard().text() == code_at(entry, NOW + 30)
    assert window.last_notice.startswith("Next code for GitHub")


def test_show_next_code_on_request(window):
    from desktop_app.ui.accounts_model import ROLE_NEXT

    idx = _select(window, "GitHub")
    assert idx.data(ROLE_NEXT) == ""
    window.commands.show_next.trigger()
    assert len(idx.data(ROLE_NEXT)) == 7


def test_search_filters_as_you_type(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "gmail")
    assert window.proxy.rowCount() == 1
    assert _row_of(window, "Google").isValid()
    window.search.setText("no such thing")
    assert window.stack.currentWidget() is window.pages.no_match
    assert "no such thing" in window.pages.no_match.text()
    window.search.clear()
    assert window.proxy.rowCount() == 4


def test_edit_issuer_and_name(window, services, qtbot):
    from desktop_app.ui.edit_dialog import EditDialog

    _select(window, "GitHub")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog)
    dialog.issuer_edit.setText("GitHub Enterprise")
    dialog.name_edit.setText("mona")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = next(e for e in services.vault.entries() if e.secret == secret_for("github"))
    assert (saved.issuer, saved.name) == ("GitHub Enterprise", "mona")
    qtbot.waitUntil(lambda: window.active_dialog is None)
    assert window.current_entry().issuer == "GitHub Enterprise"


def test_edit_refuses_empty_names(window, services, qtbot):
    from desktop_app.ui.edit_dialog import EditDialog

    _select(window, "GitHub")
    window.commands.edit.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog)
    dialog.issuer_edit.clear()
    dialog.name_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Issuer" in dialog.error_label.text()
    assert services.vault.entries()[0].issuer == "GitHub"


def test_delete_asks_first(window, services, recorder, qtbot):
    _select(window, "Google")
    window.view.setFocus()
    recorder.answer = False
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(recorder.asked) == 1 and "Google" in recorder.asked[0][1]
    assert len(services.vault.entries()) == 4
    recorder.answer = True
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert [e.issuer for e in services.vault.entries()] == ["GitHub", "emnify", "Bank"]
    assert window.proxy.rowCount() == 3
    assert window.last_notice.startswith("Deleted")


def test_hotp_next_code_is_saved_at_once(window, services, data_dir, memory_keystore, qtbot):
    from desktop_app.ui.accounts_model import ROLE_CODE

    idx = _select(window, "Bank")
    entry = idx.data(Qt.ItemDataRole.UserRole + 1)
    first = idx.data(ROLE_CODE)
    window.commands.hotp_next.trigger()
    assert services.vault.get(entry.uuid).counter == 1
    # clicking the round button on the row advances too
    rect = window.view.visualRect(_row_of(window, "Bank"))
    button = window.view.delegate.action_rect(rect).center()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=button)
    assert services.vault.get(entry.uuid).counter == 2
    assert _row_of(window, "Bank").data(ROLE_CODE) != first
    # persisted: reopen the vault file
    services.vault.close()
    services.vault = None
    reopened = Vault.open(data_dir, keystore=memory_keystore)
    try:
        assert reopened.get(entry.uuid).counter == 2
    finally:
        reopened.close()


def test_hotp_action_disabled_for_totp(window):
    _select(window, "GitHub")
    assert not window.commands.hotp_next.isEnabled()
    _select(window, "Bank")
    assert window.commands.hotp_next.isEnabled()


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = widget.rect().center()
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDragEnterEvent

    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QGuiApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QGuiApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def _confirm(window, qtbot):
    from desktop_app.ui.confirm_dialog import ConfirmDialog

    qtbot.waitUntil(lambda: isinstance(window.active_dialog, ConfirmDialog), timeout=10000)
    return window.active_dialog


def test_drop_image_file_confirm_and_save(empty_window, services, tmp_path, qtbot):
    entry = Entry(secret_for("dropped"), "Dropbox", "me@example.com")
    png = qr_png(build_uri(entry), tmp_path / "qr.png")
    _drop(empty_window, [png])
    dialog = _confirm(empty_window, qtbot)
    assert "Dropbox" in dialog.review.issuer_edit.text()
    assert services.vault.entries() == []
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    saved = services.vault.entries()
    assert [(e.issuer, e.name, e.secret) for e in saved] == [
        ("Dropbox", "me@example.com", entry.secret)
    ]
    qtbot.waitUntil(lambda: empty_window.model.rowCount() == 1)
    assert empty_window.last_notice == "Account added"


def test_drop_onto_list_view(window, services, tmp_path, qtbot):
    entry = Entry(secret_for("list-drop"), "Slack", "me")
    png = qr_png(build_uri(entry), tmp_path / "slack.png")
    _drop(window.view.viewport(), [png])
    dialog = _confirm(window, qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert any(e.issuer == "Slack" for e in services.vault.entries())


def test_image_without_qr_says_so(empty_window, services, tmp_path, recorder, qtbot):
    img = QImage(200, 200, QImage.Format.Format_RGB32)
    img.fill(Qt.GlobalColor.white)
    path = tmp_path / "blank.png"
    img.save(str(path))
    _drop(empty_window, [path])
    qtbot.waitUntil(lambda: bool(recorder.informed), timeout=10000)
    assert "blank.png" in recorder.informed[0][1]
    assert services.vault.entries() == []


def test_paste_clipboard_image(empty_window, services, tmp_path, qtbot):
    entry = Entry(secret_for("pasted-image"), "AWS", "root")
    png = qr_png(build_uri(entry), tmp_path / "shot.png", scale=6)
    QGuiApplication.clipboard().setImage(QImage(str(png)))
    empty_window.activateWindow()
    empty_window.commands.paste.trigger()
    dialog = _confirm(empty_window, qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [e.secret for e in services.vault.entries()] == [entry.secret]


def test_paste_non_key_text_adds_nothing(empty_window, services, recorder, qtbot):
    QGuiApplication.clipboard().setText("https://example.com/login")
    empty_window.view.setFocus()
    qtbot.keyClick(empty_window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert recorder.informed and "web link" in recorder.informed[0][1]
    assert services.vault.entries() == []
    assert empty_window.active_dialog is None


def test_paste_link_duplicate_warning(window, services, qtbot):
    existing = services.vault.entries()[0]
    QGuiApplication.clipboard().setText(build_uri(existing.with_changes(issuer="Copy")))
    window.commands.paste.trigger()
    dialog = _confirm(window, qtbot)
    warnings = [
        w
        for w in dialog.findChildren(type(dialog.error_label))
        if w.objectName() == "duplicate_warning"
    ]
    assert warnings and "GitHub" in warnings[0].text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(services.vault.entries()) == 4
    assert not window.last_notice.startswith("Added")


def test_google_export_batches_across_pastes(empty_window, services, qtbot):
    entries = [Entry(secret_for(f"g{i}"), "Google", f"user{i}@example.com") for i in range(3)]
    uris, left = build_migration_uris(entries, per_code=2)
    assert len(uris) == 2 and not left
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(uris[0])
    empty_window.commands.paste.trigger()
    dialog = _confirm(empty_window, qtbot)
    assert dialog.progress_text.startswith("1 of 2 scanned")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: empty_window.active_dialog is None)
    assert services.vault.entries() == []
    clipboard.setText(uris[1])
    empty_window.commands.paste.trigger()
    dialog = _confirm(empty_window, qtbot)
    assert dialog.progress_text.startswith("2 of 2 scanned")
    assert len(dialog.candidates) == 3
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert sorted(e.name for e in services.vault.entries()) == [e.name for e in entries]
    assert empty_window.last_notice == "Added 3 accounts"


def test_keyboard_reorder_persists(window, services):
    _select(window, "GitHub")
    window.commands.move_down.trigger()
    assert [e.issuer for e in services.vault.entries()][:2] == ["Google", "GitHub"]
    assert window.current_entry().issuer == "GitHub"
    window.lists.move_to(window.current_entry().uuid, window.proxy.rowCount())
    assert [e.issuer for e in services.vault.entries()][-1] == "GitHub"


def test_sort_by_name_persists(window, services):
    window.commands.sort_name.trigger()
    names = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)
    assert services.settings.value(SORT_ORDER) == "name"
    assert not window.commands.move_up.isEnabled()


def test_every_action_has_shortcut_and_name(window):
    needed = {
        "add": "Ctrl+N",
        "find": "Ctrl+F",
        "paste": "Ctrl+V",
        "open_image": "Ctrl+O",
        "scan_screen": "Ctrl+Shift+S",
        "scan_camera": "Ctrl+Shift+C",
        "import": "Ctrl+I",
        "export": "Ctrl+E",
        "settings": "Ctrl+,",
        "quit": "Ctrl+Q",
        "edit": "F2",
        "delete": "Del",
    }
    from PySide6.QtGui import QAction, QKeySequence

    actions = {a.objectName(): a for a in window.findChildren(QAction) if a.parent() is window}
    for name, key in needed.items():
        assert actions[name].shortcut().toString(QKeySequence.SequenceFormat.PortableText) == key
    for name, action in actions.items():
        if name != "about":
            assert not action.shortcut().isEmpty(), name
        assert action.text().strip(), name
    assert window.search.accessibleName() and window.add_button.accessibleName()


def test_model_tick_emits_only_changed_rows(services, qtbot):
    from desktop_app.ui.accounts_model import AccountsModel

    now = [1_000_000.2]
    model = AccountsModel(clock=lambda: now[0])
    entries = sample_entries()
    entries[1] = entries[1].with_changes(period=60)
    model.refresh(entries)
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r=None: seen.append((a.row(), b.row())))
    assert model.tick() == []  # nothing changed yet
    now[0] += 1.0
    assert model.tick() == [(0, 2)]  # the TOTP rows; not the HOTP row
    assert seen == [(0, 2)]
    now[0] += 0.3  # same second shown: nothing
    assert model.tick() == []


def test_demo_banner(services, qtbot, monkeypatch, recorder):
    services.demo = True
    services.demo_info = SimpleNamespace(
        url="http://127.0.0.1:8765", user="demo@example.com", password="demo-pass"
    )
    window = make_window(services, qtbot, monkeypatch, recorder)
    assert window.demo_banner is not None and window.demo_banner.isVisible()
    text = window.demo_banner.text()
    assert "127.0.0.1:8765" in text and "demo@example.com" in text and "demo-pass" in text


def test_lock_and_unlock_with_password(services, qtbot, monkeypatch, recorder):
    services.vault.add_many(sample_entries()[:1])
    services.vault.use_password("correct horse")
    window = make_window(services, qtbot, monkeypatch, recorder)
    assert window.commands.lock.isEnabled()
    window.commands.lock.trigger()
    assert services.vault is None and window.model.rowCount() == 0
    assert window.stack.currentWidget().objectName() == "locked_page"
    assert not window.commands.add.isEnabled()
    window.pages.unlock_field.setText("wrong password")
    qtbot.mouseClick(window.pages.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locking.unlocking)  # the key is derived in a worker
    assert "Wrong password" in window.pages.unlock_error.text() and services.vault is None
    assert window.pages.unlock_error.styleSheet()  # the refusal is in error red
    window.pages.set_unlock_busy(True)
    assert window.pages.unlock_error.text() == "Unlocking…"
    assert not window.pages.unlock_error.styleSheet()  # progress in the normal colour
    window.pages.set_unlock_busy(False)
    assert window.pages.unlock_field.isEnabled()
    window.pages.unlock_field.setText("correct horse")
    qtbot.mouseClick(window.pages.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.vault is not None)
    assert window.model.rowCount() == 1
    assert window.stack.currentWidget() is window.view and window.commands.lock.isEnabled()


def test_lock_greyed_in_keyring_mode_says_why(services, qtbot, monkeypatch, recorder):
    services.vault.add_many(sample_entries()[:1])
    window = make_window(services, qtbot, monkeypatch, recorder)
    lock = window.commands.lock
    assert not lock.isEnabled()
    assert "Settings → Security" in lock.toolTip() and lock.statusTip() == lock.toolTip()
    services.vault.use_password("correct horse")
    window._update_actions()
    assert lock.isEnabled() and lock.toolTip() == "Lock the vault"


def test_auto_lock_after_idle(services, qtbot, monkeypatch, recorder):
    services.vault.use_password("correct horse")
    services.settings.set(AUTO_LOCK_MINUTES, 1)
    now = [1000.0]
    window = make_window(services, qtbot, monkeypatch, recorder, idle_clock=lambda: now[0])
    now[0] += 59
    window._auto_lock_check()
    assert services.vault is not None
    window.locking.mark_active()  # input resets the idle time
    now[0] += 61
    window._auto_lock_check()
    assert services.vault is None
    assert window.stack.currentWidget().objectName() == "locked_page"


def test_secrets_never_written_in_clear(empty_window, services, qtbot, data_dir):
    from desktop_app.ui.add_dialog import AddDialog

    secrets_used = []
    empty_window.commands.add.trigger()
    dialog = empty_window.active_dialog
    assert isinstance(dialog, AddDialog)
    secret = secret_for("hygiene-manual")
    secrets_used.append(secret)
    dialog.issuer_edit.setText("Manual")
    dialog.secret_edit.setText(secret.lower())
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    linked = Entry(secret_for("hygiene-link"), "Linked", "x")
    secrets_used.append(linked.secret)
    QGuiApplication.clipboard().setText(build_uri(linked))
    empty_window.commands.paste.trigger()
    qtbot.mouseClick(_confirm(empty_window, qtbot).add_button, Qt.MouseButton.LeftButton)
    assert len(services.vault.entries()) == 2
    services.settings.set(THEME, "dark")  # writes settings.json too
    files = all_file_bytes(data_dir, services.paths.config_dir, services.paths.log_dir)
    assert files
    for path, content in files:
        for s in secrets_used:
            for form in (s, s.lower()):
                assert form.encode() not in content, path


def _fresh_services(tmp_path: Path) -> str:
    """Code for a fresh process: offscreen Qt, and ``s``, services with an open vault."""
    return (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from desktop_app.app import AppServices;"
        "from desktop_app.paths import AppPaths;"
        "from desktop_app.settings import Settings;"
        "from desktop_app.vault import KeyStore, Vault;"
        f"p = AppPaths.resolve({str(tmp_path)!r}); p.ensure(); ks = KeyStore.memory();"
        "s = AppServices(paths=p, settings=Settings(p.config_dir), keystore=ks);"
        "s.vault = Vault.open(p.data_dir, keystore=ks);"
    )


def _run_fresh(code: str) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )


def test_opencv_not_imported_at_start(tmp_path):
    code = _fresh_services(tmp_path) + (
        "from desktop_app.ui.application import create_app, build_window;"
        "app = create_app(); w = build_window(s); w.show(); app.processEvents();"
        "bad = [m for m in ('cv2', 'desktop_app.scanning', 'zxingcpp', 'pyzbar') if m in sys.modules];"
        "print('BAD', bad) if bad else print('OK')"
    )
    out = _run_fresh(code)
    assert out.stdout.strip().endswith("OK"), out.stdout + out.stderr


def test_context_menu_lists_row_actions(window, monkeypatch):
    from PySide6.QtWidgets import QMenu

    shown: list[list[str]] = []
    monkeypatch.setattr(
        QMenu,
        "popup",
        lambda self, _pos, _a=None: shown.append([a.objectName() for a in self.actions()]),
    )
    rect = window.view.visualRect(_row_of(window, "Bank"))
    window.lists.context_menu(rect.center())
    names = shown[0]
    for n in ("copy", "copy_next", "hotp_next", "edit", "show_qr", "delete"):
        assert n in names
    rect = window.view.visualRect(_row_of(window, "GitHub"))
    window.lists.context_menu(rect.center())
    assert "hotp_next" not in shown[1]
    _ = QPoint
    _ = OtpType


def test_countdown_step_repaints_only_rings(window, qtbot):
    from desktop_app.ui.accounts_model import RING_ROLES

    window.resize(560, 900)
    qtbot.waitUntil(lambda: window.view.delegate.paint_count > 0)
    QGuiApplication.processEvents()
    delegate = window.view.delegate
    full, rings = delegate.paint_count, delegate.ring_paints
    model = window.model
    window.view.viewport().repaint(window.view.viewport().rect())  # a full repaint for contrast
    after_full = delegate.paint_count
    assert after_full - full == 4
    model.dataChanged.emit(model.index(0), model.index(model.rowCount() - 1), RING_ROLES)
    qtbot.waitUntil(lambda: delegate.ring_paints > rings)
    # 3 time-based rows repaint their ring only; the HOTP row (no ring) goes through the delegate
    assert delegate.ring_paints - rings == 3
    assert delegate.paint_count - after_full <= 1


def test_a_full_repaint_paints_each_row_with_its_state(window, qtbot, monkeypatch):
    """The view paints its rows itself (not through a style option's ``state``): each visible
    row once, the selected one as selected, focused when the list has the focus."""
    from desktop_app.ui.accounts_model import ROLE_ENTRY

    delegate = window.view.delegate
    real = delegate.paint_row
    seen: dict[str, tuple[bool, bool, bool]] = {}

    def record(painter, option, index, *, selected, hovered, focused):
        seen[index.data(ROLE_ENTRY).issuer] = (selected, hovered, focused)
        real(painter, option, index, selected=selected, hovered=hovered, focused=focused)

    monkeypatch.setattr(delegate, "paint_row", record)
    window.resize(560, 900)
    _select(window, "Bank")
    window.view.setFocus()
    seen.clear()
    window.view.viewport().repaint(window.view.viewport().rect())
    assert set(seen) == {e.issuer for e in window.model.entries()}
    assert seen["Bank"] == (True, False, window.view.hasFocus())
    assert all(state == (False, False, False) for name, state in seen.items() if name != "Bank")


def test_the_delegate_reads_a_style_option_state_for_qt(window, monkeypatch):
    """Where Qt paints a row itself (a drag image, another view), the option's state flags
    become the row's state."""
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    delegate = window.view.delegate
    calls: list[dict[str, bool]] = []
    monkeypatch.setattr(delegate, "paint_row", lambda _p, _o, _i, **state: calls.append(state))
    option = QStyleOptionViewItem()
    option.rect = window.view.visualRect(_row_of(window, "Bank"))
    option.state = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus
    pixmap = QPixmap(600, 100)
    painter = QPainter(pixmap)
    try:
        delegate.paint(painter, option, _row_of(window, "Bank"))
    finally:
        painter.end()
    assert calls == [{"selected": True, "hovered": False, "focused": True}]


def test_scan_screen_result_goes_to_confirmation(empty_window, services, qtbot, monkeypatch):
    import desktop_app.ui.screen_scan as screen_scan

    entry = Entry(secret_for("screen"), "Screen Co", "me")
    result = screen_scan.ScreenScanResult(texts=[build_uri(entry)], captured=1)
    monkeypatch.setattr(screen_scan, "start_screen_scan", lambda _w, on_done, **_k: on_done(result))
    qtbot.keyClick(
        empty_window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = _confirm(empty_window, qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [e.issuer for e in services.vault.entries()] == ["Screen Co"]


def test_scan_screen_nothing_found_says_why(empty_window, services, recorder, monkeypatch):
    import desktop_app.ui.screen_scan as screen_scan

    result = screen_scan.ScreenScanResult(texts=[], message="No QR code is visible on screen.")
    monkeypatch.setattr(screen_scan, "start_screen_scan", lambda _w, on_done, **_k: on_done(result))
    empty_window.commands.scan_screen.trigger()
    assert recorder.informed == [("No QR code found", "No QR code is visible on screen.")]
    assert services.vault.entries() == []


def test_camera_payloads_go_to_confirmation(empty_window, services, qtbot):
    from desktop_app.intake import classify

    entry = Entry(secret_for("camera"), "Cam", "me")
    empty_window.adding.handle_payloads([classify(build_uri(entry))])
    dialog = _confirm(empty_window, qtbot)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert [e.issuer for e in services.vault.entries()] == ["Cam"]


def test_ctrl_n_then_typing_fills_the_first_field(empty_window, qtbot):
    """The Add dialog opens with its first field focused: Ctrl+N, then type (#24)."""
    from desktop_app.ui.add_dialog import AddDialog

    qtbot.keyClick(empty_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = empty_window.active_dialog
    assert isinstance(dialog, AddDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    qtbot.keyClicks(QGuiApplication.focusObject(), "GitHub")
    assert dialog.issuer_edit.text() == "GitHub"


def test_the_add_menu_offers_the_ways_to_add_in_the_empty_page_s_order(empty_window):
    """The Add menu and the empty page list the ways to add in one order (#24)."""
    menu = [a.text().replace("&", "") for a in empty_window.commands.add_menu.actions()]
    buttons = [b.text() for b in empty_window.pages.empty_buttons]
    in_menu = [text for text in menu if text in buttons]
    assert in_menu == buttons and len(buttons) == 5
