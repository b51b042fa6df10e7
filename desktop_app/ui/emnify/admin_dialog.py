"""What the emnify pane's admin-tool dialogs (application tokens, lost-phone recovery, security
events) share: a window-modal dialog with a column layout, the tool's message line and a Close
button at the bottom, a worker :class:`Job` for its presenter, and the presenter's view calls
(``feedback``, ``set_busy``, ``confirm``). A subclass fills :attr:`AdminDialog.lay`, then calls
:meth:`AdminDialog.add_footer`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QTreeWidget, QVBoxLayout

from desktop_app.ui.emnify.ports import Kind
from desktop_app.ui.emnify.widgets import Feedback
from desktop_app.ui.workers import Job

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class AdminDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, width: int, height: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(width, height)
        self.lay = QVBoxLayout(self)
        self.job = Job(self)

    def add_list(self, name: str, accessible: str, headers: list[str]) -> QTreeWidget:
        """The tool's list of rows (no tree decoration), taking the column's spare height."""
        tree = QTreeWidget(self)
        tree.setObjectName(name)
        tree.setAccessibleName(accessible)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        self.lay.addWidget(tree, 1)
        return tree

    def user_email_field(self, name: str) -> QLineEdit:
        """The e-mail address of the user whose things the tool shows (not added to a layout)."""
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(
            QCoreApplication.translate("AdminDialog", "The user's e-mail address")
        )
        field.setPlaceholderText(QCoreApplication.translate("AdminDialog", "colleague@example.com"))
        return field

    def add_footer(self, message_name: str) -> None:
        """The message line (object name ``message_name``) and the Close button."""
        self.message = Feedback(message_name, self)
        self.lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.lay.addWidget(buttons)

    def feedback(self, kind: Kind, text: str = "") -> None:
        if kind == "busy":
            self.message.busy(text)
        elif kind == "info":
            self.message.info(text)
        elif kind == "error":
            self.message.error(text)
        else:
            self.message.clear()

    def set_busy(self, busy: bool) -> None:
        """Controls to disable while a call runs (none unless the tool has some)."""

    def confirm(self, title: str, text: str, action: str = "") -> bool:
        """The app's one confirmation style (see :func:`desktop_app.ui.confirm_dialog.ask`)."""
        from desktop_app.ui.confirm_dialog import action_from_title, ask

        return ask(self, title, text, action or action_from_title(title))
