"""Import from another authenticator: choose (or drop) a file, unlock it, preview, import.

    added = run_import(parent, services, path=None)

The dialog has three pages: choose a file (button, or drop a file on the dialog), the password
(asked only when the file is encrypted; a wrong password is said and asked again), and the
preview: one row per entry with a checkbox, duplicates of accounts already present marked and
unchecked, and the entries that cannot be imported listed with the reason. "Import" saves the
checked entries in one ``vault.add_many`` -- all or nothing.

Tests: ``ImportDialog(services, path)`` then ``show()``; ``ask_file`` can be monkeypatched.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app import AppServices
from desktop_app.errors import AppError, WrongPasswordError
from desktop_app.importers import ImportResult, PasswordRequired, detect_format, read_file
from desktop_app.importers.base import Importer
from desktop_app.intake import find_duplicates
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.qr_view import error_style, warning_color

log = logging.getLogger(__name__)

FILE_FILTER = (
    "Authenticator backups (*.json *.2fas *.aes *.txt *.csv *.png *.jpg *.jpeg);;All files (*)"
)
PAGE_CHOOSE, PAGE_PASSWORD, PAGE_PREVIEW = range(3)
COLUMNS = ("Import", "Issuer", "Account", "Kind", "Group", "Status")


def describe(entry: Entry) -> str:
    if entry.type is OtpType.STEAM:
        return "Steam"
    if entry.type is OtpType.HOTP:
        return f"HOTP · {entry.algorithm} · {entry.digits} digits · counter {entry.counter}"
    return f"TOTP · {entry.algorithm} · {entry.digits} digits · {entry.period} s"


class ImportDialog(QDialog):
    imported = Signal(int)  # number of accounts added

    def __init__(
        self, services: AppServices, path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("Import accounts")
        self.setAcceptDrops(True)
        self.resize(900, 540)
        self.path: Path | None = None
        self.data: bytes = b""
        self.importer: Importer | None = None
        self.import_result: ImportResult | None = None
        self.duplicates: dict[str, Entry] = {}
        self.added = 0

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._build_choose_page())
        self.pages.addWidget(self._build_password_page())
        self.pages.addWidget(self._build_preview_page())

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("import-button")
        self.import_button.setAccessibleName("Import the checked accounts")
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.do_import)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        if path is not None:
            self.open_path(Path(path))

    # --- pages ----------------------------------------------------------------------------

    def _build_choose_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        intro = QLabel(
            "<b>Bring your accounts from another authenticator.</b><br>"
            "Choose a backup or export file, or drop it on this window. The app reads "
            "Aegis (plain or encrypted), 2FAS, andOTP, Bitwarden (JSON), FreeOTP+, ente Auth "
            "(plain text), Google Authenticator export links, text files of otpauth:// links "
            "and pictures of QR codes. Nothing is saved until you confirm."
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton("Choose a file…")
        self.choose_button.setObjectName("choose-file")
        self.choose_button.setAccessibleName("Choose a backup file")
        self.choose_button.clicked.connect(self._choose)
        self.choose_error = QLabel()
        self.choose_error.setObjectName("choose-error")
        self.choose_error.setWordWrap(True)
        self.choose_error.setStyleSheet(error_style())
        self.choose_error.setAccessibleName("Problem with the file")
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
        self.password_edit.setAccessibleName("Backup password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("Password of the backup")
        self.password_edit.returnPressed.connect(self.submit_password)
        self.password_error = QLabel()
        self.password_error.setObjectName("password-error")
        self.password_error.setStyleSheet(error_style())
        self.password_error.setWordWrap(True)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setObjectName("unlock")
        self.unlock_button.setAccessibleName("Unlock the backup")
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
        lay = QVBoxLayout(page)
        self.summary = QLabel()
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("import-preview")
        self.table.setAccessibleName("Accounts in the file")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._update_import_button)
        select_all = QPushButton("Select all")
        select_all.setObjectName("select-all")
        select_all.clicked.connect(lambda: self.set_all_checked(True))
        select_none = QPushButton("Select none")
        select_none.setObjectName("select-none")
        select_none.clicked.connect(lambda: self.set_all_checked(False))
        row = QHBoxLayout()
        row.addWidget(select_all)
        row.addWidget(select_none)
        row.addStretch(1)
        self.skipped_label = QLabel()
        self.skipped_label.setWordWrap(True)
        self.skipped_list = QListWidget()
        self.skipped_list.setObjectName("skipped-entries")
        self.skipped_list.setAccessibleName("Entries that cannot be imported")
        self.skipped_list.setMaximumHeight(110)
        self.import_error = QLabel()
        self.import_error.setObjectName("import-error")
        self.import_error.setStyleSheet(error_style())
        self.import_error.setWordWrap(True)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(self.skipped_label)
        lay.addWidget(self.skipped_list)
        lay.addWidget(self.import_error)
        return page

    # --- choosing and reading -------------------------------------------------------------

    def ask_file(self) -> Path | None:
        """The file to import (a file dialog); tests monkeypatch this."""
        name, _ = QFileDialog.getOpenFileName(self, "Import accounts", "", FILE_FILTER)
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
        """Read ``path``; ask for its password if needed, else show the preview."""
        self.path = path
        self.import_result = None
        self.import_button.setEnabled(False)
        try:
            self.data = read_file(path)
            self.importer = detect_format(self.data)
            encrypted = self.importer.needs_password(self.data)
        except AppError as exc:
            self._show_choose_error(str(exc))
            return
        if encrypted:
            self.password_intro.setText(
                f"<b>{html.escape(path.name)}</b> is an encrypted {self.importer.label}. "
                "Enter the password it was exported with."
            )
            self.password_error.clear()
            self.password_edit.clear()
            self.pages.setCurrentIndex(PAGE_PASSWORD)
            self.password_edit.setFocus()
            return
        self._parse(None)

    def submit_password(self) -> None:
        password = self.password_edit.text()
        if not password:
            self.password_error.setText("Enter the backup's password.")
            return
        self._parse(password)

    def _parse(self, password: str | None) -> None:
        assert self.importer is not None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.importer.parse(self.data, password)
        except WrongPasswordError as exc:
            self.password_error.setText(f"{exc} Try again.")
            self.password_edit.selectAll()
            self.pages.setCurrentIndex(PAGE_PASSWORD)
            return
        except PasswordRequired:
            self.pages.setCurrentIndex(PAGE_PASSWORD)
            return
        except AppError as exc:
            self._show_choose_error(str(exc))
            return
        except Exception as exc:  # a hostile file must never take the window down
            log.warning("import failed: %s", type(exc).__name__)
            self._show_choose_error(f"The file cannot be read ({type(exc).__name__}).")
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.password_edit.clear()
        self.show_result(result)

    def _show_choose_error(self, message: str) -> None:
        name = self.path.name if self.path else "The file"
        self.choose_error.setText(f"{name}: {message}")
        self.pages.setCurrentIndex(PAGE_CHOOSE)

    # --- preview --------------------------------------------------------------------------

    def show_result(self, result: ImportResult) -> None:
        self.import_result = result
        vault = self.services.vault
        existing = vault.entries() if vault is not None else []
        self.duplicates = find_duplicates(existing, result.entries)
        self.table.blockSignals(True)
        self.table.setRowCount(len(result.entries))
        for row, entry in enumerate(result.entries):
            dupe = self.duplicates.get(entry.uuid)
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked if dupe else Qt.CheckState.Checked)
            check.setData(Qt.ItemDataRole.AccessibleTextRole, f"Import {entry.label}")
            self.table.setItem(row, 0, check)
            status = ""
            if dupe is not None:
                status = (
                    f"Already in your accounts ({dupe.label})"
                    if not any(dupe is e for e in result.entries)
                    else f"Repeats {dupe.label} in this file"
                )
            for col, text in enumerate(
                (entry.issuer, entry.name, describe(entry), entry.group, status), start=1
            ):
                item = QTableWidgetItem(text)
                if col == 5 and status:
                    item.setForeground(QColor(warning_color()))
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        n, d = len(result.entries), len(self.duplicates)
        name = html.escape(self.path.name) if self.path else "the file"
        text = (
            f"<b>{result.format_label}</b> · {name}: {n} account{'s' if n != 1 else ''}"
            + (f", {d} already present (unchecked)" if d else "")
            + "."
        )
        if result.notes:
            text += "<br>" + "<br>".join(html.escape(n) for n in result.notes)
        self.summary.setText(text)
        self.skipped_list.clear()
        for s in result.skipped:
            self.skipped_list.addItem(f"{s.label} — {s.reason}")
        k = len(result.skipped)
        self.skipped_label.setText(
            f"<b>{k} entr{'y' if k == 1 else 'ies'} cannot be imported:</b>" if k else ""
        )
        self.skipped_label.setVisible(bool(k))
        self.skipped_list.setVisible(bool(k))
        self.import_error.clear()
        self.pages.setCurrentIndex(PAGE_PREVIEW)
        self._update_import_button()

    def row_checked(self, row: int) -> bool:
        item = self.table.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_all_checked(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                item.setCheckState(state)

    def checked_entries(self) -> list[Entry]:
        if self.import_result is None:
            return []
        return [e for row, e in enumerate(self.import_result.entries) if self.row_checked(row)]

    def _update_import_button(self) -> None:
        n = len(self.checked_entries())
        self.import_button.setText(f"Import {n} account{'s' if n != 1 else ''}")
        self.import_button.setEnabled(n > 0 and self.pages.currentIndex() == PAGE_PREVIEW)

    def do_import(self) -> int:
        """Save the checked entries in one step; returns how many were added."""
        entries = self.checked_entries()
        vault = self.services.vault
        if vault is None:
            self.import_error.setText("The vault is locked; unlock it first.")
            return 0
        if not entries:
            return 0
        try:
            added = vault.add_many(entries)
        except AppError as exc:
            self.import_error.setText(f"Nothing was imported: {exc}")
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
