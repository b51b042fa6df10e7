"""The global shortcut through the xdg-desktop-portal GlobalShortcuts interface (Wayland: KDE
Plasma 6, GNOME 48+; sandboxes).

    portal = PortalShortcut(parent)
    portal.activated.connect(open_quick_window)
    portal.state_changed.connect(on_state)     # PENDING, BOUND, REFUSED, UNAVAILABLE, FAILED
    portal.bind("Ctrl+Alt+A")                  # again to re-bind: the desktop asks the person

Wayland does not let a program grab a key for itself; the desktop does it on the program's behalf
and lets the person confirm (or change) the key. Over D-Bus (jeepney, on a connection of its own
watched by a QSocketNotifier, so nothing blocks):

    org.freedesktop.portal.Desktop  /org/freedesktop/portal/desktop
    org.freedesktop.portal.GlobalShortcuts
        CreateSession(a{sv} {handle_token, session_handle_token}) -> o request
            Request.Response(u, a{sv} {session_handle})
        BindShortcuts(o session, a(sa{sv}) [(id, {description, preferred_trigger})],
                      s parent_window, a{sv} {handle_token}) -> o request
            Request.Response(u, a{sv} {shortcuts: a(sa{sv}) [(id, {trigger_description, ...})]})
        signal Activated(o session, s id, t timestamp, a{sv})
    Response codes: 0 done, 1 the person declined, 2 other failure.

The request paths are known before each call (``.../request/SENDER/TOKEN``) and the signal match
is added first, so no Response can be missed; a portal that answers with another path is
followed there too. Re-binding closes the session and opens a new one; as the desktop keeps the
person's choice under the shortcut id (:data:`SHORTCUT_ID`), a portal of version 2 or later is
then asked to show its own dialog (``ConfigureShortcuts``), where the person sets the new key;
``ShortcutsChanged`` tells what it became."""

from __future__ import annotations

import contextlib
import logging
import secrets
import socket
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication

log = logging.getLogger(__name__)

PORTAL_SERVICE = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS_INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
SESSION_INTERFACE = "org.freedesktop.portal.Session"
# xdg-desktop-portal 1.19+: a program outside a sandbox says which app it is (its .desktop file
# name) before its first portal call, so the desktop keeps the key under that app
REGISTRY_INTERFACE = "org.freedesktop.host.portal.Registry"
SHORTCUT_ID = "quick-copy"

# PortalShortcut.state values
IDLE = "idle"
PENDING = "pending"  # asked; the desktop (or the person, in its dialog) has not answered yet
BOUND = "bound"
REFUSED = "refused"  # response 1: the person (or the desktop's policy) declined
UNAVAILABLE = "unavailable"  # no session bus, no portal, or a portal without GlobalShortcuts
FAILED = "failed"

_NO_SERVICE_ERRORS = {
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownInterface",
    "org.freedesktop.DBus.Error.UnknownMethod",
}

_TRIGGER_MODIFIERS = {
    "ctrl": "CTRL",
    "control": "CTRL",
    "alt": "ALT",
    "shift": "SHIFT",
    "meta": "LOGO",
    "super": "LOGO",
}


def preferred_trigger(shortcut: str) -> str:
    """``"Ctrl+Alt+A"`` -> ``"CTRL+ALT+a"`` (the XDG shortcuts format: upper-case modifiers, the
    key's keysym name); "" when it is not a key with modifiers."""
    parts = [p.strip() for p in shortcut.split("+") if p.strip()]
    if len(parts) < 2:
        return ""
    mods = [_TRIGGER_MODIFIERS.get(p.lower(), "") for p in parts[:-1]]
    if "" in mods:
        return ""
    key = parts[-1]
    return "+".join([*mods, key.lower() if len(key) == 1 else key])


def request_path(unique_name: str, token: str, kind: str = "request") -> str:
    sender = unique_name.lstrip(":").replace(".", "_")
    return f"{PORTAL_PATH}/{kind}/{sender}/{token}"


def _token() -> str:
    return "desktop_authenticator_" + secrets.token_hex(8)


def _plain(options: Any) -> dict[str, Any]:
    """a{sv} as jeepney gives it ({key: (signature, value)}) -> {key: value}."""
    if not isinstance(options, dict):
        return {}
    return {k: v[1] for k, v in options.items() if isinstance(v, tuple) and len(v) == 2}


