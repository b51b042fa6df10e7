"""Light and dark palettes, and following the system's colour scheme.

``apply_theme(app, "system" | "light" | "dark")``. With "system" the platform palette is used,
switched to our dark palette when the platform reports a dark scheme but its style does not
provide one (e.g. Fusion without a platform theme).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

_state: dict[str, object] = {}

ACCENT_LIGHT = "#1c71d8"
ACCENT_DARK = "#78aeed"


def _palette(dark: bool) -> QPalette:
    if dark:
        window, base, alt, text, button = "#242424", "#1e1e1e", "#2a2a2a", "#f0f0f0", "#323232"
        accent, accent_text, mid, disabled = "#3584e4", "#ffffff", "#4a4a4a", "#8a8a8a"
        link = ACCENT_DARK
        tip_base, tip_text = "#383838", "#f0f0f0"
    else:
        window, base, alt, text, button = "#f6f5f4", "#ffffff", "#f3f3f3", "#1f1f1f", "#ececec"
        accent, accent_text, mid, disabled = ACCENT_LIGHT, "#ffffff", "#c8c8c8", "#8f8f8f"
        link = ACCENT_LIGHT
        tip_base, tip_text = "#fffbe6", "#1f1f1f"
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, window),
        (role.WindowText, text),
        (role.Base, base),
        (role.AlternateBase, alt),
        (role.Text, text),
        (role.Button, button),
        (role.ButtonText, text),
        (role.BrightText, "#ffffff"),
        (role.Highlight, accent),
        (role.HighlightedText, accent_text),
        (role.Link, link),
        (role.LinkVisited, link),
        (role.ToolTipBase, tip_base),
        (role.ToolTipText, tip_text),
        (role.PlaceholderText, disabled),
        (role.Mid, mid),
        (role.Midlight, alt),
        (role.Dark, "#101010" if dark else "#a0a0a0"),
        (role.Shadow, "#000000"),
        (role.Light, "#3a3a3a" if dark else "#ffffff"),
    ):
        p.setColor(r, QColor(c))
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(disabled))
    return p


class _Style(QProxyStyle):
    """Fusion, with check-box outlines that stay visible on dark palettes (Fusion derives them
    from the window colour, which makes them vanish on a dark base)."""

    _CHECKS = (
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    )

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if (
            element in self._CHECKS
            and option.palette.color(QPalette.ColorRole.Base).lightness() < 128
        ):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QColor("#9a9a9a"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            side = min(option.rect.width(), option.rect.height(), 14)
            box = QRect(option.rect)
            box.setWidth(side - 1)
            box.setHeight(side - 1)
            box.moveCenter(option.rect.center())
            painter.drawRoundedRect(box, 2, 2)
            painter.restore()


def light_palette() -> QPalette:
    return _palette(False)


def dark_palette() -> QPalette:
    return _palette(True)


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: str) -> None:
    """Apply "system", "light" or "dark" to the whole application."""
    if "fusion" not in _state:
        style = _Style("Fusion")  # consistent look on every platform; honours our palettes
        _state["style"] = style
        app.setStyle(style)
        _state["fusion"] = True
        _state["platform"] = QPalette(app.palette())
        app.styleHints().colorSchemeChanged.connect(lambda _s: _follow_system(app))
    _state["mode"] = mode
    if mode == "dark":
        app.setPalette(dark_palette())
    elif mode == "light":
        app.setPalette(light_palette())
    else:
        _follow_system(app)


def _follow_system(app: QApplication) -> None:
    if _state.get("mode", "system") != "system":
        return
    app.setPalette(dark_palette() if system_is_dark(app) else light_palette())


def current_is_dark(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Base).lightness() < 128


def _app_is_dark() -> bool:
    app = QApplication.instance()
    return isinstance(app, QApplication) and current_is_dark(app)


# The one set of notice colours (readable on the light and the dark palette).
_WARNING = ("#a35200", "#f0a43a")
_ERROR = ("#c01c28", "#ff7b72")


def warning_color() -> str:
    return _WARNING[_app_is_dark()]


def error_color() -> str:
    return _ERROR[_app_is_dark()]


def warning_css(*, bold: bool = False) -> str:
    """Text style for warnings (bold for warnings about readable secrets)."""
    return f"color: {warning_color()};" + (" font-weight: bold;" if bold else "")


def error_css() -> str:
    """Text style for error messages."""
    return f"color: {error_color()};"


def invalid_field_css() -> str:
    """The frame of an input field whose value is refused."""
    return f"border: 1px solid {error_color()}; border-radius: 3px;"


def toast_css() -> str:
    """The floating notice: dark on a light palette, light on a dark one."""
    colors = (
        "background: #e8e8e8; color: #1f1f1f;"
        if _app_is_dark()
        else "background: rgba(30, 30, 30, 230); color: white;"
    )
    return f"#toast {{ {colors} border-radius: 8px; padding: 8px 16px; }}"


BANNER_CSS = (
    "#demo_banner { background: #fdf0c8; color: #3d2f00; padding: 8px 14px;"
    " border-top: 1px solid #e8d48a; border-bottom: 1px solid #e8d48a; }"
)
