"""Edit an account's issuer, name, group and note (and an HOTP counter, to resynchronise).

Below the fields, when the account has any, its earlier values (edits that lost a conflict with
another computer, :class:`~desktop_app.ui.history_view.HistoryView`): Restore saves one back at
once as the newest edit (``saved`` is emitted), and the fields show it.

A key turned off on the emnify portal (marked no longer active) says so at the top, with a
button to remove it from this app (:attr:`EditDialog.remove_requested`; the list asks first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError, OtpError
from desktop_app.otp.model import Entry, OtpType
from desktop_app.portal.marks import retired_since
from desktop_app.ui.account_fields import label_edits
from desktop_app.ui.accounts_model import retired, shown_day
from desktop_app.ui.add_dialog import field_message
from desktop_app.ui.candidate_review import describe
from desktop_app.ui.history_view import HistoryView
from desktop_app.ui.i18n import core_text
from desktop_app.ui.icon_picker import IconField
from desktop_app.ui.theme import error_line, themed, warning_css

if TYPE_CHECKING:
    from desktop_app.vault import Vault


class EditDialog(QDialog):
    saved = Signal(object)  # the saved Entry
    remove_requested = Signal(object)  # the Entry: remove it from the vault (after asking)

    def __init__(self, parent: QWidget | None, vault: Vault, entry: Entry) -> None:
        super().__init__(parent)
        self.setObjectName("EditDialog")
        self.setWindowTitle(self.tr("Edit Account"))
        self.setMinimumWidth(420)
        self.vault = vault
        self.entry = entry
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 14)
        self.retired_box: QWidget | None = None
        if retired(entry):
            self.retired_box = self._retired_box()
            lay.addWidget(self.retired_box)
        form = QFormLayout()
        self.issuer_edit, self.name_edit = label_edits(entry, self)
        self.group_edit = QLineEdit(entry.group, self)
        self.group_edit.setAccessibleName(self.tr("Group"))
        self.group_edit.setAccessibleDescription(self.tr("A group to file the account under."))
        self.group_edit.setPlaceholderText(self.tr("optional"))
        self.note_edit = QLineEdit(entry.note, self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setAccessibleDescription(self.tr("A note of your own about the account."))
        self.note_edit.setPlaceholderText(self.tr("optional"))
        form.addRow(self.tr("&Issuer:"), self.issuer_edit)
        form.addRow(self.tr("&Account:"), self.name_edit)
        form.addRow(self.tr("&Group:"), self.group_edit)
        form.addRow(self.tr("&Note:"), self.note_edit)
        self.icon_field = IconField.add_row(form, entry, vault.data_dir, self.issuer_edit, self)
        self.counter_spin: QSpinBox | None = None
        if entry.type is OtpType.HOTP:
            self.counter_spin = QSpinBox(self)
            self.counter_spin.setRange(0, 2_147_483_647)
            self.counter_spin.setValue(min(entry.counter, 2_147_483_647))
            self.counter_spin.setAccessibleName(self.tr("Counter"))
            self.counter_spin.setAccessibleDescription(
                self.tr(
                    "The counter of the next code; change it to resynchronise with the service."
                )
            )
            form.addRow(self.tr("&Counter:"), self.counter_spin)
        details = QLabel(describe(entry), self)
        details.setStyleSheet("color: palette(placeholder-text);")
        form.addRow(self.tr("Type:"), details)
        lay.addLayout(form)
        self.history = HistoryView(vault, entry, self)
        self.history.restored.connect(self._restored)
        lay.addWidget(self.history)
        if entry.history:
            self.setMinimumWidth(620)
        self.error_label = error_line(self)
        lay.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def _retired_box(self) -> QWidget:
        """The key no longer works: say so, and offer to remove it."""
        box = QWidget(self)
        box.setObjectName("retired")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 8)
        since = retired_since(self.entry)
        said = (
            self.tr(
                "Not active on emnify any more: this key was turned off on the portal, and its "
                "codes no longer sign you in."
            )
            if since is None
            else self.tr(
                "Not active on emnify since {date}: this key was turned off on the portal, and "
                "its codes no longer sign you in."
            ).format(date=shown_day(since))
        )
        text = QLabel(said, box)
        text.setWordWrap(True)
        themed(text, lambda: warning_css(bold=True))
        remove = QPushButton(self.tr("Remove from This App…"), box)
        remove.setObjectName("remove-retired")
        remove.setAccessibleDescription(
            self.tr("Delete this key, which no longer works, from the vault.")
        )
        remove.clicked.connect(self._remove)
        row.addWidget(text, 1)
        row.addWidget(remove)
        return box

    def _restored(self, updated: Entry) -> None:
        """An earlier value was saved back: the fields show the account as it is now (an
        edit typed in another field stays)."""
        old, self.entry = self.entry, updated
        for name, edit in (
            ("issuer", self.issuer_edit),
            ("name", self.name_edit),
            ("group", self.group_edit),
            ("note", self.note_edit),
        ):
            if getattr(old, name) != getattr(updated, name):
                edit.setText(getattr(updated, name))
        self.saved.emit(updated)

    def _remove(self) -> None:
        self.reject()
        self.remove_requested.emit(self.entry)

    def accept(self) -> None:
        issuer = self.issuer_edit.text().strip()
        name = self.name_edit.text().strip()
        if not issuer and not name:
            self._error(self.tr("Issuer: enter the service name (issuer) or the account name."))
            return
        fields: dict[str, object] = {
            "issuer": issuer,
            "name": name,
            "group": self.group_edit.text().strip(),
            "note": self.note_edit.text().strip(),
            "icon": self.icon_field.icon,
        }
        if self.counter_spin is not None:
            fields["counter"] = self.counter_spin.value()
        # Only what the person changed since the dialog opened: the vault applies it to the
        # account as it is now, so a change another process made meanwhile is kept.
        changes = {k: v for k, v in fields.items() if getattr(self.entry, k) != v}
        try:
            updated = self.vault.update(self.entry.with_changes(**changes), base=self.entry)
        except OtpError as exc:
            self._error(field_message(exc))
            return
        except AppError as exc:
            self._error(self.tr("Nothing was saved: {error}").format(error=core_text(exc)))
            return
        super().accept()
        self.saved.emit(updated)

    def _error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
