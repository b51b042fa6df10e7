"""The list view of accounts: click or Enter copies, drag to reorder, files can be dropped."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from desktop_app.ui.account_delegate import AccountDelegate
from desktop_app.ui.accounts_model import ROLE_UUID


class AccountsView(QListView):
    copy_requested = Signal(QModelIndex)
    action_requested = Signal(QModelIndex)  # HOTP "next code" button clicked
    files_dropped = Signal(list)  # list[str] of local paths
    move_requested = Signal(str, int)  # uuid, target proxy row (insert before; rowCount = end)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = AccountDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSpacing(0)
        self.reorder_enabled = True
        self.setAccessibleName("Accounts")
        self.setAccessibleDescription(
            "Your accounts and their current codes. Press Enter to copy the selected code."
        )
        self._press: QPoint | None = None

    # --- keyboard and mouse -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            index = self.currentIndex()
            if index.isValid():
                self.copy_requested.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        pressed, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        if (pos - pressed).manhattanLength() > 6:
            return
        index = self.indexAt(pos)
        if not index.isValid():
            return
        from desktop_app.otp.model import OtpType
        from desktop_app.ui.accounts_model import ROLE_ENTRY

        entry = index.data(ROLE_ENTRY)
        if (
            entry is not None
            and entry.type is OtpType.HOTP
            and self.delegate.hit_action(self.visualRect(index), pos)
        ):
            self.action_requested.emit(index)
            return
        self.copy_requested.emit(index)

    # --- drag and drop ------------------------------------------------------------------------

    @staticmethod
    def _local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        elif event.source() is self and self.reorder_enabled:
            super().dragEnterEvent(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_paths(event):
            event.acceptProposedAction()
        elif event.source() is self and self.reorder_enabled:
            super().dragMoveEvent(event)
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._local_paths(event)
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
            return
        if event.source() is self and self.reorder_enabled:
            current = self.currentIndex()
            if current.isValid():
                pos = event.position().toPoint()
                target = self.indexAt(pos)
                if target.isValid():
                    rect = self.visualRect(target)
                    row = target.row() + (1 if pos.y() > rect.center().y() else 0)
                else:
                    row = self.model().rowCount()
                self.move_requested.emit(str(current.data(ROLE_UUID)), row)
            # the move is done by the vault; tell the view not to remove anything itself
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.stopAutoScroll()
            self.setState(QAbstractItemView.State.NoState)
            self.viewport().update()
            return
        event.ignore()
