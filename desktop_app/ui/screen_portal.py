"""Screenshots through the xdg-desktop-portal Screenshot interface (Wayland, Flatpak, Snap).

    request = PortalScreenshot(parent=window)
    request.finished.connect(on_outcome)     # PortalOutcome, delivered on the GUI thread
    request.start()

Wayland compositors do not let one client read another's pixels, and sandboxes (Flatpak, Snap)
hide the X server's root window, so there the screen is read by asking the desktop portal over
D-Bus (QtDBus, part of PySide6-Essentials):

    org.freedesktop.portal.Desktop  /org/freedesktop/portal/desktop
    org.freedesktop.portal.Screenshot.Screenshot(s parent_window, a{sv} {handle_token, interactive})
        -> o handle   (an org.freedesktop.portal.Request object)
    org.freedesktop.portal.Request.Response(u response, a{sv} results)   on that handle
        response 0: results["uri"] = file:// URI of the screenshot; 1: cancelled; 2: failed

The handle's path is known before the call (``/org/freedesktop/portal/desktop/request/SENDER/
TOKEN``), so the Response signal is subscribed to first and cannot be missed; a portal older
than version 0.9 that returns another path is followed there too. Nothing blocks: the method call
is asynchronous and the answer arrives as a signal. A portal that does not answer within
:data:`RESPONSE_TIMEOUT_MS` counts as failed.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusObjectPath, QDBusPendingCallWatcher
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SCREENSHOT_INTERFACE = "org.freedesktop.portal.Screenshot"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
# Non-interactive screenshots are immediate, but the desktop may first ask the person whether
# this app may take one (GNOME does, once): give them time to answer.
RESPONSE_TIMEOUT_MS = 120_000
CALL_TIMEOUT_MS = 25_000

# PortalOutcome.status values
OK = "ok"
CANCELLED = "cancelled"
FAILED = "failed"
UNAVAILABLE = "unavailable"  # no portal service on the session bus (or no session bus)

# QtDBus turns a{sv} into a QVariantMap (a dict) only for a slot declared with that type.
_RESPONSE_SLOT = SLOT("_on_response(uint,QVariantMap)")

_NO_SERVICE_ERRORS = {
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownInterface",
    "org.freedesktop.DBus.Error.UnknownMethod",
}


@dataclass(frozen=True)
class PortalOutcome:
    status: str  # OK, CANCELLED, FAILED or UNAVAILABLE
    path: Path | None = None  # the screenshot file (status OK)
    detail: str = ""  # why not, for the person (no secrets: only D-Bus error names/texts)
    started: float = 0.0  # time.time() when the request was sent


def parent_window_id(window: QWidget | None) -> str:
    """The portal's parent_window string: ``x11:XID`` on X11, "" where there is none to give."""
    if window is None or QGuiApplication.platformName() != "xcb":
        return ""  # Wayland needs an xdg-foreign handle, which Qt does not expose
    return f"x11:{int(window.window().winId()):x}"


def request_path(unique_name: str, token: str) -> str:
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"{PORTAL_PATH}/request/{sender}/{token}"


class PortalScreenshot(QObject):
    """One Screenshot request; emits :attr:`finished` exactly once with a :class:`PortalOutcome`."""

    finished = Signal(object)

    def __init__(self, parent: QObject | None = None, *, window: QWidget | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._bus = QDBusConnection.sessionBus()
        self._subscribed: list[str] = []
        self._watcher: QDBusPendingCallWatcher | None = None
        self._done = False
        self._started = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)

    def start(self, *, interactive: bool = False) -> None:
        self._started = time.time()
        if not self._bus.isConnected():
            QTimer.singleShot(0, lambda: self._finish(UNAVAILABLE, detail="no D-Bus session bus"))
            return
        token = "desktop_authenticator_" + secrets.token_hex(8)
        self._subscribe(request_path(self._bus.baseService(), token))
        message = QDBusMessage.createMethodCall(
            PORTAL_SERVICE, PORTAL_PATH, SCREENSHOT_INTERFACE, "Screenshot"
        )
        message.setArguments(
            [parent_window_id(self._window), {"handle_token": token, "interactive": interactive}]
        )
        self._watcher = QDBusPendingCallWatcher(self._bus.asyncCall(message, CALL_TIMEOUT_MS), self)
        self._watcher.finished.connect(self._on_call_finished)
        self._timer.start(RESPONSE_TIMEOUT_MS)

    # --- D-Bus plumbing --------------------------------------------------------------------

    def _subscribe(self, path: str) -> None:
        if path in self._subscribed:
            return
        ok = self._bus.connect(
            PORTAL_SERVICE,
            path,
            REQUEST_INTERFACE,
            "Response",
            self,
            _RESPONSE_SLOT,  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
        )
        if ok:
            self._subscribed.append(path)
        else:
            log.warning("could not subscribe to the portal's Response signal")

    def _unsubscribe(self) -> None:
        for path in self._subscribed:
            self._bus.disconnect(
                PORTAL_SERVICE,
                path,
                REQUEST_INTERFACE,
                "Response",
                self,
                _RESPONSE_SLOT,  # type: ignore[call-overload]
            )
        self._subscribed.clear()

    def _on_call_finished(self, watcher: QDBusPendingCallWatcher) -> None:
        reply = watcher.reply()
        watcher.deleteLater()
        self._watcher = None
        if self._done:
            return
        if reply.type() == QDBusMessage.MessageType.ErrorMessage:
            name = reply.errorName()
            log.info("portal Screenshot call failed: %s", name)
            if name in _NO_SERVICE_ERRORS:
                self._finish(UNAVAILABLE, detail=name)
            else:
                self._finish(FAILED, detail=reply.errorMessage() or name)
            return
        arguments = reply.arguments()
        handle = (
            arguments[0].path() if arguments and isinstance(arguments[0], QDBusObjectPath) else ""
        )
        if handle and handle not in self._subscribed:  # a portal older than 0.9
            self._subscribe(handle)

    @Slot("uint", "QVariantMap")
    def _on_response(self, code: int, results: dict[str, object]) -> None:
        if self._done:
            return
        if code == 1:
            self._finish(CANCELLED)
            return
        if code != 0:
            self._finish(FAILED, detail="the desktop did not take the screenshot")
            return
        uri = str(results.get("uri", ""))
        url = QUrl(uri)
        if not uri or not url.isLocalFile():
            self._finish(FAILED, detail="the desktop portal returned no screenshot file")
            return
        self._finish(OK, path=Path(url.toLocalFile()))

    def _on_timeout(self) -> None:
        self._finish(FAILED, detail="the desktop portal did not answer")

    def _finish(self, status: str, *, path: Path | None = None, detail: str = "") -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        self._unsubscribe()
        self.finished.emit(PortalOutcome(status, path, detail, self._started))
