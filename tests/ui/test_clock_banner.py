"""The clock banner of the main window, against the stand-in timedate1 on the private bus and a
loopback SNTP responder: shown when not synchronised, "Check now", the correction of the codes,
and its reset once the system clock is synchronised again."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from desktop_app import clock
from desktop_app.otp.codes import code_at, group_code
from desktop_app.settings import TIME_CHECK_DAILY, TIME_LAST_CHECK, TIME_SERVER
from desktop_app.ui.accounts_model import ROLE_CODE, ROLE_ENTRY
from tests.clock.helpers import Responder, standin_timedate
from tests.ui.helpers_main import Recorder, make_window, sample_entries

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def session_timedate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV_TIMEDATE_BUS, "SESSION")


def _window(services, qtbot, monkeypatch):
    services.vault.add_many(sample_entries())
    return make_window(services, qtbot, monkeypatch, Recorder())


def _github_code(window) -> tuple[str, object]:
    for r in range(window.proxy.rowCount()):
        idx = window.proxy.index(r, 0)
        if idx.data(Qt.ItemDataRole.DisplayRole).startswith("GitHub"):
            return idx.data(ROLE_CODE), idx.data(ROLE_ENTRY)
    raise AssertionError("GitHub row")


def test_no_banner_when_synchronised(services, qtbot, monkeypatch) -> None:
    with standin_timedate(True):
        window = _window(services, qtbot, monkeypatch)
        banner = window.clock_banner
        qtbot.waitUntil(lambda: banner.synced is True)
    assert not banner.isVisible()


def test_no_banner_without_timedate1(services, qtbot, monkeypatch) -> None:
    window = _window(services, qtbot, monkeypatch)
    banner = window.clock_banner
    qtbot.waitUntil(lambda: not banner._sync_job.busy)
    assert banner.synced is None and not banner.isVisible()


def test_unsynchronised_clock_checked_and_codes_corrected_then_reset(
    services, qtbot, monkeypatch
) -> None:
    with standin_timedate(False) as timedate, Responder("offset", 95.0) as server:
        services.settings.set(TIME_SERVER, server.address)
        window = _window(services, qtbot, monkeypatch)
        banner = window.clock_banner
        qtbot.waitUntil(banner.isVisible)
        assert "not synchronised" in banner.text.text()
        assert banner.check_button.isVisible() and not banner.correct_button.isVisible()

        qtbot.mouseClick(banner.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(banner.correct_button.isVisible)
        assert (
            f"According to {server.address}, the clock is 95.0 s <b>behind</b>."
            in banner.text.text()
        )
        assert len(server.requests) == 1

        qtbot.mouseClick(banner.correct_button, Qt.MouseButton.LeftButton)
        stored = services.settings.value(clock.OFFSET_SETTING)
        assert stored == pytest.approx(95_000, abs=100)
        assert "Codes in this app are corrected by +95.0 s." in banner.text.text()
        assert banner.stop_button.isVisible() and not banner.correct_button.isVisible()

        entry = _github_code(window)[1]
        qtbot.waitUntil(
            lambda: (
                _github_code(window)[0] == group_code(code_at(entry, time.time() + stored / 1000))
            ),
            timeout=3000,
        )

        timedate.set_synced(True)
        banner.timer.timeout.emit()  # the hourly check
        qtbot.waitUntil(lambda: not banner.isVisible())
    assert services.settings.value(clock.OFFSET_SETTING) == 0
    qtbot.waitUntil(
        lambda: _github_code(window)[0] == group_code(code_at(entry, time.time())), timeout=3000
    )


def test_small_offset_offers_no_correction(services, qtbot, monkeypatch) -> None:
    with standin_timedate(False), Responder("offset", -4.0) as server:
        services.settings.set(TIME_SERVER, server.address)
        banner = _window(services, qtbot, monkeypatch).clock_banner
        qtbot.waitUntil(banner.check_button.isVisible)
        qtbot.mouseClick(banner.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "close enough" in banner.text.text())
    assert not banner.correct_button.isVisible()
    assert services.settings.value(clock.OFFSET_SETTING) == 0


def test_silent_server_says_so_in_one_line(services, qtbot, monkeypatch) -> None:
    with standin_timedate(False), Responder("silent") as server:
        services.settings.set(TIME_SERVER, server.address)
        banner = _window(services, qtbot, monkeypatch).clock_banner
        qtbot.waitUntil(banner.check_button.isVisible)
        qtbot.mouseClick(banner.check_button, Qt.MouseButton.LeftButton)
        assert not banner.check_button.isEnabled()  # "Checking…" while the worker asks
        qtbot.waitUntil(lambda: "did not answer" in banner.text.text(), timeout=8000)
    assert banner.check_button.isEnabled() and not banner.correct_button.isVisible()


def test_silent_server_is_said_in_german(german, services, qtbot, monkeypatch) -> None:
    with standin_timedate(False), Responder("silent") as server:
        services.settings.set(TIME_SERVER, server.address)
        banner = _window(services, qtbot, monkeypatch).clock_banner
        qtbot.waitUntil(banner.check_button.isVisible)
        qtbot.mouseClick(banner.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "nicht innerhalb von" in banner.text.text(), timeout=8000)
    assert f"Der Zeitserver {server.address} hat nicht innerhalb von" in banner.text.text()
    assert "did not answer" not in banner.text.text()


def test_daily_check_asks_the_server_once_a_day(services, qtbot, monkeypatch) -> None:
    with standin_timedate(True), Responder("offset", 30.0) as server:
        services.settings.set(TIME_SERVER, server.address)
        services.settings.set(TIME_CHECK_DAILY, True)
        banner = _window(services, qtbot, monkeypatch).clock_banner
        qtbot.waitUntil(banner.correct_button.isVisible)
        assert "30.0 s <b>behind</b>" in banner.text.text()
        assert services.settings.value(TIME_LAST_CHECK) > 0
        banner.timer.timeout.emit()  # an hour later: not a day yet
        qtbot.waitUntil(lambda: not banner._sync_job.busy)
        qtbot.wait(200)
    assert len(server.requests) == 1


def test_a_stored_correction_is_shown_while_the_state_is_unknown(services, qtbot, monkeypatch):
    services.settings.set(clock.OFFSET_SETTING, -12_500)
    banner = _window(services, qtbot, monkeypatch).clock_banner  # no timedate1: unknown
    qtbot.waitUntil(lambda: not banner._sync_job.busy)
    assert banner.isVisible() and banner.synced is None
    assert "Codes in this app are corrected by -12.5 s." in banner.text.text()
    assert banner.check_button.isVisible() and banner.stop_button.isVisible()
    qtbot.mouseClick(banner.stop_button, Qt.MouseButton.LeftButton)
    assert services.settings.value(clock.OFFSET_SETTING) == 0 and not banner.isVisible()
