"""'Add account': type the setup key (with advanced options) or paste an otpauth:// link.

The dialog only builds candidates and emits :attr:`AddDialog.candidates_ready` with an
``intake.Payload``; the main window saves them (after a confirmation when needed). Invalid input
is refused with a message naming the field, and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import OtpError
from desktop_app.intake import Payload, PayloadKind, classify
from desktop_app.otp.model import (
    ALGORITHMS,
    DEFAULT_PERIOD,
    MAX_DIGITS,
    MIN_DIGITS,
    STEAM_DIGITS,
    Entry,
    OtpType,
    normalize_secret,
)
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, core_text
from desktop_app.ui.theme import error_line, invalid_field_css

FIELD_LABELS = {
    "issuer": QT_TRANSLATE_NOOP("AddDialog", "Issuer"),
    "name": QT_TRANSLATE_NOOP("AddDialog", "Account"),
    "secret": QT_TRANSLATE_NOOP("AddDialog", "Secret key"),
    "type": QT_TRANSLATE_NOOP("AddDialog", "Type"),
    "algorithm": QT_TRANSLATE_NOOP("AddDialog", "Algorithm"),
    "digits": QT_TRANSLATE_NOOP("AddDialog", "Digits"),
    "period": QT_TRANSLATE_NOOP("AddDialog", "Period"),
    "counter": QT_TRANSLATE_NOOP("AddDialog", "Counter"),
    "uri": QT_TRANSLATE_NOOP("AddDialog", "Link"),
    "link": QT_TRANSLATE_NOOP("AddDialog", "Link"),
}
TYPE_CHOICES = (
    (OtpType.TOTP, QT_TRANSLATE_NOOP("AddDialog", "Time-based (TOTP)")),
    (OtpType.HOTP, QT_TRANSLATE_NOOP("AddDialog", "Counter-based (HOTP)")),
    (OtpType.STEAM, QT_TRANSLATE_NOOP("AddDialog", "Steam Guard")),
)


def field_message(exc: OtpError) -> str:
    """The error of a field, in the GUI's language, after the field's label."""
    label = FIELD_LABELS.get(exc.field or "", "")
    if not label:
        return core_text(exc)
    return QCoreApplication.translate("AddDialog", "{field}: {error}").format(
        field=QCoreApplication.translate("AddDialog", label), error=core_text(exc)
    )


class LinkEdit(QLineEdit):
    """A one-line field for an otpauth:// link, masked until shown (it holds the secret)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.setFont(font)

    def setPlainText(self, text: str) -> None:
        self.setText(" ".join(text.split()))

    def toPlainText(self) -> str:
        return self.text()


