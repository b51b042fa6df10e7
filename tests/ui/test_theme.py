"""Contrast of every text colour the app uses (light and dark), and theme switches reaching open
windows at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QListWidget

from desktop_app.ui import theme
from desktop_app.ui.dark_style import DarkStyle

pytestmark = pytest.mark.gui

AA = 4.5


def test_contrast_formula_matches_wcag_examples():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # the colour the issue measured: #8f8f8f on #f6f5f4 is 2.97:1
    assert theme.contrast_ratio("#8f8f8f", "#f6f5f4") == pytest.approx(2.97, abs=0.01)
    half = QColor(0, 0, 0)
    half.setAlphaF(0.5)
    assert theme.contrast_ratio(half, "#ffffff") == pytest.approx(
        theme.contrast_ratio("#808080", "#ffffff"), abs=0.05
    )


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_colour_pair_reaches_aa(dark, qapp):
    pairs = theme.text_colour_pairs(dark)
    assert len(pairs) >= len(theme.TEXT_ROLE_PAIRS) + 8
    low = [
        f"{what}: {theme.contrast_ratio(fg, bg):.2f}:1"
        for what, fg, bg in pairs
        if theme.contrast_ratio(fg, bg) < AA
    ]
    assert not low, low


@pytest.fixture
def restore_theme(qapp) -> Iterator[QApplication]:
    saved = QPalette(qapp.palette())
    yield qapp
    theme.apply_theme(qapp, "light")
    qapp.setPalette(saved)


def _lightness(widget, role) -> int:
    return widget.palette().color(role).lightness()


def test_open_settings_follow_a_theme_switch_at_once(services, qtbot, monkeypatch, restore_theme):
    from desktop_app.ui.settings_dialog import SettingsDialog
    from tests.ui.helpers_main import Recorder, make_window

    app = restore_theme
    theme.apply_theme(app, "light")
    window = make_window(services, qtbot, monkeypatch, Recorder())
    window.show_settings()
    dialog = window.active_dialog
    assert isinstance(dialog, SettingsDialog)
    qtbot.waitExposed(dialog)
    heading = dialog.pages.currentWidget().findChild(QLabel, "page_title")
    nav = dialog.findChild(QListWidget, "settings_nav")
    assert heading is not None and nav is not None
    assert _lightness(heading, QPalette.ColorRole.WindowText) < 128

    combo = dialog.widgets["theme"]
    combo.setCurrentIndex(combo.findData("dark"))  # what a person does in the open dialog
    qtbot.waitUntil(lambda: theme.current_is_dark(app), timeout=2000)

    assert _lightness(heading, QPalette.ColorRole.WindowText) > 200
    assert _lightness(nav, QPalette.ColorRole.Window) < 60
    # and it is painted so: the sidebar's pixels are dark now, not only its palette
    image = nav.grab().toImage()
    assert QColor(image.pixel(image.width() - 3, image.height() - 3)).lightness() < 60
    error = dialog.errors["clipboard_clear_seconds"]
    assert theme.error_color() in error.styleSheet()  # computed colours are computed again


def test_demo_banner_follows_the_theme(qtbot, restore_theme):
    from desktop_app.ui.controllers.pages import demo_banner

    app = restore_theme
    theme.apply_theme(app, "light")
    banner = demo_banner(None, "http://127.0.0.1:1", "demo", "pw")
    qtbot.addWidget(banner)
    banner.show()
    light_bg = banner.grab().toImage().pixelColor(2, 2)
    theme.apply_theme(app, "dark")
    dark_bg = banner.grab().toImage().pixelColor(2, 2)
    assert light_bg.lightness() > 200
    assert dark_bg.lightness() < 80


def test_dialog_buttons_show_no_icons(qapp, restore_theme):
    from PySide6.QtWidgets import QDialogButtonBox, QStyle

    theme.apply_theme(restore_theme, "dark")
    style = QApplication.style()
    assert style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons) == 0
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert box.button(QDialogButtonBox.StandardButton.Close).icon().isNull()


def test_the_light_palette_uses_fusion_itself_and_the_dark_one_the_fixed_style(
    qtbot, restore_theme
):
    """Fusion everywhere; only the dark palette needs the Python fixes (outlines, no button
    icons), so only it pays for style calls crossing into Python. Switching goes both ways and
    open windows follow."""
    from PySide6.QtWidgets import QLineEdit

    app = restore_theme
    field = QLineEdit()
    qtbot.addWidget(field)
    for mode, fixed in (("light", False), ("dark", True), ("light", False), ("dark", True)):
        theme.apply_theme(app, mode)
        style = QApplication.style()
        assert isinstance(style, DarkStyle) is fixed, mode
        base = style.baseStyle() if fixed else style
        assert base.name().lower() == "fusion"
        assert field.style() is style  # the open field was restyled


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_shown_dialogs_have_no_icons_on_their_buttons(qtbot, restore_theme, mode):
    """Whatever the platform's theme gives (KDE and generic X11 put icons on them with Fusion's
    light palette): every window shown loses them, the message boxes of Qt included."""
    from PySide6.QtGui import QIcon, QPixmap
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

    from desktop_app.ui.startup import ensure_window_hooks

    theme.apply_theme(restore_theme, mode)
    ensure_window_hooks(restore_theme)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    QVBoxLayout(dialog).addWidget(box)
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    for button in box.buttons():  # as a style that shows button icons gives them
        button.setIcon(QIcon(pixmap))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert all(button.icon().isNull() for button in box.buttons())


@pytest.mark.parametrize("kind", ["line edit", "spin box"])
def test_fields_are_outlined_at_3_to_1_on_the_dark_palette(qtbot, restore_theme, kind):
    """Fusion derives field frames from the window colour, which vanish on the dark base; line
    edits and spin boxes (which draw their frame themselves) get one outline colour."""
    from PySide6.QtWidgets import QLineEdit, QSpinBox

    theme.apply_theme(restore_theme, "dark")
    field = QLineEdit() if kind == "line edit" else QSpinBox()
    qtbot.addWidget(field)
    field.resize(160, 30)
    image = field.grab().toImage()
    base = field.palette().color(QPalette.ColorRole.Base)
    middle = image.height() // 2
    left = max(theme.contrast_ratio(image.pixelColor(x, middle), base) for x in range(0, 3))
    assert left >= 3.0, f"left edge of the {kind}: {left:.2f}:1"
