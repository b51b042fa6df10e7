"""The pages of the main window (list, empty, no match, locked), its demo banner and toasts.

    pages = Pages(window, stack, view, empty_actions=[(label, slot, primary), ...])
    pages.update(unlocked, has_accounts, has_matches, query)
    pages.notice("Account added")

The empty and locked pages are built the first time they are needed. The locked page says
``unlock_requested(password)``; the lock controller answers with :meth:`Pages.unlock_failed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.theme import banner_css, error_css, themed, toast_css

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

log = logging.getLogger(__name__)

PAGE_EMPTY, PAGE_LIST, PAGE_NO_MATCH, PAGE_LOCKED = range(4)
PRIMARY_BUTTON_CSS = (
    "QPushButton { background: palette(highlight); color: palette(highlighted-text);"
    " border: none; border-radius: 6px; font-weight: 600; padding: 4px 14px; }"
    "QPushButton:focus { border: 2px solid palette(window-text); padding: 2px 12px; }"
)


class Toast(QLabel):
    """A short notice floating at the bottom of the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(False)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(self.tr("Notice"))
        self._hide = QTimer(self)
        self._hide.setSingleShot(True)
        self._hide.timeout.connect(self.hide)
        self.hide()

    def show_text(self, text: str, ms: int = 2600) -> None:
        self.setStyleSheet(toast_css())
        self.setText(text)
        self.adjustSize()
        self.reposition()
        self.show()
        self.raise_()
        self._hide.start(ms)

    def reposition(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        w = min(self.sizeHint().width(), parent.width() - 24)
        self.resize(w, self.sizeHint().height())
        bottom = parent.height()
        # the window's bottom line (the sync status) stays readable under a notice
        line = parent.findChild(QWidget, "sync_status", Qt.FindChildOption.FindDirectChildrenOnly)
        if line is not None and line.isVisible():
            bottom = line.geometry().top()
        self.move((parent.width() - w) // 2, bottom - self.height() - 18)


def demo_banner(parent: QWidget, url: str, user: str, password: str) -> QLabel:
    """The notice that the app runs against the demo portal emulator (``--demo``)."""
    if url:
        text = QCoreApplication.translate(
            "MainWindow",
            "<b>Demo mode</b>: emnify portal emulator at {url}, user <b>{user}</b>, "
            "password <b>{password}</b>. Try <i>Settings → emnify account</i> (Ctrl+,) to turn "
            "two-factor authentication on and off.",
        ).format(url=url, user=user, password=password)
    else:
        text = QCoreApplication.translate(
            "MainWindow", "<b>Demo mode</b>: using a local emnify portal emulator."
        )
    banner = QLabel(text, parent)
    banner.setObjectName("demo_banner")
    banner.setWordWrap(True)
    banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    banner.setAccessibleName(QCoreApplication.translate("MainWindow", "Demo mode notice"))
    themed(banner, banner_css)
    return banner


def _centred(lay: QVBoxLayout, widget: QWidget) -> None:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    row.addStretch(1)
    lay.addLayout(row)


class Pages(QObject):
    """Switches the window's pages and shows its notices."""

    unlock_requested = Signal(str)

    def __init__(
        self,
        window: QWidget,
        stack: QStackedWidget,
        list_page: QWidget,
        toast_parent: QWidget,
        empty_actions: Sequence[tuple[str, Callable[[], object], bool, str]],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.stack = stack
        self.empty_actions = list(empty_actions)
        self.last_notice = ""
        self.empty_buttons: list[QPushButton] = []
        self.unlock_field: QLineEdit | None = None
        self.unlock_error: QLabel | None = None
        self.unlock_button: QPushButton | None = None
        self._pages: dict[int, QWidget] = {PAGE_LIST: list_page}
        stack.addWidget(list_page)
        self.no_match = QLabel("", stack)
        self.no_match.setObjectName("no_match")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        stack.addWidget(self.no_match)
        self._pages[PAGE_NO_MATCH] = self.no_match
        self.toast = Toast(toast_parent)

    # --- notices ----------------------------------------------------------------------------

    def notice(self, text: str) -> None:
        self.last_notice = text
        self.toast.show_text(text)
        log.debug("notice shown")

    # --- pages ------------------------------------------------------------------------------

    def update(self, *, unlocked: bool, has_accounts: bool, has_matches: bool, query: str) -> None:
        if not unlocked:
            self.show(PAGE_LOCKED)
        elif not has_accounts:
            if self.stack.currentWidget() is not self._pages.get(PAGE_EMPTY):
                self.show(PAGE_EMPTY)
                self.empty_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
        elif not has_matches:
            self.no_match.setText(self.tr("No account matches “{query}”.").format(query=query))
            self.show(PAGE_NO_MATCH)
        else:
            self.show(PAGE_LIST)

    def show(self, which: int) -> None:
        page = self._pages.get(which)
        if page is None:
            page = self._build_empty() if which == PAGE_EMPTY else self._build_locked()
            self._pages[which] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def current(self) -> int:
        widget = self.stack.currentWidget()
        return next((k for k, w in self._pages.items() if w is widget), -1)

    def _page(
        self, name: str, text: str, icon_px: int, pt: int
    ) -> tuple[QWidget, QVBoxLayout, QLabel]:
        """A centred page as the empty and locked ones are: the app icon and a large title
        below some space; returns the page, its column and the title."""
        page = QWidget(self.stack)
        page.setObjectName(name)
        lay = QVBoxLayout(page)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.addStretch(2)
        icon = QLabel(page)
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            icon.setPixmap(app_icon.pixmap(icon_px, icon_px))
        lay.addWidget(icon)
        title = QLabel(text, page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet(f"font-size: {pt}pt; font-weight: 600;")
        lay.addWidget(title)
        return page, lay, title

    def _build_empty(self) -> QWidget:
        page, lay, title = self._page("empty_page", self.tr("No accounts yet"), 72, 17)
        title.setObjectName("empty_title")
        text = QLabel(
            self.tr(
                "Add your first account: when a website shows a QR code to set up two-factor "
                "sign-in, scan it from the screen or your camera, open a saved image, or type "
                "the setup key."
            ),
            page,
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: palette(placeholder-text);")
        text.setMaximumWidth(420)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(text, 4)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addSpacing(12)
        self.empty_buttons = []
        for label, slot, primary, description in self.empty_actions:
            button = QPushButton(label, page)
            button.setMinimumWidth(240)
            button.setMinimumHeight(34)
            button.setAccessibleName(label.rstrip("…"))
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            button.clicked.connect(lambda _c=False, s=slot: s())
            if primary:
                button.setDefault(True)
                button.setStyleSheet(PRIMARY_BUTTON_CSS)
            self.empty_buttons.append(button)
            _centred(lay, button)
        hint = QLabel(self.tr("You can also drop an image here or paste one with Ctrl+V."), page)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
        lay.addSpacing(6)
        lay.addWidget(hint)
        lay.addStretch(3)
        return page

    def _build_locked(self) -> QWidget:
        page, lay, _title = self._page("locked_page", self.tr("Authenticator is locked"), 64, 16)
        lay.setSpacing(10)
        hint = QLabel(self.tr("Enter your vault password to show your codes."), page)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: palette(placeholder-text);")
        lay.addWidget(hint)
        lay.addSpacing(6)
        field = QLineEdit(page)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setPlaceholderText(self.tr("Vault password"))
        field.setAccessibleName(self.tr("Vault password"))
        field.setFixedWidth(280)
        field.setMinimumHeight(32)
        field.returnPressed.connect(self._unlock_clicked)
        error = QLabel("", page)
        error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        themed(error, error_css)
        button = QPushButton(self.tr("Unlock"), page)
        button.setAccessibleName(self.tr("Unlock"))
        button.setAccessibleDescription(self.tr("Open the vault with the password entered above."))
        button.setFixedWidth(280)
        button.setMinimumHeight(32)
        button.setStyleSheet(PRIMARY_BUTTON_CSS)
        button.clicked.connect(self._unlock_clicked)
        _centred(lay, field)
        _centred(lay, button)
        lay.addWidget(error)
        lay.addStretch(3)
        self.unlock_field, self.unlock_error, self.unlock_button = field, error, button
        return page

    # --- the locked page --------------------------------------------------------------------

    def _unlock_clicked(self) -> None:
        assert self.unlock_field is not None and self.unlock_error is not None
        password = self.unlock_field.text()
        if not password:
            self.unlock_error.setText(self.tr("Enter the vault password."))
            return
        self.unlock_requested.emit(password)

    def reset_unlock(self) -> None:
        """A fresh locked page: no password, no error, the field focused."""
        if self.unlock_field is not None and self.unlock_error is not None:
            self.unlock_field.clear()
            self.unlock_error.clear()
            self.unlock_field.setFocus()

    def unlock_failed(self, message: str) -> None:
        if self.unlock_field is not None and self.unlock_error is not None:
            themed(self.unlock_error, error_css)
            self.unlock_error.setText(message)
            self.unlock_field.selectAll()
            self.unlock_field.setFocus()

    def set_unlock_busy(self, busy: bool) -> None:
        for w in (self.unlock_field, self.unlock_button):
            if w is not None:
                w.setEnabled(not busy)
        if busy and self.unlock_error is not None:
            # Progress in the normal text colour; only a refusal is shown in error red.
            themed(self.unlock_error, str)
            self.unlock_error.setText(self.tr("Unlocking…"))
