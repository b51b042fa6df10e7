"""Run core calls off the GUI thread and deliver their outcome as Qt signals.

    task = run_in_thread(fn, arg, on_done=..., on_error=...)

``fn`` runs in the global QThreadPool; ``on_done(result)`` / ``on_error(exc)`` run on the GUI
thread (queued signal connections). Keep a reference to the returned :class:`Task` only if you
want to connect more slots; the pool owns the runnable.

A widget or controller that runs calls on behalf of the person uses a :class:`Job`: one call at
a time (or the newest supersedes the older), a busy signal, stale outcomes dropped, and
:func:`one_line` for what to say about an error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from desktop_app.errors import AppError
from desktop_app.ui.i18n import core_text

log = logging.getLogger(__name__)
_live: set[Task] = set()  # tasks whose outcome has not been delivered on the GUI thread yet
QUIT_WAIT_MS = 5000  # at quit, how long to let running calls end before the objects go


class Task(QObject):
    """One call in the pool. The worker thread touches the task once, at the end, to post the
    outcome (:attr:`_settled`); ``done``/``failed`` and then ``finished`` are emitted on the GUI
    thread from that single delivery. So whoever reacts to the outcome (and may end the event
    loop, or the process) can never pull the task away from a worker that is still emitting."""

    done = Signal(object)
    failed = Signal(object)
    finished = Signal()
    _settled = Signal(bool, object)  # (ok, result or exception): the worker's only emission

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._settled.connect(self._deliver)  # queued: the task lives on the GUI thread

    def run(self) -> None:
        """In the worker thread: the call, then one emission (the last touch of the task)."""
        try:
            result = self._fn(*self._args, **self._kwargs)
        except Exception as exc:  # delivered to the GUI, which shows it
            log.info("background task failed: %s", type(exc).__name__)
            ok, value = False, exc
        else:
            ok, value = True, result
        self._settled.emit(ok, value)

    def _deliver(self, ok: bool, value: object) -> None:
        _live.discard(self)
        try:
            if ok:
                self.done.emit(value)
            else:
                self.failed.emit(value)
        finally:
            if isValid(self):  # a slot of the outcome may have deleted the task
                self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task: Task | None = task

    def run(self) -> None:
        task, self.task = self.task, None
        assert task is not None
        task.run()


def wait_for_workers(timeout_ms: int = -1) -> bool:
    """Block until every call started here has ended (True), or ``timeout_ms`` passed (False).

    Call it before the process ends (``decode --screen`` does): a worker still running while
    the interpreter tears the Qt objects down would emit from a deleted object."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def _wait_at_quit() -> None:
    if not wait_for_workers(QUIT_WAIT_MS):
        log.warning("background calls still running at quit: %d", len(_live))


def run_in_thread(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_finished: Callable[[], None] | None = None,
    **kwargs: Any,
) -> Task:
    task = Task(fn, *args, **kwargs)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    if on_finished is not None:
        task.finished.connect(on_finished)
    app = QCoreApplication.instance()
    if app is not None and not app.property("workers_quit_hook"):
        app.aboutToQuit.connect(_wait_at_quit)  # the GUI's own end: let running calls end
        app.setProperty("workers_quit_hook", True)
    _live.add(task)
    QThreadPool.globalInstance().start(_Runnable(task))
    return task


class Job(QObject):
    """One owner's background work: one call at a time, and only the latest call's outcome.

        job = Job(self)                       # parented: it goes with its owner
        job.busy_changed.connect(show_busy)   # True when a call starts, False when it ends
        job.start(fn, arg, on_done=..., on_error=...)           # refused (False) while busy
        job.start(fn, arg, on_done=..., supersede=True)         # the running call is abandoned
        job.cancel()                          # abandon the running call: its outcome is dropped

    A call cannot be interrupted: an abandoned one runs to its end in the pool and its result or
    error is dropped, so ``on_done``/``on_error`` run only for the latest call, and never after
    ``cancel`` or after the owner was deleted. ``busy`` is True from ``start`` until that call's
    outcome is delivered (or it is abandoned by ``cancel``). Use :func:`one_line` to turn an
    error into what to tell the person.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token: object | None = None

    @property
    def busy(self) -> bool:
        return self._token is not None

    def start(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        supersede: bool = False,
    ) -> bool:
        """Run ``fn(*args)`` in the pool; False (and nothing run) while busy unless ``supersede``."""
        if self._token is not None and not supersede:
            return False
        was_busy = self._token is not None
        token = self._token = object()
        if not was_busy:
            self.busy_changed.emit(True)

        def done(result: Any) -> None:
            if self._settle(token) and on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if self._settle(token) and on_error is not None:
                on_error(exc)

        run_in_thread(fn, *args, on_done=done, on_error=failed)
        return True

    def cancel(self) -> None:
        """Abandon the running call (if any): its outcome will not be delivered."""
        if self._token is not None:
            self._token = None
            self.busy_changed.emit(False)

    def _settle(self, token: object) -> bool:
        """True when ``token`` is the latest call's (and the job still exists): it ends now."""
        if token is not self._token or not isValid(self):
            return False
        self._token = None
        self.busy_changed.emit(False)
        return True


def one_line(
    exc: BaseException,
    unexpected: str,
    expected: type[BaseException] | tuple[type[BaseException], ...] = AppError,
) -> str:
    """What to tell the person about ``exc``, on one line: the message of an ``expected`` error
    (an :class:`~desktop_app.errors.AppError` is written for people), else ``unexpected`` with
    ``{kind}`` the exception's class name (its text may hold anything; it is logged by kind)."""
    if isinstance(exc, expected):
        text = core_text(exc)  # a core message marked N_() in the GUI's language
    else:
        log.warning("background task failed unexpectedly: %s", type(exc).__name__)
        text = unexpected.format(kind=type(exc).__name__)
    return " ".join(line.strip() for line in text.splitlines() if line.strip())
