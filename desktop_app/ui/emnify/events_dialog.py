"""The security-events dialog of the emnify pane (the view of
:class:`~desktop_app.ui.emnify.events_presenter.EventsPresenter`): sign-ins and two-factor
changes, newest first, with "Older" for the next page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QTreeWidget, QTreeWidgetItem

from desktop_app.portal.admin import AdminTools, SecurityEvent
from desktop_app.ui.emnify.admin_dialog import AdminDialog
from desktop_app.ui.emnify.events_presenter import EventsPresenter
from desktop_app.ui.emnify.runner import job_runner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class EventsDialog(AdminDialog):
    def __init__(self, tools: Callable[[], AdminTools], parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Security events"), 640, 420)
        lay = self.lay
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
        self.add_footer("emnify_events_message")
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
