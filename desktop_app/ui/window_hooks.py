"""One application-wide hook on top-level windows being shown.

Every top-level window, when shown, is clamped to its screen (:func:`geometry.clamp`: shrunk and
moved inside the available area), its standard dialog buttons get their accessible
descriptions (:func:`a11y.describe_standard_buttons`) and lose their icons
(:func:`theme.plain_dialog_buttons`), so that every dialog, ours or Qt's, gets all of it the same
way.

This is one event filter on the application, not one per feature, and :func:`run_gui` installs
it once the main window has painted its first frame (``hooks_after_first_paint``): a filter
written in Python runs for every event of every object, and the first time it meets an object or
an event of a new class, PySide builds that class's Python type and its enums. Installed before
the main window was built, that cost the first paint ~45 ms (the first ``QListView`` alone went
from 0.4 ms to 54 ms); from a zero timer after ``show()``, it still met the style object (and
built ``QStyle``, ~14 ms) before the first frame. Windows shown
before it is installed size themselves (the main window: ``fit_to_screen`` and
``restore_geometry``); a dialog shown before the main window installs it first
(:func:`ensure_window_hooks`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui.a11y import describe_standard_buttons
from desktop_app.ui.geometry import clamp
from desktop_app.ui.theme import plain_dialog_buttons

_PROPERTY = "window_hooks"


class _WindowShown(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            clamp(watched)
            describe_standard_buttons(watched)
            plain_dialog_buttons(watched)
        return False


def ensure_window_hooks(app: QApplication | None = None) -> None:
    """Install the hook on ``app`` (default: the running application) unless it has it."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication) or app.property(_PROPERTY) is not None:
        return
    hook = _WindowShown(app)
    app.installEventFilter(hook)
    app.setProperty(_PROPERTY, hook)
