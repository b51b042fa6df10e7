"""Settings, built from the declared settings (``desktop_app.settings.SETTINGS``).

One page per section; one widget per setting type (bool: checkbox, int: spin box with its range,
str with choices: combo box, folder: path field with a chooser, other str: line edit); each
description is shown under its widget and as its tooltip. Changes apply and persist at once.
The Security page also switches between keyring and password protection; the emnify page embeds
the emnify account pane (which handles its own settings).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError, WrongPasswordError
from desktop_app.settings import SETTINGS, SETTINGS_PAGE, Setting, SettingError, sections
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.global_shortcut import shortcut_status
from desktop_app.ui.i18n import core_text
from desktop_app.ui.theme import error_css, themed
from desktop_app.ui.workers import run_in_thread

if TYPE_CHECKING:
    from desktop_app.app import AppServices

log = logging.getLogger(__name__)


def _ts(text: str) -> str:
    """A declared setting's label, description, choice or section, translated (they are marked
    with ``QT_TRANSLATE_NOOP("Settings", ...)`` in ``desktop_app/settings.py``)."""
    return QCoreApplication.translate("Settings", text)


EMNIFY_SECTION = "emnify account"
SYNC_SECTION = "Sync"  # desktop_app.ui.sync_page.SYNC_SECTION
SECURITY_SECTION = "Security"
ICON_PACKS_SECTION = "Icon packs"  # desktop_app.ui.icon_packs_page.ICON_PACKS_SECTION
BACKUPS_SECTION = "Backups"  # desktop_app.ui.backup_page.BACKUPS_SECTION


class SettingsDialog(QDialog):
    protection_changed = Signal()

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = services.settings
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._protecting = False  # a key is being derived in a worker
        self.emnify_pane: QWidget | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 10)
        body = QHBoxLayout()
        body.setSpacing(0)
        self.nav = QListWidget(self)
        self.nav.setObjectName("settings_nav")
        self.nav.setAccessibleName(self.tr("Settings sections"))
        self.nav.setAccessibleDescription(self.tr("Choose the page of settings to show."))
        self.nav.setFixedWidth(180)
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setStyleSheet(
            "QListWidget#settings_nav { background: palette(window); padding-top: 8px;"
            " outline: 0; border: none; }"
            "QListWidget#settings_nav::item { padding: 8px 14px; border-radius: 6px;"
            " margin: 1px 6px; }"
            "QListWidget#settings_nav::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); border: none; }"
            "QListWidget#settings_nav::item:hover:!selected { background: palette(midlight); }"
        )
        self.pages = QStackedWidget(self)
        body.addWidget(self.nav)
        sep = QFrame(self)
        sep.setFrameShape(QFrame.Shape.VLine)
        sep.setStyleSheet("color: palette(mid);")
        body.addWidget(sep)
        body.addWidget(self.pages, 1)
        outer.addLayout(body, 1)

        names = sections()
        if SECURITY_SECTION not in names:
            names.append(SECURITY_SECTION)
        if SYNC_SECTION not in names:
            names.append(SYNC_SECTION)  # issue 21: Settings → Sync (ui/sync_page.py)
        names.append(ICON_PACKS_SECTION)  # issue 25: Settings → Icon packs (ui/icon_packs_page.py)
        self.section_names = names
        for section in names:
            self.nav.addItem(_ts(section))
            self.pages.addWidget(self._page(section))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._remember_page)
        # the page shown when Settings was last closed, in this run or an earlier one (kept like
        # the window's geometry: an internal setting, not offered in the pane)
        last = self.settings.value(SETTINGS_PAGE)
        self.nav.setCurrentRow(names.index(last) if last in names else 0)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(0, 0, 12, 0)
        outer.addWidget(buttons)
        self._open_size()

    def _open_size(self) -> None:
        """Large enough to show the tallest page without scrolling (as far as the screen
        allows)."""
        hints = []
        for i in range(self.pages.count()):
            area = self.pages.widget(i)
            inner = area.widget() if isinstance(area, QScrollArea) else None
            if inner is not None:
                hints.append(inner.sizeHint())
        page_w = max((h.width() for h in hints), default=520)
        page_h = max((h.height() for h in hints), default=420)
        layout = self.layout()
        total = layout.sizeHint().height() if layout is not None else page_h
        chrome = total - self.pages.sizeHint().height()
        width = self.nav.width() + 2 + page_w + 24
        height = page_h + max(chrome, 48) + 8
        fit_to_screen(self, max(720, width), max(500, height))

    # --- pages ----------------------------------------------------------------------------

    def _remember_page(self, row: int) -> None:
        if 0 <= row < len(self.section_names):
            self.settings.set(SETTINGS_PAGE, self.section_names[row])

    def show_section(self, section: str) -> None:
        self.nav.setCurrentRow(self.section_names.index(section))

    def _page(self, section: str) -> QWidget:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(area)
        page.setObjectName(f"page_{section}")
        lay = QVBoxLayout(page)
        lay.setContentsMargins(24, 18, 24, 18)
        lay.setSpacing(4)
        title = QLabel(_ts(section), page)
        title.setObjectName("page_title")
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        lay.addWidget(title)
        lay.addSpacing(8)
        if section == EMNIFY_SECTION:
            lay.addWidget(self._emnify(page), 1)
        elif section == SYNC_SECTION:
            from desktop_app.ui.sync_page import SyncPage

            self.sync_page = SyncPage(
                self.services,
                getattr(self.parent(), "sync_watcher", None),
                page,
                host=self.parent(),
            )
            lay.addWidget(self.sync_page, 1)
        elif section == ICON_PACKS_SECTION:
            from desktop_app.ui.icon_packs_page import IconPacksPage

            self.icon_packs_page = IconPacksPage(self.services, page)
            lay.addWidget(self.icon_packs_page, 1)
        else:
            for setting in SETTINGS:
                if setting.section == section and not setting.internal:
                    self._add_setting(lay, page, setting)
            if section == SECURITY_SECTION:
                lay.addSpacing(10)
                lay.addWidget(self._protection(page))
            elif section == BACKUPS_SECTION:
                lay.addWidget(self._backups(page))
            lay.addStretch(1)
        area.setWidget(page)
        return area

    def _emnify(self, page: QWidget) -> QWidget:
        try:
            from desktop_app.ui.emnify.pane import EmnifyPane
        except ImportError:
            label = QLabel(
                self.tr("The emnify account settings are not available in this build."), page
            )
            label.setObjectName("emnify_missing")
            label.setWordWrap(True)
            return label
        try:
            pane = EmnifyPane(self.services, page)
        except Exception:
            log.exception("emnify pane failed")
            label = QLabel(self.tr("The emnify account settings could not be shown."), page)
            label.setWordWrap(True)
            return label
        self.emnify_pane = pane
        return pane

    def _backups(self, page: QWidget) -> QWidget:
        """Password, suggested folder and state of the automatic backups (ui/backup_page.py)."""
        from desktop_app.settings import BACKUP_FOLDER
        from desktop_app.ui.backup_page import BackupPanel

        enabled = self.widgets["backup_enabled"]
        folder = self.widgets["backup_folder"]
        assert isinstance(enabled, QCheckBox) and isinstance(folder, QLineEdit)
        self.backup_panel = BackupPanel(
            self.services,
            enabled,
            folder,
            lambda text: self._set(BACKUP_FOLDER, text),
            page,
        )
        return self.backup_panel

    def _add_setting(self, lay: QVBoxLayout, page: QWidget, setting: Setting) -> None:
        value = self.settings.value(setting)
        label_text, description = _ts(setting.label), _ts(setting.description)
        widget: QWidget
        row = QHBoxLayout()
        row.setSpacing(10)
        if setting.type is bool:
            box = QCheckBox(label_text, page)
            box.setChecked(bool(value))
            box.toggled.connect(lambda on, s=setting: self._set(s, bool(on)))
            widget = box
            row.addWidget(box, 1)
        else:
            label = QLabel(label_text, page)
            row.addWidget(label, 1)
            if setting.type is int:
                spin = QSpinBox(page)
                spin.setRange(
                    setting.minimum if setting.minimum is not None else -(2**31),
                    setting.maximum if setting.maximum is not None else 2**31 - 1,
                )
                if setting.minimum == 0:
                    spin.setSpecialValueText(self.tr("Off"))
                spin.setValue(int(value))
                spin.setMinimumWidth(110)
                spin.valueChanged.connect(lambda v, s=setting: self._set(s, int(v)))
                widget = spin
                row.addWidget(spin)
            elif setting.choices:
                combo = QComboBox(page)
                for choice, text in setting.choices:
                    combo.addItem(_ts(text), choice)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                combo.setMinimumWidth(180)
                combo.currentIndexChanged.connect(
                    lambda _i, s=setting, c=combo: self._set(s, str(c.currentData()))
                )
                widget = combo
                row.addWidget(combo)
            elif setting.kind == "folder":
                edit = QLineEdit(str(value), page)
                edit.setPlaceholderText(self.tr("Choose a folder"))
                edit.setMinimumWidth(220)
                edit.editingFinished.connect(lambda s=setting, e=edit: self._set(s, e.text()))
                choose = QPushButton(self.tr("Choose…"), page)
                choose.setAccessibleDescription(self.tr("Choose the folder in a file dialog."))
                choose.setAccessibleName(
                    self.tr("Choose the {setting}").format(setting=label_text.lower())
                )
                choose.clicked.connect(lambda _c=False, s=setting, e=edit: self._choose(s, e))
                widget = edit
                row.addWidget(edit)
                row.addWidget(choose)
            else:
                edit = QLineEdit(str(value), page)
                edit.setMinimumWidth(220)
                edit.editingFinished.connect(lambda s=setting, e=edit: self._set(s, e.text()))
                widget = edit
                row.addWidget(edit)
            label.setBuddy(widget)
        widget.setObjectName(f"setting_{setting.name}")
        widget.setAccessibleName(label_text)
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
        self.widgets[setting.name] = widget
        lay.addLayout(row)
        help_text = QLabel(description, page)
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
        if setting.type is bool:
            help_text.setContentsMargins(24, 0, 0, 0)
        lay.addWidget(help_text)
        if setting.name == "quick_copy_shortcut":
            lay.addWidget(shortcut_status(page))
        error = QLabel("", page)
        themed(error, error_css)
        error.hide()
        self.errors[setting.name] = error
        lay.addWidget(error)
        lay.addSpacing(10)

    def _choose(self, setting: Setting, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, _ts(setting.label), edit.text())
        if folder:
            edit.setText(folder)
            self._set(setting, folder)

    def _set(self, setting: Setting, value: Any) -> None:
        error = self.errors.get(setting.name)
        try:
            self.settings.set(setting, value)
        except SettingError as exc:
            if error is not None:
                error.setText(core_text(exc))
                error.show()
            return
        if error is not None:
            error.hide()

    # --- protection -----------------------------------------------------------------------

    def _protection(self, page: QWidget) -> QWidget:
        box = QFrame(page)
        box.setObjectName("protection")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(14, 12, 14, 12)
        title = QLabel(self.tr("Vault protection"), box)
        title.setStyleSheet("font-weight: 600;")
        lay.addWidget(title)
        self.protection_label = QLabel("", box)
        self.protection_label.setObjectName("protection_label")
        self.protection_label.setWordWrap(True)
        lay.addWidget(self.protection_label)
        row = QHBoxLayout()
        self.use_password_button = QPushButton(self.tr("Use a Password…"), box)
        self.use_password_button.setAccessibleDescription(
            self.tr("Protect the vault with a password asked at each start instead of the keyring.")
        )
        self.use_password_button.clicked.connect(self.switch_to_password)
        self.change_password_button = QPushButton(self.tr("Change Password…"), box)
        self.change_password_button.setAccessibleDescription(
            self.tr("Choose a new vault password.")
        )
        self.change_password_button.clicked.connect(self.change_password)
        self.use_keyring_button = QPushButton(self.tr("Use the System Keyring"), box)
        self.use_keyring_button.setAccessibleDescription(
            self.tr("Keep the vault key in the system keyring; no password is asked at start.")
        )
        self.use_keyring_button.clicked.connect(self.switch_to_keyring)
        for b in (self.use_password_button, self.change_password_button, self.use_keyring_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.protection_message = QLabel("", box)
        self.protection_message.setObjectName("protection_message")
        self.protection_message.setWordWrap(True)
        self.protection_message.hide()
        lay.addWidget(self.protection_message)
        self._update_protection()
        return box

    def _update_protection(self) -> None:
        vault = self.services.vault
        mode = vault.mode if vault is not None else None
        if mode == "password":
            text = self.tr(
                "Your accounts are encrypted with a password that you enter when the app "
                "starts. You can lock the window with Ctrl+L."
            )
        elif mode == "keyring":
            text = self.tr(
                "Your accounts are encrypted; the key is kept in the system keyring, which your "
                "desktop unlocks when you sign in."
            )
        else:
            text = self.tr("The vault is locked.")
        self.protection_label.setText(text)
        self.use_password_button.setVisible(mode == "keyring")
        self.change_password_button.setVisible(mode == "password")
        self.use_keyring_button.setVisible(mode == "password")
        self.use_keyring_button.setEnabled(self.services.keystore.available())
        if not self.services.keystore.available():
            self.use_keyring_button.setToolTip(
                self.tr("No system keyring was found on this computer.")
            )

    def ask_new_password(self, change: bool) -> tuple[str, str] | None:
        """(current password or "", new password), or None when cancelled. Tests replace it."""
        from desktop_app.ui.unlock_dialog import PasswordDialog

        dialog = PasswordDialog(self, mode="change" if change else "create")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.current_password(), dialog.password()

    def confirm(self, title: str, text: str, action: str = "") -> bool:
        """Ask with a button that names the action (not Yes/No); tests replace this."""
        from desktop_app.ui.confirm_dialog import ask

        return ask(self, title, text, action)

    def _message(self, text: str) -> None:
        self.protection_message.setText(text)
        self.protection_message.setVisible(bool(text))

    def _done(self, text: str) -> None:
        self._message(text)
        self._update_protection()
        self.protection_changed.emit()

    @property
    def protection_busy(self) -> bool:
        return self._protecting

    def _protect(self, work: Callable[[], None], done_text: str) -> None:
        """Run ``work`` (it derives a key with scrypt) in a worker; the buttons wait meanwhile."""
        self._protecting = True
        for b in (self.use_password_button, self.change_password_button, self.use_keyring_button):
            b.setEnabled(False)
        self._message(self.tr("Deriving the key from the password…"))

        def finished() -> None:
            self._protecting = False
            self._update_protection()

        def failed(exc: BaseException) -> None:
            finished()
            if isinstance(exc, WrongPasswordError):
                self._message(core_text(exc))
            else:
                self._message(self.tr("Nothing changed: {error}").format(error=core_text(exc)))

        def done(_result: object) -> None:
            finished()
            self._done(done_text)

        run_in_thread(work, on_done=done, on_error=failed)

    def switch_to_password(self) -> None:
        vault = self.services.vault
        answer = self.ask_new_password(change=False)
        if vault is None or answer is None or self._protecting:
            return
        new = answer[1]
        self._protect(
            lambda: vault.use_password(new),
            self.tr("The vault is now protected by your password."),
        )

    def change_password(self) -> None:
        vault = self.services.vault
        answer = self.ask_new_password(change=True)
        if vault is None or answer is None or self._protecting:
            return
        current, new = answer

        def change() -> None:
            if not vault.check_password(current):
                raise WrongPasswordError("The current password is wrong.")
            vault.use_password(new)

        self._protect(change, self.tr("The password was changed."))

    def switch_to_keyring(self) -> None:
        vault = self.services.vault
        if vault is None:
            return
        if not self.confirm(
            self.tr("Use the system keyring?"),
            self.tr(
                "The vault key will be kept in the system keyring and no password will be asked "
                "when the app starts."
            ),
            self.tr("Use the System Keyring"),
        ):
            return
        try:
            vault.use_keyring()
        except AppError as exc:
            self._message(self.tr("Nothing changed: {error}").format(error=core_text(exc)))
            return
        self._done(self.tr("The vault key is now kept in the system keyring."))
