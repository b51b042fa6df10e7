"""The security-events dialog of the emnify pane (the view of
:class:`~desktop_app.ui.emnify.events_presenter.EventsPresenter`): sign-ins and two-factor
changes, newest first, with "Older" for the next page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop_app.portal.admin import AdminTools, SecurityEvent
from desktop_app.ui.emnify.events_presenter import EventsPresenter
from desktop_app.ui.emnify.ports import Kind
from desktop_app.ui.emnify.runner import job_runner
from desktop_app.ui.emnify.widgets import Feedback
from desktop_app.ui.workers import Job

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class EventsDialog(QDialog):
    def __init__(self, tools: Callable[[], AdminTools], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Security events"))
        self.resize(640, 420)
        lay = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("emnify_events")
        self.tree.setAccessibleName(self.tr("Security events, newest first"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])
        lay.addWidget(self.tree, 1)
        self.older_button = QPushButton(self.tr("Older events"), self)
        self.older_button.setObjectName("emnify_older_events")
        self.older_button.setEnabled(False)
        lay.addWidget(self.older_button)
        self.message = Feedback("emnify_events_message", self)
        lay.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.job = Job(self)
        self.presenter = EventsPresenter(
            self, tools, job_runner(self.job), translate=QCoreApplication.translate
        )
        self.older_button.clicked.connect(lambda: self.presenter.load(older=True))

    def show_events(self, events: list[SecurityEvent], more: bool) -> None:
        self.tree.clear()
        for e in events:
            when = e.timestamp.replace("T", " ")[:16]
            QTreeWidgetItem(self.tree, [when, e.kind, e.description])
        for column in range(2):
            self.tree.resizeColumnToContents(column)
        self.older_button.setEnabled(more)

    def feedback(self, kind: Kind, text: str = "") -> None:
        if kind == "busy":
            self.message.busy(text)
        elif kind == "info":
            self.message.info(text)
        elif kind == "error":
            self.message.error(text)
        else:
            self.message.clear()
