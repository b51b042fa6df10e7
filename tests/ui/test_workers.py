"""The worker Job: one call at a time, the newest outcome only, a busy signal, one-line errors."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from desktop_app.errors import AppError, VaultError
from desktop_app.ui.workers import Job, one_line, run_in_thread, wait_for_workers

pytestmark = pytest.mark.gui
WAIT = 5000


class Gate:
    """A call that returns ``value`` once opened (so a test decides when a call ends)."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def __call__(self, value: object) -> object:
        assert self.event.wait(10)
        if isinstance(value, BaseException):
            raise value
        return value


def test_a_call_delivers_its_result_and_says_when_it_is_busy(qtbot: QtBot) -> None:
    owner = QObject()
    job = Job(owner)
    states: list[bool] = []
    results: list[object] = []
    job.busy_changed.connect(states.append)
    gate = Gate()
    assert job.start(gate, 42, on_done=results.append)
    assert job.busy and states == [True]
    gate.event.set()
    qtbot.waitUntil(lambda: results == [42], timeout=WAIT)
    assert not job.busy and states == [True, False]


def test_single_flight_refuses_a_second_call_while_busy(qtbot: QtBot) -> None:
    job = Job()
    results: list[object] = []
    gate = Gate()
    assert job.start(gate, "first", on_done=results.append)
    assert not job.start(gate, "second", on_done=results.append)
    gate.event.set()
    qtbot.waitUntil(lambda: not job.busy, timeout=WAIT)
    assert results == ["first"]


def test_a_superseding_call_drops_the_older_outcome(qtbot: QtBot) -> None:
    job = Job()
    states: list[bool] = []
    job.busy_changed.connect(states.append)
    results: list[object] = []
    old, new = Gate(), Gate()
    job.start(old, "old", on_done=results.append)
    assert job.start(new, "new", on_done=results.append, supersede=True)
    old.event.set()  # the old call ends first: its result is stale
    qtbot.wait(100)
    assert results == [] and job.busy
    new.event.set()
    qtbot.waitUntil(lambda: results == ["new"], timeout=WAIT)
    assert states == [True, False]  # one busy stretch, not two


def test_cancel_drops_the_outcome_and_ends_busy(qtbot: QtBot) -> None:
    job = Job()
    states: list[bool] = []
    job.busy_changed.connect(states.append)
    seen: list[object] = []
    gate = Gate()
    job.start(gate, ValueError("late"), on_done=seen.append, on_error=seen.append)
    job.cancel()
    assert not job.busy and states == [True, False]
    gate.event.set()
    qtbot.wait(200)
    assert seen == []
    assert job.start(lambda: "again", on_done=seen.append)  # free for the next call
    qtbot.waitUntil(lambda: seen == ["again"], timeout=WAIT)


def test_errors_arrive_on_the_error_callback(qtbot: QtBot) -> None:
    job = Job()
    errors: list[BaseException] = []
    boom = AppError("The file is damaged.")

    def fail() -> None:
        raise boom

    job.start(fail, on_done=lambda _r: pytest.fail("no result"), on_error=errors.append)
    qtbot.waitUntil(lambda: errors == [boom], timeout=WAIT)


def test_one_line_says_an_app_error_and_names_only_the_kind_of_anything_else() -> None:
    assert one_line(AppError("Bad file.\n  Line 2."), "({kind})") == "Bad file. Line 2."
    secret = KeyError("JBSWY3DPEHPK3PXP")
    assert one_line(secret, "It failed ({kind}).") == "It failed (KeyError)."
    assert one_line(AppError("x"), "no ({kind})", expected=VaultError) == "no (AppError)"
    assert one_line(OSError("disk full"), "", expected=BaseException) == "disk full"


def test_nothing_is_delivered_after_the_owner_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    job = Job(owner)
    seen: list[object] = []
    gate = Gate()
    job.start(gate, "late", on_done=seen.append, on_error=seen.append)
    owner.deleteLater()  # the dialog closed and was deleted while the call ran
    qtbot.waitUntil(lambda: not isValid(job), timeout=WAIT)
    gate.event.set()
    qtbot.wait(200)
    assert seen == []


def test_the_outcome_and_finished_arrive_together_on_the_gui_thread(qtbot: QtBot) -> None:
    seen: list[tuple[str, bool]] = []

    def note(what: str) -> None:
        seen.append((what, threading.current_thread() is threading.main_thread()))

    run_in_thread(lambda: 7, on_done=lambda r: note(f"done {r}"), on_finished=lambda: note("end"))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=WAIT)
    assert seen == [("done 7", True), ("end", True)]


def test_a_task_deleted_by_its_outcome_is_not_emitted_from_again(qtbot: QtBot, capfd) -> None:
    """Whoever reacts to the outcome may end the process (``decode --screen``) and with it the
    task: the worker must have stopped touching the task by then."""
    deleted: list[int] = []
    for i in range(20):
        gate = Gate()
        task = run_in_thread(gate, i)

        def gone(_r: object, task=task) -> None:
            shiboken6.delete(task)
            deleted.append(1)

        task.done.connect(gone)
        gate.event.set()
        del task
    qtbot.waitUntil(lambda: len(deleted) == 20, timeout=WAIT)
    assert wait_for_workers(WAIT)
    qtbot.wait(50)
    assert "Signal source has been deleted" not in capfd.readouterr().err
