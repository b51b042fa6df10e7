"""Confirmations: the one question style of the app, and the review of new accounts.

:func:`ask` is every "are you sure?" of the app (one style: an icon, the question as a heading
that is never cut -- the window is as wide as its title --, the text, a button that names the
action, and Cancel as the default; never Yes/No). :func:`fit_title` gives any dialog the width
its title needs.

:class:`ConfirmDialog` confirms scanned, pasted or typed accounts before they are saved: a
dialog around the one :class:`~desktop_app.ui.candidate_review.CandidateReview`: "Add" saves
the checked candidates with one ``vault.add_many`` call (all or nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QVBoxLayout,
)

from desktop_app.errors import AppError, OtpError
from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import Entry
from desktop_app.ui.candidate_review import CandidateReview, describe
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.i18n import core_text, number
from desktop_app.vault import Vault

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton, QWidget

__all__ = ["ConfirmBox", "ConfirmDialog", "ask", "describe", "fit_title"]

#: room beside a window title for the title bar's buttons and icon (window managers differ)
TITLE_BAR_ROOM = 180
MAX_WIDTH = 640


def fit_title(dialog: QDialog, minimum: int = 0) -> None:
    """Make ``dialog`` at least as wide as its title needs in the title bar (not cut)."""
    title = dialog.windowTitle()
    need = dialog.fontMetrics().horizontalAdvance(title) + TITLE_BAR_ROOM
    dialog.setMinimumWidth(max(minimum, dialog.minimumWidth(), min(need, MAX_WIDTH)))


class ConfirmBox(QDialog):
    """``ConfirmBox(parent, title, text, action)``: accepted when ``action`` is pressed."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        action: str,
        *,
        destructive: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ConfirmBox")
        self.setWindowTitle(title)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 18, 20, 14)
        row.setSpacing(16)
        kind = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if destructive
            else QStyle.StandardPixmap.SP_MessageBoxQuestion
        )
        self.icon = QLabel(self)
        self.icon.setObjectName("confirm_icon")
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        self.icon.setPixmap(self.style().standardIcon(kind, None, self).pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(8)
        self.heading = QLabel(title, self)
        self.heading.setObjectName("confirm_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.text = QLabel(text, self)
        self.text.setObjectName("confirm_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addSpacing(6)
        self.buttons = QDialogButtonBox(self)
        self.ok_button: QPushButton = self.buttons.addButton(
            action, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("confirm_ok")
        self.cancel_button: QPushButton = self.buttons.addButton(
            QDialogButtonBox.StandardButton.Cancel
        )
        cancel_text = self.cancel_button.text().replace("&", "")
        if action.replace("&", "").casefold().startswith(cancel_text.casefold()):
            # "Cancel activation" beside "Cancel" would be two cancels: this one goes back
            self.cancel_button.setText(QCoreApplication.translate("Confirm", "Go Back"))
        self.cancel_button.setObjectName("confirm_cancel")
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        if destructive:
            from desktop_app.ui.theme import error_css

            self.ok_button.setStyleSheet(error_css() + " font-weight: 600;")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        row.addLayout(column, 1)
        self.setMinimumWidth(420)
        fit_title(self)
        screen = self.screen().availableGeometry().width() if self.screen() else 0
        if screen:  # a small screen (or a large scale) wins over the title's width
            self.setMinimumWidth(min(self.minimumWidth(), screen - 40))


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str = "",
    *,
    destructive: bool = False,
) -> bool:
    """Ask ``title`` (a question), explained by ``text``; True when ``action`` (a verb:
    "Delete", "Use the System Keyring"; "Continue" when empty) was pressed. Modal."""
    label = action or QCoreApplication.translate("Confirm", "Continue")
    box = ConfirmBox(parent, title, text, label, destructive=destructive)
    accepted = box.exec() == QDialog.DialogCode.Accepted
    box.deleteLater()
    return accepted


def action_from_title(title: str) -> str:
    """A button label from a question title ("Revoke the token?" -> "Revoke the token"), for
    callers that give only a title."""
    return title.strip().rstrip("?？").strip() or QCoreApplication.translate("Confirm", "Continue")


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
        self.added_count = 0
        self.added_uuids: list[str] = []
        n = len(candidates)
        self.setWindowTitle(self.tr("Add Account") if n == 1 else self.tr("Add Accounts"))
        self.setMinimumWidth(560 if n > 1 else 480)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 14)
        lay.setSpacing(10)
        self.review = CandidateReview(self, vault.entries(), candidates, skipped, progress=progress)
        if n > 1:  # wide enough for the table's texts on one line, as far as the screen allows
            fit_to_screen(self, max(760, self.review.wanted_width() + 36), 480)
        self.review.selection_changed.connect(lambda _n: self._update_button())
        lay.addWidget(self.review, 1)

        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton(
            self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        self.add_button.setAccessibleDescription(self.tr("Save the checked accounts in the vault."))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self._update_button()

    @property
    def candidates(self) -> list[Entry]:
        return self.review.candidates

    @property
    def progress_text(self) -> str:
        return self.review.progress_text

    @property
    def error_label(self) -> QLabel:
        return self.review.error_label

    def selected(self) -> list[Entry]:
        return self.review.selected()

    def set_checked(self, index: int, checked: bool) -> None:
        self.review.set_checked(index, checked)

    def _update_button(self) -> None:
        if len(self.candidates) <= 1:
            self.add_button.setEnabled(bool(self.candidates))
            return
        k = self.review.checked_count()
        self.add_button.setText(
            self.tr("Add") if k <= 1 else self.tr("Add {k} Accounts").format(k=number(k))
        )
        self.add_button.setEnabled(k > 0)

    def accept(self) -> None:
        try:
            chosen = self.selected()
        except OtpError as exc:
            self.review.show_error(core_text(exc))
            return
        if not chosen:
            return
        try:
            added = self.vault.add_many(chosen)
        except AppError as exc:
            self.review.show_error(
                self.tr("Nothing was saved: {error}").format(error=core_text(exc))
            )
            return
        self.added_count = len(added)
        self.added_uuids = [e.uuid for e in added]
        super().accept()
