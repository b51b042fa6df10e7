"""Lock, unlock and auto-lock (password-protected vaults only).

    locking = LockController(window, services, clock=time.monotonic)
    locking.lock()                      # closes the vault
    locking.unlock(password)            # opens it again (in a worker)
    locking.locked / unlocked / unlock_failed(message) / busy_changed(bool)   # for the window

Unlocking derives the key (scrypt) in a worker thread, so the window keeps painting. Auto-lock
watches input app-wide only while the ``auto_lock_minutes`` setting is on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication

from desktop_app.app import open_vault_for
from desktop_app.errors import VaultError, WrongPasswordError
from desktop_app.ui.workers import Job, one_line

if TYPE_CHECKING:
    from desktop_app.app import AppServices
    from desktop_app.vault import Vault


class _IdleWatch(QObject):
    """App-wide input watcher for auto-lock."""

    _INPUT = (
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.Wheel,
        QEvent.Type.MouseMove,
    )

    def __init__(self, owner: LockController) -> None:
        super().__init__(owner)
        self._owner = owner

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._INPUT:
            self._owner.mark_active()
        return False


class LockController(QObject):
    about_to_lock = Signal()  # the vault is still open: detach from it, clear the clipboard
    locked = Signal()  # the vault was closed
    unlocked = Signal()  # services.vault is open again
    unlock_failed = Signal(str)  # what to tell the person
    busy_changed = Signal(bool)  # a key is being derived

    def __init__(
        self,
        parent: QObject,
        services: AppServices,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.clock = clock
        self.idle_since = clock()
        self.job = Job(self)  # the key derivation
        self.job.busy_changed.connect(self.busy_changed)
        self._idle_watch: _IdleWatch | None = None

    def can_lock(self) -> bool:
        vault = self.services.vault
        return vault is not None and vault.mode == "password"

    def lock(self) -> None:
        if not self.can_lock():
            return
        self.about_to_lock.emit()  # the window clears the clipboard and detaches
        vault, self.services.vault = self.services.vault, None
        if vault is not None:
            vault.close()
        self.locked.emit()

    def unlock(self, password: str) -> None:
        """Open the vault with ``password`` in a worker; the outcome arrives as a signal."""
        if self.unlocking or self.services.vault is not None:
            return
        self.job.start(
            open_vault_for,
            self.services,
            lambda _creating: password,
            on_done=self._opened,
            on_error=self._failed,
        )

    @property
    def unlocking(self) -> bool:
        return self.job.busy

    def _opened(self, vault: Vault) -> None:
        self.services.vault = vault
        self.mark_active()
        self.unlocked.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, WrongPasswordError):
            self.unlock_failed.emit(self.tr("Wrong password, or the file was changed."))
        else:
            unexpected = self.tr("The vault could not be opened ({kind}).")
            self.unlock_failed.emit(one_line(exc, unexpected, expected=VaultError))

    # --- auto-lock --------------------------------------------------------------------------

    def mark_active(self) -> None:
        self.idle_since = self.clock()

    def check_idle(self, minutes: int) -> None:
        """Lock when auto-lock is on and nothing happened for ``minutes``."""
        if self._idle_watch is None or not minutes or not self.can_lock():
            return
        if self.clock() - self.idle_since > minutes * 60:
            self.lock()

    def watch_input(self, wanted: bool) -> None:
        """Watch input for auto-lock only when auto-lock is on (an app-wide filter costs CPU)."""
        app = QApplication.instance()
        if wanted and self._idle_watch is None and app is not None:
            self._idle_watch = _IdleWatch(self)
            app.installEventFilter(self._idle_watch)
        elif not wanted and self._idle_watch is not None:
            if app is not None:
                app.removeEventFilter(self._idle_watch)
            self._idle_watch = None
