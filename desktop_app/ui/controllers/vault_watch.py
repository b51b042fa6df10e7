"""Take what another process wrote to the vault (a terminal command, another window, later the
sync merge) within a second of its save.

    watch = VaultWatch(window, lambda: services.vault, services.paths.data_dir)
    watch.failed.connect(pages.notice)     # one line when the file on disk is refused

It watches the data **folder**, not the file (a save renames a new file over the old one, and a
watcher of the file stops following it), lets the events of one save settle (a temp file, a
rename: :data:`SETTLE_MS`), then asks ``vault.refresh()``; the vault's listeners reload the list.
A periodic :meth:`~desktop_app.vault.Vault.file_changed` (a status call and a small read) covers
file systems that send no events (network and FUSE mounts). The window's own saves are no change
(the vault knows what it wrote). An open edit dialog is not touched: it applies only the fields
the person changed, to the account as it is when they save.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop_app.errors import VaultError
from desktop_app.ui.i18n import core_text

if TYPE_CHECKING:
    from desktop_app.vault import Vault

log = logging.getLogger(__name__)

#: quiet time after the last event in the folder before the vault is re-read
SETTLE_MS = 250
#: the check without events: a file written in place (copied over by hand) changes no folder
#: entry, and network and FUSE mounts send no events; a status call and a 4 KiB read a second
POLL_MS = 1000


class VaultWatch(QObject):
    """``failed(message)``: the file another process left is refused (said once per message)."""

    failed = Signal(str)
    refreshed = Signal()  # the vault took another process's change

    def __init__(
        self,
        parent: QObject,
        vault: Callable[[], Vault | None],
        folder: Path,
        *,
        settle_ms: int = SETTLE_MS,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._vault = vault
        self._last_error = ""
        self._paused = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self.check)
        self._watcher = QFileSystemWatcher(self)
        if Path(folder).is_dir():
            self._watcher.addPath(str(folder))
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self._poll_once)
        self._poll.start()
        opened = vault()
        if opened is not None and opened.notice:  # opened from its previous generation
            QTimer.singleShot(0, lambda: self.failed.emit(core_text(opened.notice or "")))

    def pause(self) -> None:
        """Leave the file alone while another part replaces it (joining a sync folder writes
        another vault's file over this one's); :meth:`resume` follows the new one."""
        self._paused = True
        self._settle.stop()

    def resume(self) -> None:
        self._paused = False
        self._last_error = ""

    def _poll_once(self) -> None:
        if self._paused:
            return
        vault = self._vault()
        if vault is not None and vault.file_changed():
            self.check()

    def check(self) -> bool:
        """Re-read the vault if another process wrote it; True when something changed."""
        vault = self._vault()
        if vault is None or self._paused:  # locked, or being replaced
            return False
        try:
            changed = vault.refresh()
        except VaultError as exc:
            message = str(exc)
            if message != self._last_error:
                self._last_error = message
                log.warning("the vault file was not re-read: %s", message)
                self.failed.emit(core_text(exc))  # in the GUI's language
            return False
        self._last_error = ""
        if changed:
            self.refreshed.emit()
        return changed

    def stop(self) -> None:
        self._poll.stop()
        self._settle.stop()
        for path in self._watcher.directories():
            self._watcher.removePath(path)
