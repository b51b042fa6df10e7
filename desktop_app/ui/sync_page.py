"""Settings → Sync, the quiet status line, and the folder watcher (issue 21).

The work is :class:`desktop_app.sync.service.SyncService`'s (Qt-free); here are only its views:

- :class:`SyncPage`: "Keep my accounts in step through a folder" → pick the folder; the first
  computer sets the synced vault's password, the next one types it once.
- :class:`SyncStatusLine`: "In step · last change from laptop 2 min ago", or what is wrong.
- :class:`SyncWatcher`: the window's sync controller. It follows the folder
  (``ui/folder_section.py``: the folder watched, debounced 1.5 s, polled every 30 s) and merges
  when the synced file's checksum says it holds something new. The app's own write is
  recognised by its hash and does not trigger a merge. It emits ``arrived(n)`` for a toast.

The folder's merges, the setup and the join run in workers through the watcher's two
:class:`~desktop_app.ui.workers.Job` objects, not on the GUI thread: the folder's merges one at a
time (a change noticed meanwhile is merged after the running one), Settings → Sync's work in its
own job (setup and join derive the scrypt key, ~0.3 s), the folder's merges waiting for it. The
watcher belongs to the main window, so a join finishes even when Settings was closed: the joined
vault is put in place of the old one on the GUI thread, through the window's ``replace_vault``.
The window's own saves write the folder through the watcher too (``write_saves_with``): a save
returns at once and its folder write runs in :attr:`SyncWatcher.job` right after it (a merge
running then takes it along); with 500 accounts the write costs ~50 ms, 10,000 ~0.6 s, too long
for the GUI thread. A write not done yet when the app quits is done before the vault closes.
The command line keeps writing the folder as part of each command.

:mod:`desktop_app.sync.service` (with the merge and the folder's file names, ~13 ms) is imported
where first needed: the watcher and the status line are built with the window, and neither
reads the folder before its first frame.
"""

from __future__ import annotations

import functools
import logging
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from desktop_app.errors import AppError
from desktop_app.sync import FOLDER_FILE, is_synced, stop_writing_saves, write_saves_with
from desktop_app.ui import startup
from desktop_app.ui.aegis_follow_section import add_section, install_aegis_follow
from desktop_app.ui.folder_section import FolderFollower, FolderSection
from desktop_app.ui.i18n import ago, core_text
from desktop_app.ui.workers import Job, one_line
from desktop_app.vault import Vault

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from desktop_app.app import AppServices
    from desktop_app.sync.service import SyncResult, SyncService
    from desktop_app.vault import KeyStore

log = logging.getLogger(__name__)

SYNC_SECTION = "Sync"


def _service(services: AppServices) -> SyncService:
    from desktop_app.sync.service import SyncService

    return SyncService(Path(services.paths.data_dir), services.keystore)


