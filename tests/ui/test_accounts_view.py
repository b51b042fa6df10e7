"""The account list's hover highlight follows the real pointer: one row, on the screen (#24)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QCursor, QGuiApplication, QImage

from desktop_app.otp.model import Entry
from tests.ui.helpers_main import Recorder, make_window, secret_for

pytestmark = pytest.mark.gui


@pytest.fixture
def long_window(services, qtbot, monkeypatch):
    """Eleven rows, about eight on screen: Ctrl+End scrolls by a few rows (Qt moves the pixels
    of the rest instead of repainting them)."""
    services.vault.add_many(
        [
            Entry(secret_for(f"row{i}"), f"Service {i:02d}", f"user{i}@example.com")
            for i in range(11)
        ]
    )
    window = make_window(services, qtbot, monkeypatch, Recorder())
    window.resize(520, 520)
    qtbot.wait(50)
    return window


def _screen_rows(window) -> dict[int, QColor]:
    """Row -> the colour at the left edge of its card, for each visible row, as the screen
    shows it (not a fresh render: stale pixels count)."""
    view = window.view
    viewport = view.viewport()
    QGuiApplication.processEvents()
    shot: QImage = window.screen().grabWindow(0).toImage()
    colors = {}
    for row in range(window.proxy.rowCount()):
        rect = view.visualRect(window.proxy.index(row, 0))
        if rect.bottom() < 0 or rect.top() > viewport.height():
            continue
        at = viewport.mapToGlobal(QPoint(rect.left() + 8, rect.center().y()))
        colors[row] = shot.pixelColor(at - window.screen().geometry().topLeft())
    return colors


def _tinted(window) -> set[int]:
    """The rows the screen shows highlighted (hovered or selected)."""
    base = window.view.palette().color(window.view.viewport().backgroundRole())
    return {row for row, c in _screen_rows(window).items() if c.rgb() != base.rgb()}


def _under_pointer(window) -> int:
    view = window.view
    return view.indexAt(view.viewport().mapFromGlobal(QCursor.pos())).row()


def _point_at_row(window, qtbot, row: int, *, jump: bool = False) -> None:
    """Put the pointer on ``row``: moved there, or (``jump``) warped there with no move events
    in between -- as when the window opens under a pointer that stays put."""
    view = window.view
    center = view.visualRect(window.proxy.index(row, 0)).center()
    QCursor.setPos(view.viewport().mapToGlobal(center))
    if not jump:
        qtbot.mouseMove(view.viewport(), center)
    qtbot.waitUntil(lambda: view.underMouse(), timeout=2000)
    qtbot.wait(150)


def test_hover_leaves_no_stale_row_after_ctrl_end(long_window, qtbot) -> None:
    window, view = long_window, long_window.view
    view.setCurrentIndex(window.proxy.index(0, 0))
    _point_at_row(window, qtbot, 4, jump=True)
    _point_at_row(window, qtbot, 2, jump=True)
    assert _tinted(window) == {0, 2}  # the selected row and the hovered one
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.currentIndex().row() == window.proxy.rowCount() - 1)
    qtbot.wait(200)
    # the list scrolled under a pointer that did not move: the row under it now is hovered, the
    # one that was hovered (moved up) is not, and the last row is selected
    last = window.proxy.rowCount() - 1
    assert _under_pointer(window) not in (2, last)
    assert _tinted(window) == {_under_pointer(window), last}
    qtbot.wait(1100)  # a countdown step repaints the rings of plain rows
    assert _tinted(window) == {_under_pointer(window), last}


def test_hover_follows_a_pointer_that_jumps(long_window, qtbot) -> None:
    window, view = long_window, long_window.view
    view.clearSelection()
    view.setCurrentIndex(window.proxy.index(-1, 0))
    _point_at_row(window, qtbot, 3, jump=True)
    assert _tinted(window) == {3}
    _point_at_row(window, qtbot, 1)
    assert _tinted(window) == {1}
    _point_at_row(window, qtbot, 5, jump=True)
    qtbot.wait(1100)  # a countdown step repaints the rings meanwhile
    assert _tinted(window) == {5}
