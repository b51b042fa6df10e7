"""Issue 25: an icon pack .zip dropped on the window is offered for installing as an icon pack
(not tried as a backup); any other file still goes to the backup import."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication

from desktop_app.icons import IconLibrary, looks_like_pack
from tests.icons.pack_builder import pack_zip
from tests.ui.helpers_main import Recorder, make_window, sample_entries

pytestmark = pytest.mark.gui


def drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(widget.width() // 2, widget.height() // 2)
    enter = QDragEnterEvent(
        pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    )
    QGuiApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier(0),
    )
    QGuiApplication.sendEvent(widget, event)
    assert event.isAccepted()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def window(services, qtbot, monkeypatch, recorder):
    services.vault.add_many(sample_entries())
    w = make_window(services, qtbot, monkeypatch, recorder)
    backups: list[str] = []
    monkeypatch.setattr(w.adding, "import_backup", lambda path=None: backups.append(path))
    w.backups_tried = backups
    return w


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_a_pack_is_told_from_other_files(tmp_path: Path) -> None:
    files = {
        "pack.zip": pack_zip(),
        "nested.zip": zip_of({"icons/pack.json": b"{}"}),
        "backup.zip": zip_of({"backup.json": b"{}"}),
        "pack.json": b'{"uuid": "x"}',
        "broken.zip": pack_zip()[:100],
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    found = {name: looks_like_pack(tmp_path / name) for name in files}
    assert found == {
        "pack.zip": True,
        "nested.zip": False,
        "backup.zip": False,
        "pack.json": False,
        "broken.zip": False,
    }
    assert looks_like_pack(tmp_path / "missing.zip") is False


def test_dropped_pack_is_offered_and_installed(window, services, recorder, qtbot, tmp_path):
    pack = tmp_path / "aegis-icons.zip"
    pack.write_bytes(pack_zip())
    drop(window, [pack])
    assert recorder.asked and recorder.asked[0][0] == "Install the icon pack?"
    assert "aegis-icons.zip is an icon pack" in recorder.asked[0][1]
    library = IconLibrary.of(Path(services.paths.data_dir))
    qtbot.waitUntil(lambda: len(library.packs()) == 1, timeout=10000)
    assert library.packs()[0].name == "Test Icons"
    qtbot.waitUntil(lambda: "Installed the icon pack Test Icons (4 icons)" in window.last_notice)
    assert window.backups_tried == []  # not tried as a backup
    assert library.match("GitHub") is not None


def test_declined_pack_is_not_installed_nor_imported(window, services, recorder, qtbot, tmp_path):
    recorder.answer = False
    pack = tmp_path / "aegis-icons.zip"
    pack.write_bytes(pack_zip())
    drop(window, [pack])
    assert len(recorder.asked) == 1
    qtbot.wait(200)
    assert IconLibrary.of(Path(services.paths.data_dir)).packs() == []
    assert window.backups_tried == []


def test_a_bad_pack_is_refused_in_one_line(window, services, recorder, qtbot, tmp_path):
    pack = tmp_path / "evil.zip"
    pack.write_bytes(pack_zip(pack_json=b"{not json"))
    drop(window, [pack])
    qtbot.waitUntil(lambda: bool(recorder.informed), timeout=10000)
    title, text = recorder.informed[0]
    assert title == "The icon pack could not be installed"
    assert "pack.json is not valid JSON" in text and "\n" not in text
    assert IconLibrary.of(Path(services.paths.data_dir)).packs() == []


def test_other_zip_still_goes_to_the_backup_import(window, recorder, tmp_path):
    backup = tmp_path / "backup.zip"
    backup.write_bytes(zip_of({"backup.json": b"{}"}))
    drop(window, [backup])
    assert recorder.asked == []
    assert window.backups_tried == [str(backup)]


def test_the_icon_label_is_centred_on_the_icon_row(window, qtbot):
    """The edit dialog's "Icon:" label stands level with the preview and its buttons (a form
    puts a label at the top of a row taller than one line)."""
    from PySide6.QtWidgets import QFormLayout

    from desktop_app.ui.edit_dialog import EditDialog

    for r in range(window.proxy.rowCount()):
        index = window.proxy.index(r, 0)
        if str(index.data(Qt.ItemDataRole.DisplayRole)).startswith("GitHub"):
            window.view.setCurrentIndex(index)
    window.commands.edit.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog)
    qtbot.waitExposed(dialog)
    field = dialog.icon_field
    form = next(f for f in dialog.findChildren(QFormLayout) if f.labelForField(field))
    label = form.labelForField(field)
    assert label is not None and label.text() == "Icon:"
    assert field.height() > label.fontMetrics().height() + 4  # the row is taller than a line

    def middle(widget) -> int:
        return widget.mapTo(dialog, widget.rect().center()).y()

    assert label.alignment() & Qt.AlignmentFlag.AlignVCenter
    assert abs(middle(label) - middle(field.choose_button)) <= 1
    assert abs(middle(label) - middle(field.preview)) <= 1
    dialog.reject()
