"""Copying codes: put a code on the clipboard and clear it later if it is still there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtGui import QClipboard

# Clipboard managers that honour it (KDE Klipper, several others) do not keep a history entry.
_SECRET_HINT = "x-kde-passwordManagerHint"


class ClipboardGuard(QObject):
    """``copy(text, clear_after)``; the clipboard is cleared after ``clear_after`` seconds (0:
    never) only if it still holds that text, and also when the application quits."""

    cleared = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)

    @staticmethod
    def _clipboard() -> QClipboard:
        return QGuiApplication.clipboard()

    def copy(self, text: str, clear_after: int) -> None:
        data = QMimeData()
        data.setText(text)
        data.setData(_SECRET_HINT, b"secret")
        self._clipboard().setMimeData(data)
        self._text = text
        if clear_after > 0:
            self._timer.start(clear_after * 1000)
        else:
            self._timer.stop()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def clear_if_ours(self) -> None:
        self._timer.stop()
        if self._text is None:
            return
        clipboard = self._clipboard()
        if clipboard.text() == self._text:
            clipboard.clear()
            self.cleared.emit()
        self._text = None
