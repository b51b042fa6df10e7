"""The list view of accounts: click or Enter copies, drag to reorder, files can be dropped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCursor, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QStyleOptionViewItem

from desktop_app.ui.account_delegate import AccountDelegate
from desktop_app.ui.accounts_model import RING_ROLES, ROLE_UUID, AccountsModel

if TYPE_CHECKING:
    from PySide6.QtCore import QPersistentModelIndex
    from PySide6.QtGui import (
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QKeyEvent,
        QMouseEvent,
        QPaintEvent,
    )
    from PySide6.QtWidgets import QWidget


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
        self.setAccessibleName(self.tr("Accounts"))
        self.setAccessibleDescription(
            self.tr("Your accounts and their current codes. Press Enter to copy the selected code.")
        )
        self._press: QPoint | None = None
        self._hover_row = -1  # the row last painted hovered (-1: none)

    # --- repainting ---------------------------------------------------------------------------

    _HOVER_EVENTS = (
        QEvent.Type.HoverEnter,
        QEvent.Type.HoverMove,
        QEvent.Type.HoverLeave,
        QEvent.Type.Enter,
        QEvent.Type.Leave,
    )

    def _pointer_row(self) -> int:
        """The row under the real pointer (-1: none, or the pointer is elsewhere)."""
        if not self.underMouse():
            return -1
        index = self.indexAt(self.viewport().mapFromGlobal(QCursor.pos()))
        return index.row() if index.isValid() else -1

    def _sync_hover(self) -> None:
        """The rows paint their hover state from the real pointer: when the row under it is not
        the one painted hovered, repaint both (Qt's own hover tracking misses a pointer that was
        there before the window, or that jumped)."""
        row = self._pointer_row()
        if row == self._hover_row:
            return
        old, self._hover_row = self._hover_row, row
        model = self.model()
        if model is None:
            return
        for r in (old, row):
            if 0 <= r < model.rowCount():
                self.viewport().update(self.visualRect(model.index(r, 0)))

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() in self._HOVER_EVENTS:
            self._sync_hover()
        return handled

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)  # moves the pixels: the hovered row's too
        self._sync_hover()

    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,
        bottomRight: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """A countdown-only change repaints just the rings of the visible rows in the range."""
        if list(roles) != RING_ROLES or self.model() is None:
            super().dataChanged(topLeft, bottomRight, list(roles))
            return
        viewport = self.viewport().rect()
        first = self.indexAt(viewport.topLeft())
        last = self.indexAt(viewport.bottomLeft())
        lo = max(topLeft.row(), first.row() if first.isValid() else 0)
        hi = min(bottomRight.row(), last.row() if last.isValid() else self.model().rowCount() - 1)
        if lo > hi:
            return
        top = self.visualRect(self.model().index(lo, 0))
        bottom = self.visualRect(self.model().index(hi, 0))
        ring = self.delegate.action_rect(top)
        strip = QRect(ring.left(), top.top(), ring.width(), bottom.bottom() - top.top() + 1)
        self.viewport().update(strip)

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.region().boundingRect()
        ring_left = self.delegate.action_rect(self.viewport().rect()).left()
        dragging = self.state() == QAbstractItemView.State.DraggingState  # Qt draws the drop line
        if not dragging and self._paint_rows(area, rings_only=area.left() >= ring_left):
            return
        super().paintEvent(event)

    def _paint_rows(self, area: QRect, *, rings_only: bool) -> bool:
        """Paint the rows in ``area`` through the delegate's :meth:`~AccountDelegate.paint_row`
        (the row's state from the selection, the mouse and the focus, not from a style option's
        ``state``: that would build ``QStyle``'s Python type before the first paint). With
        ``rings_only`` (a countdown step repaints a narrow column) a plain row repaints just its
        ring; rows that are selected, hovered or counter-based are painted whole.
        Returns False when this path does not apply (another model, no row in ``area``).
        """
        proxy = self.model()
        if not isinstance(proxy, QSortFilterProxyModel):
            return False
        source = proxy.sourceModel()
        if not isinstance(source, AccountsModel):
            return False
        first = self.indexAt(QPoint(0, area.top()))
        if not first.isValid():
            return False
        last = self.indexAt(QPoint(0, area.bottom()))
        last_row = last.row() if last.isValid() else proxy.rowCount() - 1
        selection = self.selectionModel()
        hover_row = self._pointer_row()
        if hover_row != self._hover_row:  # the pointer moved on without an event: catch up
            QTimer.singleShot(0, self, self._sync_hover)
        identity = proxy.sortColumn() < 0 and proxy.rowCount() == source.rowCount()
        rect = self.visualRect(first)
        step = rect.height()
        current = self.currentIndex()
        focused = self.hasFocus()
        painter = QPainter(self.viewport())
        palette = self.palette()
        group = (  # as QListView paints its items: greyed when disabled, inactive colours
            QPalette.ColorGroup.Disabled
            if not self.isEnabled()
            else QPalette.ColorGroup.Active
            if self.isActiveWindow()
            else QPalette.ColorGroup.Inactive
        )
        delegate = self.delegate
        try:
            for row in range(first.row(), last_row + 1):
                index = proxy.index(row, 0)
                selected = selection.isSelected(index)
                ring = None
                if rings_only and not selected and row != hover_row:
                    ring = source.ring_state(row if identity else proxy.mapToSource(index).row())
                if ring is None:
                    option = QStyleOptionViewItem()
                    self.initViewItemOption(option)
                    option.rect = QRect(rect)
                    option.palette.setCurrentColorGroup(group)
                    delegate.paint_row(
                        painter,
                        option,
                        index,
                        selected=selected,
                        hovered=row == hover_row,
                        focused=focused and index == current,
                    )
                else:
                    delegate.paint_ring_only(painter, rect, ring[0], ring[1], palette)
                rect.translate(0, step)
        finally:
            painter.end()
        return True

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
