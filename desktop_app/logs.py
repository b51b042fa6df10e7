"""The loggers of the modules every command loads, and when the log file is set up.

``log = get_logger(__name__)`` stands in for ``logging.getLogger(__name__)``: the same logger,
made when the first line is logged. A command whose own code logs nothing (``list``) then never
imports :mod:`logging` (with ``traceback``, ``tokenize``, ``string``: ~25 M instructions, ~5 ms
of every such command; benchmarks/README.md, "Decisions"). The log file itself
(:mod:`desktop_app.logfile`) is set up by :func:`desktop_app.app.setup_logging`, at once or --
for such a command -- just before the first line is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import logging

_before_first_line: list[Callable[[], None]] = []


def before_first_line(setup: Callable[[], None]) -> None:
    """Run ``setup()`` (once) before a logger of :func:`get_logger` writes its first line; at
    once when :mod:`logging` is already loaded (another part may log through it directly)."""
    if "logging" in sys.modules:
        setup()
    else:
        _before_first_line.append(setup)


def _set_up() -> None:
    while _before_first_line:
        _before_first_line.pop(0)()


class Logger:
    """``logging.getLogger(name)``'s methods for log lines; the logger made at the first."""

    __slots__ = ("_logger", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self._logger: logging.Logger | None = None

    def _get(self) -> logging.Logger:
        if self._logger is None:
            import logging

            _set_up()
            self._logger = logging.getLogger(self.name)
        return self._logger

    # stacklevel=2: the record names the caller, not this class
    def debug(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._get().debug(msg, *args, stacklevel=2, **kwargs)

    def info(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._get().info(msg, *args, stacklevel=2, **kwargs)

    def warning(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._get().warning(msg, *args, stacklevel=2, **kwargs)

    def error(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._get().error(msg, *args, stacklevel=2, **kwargs)

    def exception(self, msg: object, *args: object, **kwargs: Any) -> None:
        self._get().exception(msg, *args, stacklevel=2, **kwargs)


def get_logger(name: str) -> Logger:
    return Logger(name)
