"""Automatic backups, set up in one place: the Settings → Backups page.

:class:`BackupPanel` sits under the page's declared settings (on/off, folder, how many to keep):
the backup password (kept in the keyring), the folder offered when none is chosen, and the state
("Last backup 2 min ago" or what is missing). Ticking the box with no password asks for it there
and then. :class:`BackupBanner` is the strip in the main window shown while backups are on but
not being written, with a button that opens that page.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.exporters.autobackup import (
    AutoBackup,
    default_folder,
    has_backup_password,
    set_backup_password,
)
from desktop_app.settings import BACKUP_ENABLED, BACKUP_FOLDER, BACKUP_KEEP, Setting
from desktop_app.ui.a11y import button
from desktop_app.ui.i18n import ago, core_text, short_datetime
from desktop_app.ui.theme import banner_css, error_css, themed

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QCheckBox,
    )

    from desktop_app.app import AppServices

BACKUPS_SECTION = "Backups"
MIN_PASSWORD = 8


def _ago(when: float, now: float) -> str:
    """ "just now", "2 min ago", "3 h ago", or the date and time (in the person's locale)."""
    seconds = max(0, int(now - when))
    if seconds < 24 * 3600:
        return ago(seconds)
    return short_datetime(int(when * 1000))


def backup_state(services: AppServices, now: float | None = None) -> tuple[str, bool]:
    """(the state in one sentence, whether backups are on but not being written)."""
    settings = services.settings
    auto = services.auto_backup
    if not settings.value(BACKUP_ENABLED):
        return QCoreApplication.translate("Backups", "Automatic backups are off."), False
    if auto is None:  # no vault is open (a locked window)
        return QCoreApplication.translate("Backups", "Automatic backups are on."), False
    problem = auto.problem()
    if problem:
        text = QCoreApplication.translate(
            "Backups", "Automatic backups are on, but none is written. {problem}"
        ).format(problem=core_text(problem))
        return text, True
    if auto.last_time is not None:
        ago = _ago(auto.last_time, time.time() if now is None else now)
        return QCoreApplication.translate("Backups", "Last backup {ago}.").format(ago=ago), False
    return (
        QCoreApplication.translate(
            "Backups", "Automatic backups are on: the next change of your accounts writes one."
        ),
        False,
    )


class _StatusBridge(QObject):
    """Carries the writer thread's "an attempt is over" to the GUI thread."""

    changed = Signal()


class _Watch:
    """Follows ``services.auto_backup`` (a new one comes with each vault opening)."""

    def __init__(self, services: AppServices, owner: QObject, refresh: Callable[[], None]) -> None:
        self.services = services
        self.bridge = _StatusBridge(owner)
        self.bridge.changed.connect(refresh, Qt.ConnectionType.QueuedConnection)
        self._watched: AutoBackup | None = None
        owner.destroyed.connect(lambda *_: self.stop())

    def _emit(self) -> None:
        try:
            self.bridge.changed.emit()
        except RuntimeError:  # the widget is gone
            self.stop()

    def follow(self) -> None:
        current = self.services.auto_backup
        if current is not self._watched:
            self.stop()
            if current is not None:
                current.add_status_listener(self._emit)
            self._watched = current

    def stop(self) -> None:
        if self._watched is not None:
            self._watched.remove_status_listener(self._emit)
            self._watched = None


class BackupPanel(QFrame):
    """The password, the folder offered and the state, under the Backups page's settings."""

    state_changed = Signal()

    def __init__(
        self,
        services: AppServices,
        enabled_box: QCheckBox,
        folder_edit: QLineEdit,
        set_folder: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.services = services
        self.enabled_box = enabled_box
        self.folder_edit = folder_edit
        self._set_folder = set_folder
        self._watch = _Watch(services, self, self.refresh)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(6)

        self.state = QLabel("", self)
        self.state.setObjectName("backup_state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.state)

        self._build_default_folder(lay)
        self._build_password(lay)
        self.message = QLabel("", self)
        self.message.setObjectName("backup_message")
        self.message.setWordWrap(True)
        themed(self.message, error_css)
        self.message.hide()
        lay.addWidget(self.message)

        enabled_box.toggled.connect(self._on_enabled)
        folder_edit.editingFinished.connect(self.refresh)
        folder_edit.textChanged.connect(lambda _t: self._show_default())
        self.refresh()

    def _build_default_folder(self, lay: QVBoxLayout) -> None:
        """The suggested folder, with a button that takes it."""
        self.default_row = QWidget(self)
        row = QHBoxLayout(self.default_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.default_text = QLabel("", self.default_row)
        self.default_text.setWordWrap(True)
        self.use_default = QPushButton(self.tr("Use This Folder"), self.default_row)
        self.use_default.setObjectName("use_default_backup_folder")
        self.use_default.setAccessibleDescription(
            self.tr("Write the automatic backups to the folder suggested here.")
        )
        self.use_default.clicked.connect(self.choose_default_folder)
        row.addWidget(self.default_text, 1)
        row.addWidget(self.use_default)
        lay.addWidget(self.default_row)

    def _build_password(self, lay: QVBoxLayout) -> None:
        """The backup password: its state, two fields and Save Password."""
        title = QLabel(self.tr("Backup password"), self)
        title.setStyleSheet("font-weight: 600;")
        lay.addSpacing(6)
        lay.addWidget(title)
        self.password_state = QLabel("", self)
        self.password_state.setObjectName("backup_password_state")
        self.password_state.setWordWrap(True)
        lay.addWidget(self.password_state)
        self.password = QLineEdit(self)
        self.password.setObjectName("backup_password")
        self.password.setAccessibleName(self.tr("Password of automatic backups"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Backup password"))
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("backup_password_confirm")
        self.confirm.setAccessibleName(self.tr("Repeat the password of automatic backups"))
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setPlaceholderText(self.tr("Repeat"))
        self.save = button(
            self,
            "save_backup_password",
            self.tr("Save Password"),
            self.tr("Keep this password for the automatic backups in the system keyring."),
            self.save_password,
        )
        self.confirm.returnPressed.connect(self.save_password)
        fields = QHBoxLayout()
        fields.addWidget(self.password, 1)
        fields.addWidget(self.confirm, 1)
        fields.addWidget(self.save)
        lay.addLayout(fields)

    # --- state --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._watch.follow()
        text, failing = backup_state(self.services)
        self.state.setText(text)
        themed(self.state, error_css if failing else (lambda: ""))
        has_pw = has_backup_password(self.services.keystore)
        self.password_state.setText(
            self.tr(
                "A backup password is set (kept in the system keyring). Type a new one to change it."
            )
            if has_pw
            else self.tr(
                "No backup password is set. Backups are encrypted with it: you need it to "
                "open one, here or in Aegis."
            )
        )
        self._show_default()
        self.state_changed.emit()

    def _show_default(self) -> None:
        empty = not self.folder_edit.text().strip()
        self.default_row.setVisible(empty)
        if empty:
            self.default_text.setText(
                self.tr("No folder is chosen. Suggested: {folder}").format(
                    folder=str(default_folder())
                )
            )

    def choose_default_folder(self) -> None:
        folder = str(default_folder())
        self.folder_edit.setText(folder)
        self.folder_edit.setCursorPosition(0)  # the start of the path shows: where it is
        self._set_folder(folder)
        self._after_setup()

    def _on_enabled(self, on: bool) -> None:
        if on:
            if not self.folder_edit.text().strip():
                self.choose_default_folder()
            if not has_backup_password(self.services.keystore):
                self._say(self.tr("Choose a backup password to start the backups."))
                self.password.setFocus(Qt.FocusReason.OtherFocusReason)
                area = self.parentWidget()
                while area is not None and not isinstance(area, QScrollArea):
                    area = area.parentWidget()
                if area is not None:
                    area.ensureWidgetVisible(self.password)
        self.refresh()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def save_password(self) -> bool:
        first, second = self.password.text(), self.confirm.text()
        if len(first) < MIN_PASSWORD:
            self._say(self.tr("The password needs at least {n} characters.").format(n=MIN_PASSWORD))
            return False
        if first != second:
            self._say(self.tr("The two passwords differ."))
            return False
        try:
            set_backup_password(self.services.keystore, first)
        except AppError as exc:
            self._say(core_text(exc))
            return False
        self.password.clear()
        self.confirm.clear()
        self._say("")
        self._after_setup()
        return True

    def _after_setup(self) -> None:
        """The folder or the password was set: write a backup now (when on), so that the state
        shown is the real one."""
        auto = self.services.auto_backup
        if auto is not None:
            auto.last_error = None  # the earlier failure said what was missing then
            auto.request()
        self.refresh()


class BackupBanner(QFrame):
    """The strip in the main window while automatic backups are on but not being written."""

    def __init__(
        self, parent: QWidget, services: AppServices, open_settings: Callable[[], None]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backup_banner")
        self.setAccessibleName(self.tr("Backup notice"))
        self.services = services
        self._watch = _Watch(services, self, self.refresh)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.text = QLabel("", self)
        self.text.setObjectName("backup_banner_text")
        self.text.setWordWrap(True)
        self.button = button(
            self,
            "backup_banner_settings",
            self.tr("Backup Settings…"),
            self.tr("Open Settings → Backups to fix this."),
            open_settings,
        )
        row.addWidget(self.text, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        themed(self, lambda: banner_css().replace("#demo_banner", "#backup_banner"))
        self.hide()
        settings = services.settings
        settings.add_listener(self._setting_changed)
        self.destroyed.connect(lambda *_: settings.remove_listener(self._setting_changed))

    def _setting_changed(self, which: Setting[Any], _value: object) -> None:
        if which in (BACKUP_ENABLED, BACKUP_FOLDER, BACKUP_KEEP):
            self.refresh()

    def refresh(self) -> None:
        self._watch.follow()
        text, failing = backup_state(self.services)
        self.text.setText(text)
        self.setVisible(failing)
