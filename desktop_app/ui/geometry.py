"""Windows that fit the screen they open on, whatever the scale factor.

``clamp(window)`` shrinks a top-level window larger than the available area of its screen to
fit, and moves it inside (the window hooks of ui/startup.py do it for every window when it is
shown).
``fit_to_screen(widget, w, h)`` resizes to (w, h) or less.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication

from desktop_app.settings import WINDOW_GEOMETRY, Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen
    from PySide6.QtWidgets import QWidget

MARGIN = 0.96  # leave a little of the screen around a window for its frame and the panel


def _screen_of(widget: QWidget) -> QScreen | None:
    screen = widget.screen() if widget.isVisible() else None
    return screen or QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    """The area a window of ``widget`` may use (logical pixels)."""
    screen = _screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def limit(widget: QWidget) -> QSize:
    area = available(widget)
    return QSize(int(area.width() * MARGIN), int(area.height() * MARGIN))


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` x ``height``, or to the largest size that fits the screen."""
    most = limit(widget)
    widget.resize(min(width, most.width()), min(height, most.height()))


def clamp(widget: QWidget) -> None:
    """Shrink (and move) a top-level window so that all of it is on its screen."""
    most = limit(widget)
    if widget.minimumWidth() > most.width() or widget.minimumHeight() > most.height():
        widget.setMinimumSize(
            min(widget.minimumWidth(), most.width()), min(widget.minimumHeight(), most.height())
        )
    size = widget.size()
    if size.width() > most.width() or size.height() > most.height():
        widget.resize(min(size.width(), most.width()), min(size.height(), most.height()))
    area = available(widget)
    frame = widget.frameGeometry()
    if widget.isVisible() and not area.contains(frame):
        x = max(area.left(), min(frame.left(), area.right() - frame.width()))
        y = max(area.top(), min(frame.top(), area.bottom() - frame.height()))
        widget.move(x, y)


def save_geometry(window: QWidget, settings: Settings) -> None:
    """Remember the window's size and position (setting ``window_geometry``)."""
    encoded = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    settings.set(WINDOW_GEOMETRY, encoded)


def restore_geometry(window: QWidget, settings: Settings) -> bool:
    """Size and place the window as it was last closed (kept on the screen)."""
    encoded = str(settings.value(WINDOW_GEOMETRY) or "")
    if not encoded:
        return False
    ok = window.restoreGeometry(QByteArray.fromBase64(encoded.encode("ascii")))
    if ok:
        clamp(window)
    return bool(ok)
