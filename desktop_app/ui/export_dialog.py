"""Export every account, show Google Authenticator transfer codes, show one account as QR
(automatic backups are set up in Settings → Backups: ui/backup_page.py; this dialog links there).

    run_export(parent, services) -> int       # accounts exported
    show_entry_qr(parent, entry) -> EntryQrDialog   (non-modal)
    GoogleQrDialog(uris, left_out, parent)    # migration codes one after another

Tests: build ``ExportDialog(services)`` and ``show()`` it; ``ask_save_path`` can be
monkeypatched (the file dialog would block).
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.app import AppServices
from desktop_app.errors import AppError
from desktop_app.exporters.base import ExportOutcome
from desktop_app.exporters.google import migration_uris
from desktop_app.exporters.registry import (
    FORMATS,
    READABLE_FORMATS,
    READABLE_WARNING,
    exporter_by_name,
)
from desktop_app.otp.model import Entry
from desktop_app.otp.uri import build_uri
from desktop_app.ui.file_dialogs import all_files, save_file
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.i18n import number
from desktop_app.ui.qr_view import QrLabel
from desktop_app.ui.theme import error_css, themed, warning_css
from desktop_app.ui.workers import Job, one_line

log = logging.getLogger(__name__)
MIN_PASSWORD = 8


class ExportDialog(QDialog):
    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Export accounts"))
        fit_to_screen(self, 620, 440)
        self.exported = 0
        self.last_paths: list[Path] = []
        self.qr_dialog: GoogleQrDialog | None = None
        self.job = Job(self)  # the write running in a worker (encrypting derives a key)
        self.job.busy_changed.connect(self._set_busy)

        self.format_box = QComboBox()
        self.format_box.setObjectName("export-format")
        self.format_box.setAccessibleName(self.tr("Export format"))
        self.format_box.setAccessibleDescription(
            self.tr("The file format the accounts are written in.")
        )
        for key, label in FORMATS.items():
            self.format_box.addItem(QCoreApplication.translate("Exporters", label), key)
        self.format_box.currentIndexChanged.connect(self._format_changed)

        self.password_box = self._build_password_box()

        self.warning = QLabel()
        self.warning.setObjectName("readable-warning")
        self.warning.setWordWrap(True)
        themed(self.warning, lambda: warning_css(bold=True))
        self.understood = QCheckBox(self.tr("I understand that the secrets will be readable"))
        self.understood.setObjectName("readable-understood")
        self.understood.toggled.connect(self._update_buttons)
        self.password.textChanged.connect(self._update_buttons)
        self.confirm.textChanged.connect(self._update_buttons)

        self.message = QLabel()
        self.message.setObjectName("export-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("export-button")
        self.export_button.setAccessibleName(self.tr("Export"))
        self.export_button.setAccessibleDescription(
            self.tr("Choose where to save the file and write it now.")
        )
        self.export_button.clicked.connect(self.do_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        # Exporting now (a file, once); automatic backups are set up in Settings → Backups.
        now = self._build_now_page(len(services.vault) if services.vault is not None else 0)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet("color: palette(mid);")
        outer = QVBoxLayout(self)
        outer.addWidget(now, 1)
        outer.addWidget(line)
        outer.addWidget(self._build_backup_link())
        outer.addWidget(buttons)
        self._format_changed()

    def _build_password_box(self) -> QWidget:
        """The export password, twice (for Aegis's encrypted format)."""
        self.password = QLineEdit()
        self.password.setObjectName("export-password")
        self.password.setAccessibleName(self.tr("Export password"))
        self.password.setAccessibleDescription(
            self.tr("The password that encrypts the exported file; at least 8 characters.")
        )
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("export-password-confirm")
        self.confirm.setAccessibleName(self.tr("Repeat the export password"))
        self.confirm.setAccessibleDescription(self.tr("The same password again, to be sure."))
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat:"), self.confirm)
        self.password_hint = QLabel(
            self.tr("Aegis and this app open the file with this password. It cannot be recovered.")
        )
        self.password_hint.setWordWrap(True)
        form.addRow(self.password_hint)
        return box

    def _build_now_page(self, count: int) -> QWidget:
        """Export now: the format, its password or warning, and the Export button."""
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            self.tr("Export your account to a file that other authenticators can read.")
            if count == 1
            else self.tr(
                "Export your {n} accounts to a file that other authenticators can read."
            ).format(n=number(count))
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.format_box)
        layout.addWidget(self.password_box)
        layout.addWidget(self.warning)
        layout.addWidget(self.understood)
        layout.addWidget(self.message)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        return page

    # --- automatic backups --------------------------------------------------------------------

    def _build_backup_link(self) -> QWidget:
        """Automatic backups are set up in Settings → Backups (one place): a line and a button
        that opens that page, under "Export now"."""
        box = QWidget()
        box.setObjectName("automatic-backups")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        text = QLabel(
            self.tr(
                "To have a backup written after every change, set up automatic backups "
                "in Settings → Backups."
            )
        )
        text.setObjectName("backup-link-text")
        text.setWordWrap(True)
        text.setStyleSheet("color: palette(placeholder-text);")
        button = QPushButton(self.tr("Backup Settings…"))
        button.setObjectName("open-backup-settings")
        button.setAccessibleDescription(self.tr("Close this dialog and open Settings → Backups."))
        button.clicked.connect(self.open_backup_settings)
        button.setVisible(callable(getattr(self.parent(), "show_settings", None)))
        row.addWidget(text, 1)
        row.addWidget(button)
        return box

    def open_backup_settings(self) -> None:
        show = getattr(self.parent(), "show_settings", None)
        self.reject()
        if callable(show):
            QTimer.singleShot(0, lambda: show("Backups"))

    # --- export -------------------------------------------------------------------------------

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _format_changed(self) -> None:
        fmt = self.fmt
        self.password_box.setVisible(fmt == "aegis")
        readable = fmt in READABLE_FORMATS
        if fmt == "google-qr":
            self.warning.setText(
                self.tr(
                    "The codes shown hold your secrets: anyone who photographs them can generate "
                    "your codes. Scan them with Google Authenticator (Transfer accounts → Import accounts) "
                    "in private. Steam accounts, 7-digit codes and periods other than 30 s cannot "
                    "be carried and are listed."
                )
            )
        else:
            self.warning.setText(QCoreApplication.translate("Exporters", READABLE_WARNING))
        self.warning.setVisible(readable)
        self.understood.setVisible(readable)
        self.understood.setChecked(False)
        self.export_button.setText(
            self.tr("Show codes") if fmt == "google-qr" else self.tr("Export…")
        )
        self.message.clear()
        self._update_buttons()

    def _update_buttons(self) -> None:
        if self.job.busy:
            return
        fmt = self.fmt
        if fmt == "aegis":
            ok = bool(self.password.text()) and bool(self.confirm.text())
        else:
            ok = self.understood.isChecked()
        self.export_button.setEnabled(ok and self.services.vault is not None)

    def ask_save_path(self, suggested: str) -> Path | None:
        """Where to write the export (a file dialog); tests monkeypatch this."""
        name = save_file(
            self, self.services.settings, self.tr("Export Accounts"), suggested, all_files()
        )
        return Path(name) if name else None

    def _check_password(self) -> str | None:
        first, second = self.password.text(), self.confirm.text()
        if len(first) < MIN_PASSWORD:
            self.message.setStyleSheet(error_css())
            self.message.setText(
                self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD)
            )
            return None
        if first != second:
            self.message.setStyleSheet(error_css())
            self.message.setText(self.tr("The two passwords differ."))
            return None
        return first

    def do_export(self) -> bool:
        vault = self.services.vault
        if vault is None:
            return False
        entries = vault.entries()
        fmt = self.fmt
        if not entries:
            self.message.setStyleSheet(error_css())
            self.message.setText(self.tr("There are no accounts to export."))
            return False
        if fmt == "google-qr":
            uris, left_out = migration_uris(entries)
            self.qr_dialog = GoogleQrDialog(uris, left_out, self)
            self.qr_dialog.show()
            self.exported = len(entries) - len(left_out)
            return True
        password = None
        if fmt == "aegis":
            password = self._check_password()
            if password is None:
                return False
        exporter = exporter_by_name(fmt)
        path = self.ask_save_path(exporter.default_name)
        if path is None:
            return False
        if not path.suffix:
            path = path.with_suffix(exporter.suffix)
        # Encrypting derives a key (scrypt): the file is written in a worker thread.
        self.job.start(
            exporter.write,
            entries,
            path,
            password,
            on_done=lambda outcome: self._written(path, outcome),
            on_error=self._write_failed,
        )
        return True

    @property
    def busy(self) -> bool:
        return self.job.busy

    def _set_busy(self, busy: bool) -> None:
        for w in (self.format_box, self.password, self.confirm, self.understood):
            w.setEnabled(not busy)
        if busy:
            self.export_button.setEnabled(False)
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Writing the export…"))
        else:
            self._update_buttons()

    def _written(self, path: Path, outcome: ExportOutcome) -> None:
        self.password.clear()
        self.confirm.clear()
        self.exported = outcome.count
        self.last_paths = outcome.paths
        self.message.setStyleSheet("")
        n = outcome.count
        self.message.setText(
            self.tr("Exported 1 account to {path}.").format(path=path)
            if n == 1
            else self.tr("Exported {n} accounts to {path}.").format(n=number(n), path=path)
        )

    def _write_failed(self, exc: BaseException) -> None:
        self.message.setStyleSheet(error_css())
        if not isinstance(exc, AppError):
            log.warning("export failed: %s", type(exc).__name__)
        error = one_line(exc, "", expected=BaseException)  # an exporter's errors name the file
        self.message.setText(self.tr("Nothing was exported: {error}").format(error=error))

    def done(self, result: int) -> None:
        self.job.cancel()  # a write still running finishes; its outcome is not shown
        super().done(result)


