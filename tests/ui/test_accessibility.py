"""Keyboard and screen readers: every control of every window has an accessible name and a
description (a walk over the QAccessible tree), Help -> Keyboard Shortcuts lists every shortcut
of the actions, Escape clears the search wherever the focus is, and the focus returns to the
list after a dialog."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import Entry
from desktop_app.ui.application import create_app
from desktop_app.ui.camera_worker import CameraScanner
from tests.ui.helpers_main import Recorder, make_window, sample_entries, secret_for

pytestmark = pytest.mark.gui

R = QAccessible.Role
CONTROLS = {
    R.PushButton, R.CheckBox, R.RadioButton, R.ComboBox, R.EditableText, R.SpinBox,
    R.List, R.Table, R.Tree, R.PageTab, R.PageTabList, R.ButtonMenu, R.ButtonDropDown,
    R.Slider, R.Dial, R.HotkeyField,
}  # fmt: skip


def unnamed(root: QWidget) -> list[str]:
    """Visible controls under ``root`` without an accessible name or description."""
    found: list[str] = []
    seen = 0

    def walk(iface, depth: int) -> None:
        nonlocal seen
        if iface is None or not iface.isValid() or depth > 40:
            return
        if iface.state().invisible:
            return
        role = iface.role()
        if role in CONTROLS:
            seen += 1
            name = iface.text(QAccessible.Text.Name).strip()
            description = iface.text(QAccessible.Text.Description).strip()
            # Qt's tab-bar interface reports no description of its own; its tabs are checked.
            if not name or (not description and role != R.PageTabList):
                obj = iface.object()
                found.append(
                    f"{root.objectName() or type(root).__name__}: {role.name} "
                    f"{type(obj).__name__} {obj.objectName() if obj else ''!r} "
                    f"name={name!r} description={description!r}"
                )
        if role in (R.List, R.Table, R.Tree, R.ComboBox):
            return  # the rows are data, named by the model
        for i in range(iface.childCount()):
            walk(iface.child(i), depth + 1)

    root.show()
    QApplication.processEvents()
    walk(QAccessible.queryAccessibleInterface(root), 0)
    assert seen, f"no controls found under {root!r}"
    return found


@pytest.fixture
def window(services, qtbot, monkeypatch):
    create_app()  # the app's own set-up (standard-button descriptions, screen clamp)
    services.vault.add_many(sample_entries())
    return make_window(services, qtbot, monkeypatch, Recorder())


def _windows(window, services, qtbot, monkeypatch) -> list[tuple[str, Callable[[], QWidget]]]:
    from desktop_app.exporters.google import migration_uris
    from desktop_app.icons import IconLibrary
    from desktop_app.ui.add_dialog import AddDialog
    from desktop_app.ui.confirm_dialog import ConfirmDialog
    from desktop_app.ui.edit_dialog import EditDialog
    from desktop_app.ui.export_dialog import EntryQrDialog, ExportDialog, GoogleQrDialog
    from desktop_app.ui.icon_picker import IconPickerDialog
    from desktop_app.ui.import_dialog import ImportDialog
    from desktop_app.ui.shortcuts_dialog import ShortcutsDialog
    from desktop_app.ui.unlock_dialog import PasswordDialog

    vault = services.vault
    entries = vault.entries()
    uris, left_out = migration_uris(entries)
    new = Entry(secret_for("new"), "Dropbox", "jo@example.com")
    return [
        ("add", lambda: AddDialog(window)),
        ("add-link", lambda: AddDialog(window, link="otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP")),
        ("confirm-one", lambda: ConfirmDialog(window, vault, [new])),
        (
            "confirm-many",
            lambda: ConfirmDialog(
                window,
                vault,
                [entries[0].with_changes(uuid="dup"), new],
                [SkippedEntry("Legacy", "MD5 is not supported")],
            ),
        ),
        ("edit-hotp", lambda: EditDialog(window, vault, entries[3])),
        ("icon-picker", lambda: IconPickerDialog(window, IconLibrary.of(vault.data_dir), "x")),
        ("export", lambda: ExportDialog(services, window)),
        ("import", lambda: ImportDialog(services, None, window)),
        ("google-qr", lambda: GoogleQrDialog(uris, left_out, window)),
        ("entry-qr", lambda: EntryQrDialog(entries[0], window)),
        ("shortcuts", lambda: ShortcutsDialog(window.commands.all_actions(), window)),
        ("password-create", lambda: PasswordDialog(window, mode="create")),
        ("password-unlock", lambda: PasswordDialog(window, mode="unlock")),
        ("password-change", lambda: PasswordDialog(window, mode="change")),
    ]


def test_every_control_of_every_window_is_named_and_described(window, services, qtbot, monkeypatch):
    from desktop_app.ui.scan_window import ScanWindow
    from desktop_app.ui.settings_dialog import SettingsDialog

    problems = unnamed(window)
    for _label, build in _windows(window, services, qtbot, monkeypatch):
        w = build()
        qtbot.addWidget(w)
        problems += unnamed(w)
        tabs = getattr(w, "tabs", None)
        if tabs is not None:
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                problems += unnamed(w)
        w.close()
    settings = SettingsDialog(services, window)
    qtbot.addWidget(settings)
    for row in range(settings.nav.count()):
        settings.nav.setCurrentRow(row)
        problems += unnamed(settings)
    monkeypatch.setattr(  # the camera process would probe this machine's cameras
        CameraScanner, "list_cameras", lambda self, skip=(): self.cameras_listed.emit([])
    )
    scan = ScanWindow(window, None)
    qtbot.addWidget(scan)
    scan.show()
    qtbot.waitUntil(lambda: scan.alternatives.isVisible(), timeout=5000)
    problems += unnamed(scan)
    scan.close()
    assert not problems, "\n".join(problems)


def test_empty_and_locked_pages_are_named_and_described(services, qtbot, monkeypatch):
    create_app()
    empty = make_window(services, qtbot, monkeypatch, Recorder())
    assert not unnamed(empty)
    services.vault.use_password("a long password")
    empty.lock()
    assert empty.pages.current() == 3  # the locked page
    assert not unnamed(empty)


def test_the_walk_finds_an_unnamed_control(qtbot):
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    lay = QVBoxLayout(root)
    named = QPushButton("Go", root)
    named.setAccessibleDescription("Goes.")
    bare = QPushButton("", root)  # an icon-only button nobody named
    lay.addWidget(named)
    lay.addWidget(bare)
    assert len(unnamed(root)) == 1


def test_keyboard_shortcuts_lists_every_shortcut_of_the_actions(window, qtbot):
    from desktop_app.ui.shortcuts_dialog import ShortcutsDialog

    window.commands.shortcuts.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, ShortcutsDialog)
    listed = {
        (dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text())
        for r in range(dialog.table.rowCount())
    }
    with_keys = [a for a in window.commands.all_actions() if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 20
    for action in with_keys:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(k == keys for _w, k in listed), action.objectName()
    assert ("Keyboard Shortcuts", "F1") in listed
    assert ("Clear Search", "Esc") in listed
    dialog.reject()


def test_escape_clears_the_search_wherever_the_focus_is(window, qtbot):
    window.search.setText("git")
    assert window.proxy.rowCount() == 1
    window.add_button.setFocus()
    qtbot.waitUntil(window.add_button.hasFocus)
    qtbot.keyClick(window.add_button, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert window.proxy.rowCount() == 4
    assert window.view.hasFocus()
    window.search.setText("goo")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.search.text() == ""


def test_focus_returns_to_the_list_after_a_dialog(window, qtbot):
    from desktop_app.ui.add_dialog import AddDialog

    window.view.setFocus()
    window.adding.add_manually()
    dialog = window.active_dialog
    assert isinstance(dialog, AddDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not window.view)
    dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.view.hasFocus(), timeout=3000)
    _ = time