class AddDialog(QDialog):
    candidates_ready = Signal(object)  # intake.Payload (OTPAUTH or MIGRATION)

    TAB_MANUAL, TAB_LINK = 0, 1

    def __init__(self, parent: QWidget | None = None, *, link: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add Account"))
        self.setObjectName("AddDialog")
        self.setMinimumWidth(460)
        self.payload: Payload | None = None
        self.error_field: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._manual_page(), self.tr("Enter Setup Key"))
        self.tabs.addTab(self._link_page(), self.tr("Paste Link"))
        self.tabs.setAccessibleName(self.tr("How to add the account"))
        self.tabs.setTabToolTip(
            self.TAB_MANUAL, self.tr("Type the setup key that the website shows.")
        )
        self.tabs.setTabToolTip(
            self.TAB_LINK, self.tr("Paste an otpauth:// or Google Authenticator export link.")
        )
        self.tabs.currentChanged.connect(lambda _i: self._clear_error())
        layout.addWidget(self.tabs)

        self.error_label = error_line(self)
        self.error_label.setAccessibleName(self.tr("Error"))
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(self)
        self.add_button = self.buttons.addButton(
            self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setDefault(True)
        self.add_button.setAccessibleName(self.tr("Add account"))
        self.add_button.setAccessibleDescription(self.tr("Save the account described here."))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        if link:
            self.link_edit.setPlainText(link)
            self.tabs.setCurrentIndex(self.TAB_LINK)
        self._on_type_changed()
        if not link:  # typing right after Ctrl+N goes into the first field (not the tab bar)
            self.issuer_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- pages ----------------------------------------------------------------------------

    def _manual_page(self) -> QWidget:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(4, 12, 4, 4)
        intro = QLabel(
            self.tr(
                "Type the setup key the website shows next to its QR code "
                "(often called “secret key” or “can't scan?”)."
            ),
            page,
        )
        intro.setWordWrap(True)
        intro.setStyleSheet("color: palette(placeholder-text);")
        outer.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(8)
        self.issuer_edit = QLineEdit(page)
        self.issuer_edit.setPlaceholderText(self.tr("e.g. GitHub"))
        self.name_edit = QLineEdit(page)
        self.name_edit.setPlaceholderText(self.tr("e.g. you@example.com"))
        self.secret_edit = QLineEdit(page)
        self.secret_edit.setPlaceholderText(self.tr("e.g. JBSW Y3DP EHPK 3PXP"))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.secret_edit.setFont(mono)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal_button = QToolButton(page)
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setCheckable(True)
        self.reveal_button.setToolTip(self.tr("Show or hide the key (Alt+H)"))
        self.reveal_button.setShortcut("Alt+H")
        self.reveal_button.setAccessibleName(self.tr("Show the secret key"))
        self.reveal_button.toggled.connect(self._reveal)
        secret_row = QHBoxLayout()
        secret_row.setSpacing(6)
        secret_row.addWidget(self.secret_edit, 1)
        secret_row.addWidget(self.reveal_button)
        for w, name in (
            (self.issuer_edit, self.tr("Issuer")),
            (self.name_edit, self.tr("Account name")),
            (self.secret_edit, self.tr("Secret key")),
        ):
            w.setAccessibleName(name)
            w.setMinimumHeight(30)
            w.textEdited.connect(lambda _t, w=w: self._clear_error(w))
        form.addRow(self.tr("&Issuer:"), self.issuer_edit)
        form.addRow(self.tr("&Account:"), self.name_edit)
        form.addRow(self.tr("&Secret key:"), secret_row)
        secret_label = form.labelForField(secret_row)
        if isinstance(secret_label, QLabel):
            secret_label.setBuddy(self.secret_edit)
        outer.addLayout(form)

        self.advanced_toggle = QToolButton(page)
        self.advanced_toggle.setText(self.tr("Advanced options"))
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.setAccessibleName(self.tr("Advanced options"))
        self.advanced_toggle.setAccessibleDescription(
            self.tr("Show the type, algorithm, digits, period and counter of the account.")
        )
        self.advanced_toggle.toggled.connect(self._toggle_advanced)
        outer.addWidget(self.advanced_toggle)

        self.advanced = self._advanced_box(page)
        outer.addWidget(self.advanced)
        outer.addStretch(1)
        return page

    def _advanced_box(self, parent: QWidget) -> QWidget:
        """Type, algorithm, digits, period and counter (hidden until asked for)."""
        self.advanced = QWidget(parent)
        adv = QFormLayout(self.advanced)
        adv.setContentsMargins(18, 0, 0, 0)
        self.type_combo = QComboBox(self.advanced)
        for value, label in TYPE_CHOICES:
            self.type_combo.addItem(self.tr(label), value.value)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._on_type_changed())
        self.algorithm_combo = QComboBox(self.advanced)
        for alg in ALGORITHMS:
            self.algorithm_combo.addItem(alg.replace("SHA", "SHA-"), alg)
        self.digits_spin = QSpinBox(self.advanced)
        self.digits_spin.setRange(MIN_DIGITS, MAX_DIGITS)
        self.digits_spin.setValue(6)
        self.period_spin = QSpinBox(self.advanced)
        self.period_spin.setRange(1, 86400)
        self.period_spin.setValue(DEFAULT_PERIOD)
        self.period_spin.setSuffix(self.tr(" s"))
        self.counter_spin = QSpinBox(self.advanced)
        self.counter_spin.setRange(0, 2_147_483_647)
        for adv_widget, name in (
            (self.type_combo, self.tr("Type")),
            (self.algorithm_combo, self.tr("Algorithm")),
            (self.digits_spin, self.tr("Digits")),
            (self.period_spin, self.tr("Period in seconds")),
            (self.counter_spin, self.tr("Counter")),
        ):
            adv_widget.setAccessibleName(name)
        adv.addRow(self.tr("&Type:"), self.type_combo)
        adv.addRow(self.tr("A&lgorithm:"), self.algorithm_combo)
        adv.addRow(self.tr("&Digits:"), self.digits_spin)
        adv.addRow(self.tr("&Period:"), self.period_spin)
        adv.addRow(self.tr("&Counter:"), self.counter_spin)
        self.advanced.hide()
        return self.advanced

    def _link_page(self) -> QWidget:
        page = QWidget(self)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(4, 12, 4, 4)
        intro = QLabel(
            self.tr(
                "Paste an <b>otpauth://</b> link, or a Google Authenticator export link "
                "(<b>otpauth-migration://</b>)."
            ),
            page,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        # The link holds the secret: masked like the setup key on the other tab.
        self.link_edit = LinkEdit(page)
        self.link_edit.setPlaceholderText(
            self.tr("otpauth://totp/Example:you@example.com?secret=…")
        )
        self.link_edit.setAccessibleName(self.tr("Link"))
        self.link_edit.setAccessibleDescription(
            self.tr("The otpauth:// link; hidden like a password because it holds the secret.")
        )
        self.link_edit.setMinimumHeight(30)
        self.link_edit.textChanged.connect(lambda _t: self._clear_error(self.link_edit))
        self.link_reveal_button = QToolButton(page)
        self.link_reveal_button.setText(self.tr("Show"))
        self.link_reveal_button.setCheckable(True)
        self.link_reveal_button.setToolTip(self.tr("Show or hide the link (Alt+H)"))
        self.link_reveal_button.setShortcut("Alt+H")
        self.link_reveal_button.setAccessibleName(self.tr("Show the link"))
        self.link_reveal_button.toggled.connect(self._reveal_link)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.link_edit, 1)
        row.addWidget(self.link_reveal_button)
        lay.addLayout(row)
        paste = QPushButton(self.tr("Paste from Clipboard"), page)
        paste.setAccessibleName(self.tr("Paste the link from the clipboard"))
        paste.setAccessibleDescription(self.tr("Put the link on the clipboard into the field."))
        paste.clicked.connect(
            lambda: self.link_edit.setPlainText(QGuiApplication.clipboard().text().strip())
        )
        lay.addWidget(paste, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        return page

    def _reveal_link(self, on: bool) -> None:
        self.link_edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.link_reveal_button.setText(self.tr("Hide") if on else self.tr("Show"))

    def _reveal(self, on: bool) -> None:
        self.secret_edit.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        )
        self.reveal_button.setText(self.tr("Hide") if on else self.tr("Show"))

    def _toggle_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.adjustSize()

    def _on_type_changed(self) -> None:
        otp_type = self.otp_type()
        steam = otp_type is OtpType.STEAM
        self.period_spin.setEnabled(otp_type is not OtpType.HOTP)
        self.counter_spin.setEnabled(otp_type is OtpType.HOTP)
        self.algorithm_combo.setEnabled(not steam)
        self.digits_spin.setEnabled(not steam)
        if steam:
            self.algorithm_combo.setCurrentIndex(0)
            self.digits_spin.setMinimum(STEAM_DIGITS)
            self.digits_spin.setValue(STEAM_DIGITS)
        else:
            if self.digits_spin.value() < MIN_DIGITS:
                self.digits_spin.setValue(6)
            self.digits_spin.setMinimum(MIN_DIGITS)

    def otp_type(self) -> OtpType:
        return OtpType(self.type_combo.currentData())

    # --- errors ---------------------------------------------------------------------------

    def _widget_for(self, field: str | None) -> QWidget | None:
        if self.tabs.currentIndex() == self.TAB_LINK:
            return self.link_edit
        mapping: dict[str, QWidget] = {
            "issuer": self.issuer_edit,
            "name": self.name_edit,
            "secret": self.secret_edit,
            "type": self.type_combo,
            "algorithm": self.algorithm_combo,
            "digits": self.digits_spin,
            "period": self.period_spin,
            "counter": self.counter_spin,
        }
        return mapping.get(field or "")

    def show_error(self, message: str, field: str | None) -> None:
        self.error_field = field
        self.error_label.setText(message)
        self.error_label.show()
        widget = self._widget_for(field)
        if widget is not None:
            if widget.parentWidget() is self.advanced and not self.advanced.isVisible():
                self.advanced_toggle.setChecked(True)
            widget.setStyleSheet(invalid_field_css())
            widget.setFocus()

    def _clear_error(self, widget: QWidget | None = None) -> None:
        if widget is not None and not widget.styleSheet():
            return
        widgets: tuple[QWidget, ...] = (
            self.issuer_edit,
            self.name_edit,
            self.secret_edit,
            self.link_edit,
            self.type_combo,
            self.algorithm_combo,
            self.digits_spin,
            self.period_spin,
            self.counter_spin,
        )
        for w in widgets:
            w.setStyleSheet("")
        self.error_label.clear()
        self.error_label.hide()
        self.error_field = None

    # --- building -------------------------------------------------------------------------

    def build_payload(self) -> Payload:
        """The candidates described by the dialog; raises OtpError naming the field."""
        if self.tabs.currentIndex() == self.TAB_LINK:
            text = self.link_edit.toPlainText().strip()
            if not text:
                raise OtpError(self.tr("Paste a link first."), "uri")
            payload = classify(text)
            if payload.kind not in (PayloadKind.OTPAUTH, PayloadKind.MIGRATION):
                raise OtpError(payload.message, "uri")
            if not payload.entries:
                reasons = "; ".join(
                    f"{core_text(s.label)}: {core_text(s.reason)}" for s in payload.skipped
                )
                raise OtpError(reasons or self.tr("The link holds no account."), "uri")
            return payload
        issuer = self.issuer_edit.text().strip()
        name = self.name_edit.text().strip()
        secret = normalize_secret(self.secret_edit.text())
        if not issuer and not name:
            raise OtpError(
                self.tr("Enter the service name (issuer) or the account name."), "issuer"
            )
        otp_type = self.otp_type()
        entry = Entry(
            secret=secret,
            issuer=issuer,
            name=name,
            type=otp_type,
            algorithm=str(self.algorithm_combo.currentData()),
            digits=STEAM_DIGITS if otp_type is OtpType.STEAM else self.digits_spin.value(),
            period=self.period_spin.value(),
            counter=self.counter_spin.value() if otp_type is OtpType.HOTP else 0,
        )
        return Payload(
            PayloadKind.OTPAUTH,
            entries=(entry,),
            message=self.tr("Account {label}").format(label=entry.label),
        )

    def accept(self) -> None:
        try:
            payload = self.build_payload()
        except OtpError as exc:
            self.show_error(field_message(exc), exc.field)
            return
        self.payload = payload
        super().accept()
        self.candidates_ready.emit(payload)