class SyncWatcher(FolderFollower):
    """The window's sync controller: merges the folder into the open vault when it changes, and
    runs Settings → Sync's setup, join and "Sync Now" (so that closing Settings loses nothing).

    Merges run in a worker through :attr:`job`, one at a time: a change noticed while one runs
    is merged after it (one waits at most: a newer change is the same request). The outcome
    lands on the GUI thread: ``arrived(n)`` when accounts came from another computer (a toast;
    the list reloads through the vault's listeners), ``status_changed(line)`` after every
    attempt. Settings' work runs in :attr:`work`; ``work_done(kind, result)`` /
    ``work_failed(kind, error)`` (kind ``"setup"``, ``"join"``, ``"sync"``) tell a page that is
    still open."""

    status_changed = Signal(str)
    arrived = Signal(int)
    work_done = Signal(str, object)
    work_failed = Signal(str, object)
    #: a save of the vault wants the folder written (emitted in the thread that saved)
    saved = Signal()

    def __init__(
        self,
        services: AppServices,
        parent: QObject | None = None,
        *,
        start: bool = True,
        host: Any | None = None,
    ) -> None:
        """``start=False``: nothing is watched until :meth:`restart`. ``host``: the main
        window, if any (a joined vault replaces the old one through its ``replace_vault``)."""
        super().__init__(services, parent)  # its job: the folder's merges
        self.host = host
        self.work = Job(self)  # Settings → Sync's setup, join, Sync Now
        self.work.busy_changed.connect(self._work_busy)
        #: a change was noticed while a merge (or Settings' work) ran: merged after it
        self.pending = False
        #: a save's folder write is due (set in the saving thread; cleared when a write starts)
        self.unwritten = False
        self._writing = False  # the running merge is a save's folder write
        self._data_dir = Path(services.paths.data_dir)
        self._notify = _save_notice(self)
        self.saved.connect(self.check, Qt.ConnectionType.QueuedConnection)  # after the save
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.destroyed.connect(functools.partial(_stop_writing, self._data_dir, self._notify))
        if start:
            self.restart()

    @property
    def held(self) -> bool:
        """Settings → Sync's own work runs: the folder's merges wait for it."""
        return self.work.busy

    def restart(self) -> None:
        """Follow the configured folder (after setup, join or leave)."""
        if not is_synced(self.services.paths.data_dir):
            _stop_writing(self._data_dir, self._notify)
            self.folder.stop()
            return
        write_saves_with(self._data_dir, self._notify)  # the window's saves: in the job
        self.folder.start(_configured_folder(self._data_dir))

    def _on_save(self) -> None:
        """In the thread that saved: the folder write is due; :meth:`check` starts it."""
        self.unwritten = True
        self.saved.emit()

    def flush(self) -> None:
        """A save's folder write that has not run yet, now, in this thread (the app quits: the
        vault closes after this)."""
        vault = self.services.vault
        if not self.unwritten or vault is None or not is_synced(self.services.paths.data_dir):
            return
        self.unwritten = False
        try:
            _service(self.services).sync_now(vault)
        except AppError as exc:
            log.info("sync at quit: %s", one_line(exc, "unexpected {kind}"))

    def check(self) -> None:
        """Merge in a worker if the folder holds something this computer did not write; the
        status line is refreshed when it ends (a folder that vanished or came back shows)."""
        vault = self.services.vault
        if vault is None or not is_synced(self.services.paths.data_dir):
            return
        if self.job.busy or self.held:
            self.pending = True  # merged when the running one ends
            return
        self.pending = False
        self.folder.watch(_configured_folder(self._data_dir))  # renamed away and back
        self._writing, self.unwritten = self.unwritten, False
        self.job.start(
            _write_and_merge if self._writing else _merge_if_changed,
            _service(self.services),
            vault,
            on_done=self._merged,
            on_error=self._merge_failed,
        )

    def _merged(self, result: SyncResult | None) -> None:
        self._writing = False
        if result is not None and result.arrived:
            self.arrived.emit(result.arrived)
        self._settled()

    def _merge_failed(self, exc: BaseException) -> None:
        log.info("sync: %s", one_line(exc, "unexpected {kind}"))
        if self._writing:  # still due: the next check (the 30 s poll at the latest) retries
            self.unwritten = True
        self._writing = False
        self._settled()

    def _settled(self) -> None:
        self.emit_status()
        if self.pending and not self.held:
            self.check()

    def emit_status(self) -> None:
        self.status_changed.emit(status_text(self.services))

    # --- Settings → Sync's work (it outlives the dialog) ---------------------------------------

    def _work_busy(self, busy: bool) -> None:
        if not busy and self.pending:
            # after the outcome's own slot (a join first puts the joined vault in place)
            QTimer.singleShot(0, self, self.check)

    def _vault_watch(self) -> Any:
        return getattr(self.host, "vault_watch", None)

    def setup(self, folder: Path, password: str) -> bool:
        """Move the vault to ``folder`` (in a worker); False while other work runs."""
        vault = self.services.vault
        if vault is None:
            return False
        return self.work.start(
            _service(self.services).setup,
            vault,
            folder,
            password,
            on_done=lambda r: self._work_ended("setup", r),
            on_error=lambda e: self._work_error("setup", e),
        )

    def join(self, folder: Path, password: str) -> bool:
        """Join the synced vault in ``folder`` (in a worker); the joined vault is put in place
        of the old one on the GUI thread, whether or not Settings is still open."""
        vault = self.services.vault
        if vault is None or self.work.busy:
            return False
        watch = self._vault_watch()
        if watch is not None:
            watch.pause()  # the join writes another vault's file here
        return self.work.start(
            _join,
            _service(self.services),
            folder,
            password,
            vault,
            Path(self.services.paths.data_dir),
            self.services.keystore,
            on_done=self._joined,
            on_error=self._join_failed,
        )

    def sync_now(self) -> bool:
        """Merge now (in a worker), whatever the folder's hash says."""
        vault = self.services.vault
        if vault is None:
            return False
        return self.work.start(
            _service(self.services).sync_now,
            vault,
            on_done=lambda r: self._work_ended("sync", r),
            on_error=lambda e: self._work_error("sync", e),
        )

    def _join_failed(self, exc: BaseException) -> None:
        watch = self._vault_watch()
        if watch is not None:
            watch.resume()
        self._work_error("join", exc)

    def _joined(self, joined: Vault) -> None:
        """On the GUI thread: the joined vault opens in place of the old one everywhere."""
        replace = getattr(self.host, "replace_vault", None)
        if replace is not None:
            replace(joined)
        else:
            old = self.services.vault
            self.services.vault = joined
            if old is not None and old is not joined:
                old.close()
        self._work_ended("join", joined)

    def _work_ended(self, kind: str, result: object) -> None:
        if kind == "setup" and self.services.vault is not None:
            from desktop_app.sync.service import attach

            # from now on the window's saves write the folder too (as a vault opened synced)
            attach(self.services.vault, Path(self.services.paths.data_dir), self.services.keystore)
        if kind != "sync":
            self.restart()
        arrived = getattr(result, "arrived", 0)
        if arrived:
            self.arrived.emit(arrived)
        self.emit_status()
        self.work_done.emit(kind, result)

    def _work_error(self, kind: str, exc: BaseException) -> None:
        self.emit_status()
        self.work_failed.emit(kind, exc)


