"""An exclusive lock on a file, held for one read-change-write of the vault (never while it is
merely open).

A second writer waits for it (``wait`` seconds, polling), is told once when the wait gets long,
and then gets :class:`~desktop_app.errors.VaultBusyError`. The lock file is private (0600); one
that is not a regular file (a directory, a FIFO) is refused with one line.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from desktop_app.errors import VaultBusyError, VaultError
from desktop_app.i18n import N_

#: how long a writer waits for another's save (a save takes milliseconds; this is for a stuck one)
LOCK_WAIT_SECONDS = 10.0
#: when the waiting one is told that it waits
LOCK_NOTICE_AFTER = 1.0
_POLL = 0.02
WAIT_MESSAGE = "The vault is in use by another Desktop Authenticator; waiting for it..."

LockWaitNotice = Callable[[str], None]


def _try_lock(fh: IO[bytes]) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh: IO[bytes] | None = None

    def acquire(self, wait: float = 0.0, on_wait: LockWaitNotice | None = None) -> None:
        """Take the lock, waiting up to ``wait`` seconds; ``on_wait(message)`` is called once
        when the lock is still taken after :data:`LOCK_NOTICE_AFTER` seconds."""
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            raise VaultError(
                N_(
                    "The vault's lock file ({name}) cannot be opened: {error}. Move it away.",
                    name=self.path.name,
                    error=exc.strerror,
                )
            ) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise VaultError(
                N_(
                    "The vault's lock file ({name}) is not a regular file; move it away.",
                    name=self.path.name,
                )
            )
        fh = os.fdopen(fd, "r+b")
        try:
            if os.name == "posix":
                os.fchmod(fd, 0o600)  # also for a lock file an older version created
            start = time.monotonic()
            told = False
            while not _try_lock(fh):
                waited = time.monotonic() - start
                if waited >= wait:
                    raise VaultBusyError(
                        N_(
                            "The vault is in use by another Desktop Authenticator (window or "
                            "command) whose save has not finished; try again in a moment."
                        )
                    )
                if not told and waited >= LOCK_NOTICE_AFTER and on_wait is not None:
                    told = True
                    on_wait(WAIT_MESSAGE)
                time.sleep(min(_POLL, max(0.0, wait - waited)))
        except BaseException:
            fh.close()
            raise
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()).encode())
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                self._fh.seek(0)
                msvcrt.locking(self._fh.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
        finally:
            self._fh.close()
            self._fh = None

    @property
    def held(self) -> bool:
        return self._fh is not None
