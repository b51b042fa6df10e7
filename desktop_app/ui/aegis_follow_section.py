"""Settings → Sync → "Follow an Aegis backup folder" (issue 21, the phone bridge), and the window's
follower that reads that folder when it changes.

The work is :mod:`desktop_app.sync.aegis_bridge`'s (Qt-free); here are only its views:

- :class:`AegisFollower`: the window's part. It follows the folder as the sync folder's watcher
  does (``ui/folder_section.py``: the folder watched, debounced, polled every 30 s). Each read
  runs in a worker through its :class:`~desktop_app.ui.workers.Job` (an encrypted backup costs one
  scrypt derivation), one at a time; ``arrived(text)`` when the phone's changes came in (a toast),
  ``changed()`` after every attempt.
- :class:`AegisFollowSection`: choose the folder, the backups' password when they are encrypted
  (kept in the keyring), the last-read line ("Read aegis-backup-20261207-101500.json 2 min ago:
  1 added, 2 changed"), stop.

:mod:`desktop_app.sync.aegis_bridge` (with the merge, ~5.5 ms) and the importers (~50 ms) are
imported where first needed: the section is built with the window, and neither is needed before
its first frame.
"""

from __future__ import annotations

import logging
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal

from desktop_app.errors import AppError
from desktop_app.sync import is_following
from desktop_app.ui import startup
from desktop_app.ui.folder_section import FolderFollower, FolderSection
from desktop_app.ui.i18n import ago, core_text

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from desktop_app.app import AppServices
    from desktop_app.sync.aegis_bridge import FollowResult

log = logging.getLogger(__name__)


def _following(services: AppServices) -> bool:
    return is_following(services.paths.data_dir)


def followed_folder(services: AppServices) -> str:
    """The followed folder ("" when none, or its state cannot be read)."""
    from desktop_app.sync.aegis_bridge import load_state

    try:
        state = load_state(Path(services.paths.data_dir))
    except AppError:
        return ""
    return state.folder if state is not None else ""


def _counts(added: int, changed: int, removed: int) -> str:
    parts = []
    if added:
        parts.append(QCoreApplication.translate("AegisFollowSection", "{n} added").format(n=added))
    if changed:
        parts.append(
            QCoreApplication.translate("AegisFollowSection", "{n} changed").format(n=changed)
        )
    if removed:
        parts.append(
            QCoreApplication.translate("AegisFollowSection", "{n} removed").format(n=removed)
        )
    return ", ".join(parts) or QCoreApplication.translate("AegisFollowSection", "nothing new")


