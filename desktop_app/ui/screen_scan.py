"""Scan every screen for QR codes ("Scan Screen").

    scan = start_screen_scan(main_window, on_done)  # GUI: returns at once; on_done(result) later
    result = scan_screens(main_window)              # CLI / tests: waits (runs an event loop)
    result.texts                                    # decoded payload texts (classify them)
    result.message                                  # what to tell the person when none was read

Both hide the window while the screen is captured and restore it afterwards. How the screen is
captured depends on the session (:func:`use_portal`):

* Wayland sessions and sandboxes (Flatpak, Snap): the xdg-desktop-portal Screenshot interface
  over D-Bus (:mod:`desktop_app.ui.screen_portal`). The file it returns is decoded and then
  deleted (it may show a secret). Cancelled → a short message and nothing else; failed → why, and
  what to do instead. Without a portal service the X11 path below is tried.
* Elsewhere (X11, Windows, macOS): ``QScreen.grabWindow(0)`` of every screen.

Decoding runs in a worker thread (``run_in_thread``), never on the GUI thread; only the grab
itself (a Qt call that must stay on the GUI thread) happens there.

Where the screen cannot be captured — Wayland without a portal, macOS without the
screen-recording permission, headless platforms — grabs come back null or uniformly black. That
is detected and reported with what to do instead (save the code as an image, or copy it and
paste). The application's own visible top-level windows (other than the hidden one) are grabbed
as well when the screen grab is blank, so a code shown inside the app is still found; tests
under the offscreen platform rely on that.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app.errors import ScanError
from desktop_app.scanning.decoders import decode
from desktop_app.ui import screen_portal
from desktop_app.ui.images import qimage_to_array  # the one QImage -> array conversion
from desktop_app.ui.workers import run_in_thread, wait_for_workers

if TYPE_CHECKING:
    import numpy as np
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

__all__ = ["ScreenScanResult", "qimage_to_array", "scan_screens", "start_screen_scan"]

HIDE_SETTLE_MS = 250  # time for the compositor to take the hidden window off the screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("ScreenScan", text)


def unavailable_hint() -> str:
    return _tr(
        "Save the QR code as an image and open it with “Open Image…”, or copy the QR code image "
        "to the clipboard and use “Paste”."
    )


@dataclass(frozen=True)
class ScreenScanResult:
    texts: list[str] = field(default_factory=list)
    message: str = ""  # empty when codes were found; else why not / what to do in the app
    reason: str = ""  # the "why not" part of the message alone (the command line adds its own)
    captured: int = 0  # screens (or windows) grabbed with real content
    sources: tuple[str, ...] = ()  # what was grabbed, e.g. "screen 1 (1920x1080)", "window ..."
    blank: bool = False  # every screen grab was null or uniform
    cancelled: bool = False  # the person cancelled the desktop's screenshot dialog
    method: str = "grab"  # "grab" (QScreen) or "portal" (xdg-desktop-portal)

    @property
    def found(self) -> bool:
        return bool(self.texts)


def _is_blank(array: np.ndarray) -> bool:
    if array.size == 0:
        return True
    small = array[:: max(1, array.shape[0] // 200), :: max(1, array.shape[1] // 200)]
    return float(small.std()) < 1.0


def is_wayland() -> bool:
    return (
        QGuiApplication.platformName().startswith("wayland")
        or bool(os.environ.get("WAYLAND_DISPLAY"))
        or os.environ.get("XDG_SESSION_TYPE", "").lower() == "wayland"
    )


def is_sandboxed() -> bool:
    return Path("/.flatpak-info").exists() or bool(os.environ.get("SNAP"))


def use_portal() -> bool:
    """True where the screen is read through the desktop portal rather than grabbed."""
    if not sys.platform.startswith("linux") and not sys.platform.startswith("freebsd"):
        return False
    return is_wayland() or is_sandboxed()


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


def _unavailable_reason(portal_detail: str = "") -> str:
    platform = QGuiApplication.platformName()
    if is_wayland():
        why = _tr(
            "The screen cannot be captured in this Wayland session: no screenshot service "
            "(xdg-desktop-portal) answered."
        )
    elif portal_detail:
        why = _tr(
            "The screen cannot be captured from this sandbox: no screenshot service "
            "(xdg-desktop-portal) answered."
        )
    elif platform == "cocoa":
        why = _tr(
            "The screen capture came back empty: allow screen recording for this app in "
            "System Settings → Privacy & Security → Screen Recording, then try again."
        )
    else:
        why = _tr("The screen capture came back empty, so the screen cannot be scanned here.")
    return why


def _not_found_reason() -> str:
    return _tr(
        "No QR code was found on the screen. Make sure the whole code is visible and not too "
        "small, then try again."
    )


def _uniform_is_empty() -> bool:
    """True where a grab is trusted (X11 itself): a uniform picture is a screen showing nothing,
    not a capture that failed (Wayland's XWayland, macOS without permission, offscreen)."""
    return QGuiApplication.platformName() == "xcb" and not is_wayland() and not is_sandboxed()


# --- worker-thread functions (no Qt) -----------------------------------------------------------


@dataclass(frozen=True)
class _Decoded:
    texts: list[str]
    captured: int
    sources: tuple[str, ...]


def _decode_arrays(arrays: list[tuple[str, np.ndarray]], count_uniform: bool = False) -> _Decoded:
    """Decode each picture; ``count_uniform``: a uniform (not empty) one was still captured."""
    texts: list[str] = []
    sources: list[str] = []
    for name, array in arrays:
        if array.size == 0 or (_is_blank(array) and not count_uniform):
            continue
        sources.append(name)
        for text in decode(array):
            if text not in texts:
                texts.append(text)
    return _Decoded(texts, len(sources), tuple(sources))


def _decode_portal_file(path: Path, requested_at: float) -> _Decoded:
    """Decode the portal's screenshot file, then delete it if the portal made it for us."""
    from desktop_app.scanning.images import load_image

    try:
        array = load_image(path)
    finally:
        # The screenshot may show a secret; a file written after the request is ours to remove.
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime >= requested_at - 2:
                path.unlink()
    return _decode_arrays([(f"screenshot ({array.shape[1]}x{array.shape[0]})", array)])


# --- the scan ----------------------------------------------------------------------------------


def _failure(why: str, *, method: str = "grab") -> ScreenScanResult:
    return ScreenScanResult(message=f"{why} {unavailable_hint()}", reason=why, method=method)


class ScreenScan(QObject):
    """One screen scan; emits :attr:`finished` once with a :class:`ScreenScanResult`."""

    finished = Signal(object)

    def __init__(
        self,
        window_to_hide: QWidget | None,
        *,
        include_windows: bool | None = None,
        portal: bool | None = None,
    ) -> None:
        super().__init__()
        self._top = window_to_hide.window() if window_to_hide is not None else None
        self._include_windows = include_windows
        self._portal = use_portal() if portal is None else portal
        self._was_visible = False
        self._request: screen_portal.PortalScreenshot | None = None
        self._portal_detail = ""  # why the portal was not there, when it was tried first
        self.result: ScreenScanResult | None = None

    def start(self) -> None:
        self._was_visible = self._top is not None and self._top.isVisible()
        if self._top is not None and self._was_visible:
            self._top.hide()
            QTimer.singleShot(HIDE_SETTLE_MS, self._capture)
        else:
            QTimer.singleShot(0, self._capture)

    def _restore(self) -> None:
        if self._top is not None and self._was_visible and not self._top.isVisible():
            self._top.show()
            self._top.raise_()
            self._top.activateWindow()

    def _capture(self) -> None:
        if self._portal:
            self._request = screen_portal.PortalScreenshot(self, window=self._top)
            self._request.finished.connect(self._on_portal)
            self._request.start()
        else:
            self._grab()

    # --- portal --------------------------------------------------------------------------

    def _on_portal(self, outcome: screen_portal.PortalOutcome) -> None:
        if outcome.status == screen_portal.UNAVAILABLE:
            self._grab(portal_detail=outcome.detail)  # no portal: try the grab (XWayland...)
            return
        self._restore()
        if outcome.status == screen_portal.CANCELLED:
            why = _tr("The screen scan was cancelled.")
            self._emit(ScreenScanResult(message=why, reason=why, cancelled=True, method="portal"))
        elif outcome.status == screen_portal.OK and outcome.path is not None:
            run_in_thread(
                _decode_portal_file,
                outcome.path,
                outcome.started,
                on_done=lambda d: self._decoded(d, blank=False, method="portal"),
                on_error=self._portal_file_failed,
            )
        else:
            detail = outcome.detail or _tr("the desktop did not take the screenshot")
            why = _tr("The screen could not be captured ({detail}).").format(detail=detail)
            self._emit(_failure(why, method="portal"))

    def _portal_file_failed(self, exc: BaseException) -> None:
        why = _tr("The screenshot from the desktop could not be read.")
        self._emit(_failure(why, method="portal"))

    # --- grab ----------------------------------------------------------------------------

    def _grab(self, portal_detail: str = "") -> None:
        try:
            screen_grabs = _grab_screens()
        finally:
            self._restore()
        arrays = [(name, qimage_to_array(img)) for name, img in screen_grabs]
        uniform_is_empty = _uniform_is_empty()
        if uniform_is_empty:  # only a null grab failed; a uniform screen just shows nothing
            blank = all(a.size == 0 for _, a in arrays)
        else:
            blank = all(_is_blank(a) for _, a in arrays)
        if self._include_windows or (self._include_windows is None and blank):
            arrays += [(n, qimage_to_array(img)) for n, img in _grab_own_windows(self._top)]
        self._portal_detail = portal_detail
        run_in_thread(
            _decode_arrays,
            arrays,
            uniform_is_empty,
            on_done=lambda d: self._decoded(d, blank=blank, method="grab"),
            on_error=self._decode_failed,
        )

    def _decode_failed(self, exc: BaseException) -> None:
        why = _tr("The screen could not be scanned.")
        self._emit(ScreenScanResult(message=why, reason=why))

    def _decoded(self, decoded: _Decoded, *, blank: bool, method: str) -> None:
        if decoded.texts:
            why = ""
        elif blank:
            why = _unavailable_reason(self._portal_detail)
        else:
            why = _not_found_reason()
        self._emit(
            ScreenScanResult(
                decoded.texts,
                f"{why} {unavailable_hint()}" if why else "",
                why,
                decoded.captured,
                decoded.sources,
                blank,
                method=method,
            )
        )

    def _emit(self, result: ScreenScanResult) -> None:
        if self.result is None:
            self.result = result
            self.finished.emit(result)


_running: set[ScreenScan] = set()  # keeps a scan alive until it has delivered its result


def start_screen_scan(
    window_to_hide: QWidget | None,
    on_done: Callable[[ScreenScanResult], None],
    *,
    include_windows: bool | None = None,
) -> ScreenScan:
    """Scan without blocking: ``on_done(result)`` runs on the GUI thread when the scan is over."""
    scan = ScreenScan(window_to_hide, include_windows=include_windows)
    _running.add(scan)

    def deliver(result: ScreenScanResult) -> None:
        _running.discard(scan)
        on_done(result)

    scan.finished.connect(deliver)
    scan.start()
    return scan


def scan_screens(
    window_to_hide: QWidget | None, *, include_windows: bool | None = None
) -> ScreenScanResult:
    """Scan and wait for the result (an event loop runs meanwhile, so the GUI stays live).

    ``include_windows``: also grab the app's visible top-level windows — None (default) does so
    only when every screen grab is blank (offscreen platform, Wayland, missing permission).
    """
    loop = QEventLoop()
    scan = start_screen_scan(
        window_to_hide, lambda _r: loop.quit(), include_windows=include_windows
    )
    if scan.result is None:
        loop.exec()
    assert scan.result is not None
    return scan.result


def scan_screens_cli() -> ScreenScanResult:
    """``decode --screen``: a Qt application without windows, then :func:`scan_screens`.

    Raises ScanError where there is no display to read (Qt would abort the process).
    """
    if (
        sys.platform.startswith("linux")
        and QApplication.instance() is None
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        raise ScanError("no display to scan: neither DISPLAY nor WAYLAND_DISPLAY is set")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "decode"])
    assert app is not None
    try:
        return scan_screens(None, include_windows=False)
    finally:
        wait_for_workers()  # no worker may outlive the command (its Qt objects go at exit)