class PortalShortcut(QObject):
    """One global shortcut bound through the portal; :attr:`activated` when it is pressed."""

    activated = Signal()
    state_changed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, bus: str = "SESSION") -> None:
        super().__init__(parent)
        self._bus = bus
        self.state = IDLE
        self.trigger = ""  # the key as the desktop describes it, once bound
        self.detail = ""  # why not (D-Bus error names only: no secrets)
        self._conn: Any = None
        self._notifier: QSocketNotifier | None = None
        self._calls: dict[int, str] = {}  # serial -> "create", "bind", "version", ...
        self._requests: dict[str, str] = {}  # request path -> "create" / "bind"
        self._session = ""
        self._preferred = ""
        self.version = 0  # the portal's GlobalShortcuts version (0: not known)
        self._bound_once = False
        self._configure = False

    # --- the API -----------------------------------------------------------------------------

    def bind(self, shortcut: str) -> None:
        """(Re)bind the quick-copy shortcut with ``shortcut`` as the preferred key."""
        self._close_session()
        self._preferred = preferred_trigger(shortcut)
        # a change after a first binding: the desktop keeps the key it has for this app, so
        # (portal version 2+) its own dialog is opened to let the person set the new one
        self._configure = self._bound_once
        if not self._connect():
            self._set(UNAVAILABLE, "no D-Bus session bus")
            return
        self._set(PENDING)
        token, session_token = _token(), _token()
        self._requests[request_path(self._conn.unique_name, token)] = "create"
        options = {"handle_token": ("s", token), "session_handle_token": ("s", session_token)}
        self._call(PORTAL_PATH, SHORTCUTS_INTERFACE, "CreateSession", "a{sv}", (options,), "create")

    def stop(self) -> None:
        """Close the session (the desktop lets go of the key) and the connection."""
        self._close_session()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.close()
            self._conn = None
        self._calls.clear()
        self._requests.clear()

    # --- D-Bus plumbing ----------------------------------------------------------------------

    def _connect(self) -> bool:
        if self._conn is not None:
            return True
        try:
            from jeepney import MatchRule
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection

            conn = open_dbus_connection(bus=self._bus)
            conn.send(message_bus.AddMatch(MatchRule(type="signal", sender=PORTAL_SERVICE)))
        except Exception as exc:  # no bus, a bus that refuses us: "cannot bind here"
            log.info("global shortcut portal: no session bus (%s)", type(exc).__name__)
            return False
        self._conn = conn
        self._notifier = QSocketNotifier(conn.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        app_id = QGuiApplication.desktopFileName()
        if app_id:  # an older portal, or a sandboxed app, answers with an error: ignored
            self._call(
                PORTAL_PATH, REGISTRY_INTERFACE, "Register", "sa{sv}", (app_id, {}), "register"
            )
        self._call(
            PORTAL_PATH,
            "org.freedesktop.DBus.Properties",
            "Get",
            "ss",
            (SHORTCUTS_INTERFACE, "version"),
            "version",
        )
        return True

    def _call(
        self, path: str, interface: str, method: str, sig: str, body: tuple, what: str
    ) -> None:
        from jeepney import DBusAddress, new_method_call

        address = DBusAddress(path, bus_name=PORTAL_SERVICE, interface=interface)
        serial = next(self._conn.outgoing_serial)
        self._calls[serial] = what
        try:
            self._conn.send(new_method_call(address, method, sig, body), serial=serial)
        except OSError:
            self._lost()

    def _close_session(self) -> None:
        if self._session and self._conn is not None:
            self._call(self._session, SESSION_INTERFACE, "Close", "", (), "close")
        self._session = ""
        self._requests.clear()
        # a late answer to an earlier CreateSession/BindShortcuts must not bind again
        self._calls = {s: what for s, what in self._calls.items() if what not in ("create", "bind")}

    def _lost(self) -> None:
        self._session = ""
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        with contextlib.suppress(OSError):
            self._conn.close()
        self._conn = None
        self._set(FAILED, "the D-Bus connection was closed")

    def _drain(self) -> None:
        if self._conn is None:
            return
        try:
            data = self._conn.sock.recv(65536, socket.MSG_DONTWAIT)
        except BlockingIOError:
            return
        except OSError:
            self._lost()
            return
        if not data:
            self._lost()
            return
        self._conn.parser.add_data(data)
        while self._conn is not None:
            message = self._conn.parser.get_next_message()
            if message is None:
                break
            self._dispatch(message)

    def _dispatch(self, message: Any) -> None:
        from jeepney import HeaderFields, MessageType

        kind = message.header.message_type
        fields = message.header.fields
        if kind in (MessageType.method_return, MessageType.error):
            what = self._calls.pop(fields.get(HeaderFields.reply_serial, -1), "")
            if what == "version" and kind == MessageType.method_return:
                value = message.body[0] if message.body else None
                if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], int):
                    self.version = value[1]
                return
            if what not in ("create", "bind"):
                return
            if kind == MessageType.error:
                name = str(fields.get(HeaderFields.error_name, ""))
                log.info("global shortcut portal: %s failed: %s", what, name)
                self._set(UNAVAILABLE if name in _NO_SERVICE_ERRORS else FAILED, name)
            elif message.body and isinstance(message.body[0], str):
                self._requests.setdefault(message.body[0], what)  # a portal older than 0.9
            return
        if kind != MessageType.signal:
            return
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member)
        path = str(fields.get(HeaderFields.path, ""))
        if interface == REQUEST_INTERFACE and member == "Response" and path in self._requests:
            what = self._requests.pop(path)
            for other in [p for p, w in self._requests.items() if w == what]:
                del self._requests[other]  # the predicted and the returned path: one answer
            code, results = message.body
            self._on_response(what, int(code), _plain(results))
        elif interface == SHORTCUTS_INTERFACE and member == "Activated":
            session, shortcut_id = message.body[0], message.body[1]
            if self.state == BOUND and session == self._session and shortcut_id == SHORTCUT_ID:
                self.activated.emit()
        elif interface == SHORTCUTS_INTERFACE and member == "ShortcutsChanged":
            if message.body[0] == self._session:
                self._take_trigger(message.body[1])
                self.state_changed.emit(self.state)
        elif interface == SESSION_INTERFACE and member == "Closed" and path == self._session:
            self._session = ""
            self._set(FAILED, "the desktop closed the shortcut session")

    def _on_response(self, what: str, code: int, results: dict[str, Any]) -> None:
        if code == 1:
            self._set(REFUSED, "declined")
            return
        if code != 0:
            self._set(FAILED, "the desktop portal did not bind the shortcut")
            return
        if what == "create":
            session = str(results.get("session_handle", ""))
            if not session:
                self._set(FAILED, "the desktop portal returned no session")
                return
            self._session = session
            token = _token()
            self._requests[request_path(self._conn.unique_name, token)] = "bind"
            info = {"description": ("s", self._description())}
            if self._preferred:
                info["preferred_trigger"] = ("s", self._preferred)
            body = (session, [(SHORTCUT_ID, info)], "", {"handle_token": ("s", token)})
            self._call(
                PORTAL_PATH, SHORTCUTS_INTERFACE, "BindShortcuts", "oa(sa{sv})sa{sv}", body, "bind"
            )
        else:
            self.trigger = ""
            self._take_trigger(results.get("shortcuts", []))
            self._bound_once = True
            self._set(BOUND)
            if self._configure and self.version >= 2:
                self._configure = False
                configure: tuple[str, str, dict[str, Any]] = (self._session, "", {})
                self._call(
                    PORTAL_PATH,
                    SHORTCUTS_INTERFACE,
                    "ConfigureShortcuts",
                    "osa{sv}",
                    configure,
                    "configure",
                )

    def _take_trigger(self, shortcuts: Any) -> None:
        for item in shortcuts if isinstance(shortcuts, list) else []:
            if isinstance(item, tuple) and len(item) == 2 and item[0] == SHORTCUT_ID:
                self.trigger = str(_plain(item[1]).get("trigger_description", ""))

    def _description(self) -> str:
        return QCoreApplication.translate("GlobalShortcut", "Open the quick-copy window")

    def _set(self, state: str, detail: str = "") -> None:
        self.state, self.detail = state, detail
        self.state_changed.emit(state)
