"""Automatic encrypted backups: after each change of the vault, an Aegis vault file is written.

Settings: ``backup_enabled`` (off by default), ``backup_folder``, ``backup_keep`` (the newest N
files named ``aegis-backup-YYYYMMDD-HHMMSS-ffffff.json`` are kept; older ones are deleted; other
files in the folder are never touched).

**The backup password** is chosen by the person once (on the Settings → Backups page,
:func:`set_backup_password`) and kept in the OS keyring (item
``backup-password``), never on disk in plain text. A random key in the keyring was rejected: a
lost computer takes its keyring along, and the backups would then be unreadable, which defeats
them. With the password, a backup opens anywhere -- in this app's import or in Aegis itself.
Without a password or a folder no backup is written; :meth:`AutoBackup.problem` says what is
missing (checked before any backup is asked for, so the window can warn at once) and
:attr:`AutoBackup.last_error` why the last attempt failed. Listeners added with
:meth:`AutoBackup.add_status_listener` hear of every attempt (from the writer thread).

Writing happens on one background thread; changes arriving while a backup is written are
coalesced into one more backup. The scrypt derivation (n=32768) is done once per password: the
master key it wraps is reused for each file, each sealed with a fresh nonce.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.errors import AppError
from desktop_app.i18n import N_, Text
from desktop_app.logs import get_logger
from desktop_app.paths import private_dir
from desktop_app.settings import BACKUP_ENABLED, BACKUP_FOLDER, BACKUP_KEEP, Setting, Settings
from desktop_app.vault import KeyStore, Vault, atomic_write

if TYPE_CHECKING:  # the Aegis writer (and uuid) is loaded at the first backup written, not at
    # every vault opening: 3.5 % of `list --json` (benchmarks/README.md, Decisions)
    from desktop_app.exporters.aegis import AegisSealer

log = get_logger(__name__)

PASSWORD_ITEM = "backup-password"
FILE_PATTERN = re.compile(r"^aegis-backup-\d{8}-\d{6}-\d{6}\.json$")
_WATCHED_SETTINGS = (BACKUP_ENABLED, BACKUP_FOLDER, BACKUP_KEEP)


class BackupError(AppError):
    """An automatic backup cannot be written (no folder, no password, disk error)."""


def set_backup_password(keystore: KeyStore, password: str) -> None:
    if not password:
        raise BackupError(N_("The backup password must not be empty."))
    keystore.set(PASSWORD_ITEM, password)


def has_backup_password(keystore: KeyStore) -> bool:
    try:
        return bool(keystore.get(PASSWORD_ITEM))
    except AppError:
        return False


def default_folder() -> Path:
    """The folder offered when none is chosen: "Authenticator backups" in the person's
    Documents folder (in the home folder when there is no Documents folder)."""
    home = Path(os.environ.get("HOME") or Path.home())
    documents = home / "Documents"
    return (documents if documents.is_dir() else home) / "Authenticator backups"


def folder_writable(folder: Path) -> bool:
    """Whether backups can be written to ``folder``: it is a writable folder, or the nearest
    existing folder above it is (the backup creates the missing ones)."""
    probe = folder
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    return probe.is_dir() and os.access(probe, os.W_OK | os.X_OK)


def backup_files(folder: Path) -> list[Path]:
    """This app's backups in ``folder``, oldest first."""
    try:
        names = sorted(p.name for p in folder.iterdir() if FILE_PATTERN.match(p.name))
    except OSError:
        return []
    return [folder / n for n in names]


