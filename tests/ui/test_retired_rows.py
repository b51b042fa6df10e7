"""An emnify key turned off on the portal is seen in the list (dimmed, said with the day it was
marked) and removed from the edit dialog; two rows that read the same are told apart by the day
they were added (#22)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from desktop_app.otp.model import Entry
from desktop_app.ui.account_delegate import AVATAR, H_PAD
from desktop_app.ui.accounts_model import ROLE_NOTE, ROLE_RETIRED
from tests.ui.helpers_main import Recorder, make_window, secret_for

pytestmark = pytest.mark.gui

DAY1, DAY2 = 1_699_963_200.0, 1_709_985_600.0  # 14 Nov 2023, 9 Mar 2024, noon UTC
ADDED, MARKED = 1_793_534_400.0, 1_796_299_200.0  # 1 Nov 2026, 3 Dec 2026, noon UTC


def _day(year: int, month: int, day: int) -> str:
    return QLocale().toString(QDate(year, month, day), "d MMM yyyy")


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@contextmanager
def at(monkeypatch: pytest.MonkeyPatch, seconds: float) -> Iterator[None]:
    """The vault's stamps are made at wall time ``seconds`` inside the block."""
    with monkeypatch.context() as patch:
        patch.setattr(time, "time_ns", lambda: int(seconds * 1e9))
        yield


def mark_retired(vault, secret: str, monkeypatch: pytest.MonkeyPatch, when: float) -> None:
    """What Disable does to the old key's entry, at wall time ``when``."""
    (entry,) = [e for e in vault.entries() if e.secret == secret]
    with at(monkeypatch, when):
        vault.set_meta(entry.uuid, **{"emnify.state": "inactive"})


@pytest.fixture
def window(services, qtbot, monkeypatch, recorder):
    with at(monkeypatch, ADDED):
        _add(services)
    mark_retired(services.vault, secret_for("old"), monkeypatch, MARKED)
    window = make_window(services, qtbot, monkeypatch, recorder)
    window.resize(560, 500)
    return window


def _add(services) -> None:
    services.vault.add_many(
        [
            Entry(secret_for("old"), "emnify", "demo@example.com", created=DAY1,
                  meta={"emnify.state": "active", "emnify.user": "demo@example.com"}),
            Entry(secret_for("new"), "emnify", "demo@example.com", created=DAY2,
                  meta={"emnify.state": "active", "emnify.user": "demo@example.com"}),
            Entry(secret_for("gh"), "GitHub", "octocat@example.com", created=DAY1),
            Entry(secret_for("a"), "emnify", "ops@example.com", created=DAY1),
            Entry(secret_for("b"), "Emnify", "ops@example.com ", created=DAY2),
        ]
    )  # fmt: skip


def _row(window, secret: str):
    for r in range(window.proxy.rowCount()):
        index = window.proxy.index(r, 0)
        if index.data(Qt.ItemDataRole.UserRole + 1).secret == secret:
            return index
    raise AssertionError(secret)


def test_a_retired_key_is_dimmed_and_said(window, qtbot) -> None:
    old, new = _row(window, secret_for("old")), _row(window, secret_for("new"))
    assert old.data(ROLE_RETIRED) and not new.data(ROLE_RETIRED)
    assert old.data(ROLE_NOTE) == f"not active on emnify since {_day(2026, 12, 3)}"
    assert "active on emnify" not in new.data(ROLE_NOTE)
    said = old.data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"Not active on emnify since {_day(2026, 12, 3)}: its codes do not work" in said
    window.view.clearSelection()
    window.view.setCurrentIndex(window.proxy.index(-1, 0))
    qtbot.wait(50)
    shot = window.view.viewport().grab().toImage()

    def avatar(index) -> QColor:
        rect = window.view.visualRect(index)
        return shot.pixelColor(rect.left() + H_PAD + AVATAR // 4, rect.center().y() + 1)

    # one issuer: one avatar colour, the retired one faded towards the background (either theme)
    base = window.view.palette().color(window.view.viewport().backgroundRole()).lightness()
    dim, bright = avatar(old).lightness(), avatar(new).lightness()
    assert abs(dim - base) < abs(bright - base) - 30


def test_two_rows_that_read_the_same_show_when_each_was_added(window) -> None:
    a, b = _row(window, secret_for("a")), _row(window, secret_for("b"))
    assert a.data(ROLE_NOTE) == f"added {_day(2023, 11, 14)}"
    assert b.data(ROLE_NOTE) == f"added {_day(2024, 3, 9)}"
    assert _row(window, secret_for("gh")).data(ROLE_NOTE) == ""
    # an old key and a new one of one user read apart already: one is said to be inactive
    old, new = _row(window, secret_for("old")), _row(window, secret_for("new"))
    assert old.data(ROLE_NOTE) == f"not active on emnify since {_day(2026, 12, 3)}"
    assert new.data(ROLE_NOTE) == ""


def test_the_edit_dialog_says_it_and_removes_it_in_one_click(window, services, recorder, qtbot):
    from desktop_app.ui.edit_dialog import EditDialog

    window.view.setCurrentIndex(_row(window, secret_for("old")))
    window.commands.edit.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog) and dialog.retired_box is not None
    assert dialog.retired_box.isVisibleTo(dialog)
    said = " ".join(label.text() for label in dialog.retired_box.findChildren(QLabel))
    assert f"Not active on emnify since {_day(2026, 12, 3)}:" in said
    qtbot.mouseClick(
        dialog.retired_box.findChild(type(dialog.save_button), "remove-retired"),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: len(services.vault.entries()) == 4)
    assert secret_for("old") not in {e.secret for e in services.vault.entries()}
    assert "turned off on emnify" in recorder.asked[-1][1]


def test_an_active_key_s_edit_dialog_offers_no_removal(window, qtbot) -> None:
    from desktop_app.ui.edit_dialog import EditDialog

    window.view.setCurrentIndex(_row(window, secret_for("new")))
    window.commands.edit.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, EditDialog) and dialog.retired_box is None


def test_a_key_marked_before_the_vault_kept_stamps_has_no_day(services, qtbot, monkeypatch):
    """An entry saved by an older version carries no stamp of its marking: no date is made up
    (the creation day would be wrong)."""
    from desktop_app.ui.accounts_model import note

    entry = Entry(secret_for("x"), "emnify", "demo@example.com", created=DAY1,
                  meta={"emnify.state": "inactive"})  # fmt: skip
    assert entry.stamps == {}
    assert note(entry, twin=False) == "no longer active on emnify"