class GoogleQrDialog(QDialog):
    """Google Authenticator transfer codes, one after another."""

    def __init__(
        self,
        uris: list[str],
        left_out: list[tuple[Entry, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transfer to Google Authenticator"))
        self.uris = uris
        self.index = 0
        self.qr = QrLabel()
        self.counter = QLabel()
        self.counter.setObjectName("qr-counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = QPushButton(self.tr("Previous"))
        self.previous_button.setObjectName("qr-previous")
        self.previous_button.setAccessibleDescription(self.tr("Show the previous code."))
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("qr-next")
        self.next_button.setAccessibleDescription(self.tr("Show the next code."))
        self.previous_button.clicked.connect(lambda: self.show_code(self.index - 1))
        self.next_button.clicked.connect(lambda: self.show_code(self.index + 1))
        warning = QLabel(
            self.tr(
                "These codes hold your secrets. Scan them in Google Authenticator (Transfer accounts "
                "→ Import accounts) and close this window; do not let anyone photograph them."
            )
        )
        warning.setWordWrap(True)
        themed(warning, lambda: warning_css(bold=True))
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.counter, 1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(self.qr, 1)
        layout.addLayout(nav)
        self.left_out_list = QListWidget()
        self.left_out_list.setObjectName("qr-left-out")
        self.left_out_list.setAccessibleName(self.tr("Accounts left out"))
        self.left_out_list.setAccessibleDescription(
            self.tr("Accounts this format cannot carry, each with the reason.")
        )
        self.left_out_list.setWordWrap(True)
        self.setMinimumWidth(480)
        for entry, reason in left_out:
            self.left_out_list.addItem(f"{entry.label} — {reason}")
        if left_out:
            n = len(left_out)
            layout.addWidget(
                QLabel(
                    self.tr("<b>1 account cannot be carried and is left out:</b>")
                    if n == 1
                    else self.tr("<b>{n} accounts cannot be carried and are left out:</b>").format(
                        n=n
                    )
                )
            )
            self.left_out_list.setMaximumHeight(100)
            layout.addWidget(self.left_out_list)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        if uris:
            self.show_code(0)
        else:
            self.counter.setText(self.tr("No account can be carried by this format."))
            self.previous_button.setEnabled(False)
            self.next_button.setEnabled(False)

    def show_code(self, index: int) -> None:
        if not self.uris:
            return
        self.index = max(0, min(index, len(self.uris) - 1))
        self.qr.show_text(self.uris[self.index], scale=4)
        self.counter.setText(self.tr("Code {i} of {n}").format(i=self.index + 1, n=len(self.uris)))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.uris) - 1)


class EntryQrDialog(QDialog):
    """One account as a QR code (its otpauth:// link), to move it to a phone."""

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("QR Code — {label}").format(label=entry.label))
        self.qr = QrLabel()
        self.qr.show_text(build_uri(entry), scale=6)
        warning = QLabel(
            self.tr(
                "This picture holds the account's secret: anyone who scans or photographs it can "
                "generate your codes. Show it only to your own authenticator, then close it."
            )
        )
        warning.setObjectName("entry-qr-warning")
        warning.setWordWrap(True)
        themed(warning, lambda: warning_css(bold=True))
        title = QLabel(f"<b>{html.escape(entry.label)}</b>")
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(warning)
        layout.addWidget(self.qr, 1)
        layout.addWidget(close)


def show_entry_qr(parent: QWidget | None, entry: Entry) -> EntryQrDialog:
    """Show one account as a QR code (non-modal; deleted when closed)."""
    dialog = EntryQrDialog(entry, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def run_export(parent: QWidget | None, services: AppServices) -> int:
    """Show the export dialog (modal); the number of accounts exported."""
    dialog = ExportDialog(services, parent)
    dialog.exec()
    exported = dialog.exported
    dialog.deleteLater()
    return exported
