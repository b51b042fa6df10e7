"""Confirm scanned, pasted or typed accounts before they are saved.

A dialog around the one :class:`~desktop_app.ui.candidate_review.CandidateReview`: "Add" saves
the checked candidates with one ``vault.add_many`` call (all or nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from desktop_app.errors import AppError, OtpError
from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import Entry
from desktop_app.ui.candidate_review import CandidateReview, describe
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.vault import Vault

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["ConfirmDialog", "describe"]


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
        if n > 1:
            fit_to_screen(self, 760, 480)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 14)
        lay.setSpacing(10)
        self.review = CandidateReview(self, vault.entries(), candidates, skipped, progress=progress)
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
            self.tr("Add") if k <= 1 else self.tr("Add {k} Accounts").format(k=k)
        )
        self.add_button.setEnabled(k > 0)

    def accept(self) -> None:
        try:
            chosen = self.selected()
        except OtpError as exc:
            self.review.show_error(str(exc))
            return
        if not chosen:
            return
        try:
            added = self.vault.add_many(chosen)
        except AppError as exc:
            self.review.show_error(self.tr("Nothing was saved: {error}").format(error=exc))
            return
        self.added_count = len(added)
        self.added_uuids = [e.uuid for e in added]
        super().accept()
