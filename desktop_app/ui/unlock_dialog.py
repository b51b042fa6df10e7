"""Password dialogs: create a vault password, unlock the vault, change the password.

With ``verify`` (a function of the password, e.g. opening the vault), OK runs it in a worker
thread -- the key derivation (scrypt) takes a moment -- while the dialog shows that it is busy;
a wrong password is said in the dialog, which stays open. ``result_value`` is what ``verify``
returned; ``failure`` the error that ended the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop_app.errors import WrongPasswordError
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.theme import error_css, themed
from desktop_app.ui.workers import Job

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

MIN_LENGTH = 8
Mode = Literal["create", "unlock", "change"]

REASON_NO_KEYRING = QT_TRANSLATE_NOOP(
    "PasswordDialog",
    "No system keyring was found on this computer, so your accounts are protected by a "
    "password instead. You will enter it each time the app starts.",
)
REASON_CHOSEN = QT_TRANSLATE_NOOP(
    "PasswordDialog",
    "You chose password protection: your accounts are encrypted with a password you enter "
    "each time the app starts.",
)
FORGOTTEN = QT_TRANSLATE_NOOP(
    "PasswordDialog", "There is no way to recover the accounts if you forget this password."
)


class PasswordDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        mode: Mode = "unlock",
        reason: str = "",
        error: str = "",
        verify: Callable[[str], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.verify = verify
        self.job = Job(self)  # the key derivation of ``verify``
        self.job.busy_changed.connect(self._set_busy)
        self.result_value: Any = None
        self.failure: BaseException | None = None
        self.setObjectName("PasswordDialog")
        self.setMinimumWidth(420)
        titles = {
            "create": self.tr("Choose a Vault Password"),
            "unlock": self.tr("Unlock Authenticator"),
            "change": self.tr("Change Vault Password"),
        }
        self.setWindowTitle(titles[mode])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 18, 20, 14)
        lay.setSpacing(10)
        heading = QLabel(titles[mode], self)
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        lay.addWidget(heading)
        if mode == "unlock":
            intro = (
                self.tr(reason)
                if reason
                else self.tr("Enter the vault password to see your accounts.")
            )
        elif mode == "create":
            intro = self.tr(reason or REASON_CHOSEN) + " " + self.tr(FORGOTTEN)
        else:
            intro = (
                self.tr("Enter the current password and the new one.") + " " + self.tr(FORGOTTEN)
            )
        text = QLabel(intro, self)
        text.setWordWrap(True)
        lay.addWidget(text)

        lay.addLayout(self._fields(mode))

        self.error_label = QLabel(error, self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        themed(self.error_label, error_css)
        self.error_label.setVisible(bool(error))
        lay.addWidget(self.error_label)

        lay.addWidget(self._buttons(mode))
        (self.current_edit or self.password_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def _fields(self, mode: Mode) -> QFormLayout:
        """The password fields: current (to change it), the password, and a repeat (new ones)."""
        form = QFormLayout()
        self.current_edit: QLineEdit | None = None
        if mode == "change":
            self.current_edit = self._field(self.tr("Current password"))
            form.addRow(self.tr("C&urrent password:"), self.current_edit)
        self.password_edit = self._field(
            self.tr("Password") if mode == "unlock" else self.tr("New password")
        )
        form.addRow(
            self.tr("&Password:") if mode == "unlock" else self.tr("&New password:"),
            self.password_edit,
        )
        self.repeat_edit: QLineEdit | None = None
        if mode != "unlock":
            self.repeat_edit = self._field(self.tr("Repeat the password"))
            form.addRow(self.tr("&Repeat:"), self.repeat_edit)
        return form

    def _buttons(self, mode: Mode) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        ok_text = {
            "create": self.tr("Create Vault"),
            "unlock": self.tr("Unlock"),
            "change": self.tr("Change Password"),
        }[mode]
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.ok_button.setAccessibleDescription(
            {
                "create": self.tr("Create the vault with this password."),
                "unlock": self.tr("Open the vault with this password."),
                "change": self.tr("Encrypt the vault with the new password."),
            }[mode]
        )
        self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
            if mode != "unlock"
            else QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _field(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setAccessibleName(name)
        edit.setAccessibleDescription(
            self.tr("The vault password; the characters are hidden as you type.")
        )
        edit.setMinimumHeight(30)
        return edit

    def password(self) -> str:
        return self.password_edit.text()

    def current_password(self) -> str:
        return self.current_edit.text() if self.current_edit is not None else ""

    def show_error(self, text: str) -> None:
        themed(self.error_label, error_css)
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        pw = self.password()
        if self.current_edit is not None and not self.current_edit.text():
            self.show_error(self.tr("Enter the current password."))
            return
        if not pw:
            self.show_error(self.tr("Enter a password."))
            return
        if self.mode != "unlock":
            if len(pw) < MIN_LENGTH:
                self.show_error(self.tr("Use at least {n} characters.").format(n=MIN_LENGTH))
                return
            assert self.repeat_edit is not None
            if pw != self.repeat_edit.text():
                self.show_error(self.tr("The two passwords differ."))
                self.repeat_edit.selectAll()
                self.repeat_edit.setFocus()
                return
        if self.verify is None:
            super().accept()
            return
        self.job.start(self.verify, pw, on_done=self._verified, on_error=self._refused)

    @property
    def busy(self) -> bool:
        return self.job.busy

    def _set_busy(self, busy: bool) -> None:
        for w in (self.password_edit, self.repeat_edit, self.current_edit, self.buttons):
            if w is not None:
                w.setEnabled(not busy)
        if busy:
            # Progress in the normal text colour; only a refusal is shown in error red.
            themed(self.error_label, str)
            self.error_label.setText(
                self.tr("Unlocking…") if self.mode == "unlock" else self.tr("Protecting the vault…")
            )
            self.error_label.show()

    def _verified(self, value: object) -> None:
        self.result_value = value
        self.error_label.hide()
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPasswordError):
            self.show_error(self.tr("Wrong password, or the file was changed."))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        self.failure = exc
        self.reject()

    def reject(self) -> None:
        if not self.busy:  # the derivation cannot be interrupted; it takes about a second
            super().reject()