def status_text(services: AppServices, now_ms: int | None = None) -> str:
    """The section's last-read line, or what is wrong ("" when no folder is followed)."""
    from desktop_app.sync.aegis_bridge import status

    info = status(Path(services.paths.data_dir))
    if not info.get("following"):
        return ""
    if info.get("password_needed") == "changed":  # aegis_bridge.PASSWORD_CHANGED
        return QCoreApplication.translate(
            "AegisFollowSection",
            "The kept password no longer opens the phone's backups (was it changed on the "
            "phone?): type the new one, once. Nothing was read since.",
        )
    if info.get("password_needed"):
        return QCoreApplication.translate(
            "AegisFollowSection",
            "The phone's backups are encrypted now: type their password, once. Nothing was "
            "read since.",
        )
    if info.get("problem"):
        return str(info["problem"])
    if not info.get("last_file"):
        return QCoreApplication.translate(
            "AegisFollowSection", "Following the folder: no Aegis backup in it yet."
        )
    now = now_ms if now_ms is not None else int(time.time() * 1000)
    return QCoreApplication.translate("AegisFollowSection", "Read {file} {ago}: {counts}").format(
        file=info["last_file"],
        ago=ago((now - int(info.get("last_read_ms") or 0)) // 1000),
        counts=_counts(
            int(info.get("added") or 0),
            int(info.get("changed") or 0),
            int(info.get("removed") or 0),
        ),
    )


class AegisFollower(FolderFollower):
    """Reads the followed Aegis folder into the open vault when it changes (see the module)."""

    _asked = ""  # why the phone's password was last asked for (told in a toast once)

    arrived = Signal(str)  # what came from the phone, for a toast
    changed = Signal()  # after every attempt, and after follow/stop

    def __init__(
        self, services: AppServices, parent: QObject | None = None, *, start: bool = True
    ) -> None:
        super().__init__(services, parent)
        if start:
            self.restart()

    def restart(self) -> None:
        """Watch the followed folder (after follow or stop), and read it once now."""
        if not _following(self.services):
            self.folder.stop()
            return
        self.folder.start(followed_folder(self.services))
        self.check()

    def check(self) -> None:
        """Read the folder in a worker when a backup not read yet is there."""
        vault = self.services.vault
        if vault is None or self.job.busy or not _following(self.services):
            return
        from desktop_app.sync.aegis_bridge import pull

        self.folder.watch(followed_folder(self.services))  # renamed away and back
        self.job.start(
            partial(pull, keystore=self.services.keystore),
            vault,
            on_done=self._pulled,
            on_error=self._failed,
        )

    def _pulled(self, result: FollowResult) -> None:
        self._asked = ""
        if result.new_file and (result.added or result.changed or result.removed):
            self.arrived.emit(
                QCoreApplication.translate("AegisFollowSection", "From the phone: {counts}").format(
                    counts=_counts(result.added, result.changed, result.removed)
                )
            )
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        log.info("the Aegis folder was not read (the status line says why)")
        from desktop_app.sync.aegis_bridge import PasswordNeeded

        if isinstance(exc, PasswordNeeded) and self._asked != exc.reason:
            self._asked = exc.reason  # told once (per start), not at every poll
            self.arrived.emit(
                QCoreApplication.translate(
                    "AegisFollowSection",
                    "Aegis backups need their password: see Settings → Sync",
                )
            )
        self.changed.emit()

    def follow(
        self,
        folder: Path,
        password: str | None,
        on_done: Any,
        on_error: Any,
    ) -> bool:
        """Start following ``folder`` in the worker (False while a read runs)."""
        vault = self.services.vault
        if vault is None:
            return False
        from desktop_app.sync.aegis_bridge import follow

        def done(result: FollowResult) -> None:
            self.restart()
            on_done(result)
            self.changed.emit()

        return self.job.start(
            partial(follow, keystore=self.services.keystore, password=password),
            vault,
            folder,
            on_done=done,
            on_error=on_error,
        )

    def stop(self) -> bool:
        """Stop following; False (nothing done) while a read runs."""
        from desktop_app.sync.aegis_bridge import stop

        if self.job.busy:
            return False
        vault = self.services.vault
        stop(
            Path(self.services.paths.data_dir),
            vault.vault_id if vault is not None else None,
            self.services.keystore,
        )
        self.restart()
        self.changed.emit()
        return True


def install_aegis_follow(window: Any) -> AegisFollower:
    """The main window's part: ``window.aegis_follower`` (its toast through ``window.notice``),
    started after the window's first frame."""
    follower = AegisFollower(window.services, window, start=False)
    follower.arrived.connect(window.notice)
    window.aegis_follower = follower
    startup.after_first_paint(window, follower.restart)
    return follower


def add_section(lay: QVBoxLayout, services: AppServices, parent: QWidget, host: Any) -> None:
    """Settings → Sync's hook: the section, below the sync folder's, with the window's follower
    (``host.aegis_follower``) when there is a window."""
    lay.addSpacing(12)
    follower = getattr(host, "aegis_follower", None)
    lay.addWidget(AegisFollowSection(services, parent, follower=follower))


class AegisFollowSection(FolderSection):
    """Settings → Sync → "Follow an Aegis backup folder"."""

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        *,
        follower: AegisFollower | None = None,
    ) -> None:
        """``follower``: the window's; without one (no window) the section has its own."""
        self.services = services
        super().__init__(
            parent,
            "aegis_follow",
            self.tr("Follow an Aegis backup folder"),
            self.tr(
                "Aegis on your phone can write its automatic backups to a folder that your sync "
                "program brings here. The phone's new, changed and deleted accounts then come "
                "in. To send this computer's changes back, point the automatic backups "
                "(Settings → Backups) at the same folder and import them in Aegis."
            ),
            (
                "aegis_folder",
                self.tr("Aegis backup folder"),
                self.tr("The folder where Aegis writes its automatic backups."),
            ),
            (
                "aegis_choose",
                self.tr("Pick the folder where Aegis writes its backups."),
                self.tr("Aegis Backup Folder"),
            ),
        )
        self.follower = follower if follower is not None else AegisFollower(services, self)
        self.follower.changed.connect(self.refresh)
        self.follower.job.busy_changed.connect(lambda _b: self.refresh())
        self._build_password()
        self.follow_button, self.stop_button = self.finish(
            (
                (
                    "aegis_follow_start",
                    self.tr("Follow"),
                    self.tr(
                        "Bring in the phone's changes from this folder, now and whenever it changes."
                    ),
                    self.start,
                ),
                (
                    "aegis_follow_stop",
                    self.tr("Stop Following"),
                    self.tr("Stop reading the folder; the accounts stay here."),
                    self.stop,
                ),
            ),
            "aegis_follow_status",
            "aegis_follow_message",
        )
        self.folder_edit.setText(followed_folder(services))
        self.refresh()

    def _build_password(self) -> None:
        self.password_label = self.add_note(
            self.tr(
                "The backups are encrypted: type their password once. It is kept in this "
                "computer's keyring."
            )
        )
        self.password = self.add_password(
            "aegis_password",
            self.tr("Password of the Aegis backups"),
            self.tr("The backups are encrypted; the password is kept in this computer's keyring."),
            self.tr("Password of the Aegis backups"),
        )
        self.password.returnPressed.connect(self.start)

    def _encrypted(self) -> bool:
        """The chosen folder's newest backup is encrypted (so its password is asked for)."""
        from desktop_app.importers.aegis import AegisImporter
        from desktop_app.sync.aegis_bridge import FollowError, newest_backup

        text = self.folder_text()
        if not text or not Path(text).is_dir():
            return False
        try:
            newest = newest_backup(Path(text))
            return newest is not None and AegisImporter().needs_password(newest.read_bytes())
        except (FollowError, OSError):
            return False

    def refresh(self) -> None:
        following = _following(self.services)
        busy = self.follower.job.busy
        self.folder_edit.setReadOnly(following)
        self.choose_button.setEnabled(not following and not busy)
        asked = not following and self._encrypted()
        self.password.setVisible(asked)
        self.password_label.setVisible(asked)
        self.password.setEnabled(not busy)
        self.follow_button.setVisible(not following)
        self.follow_button.setEnabled(bool(self.folder_text()) and not busy)
        self.stop_button.setVisible(following)
        self.status.setText(status_text(self.services))
        self._ask_password(following)

    def _ask_password(self, following: bool) -> None:
        """A followed folder whose backups turned encrypted (or whose password changed): the
        password is asked for here, as when following began; "Use Password" follows the same
        folder again with it (what was read is kept)."""
        from desktop_app.sync.aegis_bridge import password_needed

        needs = following and bool(password_needed(Path(self.services.paths.data_dir)))
        self.follow_button.setText(self.tr("Use Password") if needs else self.tr("Follow"))
        if needs:
            self.password.setVisible(True)
            self.password_label.setVisible(True)
            self.follow_button.setVisible(True)

    def start(self) -> None:
        from desktop_app.sync.aegis_bridge import password_needed

        text = self.folder_text()
        waiting = password_needed(Path(self.services.paths.data_dir))  # the same folder again
        if not text or (_following(self.services) and not waiting):
            return
        password = self.password.text() or None
        if self.password.isVisible() and password is None:
            self.say(self.tr("Type the password of the Aegis backups first."))
            return
        self.say(self.tr("Reading the folder…"))
        started = self.follower.follow(Path(text), password, self._followed, self._failed)
        if started:
            self.password.clear()
        else:
            self.say(self.tr("The folder is being read; try again in a moment."))

    def _followed(self, _result: FollowResult) -> None:
        """The status line above says what the first read brought."""
        self.say(self.tr("Following the folder: the phone's new backups are read as they arrive."))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.say_failed(exc)
        self.refresh()

    def stop(self) -> None:
        try:
            stopped = self.follower.stop()
        except AppError as exc:
            self.say(core_text(exc))
            return
        if not stopped:
            self.say(self.tr("The folder is being read; try again in a moment."))
            return
        self.say(self.tr("The folder is no longer followed; the accounts stay here."))
        self.refresh()
