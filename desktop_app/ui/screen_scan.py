"""Scan every screen for QR codes ("Scan Screen").

    result = scan_screens(main_window)     # hides the window while grabbing, then restores it
    result.texts                           # decoded payload texts (classify them)
    result.message                         # what to tell the person when nothing could be read

Where the screen cannot be captured — Wayland sessions (Qt cannot grab other windows there
without a screenshot portal), macOS without the screen-recording permission, headless
platforms — grabs come back null or uniformly black. That is detected and reported with what
to do instead (save the code as an image, or copy it and paste). The application's own visible
top-level windows (other than the hidden one) are grabbed as well when the screen grab is blank,
so a code shown inside the app is still found; tests under the offscreen platform rely on that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.scanning.decoders import decode
from desktop_app.ui.images import qimage_to_array  # the one QImage -> array conversion

__all__ = ["ScreenScanResult", "qimage_to_array", "scan_screens"]

HIDE_SETTLE_MS = 250  # time for the compositor to take the hidden window off the screen

UNAVAILABLE_HINT = (
    "Save the QR code as an image and open it with “Open Image…”, or copy the QR code image "
    "to the clipboard and use “Paste”."
)


@dataclass(frozen=True)
class ScreenScanResult:
    texts: list[str] = field(default_factory=list)
    message: str = ""  # empty when codes were found; else why not / what to do instead
    captured: int = 0  # screens (or windows) grabbed with real content
    sources: tuple[str, ...] = ()  # what was grabbed, e.g. "screen 1 (1920x1080)", "window ..."
    blank: bool = False  # every screen grab was null or uniform

    @property
    def found(self) -> bool:
        return bool(self.texts)


def _is_blank(array: np.ndarray) -> bool:
    if array.size == 0:
        return True
    small = array[:: max(1, array.shape[0] // 200), :: max(1, array.shape[1] // 200)]
    return float(small.std()) < 1.0


def _settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _grab_screens() -> list[tuple[str, QImage]]:
    grabs = []
    for i, screen in enumerate(QGuiApplication.screens(), start=1):
        geo = screen.geometry()
        image = screen.grabWindow(0).toImage()
        grabs.append((f"screen {i} ({geo.width()}x{geo.height()})", image))
    return grabs


def _grab_own_windows(hidden: QWidget | None) -> list[tuple[str, QImage]]:
    grabs = []
    for w in QApplication.topLevelWidgets():
        if w is hidden or not w.isVisible() or w.width() < 20 or w.height() < 20:
            continue
        grabs.append((f"window {w.windowTitle() or type(w).__name__}", w.grab().toImage()))
    return grabs


def _unavailable_message() -> str:
    platform = QGuiApplication.platformName()
    if platform == "wayland" or os.environ.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        why = (
            "The screen cannot be captured in this Wayland session (the desktop does not let "
            "applications read the screen)."
        )
    elif platform == "cocoa":
        why = (
            "The screen capture came back empty: allow screen recording for this app in "
            "System Settings → Privacy & Security → Screen Recording, then try again."
        )
    else:
        why = "The screen capture came back empty, so the screen cannot be scanned here."
    return f"{why} {UNAVAILABLE_HINT}"


def scan_screens(
    window_to_hide: QWidget | None, *, include_windows: bool | None = None
) -> ScreenScanResult:
    """Grab every screen (hiding ``window_to_hide`` meanwhile) and decode the QR codes on it.

    ``include_windows``: also grab the app's visible top-level windows — None (default) does so
    only when every screen grab is blank (offscreen platform, Wayland, missing permission).
    """
    top = window_to_hide.window() if window_to_hide is not None else None
    was_visible = top is not None and top.isVisible()
    if top is not None and was_visible:
        top.hide()
        QApplication.processEvents()
        _settle(HIDE_SETTLE_MS)
    try:
        screen_grabs = _grab_screens()
    finally:
        if top is not None and was_visible:
            top.show()
            top.raise_()
            top.activateWindow()
    texts: list[str] = []
    sources: list[str] = []
    captured = 0
    arrays = [(name, qimage_to_array(img)) for name, img in screen_grabs]
    blank = all(_is_blank(a) for _, a in arrays)
    if include_windows or (include_windows is None and blank):
        arrays += [(n, qimage_to_array(img)) for n, img in _grab_own_windows(top)]
    for name, array in arrays:
        if _is_blank(array):
            continue
        captured += 1
        sources.append(name)
        for text in decode(array):
            if text not in texts:
                texts.append(text)
    if texts:
        message = ""
    elif blank:
        message = _unavailable_message()
    else:
        message = (
            "No QR code was found on the screen. Make sure the whole code is visible and not "
            f"too small, then try again. {UNAVAILABLE_HINT}"
        )
    return ScreenScanResult(texts, message, captured, tuple(sources), blank)
