"""Light and dark palettes, and following the system's colour scheme.

``apply_theme(app, "system" | "light" | "dark")``. With "system" the platform palette is used,
switched to our dark palette when the platform reports a dark scheme but its style does not
provide one (e.g. Fusion without a platform theme). Each palette's style: ui/startup.py.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from shiboken6 import isValid

from desktop_app.ui.startup import use_style

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class _ThemeState:
    def __init__(self) -> None:
        self.mode = "system"  # the setting last applied
        self.follows_scheme_changes = False  # connected to the platform's colour-scheme signal


_theme = _ThemeState()
# Widgets whose style sheet is computed from the theme (error colours, the banner, ...): set again
# when the theme changes, so that every open window follows at once.
_themed: weakref.WeakKeyDictionary[QWidget, Callable[[], str]] = weakref.WeakKeyDictionary()

ACCENT_LIGHT = "#1a62c4"  # 4.5:1 and more on every light background
ACCENT_DARK = "#78aeed"


def _palette(dark: bool) -> QPalette:
    if dark:
        window, base, alt, text, button = "#242424", "#1e1e1e", "#2a2a2a", "#f0f0f0", "#323232"
        accent, accent_text, mid, disabled = "#1a5fb4", "#ffffff", "#4a4a4a", "#a6a6a6"
        link = ACCENT_DARK
        tip_base, tip_text = "#383838", "#f0f0f0"
    else:
        window, base, alt, text, button = "#f6f5f4", "#ffffff", "#f3f3f3", "#1f1f1f", "#ececec"
        accent, accent_text, mid, disabled = ACCENT_LIGHT, "#ffffff", "#c8c8c8", "#636363"
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


def light_palette() -> QPalette:
    return _palette(False)


def dark_palette() -> QPalette:
    return _palette(True)


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, mode: str) -> None:
    """Apply "system", "light" or "dark" to the whole application."""
    if not _theme.follows_scheme_changes:
        _theme.follows_scheme_changes = True
        app.styleHints().colorSchemeChanged.connect(lambda _s: _follow_system(app))
    _theme.mode = mode
    if mode == "dark":
        _set_palette(app, dark_palette())
    elif mode == "light":
        _set_palette(app, light_palette())
    else:
        _follow_system(app)


def _follow_system(app: QApplication) -> None:
    if _theme.mode != "system":
        return
    _set_palette(app, dark_palette() if system_is_dark(app) else light_palette())


def _set_palette(app: QApplication, palette: QPalette) -> None:
    """The palette for every window, open ones included: widgets with a style sheet keep the
    palette they were polished with, so they are polished again; computed style sheets are
    computed again. The style that goes with the palette: ui/startup.py."""
    use_style(app, dark=palette.color(QPalette.ColorRole.Base).lightness() < 128)
    app.setPalette(palette)
    for widget, css in list(_themed.items()):
        if isValid(widget):  # the Python side can outlive a deleted widget
            widget.setStyleSheet(css())
        else:
            _themed.pop(widget, None)
    for widget in app.allWidgets():
        if widget.styleSheet():
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
        widget.update()


def themed(widget: QWidget, css: Callable[[], str]) -> None:
    """Give ``widget`` the style sheet ``css()`` now and again whenever the theme changes."""
    _themed[widget] = css
    widget.setStyleSheet(css())


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


def error_line(parent: QWidget, name: str = "error_label") -> QLabel:
    """A dialog's error line: wrapped, in the error colour, hidden until it has something to say."""
    label = QLabel("", parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    themed(label, error_css)
    label.hide()
    return label


def invalid_field_css() -> str:
    """The frame of an input field whose value is refused."""
    return f"border: 1px solid {error_color()}; border-radius: 3px;"


def toast_css() -> str:
    """The floating notice: dark on a light palette, light on a dark one."""
    bg, fg = _TOAST[_app_is_dark()]
    colors = f"background: {bg}; color: {fg};"
    return f"#toast {{ {colors} border-radius: 8px; padding: 8px 16px; }}"


_BANNER = (("#fdf0c8", "#3d2f00", "#e8d48a"), ("#3a3112", "#f3e3a6", "#5c4d1a"))
_TOAST = (("rgba(30, 30, 30, 230)", "#ffffff"), ("#e8e8e8", "#1f1f1f"))


def banner_css() -> str:
    """The demo banner: a pale yellow strip on the light palette, a dim amber one on the dark."""
    bg, fg, line = _BANNER[_app_is_dark()]
    return (
        f"#demo_banner {{ background: {bg}; color: {fg}; padding: 8px 14px;"
        f" border-top: 1px solid {line}; border-bottom: 1px solid {line}; }}"
    )


def _luminance(color: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def blend(fg: QColor, bg: QColor) -> QColor:
    """``fg`` (with its alpha) painted over the opaque ``bg``."""
    a = fg.alphaF()
    return QColor.fromRgbF(
        fg.redF() * a + bg.redF() * (1 - a),
        fg.greenF() * a + bg.greenF() * (1 - a),
        fg.blueF() * a + bg.blueF() * (1 - a),
    )


def contrast_ratio(fg: QColor | str, bg: QColor | str) -> float:
    """WCAG contrast ratio of ``fg`` over ``bg`` (1 to 21; AA asks 4.5 for text)."""
    back = QColor(bg)
    front = blend(QColor(fg), back)
    hi, lo = sorted((_luminance(front), _luminance(back)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


_R = QPalette.ColorRole
# Every (text, background) pair of palette roles the app paints text with.
TEXT_ROLE_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (_R.WindowText, _R.Window),
    (_R.Text, _R.Base),
    (_R.Text, _R.AlternateBase),
    (_R.Text, _R.Window),
    (_R.ButtonText, _R.Button),
    (_R.HighlightedText, _R.Highlight),
    (_R.PlaceholderText, _R.Base),
    (_R.PlaceholderText, _R.Window),
    (_R.PlaceholderText, _R.Button),
    (_R.Link, _R.Base),
    (_R.Link, _R.Window),
    (_R.ToolTipText, _R.ToolTipBase),
)
MUTED_ALPHA = 0.68  # secondary text in the account rows: the text colour at this opacity


def text_colour_pairs(dark: bool) -> list[tuple[str, QColor, QColor]]:
    """(what, text colour, background) for every text colour the app uses, on the palette."""
    pal = dark_palette() if dark else light_palette()
    pairs = [(f"{f.name}/{b.name}", pal.color(f), pal.color(b)) for f, b in TEXT_ROLE_PAIRS]
    disabled = QPalette.ColorGroup.Disabled
    for f, b in ((_R.Text, _R.Base), (_R.ButtonText, _R.Button), (_R.WindowText, _R.Window)):
        pairs.append((f"disabled {f.name}/{b.name}", pal.color(disabled, f), pal.color(b)))
    muted = QColor(pal.color(_R.Text))
    muted.setAlphaF(MUTED_ALPHA)
    pairs.append(("muted row text/Base", muted, pal.color(_R.Base)))
    for what, colour in (("warning", _WARNING[dark]), ("error", _ERROR[dark])):
        for b in (_R.Window, _R.Base):
            pairs.append((f"{what}/{b.name}", QColor(colour), pal.color(b)))
    bg, fg, _line = _BANNER[dark]
    pairs.append(("demo banner", QColor(fg), QColor(bg)))
    toast_bg, toast_fg = _TOAST[dark]
    back = blend(
        QColor.fromString(toast_bg) if "rgba" not in toast_bg else _rgba(toast_bg),
        pal.color(_R.Window),
    )
    pairs.append(("toast", QColor(toast_fg), back))
    return pairs


def _rgba(text: str) -> QColor:
    r, g, b, a = (int(v) for v in text[text.index("(") + 1 : -1].split(","))
    return QColor(r, g, b, a)
