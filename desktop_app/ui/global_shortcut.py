"""The global shortcut on X11: a key grabbed on the root window (libX11 through ctypes, on a
connection of its own watched by a QSocketNotifier).

    grab = X11KeyGrab.start("Ctrl+Alt+A")   # None when not on X11 or the key is taken
    grab.activated.connect(open_quick_window)

On Wayland (and in sandboxes) the key is bound through the xdg-desktop-portal GlobalShortcuts
interface instead (:mod:`desktop_app.ui.shortcut_portal`, :func:`use_portal`). Where neither
works the Settings page shows the commands to bind in the desktop's own keyboard settings
(:data:`BIND_HINT`); :func:`shortcut_status` follows the state as it changes."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

KEY_PRESS = 2
GRAB_MODE_ASYNC = 1
SHIFT, LOCK, CONTROL, MOD1, MOD2, MOD4 = 1, 2, 4, 8, 16, 64
_MODIFIERS = {
    "ctrl": CONTROL,
    "control": CONTROL,
    "alt": MOD1,
    "shift": SHIFT,
    "meta": MOD4,
    "super": MOD4,
}
#: the grab is repeated with Caps Lock and Num Lock on, which X counts as modifiers
_IGNORED = (0, LOCK, MOD2, LOCK | MOD2)


class _KeyEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("root", ctypes.c_ulong),
        ("subwindow", ctypes.c_ulong),
        ("time", ctypes.c_ulong),
        ("x", ctypes.c_int),
        ("y", ctypes.c_int),
        ("x_root", ctypes.c_int),
        ("y_root", ctypes.c_int),
        ("state", ctypes.c_uint),
        ("keycode", ctypes.c_uint),
        ("same_screen", ctypes.c_int),
    ]


class _Event(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xkey", _KeyEvent), ("pad", ctypes.c_long * 24)]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
_errors: list[int] = []


@_ERROR_HANDLER
def _on_x_error(_display: int | None, _event: int | None) -> int:
    _errors.append(1)  # BadAccess: another program holds this key
    return 0


def parse_shortcut(text: str) -> tuple[int, str] | None:
    """``"Ctrl+Alt+A"`` -> (X modifier mask, key name ``"a"``); None when it is not a key with
    at least one of Ctrl, Alt, Super."""
    parts = [p.strip() for p in text.split("+") if p.strip()]
    if len(parts) < 2:
        return None
    mask = 0
    for part in parts[:-1]:
        bit = _MODIFIERS.get(part.lower())
        if bit is None:
            return None
        mask |= bit
    if not mask & (CONTROL | MOD1 | MOD4):
        return None
    key = parts[-1]
    return mask, key.lower() if len(key) == 1 else key


def _libx11() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XStringToKeysym.restype = ctypes.c_ulong
    lib.XStringToKeysym.argtypes = [ctypes.c_char_p]
    lib.XKeysymToKeycode.restype = ctypes.c_ubyte
    lib.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    lib.XGrabKey.argtypes = [
        ctypes.c_void_p,
        ctypes.c_int,
        ctypes.c_uint,
        ctypes.c_ulong,
        ctypes.c_int,
        ctypes.c_int,
        ctypes.c_int,
    ]
    lib.XUngrabKey.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint, ctypes.c_ulong]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Event)]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XSetErrorHandler.restype = ctypes.c_void_p
    lib.XSetErrorHandler.argtypes = [_ERROR_HANDLER]
    return lib


class X11KeyGrab(QObject):
    activated = Signal()

    def __init__(self, lib: ctypes.CDLL, display: int, keycode: int, mask: int) -> None:
        super().__init__()
        self._lib, self._display, self.keycode, self.mask = lib, display, keycode, mask
        self._root = lib.XDefaultRootWindow(display)
        self._notifier = QSocketNotifier(
            lib.XConnectionNumber(display), QSocketNotifier.Type.Read, self
        )
        self._notifier.activated.connect(self._drain)

    @classmethod
    def start(cls, shortcut: str) -> X11KeyGrab | None:
        """Grab ``shortcut``; None (logged) when not on X11, unparsable, or taken."""
        if QGuiApplication.platformName() != "xcb":
            return None
        parsed = parse_shortcut(shortcut)
        lib = _libx11()
        if parsed is None or lib is None:
            return None
        mask, key = parsed
        display = lib.XOpenDisplay(None)
        if not display:
            return None
        keycode = lib.XKeysymToKeycode(display, lib.XStringToKeysym(key.encode()))
        if not keycode:
            lib.XCloseDisplay(display)
            return None
        previous = lib.XSetErrorHandler(_on_x_error)
        _errors.clear()
        root = lib.XDefaultRootWindow(display)
        for extra in _IGNORED:
            lib.XGrabKey(display, keycode, mask | extra, root, 0, GRAB_MODE_ASYNC, GRAB_MODE_ASYNC)
        lib.XSync(display, 0)
        lib.XSetErrorHandler(ctypes.cast(previous, _ERROR_HANDLER) if previous else _on_x_error)
        if _errors:
            log.info("global shortcut %s is taken by another program", shortcut)
            lib.XCloseDisplay(display)
            return None
        return cls(lib, display, keycode, mask)

    def _drain(self) -> None:
        event = _Event()
        while self._display and self._lib.XPending(self._display):
            self._lib.XNextEvent(self._display, ctypes.byref(event))
            if event.type == KEY_PRESS and event.xkey.keycode == self.keycode:
                self.activated.emit()

    def stop(self) -> None:
        if not self._display:
            return
        with contextlib.suppress(RuntimeError):  # Qt already deleted it (shutting down)
            self._notifier.setEnabled(False)
        for extra in _IGNORED:
            self._lib.XUngrabKey(self._display, self.keycode, self.mask | extra, self._root)
        self._lib.XCloseDisplay(self._display)
        self._display = 0


# how the shortcut is held (ShortcutState.how)
OFF = "off"  # no shortcut: none set, not X11 and no portal, the key taken, or the portal failed
X11 = "x11"
PORTAL = "portal"  # bound through the desktop portal
PORTAL_PENDING = "portal-pending"  # asked the portal; the person may be looking at its dialog
PORTAL_REFUSED = "portal-refused"  # the person (or the desktop) declined


class ShortcutState(QObject):
    """How this process holds the global shortcut; :attr:`changed` when that changes."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.how = OFF
        self.trigger = ""  # the key as the desktop describes it (portal)

    def set(self, how: str, trigger: str = "") -> None:
        if (how, trigger) != (self.how, self.trigger):
            self.how, self.trigger = how, trigger
            self.changed.emit()


