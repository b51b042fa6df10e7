"""scan_screens() and qimage_to_array().

Runs on whatever platform the test run uses: under Xvfb (``xvfb-run``) the real X screen is
grabbed; under the offscreen platform (no DISPLAY) Qt composes the app's windows into the
offscreen screen, and where that grab is blank the function also grabs the app's own top-level
windows. Both paths are exercised here: the first test uses the platform's screen grab, the
blank-screen tests force the fallback and the "cannot capture" message.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop_app.ui import screen_scan
from desktop_app.ui.screen_scan import qimage_to_array, scan_screens
from tests.scanning.qr_helpers import URI_2, qr_bgr

pytestmark = pytest.mark.gui


def _qr_window(qtbot, text: str) -> QLabel:
    ok, png = cv2.imencode(".png", qr_bgr(text, 5))
    assert ok
    pixmap = QPixmap()
    assert pixmap.loadFromData(png.tobytes(), "PNG")
    label = QLabel()
    label.setWindowTitle("Sign-in page")
    label.setPixmap(pixmap)
    label.move(420, 40)
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)
    return label


def _main_window(qtbot) -> QMainWindow:
    main = QMainWindow()
    main.setWindowTitle("Authenticator")
    main.resize(360, 260)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


SCREEN_URI = "otpauth://totp/ScreenOnly:carol?secret=MFRGGZDFMZTWQ2LKMFRGGZDF&issuer=ScreenOnly"


def test_code_on_screen_is_found_and_window_restored(qtbot) -> None:
    main = _main_window(qtbot)
    # a code no other test shows; the reference keeps the window alive
    holder = _qr_window(qtbot, SCREEN_URI)
    hidden_during_grab: list[bool] = []
    original = screen_scan._grab_screens

    def spy():
        hidden_during_grab.append(not main.isVisible())
        return original()

    screen_scan._grab_screens = spy
    try:
        result = scan_screens(main)
    finally:
        screen_scan._grab_screens = original
    assert result.texts == [SCREEN_URI]
    assert result.message == "" and result.found and result.captured >= 1
    assert hidden_during_grab == [True]
    assert main.isVisible() and holder.isVisible()


def test_blank_screen_grab_falls_back_to_own_windows(qtbot, monkeypatch) -> None:
    main = _main_window(qtbot)
    holder = _qr_window(qtbot, URI_2)  # keep a reference: the window lives while referenced
    black = QImage(640, 480, QImage.Format.Format_RGB32)
    black.fill(QColor(0, 0, 0))
    monkeypatch.setattr(screen_scan, "_grab_screens", lambda: [("screen 1 (640x480)", black)])
    # where a failed grab comes back black (XWayland, macOS without permission, offscreen)
    monkeypatch.setattr(screen_scan, "_uniform_is_empty", lambda: False)
    result = scan_screens(main)

    assert result.blank
    assert result.texts == [URI_2]
    assert any(s.startswith("window Sign-in page") for s in result.sources)
    assert not any("Authenticator" in s for s in result.sources)  # the hidden window is skipped
    assert holder.isVisible()


def test_a_uniform_x11_screen_is_an_empty_screen_not_a_failed_capture(qtbot, monkeypatch) -> None:
    black = QImage(640, 480, QImage.Format.Format_RGB32)
    black.fill(QColor(0, 0, 0))
    monkeypatch.setattr(screen_scan, "_grab_screens", lambda: [("screen 1 (640x480)", black)])
    monkeypatch.setattr(screen_scan.QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    for name in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "SNAP"):
        monkeypatch.delenv(name, raising=False)
    if screen_scan.is_sandboxed():
        pytest.skip("a sandbox reads the screen through the portal")
    result = scan_screens(None, include_windows=False)
    assert not result.blank and result.captured == 1 and result.texts == []
    assert result.reason.startswith("No QR code was found on the screen.")
    assert result.message == f"{result.reason} {screen_scan.unavailable_hint()}"


def test_blank_grab_without_code_says_how_to_proceed(qtbot, monkeypatch) -> None:
    main = _main_window(qtbot)
    monkeypatch.setattr(screen_scan, "_grab_screens", lambda: [("screen 1", QImage())])
    result = scan_screens(main)
    assert result.texts == [] and result.blank
    assert "empty" in result.message or "cannot be captured" in result.message
    assert "image" in result.message and "Paste" in result.message
    assert main.isVisible()


def test_wayland_message(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(
        screen_scan.QGuiApplication, "platformName", staticmethod(lambda: "wayland")
    )
    monkeypatch.setattr(screen_scan, "_grab_screens", lambda: [])
    result = scan_screens(None, include_windows=False)
    assert "Wayland" in result.message and "Paste" in result.message


def test_screen_without_code_says_nothing_found(qtbot, monkeypatch) -> None:
    # a captured (non-blank) screen without a code; windows of earlier tests may linger on
    # the offscreen screen, so the grab is replaced by a desktop-like picture
    desktop = QImage(800, 600, QImage.Format.Format_RGB32)
    desktop.fill(QColor(40, 90, 160))
    for x in range(0, 800, 50):
        for y in range(0, 600, 50):
            desktop.setPixelColor(x, y, QColor(250, 250, 250))
    monkeypatch.setattr(screen_scan, "_grab_screens", lambda: [("screen 1 (800x600)", desktop)])
    main = _main_window(qtbot)
    result = scan_screens(main)
    assert result.texts == [] and not result.blank and result.captured == 1
    assert "No QR code was found on the screen" in result.message
    assert result.sources == ("screen 1 (800x600)",)


@pytest.mark.parametrize(
    "fmt",
    [
        QImage.Format.Format_RGB32,
        QImage.Format.Format_RGB888,
        QImage.Format.Format_Grayscale8,
        QImage.Format.Format_ARGB32,
    ],
)
def test_qimage_to_array_handles_formats_and_strides(fmt) -> None:
    image = QImage(37, 11, fmt)  # odd width: rows are padded to 4 bytes
    image.fill(QColor(10, 200, 30))
    image.setPixelColor(0, 0, QColor(255, 0, 0))
    arr = qimage_to_array(image)
    assert arr.shape == (11, 37, 3) and arr.dtype == np.uint8 and arr.flags["C_CONTIGUOUS"]
    if fmt == QImage.Format.Format_Grayscale8:
        assert arr[5, 5, 0] == arr[5, 5, 1] == arr[5, 5, 2]
    else:
        assert tuple(arr[5, 5]) == (30, 200, 10)  # BGR
        assert tuple(arr[0, 0]) == (0, 0, 255)


def test_qimage_to_array_composites_alpha_on_white() -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    assert (qimage_to_array(image) == 255).all()
    assert qimage_to_array(QImage()).size == 0
