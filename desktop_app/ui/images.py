"""Pictures between Qt and the Qt-free core: the one QImage -> array conversion and the one QR
code pixmap.

    array = qimage_to_array(image)      # BGR uint8 (H×W×3) for desktop_app.scanning.decoders.decode
    pixmap = qr_pixmap(text, scale=5)   # rendered by segno (desktop_app.exporters.google)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QImage, QPainter, QPixmap

if TYPE_CHECKING:
    import numpy as np


def qimage_to_array(image: QImage) -> np.ndarray:
    """BGR uint8 array (H×W×3, own memory) of any QImage; alpha is composited on white."""
    import numpy as np

    if image.isNull():
        return np.zeros((0, 0, 3), np.uint8)
    if image.hasAlphaChannel():
        flat = QImage(image.size(), QImage.Format.Format_RGB888)
        flat.fill(0xFFFFFF)
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    img = image.convertToFormat(QImage.Format.Format_BGR888)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    buf = np.frombuffer(img.constBits(), dtype=np.uint8, count=bpl * h)
    return buf.reshape(h, bpl)[:, : w * 3].reshape(h, w, 3).copy()


def qr_pixmap(text: str, *, scale: int = 5, border: int = 4) -> QPixmap:
    """The QR code of ``text`` as a pixmap (black on white)."""
    from desktop_app.exporters.google import qr_png

    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(text, scale=scale, border=border), "PNG")
    return pixmap
