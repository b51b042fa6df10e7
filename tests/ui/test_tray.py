"""Tray and desktop: the tray menu searches and copies the most used codes, the window comes back
at its size and place, and closing to the tray says once that the app keeps running."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from desktop_app.otp.codes import code_at
from desktop_app.settings import TRAY_NOTICE_SHOWN, WINDOW_GEOMETRY
from desktop_app.ui.accounts_model import ROLE_ENTRY
from desktop_app.ui.tray import build_menu
from tests.ui.helpers_main import Recorder, make_window, sample_entries

pytestmark = pytest.mark.gui


@pytest.fixture
def recorder():
    return Recorder()


@pytest.fixture
def window(services, qtbot, monkeypatch, recorder):
    services.vault.add_many(sample_entries())
    return make_window(services, qtbot, monkeypatch, recorder)


def _row(window, issuer):
    return next(
        window.proxy.index(r, 0)
        for r in range(window.proxy.rowCount())
        if window.proxy.index(r, 0).data(ROLE_ENTRY).issuer == issuer
    )


def test_tray_menu_offers_search_and_the_most_used_codes(window, qtbot):
    copies = {"Google": 3, "emnify": 1}
    for issuer, n in copies.items():
        for _ in range(n):
            window.lists.copy_index(_row(window, issuer))
    menu = QMenu(window)
    build_menu(window, menu)
    names = [a.objectName() for a in menu.actions()]
    assert names[0] == "tray_search"
    copy_actions = [a for a in menu.actions() if a.objectName() == "tray_copy"]
    assert [a.text() for a in copy_actions] == [
        "Google (jane.doe@gmail.com)",
        "emnify (ops@emnify.com)",
    ]  # most used first; never-copied accounts are not offered
    QGuiApplication.clipboard().clear()
    window.search.setText("git")  # the menu copies even an account the search hides
    copy_actions[1].trigger()
    emnify = next(e for e in window.services.vault.entries() if e.issuer == "emnify")
    copied = QGuiApplication.clipboard().text()
    assert copied in (code_at(emnify), code_at(emnify, step_offset=-1))
    assert window.lists.usage()[emnify.uuid] == 2
    window.search.clear()
    window.view.setFocus()
    next(a for a in menu.actions() if a.objectName() == "tray_search").trigger()
    qtbot.waitUntil(window.search.hasFocus)


def test_window_comes_back_at_its_size_and_place(services, qtbot, monkeypatch):
    from desktop_app.ui.main_window import MainWindow

    first = make_window(services, qtbot, monkeypatch, Recorder())
    first.resize(470, 520)
    first.move(60, 40)
    qtbot.waitUntil(lambda: first.width() == 470)
    first.close()
    assert services.settings.value(WINDOW_GEOMETRY)
    second = MainWindow(services)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (470, 520)
    second.show()
    qtbot.waitExposed(second)
    assert abs(second.x() - first.x()) <= 1 and abs(second.y() - first.y()) <= 1


def test_closing_to_the_tray_says_once_that_it_keeps_running(window, qtbot, recorder):
    said: list[tuple[str, str]] = []
    window.keep_in_tray = True
    window.tray_message = lambda title, text: said.append((title, text))
    window.close()
    assert not window.isVisible()
    assert len(said) == 1 and "keeps running" in said[0][0]
    window.show()
    window.close()
    assert len(said) == 1  # once only, remembered in the settings
    assert window.settings.value(TRAY_NOTICE_SHOWN) is True
    window.keep_in_tray = False


def test_tray_quick_copy_opens_the_quick_window(window, qtbot):
    from desktop_app.ui.quick_copy import quick_window_for

    menu = QMenu(window)
    build_menu(window, menu)
    quick_action = next(a for a in menu.actions() if a.objectName() == "tray_quick")
    assert quick_action.text() == "&Quick Copy…"
    window.hide()  # the main window is in the tray
    quick_action.trigger()
    quick = quick_window_for(window)
    qtbot.waitUntil(quick.isVisible, timeout=3000)
    assert quick.stack.currentWidget() is quick.search_page
    qtbot.waitUntil(quick.search.hasFocus, timeout=2000)
    assert quick.count() == 4
    qtbot.keyClicks(quick.search, "git")
    qtbot.keyClick(quick.search, Qt.Key.Key_Return)
    github = next(e for e in window.services.vault.entries() if e.issuer == "GitHub")
    assert QGuiApplication.clipboard().text() in (code_at(github), code_at(github, step_offset=-1))
    assert not quick.isVisible()


def test_tray_quick_copy_asks_for_the_password_when_locked(services, window, qtbot):
    from desktop_app.ui.quick_copy import quick_window_for

    services.vault.use_password("correct horse")
    window.locking.lock()
    menu = QMenu(window)
    build_menu(window, menu)  # locked: no codes in the menu, the quick window still offered
    assert not [a for a in menu.actions() if a.objectName() == "tray_copy"]
    next(a for a in menu.actions() if a.objectName() == "tray_quick").trigger()
    quick = quick_window_for(window)
    qtbot.waitUntil(quick.isVisible, timeout=3000)
    assert quick.stack.currentWidget() is quick.locked_page and quick.count() == 0
    qtbot.waitUntil(quick.password.hasFocus, timeout=2000)
    qtbot.keyClicks(quick.password, "correct horse")
    qtbot.keyClick(quick.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: quick.stack.currentWidget() is quick.search_page, timeout=10000)
    assert quick.count() == 4
    quick.close()
