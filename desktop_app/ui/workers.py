"""Run core calls off the GUI thread and deliver their outcome as Qt signals.

    task = run_in_thread(fn, arg, on_done=..., on_error=...)

``fn`` runs in the global QThreadPool; ``on_done(result)`` / ``on_error(exc)`` run on the GUI
thread (queued signal connections). Keep a reference to the returned :class:`Task` only if you
want to connect more slots; the pool owns the runnable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)
_live: set[Task] = set()  # keeps signal emitters alive until delivered


class Task(QObject):
    done = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._fn = fn
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except Exception as exc:  # delivered to the GUI, which shows it
            log.info("background task failed: %s", type(exc).__name__)
            self.failed.emit(exc)
        else:
            self.done.emit(result)
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


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
    _live.add(task)
    task.finished.connect(lambda: _live.discard(task))
    QThreadPool.globalInstance().start(_Runnable(task))
    return task
