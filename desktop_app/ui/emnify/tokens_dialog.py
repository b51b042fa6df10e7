"""The application-tokens dialog of the emnify pane (the view of
:class:`~desktop_app.ui.emnify.tokens_presenter.TokensPresenter`): the organisation's tokens,
a new one shown once with Copy, revoke with a confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidgetItem,
    QWidget,
)

from desktop_app.portal.admin import AdminTools, ApplicationTokenInfo
from desktop_app.ui.emnify.admin_dialog import AdminDialog
from desktop_app.ui.emnify.runner import job_runner
from desktop_app.ui.emnify.tokens_presenter import TokensPresenter


class TokensDialog(AdminDialog):
    def __init__(
        self,
        tools: Callable[[], AdminTools],
        parent: QWidget | None = None,
        *,
        use_token: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent, self.tr("Application tokens"), 620, 420)
        lay = self.lay
        intro = QLabel(
            self.tr(
                "Application tokens sign in scripts, apps and single sign-on users (who have no "
                "password) without a password."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tree = self.add_list(
            "emnify_tokens",
            self.tr("Application tokens"),
            [self.tr("Description"), self.tr("Created"), self.tr("Expires"), self.tr("Status")],
        )
        self.tree.itemSelectionChanged.connect(self._selection)
        row = QHBoxLayout()
        self.description_edit = QLineEdit(self)
        self.description_edit.setObjectName("emnify_token_description")
        self.description_edit.setAccessibleName(self.tr("Description of the new token"))
        self.description_edit.setPlaceholderText(self.tr("what the new token is for"))
        self.create_button = QPushButton(self.tr("Create token"), self)
        self.create_button.setObjectName("emnify_create_token")
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.setObjectName("emnify_revoke_token")
        self.revoke_button.setEnabled(False)
        row.addWidget(self.description_edit, 1)
        row.addWidget(self.create_button)
        row.addWidget(self.revoke_button)
        lay.addLayout(row)
        lay.addLayout(self._build_limits())
        self.created_row = self._build_created_row(show_use=use_token is not None)
        lay.addWidget(self.created_row)
        self.add_footer("emnify_tokens_message")
        self.presenter = TokensPresenter(
            self,
            tools,
            job_runner(self.job),
            translate=QCoreApplication.translate,
            use_token=use_token,
        )
        self.use_button.clicked.connect(self.presenter.use_as_sign_in)
        self.create_button.clicked.connect(self.presenter.create)
        self.description_edit.returnPressed.connect(self.presenter.create)
        self.revoke_button.clicked.connect(self.presenter.revoke)

    def _build_created_row(self, *, show_use: bool) -> QWidget:
        """The row that shows a new token once, with Copy and (optionally) Use."""
        shown = QHBoxLayout()
        shown.setContentsMargins(0, 0, 0, 0)  # aligned with the rows above
        self.created_edit = QLineEdit(self)
        self.created_edit.setObjectName("emnify_new_token")
        self.created_edit.setReadOnly(True)
        self.created_edit.setAccessibleName(self.tr("The new token (shown once)"))
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("emnify_copy_token")
        self.copy_button.clicked.connect(self._copy)
        self.use_button = QPushButton(self.tr("Use as this app's sign-in"), self)
        self.use_button.setObjectName("emnify_use_new_token")
        self.use_button.setToolTip(
            self.tr("Signs this app in with the new token (kept in memory only, not after exit).")
        )
        self.use_button.setVisible(show_use)
        shown.addWidget(self.created_edit, 1)
        shown.addWidget(self.copy_button)
        shown.addWidget(self.use_button)
        row = QWidget(self)
        row.setLayout(shown)
        row.hide()
        return row

    def _build_limits(self) -> QFormLayout:
        form = QFormLayout()
        expiry = QHBoxLayout()
        self.expiry_check = QCheckBox(self.tr("Expires on"), self)
        self.expiry_check.setObjectName("emnify_token_expires")
        self.expiry_edit = QDateEdit(QDate.currentDate().addYears(1), self)
        self.expiry_edit.setObjectName("emnify_token_expiry")
        self.expiry_edit.setAccessibleName(self.tr("Expiry date of the new token"))
        self.expiry_edit.setCalendarPopup(True)
        self.expiry_edit.setDisplayFormat("yyyy-MM-dd")
        self.expiry_edit.setEnabled(False)
        self.expiry_check.toggled.connect(self.expiry_edit.setEnabled)
        expiry.addWidget(self.expiry_check)
        expiry.addWidget(self.expiry_edit)
        expiry.addStretch(1)
        form.addRow(self.tr("Expiry:"), expiry)
        self.ip_edit = QLineEdit(self)
        self.ip_edit.setObjectName("emnify_token_ip")
        self.ip_edit.setAccessibleName(self.tr("Addresses the new token may sign in from"))
        self.ip_edit.setPlaceholderText(self.tr("any address (or a range such as 203.0.113.0/24)"))
        form.addRow(self.tr("Only from:"), self.ip_edit)
        return form

    def _selection(self) -> None:
        token = self.chosen_token()
        self.revoke_button.setEnabled(
            token is not None and not token.revoked and not self.presenter.busy
        )

    def _copy(self) -> None:
        QApplication.clipboard().setText(self.created_edit.text())
        self.message.info(self.tr("Copied."))

    def done(self, result: int) -> None:
        self.created_edit.clear()  # the token text leaves memory with the dialog
        super().done(result)

    # TokensView
    def description(self) -> str:
        return self.description_edit.text()

    def expiry_date(self) -> str | None:
        """The end of the chosen day (UTC) in ISO 8601, or None without an expiry."""
        if not self.expiry_check.isChecked():
            return None
        return self.expiry_edit.date().toString("yyyy-MM-dd") + "T23:59:59Z"

    def ip_range(self) -> str:
        return self.ip_edit.text()

    def created_token(self) -> str:
        return self.created_edit.text()

    def close_after_use(self) -> None:
        self.accept()

    def chosen_token(self) -> ApplicationTokenInfo | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        index = self.tree.indexOfTopLevelItem(item)
        tokens = self.presenter.tokens
        return tokens[index] if 0 <= index < len(tokens) else None

    def show_tokens(self, tokens: list[ApplicationTokenInfo]) -> None:
        self.tree.clear()
        status = {"active": self.tr("active"), "revoked": self.tr("revoked")}
        for t in tokens:
            QTreeWidgetItem(
                self.tree,
                [
                    t.description or self.tr("(no description)"),
                    t.created[:10],
                    t.expiry_date[:10] or self.tr("never"),
                    status.get(t.status_text, t.status_text),
                ],
            )
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self._selection()

    def show_created(self, token: str) -> None:
        self.description_edit.clear()
        self.expiry_check.setChecked(False)
        self.ip_edit.clear()
        self.created_edit.setText(token)
        self.created_row.show()

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.description_edit.setEnabled(not busy)
        self.expiry_check.setEnabled(not busy)
        self.ip_edit.setEnabled(not busy)
        self.use_button.setEnabled(not busy)
        self._selection()