def _merge_if_changed(service: SyncService, vault: Vault) -> SyncResult | None:
    """In a worker: the watcher's merge, when the folder holds something new."""
    if not service.folder_changed():
        return None
    return service.sync_now(vault)


def _write_and_merge(service: SyncService, vault: Vault) -> SyncResult:
    """In a worker: a save's folder write (a merge; one running elsewhere takes it along)."""
    return service.sync_now(vault, wait=False)


def _save_notice(watcher: SyncWatcher) -> Callable[[], None]:
    """What a save calls (in the thread that saved) to have ``watcher`` write the folder; it
    does not keep the watcher alive, and raises once the watcher is gone (the save then writes
    the folder itself)."""
    ref = weakref.ref(watcher)

    def notify() -> None:
        alive = ref()
        if alive is None:
            raise RuntimeError("the sync watcher is gone")
        alive._on_save()

    return notify


def _configured_folder(data_dir: Path) -> str:
    """The synced vault's folder ("" when its settings cannot be read)."""
    from desktop_app.sync.service import load_config

    try:
        return load_config(data_dir).folder
    except AppError:
        return ""


def _stop_writing(data_dir: Path, notify: Any) -> None:
    """The window's saves no longer go through this watcher (it is gone, or not synced)."""
    stop_writing_saves(data_dir, notify)


