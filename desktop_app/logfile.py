"""The app's log file: private (0600), rotated at a size; installed by ``app.setup_logging``."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop_app.paths import AppPaths, private_dir

LOG_MAX_BYTES = 512_000
LOG_BACKUPS = 2


class PrivateLogHandler(logging.FileHandler):
    """The app's log file: readable by the owner only (0600), rotated ones too, and rotated when
    a line would take it past ``max_bytes`` (``name.log`` -> ``name.log.1`` -> ... ->
    ``name.log.<backups>``, the oldest dropped).

    Written on :class:`logging.FileHandler` rather than ``logging.handlers.RotatingFileHandler``:
    importing ``logging.handlers`` loads socket, pickle and queue for handlers this app never
    uses, at every start; benchmarks/README.md has the measurement that keeps this copy."""

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, encoding="utf-8")

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if os.name == "posix":
            os.fchmod(fd, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stream = self.stream
            if stream is not None and self.max_bytes > 0:
                line = self.format(record) + self.terminator
                if stream.tell() + len(line.encode(self.encoding or "utf-8")) > self.max_bytes:
                    self.rotate()
        except Exception:
            self.handleError(record)
            return
        super().emit(record)

    def rotate(self) -> None:
        """Start a new file now, keeping ``backups`` earlier ones."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for i in range(self.backups - 1, 0, -1):
            older = f"{base}.{i}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{i + 1}")
        if self.backups > 0 and os.path.exists(base):
            os.replace(base, f"{base}.1")
        elif os.path.exists(base):
            os.remove(base)
        self.stream = self._open()


def install_file_log(paths: AppPaths, verbose: bool = False) -> None:
    """Log to a rotating file in the log folder (once per process)."""
    root = logging.getLogger()
    if any(getattr(h, "_desktop_app", False) for h in root.handlers):
        return
    private_dir(paths.log_dir)
    handler = PrivateLogHandler(
        paths.log_dir / "desktop-authenticator.log", max_bytes=LOG_MAX_BYTES, backups=LOG_BACKUPS
    )
    handler._desktop_app = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
