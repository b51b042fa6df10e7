"""What Settings → Sync's two folder sections share: the sync folder (``ui/sync_page.py``) and a
followed Aegis backup folder (``ui/aegis_follow_section.py``).

- :class:`FolderWatch`: notices that one folder changed. It watches the **folder**, not a file (a
  sync engine, or Aegis, writes a temp file and renames it over the real one, and a watched file
  stops being followed), turns a burst of events into one ``due`` after 1.5 s, and emits ``due``
  every 30 s too (network and FUSE mounts send no events).
- :class:`FolderFollower`: the window's part: a folder watch whose ``due`` runs :meth:`check`,
  and the worker job that the check starts (the followed folder is read off the GUI thread).
- :class:`FolderSection`: the section's layout: a heading and what it does, the folder with
  "Choose Folder…", the section's own rows, a row of buttons, a status line and a message line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.a11y import button, line_edit
from desktop_app.ui.workers import Job, one_line

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QPushButton

    from desktop_app.app import AppServices

DEBOUNCE_MS = 1500
POLL_MS = 30_000


class FolderWatch(QObject):
    """Emits ``due`` when the watched folder changed (debounced) and at every poll."""

    due = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fs = QFileSystemWatcher(self)
        self._fs.directoryChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.due)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.due)

    @property
    def active(self) -> bool:
        """The poll runs (:meth:`start` was called, :meth:`stop` not since)."""
        return self._poll.isActive()

    def start(self, folder: str) -> None:
        """Watch ``folder`` alone from now on ("" or a missing folder: only the poll runs)."""
        self._forget()
        self.watch(folder)
        self._poll.start()

    def stop(self) -> None:
        self._forget()
        self._poll.stop()

    def watch(self, folder: str) -> None:
        """Watch ``folder`` if it is not watched: a folder renamed away and back is followed
        again (its watch ended when it went)."""
        if folder and Path(folder).is_dir() and folder not in self._fs.directories():
            self._fs.addPath(folder)

    def _forget(self) -> None:
        paths = self._fs.directories()
        if paths:
            self._fs.removePaths(paths)

    def _changed(self, _path: str) -> None:
        self._debounce.start()  # a burst (a temp file, then its rename) is one change


class FolderFollower(QObject):
    """Follows one folder for the window: :meth:`check` when the folder is due (the subclass's:
    it reads the folder in :attr:`job`), :meth:`restart` after the followed folder changed."""

    def __init__(self, services: AppServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.job = Job(self)
        self.folder = FolderWatch(self)
        self.folder.due.connect(self.check)

    @property
    def active(self) -> bool:
        return self.folder.active

    def check(self) -> None:
        raise NotImplementedError

    def restart(self) -> None:
        raise NotImplementedError


class FolderSection(QWidget):
    """A Settings section about one folder. The subclass passes its texts (in its own
    translation context), adds its own rows between the folder and :meth:`finish`, and shows
    its state in :meth:`refresh` (run when the folder's text changes)."""

    def __init__(
        self,
        parent: QWidget | None,
        name: str,
        heading: str,
        explain: str,
        folder: tuple[str, str, str],
        chooser: tuple[str, str, str],
    ) -> None:
        """``folder``: the folder field's object name, accessible name and description;
        ``chooser``: the Choose button's object name and description, and the dialog's title."""
        super().__init__(parent)
        self.setObjectName(name)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.lay.setSpacing(6)
        title = QLabel(heading, self)
        title.setStyleSheet("font-weight: 600;")
        self.lay.addWidget(title)
        text = QLabel(explain, self)
        text.setWordWrap(True)
        self.lay.addWidget(text)
        self.lay.addSpacing(6)
        self._build_folder(folder, chooser)
        self.status = QLabel(self)
        self.message = QLabel(self)

    def _build_folder(self, folder: tuple[str, str, str], chooser: tuple[str, str, str]) -> None:
        name, accessible, description = folder
        self.folder_edit = line_edit(
            self,
            name,
            accessible,
            description,
            placeholder=QCoreApplication.translate("FolderSection", "No folder chosen"),
        )
        self.folder_edit.textChanged.connect(lambda _t: self.refresh())
        choose_name, choose_description, self._dialog_title = chooser
        self.choose_button = button(
            self,
            choose_name,
            QCoreApplication.translate("FolderSection", "Choose Folder…"),
            choose_description,
            self.choose_folder,
        )
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        self.lay.addLayout(row)

    def add_note(self, text: str = "") -> QLabel:
        """A wrapped line of text below what is there."""
        label = QLabel(text, self)
        label.setWordWrap(True)
        self.lay.addWidget(label)
        return label

    def add_password(
        self, name: str, accessible: str, description: str, placeholder: str
    ) -> QLineEdit:
        field = line_edit(self, name, accessible, description, placeholder=placeholder, secret=True)
        self.lay.addWidget(field)
        return field

    def finish(
        self,
        buttons: tuple[tuple[str, str, str, Callable[[], object]], ...],
        status_name: str,
        message_name: str,
    ) -> tuple[QPushButton, ...]:
        """The buttons' row (each: object name, text, description, slot), then the status and
        message lines; returns the buttons."""
        row = QHBoxLayout()
        made = tuple(button(self, *spec) for spec in buttons)
        for widget in made:
            row.addWidget(widget)
        row.addStretch(1)
        self.lay.addLayout(row)
        for label, name in ((self.status, status_name), (self.message, message_name)):
            label.setObjectName(name)
            label.setWordWrap(True)
            self.lay.addWidget(label)
        return made

    def refresh(self) -> None:
        """Show the section's state (the subclass's)."""

    def folder_text(self) -> str:
        return self.folder_edit.text().strip()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self._dialog_title)
        if folder:
            self.folder_edit.setText(folder)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def say_failed(self, exc: BaseException, *, nothing_changed: bool = True) -> None:
        """``exc`` in one line, after "Nothing changed:" when the work changed nothing."""
        text = one_line(
            exc,
            QCoreApplication.translate(
                "FolderSection", "Something went wrong ({kind}); see the log."
            ),
        )
        if nothing_changed:
            text = QCoreApplication.translate("FolderSection", "Nothing changed: {error}").format(
                error=text
            )
        self.say(text)
