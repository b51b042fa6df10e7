"""Icon packs in the window: import one in Settings, pick an icon in the edit dialog, the row
shows it, and an Aegis export read back keeps it. Real widgets, real clicks, real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from desktop_app import importers
from desktop_app.icons import IconLibrary
from desktop_app.otp.model import Entry
from desktop_app.ui import icon_packs_page, icon_picker
from desktop_app.ui.account_delegate import AVATAR, H_PAD
from desktop_app.ui.edit_dialog import EditDialog
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.icon_picker import IconPickerDialog
from desktop_app.ui.import_dialog import PAGE_PREVIEW, ImportDialog
from desktop_app.ui.settings_dialog import ICON_PACKS_SECTION, SettingsDialog
from tests.icons.pack_builder import PACK_UUID, icon, pack_zip, svg
from tests.ui.helpers_main import Recorder, make_window, sample_entries

pytestmark = pytest.mark.gui


@pytest.fixture
def window(services, qtbot, monkeypatch):
    services.vault.add_many(sample_entries())
    return make_window(services, qtbot, monkeypatch, Recorder())


def _select(window, issuer: str):
    for r in range(window.proxy.rowCount()):
        idx = window.proxy.index(r, 0)
        if idx.data(Qt.ItemDataRole.DisplayRole).startswith(issuer):
            window.view.setCurrentIndex(idx)
            return idx
    raise AssertionError(issuer)


def _avatar_rgb(window, index) -> tuple[int, int, int]:
    window.view.viewport().repaint()
    shot = window.view.viewport().grab().toImage()
    rect = window.view.visualRect(index)
    c = QColor(shot.pixelColor(rect.left() + H_PAD + AVATAR // 2, rect.center().y() + 1))
    return (c.red(), c.green(), c.blue())


def _click_grid_item(qtbot, picker: IconPickerDialog, row: int) -> None:
    index = picker.model.index(row)
    picker.grid.scrollTo(index)
    rect = picker.grid.visualRect(index)
    qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_pack_in_settings_icon_in_the_edit_dialog_kept_through_aegis(
    window, services, qtbot, monkeypatch, tmp_path: Path
) -> None:
    zip_path = tmp_path / "aegis-icons.zip"
    zip_path.write_bytes(pack_zip())
    # Settings → Icon packs → Import…
    window.show_settings()
    settings = window.active_dialog
    assert isinstance(settings, SettingsDialog)
    settings.show_section(ICON_PACKS_SECTION)
    page = settings.icon_packs_page
    assert page.isVisible() and page.list.item(0).text() == "No icon pack is installed."
    monkeypatch.setattr(icon_packs_page, "open_file", lambda *a: str(zip_path))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.list.count() == 1 and page.selected() == PACK_UUID, timeout=5000)
    assert page.list.item(0).text() == "Test Icons — version 1, 4 icons"
    assert page.status.text() == "Imported Test Icons (version 1, 4 icons)."
    settings.reject()
    qtbot.waitUntil(lambda: window.active_dialog is None)

    # Edit GitHub → Choose… : GitHub's own icon first, then search and pick Blizzard
    row = _select(window, "GitHub")
    letter = _avatar_rgb(window, row)
    window.commands.edit.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog) and dialog.icon_field.icon is None
    assert dialog.icon_field.preview.text() == "None"
    assert not dialog.icon_field.remove_button.isEnabled()
    qtbot.mouseClick(dialog.icon_field.choose_button, Qt.MouseButton.LeftButton)
    picker = dialog.icon_field.picker
    assert isinstance(picker, IconPickerDialog) and picker.isVisible()
    assert [i.name for i in picker.model.icons][:1] == ["GitHub"]
    assert picker.status.text() == "One icon matches the issuer; it comes first."
    qtbot.keyClicks(picker.search, "battle")
    assert [i.name for i in picker.model.icons] == ["Blizzard"]
    _click_grid_item(qtbot, picker, 0)
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert not picker.isVisible()
    assert dialog.icon_field.icon is not None and b"#00ff00" in dialog.icon_field.icon.data
    assert dialog.icon_field.preview.pixmap() is not None
    assert dialog.icon_field.remove_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.active_dialog is None)

    # the row shows it (green), and the vault keeps it
    saved = next(e for e in services.vault.entries() if e.issuer == "GitHub")
    assert saved.icon is not None and saved.icon.mime == "image/svg+xml"
    row = _select(window, "GitHub")
    qtbot.waitUntil(lambda: _avatar_rgb(window, row) == (0, 255, 0), timeout=3000)
    assert letter != (0, 255, 0)

    # Export (encrypted Aegis) and read it back: the icon comes back as it was
    export = ExportDialog(services)
    qtbot.addWidget(export)
    export.show()
    out = tmp_path / "backup"
    export.ask_save_path = lambda suggested: out  # type: ignore[method-assign]
    for name in ("export-password", "export-password-confirm"):
        qtbot.keyClicks(export.findChild(QLineEdit, name), "long password")
    qtbot.mouseClick(export.findChild(QPushButton, "export-button"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not export.busy, timeout=20000)
    assert "Exported" in export.findChild(QLabel, "export-message").text()
    back = importers.load_file(tmp_path / "backup.json", "long password").entries
    again = next(e for e in back if e.issuer == "GitHub")
    assert again.icon == saved.icon

    # ... and imported again through the Import dialog into a vault that lost the account: it
    # comes back with its own (green) icon, not the pack's GitHub icon (black)
    services.vault.remove(saved.uuid)
    dialog = ImportDialog(services, tmp_path / "backup.json")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "backup-password"), "long password")
    qtbot.mouseClick(dialog.findChild(QPushButton, "unlock"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == PAGE_PREVIEW, timeout=20000)
    qtbot.mouseClick(dialog.findChild(QPushButton, "import-button"), Qt.MouseButton.LeftButton)
    restored = next(e for e in services.vault.entries() if e.issuer == "GitHub")
    assert restored.uuid == saved.uuid and restored.icon == saved.icon
    qtbot.waitUntil(lambda: _avatar_rgb(window, _select(window, "GitHub")) == (0, 255, 0))


def test_an_icon_from_a_file_and_removing_it(window, services, qtbot, monkeypatch, tmp_path):
    bad = tmp_path / "bad.svg"
    bad.write_bytes(svg("#ff00ff", '<image href="http://example.com/t.png"/>'))
    good = tmp_path / "good.svg"
    good.write_bytes(svg("#ff00ff"))
    chosen = [str(bad)]
    monkeypatch.setattr(icon_picker, "choose_file", lambda parent: chosen[0])
    _select(window, "GitHub")
    window.commands.edit.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog)
    picker = dialog.icon_field.open_picker()
    assert picker.status.text().startswith("No icon pack is installed")
    assert not picker.ok_button.isEnabled()
    qtbot.mouseClick(picker.file_button, Qt.MouseButton.LeftButton)
    assert picker.isVisible()
    assert picker.status.text() == (
        "bad.svg cannot be used as an icon: it links to something outside the picture."
    )
    chosen[0] = str(good)
    qtbot.mouseClick(picker.file_button, Qt.MouseButton.LeftButton)
    assert not picker.isVisible() and b"#ff00ff" in dialog.icon_field.icon.data
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = next(e for e in services.vault.entries() if e.issuer == "GitHub")
    assert saved.icon is not None
    # and removed again
    qtbot.waitUntil(lambda: window.active_dialog is None)
    _select(window, "GitHub")
    window.commands.edit.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog) and dialog.icon_field.icon == saved.icon
    qtbot.mouseClick(dialog.icon_field.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.icon_field.preview.text() == "None"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert next(e for e in services.vault.entries() if e.issuer == "GitHub").icon is None


def test_settings_refuses_a_bad_pack_in_one_line_and_removes_one(services, qtbot, tmp_path):
    IconLibrary.of(services.paths.data_dir).install(pack_zip())
    settings = SettingsDialog(services)
    qtbot.addWidget(settings)
    settings.show()
    settings.show_section(ICON_PACKS_SECTION)
    page = settings.icon_packs_page
    assert page.list.count() == 1 and page.list.item(0).icon().isNull() is False
    evil = tmp_path / "evil.zip"
    evil.write_bytes(
        pack_zip(
            uuid="0b3e0a5e-1111-4c1c-8a55-222222222222",
            icons=[icon("x.svg", "x")],
            files={"x.svg": svg("#000", '<g onload="alert(1)"/>')},
        )
    )
    page.import_file(evil)
    qtbot.waitUntil(lambda: not page.job.busy, timeout=5000)
    assert page.status.text() == (
        "Not imported: x.svg in the pack was refused: it holds a script (an onload attribute)."
    )
    assert page.list.count() == 1
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Removed Test Icons. Accounts keep the icons they have."
    assert page.list.item(0).text() == "No icon pack is installed."
    assert not page.remove_button.isEnabled()
    assert IconLibrary.of(services.paths.data_dir).packs() == []


def test_a_scanned_account_gets_the_pack_icon(window, services, qtbot) -> None:
    IconLibrary.of(services.paths.data_dir).install(pack_zip())
    window.adding.save_entries([Entry(secret="JBSWY3DPEHPK3PXP", issuer="google", name="me")])
    saved = next(e for e in services.vault.entries() if e.name == "me")
    assert saved.icon is not None and b"#ff0000" in saved.icon.data


def test_a_sanitised_svg_renders_in_qt() -> None:
    """QtSvg (in PySide6-Essentials) draws what the sanitiser wrote: links inside the picture
    (use, gradients) still work, editor metadata and the DOCTYPE are gone."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from desktop_app.icons.svg import sanitise_svg

    source = (
        b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        b'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
        b'viewBox="0 0 20 10" width="20" height="10"><sodipodi:namedview/>'
        b'<defs><linearGradient id="g"><stop offset="0" stop-color="#0000ff"/>'
        b'<stop offset="1" stop-color="#0000ff"/></linearGradient>'
        b'<rect id="half" width="10" height="10"/></defs>'
        b'<use xlink:href="#half" fill="#ff0000"/>'
        b'<rect x="10" width="10" height="10" fill="url(#g)"/></svg>'
    )
    clean = sanitise_svg(source)
    assert b"sodipodi" not in clean and b"DOCTYPE" not in clean
    renderer = QSvgRenderer(clean)
    assert renderer.isValid()
    image = QImage(20, 10, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    left, right = image.pixelColor(4, 5), image.pixelColor(15, 5)
    assert (left.red(), left.green(), left.blue()) == (255, 0, 0)
    assert (right.red(), right.green(), right.blue()) == (0, 0, 255)
