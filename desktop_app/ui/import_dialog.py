"""Import from another authenticator: choose (or drop) a file, unlock it, preview, import.

    added = run_import(parent, services, path=None)

The dialog has three pages: choose a file (button, or drop a file on the dialog), the password
(asked only when the file is encrypted; a wrong password is said and asked again), and the
review (the one :class:`~desktop_app.ui.candidate_review.CandidateReview` that scanning and
pasting use too). The file is read with :func:`desktop_app.importers.load` -- the same hardened
path as the CLI -- in a worker thread, so a slow key derivation (Aegis scrypt, andOTP PBKDF2)
never freezes the window; meanwhile the dialog shows that it is busy, and Cancel abandons the
read. "Import" saves the checked entries in one ``vault.add_many`` -- all or nothing.

Tests: ``ImportDialog(services, path)`` then ``show()``; ``ask_file`` can be monkeypatched.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import importers
from desktop_app.app import AppServices
from desktop_app.errors import AppError, WrongPasswordError
from desktop_app.importers import ImportResult, PasswordRequired, detect_format, read_file
from desktop_app.importers.contract import Importer
from desktop_app.intake import with_pack_icons
from desktop_app.otp.model import Entry
from desktop_app.ui.candidate_review import CandidateReview
from desktop_app.ui.file_dialogs import all_files, open_file
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, core_text, number
from desktop_app.ui.theme import error_css, themed
from desktop_app.ui.workers import Job, one_line

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

log = logging.getLogger(__name__)

FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog", "Authenticator backups (*.json *.2fas *.aes *.txt *.csv *.png *.jpg *.jpeg)"
)
PAGE_CHOOSE, PAGE_PASSWORD, PAGE_PREVIEW = range(3)


class ImportDialog(QDialog):
    imported = Signal(int)  # number of accounts added

    def __init__(
        self, services: AppServices, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Import accounts"))
        self.setAcceptDrops(True)
        fit_to_screen(self, 900, 540)
        self.path: Path | None = None
        self.data: bytes = b""
        self.importer: Importer | None = None
        self.import_result: ImportResult | None = None
        self.added = 0
        self.job = Job(self)  # the read running in a worker (a newer file supersedes it)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_password_page())
        self.pages.addWidget(self._build_preview_page())

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import-button")
        self.import_button.setAccessibleName(self.tr("Import the checked accounts"))
        self.import_button.setAccessibleDescription(
            self.tr("Save the checked accounts in the vault, all in one step.")
        )
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.do_import)
        self.cancel_button.clicked.connect(self.reject)

        self.busy_row = QWidget(self)
        self.busy_row.setObjectName("busy")
        busy = QHBoxLayout(self.busy_row)
        busy.setContentsMargins(0, 0, 0, 0)
        self.busy_bar = QProgressBar(self.busy_row)
        self.busy_bar.setRange(0, 0)  # "working", without a percentage
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setTextVisible(False)
        self.busy_label = QLabel(self.busy_row)
        self.busy_label.setAccessibleName(self.tr("Progress"))
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        self.busy_row.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.busy_row)
        layout.addWidget(self.buttons)
        if path is not None:
            self.open_path(Path(path))

    # --- pages ----------------------------------------------------------------------------

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(
            self.tr(
                "<b>Bring your accounts from another authenticator.</b><br>"
                "Choose a backup or export file, or drop it on this window. The app reads "
                "Aegis (plain or encrypted), 2FAS, andOTP, Bitwarden (JSON), FreeOTP+, ente Auth "
                "(plain text), Google Authenticator export links, text files of otpauth:// links "
                "and pictures of QR codes. Nothing is saved until you confirm."
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a file…"))
        self.choose_button.setObjectName("choose-file")
        self.choose_button.setAccessibleName(self.tr("Choose a backup file"))
        self.choose_button.setAccessibleDescription(
            self.tr("Open a file dialog to pick the backup or export file.")
        )
        self.choose_button.clicked.connect(self._choose)
        self.choose_error = QLabel()
        self.choose_error.setObjectName("choose-error")
        self.choose_error.setWordWrap(True)
        themed(self.choose_error, error_css)
        self.choose_error.setAccessibleName(self.tr("Problem with the file"))
        lay.addWidget(intro)
        lay.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.choose_error)
        lay.addStretch(1)
        return page

    def _build_password_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.password_intro = QLabel()
        self.password_intro.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("backup-password")
        self.password_edit.setAccessibleName(self.tr("Backup password"))
        self.password_edit.setAccessibleDescription(
            self.tr("The password the backup was encrypted with.")
        )
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Password of the backup"))
        self.password_edit.returnPressed.connect(self.submit_password)
        self.password_error = QLabel()
        self.password_error.setObjectName("password-error")
        themed(self.password_error, error_css)
        self.password_error.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setAccessibleName(self.tr("Unlock the backup"))
        self.unlock_button.setAccessibleDescription(
            self.tr("Decrypt the backup with the password and show its accounts.")
        )
        self.unlock_button.clicked.connect(self.submit_password)
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.unlock_button)
        lay.addWidget(self.password_intro)
        lay.addLayout(row)
        lay.addWidget(self.password_error)
        lay.addStretch(1)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget()
        self.preview_layout = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        self.preview_layout.addWidget(self.summary)
        self.review: CandidateReview | None = None
        return page

    # --- choosing and reading -------------------------------------------------------------

    def ask_file(self) -> Path | None:
        """The file to import (a file dialog); tests monkeypatch this."""
        name = open_file(
            self,
            self.services.settings,
            self.tr("Import Backup"),
            self.tr(FILE_FILTER) + ";;" + all_files(),
        )
        return Path(name) if name else None

    def _choose(self) -> None:
        path = self.ask_file()
        if path is not None:
            self.open_path(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.open_path(Path(urls[0].toLocalFile()))

    def open_path(self, path: Path) -> None:
        """Read ``path``; ask for its password if needed, else show the review."""
        self.path = path
        self.import_result = None
        self.import_button.setEnabled(False)
        self.choose_error.clear()
        try:
            self.data = read_file(path)
            self.importer = detect_format(self.data)
            encrypted = self.importer.needs_password(self.data)
        except AppError as exc:
            self._show_choose_error(core_text(exc))
            return
        if encrypted:
            self.password_intro.setText(
                self.tr(
                    "<b>{name}</b> is an encrypted {format}. Enter the password it was "
                    "exported with."
                ).format(
                    name=html.escape(path.name), format=html.escape(core_text(self.importer.label))
                )
            )
            self.password_error.clear()
            self.password_edit.clear()
            self.pages.setCurrentIndex(PAGE_PASSWORD)
            self.password_edit.setFocus()
            return
        self._parse(None)

    def submit_password(self) -> None:
        if self.busy:
            return
        password = self.password_edit.text()
        if not password:
            self.password_error.setText(self.tr("Enter the backup's password."))
            return
        self._parse(password)

    @property
    def busy(self) -> bool:
        return self.job.busy

    def _parse(self, password: str | None) -> None:
        """Read the file with ``importers.load`` in a worker; the outcome arrives in _read_*."""
        assert self.importer is not None
        self._set_busy(
            self.tr("Unlocking the backup…") if password else self.tr("Reading the file…")
        )
        self.job.start(
            importers.load,
            self.data,
            password,
            self.importer.name,
            on_done=self._read_done,
            on_error=self._read_failed,
            supersede=True,
        )

    def _set_busy(self, text: str) -> None:
        busy = bool(text)
        self.busy_label.setText(text)
        self.busy_row.setVisible(busy)
        for w in (self.password_edit, self.unlock_button, self.choose_button):
            w.setEnabled(not busy)
        self.setAcceptDrops(not busy)
        if busy:
            self.import_button.setEnabled(False)

    def _read_done(self, result: ImportResult) -> None:
        self._set_busy("")
        self.password_edit.clear()
        self.show_result(result)

    def _read_failed(self, exc: BaseException) -> None:
        self._set_busy("")
        if isinstance(exc, WrongPasswordError):
            self.password_error.setText(self.tr("{error} Try again.").format(error=core_text(exc)))
            self.pages.setCurrentIndex(PAGE_PASSWORD)
            self.password_edit.setFocus()
            self.password_edit.selectAll()
        elif isinstance(exc, PasswordRequired):
            self.pages.setCurrentIndex(PAGE_PASSWORD)
        else:  # importers.load turns everything into AppError; the rest is the last guard
            self._show_choose_error(one_line(exc, self.tr("The file cannot be read ({kind}).")))

    def _show_choose_error(self, message: str) -> None:
        name = self.path.name if self.path else self.tr("The file")
        self.choose_error.setText(f"{name}: {message}")
        self.pages.setCurrentIndex(PAGE_CHOOSE)

    def done(self, result: int) -> None:
        self.job.cancel()  # a read still running is abandoned; its result is ignored
        super().done(result)

    # --- review ---------------------------------------------------------------------------

    def show_result(self, result: ImportResult) -> None:
        self.import_result = result
        vault = self.services.vault
        existing = vault.entries() if vault is not None else []
        if self.review is not None:
            self.preview_layout.removeWidget(self.review)
            self.review.deleteLater()
        self.review = CandidateReview(
            self, existing, result.entries, result.skipped, heading="", editable_single=False
        )
        self.review.selection_changed.connect(lambda _n: self._update_import_button())
        self.preview_layout.addWidget(self.review, 1)
        wanted = self.review.wanted_width() + 40  # the table's texts on one line, if it fits
        if wanted > self.width():
            fit_to_screen(self, wanted, self.height())
        n, d = len(result.entries), len(self.review.duplicates)
        name = html.escape(self.path.name) if self.path else self.tr("the file")
        count = self.tr("1 account") if n == 1 else self.tr("{n} accounts").format(n=number(n))
        text = f"<b>{html.escape(core_text(result.format_label))}</b> · {name}: {count}"
        if d:
            text += self.tr(", {d} already present (unchecked)").format(d=d)
        text += "."
        if result.notes:
            text += "<br>" + "<br>".join(html.escape(core_text(n)) for n in result.notes)
        self.summary.setText(text)
        self.pages.setCurrentIndex(PAGE_PREVIEW)
        self._update_import_button()

    def checked_entries(self) -> list[Entry]:
        return self.review.selected() if self.review is not None else []

    def _update_import_button(self) -> None:
        n = len(self.checked_entries())
        self.import_button.setText(
            self.tr("Import 1 account")
            if n == 1
            else self.tr("Import {n} accounts").format(n=number(n))
        )
        self.import_button.setEnabled(n > 0 and self.pages.currentIndex() == PAGE_PREVIEW)

    def do_import(self) -> int:
        """Save the checked entries in one step; returns how many were added."""
        entries = self.checked_entries()
        vault = self.services.vault
        review = self.review
        if review is None or not entries:
            return 0
        if vault is None:
            review.show_error(self.tr("The vault is locked; unlock it first."))
            return 0
        try:
            added = vault.add_many(with_pack_icons(entries, vault.data_dir))  # icon packs
        except AppError as exc:
            review.show_error(self.tr("Nothing was imported: {error}").format(error=core_text(exc)))
            return 0
        self.added = len(added)
        self.imported.emit(self.added)
        self.accept()
        return self.added


def run_import(parent: QWidget | None, services: AppServices, path: Path | None = None) -> int:
    """Show the import dialog (modal); the number of accounts added."""
    dialog = ImportDialog(services, None, parent)
    if path is not None:
        dialog.open_path(Path(path))
    else:
        chosen = dialog.ask_file()
        if chosen is None:
            return 0
        dialog.open_path(chosen)
    dialog.exec()
    added = dialog.added
    dialog.deleteLater()
    return added
