"""Paints one account row: avatar, issuer and account name, the code, and a countdown ring.

::

    ( G )  GitHub                               123 456   (12)
           octocat@example.com              next 654 321

HOTP rows show a round "next code" button where time-based rows show the ring. An entry with an
icon (imported from Aegis or Stratum) shows the icon, cropped to the circle, in place of the
letter avatar; an icon that does not decode falls back to the letter.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyledItemDelegate

from desktop_app.otp.model import Entry, Icon, OtpType
from desktop_app.ui.accounts_model import (
    ROLE_CODE,
    ROLE_ENTRY,
    ROLE_NEXT,
    ROLE_NOTE,
    ROLE_REMAINING,
    ROLE_RETIRED,
    WARN_SECONDS,
)
from desktop_app.ui.theme import MUTED_ALPHA

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QStyleOptionViewItem, QWidget

H_PAD = 14
V_PAD = 10
AVATAR = 38
GAP = 12
RING = 30

AnyIndex = QModelIndex | QPersistentModelIndex
RETIRED_OPACITY = 0.45  # a row whose key no longer works: all but its background


AVATAR_COLORS = (
    "#1c71d8",
    "#26a269",
    "#c64600",
    "#c01c28",
    "#813d9c",
    "#865e3c",
    "#0f7b7b",
    "#5e5c64",
    "#b5367a",
    "#3d5a98",
    "#7a6a00",
    "#2a8a3a",
)


def avatar_color(text: str, dark: bool = False) -> QColor:
    """A stable colour per issuer, dark enough for white initials in both themes."""
    color = QColor(AVATAR_COLORS[zlib.crc32(text.casefold().encode("utf-8")) % len(AVATAR_COLORS)])
    return color.lighter(112) if dark else color


def initials(entry: Entry) -> str:
    source = entry.issuer or entry.name or "?"
    for ch in source:
        if ch.isalnum():
            return ch.upper()
    return "?"


def code_font(base: QFont) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    return font


def icon_image(icon: Icon) -> QImage | None:
    """The icon's picture, or None when Qt cannot decode it."""
    image = QImage()
    if icon.mime == "image/svg+xml":
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(icon.data)
        if not renderer.isValid():
            return None
        image = QImage(128, 128, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        renderer.render(p)
        p.end()
        return image
    if not image.loadFromData(icon.data):
        return None
    return image


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class AccountDelegate(QStyledItemDelegate):
    """Row painter. ``hide_codes`` shows dots until a row is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hide_codes = False
        self.on_first_paint: Callable[[], None] | None = None
        self._rings: dict[tuple[object, ...], QPixmap] = {}
        self._icons: dict[tuple[int, float], QPixmap | None] = {}  # (hash of data, dpr)
        self._fonts_for: tuple[str, float] | None = None
        self._title = QFont()
        self._sub = QFont()
        self._code = QFont()
        self._small = QFont()
        self._digits = QFont()

    # --- geometry ----------------------------------------------------------------------------

    def _fonts(self, base: QFont) -> None:
        key = (base.family(), base.pointSizeF())
        if key == self._fonts_for:
            return
        self._fonts_for = key
        self._title = QFont(base)
        self._title.setWeight(QFont.Weight.DemiBold)
        self._title.setPointSizeF(max(base.pointSizeF(), 1.0) * 1.05)
        self._sub = QFont(base)
        self._sub.setPointSizeF(max(base.pointSizeF(), 1.0) * 0.93)
        self._code = code_font(base)
        self._small = QFont(base)
        self._small.setPointSizeF(max(base.pointSizeF(), 1.0) * 0.8)
        self._digits = QFont(base)  # the countdown seconds: readable, not a footnote
        self._digits.setPointSizeF(max(base.pointSizeF(), 1.0) * 0.92)
        self._digits.setWeight(QFont.Weight.DemiBold)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        self._fonts(option.font)
        text_h = QFontMetrics(self._title).height() + QFontMetrics(self._sub).height() + 2
        code_h = QFontMetrics(self._code).height() + QFontMetrics(self._small).height()
        height = max(AVATAR, text_h, code_h) + 2 * V_PAD
        return QSize(360, height)

    def _icon_pixmap(self, entry: Entry, dpr: float) -> QPixmap | None:
        """The entry's icon scaled to the avatar (cached per picture), or None."""
        if entry.icon is None:
            return None
        key = (hash(entry.icon.data), dpr)
        if key not in self._icons:
            if len(self._icons) > 512:
                self._icons.clear()
            image = icon_image(entry.icon)
            pixmap: QPixmap | None = None
            if image is not None and not image.isNull():
                side = round(AVATAR * dpr)
                scaled = image.scaled(
                    side,
                    side,
                    Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                    Qt.TransformationMode.SmoothTransformation,
                )
                pixmap = QPixmap.fromImage(scaled)
                pixmap.setDevicePixelRatio(dpr)
            self._icons[key] = pixmap
        return self._icons[key]

    def action_rect(self, rect: QRect) -> QRect:
        """Where the countdown ring (or the HOTP 'next code' button) sits in a row."""
        return QRect(rect.right() - H_PAD - RING + 1, rect.center().y() - RING // 2 + 1, RING, RING)

    def hit_action(self, rect: QRect, pos: QPoint) -> bool:
        return self.action_rect(rect).adjusted(-4, -4, 4, 4).contains(pos)

    # --- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        from PySide6.QtWidgets import QStyle  # see paint_row

        state = option.state
        self.paint_row(
            painter,
            option,
            index,
            selected=bool(state & QStyle.StateFlag.State_Selected),
            hovered=bool(state & QStyle.StateFlag.State_MouseOver),
            focused=bool(state & QStyle.StateFlag.State_HasFocus),
        )

    def paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: AnyIndex,
        *,
        selected: bool,
        hovered: bool,
        focused: bool,
    ) -> None:
        """:meth:`paint` with the row's state given: the view's own paint passes it without
        reading ``option.state``, whose type (``QStyle``, ~14 ms of enums) would otherwise be
        built before the first paint."""
        entry: Entry | None = index.data(ROLE_ENTRY)
        if entry is None:
            return
        rect: QRect = option.rect
        pal: QPalette = option.palette
        action = self.action_rect(rect)
        self._fonts(option.font)
        dark = is_dark(pal)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self._paint_card(painter, rect, pal, selected=selected, hovered=hovered, focused=focused)
        if index.data(ROLE_RETIRED):  # a key turned off on the portal: its codes do not work
            painter.setOpacity(RETIRED_OPACITY)
        avatar = self._paint_avatar(painter, rect, entry, dark)

        # right side: ring/button, code, next code
        remaining = int(index.data(ROLE_REMAINING) or 0)
        if entry.type is OtpType.HOTP:
            self._paint_next_button(painter, action, pal, hovered or selected)
        else:
            painter.drawPixmap(action.topLeft(), self._ring(painter, remaining, entry.period, pal))
        code_rect = self._paint_codes(
            painter, rect, index, entry, remaining, pal, selected=selected
        )
        text_left = int(avatar.right()) + GAP
        note = str(index.data(ROLE_NOTE) or "")
        self._paint_names(painter, rect, entry, note, pal, text_left, code_rect.left() - GAP)
        painter.restore()

        if self.on_first_paint is not None:
            callback, self.on_first_paint = self.on_first_paint, None
            callback()

    def _paint_card(
        self,
        painter: QPainter,
        rect: QRect,
        pal: QPalette,
        *,
        selected: bool,
        hovered: bool,
        focused: bool,
    ) -> None:
        """The background: a soft rounded highlight for selection / hover."""
        card = QRectF(rect).adjusted(4, 2, -4, -2)
        if selected or hovered:
            color = QColor(pal.color(QPalette.ColorRole.Highlight))
            color.setAlpha(60 if selected else 22)
            path = QPainterPath()
            path.addRoundedRect(card, 8, 8)
            painter.fillPath(path, color)
        if selected and focused:
            pen = QPen(pal.color(QPalette.ColorRole.Highlight), 1.2)
            painter.setPen(pen)
            painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)

    def _paint_avatar(self, painter: QPainter, rect: QRect, entry: Entry, dark: bool) -> QRectF:
        """The entry's icon, else a coloured circle with the initial; where it sits."""
        av = QRectF(rect.left() + H_PAD, rect.center().y() - AVATAR / 2 + 1, AVATAR, AVATAR)
        icon = self._icon_pixmap(entry, painter.device().devicePixelRatioF())
        if icon is not None:
            clip = QPainterPath()
            clip.addEllipse(av)
            painter.save()
            painter.setClipPath(clip)
            painter.drawPixmap(av.toRect(), icon)
            painter.restore()
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(avatar_color(entry.issuer or entry.name, dark))
            painter.drawEllipse(av)
            avatar_font = QFont(self._title)
            avatar_font.setPointSizeF(self._title.pointSizeF() * 1.15)
            painter.setFont(avatar_font)
            painter.setPen(QColor("white"))
            painter.drawText(av, Qt.AlignmentFlag.AlignCenter, initials(entry))
        return av

    @staticmethod
    def _muted(pal: QPalette) -> QColor:
        muted = QColor(pal.color(QPalette.ColorRole.Text))
        muted.setAlphaF(MUTED_ALPHA)
        return muted

    def _paint_codes(
        self,
        painter: QPainter,
        rect: QRect,
        index: AnyIndex,
        entry: Entry,
        remaining: int,
        pal: QPalette,
        *,
        selected: bool,
    ) -> QRect:
        """The code (and the next code under it, when shown) left of the ring; where it sits."""
        code = str(index.data(ROLE_CODE) or "")
        nxt = str(index.data(ROLE_NEXT) or "")
        if self.hide_codes and not selected:
            code = "".join("•" if c != " " else " " for c in code)
            nxt = "".join("•" if c != " " else " " for c in nxt)
        code_fm = QFontMetrics(self._code)
        small_fm = QFontMetrics(self._small)
        code_w = max(code_fm.horizontalAdvance(code), code_fm.horizontalAdvance("000 000"))
        code_right = self.action_rect(rect).left() - GAP
        code_h = code_fm.height() + (small_fm.height() if nxt else 0)
        code_top = rect.center().y() - code_h // 2 + 1
        code_rect = QRect(code_right - code_w, code_top, code_w, code_fm.height())
        warn = entry.type is not OtpType.HOTP and remaining <= WARN_SECONDS
        dark = is_dark(pal)
        code_color = self._warn_color(dark) if warn else pal.color(QPalette.ColorRole.Text)
        painter.setFont(self._code)
        painter.setPen(code_color)
        painter.drawText(
            code_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, code
        )
        if nxt:
            painter.setFont(self._small)
            painter.setPen(self._muted(pal))
            next_rect = QRect(
                code_right - code_w - 40, code_rect.bottom() + 1, code_w + 40, small_fm.height()
            )
            painter.drawText(
                next_rect,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                QCoreApplication.translate("AccountDelegate", "next  {code}").format(code=nxt),
            )
        return code_rect

    def _paint_names(
        self,
        painter: QPainter,
        rect: QRect,
        entry: Entry,
        note: str,
        pal: QPalette,
        left: int,
        right: int,
    ) -> None:
        """Issuer (bold) and account name (muted) with the row's ``note`` after it, between
        ``left`` and ``right``, elided."""
        text_w = max(10, right - left)
        title_fm = QFontMetrics(self._title)
        sub_fm = QFontMetrics(self._sub)
        title = (
            entry.issuer
            or entry.name
            or QCoreApplication.translate("AccountDelegate", "Unnamed account")
        )
        sub = entry.name if entry.issuer else ""
        if note:
            sub = f"{sub}  ·  {note}" if sub else note
        lines_h = title_fm.height() + (sub_fm.height() + 2 if sub else 0)
        top = rect.center().y() - lines_h // 2 + 1
        painter.setFont(self._title)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRect(left, top, text_w, title_fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_fm.elidedText(title, Qt.TextElideMode.ElideRight, text_w),
        )
        if sub:
            painter.setFont(self._sub)
            painter.setPen(self._muted(pal))
            painter.drawText(
                QRect(left, top + title_fm.height() + 2, text_w, sub_fm.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                sub_fm.elidedText(sub, Qt.TextElideMode.ElideRight, text_w),
            )

    def paint_ring_only(
        self, painter: QPainter, rect: QRect, remaining: int, period: int, pal: QPalette
    ) -> None:
        """A countdown step of a plain row: only its ring changes (see AccountsView)."""
        painter.drawPixmap(
            self.action_rect(rect).topLeft(), self._ring(painter, remaining, period, pal)
        )

    @staticmethod
    def _warn_color(dark: bool) -> QColor:
        return QColor("#ff7b72") if dark else QColor("#c01c28")

    def _ring(self, painter: QPainter, remaining: int, period: int, pal: QPalette) -> QPixmap:
        """The countdown ring as a cached pixmap (a few dozen distinct images per theme)."""
        device = painter.device()
        dpr = device.devicePixelRatioF() if device is not None else 1.0
        key = (
            remaining,
            period,
            dpr,
            pal.color(QPalette.ColorRole.Text).rgba(),
            pal.color(QPalette.ColorRole.Highlight).rgba(),
            self._fonts_for,
        )
        pixmap = self._rings.get(key)
        if pixmap is None:
            if len(self._rings) > 512:
                self._rings.clear()
            pixmap = QPixmap(round(RING * dpr), round(RING * dpr))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            self._paint_ring(p, QRect(0, 0, RING, RING), remaining, period, pal)
            p.end()
            self._rings[key] = pixmap
        return pixmap

    def _paint_ring(
        self, painter: QPainter, rect: QRect, remaining: int, period: int, pal: QPalette
    ) -> None:
        dark = is_dark(pal)
        box = QRectF(rect).adjusted(2, 2, -2, -2)
        track = QColor(pal.color(QPalette.ColorRole.Text))
        track.setAlphaF(0.12)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(track, 3.0))
        painter.drawEllipse(box)
        fraction = max(0.0, min(1.0, remaining / max(1, period)))
        color = (
            self._warn_color(dark)
            if remaining <= WARN_SECONDS
            else QColor(pal.color(QPalette.ColorRole.Highlight))
        )
        pen = QPen(color, 3.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(box, 90 * 16, int(fraction * 360 * 16))
        painter.setFont(self._digits)
        painter.setPen(pal.color(QPalette.ColorRole.Text))
        painter.drawText(QRectF(rect), Qt.AlignmentFlag.AlignCenter, str(remaining))

    def _paint_next_button(
        self, painter: QPainter, rect: QRect, pal: QPalette, emphasised: bool
    ) -> None:
        box = QRectF(rect).adjusted(1, 1, -1, -1)
        fill = QColor(pal.color(QPalette.ColorRole.Highlight))
        fill.setAlpha(60 if emphasised else 30)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(box)
        # a circular arrow
        arrow = QRectF(rect).adjusted(8, 8, -8, -8)
        color = pal.color(QPalette.ColorRole.Text)
        pen = QPen(color, 1.8)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(arrow, 60 * 16, 280 * 16)
        tip = QPainterPath()
        cx, cy, r = arrow.center().x(), arrow.center().y(), arrow.width() / 2
        x0, y0 = cx + r * 0.5, cy - r * 0.866
        tip.moveTo(x0 + 3.5, y0 - 1.5)
        tip.lineTo(x0, y0)
        tip.lineTo(x0 + 1.0, y0 + 3.6)
        painter.drawPath(tip)
