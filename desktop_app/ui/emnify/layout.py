"""The widgets of the emnify pane's two pages, built onto the pane (the logic is in
:mod:`desktop_app.ui.emnify.pane`). Every string goes through the pane's ``tr``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.settings import DEFAULT_PORTAL_URL
from desktop_app.ui.emnify.widgets import Card, Feedback


class PaneWidgets:
    """The widgets :func:`build_sign_in` and :func:`build_account` put on the pane."""

    account_label: QLabel
    token_hint: QLabel
    sign_in_form: QFormLayout
    extra_form: QFormLayout
    action_button: QPushButton
    action_feedback: Feedback
    code_button: QPushButton
    code_edit: QLineEdit
    code_label: QLabel
    detail_label: QLabel
    devices_combo: QComboBox
    email_edit: QLineEdit
    email_label: QLabel
    extra_feedback: Feedback
    forget_button: QPushButton
    keep_check: QCheckBox
    keyring_note: QLabel
    password_edit: QLineEdit
    password_label: QLabel
    secondary_button: QPushButton
    show_qr_check: QCheckBox
    sign_in_button: QPushButton
    sign_in_feedback: Feedback
    sign_out_button: QPushButton
    state_label: QLabel
    step_password: QLineEdit
    step_row: QWidget
    switch_button: QPushButton
    token_edit: QLineEdit
    token_label: QLabel
    trust_check: QCheckBox
    url_edit: QLineEdit
    use_token_check: QCheckBox
    workspace_combo: QComboBox
    workspace_label: QLabel


def build_sign_in(pane: Any) -> QWidget:
    """The signed-out page; its widgets become attributes of ``pane``."""
    page = QWidget(pane)
    lay = QVBoxLayout(page)
    lay.setContentsMargins(0, 0, 0, 0)
    form = QFormLayout()
    pane.sign_in_form = form
    form.setContentsMargins(0, 0, 0, 0)
    pane.url_edit = QLineEdit(pane.initial_url(), page)
    pane.url_edit.setObjectName("emnify_url")
    pane.url_edit.setPlaceholderText(DEFAULT_PORTAL_URL)
    pane.url_edit.setAccessibleName(QCoreApplication.translate("EmnifyPane", "Portal address"))
    form.addRow(QCoreApplication.translate("EmnifyPane", "Portal address:"), pane.url_edit)
    pane.use_token_check = QCheckBox(
        QCoreApplication.translate(
            "EmnifyPane", "Sign in with an application token instead of a password"
        ),
        page,
    )
    pane.use_token_check.setObjectName("emnify_use_token")
    pane.use_token_check.setToolTip(
        QCoreApplication.translate(
            "EmnifyPane",
            "Recommended for single sign-on users (Microsoft, Google) and for scripts.",
        )
    )
    pane.use_token_check.toggled.connect(lambda *_: pane._update())
    pane.token_hint = QLabel(
        QCoreApplication.translate(
            "EmnifyPane",
            "Signing in to emnify with Microsoft, Google or another single sign-on, or "
            "writing a script? Use an application token from the emnify portal.",
        ),
        page,
    )
    pane.token_hint.setObjectName("emnify_token_hint")
    pane.token_hint.setWordWrap(True)
    pane.token_hint.setStyleSheet("color: palette(placeholder-text);")
    way = QVBoxLayout()
    way.setSpacing(2)
    way.addWidget(pane.use_token_check)
    way.addWidget(pane.token_hint)
    form.addRow("", way)
    pane.email_edit = QLineEdit(str(pane.services.settings.get("portal_user") or ""), page)
    pane.email_edit.setObjectName("emnify_email")
    pane.email_edit.setPlaceholderText(QCoreApplication.translate("EmnifyPane", "you@example.com"))
    pane.email_edit.setAccessibleName(QCoreApplication.translate("EmnifyPane", "E-mail address"))
    pane.email_label = QLabel(QCoreApplication.translate("EmnifyPane", "E-mail address:"), page)
    form.addRow(pane.email_label, pane.email_edit)
    pane.password_edit = QLineEdit(page)
    pane.password_edit.setObjectName("emnify_password")
    pane.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
    pane.password_edit.setAccessibleName(QCoreApplication.translate("EmnifyPane", "Password"))
    pane.password_edit.setAccessibleDescription(
        QCoreApplication.translate(
            "EmnifyPane", "The password of your emnify account; it is never stored."
        )
    )
    pane.password_edit.returnPressed.connect(pane.sign_in)
    pane.password_label = QLabel(QCoreApplication.translate("EmnifyPane", "Password:"), page)
    form.addRow(pane.password_label, pane.password_edit)
    pane.token_edit = QLineEdit(page)
    pane.token_edit.setObjectName("emnify_token")
    pane.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
    pane.token_edit.setAccessibleName(QCoreApplication.translate("EmnifyPane", "Application token"))
    pane.token_edit.setAccessibleDescription(
        QCoreApplication.translate(
            "EmnifyPane", "An application token created in the emnify portal."
        )
    )
    pane.token_edit.setPlaceholderText(
        QCoreApplication.translate("EmnifyPane", "kept in memory only, not after the app closes")
    )
    pane.token_edit.returnPressed.connect(pane.sign_in)
    pane.token_label = QLabel(QCoreApplication.translate("EmnifyPane", "Token:"), page)
    form.addRow(pane.token_label, pane.token_edit)
    pane.keep_check = QCheckBox(
        QCoreApplication.translate("EmnifyPane", "Keep me signed in on this computer"), page
    )
    pane.keep_check.setChecked(True)
    pane.keep_check.setAccessibleDescription(
        QCoreApplication.translate(
            "EmnifyPane",
            "Keeps the session in the OS keyring, so that you stay signed in after a restart.",
        )
    )
    pane.trust_check = QCheckBox(
        QCoreApplication.translate("EmnifyPane", "Trust this device (no code here for 90 days)"),
        page,
    )
    pane.trust_check.setAccessibleDescription(
        QCoreApplication.translate(
            "EmnifyPane", "The portal asks no sign-in code on this computer for 90 days."
        )
    )
    form.addRow("", pane.keep_check)
    form.addRow("", pane.trust_check)
    pane.keyring_note = QLabel(page)
    pane.keyring_note.setObjectName("emnify_keyring_note")
    pane.keyring_note.setWordWrap(True)
    pane.keyring_note.hide()
    form.addRow("", pane.keyring_note)
    pane.code_label = QLabel(QCoreApplication.translate("EmnifyPane", "Code:"), page)
    pane.code_edit = QLineEdit(page)
    pane.code_edit.setObjectName("emnify_code")
    pane.code_edit.setAccessibleName(QCoreApplication.translate("EmnifyPane", "Sign-in code"))
    pane.code_edit.setAccessibleDescription(
        QCoreApplication.translate(
            "EmnifyPane", "The code the portal e-mailed, or the one of your authenticator app."
        )
    )
    pane.code_edit.setMaxLength(12)
    pane.code_edit.returnPressed.connect(pane.submit_code)
    form.addRow(pane.code_label, pane.code_edit)
    lay.addLayout(form)
    row = QHBoxLayout()
    pane.sign_in_button = QPushButton(QCoreApplication.translate("EmnifyPane", "Sign in"), page)
    pane.sign_in_button.setObjectName("emnify_sign_in")
    pane.sign_in_button.setAccessibleDescription(
        QCoreApplication.translate("EmnifyPane", "Signs in to the emnify portal.")
    )
    pane.sign_in_button.setDefault(True)
    pane.sign_in_button.clicked.connect(pane.sign_in)
    pane.code_button = QPushButton(QCoreApplication.translate("EmnifyPane", "Confirm code"), page)
    pane.code_button.setObjectName("emnify_confirm_code")
    pane.code_button.setAccessibleDescription(
        QCoreApplication.translate("EmnifyPane", "Sends the sign-in code to the portal.")
    )
    pane.code_button.clicked.connect(pane.submit_code)
    pane.sign_in_feedback = Feedback("emnify_sign_in_message", page)
    row.addWidget(pane.sign_in_button)
    row.addWidget(pane.code_button)
    row.addWidget(pane.sign_in_feedback, 1)
    lay.addLayout(row)
    lay.addStretch(1)
    return page


def build_account(pane: Any) -> QWidget:
    """The signed-in page: the status card, the workspace picker, trusted devices."""
    page = QWidget(pane)
    lay = QVBoxLayout(page)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(10)
    card = Card("emnify_card", page)
    clay = QVBoxLayout(card)
    clay.setContentsMargins(14, 10, 14, 12)
    clay.setSpacing(6)
    top = QHBoxLayout()
    pane.account_label = QLabel(card)
    pane.account_label.setObjectName("emnify_account_label")
    pane.account_label.setWordWrap(True)
    pane.sign_out_button = QPushButton(QCoreApplication.translate("EmnifyPane", "Sign out"), card)
    pane.sign_out_button.setObjectName("emnify_sign_out")
    pane.sign_out_button.clicked.connect(pane.sign_out)
    top.addWidget(pane.account_label, 1)
    top.addWidget(pane.sign_out_button)
    clay.addLayout(top)
    pane.state_label = QLabel(card)
    pane.state_label.setObjectName("emnify_state")
    pane.state_label.setWordWrap(True)
    pane.state_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
    clay.addWidget(pane.state_label)
    pane.detail_label = QLabel(card)
    pane.detail_label.setObjectName("emnify_detail")
    pane.detail_label.setWordWrap(True)
    clay.addWidget(pane.detail_label)
    pane.step_row = QWidget(card)
    srow = QHBoxLayout(pane.step_row)
    srow.setContentsMargins(0, 0, 0, 0)
    pane.step_password = QLineEdit(pane.step_row)
    pane.step_password.setObjectName("emnify_enable_password")
    pane.step_password.setEchoMode(QLineEdit.EchoMode.Password)
    pane.step_password.setPlaceholderText(
        QCoreApplication.translate("EmnifyPane", "your emnify password")
    )
    pane.step_password.setAccessibleName(
        QCoreApplication.translate("EmnifyPane", "Password, to create the key")
    )
    pane.step_password.returnPressed.connect(pane.enable)
    pane.show_qr_check = QCheckBox(
        QCoreApplication.translate("EmnifyPane", "Also show the QR code for a phone"), pane.step_row
    )
    pane.show_qr_check.setObjectName("emnify_show_qr")
    srow.addWidget(pane.step_password, 1)
    srow.addWidget(pane.show_qr_check)
    clay.addWidget(pane.step_row)
    arow = QHBoxLayout()
    pane.action_button = QPushButton(card)
    pane.action_button.setObjectName("emnify_action")
    pane.action_button.clicked.connect(pane._primary)
    pane.secondary_button = QPushButton(card)
    pane.secondary_button.setObjectName("emnify_secondary")
    pane.secondary_button.setFlat(True)
    pane.secondary_button.clicked.connect(pane._secondary)
    pane.action_feedback = Feedback("emnify_action_message", card)
    arow.addWidget(pane.action_button)
    arow.addWidget(pane.secondary_button)
    arow.addWidget(pane.action_feedback, 1)
    clay.addLayout(arow)
    lay.addWidget(card)

    extra = QFormLayout()
    pane.extra_form = extra
    extra.setContentsMargins(2, 0, 0, 0)
    wrow = QHBoxLayout()
    pane.workspace_combo = QComboBox(page)
    pane.workspace_combo.setObjectName("emnify_workspace")
    pane.workspace_combo.setAccessibleName(QCoreApplication.translate("EmnifyPane", "Workspace"))
    pane.switch_button = QPushButton(QCoreApplication.translate("EmnifyPane", "Switch"), page)
    pane.switch_button.setObjectName("emnify_switch_workspace")
    pane.switch_button.clicked.connect(pane.switch_workspace)
    wrow.addWidget(pane.workspace_combo, 1)
    wrow.addWidget(pane.switch_button)
    pane.workspace_label = QLabel(QCoreApplication.translate("EmnifyPane", "Workspace:"), page)
    extra.addRow(pane.workspace_label, wrow)
    drow = QHBoxLayout()
    pane.devices_combo = QComboBox(page)
    pane.devices_combo.setObjectName("emnify_devices")
    pane.devices_combo.setAccessibleName(
        QCoreApplication.translate("EmnifyPane", "Trusted devices")
    )
    pane.forget_button = QPushButton(QCoreApplication.translate("EmnifyPane", "Forget…"), page)
    pane.forget_button.setObjectName("emnify_forget_device")
    pane.forget_button.clicked.connect(pane.forget_device)
    drow.addWidget(pane.devices_combo, 1)
    drow.addWidget(pane.forget_button)
    extra.addRow(QCoreApplication.translate("EmnifyPane", "Trusted devices:"), drow)
    lay.addLayout(extra)
    pane.extra_feedback = Feedback("emnify_extra_message", page)
    lay.addWidget(pane.extra_feedback)
    lay.addStretch(1)
    return page
