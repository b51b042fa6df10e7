"""The single-instance channel, window side: a ``QLocalServer`` owned by the main window.

    server = InstanceServer(window)     # listens at desktop_app.instance.socket_path(data dir)

The protocol (one line in, one line out) is described in desktop_app/instance.py."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtNetwork import QLocalServer

from desktop_app import instance
from desktop_app.otp.search import matching
from desktop_app.settings import CLIPBOARD_CLEAR_SECONDS, QUICK_COPY_SHORTCUT, Setting
from desktop_app.ui import global_shortcut
from desktop_app.ui.global_shortcut import X11KeyGrab
from desktop_app.ui.quick_copy import QuickCopyWindow, quick_window_for
from desktop_app.ui.shortcut_portal import BOUND, PENDING, REFUSED, PortalShortcut

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

    from desktop_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class InstanceServer(QObject):
    shortcut_changed = Signal(str)  # the setting changed (from any thread)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path = instance.socket_path(window.services.paths.data_dir)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        if instance.send(window.services.paths.data_dir, "ping", timeout=0.5) is None:
            QLocalServer.removeServer(str(self.path))  # a stale socket of a crashed run
        if not self.server.listen(str(self.path)):
            log.warning("single-instance channel not available: %s", self.server.errorString())
        window.destroyed.connect(self.close)
        app = QCoreApplication.instance()
        if app is not None:  # the event loop ends: let go of the socket and the key
            app.aboutToQuit.connect(self.close)
        self.grab: X11KeyGrab | None = None
        self.portal: PortalShortcut | None = None
        self._closed = False
        self.grab_shortcut(str(window.settings.value(QUICK_COPY_SHORTCUT)))
        self.shortcut_changed.connect(self.grab_shortcut, Qt.ConnectionType.QueuedConnection)
        window.settings.add_listener(self._on_setting)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _on_setting(self, which: Setting[Any], value: object) -> None:
        if which is QUICK_COPY_SHORTCUT and not self._closed:
            self.shortcut_changed.emit(str(value))

    def grab_shortcut(self, shortcut: str) -> None:
        """(Re)grab the global shortcut; an empty one grabs nothing. On Wayland it is bound
        through the desktop portal (again on every change: the desktop asks the person)."""
        self._release_grab()
        if not shortcut.strip() or self._closed:
            self._release_portal()
            global_shortcut.set_active(False)
            return
        if global_shortcut.use_portal():
            if self.portal is None:
                self.portal = PortalShortcut(self)
                self.portal.activated.connect(lambda: self.quick_window().present())
                self.portal.state_changed.connect(self._on_portal_state)
            self.portal.bind(shortcut.strip())
            return
        self._release_portal()
        self.grab = X11KeyGrab.start(shortcut.strip())
        global_shortcut.set_active(self.grab is not None)
        if self.grab is not None:
            self.grab.activated.connect(lambda: self.quick_window().present())

    def _on_portal_state(self, state: str) -> None:
        how = {
            BOUND: global_shortcut.PORTAL,
            PENDING: global_shortcut.PORTAL_PENDING,
            REFUSED: global_shortcut.PORTAL_REFUSED,
        }.get(state, global_shortcut.OFF)
        trigger = self.portal.trigger if self.portal is not None and state == BOUND else ""
        global_shortcut.state().set(how, trigger)

    def _release_grab(self) -> None:
        if self.grab is not None:
            self.grab.stop()
            self.grab = None
            global_shortcut.set_active(False)

    def _release_portal(self) -> None:
        if self.portal is not None:
            with contextlib.suppress(RuntimeError):  # Qt already deleted it (shutting down)
                self.portal.stop()
                self.portal.deleteLater()
            self.portal = None
            global_shortcut.set_active(False)

    def close(self) -> None:
        self._closed = True
        self._release_grab()
        self._release_portal()
        if self.server.isListening():
            self.server.close()

    def quick_window(self) -> QuickCopyWindow:
        return quick_window_for(self.window)

    # --- requests ----------------------------------------------------------------------------

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)

    def _read(self, conn: QLocalSocket) -> None:
        if not conn.canReadLine():
            if conn.bytesAvailable() > instance.MAX_LINE:
                conn.abort()
            return
        line = bytes(conn.readLine().data()).decode("utf-8", "replace").strip()
        reply = self.handle(line)
        conn.write((reply.replace("\n", " ") + "\n").encode("utf-8"))
        conn.flush()
        conn.disconnectFromServer()

    def handle(self, line: str) -> str:
        command, _, rest = line.partition(" ")
        if command == "ping":
            return "ok"
        if command == "raise":
            self.raise_window()
            return "ok"
        if command == "quick":
            self.quick_window().present()
            return "ok"
        if command == "copy":
            return self.copy(rest)
        return "error\tunknown request"

    def raise_window(self) -> None:
        w = self.window
        w.setWindowState(w.windowState() & ~Qt.WindowState.WindowMinimized)
        w.show()
        w.raise_()
        w.activateWindow()

    def copy(self, query: str) -> str:
        if self.window.services.vault is None:
            return "locked"
        found = matching(self.window.model.entries(), query)
        if not found:
            return "none"
        if len(found) > 1:
            return "\t".join(["many", *(instance.label_of(e) for e in found)])
        entry = found[0]
        self.window.lists.copy_uuid(entry.uuid)
        seconds = int(self.window.settings.value(CLIPBOARD_CLEAR_SECONDS))
        if not self.window.isVisible() and self.window.tray_message is not None:
            self.window.tray_message(self.tr("Authenticator"), self.window.last_notice)
        return f"ok\t{instance.label_of(entry)}\t{seconds}"
