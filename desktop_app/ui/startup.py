"""Start-up up to the main window's first frame, and what waits for that frame.

The invariant: until the main window has painted its first frame, nothing builds the Python type
of ``QStyle`` and no Python event filter watches the whole application. PySide builds a class's
Python type, enums included, the first time Python meets it (``QStyle``: ~14 ms), and an
application-wide filter written in Python meets every object and event of every class.

How:

* The application is constructed here, by :func:`new_application`, with ``-style Fusion``
  (:data:`APP_ARGS`): Qt makes the Fusion style itself, and the light palette uses it as it is.
  A style made by ``QStyleFactory`` and set from Python would be handed to Python, building
  ``QStyle``. The app (:func:`desktop_app.ui.application.create_app`) and the GUI tests' ``qapp``
  fixture (tests/conftest.py) both build their application here.
* :func:`use_style` gives each palette its style: the light one the Fusion the application
  started with, the dark one :class:`~desktop_app.ui.dark_style.DarkStyle`, Fusion with fixes for
  dark colours. That is a Python style (every style call from Qt crosses into Python, and its
  module builds ``QStyle``), so it is imported and set only while the dark palette is on.
* The window hooks (every top-level window, when shown, is clamped to its screen, its standard
  dialog buttons get accessible descriptions and lose their icons: :class:`_WindowShown`) are one
  event filter on the application, installed by :func:`hooks_after_first_paint` from a zero timer
  after the main window's first paint event, so after that whole frame; a main window that is not
  painted soon (started minimised) gets them :data:`HOOKS_LATEST_MS` after the event loop began.
  A dialog shown before the main window (the password, a fatal error) installs them first (:func:`ensure_window_hooks`).
  Windows shown before the hooks size themselves (the main window: ``fit_to_screen`` and
  ``restore_geometry``).
* The account list paints its rows from the selection, the mouse and the focus, not from a style
  option's ``state`` (``QStyle.StateFlag``): :meth:`desktop_app.ui.accounts_view.AccountsView.paintEvent`.

tests/ui/test_application.py starts the app in a fresh process as ``main()`` does and checks
this contract.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QStyleFactory, QWidget

from desktop_app.ui.a11y import describe_standard_buttons
from desktop_app.ui.geometry import clamp

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

#: QApplication arguments that start it with Fusion, the light palette's style
APP_ARGS = ("-style", "Fusion")
#: the window hooks come at the latest this long after the main window was shown
HOOKS_LATEST_MS = 2000
_HOOK_PROPERTY = "window_hooks"  # the application property holding the installed hook


class AppStyle(enum.Enum):
    """Which style the application has."""

    UNKNOWN = "unknown"  # an application not built by new_application, no style set here yet
    FUSION = "fusion"  # Fusion as Qt made it from APP_ARGS, or set by use_style
    DARK = "dark"  # DarkStyle


class _StyleState:
    def __init__(self) -> None:
        self.current = AppStyle.UNKNOWN
        #: the style set from Python: its wrapper must live as long as the application uses it
        self.kept: QStyle | None = None


_style = _StyleState()


def new_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, started with Fusion (:data:`APP_ARGS`)."""
    app = QApplication([*(argv or sys.argv[:1]), *APP_ARGS])
    _style.current = AppStyle.FUSION
    _style.kept = None
    return app


def use_style(app: QApplication, *, dark: bool) -> None:
    """Fusion for the light palette, :class:`~desktop_app.ui.dark_style.DarkStyle` for the dark
    one; nothing is done when the application has that style already."""
    wanted = AppStyle.DARK if dark else AppStyle.FUSION
    if _style.current is wanted:
        return
    if dark:
        from desktop_app.ui.dark_style import DarkStyle  # builds QStyle: only when dark

        style: QStyle = DarkStyle("Fusion")
    else:
        style = QStyleFactory.create("Fusion")
    _style.kept = style
    _style.current = wanted
    app.setStyle(style)


# --- the window hooks ---------------------------------------------------------------------------


def plain_dialog_buttons(root: QWidget) -> None:
    """No icons on the buttons of ``root``'s button boxes, whatever the platform's style hint (a
    KDE or generic X11 theme gives Fusion's "X" and tick icons; the words say it)."""
    for box in root.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if not button.icon().isNull():
                button.setIcon(QIcon())


class _WindowShown(QObject):
    """The window hooks: every top-level window, ours or Qt's, when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            clamp(watched)
            describe_standard_buttons(watched)
            plain_dialog_buttons(watched)
        return False


def ensure_window_hooks(app: QApplication | None = None) -> None:
    """Install the window hooks on ``app`` (default: the running application) unless it has
    them."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication) or app.property(_HOOK_PROPERTY) is not None:
        return
    hook = _WindowShown(app)
    app.installEventFilter(hook)
    app.setProperty(_HOOK_PROPERTY, hook)


def has_window_hooks(app: QApplication) -> bool:
    return app.property(_HOOK_PROPERTY) is not None


class _AfterFirstPaint(QObject):
    """What waits for a window's first frame, with one event filter on the window for all of it:
    each callable runs once, from a zero timer of its own, in the order given, after the
    window's first paint event (so after that whole frame), or HOOKS_LATEST_MS after the event
    loop began without one.

    The wait is counted from the event loop's start, not from here: what is built between here
    and ``exec()`` (the rest of the window, on a slow computer or with a large vault, seconds) is
    not the window failing to paint, and counting it would run them before the first frame.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        #: the callables still waiting; None once they are started
        self.waiting: list[Callable[[], None]] | None = []
        window.installEventFilter(self)
        QTimer.singleShot(0, self._start_latest)  # runs once the event loop runs

    @classmethod
    def of(cls, window: QWidget) -> _AfterFirstPaint:
        """The window's, while its callables wait; a new one once they were started."""
        for child in window.findChildren(cls, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.waiting is not None:
                return child
        return cls(window)

    def _start_latest(self) -> None:
        if self.waiting is not None:
            QTimer.singleShot(HOOKS_LATEST_MS, self._run)

    def _run(self) -> None:
        waiting, self.waiting = self.waiting, None
        for then in waiting or ():
            QTimer.singleShot(0, self, then)  # each on its own: one that fails stops no other

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._run()
        return False


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """``then()`` once ``window`` (shown next) has painted its first frame (or, not painted,
    :data:`HOOKS_LATEST_MS` after the event loop began): for what the first frame need not wait
    for."""
    waiting = _AfterFirstPaint.of(window).waiting
    assert waiting is not None
    waiting.append(then)


def hooks_after_first_paint(window: QWidget, app: QApplication) -> None:
    """:func:`ensure_window_hooks` once ``window`` (shown next) has painted its first frame."""
    after_first_paint(window, lambda: ensure_window_hooks(app))
