"""Edit → Recently Deleted…: the deleted accounts that can still be restored (issue 21).

Every removal leaves a tombstone that keeps the account for 30 days
(:data:`desktop_app.sync.merge.RESTORE_DAYS`), on this computer and, in a synced vault, on every
computer that merged the deletion. The dialog lists them, newest deletion first: the account,
when it was deleted and on which computer; Restore brings the selected one back as a new change
(:meth:`desktop_app.vault.Vault.restore_deleted`), which a synced vault writes to the folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop_app.errors import AppError
from desktop_app.sync.clock import stamp_device, stamp_wall_ms
from desktop_app.ui.history_view import computer_names, when_text
from desktop_app.ui.i18n import core_text
from desktop_app.ui.theme import error_css, themed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.otp.model import Entry
    from desktop_app.vault import Vault

UUID_ROLE = Qt.ItemDataRole.UserRole


class RecentlyDeletedDialog(QDialog):
    """``restored(entry)`` after an account came back (the dialog stays open for more)."""

    restored = Signal(object)

    def __init__(self, parent: QWidget | None, vault: Vault) -> None:
        super().__init__(parent)
        self.setObjectName("RecentlyDeletedDialog")
        self.setWindowTitle(self.tr("Recently Deleted"))
        self.setMinimumWidth(560)
        self.vault = vault
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 14)
        intro = QLabel(
            self.tr(
                "A deleted account can be restored for 30 days, on every computer that keeps "
                "the accounts in step."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("deleted_list")
        self.tree.setAccessibleName(self.tr("Deleted accounts"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Account"), self.tr("Deleted"), self.tr("On")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemSelectionChanged.connect(self._update)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.restore_selected())
        lay.addWidget(self.tree, 1)
        self.empty_label = QLabel(self.tr("No deleted accounts to restore."), self)
        self.empty_label.setObjectName("deleted_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        lay.addWidget(self.empty_label, 1)
        self.message = QLabel(self)
        self.message.setObjectName("deleted_message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setObjectName("deleted_restore")
        self.restore_button.setAccessibleDescription(
            self.tr("Bring the selected account back into the list.")
        )
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.resize(620, 380)
        self.reload()

    def reload(self) -> None:
        names = computer_names(self.vault)
        self.tree.clear()
        tombs = self.vault.deleted()
        for t in tombs:
            entry = t.entry
            assert entry is not None  # a restorable tombstone keeps the account
            device = stamp_device(t.stamp)
            name = names.get(device)
            where = self.tr("this computer") if name == "" else (name or device)
            row = QTreeWidgetItem(
                [entry.label or self.tr("(no name)"), when_text(stamp_wall_ms(t.stamp)), where]
            )
            row.setData(0, UUID_ROLE, t.uuid)
            self.tree.addTopLevelItem(row)
        self.tree.setVisible(bool(tombs))
        self.empty_label.setVisible(not tombs)
        if tombs:
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        self._update()

    def _update(self) -> None:
        self.restore_button.setEnabled(bool(self.tree.selectedItems()))

    def restore_selected(self) -> None:
        items = self.tree.selectedItems()
        if not items:
            return
        uuid = str(items[0].data(0, UUID_ROLE))
        try:
            entry: Entry = self.vault.restore_deleted(uuid)
        except AppError as exc:
            self.message.setText(
                self.tr("Nothing was restored: {error}").format(error=core_text(exc))
            )
            themed(self.message, error_css)
            self.reload()
            return
        themed(self.message, lambda: "")
        self.message.setText(
            self.tr("Restored {label}.").format(label=entry.label or self.tr("the account"))
        )
        self.reload()
        self.restored.emit(entry)
