"""Fusion fixed for the dark palette (field and check-box outlines, no icons on dialog buttons).

A Python style makes every style call from Qt cross into Python; it is loaded and used only while
the dark palette is on (:func:`desktop_app.ui.startup.use_style`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleHintReturn, QStyleOption, QStyleOptionComplex, QWidget

FRAME_DARK = "#8c8c8c"  # outline of fields and check boxes on the dark palette (>= 3:1 on base)
# the scroll bar handle on the dark palette (Fusion's is a shade of the dark button colour, ~1.3:1
# on its groove): >= 3:1 on the groove, lighter under the pointer or while dragged
HANDLE_DARK = "#8a8a8a"
HANDLE_DARK_ACTIVE = "#b0b0b0"


class DarkStyle(QProxyStyle):
    """Fusion for the dark palette: check-box and text-field outlines that stay visible (Fusion
    derives them from the window colour, which makes them vanish on a dark base), and no icons on
    dialog buttons (Fusion's black "X" icons vanish on dark buttons; the words say it). The light
    palette uses Fusion itself (see :func:`desktop_app.ui.startup.use_style`)."""

    _CHECKS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )
    _FIELDS = (QStyle.PrimitiveElement.PE_FrameLineEdit,)

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Spin boxes draw their frame themselves (not as a line edit's): outlined the same.
        Scroll bars get a handle that stands out from the groove."""
        super().drawComplexControl(control, option, painter, widget)
        dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 128
        if dark and control == QStyle.ComplexControl.CC_SpinBox:
            _outline(option, painter)
        if dark and control == QStyle.ComplexControl.CC_ScrollBar:
            self._scroll_handle(option, painter, widget)

    def _scroll_handle(
        self, option: QStyleOptionComplex, painter: QPainter, widget: QWidget | None
    ) -> None:
        slider = QStyle.SubControl.SC_ScrollBarSlider
        bar = QStyle.ComplexControl.CC_ScrollBar
        rect = self.subControlRect(bar, option, slider, widget)  # type: ignore[arg-type]
        if rect.isEmpty() or not option.state & QStyle.StateFlag.State_Enabled:
            return
        active = bool(option.activeSubControls & slider) and bool(
            option.state & (QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_Sunken)
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(HANDLE_DARK_ACTIVE if active else HANDLE_DARK))
        inner = rect.adjusted(2, 2, -2, -2)
        radius = min(inner.width(), inner.height()) / 2.5
        painter.drawRoundedRect(inner, radius, radius)
        painter.restore()

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        dark = option.palette.color(QPalette.ColorRole.Base).lightness() < 128
        if dark and element in self._FIELDS:
            _outline(option, painter)
        if dark and element in self._CHECKS:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor(FRAME_DARK))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            side = min(option.rect.width(), option.rect.height(), 14)
            box = QRect(option.rect)
            box.setWidth(side - 1)
            box.setHeight(side - 1)
            box.moveCenter(option.rect.center())
            painter.drawRoundedRect(box, 2, 2)
            painter.restore()


def _outline(option: QStyleOption, painter: QPainter) -> None:
    """A field's outline on the dark palette: FRAME_DARK (>= 3:1), the accent when focused."""
    painter.save()
    focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
    color = option.palette.color(QPalette.ColorRole.Highlight) if focused else None
    painter.setPen(color if color is not None else QColor(FRAME_DARK))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(option.rect.adjusted(0, 0, -1, -1), 2, 2)
    painter.restore()
