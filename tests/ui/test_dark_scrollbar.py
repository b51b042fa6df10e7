"""On the dark palette the scroll bar handle stands out from its groove (>= 3:1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget

from desktop_app.ui.dark_style import DarkStyle
from desktop_app.ui.theme import contrast_ratio, dark_palette

pytestmark = pytest.mark.gui


def _handle_and_groove(qtbot, style):
    view = QListWidget()
    view.setStyle(style)
    view.setPalette(dark_palette())
    bar = view.verticalScrollBar()
    bar.setStyle(style)
    bar.setPalette(dark_palette())
    view.addItems([f"account {i}" for i in range(200)])
    view.resize(240, 300)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    image = bar.grab().toImage()
    x = bar.width() // 2
    handle = image.pixelColor(QPoint(x, 12 + bar.width()))  # the handle sits at the top
    groove = image.pixelColor(QPoint(x, bar.height() - bar.width() - 12))
    return handle, groove, view


def test_dark_scroll_handle_contrast(qtbot) -> None:
    style = DarkStyle("Fusion")
    handle, groove, view = _handle_and_groove(qtbot, style)
    bar = view.verticalScrollBar()
    assert contrast_ratio(handle, groove) >= 3.0, (handle.name(), groove.name())
    # dragging lights it up further
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, 20))
    pressed = bar.grab().toImage().pixelColor(QPoint(bar.width() // 2, 20))
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, 20))
    assert pressed.lightness() > handle.lightness()
