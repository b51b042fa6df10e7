"""The presenters' runner in the app: portal calls on a :class:`~desktop_app.ui.workers.Job`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop_app.ui.emnify.ports import Runner
from desktop_app.ui.workers import Job


def job_runner(job: Job) -> Runner:
    """A presenter's runner on a :class:`Job`: the call runs in the pool and its outcome comes
    back on the GUI thread, never after the job's owner is gone or the job was cancelled. The
    presenters run one call at a time themselves, so a new call only supersedes an abandoned
    one."""

    def start(
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        job.start(fn, on_done=on_done, on_error=on_error, supersede=True)

    return start