def _message(exc: BaseException) -> str:
    """The exception's message, a :class:`Text` kept as such (the GUI translates it)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


class AutoBackup:
    """Writes an encrypted backup after every vault change while ``backup_enabled`` is on.

    Start-up: ``services.cleanup.append(AutoBackup(vault, settings, keystore).install().close)``
    """

    def __init__(
        self,
        vault: Vault,
        settings: Settings,
        keystore: KeyStore,
        *,
        scrypt_n: int | None = None,  # None: Aegis's own cost (AEGIS_SCRYPT_N)
    ) -> None:
        self.vault = vault
        self.settings = settings
        self.keystore = keystore
        self.scrypt_n = scrypt_n
        self.last_path: Path | None = None
        self.last_time: float | None = None  # time.time() of the last backup written
        self.last_error: str | None = None
        self._status_listeners: list[Callable[[], None]] = []
        self.written = 0
        self._sealer: tuple[bytes, AegisSealer] | None = None
        self._cv = threading.Condition()
        self._dirty = False
        self._running = False
        self._stop = False
        self._thread: threading.Thread | None = None
        self._write_lock = threading.Lock()

    # --- wiring ---------------------------------------------------------------------------------

    def install(self) -> AutoBackup:
        """Listen to vault and setting changes. Returns self. The writer thread starts with the
        first backup asked for: a command or a session that changes nothing never starts it."""
        self.vault.add_listener(self._on_vault_change)
        self.settings.add_listener(self._on_setting_change)
        return self

    def close(self, timeout: float = 30.0) -> None:
        """Write a pending backup, then stop the thread."""
        self.vault.remove_listener(self._on_vault_change)
        with self._cv:
            self._stop = True
            self._cv.notify_all()
            thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)

    @property
    def enabled(self) -> bool:
        return bool(self.settings.value(BACKUP_ENABLED))

    def add_status_listener(self, listener: Callable[[], None]) -> None:
        """``listener()`` after each backup attempt (called from the writer thread)."""
        self._status_listeners.append(listener)

    def remove_status_listener(self, listener: Callable[[], None]) -> None:
        if listener in self._status_listeners:
            self._status_listeners.remove(listener)

    def _status_changed(self) -> None:
        for listener in list(self._status_listeners):
            try:
                listener()
            except Exception:
                log.exception("backup status listener failed")

    def problem(self) -> Text | str | None:
        """Why backups are not being written (a short sentence), or None when nothing is
        missing and the last attempt (if any) worked. Asks nothing of the disk but an access
        check; reads the keyring for whether a password is set."""
        folder_text = str(self.settings.value(BACKUP_FOLDER) or "").strip()
        if not folder_text:
            return N_("No backup folder is chosen.")
        if not has_backup_password(self.keystore):
            return N_("No backup password is set.")
        if not folder_writable(Path(folder_text).expanduser()):
            return N_("The backup folder is not writable.")
        return self.last_error

    def _on_vault_change(self) -> None:
        if self.enabled:
            self._request()

    def _on_setting_change(self, which: Setting[Any], _value: Any) -> None:
        if which in _WATCHED_SETTINGS and self.enabled:
            self._request()

    def request(self) -> None:
        """Write a backup soon (on the writer thread) when backups are on: after the password
        or the folder was set, so the state shown is the real one at once."""
        if self.enabled:
            self._request()

    def _request(self) -> None:
        with self._cv:
            if self._stop:
                return
            self._dirty = True
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="auto-backup", daemon=True)
                self._thread.start()
            self._cv.notify_all()

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until no backup is pending or being written (tests, shutdown)."""
        with self._cv:
            return self._cv.wait_for(lambda: not self._dirty and not self._running, timeout)

    def _run(self) -> None:
        while True:
            with self._cv:
                while not self._dirty and not self._stop:
                    self._cv.wait()
                if not self._dirty:
                    return
                self._dirty = False
                self._running = True
            try:
                if self.enabled:
                    self.write_now()
            except AppError as exc:
                self.last_error = _message(exc)
                log.warning("automatic backup failed: %s", exc)
            except Exception as exc:  # keep the thread alive; report it
                self.last_error = N_("The backup failed ({error}).", error=type(exc).__name__)
                log.exception("automatic backup failed")
            finally:
                with self._cv:
                    self._running = False
                    self._cv.notify_all()
                self._status_changed()

    # --- writing --------------------------------------------------------------------------------

    def _sealer_for(self, password: str) -> AegisSealer:
        digest = hashlib.sha256(password.encode("utf-8")).digest()
        if self._sealer is None or self._sealer[0] != digest:
            from desktop_app.exporters.aegis import AEGIS_SCRYPT_N, AegisSealer

            cost = AEGIS_SCRYPT_N if self.scrypt_n is None else self.scrypt_n
            self._sealer = (digest, AegisSealer(password, scrypt_n=cost))
        return self._sealer[1]

    def write_now(self) -> Path:
        """Write one backup now (whatever ``backup_enabled`` says); prune old ones."""
        with self._write_lock:
            try:
                path = self._write()
            except BackupError as exc:
                self.last_error = _message(exc)
                raise
            self.last_error = None
            self.last_path = path
            self.last_time = time.time()
            self.written += 1
            return path

    def _write(self) -> Path:
        folder_text = str(self.settings.value(BACKUP_FOLDER) or "").strip()
        if not folder_text:
            raise BackupError(
                N_("Automatic backups need a backup folder: choose one in Settings → Backups.")
            )
        password = self.keystore.get(PASSWORD_ITEM)
        if not password:
            raise BackupError(
                N_("Automatic backups need a backup password: set one in Settings → Backups.")
            )
        folder = Path(folder_text).expanduser()
        data = self._sealer_for(password).seal(self.vault.entries())
        try:
            private_dir(folder, own=False)
            path = self._new_path(folder)
            atomic_write(path, data)
        except OSError as exc:
            raise BackupError(
                N_(
                    "The backup cannot be written to {folder}: {reason}.",
                    folder=str(folder),
                    reason=exc.strerror or str(exc),
                )
            ) from None
        self._prune(folder, int(self.settings.value(BACKUP_KEEP)))
        log.info("automatic backup written (%d accounts)", len(self.vault))
        return path

    @staticmethod
    def _new_path(folder: Path) -> Path:
        now = time.time()
        while True:
            stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now))
            micro = int((now % 1) * 1_000_000)
            path = folder / f"aegis-backup-{stamp}-{micro:06d}.json"
            if not path.exists():
                return path
            now += 0.000001

    @staticmethod
    def _prune(folder: Path, keep: int) -> None:
        files = backup_files(folder)
        for old in files[: max(0, len(files) - max(1, keep))]:
            try:
                old.unlink()
            except OSError as exc:
                log.warning("old backup %s cannot be deleted: %s", old.name, exc.strerror)
