"""QR code pictures for the UI (rendered by segno, shown in a QLabel)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop_app.exporters.google import qr_png


def _dark() -> bool:
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def error_style() -> str:
    """Style of error texts, readable on light and dark palettes."""
    return f"color: {'#ff8a80' if _dark() else '#b00020'};"


def warning_color() -> str:
    return "#f8c057" if _dark() else "#8a4b00"


def warning_style() -> str:
    """Style of warnings about readable secrets."""
    return f"color: {warning_color()}; font-weight: bold;"


def qr_pixmap(text: str, *, scale: int = 5) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(text, scale=scale, border=4), "PNG")
    return pixmap


class QrLabel(QLabel):
    """A label showing the QR code of a text; the text itself is never shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: white; padding: 6px;")
        self.setAccessibleName("QR code")
        self.payload = ""

    def show_text(self, text: str, *, scale: int = 5) -> None:
        self.payload = text
        pixmap = qr_pixmap(text, scale=scale)
        self.setPixmap(pixmap)
        self.setMinimumSize(pixmap.size())
