"""The emnify pane's view: its widgets, what they show, and the intents they emit.

Two pages. Signed out: portal address, then e-mail + password (with "keep me signed in" and
"trust this device") or an application token; the code field appears right below when the
portal asks for a second factor. Signed in: a status card (who, which workspace, the sign-in
method) with **one** primary action, progress and errors beside the action that caused them;
the workspace picker and trusted devices below.

The view decides nothing: it emits intents (``sign_in_requested``, ``primary_requested``, …),
answers :class:`desktop_app.ui.emnify.presenter.PaneView` and shows the
:class:`~desktop_app.ui.emnify.presenter.PaneState` it is given. The dialogs go through
overridable methods (``show_key``, ``confirm_disable``, ``confirm``) so tests can answer them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.otp.model import Entry
from desktop_app.settings import DEFAULT_PORTAL_URL
from desktop_app.ui.emnify.ports import (
    Area,
    CardState,
    Field,
    Kind,
    PaneState,
    SignInForm,
)
from desktop_app.ui.emnify.widgets import Card, DisableDialog, Feedback, KeyDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("EmnifyPane", text)


def _edit(
    parent: QWidget, name: str, accessible: str, *, secret: bool = False, text: str = ""
) -> QLineEdit:
    edit = QLineEdit(text, parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _button(parent: QWidget, name: str, text: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    return button


class EmnifyView(QWidget):
    sign_in_requested = Signal()
    code_submitted = Signal()
    sign_out_requested = Signal()
    primary_requested = Signal()
    secondary_requested = Signal()
    enable_requested = Signal()
    switch_requested = Signal()
    forget_requested = Signal()
    tokens_requested = Signal()
    events_requested = Signal()
    recovery_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, url: str = "", user: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("emnify_pane")
        self._state = PaneState(idle=True, waiting_for_code=False, keyring=True, card=None)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.inbox_label = QLabel(self)
        self.inbox_label.setObjectName("emnify_inbox")
        self.inbox_label.setWordWrap(True)
        self.inbox_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.inbox_label.setStyleSheet(
            "QLabel#emnify_inbox { border: 1px dashed palette(mid); border-radius: 6px;"
            " padding: 4px 8px; }"
        )
        self.inbox_label.hide()
        outer.addWidget(self.inbox_label)
        self.stack = QStackedWidget(self)
        self._pages = [self._build_sign_in(url, user), self._build_account()]
        for page in self._pages:
            self.stack.addWidget(page)
        outer.addWidget(self.stack)
        outer.addStretch(1)
        self._feedback = {
            "sign_in": self.sign_in_feedback,
            "action": self.action_feedback,
            "extra": self.extra_feedback,
        }
        self._fields = {
            "password": self.password_edit,
            "token": self.token_edit,
            "code": self.code_edit,
            "enable_password": self.step_password,
        }

    # --- the signed-out page ---------------------------------------------------------------

    def _build_sign_in(self, url: str, user: str) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        form = self.sign_in_form_layout = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("", self._build_way(page))
        self.email_edit = _edit(page, "emnify_email", _tr("E-mail address"), text=user)
        self.email_edit.setPlaceholderText(_tr("you@example.com"))
        self.email_label = QLabel(_tr("E-mail address:"), page)
        form.addRow(self.email_label, self.email_edit)
        self.password_edit = _edit(page, "emnify_password", _tr("Password"), secret=True)
        self.password_edit.setAccessibleDescription(
            _tr("The password of your emnify account; it is never stored.")
        )
        self.password_edit.returnPressed.connect(self.sign_in_requested)
        self.password_label = QLabel(_tr("Password:"), page)
        form.addRow(self.password_label, self.password_edit)
        self.token_edit = _edit(page, "emnify_token", _tr("Application token"), secret=True)
        self.token_edit.setAccessibleDescription(
            _tr("An application token created in the emnify portal.")
        )
        self.token_edit.setPlaceholderText(_tr("kept in memory only, not after the app closes"))
        self.token_edit.returnPressed.connect(self.sign_in_requested)
        self.token_label = QLabel(_tr("Token:"), page)
        form.addRow(self.token_label, self.token_edit)
        self._build_checks(page, form)
        self.code_label = QLabel(_tr("Code:"), page)
        self.code_edit = _edit(page, "emnify_code", _tr("Sign-in code"))
        self.code_edit.setAccessibleDescription(
            _tr("The code the portal e-mailed, or the one of your authenticator app.")
        )
        self.code_edit.setMaxLength(12)
        self.code_edit.returnPressed.connect(self.code_submitted)
        form.addRow(self.code_label, self.code_edit)
        self.advanced_button = QToolButton(page)
        self.advanced_button.setObjectName("emnify_advanced")
        self.advanced_button.setText(_tr("Advanced"))
        self.advanced_button.setCheckable(True)
        self.advanced_button.setAccessibleDescription(
            _tr("Shows the portal address, for a portal other than emnify's own.")
        )
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_button.setAutoRaise(True)
        self.advanced_button.toggled.connect(self._show_advanced)
        form.addRow("", self.advanced_button)
        self.url_edit = _edit(page, "emnify_url", _tr("Portal address"), text=url)
        self.url_edit.setPlaceholderText(DEFAULT_PORTAL_URL)
        form.addRow(_tr("Portal address:"), self.url_edit)
        form.setRowVisible(self.url_edit, False)
        lay.addLayout(form)
        lay.addLayout(self._build_sign_in_buttons(page))
        lay.addStretch(1)
        return page

    def _show_advanced(self, shown: bool) -> None:
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.sign_in_form_layout.setRowVisible(self.url_edit, shown)

    def show_address(self) -> None:
        """Open "Advanced", where the portal address is (it needs fixing)."""
        self.advanced_button.setChecked(True)
        self.url_edit.setFocus()

    def _build_way(self, page: QWidget) -> QVBoxLayout:
        self.use_token_check = QCheckBox(
            _tr("Sign in with an application token instead of a password"), page
        )
        self.use_token_check.setObjectName("emnify_use_token")
        self.use_token_check.setToolTip(
            _tr("Recommended for single sign-on users (Microsoft, Google) and for scripts.")
        )
        self.use_token_check.toggled.connect(lambda *_: self.show_state(self._state))
        self.token_hint = QLabel(
            _tr(
                "Signing in to emnify with Microsoft, Google or another single sign-on (no "
                "password), or writing a script? Make an application token in the emnify Portal "
                "(Integrations → Application tokens) and paste it here."
            ),
            page,
        )
        self.token_hint.setObjectName("emnify_token_hint")
        self.token_hint.setWordWrap(True)
        self.token_hint.setStyleSheet("color: palette(placeholder-text);")
        way = QVBoxLayout()
        way.setSpacing(2)
        way.addWidget(self.use_token_check)
        way.addWidget(self.token_hint)
        return way

    def _build_checks(self, page: QWidget, form: QFormLayout) -> None:
        self.keep_check = QCheckBox(_tr("Keep me signed in on this computer"), page)
        self.keep_check.setChecked(True)
        self.keep_check.setAccessibleDescription(
            _tr("Keeps the session in the OS keyring, so that you stay signed in after a restart.")
        )
        self.trust_check = QCheckBox(_tr("Trust this device (no code here for 90 days)"), page)
        self.trust_check.setAccessibleDescription(
            _tr("The portal asks no sign-in code on this computer for 90 days.")
        )
        form.addRow("", self.keep_check)
        form.addRow("", self.trust_check)
        self.keyring_note = QLabel(page)
        self.keyring_note.setObjectName("emnify_keyring_note")
        self.keyring_note.setWordWrap(True)
        self.keyring_note.hide()
        form.addRow("", self.keyring_note)

    def _build_sign_in_buttons(self, page: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.sign_in_button = _button(page, "emnify_sign_in", _tr("Sign in"))
        self.sign_in_button.setAccessibleDescription(_tr("Signs in to the emnify portal."))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.code_button = _button(page, "emnify_confirm_code", _tr("Confirm code"))
        self.code_button.setAccessibleDescription(_tr("Sends the sign-in code to the portal."))
        self.code_button.clicked.connect(self.code_submitted)
        self.sign_in_feedback = Feedback("emnify_sign_in_message", page)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.code_button)
        row.addWidget(self.sign_in_feedback, 1)
        return row

    # --- the signed-in page ----------------------------------------------------------------

    def _build_account(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addWidget(self._build_card(page))
        extra = self.extra_form = QFormLayout()
        extra.setContentsMargins(2, 0, 0, 0)
        wrow = QHBoxLayout()
        self.workspace_combo = QComboBox(page)
        self.workspace_combo.setObjectName("emnify_workspace")
        self.workspace_combo.setAccessibleName(_tr("Workspace"))
        self.switch_button = _button(page, "emnify_switch_workspace", _tr("Switch"))
        self.switch_button.clicked.connect(self.switch_requested)
        wrow.addWidget(self.workspace_combo, 1)
        wrow.addWidget(self.switch_button)
        self.workspace_label = QLabel(_tr("Workspace:"), page)
        extra.addRow(self.workspace_label, wrow)
        drow = QHBoxLayout()
        self.devices_combo = QComboBox(page)
        self.devices_combo.setObjectName("emnify_devices")
        self.devices_combo.setAccessibleName(_tr("Trusted devices"))
        self.forget_button = _button(page, "emnify_forget_device", _tr("Forget…"))
        self.forget_button.clicked.connect(self.forget_requested)
        drow.addWidget(self.devices_combo, 1)
        drow.addWidget(self.forget_button)
        extra.addRow(_tr("Trusted devices:"), drow)
        lay.addLayout(extra)
        self.extra_feedback = Feedback("emnify_extra_message", page)
        lay.addWidget(self.extra_feedback)
        lay.addStretch(1)
        return page

    def _build_card(self, page: QWidget) -> Card:
        card = Card("emnify_card", page)
        clay = QVBoxLayout(card)
        clay.setContentsMargins(14, 10, 14, 12)
        clay.setSpacing(6)
        top = QHBoxLayout()
        self.account_label = QLabel(card)
        self.account_label.setObjectName("emnify_account_label")
        self.account_label.setWordWrap(True)
        self.sign_out_button = _button(card, "emnify_sign_out", _tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        top.addWidget(self.account_label, 1)
        top.addWidget(self.sign_out_button)
        clay.addLayout(top)
        self.state_label = QLabel(card)
        self.state_label.setObjectName("emnify_state")
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        clay.addWidget(self.state_label)
        self.detail_label = QLabel(card)
        self.detail_label.setObjectName("emnify_detail")
        self.detail_label.setWordWrap(True)
        clay.addWidget(self.detail_label)
        self.step_row = QWidget(card)
        srow = QHBoxLayout(self.step_row)
        srow.setContentsMargins(0, 0, 0, 0)
        self.step_password = _edit(
            self.step_row, "emnify_enable_password", _tr("Password, to create the key"), secret=True
        )
        self.step_password.setPlaceholderText(_tr("your emnify password"))
        self.step_password.returnPressed.connect(self.enable_requested)
        self.show_qr_check = QCheckBox(_tr("Also show the QR code for a phone"), self.step_row)
        self.show_qr_check.setObjectName("emnify_show_qr")
        srow.addWidget(self.step_password, 1)
        srow.addWidget(self.show_qr_check)
        clay.addWidget(self.step_row)
        arow = QHBoxLayout()
        self.action_button = _button(card, "emnify_action")
        self.action_button.clicked.connect(self.primary_requested)
        self.secondary_button = _button(card, "emnify_secondary")
        self.secondary_button.clicked.connect(self.secondary_requested)
        self.action_feedback = Feedback("emnify_action_message", card)
        arow.addWidget(self.action_button)
        arow.addWidget(self.secondary_button)
        arow.addStretch(1)
        arow.addWidget(self._build_security_button(card))
        clay.addLayout(arow)
        clay.addWidget(self.action_feedback)
        return card

    def _build_security_button(self, card: QWidget) -> QPushButton:
        """One button with a menu for the three admin tools, so that the action row stays
        narrow enough for 200 %."""
        self.security_button = _button(card, "emnify_security_button", _tr("Account security…"))
        self.security_button.setAccessibleDescription(
            _tr("Application tokens, security events and lost-phone recovery.")
        )
        menu = QMenu(self.security_button)
        menu.setObjectName("emnify_security_menu")
        self.tokens_action = menu.addAction(_tr("Application tokens…"))
        self.tokens_action.setToolTip(
            _tr("List, create and revoke the organisation's application tokens.")
        )
        self.tokens_action.triggered.connect(self.tokens_requested)
        self.events_action = menu.addAction(_tr("Security events…"))
        self.events_action.setToolTip(
            _tr("Your recent sign-ins and two-factor changes, newest first.")
        )
        self.events_action.triggered.connect(self.events_requested)
        self.recovery_action = menu.addAction(_tr("Lost phone…"))
        self.recovery_action.setToolTip(
            _tr("Remove another user's two-factor keys or trusted devices (administrators).")
        )
        self.recovery_action.triggered.connect(self.recovery_requested)
        self.admin_note_action = menu.addAction(
            QCoreApplication.translate(
                "EmnifyPane", "Tokens and lost-phone recovery: for Administrators only."
            )
        )
        self.admin_note_action.setEnabled(False)  # a note, not an action
        self.admin_note_action.setVisible(False)
        menu.setToolTipsVisible(True)
        self.security_menu = menu
        self.security_button.setMenu(menu)
        return self.security_button

    # --- showing the state -----------------------------------------------------------------

    def show_state(self, state: PaneState) -> None:
        self._state = state
        current = 0 if state.card is None else 1
        for i, page in enumerate(self._pages):  # the stack takes the shown page's height only
            policy = QSizePolicy.Policy.Preferred if i == current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(current)
        self._render_sign_in(state)
        if state.card is not None:
            self._render_card(state.card, state.idle)

    def _render_sign_in(self, state: PaneState) -> None:
        idle, waiting, keyring = state.idle, state.waiting_for_code, state.keyring
        token = self.use_token_check.isChecked()
        if not keyring:
            self.keep_check.setChecked(False)
            self.trust_check.setChecked(False)
        form = self.sign_in_form_layout
        form.setRowVisible(self.email_edit, not token)
        form.setRowVisible(self.password_edit, not token and not waiting)
        form.setRowVisible(self.token_edit, token)
        form.setRowVisible(self.keep_check, not token and not waiting)
        form.setRowVisible(self.trust_check, not token and not waiting)
        form.setRowVisible(self.keyring_note, not keyring and not token and not waiting)
        form.setRowVisible(self.code_edit, waiting)
        self.token_hint.setVisible(not waiting)
        self.keep_check.setEnabled(idle and keyring)
        self.trust_check.setEnabled(idle and keyring)
        self.keyring_note.setText(
            _tr(
                "No OS keyring: this app cannot keep you signed in or remember this device. "
                "Everything else works."
            )
        )
        for w in (self.url_edit, self.email_edit, self.password_edit, self.token_edit):
            w.setEnabled(idle and not waiting)
        self.use_token_check.setEnabled(idle and not waiting)
        self.code_button.setVisible(waiting)
        self.code_edit.setEnabled(idle)
        self.code_button.setEnabled(idle)
        self.sign_in_button.setText(_tr("Start again") if waiting else _tr("Sign in"))
        self.sign_in_button.setEnabled(idle)
        self.sign_in_button.setDefault(not waiting)
        self.code_button.setDefault(waiting)

    def _render_card(self, card: CardState, idle: bool) -> None:
        texts = card.texts
        self.account_label.setText(card.account)
        self.sign_out_button.setEnabled(idle)
        self.state_label.setText(texts.title)
        self.detail_label.setText(texts.detail)
        self.detail_label.setVisible(bool(texts.detail))
        self.action_button.setText(texts.action)
        self.action_button.setVisible(bool(texts.action))
        self.action_button.setEnabled(idle and texts.action_enabled)
        self.action_button.setAccessibleName(texts.action)
        self.secondary_button.setText(texts.secondary)
        self.secondary_button.setVisible(bool(texts.secondary))
        self.secondary_button.setEnabled(idle)
        self.step_row.setVisible(card.enabling)
        self.step_password.setVisible(card.needs_password)
        self.step_password.setEnabled(idle)
        self.show_qr_check.setEnabled(idle)
        self.extra_form.setRowVisible(0, card.several_workspaces)  # the workspace picker
        self.switch_button.setEnabled(idle and card.can_switch)
        self.devices_combo.setEnabled(idle and card.has_devices)
        self.forget_button.setEnabled(idle and card.has_devices)
        self.security_button.setEnabled(idle)
        self._render_admin_tools(card.admin_tools)

    def _render_admin_tools(self, allowed: bool) -> None:
        """The organisation-wide tools: enabled, or disabled with the reason in their tooltip
        (a non-admin's own security events stay open to them)."""
        self.tokens_action.setEnabled(allowed)
        self.recovery_action.setEnabled(allowed)
        self.admin_note_action.setVisible(not allowed)
        if allowed:
            self.tokens_action.setToolTip(
                QCoreApplication.translate(
                    "EmnifyPane", "List, create and revoke the organisation's application tokens."
                )
            )
            self.recovery_action.setToolTip(
                QCoreApplication.translate(
                    "EmnifyPane",
                    "Remove another user's two-factor keys or trusted devices (administrators).",
                )
            )
            return
        reason = QCoreApplication.translate(
            "EmnifyPane",
            "Only an Administrator of the organisation can use this; the portal does not count "
            "you as one in this workspace.",
        )
        self.tokens_action.setToolTip(reason)
        self.recovery_action.setToolTip(reason)

    def show_lists(
        self,
        devices: list[tuple[int | None, str]],
        workspaces: list[tuple[int, str]],
        current: int | None,
    ) -> None:
        self.devices_combo.clear()
        for ident, label in devices:
            self.devices_combo.addItem(label, ident)
        self.workspace_combo.clear()
        for ident, name in workspaces:
            self.workspace_combo.addItem(name, ident)
            if ident == current:
                self.workspace_combo.setCurrentIndex(self.workspace_combo.count() - 1)

    def feedback(self, area: Area, kind: Kind, text: str = "") -> None:
        where = self._feedback[area]
        if kind == "busy":
            where.busy(text)
        elif kind == "info":
            where.info(text)
        elif kind == "error":
            where.error(text)
        else:
            where.clear()

    def show_inbox(self, text: str) -> None:
        self.inbox_label.setText(text)
        self.inbox_label.show()

    # --- what was typed and chosen ---------------------------------------------------------

    def sign_in_form(self) -> SignInForm:
        return SignInForm(
            url=self.url_edit.text(),
            user=self.email_edit.text(),
            password=self.password_edit.text(),
            token=self.token_edit.text(),
            use_token=self.use_token_check.isChecked(),
            keep=self.keep_check.isChecked() and self.keep_check.isEnabled(),
            trust=self.trust_check.isChecked() and self.trust_check.isEnabled(),
        )

    def code(self) -> str:
        return self.code_edit.text()

    def enable_password(self) -> str:
        return self.step_password.text()

    def show_qr(self) -> bool:
        return self.show_qr_check.isChecked()

    def chosen_workspace(self) -> int | None:
        ident = self.workspace_combo.currentData()
        return None if ident is None else int(ident)

    def chosen_device(self) -> tuple[int, str] | None:
        ident = self.devices_combo.currentData()
        return None if ident is None else (int(ident), self.devices_combo.currentText())

    def clear_field(self, name: Field) -> None:
        self._fields[name].clear()

    def focus_field(self, name: Field, select: bool = False) -> None:
        if select:
            self._fields[name].selectAll()
        self._fields[name].setFocus()

    # --- questions (tests override these) --------------------------------------------------

    def confirm(self, title: str, text: str, action: str = "") -> bool:
        """The app's one confirmation style (a verb on the button, never Yes/No): ``action``,
        else the title as a verb ("Revoke the token?" -> "Revoke the token")."""
        from desktop_app.ui.confirm_dialog import action_from_title, ask

        return ask(self, title, text, action or action_from_title(title))

    def confirm_disable(self, text: str) -> tuple[bool, bool]:
        """(go ahead, also remove the key from this app)."""
        dialog = DisableDialog(text, self)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return ok, dialog.remove_check.isChecked()

    def show_key(self, entry: Entry) -> bool:
        """Show the new key (QR and text); True to go on and activate."""
        return KeyDialog(entry, self).exec() == QDialog.DialogCode.Accepted
