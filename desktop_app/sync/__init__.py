"""Sync: several computers keep one vault in step through a folder (issue 21) that another engine
keeps in step (Syncthing, Nextcloud, Dropbox, ...).

``merge`` and ``clock`` are the pure heart (per-field HLC stamps, tombstones, histories);
``folder`` knows the engines' file names; ``service`` reads and writes the synced file, keeps the
merge base and the status (Qt-free). Here, what needs none of them (a start asks it before its
first frame): the file names, whether the vault is synced or follows an Aegis folder, this
computer's device id, and who writes the folder after a save.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable

from desktop_app.paths import private_dir
from desktop_app.sync.clock import is_device_id, new_device_id

SYNC_DIR = "sync"
CONFIG_FILE = "sync.json"
#: the synced vault's name in the folder (its extension matters: the engines keep it last)
FOLDER_FILE = "desktop-authenticator-vault.json"
#: the followed Aegis folder's settings (``sync.aegis_bridge``), in ``SYNC_DIR``
FOLLOW_FILE = "aegis-follow.json"


def is_synced(data_dir: str | os.PathLike[str]) -> bool:
    """Whether the vault in ``data_dir`` is synced (cheap: nothing else is imported)."""
    return os.path.exists(os.path.join(data_dir, SYNC_DIR, CONFIG_FILE))


def is_following(data_dir: str | os.PathLike[str]) -> bool:
    """Whether the vault in ``data_dir`` follows an Aegis backup folder (cheap, as above)."""
    return os.path.exists(os.path.join(data_dir, SYNC_DIR, FOLLOW_FILE))


#: data folder -> who writes the folder after a save there (see :func:`write_saves_with`)
_WRITERS: dict[str, Callable[[], None]] = {}
_WRITERS_LOCK = threading.Lock()


def write_saves_with(data_dir: str | os.PathLike[str], notify: Callable[[], None] | None) -> None:
    """Who writes the sync folder after a save of a vault of ``data_dir`` in this process.

    By default (``None``) the save itself: every command writes the folder as part of the
    command (the command line). With ``notify`` (the window's sync watcher), a save calls
    ``notify()`` instead, in the thread that saved, and the caller writes the folder soon in a
    worker: with 500 accounts the write costs a save several times over (bench_merge.py
    ``--save``), too long for the window's GUI thread. A ``notify`` that raises is dropped and
    the save writes the folder itself."""
    with _WRITERS_LOCK:
        if notify is None:
            _WRITERS.pop(os.path.abspath(data_dir), None)
        else:
            _WRITERS[os.path.abspath(data_dir)] = notify


def stop_writing_saves(data_dir: str | os.PathLike[str], notify: Callable[[], None]) -> None:
    """Saves of ``data_dir`` write the folder themselves again, if ``notify`` wrote them."""
    with _WRITERS_LOCK:
        if _WRITERS.get(os.path.abspath(data_dir)) == notify:
            del _WRITERS[os.path.abspath(data_dir)]


def saves_writer(data_dir: str | os.PathLike[str]) -> Callable[[], None] | None:
    """The ``notify`` given for ``data_dir`` by :func:`write_saves_with`, if any."""
    with _WRITERS_LOCK:
        return _WRITERS.get(os.path.abspath(data_dir))


DEVICE_FILE = "device-id"


def device_id(data_dir: str | os.PathLike[str]) -> str:
    """This computer's device id for the vault in ``data_dir`` (the stamps' author): the synced
    one (``sync.json``) when there is one, else ``sync/device-id``, made on first use. Never
    shared between computers: ``sync/`` is outside the sync folder."""
    folder = os.path.join(data_dir, SYNC_DIR)
    try:
        with open(os.path.join(folder, CONFIG_FILE), encoding="utf-8") as f:
            synced = json.load(f).get("device_id")
        if is_device_id(synced):
            return str(synced)
    except (OSError, ValueError, AttributeError):
        pass
    path = os.path.join(folder, DEVICE_FILE)
    try:
        with open(path, encoding="utf-8") as f:
            kept = f.read().strip()
        if is_device_id(kept):
            return kept
    except OSError:
        pass
    # vault.store imports this package (its stamps' author is this id): a cycle at the top
    from desktop_app.vault.store import atomic_write

    made = new_device_id()
    atomic_write(private_dir(folder) / DEVICE_FILE, made.encode())
    return made


def ago(seconds: int) -> str:
    """ "just now", "2 min ago", "3 h ago", "4 days ago": the CLI's status lines (the window
    says it in the person's language, ``desktop_app.ui.i18n.ago``)."""
    seconds = max(0, seconds)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    if seconds < 86400:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"
