"""A label showing a QR code (the pixmap comes from :func:`desktop_app.ui.images.qr_pixmap`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop_app.ui.images import qr_pixmap

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class QrLabel(QLabel):
    """A label showing the QR code of a text; the text itself is never shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: white; padding: 6px;")
        self.setAccessibleName(self.tr("QR code"))
        self.payload = ""

    def show_text(self, text: str, *, scale: int = 5) -> None:
        self.payload = text
        pixmap = qr_pixmap(text, scale=scale)
        self.setPixmap(pixmap)
        self.setMinimumSize(pixmap.size())
