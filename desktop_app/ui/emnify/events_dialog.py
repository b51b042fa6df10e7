"""The security-events dialog of the emnify pane (the view of
:class:`~desktop_app.ui.emnify.events_presenter.EventsPresenter`): sign-ins and two-factor
changes, newest first, with "Older" for the next page; "Show" picks whose -- mine, the
organisation's, or a user's by e-mail (Administrators)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidgetItem,
)

from desktop_app.portal.admin import AdminTools, SecurityEvent
from desktop_app.ui.emnify.admin_dialog import AdminDialog
from desktop_app.ui.emnify.events_presenter import EventsPresenter, Scope
from desktop_app.ui.emnify.runner import job_runner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SCOPES: tuple[Scope, ...] = ("mine", "organisation", "user")  # the order of the "Show" choices


class EventsDialog(AdminDialog):
    WHEN, WHO, WHAT, DETAILS = range(4)  # the list's columns

    def __init__(self, tools: Callable[[], AdminTools], parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Security events"), 640, 420)
        lay = self.lay
        lay.addLayout(self._scope_row())
        self.tree = self.add_list(
            "emnify_events",
            self.tr("Security events, newest first"),
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")],
        )
        self.tree.setColumnHidden(self.WHO, True)
        self.older_button = QPushButton(self.tr("Older events"), self)
        self.older_button.setObjectName("emnify_older_events")
        self.older_button.setEnabled(False)
        lay.addWidget(self.older_button)
        self.add_footer("emnify_events_message")
        self.presenter = EventsPresenter(
            self, tools, job_runner(self.job), translate=QCoreApplication.translate
        )
        self.older_button.clicked.connect(lambda: self.presenter.load(older=True))
        self.scope_combo.currentIndexChanged.connect(self._scope_changed)
        self.show_button.clicked.connect(lambda: self.presenter.load())
        self.email_edit.returnPressed.connect(lambda: self.presenter.load())

    def _scope_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Show:"), self)
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("emnify_events_scope")
        self.scope_combo.setAccessibleName(self.tr("Whose security events"))
        self.scope_combo.addItems(
            [self.tr("Mine"), self.tr("The organisation's"), self.tr("A user's…")]
        )
        self.scope_combo.setToolTip(
            self.tr("The organisation's and another user's events: administrators only.")
        )
        label.setBuddy(self.scope_combo)
        self.email_edit = self.user_email_field("emnify_events_email")
        self.email_edit.setVisible(False)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("emnify_events_show")
        self.show_button.setVisible(False)
        row.addWidget(label)
        row.addWidget(self.scope_combo)
        row.addWidget(self.email_edit, 1)
        row.addWidget(self.show_button)
        row.addStretch(0)
        return row

    def _scope_changed(self) -> None:
        by_user = self.scope() == "user"
        self.email_edit.setVisible(by_user)
        self.show_button.setVisible(by_user)
        if by_user:
            self.email_edit.setFocus()
            if self.email():
                self.presenter.load()
            else:  # nothing of the previous scope stays under "A user's…"
                self.show_events([], False, True)
                self.feedback("clear")
        else:
            self.presenter.load()

    # --- the presenter's view ------------------------------------------------------------

    def scope(self) -> Scope:
        return SCOPES[max(0, self.scope_combo.currentIndex())]

    def email(self) -> str:
        return self.email_edit.text()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.scope_combo, self.email_edit, self.show_button):
            widget.setEnabled(not busy)

    def show_events(self, events: list[SecurityEvent], more: bool, with_user: bool) -> None:
        self.tree.clear()
        self.tree.setColumnHidden(self.WHO, not with_user)
        for e in events:
            when = e.timestamp.replace("T", " ")[:16]
            item = QTreeWidgetItem(self.tree, [when, e.user, e.kind, e.description])
            item.setToolTip(self.DETAILS, e.description)  # the column may cut it off
        if events:  # an empty list keeps the widths (not squeezed to the headers)
            for column in (self.WHEN, self.WHO, self.WHAT):
                self.tree.resizeColumnToContents(column)
        self.older_button.setEnabled(more)
