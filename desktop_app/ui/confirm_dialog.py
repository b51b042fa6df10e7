"""Confirm scanned, pasted or imported accounts before they are saved.

One or many candidates, each with a checkbox and its parameters; candidates whose secret is
already in the vault are flagged (and unchecked); entries that cannot be imported are listed
with the reason. "Add" saves the checked ones with one ``vault.add_many`` call (all or nothing).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError, OtpError
from desktop_app.intake import find_duplicates
from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.account_delegate import avatar_color, initials
from desktop_app.ui.theme import current_is_dark, error_css, warning_css
from desktop_app.vault import Vault


def describe(entry: Entry) -> str:
    """'Time-based (TOTP) · SHA-1 · 6 digits · every 30 s'."""
    alg = entry.algorithm.replace("SHA", "SHA-")
    if entry.type is OtpType.STEAM:
        return f"Steam Guard · 5 characters · every {entry.period} s"
    if entry.type is OtpType.HOTP:
        return f"Counter-based (HOTP) · {alg} · {entry.digits} digits · counter {entry.counter}"
    return f"Time-based (TOTP) · {alg} · {entry.digits} digits · every {entry.period} s"


def avatar_pixmap(entry: Entry, size: int, dpr: float = 1.0) -> QPixmap:
    from PySide6.QtWidgets import QApplication

    pm = QPixmap(int(size * dpr), int(size * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    app = QApplication.instance()
    dark = isinstance(app, QApplication) and current_is_dark(app)
    p.setBrush(avatar_color(entry.issuer or entry.name, dark))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    font.setPixelSize(int(size * 0.45))
    font.setWeight(QFont.Weight.DemiBold)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(entry))
    p.end()
    return pm


class CandidateRow(QFrame):
    def __init__(self, entry: Entry, duplicate_of: Entry | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("candidate")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(10)
        self.check = QCheckBox(self)
        self.check.setChecked(duplicate_of is None)
        label = entry.label or "Unnamed account"
        self.check.setAccessibleName(f"Add {label}")
        lay.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        avatar = QLabel(self)
        avatar.setPixmap(avatar_pixmap(entry, 32, self.devicePixelRatioF()))
        avatar.setFixedSize(32, 32)
        lay.addWidget(avatar, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(1)
        title = QLabel(entry.issuer or entry.name or "Unnamed account", self)
        title.setStyleSheet("font-weight: 600;")
        text.addWidget(title)
        if entry.issuer and entry.name:
            name = QLabel(entry.name, self)
            text.addWidget(name)
        details = QLabel(describe(entry), self)
        details.setStyleSheet("color: palette(placeholder-text);")
        text.addWidget(details)
        if duplicate_of is not None:
            where = duplicate_of.label or "an unnamed account"
            warn = QLabel(f"⚠ The same key is already saved as “{where}”.", self)
            warn.setObjectName("duplicate_warning")
            warn.setWordWrap(True)
            warn.setStyleSheet(warning_css())
            text.addWidget(warn)
        lay.addLayout(text, 1)
        for w in self.findChildren(QLabel):
            w.setBuddy(self.check)


class ConfirmDialog(QDialog):
    """``ConfirmDialog(parent, vault, candidates, skipped, progress=None)``.

    After it closes, ``added_count`` / ``added_uuids`` say what was saved (0 when cancelled).
    """

    def __init__(
        self,
        parent: QWidget | None,
        vault: Vault,
        candidates: Sequence[Entry],
        skipped: Sequence[SkippedEntry] = (),
        *,
        progress: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConfirmDialog")
        self.vault = vault
        self.candidates = list(candidates)
        self.skipped = list(skipped)
        self.duplicates = find_duplicates(vault.entries(), self.candidates)
        self.added_count = 0
        self.added_uuids: list[str] = []
        self.rows: list[CandidateRow] = []
        n = len(self.candidates)
        self.setWindowTitle("Add Account" if n == 1 else "Add Accounts")
        self.setMinimumWidth(480)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 14)
        lay.setSpacing(10)
        if n == 0:
            heading = "No account can be added"
        elif n == 1:
            heading = "Add this account?"
        else:
            heading = f"{n} accounts found"
        title = QLabel(heading, self)
        title.setObjectName("heading")
        title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        lay.addWidget(title)
        if progress:
            prog = QLabel(progress, self)
            prog.setObjectName("progress")
            prog.setWordWrap(True)
            prog.setStyleSheet(
                "background: palette(alternate-base); border-radius: 6px; padding: 6px 10px;"
            )
            lay.addWidget(prog)
        self.progress_text = progress or ""

        self.issuer_edit: QLineEdit | None = None
        self.name_edit: QLineEdit | None = None
        if n == 1:
            lay.addWidget(self._single(self.candidates[0]))
        elif n > 1:
            lay.addWidget(self._many(), 1)

        if self.skipped:
            box = QLabel(self)
            box.setObjectName("skipped")
            box.setWordWrap(True)
            box.setTextFormat(Qt.TextFormat.PlainText)
            lines = [f"• {s.label or 'Unnamed'} — {s.reason}" for s in self.skipped]
            box.setText(f"Cannot be added ({len(self.skipped)}):\n" + "\n".join(lines))
            box.setStyleSheet(warning_css())
            lay.addWidget(box)

        self.error_label = QLabel("", self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_css())
        self.error_label.hide()
        lay.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton("Add", QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        for row in self.rows:
            row.check.toggled.connect(lambda _on: self._update_button())
        self._update_button()

    def _single(self, entry: Entry) -> QWidget:
        box = QFrame(self)
        box.setObjectName("single")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(box)
        head = QHBoxLayout()
        avatar = QLabel(box)
        avatar.setPixmap(avatar_pixmap(entry, 40, self.devicePixelRatioF()))
        avatar.setFixedSize(40, 40)
        head.addWidget(avatar)
        details = QLabel(describe(entry), box)
        details.setStyleSheet("color: palette(placeholder-text);")
        details.setWordWrap(True)
        head.addWidget(details, 1)
        lay.addLayout(head)
        form = QFormLayout()
        self.issuer_edit = QLineEdit(entry.issuer, box)
        self.issuer_edit.setAccessibleName("Issuer")
        self.name_edit = QLineEdit(entry.name, box)
        self.name_edit.setAccessibleName("Account name")
        form.addRow("&Issuer:", self.issuer_edit)
        form.addRow("&Account:", self.name_edit)
        lay.addLayout(form)
        dup = self.duplicates.get(entry.uuid)
        if dup is not None:
            warn = QLabel(
                f"⚠ The same key is already saved as “{dup.label or 'an unnamed account'}”. "
                "Adding it again creates a second copy.",
                box,
            )
            warn.setObjectName("duplicate_warning")
            warn.setWordWrap(True)
            warn.setStyleSheet(warning_css())
            lay.addWidget(warn)
        return box

    def _many(self) -> QWidget:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QWidget(area)
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(2)
        for entry in self.candidates:
            row = CandidateRow(entry, self.duplicates.get(entry.uuid), inner)
            self.rows.append(row)
            lay.addWidget(row)
        lay.addStretch(1)
        area.setWidget(inner)
        area.setMinimumHeight(min(420, 64 * len(self.candidates) + 16))
        return area

    def selected(self) -> list[Entry]:
        if len(self.candidates) == 1:
            entry = self.candidates[0]
            assert self.issuer_edit is not None and self.name_edit is not None
            return [
                entry.with_changes(
                    issuer=self.issuer_edit.text().strip(), name=self.name_edit.text().strip()
                )
            ]
        return [row.entry for row in self.rows if row.check.isChecked()]

    def _update_button(self) -> None:
        if len(self.candidates) <= 1:
            self.add_button.setEnabled(bool(self.candidates))
            return
        k = len([r for r in self.rows if r.check.isChecked()])
        self.add_button.setText("Add" if k <= 1 else f"Add {k} Accounts")
        self.add_button.setEnabled(k > 0)

    def set_checked(self, index: int, checked: bool) -> None:
        self.rows[index].check.setChecked(checked)

    def accept(self) -> None:
        try:
            chosen = self.selected()
        except OtpError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        if not chosen:
            return
        try:
            added = self.vault.add_many(chosen)
        except AppError as exc:
            self.error_label.setText(f"Nothing was saved: {exc}")
            self.error_label.show()
            return
        self.added_count = len(added)
        self.added_uuids = [e.uuid for e in added]
        super().accept()
