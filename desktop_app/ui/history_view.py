"""An account's earlier values (issue 21: nothing is ever lost, visibly).

When two computers changed the same field of an account, the newer edit was kept and the older one
went to the account's history (:attr:`desktop_app.otp.model.Entry.history`, at most 20). This
view, in the edit dialog, lists them: what the field was, from which computer, when; **Restore**
puts that value back as a new edit (the newest), through the vault's normal update, so a synced
vault writes it to the folder like any change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError
from desktop_app.otp.model import META_PREFIX, Entry, HistoryItem
from desktop_app.ui.i18n import core_text, short_datetime
from desktop_app.ui.theme import error_css, themed

if TYPE_CHECKING:
    from desktop_app.vault import Vault

COLUMNS = 5  # field, earlier value, from, when, restore


def computer_names(vault: Vault) -> dict[str, str]:
    """Device id -> name ("" for this computer), as the last sync knew them."""
    from pathlib import Path

    from desktop_app.sync.service import device_names

    try:
        return device_names(Path(vault.data_dir))
    except (OSError, AppError):
        return {}


def when_text(ms: int) -> str:
    """A stamp's wall time in the person's locale, short (date and time); ISO under C/POSIX."""
    return short_datetime(ms)


class HistoryView(QWidget):
    """The earlier values of ``entry``; ``restored(entry)`` after a restore was saved."""

    restored = Signal(object)  # the Entry as saved
    failed = Signal(str)  # one line: the restore was not saved

    def __init__(self, vault: Vault, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_view")
        self.vault = vault
        self.entry = entry
        self._names = computer_names(vault)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(4)
        self.title = QLabel(self)
        self.title.setObjectName("history_title")
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("history_list")
        self.tree.setAccessibleName(self.tr("Earlier values"))
        self.tree.setAccessibleDescription(
            self.tr(
                "Values of this account that a newer edit replaced: another computer's, or a restore."
            )
        )
        self.tree.setColumnCount(COLUMNS)
        self.tree.setHeaderLabels(
            [self.tr("Field"), self.tr("Earlier value"), self.tr("From"), self.tr("When"), ""]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.tree)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        themed(self.error_label, error_css)
        self.error_label.hide()
        lay.addWidget(self.error_label)
        self.buttons: list[QPushButton] = []
        self.show_entry(entry)

    # --- what a row says -------------------------------------------------------------------

    def field_text(self, key: str) -> str:
        names = {
            "issuer": self.tr("Issuer"),
            "name": self.tr("Account"),
            "group": self.tr("Group"),
            "note": self.tr("Note"),
            "otp": self.tr("Secret and code settings"),
            "icon": self.tr("Icon"),
        }
        if key.startswith(META_PREFIX):
            return key[len(META_PREFIX) :]
        return names.get(key, key)

    def value_text(self, item: HistoryItem) -> str:
        value = item.value
        if item.key == "otp" and isinstance(value, dict):  # never the secret itself
            same = value.get("secret") == self.entry.secret
            secret = self.tr("the same secret") if same else self.tr("a different secret")
            return self.tr("{secret}, {type}, {algorithm}, {digits} digits, {period} s").format(
                secret=secret,
                type=str(value.get("type", "")).upper(),
                algorithm=value.get("algorithm", ""),
                digits=value.get("digits", ""),
                period=value.get("period", ""),
            )
        if item.key == "icon":
            return self.tr("a picture") if value else self.tr("no picture")
        if value is None or value == "":
            return self.tr("(empty)")
        return str(value)

    def device_text(self, stamp: str) -> str:
        from desktop_app.sync.clock import stamp_device

        if not stamp:
            return self.tr("an older version of the app")
        device = stamp_device(stamp)
        name = self._names.get(device)
        if name == "":
            return self.tr("this computer")
        return name or device

    # --- building and restoring ------------------------------------------------------------

    def show_entry(self, entry: Entry) -> None:
        from desktop_app.sync.clock import stamp_wall_ms

        self.entry = entry
        self.tree.clear()
        self.buttons = []
        items = entry.history
        self.setVisible(bool(items))
        self.title.setText(
            self.tr(
                "Earlier values: kept when a newer edit replaced them (another computer's, or "
                "a restore). Restore puts one back as the newest edit."
            )
        )
        for item in items:
            row = QTreeWidgetItem(
                [
                    self.field_text(item.key),
                    self.value_text(item),
                    self.device_text(item.stamp),
                    when_text(stamp_wall_ms(item.stamp)) if item.stamp else "",
                    "",
                ]
            )
            row.setToolTip(1, self.value_text(item))
            self.tree.addTopLevelItem(row)
            button = QPushButton(self.tr("Restore"), self.tree)
            button.setObjectName("history_restore")
            button.setAccessibleName(
                self.tr("Restore the earlier {field}").format(field=self.field_text(item.key))
            )
            current = entry.json_of(item.key)
            button.setEnabled(current != item.value)
            if current == item.value:
                button.setToolTip(self.tr("This is the value the account has now."))
            button.clicked.connect(lambda _checked=False, it=item: self.restore(it))
            self.tree.setItemWidget(row, 4, button)
            self.buttons.append(button)
        rows = min(len(items), 5)
        height = self.tree.header().sizeHint().height() + 2 * self.tree.frameWidth()
        if rows:
            height += rows * max(self.tree.sizeHintForRow(0), self.buttons[0].sizeHint().height())
        self.tree.setFixedHeight(height + 2)

    def restore(self, item: HistoryItem) -> None:
        """The value of ``item`` back, saved as a new edit of the account (it syncs)."""
        self.error_label.hide()
        try:
            restored = self.entry.restored_from(item)
            saved = self.vault.update(restored, base=self.entry)
        except AppError as exc:
            text = self.tr("Nothing was restored: {error}").format(error=core_text(exc))
            self.error_label.setText(text)
            self.error_label.show()
            self.failed.emit(text)
            return
        self.show_entry(saved)
        top = self.window()
        if top is not self and top.height() < top.sizeHint().height():
            top.resize(top.width(), top.sizeHint().height())  # the list grew by the kept value
        self.restored.emit(saved)
