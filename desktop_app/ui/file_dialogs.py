"""File dialogs that open where the last one was left (the internal setting ``last_folder``).

paths = open_files(parent, settings, title, file_filter)
path = open_file(parent, settings, title, file_filter)
path = save_file(parent, settings, title, suggested_name, file_filter)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop_app.settings import LAST_FOLDER, Settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def start_folder(settings: Settings) -> Path:
    """The folder the last file dialog was in, when it still exists; else the home folder."""
    last = str(settings.value(LAST_FOLDER) or "")
    if last and Path(last).is_dir():
        return Path(last)
    return Path.home()


def remember(settings: Settings, chosen: str | Path) -> None:
    """Remember the folder of ``chosen`` (a file, or a folder) for the next dialog."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if str(folder):
        settings.set(LAST_FOLDER, str(folder))


def image_filter() -> str:
    from desktop_app.scanning import IMAGE_SUFFIXES  # loads no OpenCV

    patterns = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
    return (
        QCoreApplication.translate("FileDialogs", "Images ({patterns})").format(patterns=patterns)
        + ";;"
        + all_files()
    )


def all_files() -> str:
    return QCoreApplication.translate("FileDialogs", "All files (*)")


def open_files(
    parent: QWidget | None, settings: Settings, title: str, file_filter: str
) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(settings)), file_filter)
    if paths:
        remember(settings, paths[0])
    return list(paths)


def open_file(parent: QWidget | None, settings: Settings, title: str, file_filter: str) -> str:
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(settings)), file_filter)
    if name:
        remember(settings, name)
    return str(name)


def save_file(
    parent: QWidget | None, settings: Settings, title: str, suggested: str, file_filter: str
) -> str:
    start = start_folder(settings) / suggested
    name, _ = QFileDialog.getSaveFileName(parent, title, str(start), file_filter)
    if name:
        remember(settings, name)
    return str(name)