_state: list[ShortcutState] = []


def state() -> ShortcutState:
    if not _state:
        _state.append(ShortcutState())
    return _state[0]


def set_active(on: bool) -> None:
    """The X11 grab is held (True) or not."""
    state().set(X11 if on else OFF)


def is_active() -> bool:
    """True while a window of this process holds the global shortcut (X11 grab or portal)."""
    return state().how in (X11, PORTAL)


def use_portal() -> bool:
    """True where the shortcut is bound through the desktop portal rather than grabbed."""
    from desktop_app.ui.screen_scan import use_portal as portal_session

    return portal_session()


BIND_HINT = (
    "desktop-authenticator quick",
    "desktop-authenticator copy QUERY",
)


class _StatusLabel(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__("", parent)
        self.setObjectName("shortcut_status")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        state().changed.connect(self.refresh)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        # spelled out (not via an alias) so that lupdate finds the strings
        current = state()
        commands = "".join(f"<br><code>{command}</code>" for command in BIND_HINT)
        if current.how == X11:
            text = QCoreApplication.translate(
                "GlobalShortcut", "The shortcut works in every program."
            )
        elif current.how == PORTAL:
            text = QCoreApplication.translate(
                "GlobalShortcut", "The desktop runs the shortcut in every program."
            )
            if current.trigger:
                text += " " + QCoreApplication.translate(
                    "GlobalShortcut", "Key, as the desktop set it: {key}"
                ).format(key=current.trigger)
        elif current.how == PORTAL_PENDING:
            text = QCoreApplication.translate(
                "GlobalShortcut",
                "Waiting for the desktop to confirm the shortcut (it may show a dialog).",
            )
        elif current.how == PORTAL_REFUSED:
            text = (
                QCoreApplication.translate(
                    "GlobalShortcut",
                    "The desktop did not allow the shortcut. Bind one of these commands in "
                    "the desktop's keyboard settings instead:",
                )
                + commands
            )
        else:
            text = (
                QCoreApplication.translate(
                    "GlobalShortcut",
                    "No global shortcut is available here (Wayland, or the key is taken by "
                    "another program). Bind one of these commands in the desktop's keyboard "
                    "settings:",
                )
                + commands
            )
        self.setText(text)


def shortcut_status(parent: QWidget) -> QLabel:
    """The Settings line under the shortcut: that it works, or the commands to bind instead."""
    return _StatusLabel(parent)