def status_text(services: AppServices, now_ms: int | None = None) -> str:
    """The quiet line in the GUI's language: "In step · last change from laptop 2 min ago", or
    what is wrong ("" when the vault is not synced)."""
    if not is_synced(services.paths.data_dir):
        return ""
    try:
        status = _service(services).status()
    except AppError as exc:
        return core_text(exc)
    if not status.get("synced"):
        return QCoreApplication.translate("SyncStatus", "Not synced")
    if status.get("problem"):
        return core_text(status["problem"])
    parts = [QCoreApplication.translate("SyncStatus", "In step")]
    change = status.get("last_change") or {}
    if change.get("device") and change.get("at"):
        now = now_ms if now_ms is not None else int(time.time() * 1000)
        parts.append(
            QCoreApplication.translate("SyncStatus", "last change from {device} {ago}").format(
                device=change["device"], ago=ago((now - int(change["at"])) // 1000)
            )
        )
    conflicts = int(status.get("conflicts") or 0)
    if conflicts:
        if conflicts == 1:
            text = QCoreApplication.translate(
                "SyncStatus",
                "1 account changed on both computers: the newer edit was kept, the older one is in the account's history",
            )
        else:
            text = QCoreApplication.translate(
                "SyncStatus",
                "{n} accounts changed on both computers: the newer edits were kept, the older ones are in the account's history",
            )
        parts.append(text.format(n=conflicts))
    foreign = len(status.get("foreign") or ())
    if foreign:
        parts.append(
            QCoreApplication.translate(
                "SyncStatus", "{n} file(s) of another vault in the folder: import them?"
            ).format(n=foreign)
        )
    return " · ".join(parts)


class SyncStatusLine(QLabel):
    """The quiet line under the list; hidden when the vault is not synced."""

    def __init__(
        self, watcher: SyncWatcher, parent: QWidget | None = None, *, start: bool = True
    ) -> None:
        """``start=False``: hidden and empty until :meth:`start`."""
        super().__init__(parent)
        self._watcher = watcher
        self.setObjectName("sync_status")
        self.setAccessibleName(self.tr("Sync status"))
        self.setWordWrap(True)
        self.setContentsMargins(12, 4, 12, 6)
        self.setStyleSheet("QLabel#sync_status { color: palette(placeholder-text); }")
        watcher.status_changed.connect(self.show_status)
        self._ticker = QTimer(self)  # "2 min ago" moves on
        self._ticker.setInterval(60_000)
        self._ticker.timeout.connect(self.refresh)
        if start:
            self.start()
        else:
            self.setVisible(False)

    def start(self) -> None:
        """Show the status now, and again every minute."""
        self.refresh()
        self._ticker.start()

    def refresh(self) -> None:
        self.show_status(status_text(self._watcher.services))

    def show_status(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def _arrived_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("SyncPage", "1 account arrived from another computer")
    return QCoreApplication.translate(
        "SyncPage", "{n} accounts arrived from another computer"
    ).format(n=n)


def install_sync(window: Any, parent: QWidget) -> SyncStatusLine:
    """The main window's part: ``window.sync_watcher`` (its toast through ``window.notice``) and
    ``window.sync_status``, the line returned for the window's layout. The folder watch and the
    line's first words (a synced vault reads the folder to say them) wait for the window's first
    frame (ui/startup.py)."""
    watcher = SyncWatcher(window.services, window, start=False, host=window)
    watcher.arrived.connect(lambda n: window.notice(_arrived_text(n)))
    window.sync_watcher = watcher
    line = SyncStatusLine(watcher, parent, start=False)
    window.sync_status = line
    install_aegis_follow(window)  # the phone bridge

    def start() -> None:
        watcher.restart()
        line.start()

    startup.after_first_paint(window, start)
    return line


class SyncPage(FolderSection):
    """Settings → Sync."""

    changed = Signal()  # set up, joined or left

    def __init__(
        self,
        services: AppServices,
        watcher: SyncWatcher | None,
        parent: QWidget | None = None,
        *,
        host: Any | None = None,
    ) -> None:
        """``host``: the main window, if any; a joined vault replaces the old one through its
        ``replace_vault`` (its list, vault watch and controllers follow), and its
        ``vault_watch`` leaves the file alone while the join writes it."""
        self.services = services
        super().__init__(
            parent,
            "sync_page",
            self.tr("Keep my accounts in step through a folder"),
            self.tr(
                "Pick a folder that Syncthing, Nextcloud, Dropbox or a network share keeps in "
                "step between your computers. The accounts are stored there encrypted; each "
                "computer merges the others' changes, so nothing is lost."
            ),
            (
                "sync_folder",
                self.tr("Sync folder"),
                self.tr("The folder the accounts are synced in."),
            ),
            (
                "sync_choose_folder",
                self.tr("Pick the folder your sync program keeps in step."),
                self.tr("Sync Folder"),
            ),
        )
        self.host = host
        if watcher is None:  # no window: the page's own (its work goes with the page)
            watcher = SyncWatcher(services, self, start=False, host=host)
        elif watcher.host is None:
            watcher.host = host
        self.watcher = watcher
        # the work runs in the watcher's job, which outlives this page (closing Settings
        # during a join still puts the joined vault in place)
        self.job = watcher.work
        self.job.busy_changed.connect(self._set_busy)
        watcher.work_done.connect(self._work_done)
        watcher.work_failed.connect(self._work_failed)
        self._build_password()
        self.start_button, self.now_button, self.leave_button = self.finish(
            (
                (
                    "sync_start",
                    self.tr("Keep in Step"),
                    self.tr("Start keeping the accounts in step through the chosen folder."),
                    self.start,
                ),
                (
                    "sync_now",
                    self.tr("Sync Now"),
                    self.tr("Merge what the folder holds now, and write the result back."),
                    self.sync_now,
                ),
                (
                    "sync_leave",
                    self.tr("Stop Syncing"),
                    self.tr("Stop syncing on this computer; its accounts stay here."),
                    self.leave,
                ),
            ),
            "sync_page_status",
            "sync_message",
        )
        add_section(self.lay, services, self, host)  # the phone bridge
        self.lay.addStretch(1)
        if is_synced(services.paths.data_dir):
            self.folder_edit.setText(_configured_folder(Path(services.paths.data_dir)))
        self.refresh()

    def _build_password(self) -> None:
        self.password_label = self.add_note()
        self.password = self.add_password(
            "sync_password",
            self.tr("Password of the synced vault"),
            self.tr("The password other computers type once to join."),
            self.tr("Password"),
        )
        self.confirm = self.add_password(
            "sync_password_again",
            self.tr("The password again"),
            self.tr("Type the same password again."),
            self.tr("The password again"),
        )

    # --- state ----------------------------------------------------------------------------

    def _joining(self) -> bool:
        """The chosen folder already holds a synced vault (so this computer joins it)."""
        text = self.folder_text()
        return bool(text) and (Path(text) / FOLDER_FILE).exists()

    def refresh(self) -> None:
        synced = is_synced(self.services.paths.data_dir)
        joining = self._joining()
        self.folder_edit.setReadOnly(synced)
        self.choose_button.setEnabled(not synced)
        for w in (self.password, self.confirm, self.password_label, self.start_button):
            w.setVisible(not synced)
        self.confirm.setVisible(not synced and not joining)
        self.now_button.setVisible(synced)
        self.leave_button.setVisible(synced)
        if joining:
            self.password_label.setText(
                self.tr(
                    "This folder already holds your accounts from another computer. Type their "
                    "password once; from then on this computer opens them without it."
                )
            )
            self.start_button.setText(self.tr("Join"))
        else:
            self.password_label.setText(
                self.tr(
                    "Choose a password for the synced accounts. Your keyring stays on this "
                    "computer, so the other computers need this password once."
                )
            )
            self.start_button.setText(self.tr("Keep in Step"))
        self.start_button.setEnabled(bool(self.folder_text()))
        self.status.setText(status_text(self.services))

    # --- actions --------------------------------------------------------------------------

    def _set_busy(self, busy: bool) -> None:
        """While a setup, join or merge runs (scrypt, file I/O): nothing to press twice."""
        for w in (
            self.folder_edit,
            self.choose_button,
            self.password,
            self.confirm,
            self.start_button,
            self.now_button,
            self.leave_button,
        ):
            w.setEnabled(not busy)
        if not busy:
            self.refresh()

    def start(self) -> None:
        vault = self.services.vault
        folder = Path(self.folder_text())
        password = self.password.text()
        if vault is None or not self.folder_text() or self.job.busy:
            return
        if not password:
            self.say(self.tr("Type the password first."))
            return
        joining = self._joining()
        if not joining and self.confirm.text() != password:
            self.say(self.tr("The two passwords differ."))
            return
        self.password.clear()
        self.confirm.clear()
        if joining:
            if self.watcher.join(folder, password):
                self.say(self.tr("Joining… (opening the synced accounts with the password)"))
        elif self.watcher.setup(folder, password):
            self.say(self.tr("Moving your accounts to the folder…"))

    def _work_done(self, kind: str, result: Any) -> None:
        if kind == "join":
            self._started(
                self.tr("Joined: {n} accounts are in step with your other computers.").format(
                    n=len(result)
                )
            )
        elif kind == "setup":
            self._started(self.tr("Your accounts are now kept in step through this folder."))
        else:
            self._synced(result)

    def _work_failed(self, kind: str, exc: BaseException) -> None:
        self.say_failed(exc, nothing_changed=kind != "sync")

    def _started(self, text: str) -> None:
        self.say(text)
        self.refresh()
        self.changed.emit()

    def sync_now(self) -> None:
        if self.services.vault is None or self.job.busy:
            return
        if self.watcher.sync_now():
            self.say(self.tr("Merging what the folder holds…"))

    def _synced(self, result: SyncResult) -> None:
        n = result.arrived
        self.say(_arrived_text(n) + "." if n else self.tr("In step."))
        self.refresh()

    def leave(self) -> None:
        try:
            _service(self.services).leave()
        except AppError as exc:
            self.say(core_text(exc))
            return
        self.watcher.restart()
        self.watcher.emit_status()
        self.say(self.tr("This computer no longer syncs; its accounts stay here."))
        self.refresh()
        self.changed.emit()


def _join(
    service: SyncService,
    folder: Path,
    password: str,
    old: Vault,
    data_dir: Path,
    keystore: KeyStore | None,
) -> Vault:
    """In a worker: join ``folder`` (``old``'s accounts go in), open the joined vault, merge
    once. The caller puts the returned vault in place of ``old`` on the GUI thread."""
    from desktop_app.sync.service import attach

    service.join(folder, password, vault=old)
    joined = Vault.open(data_dir, keystore=keystore, password_provider=lambda _c: password)
    try:
        attach(joined, data_dir, keystore)
        service.sync_now(joined)
    except BaseException:
        joined.close()
        raise
    return joined
