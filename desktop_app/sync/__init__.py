"""Sync: several computers keep one vault in step through a folder (issue 21) that another engine
keeps in step (Syncthing, Nextcloud, Dropbox, ...).

``merge`` and ``clock`` are the pure heart (per-field HLC stamps, tombstones, histories);
``folder`` knows the engines' file names; ``service`` reads and writes the synced file, keeps the
merge base and the status (Qt-free).
"""

from __future__ import annotations

import json
import os

from desktop_app.paths import private_dir
from desktop_app.sync.clock import is_device_id, new_device_id

SYNC_DIR = "sync"
CONFIG_FILE = "sync.json"
#: the synced vault's name in the folder (its extension matters: the engines keep it last)
FOLDER_FILE = "desktop-authenticator-vault.json"


def is_synced(data_dir: str | os.PathLike[str]) -> bool:
    """Whether the vault in ``data_dir`` is synced (cheap: nothing else is imported)."""
    return os.path.exists(os.path.join(data_dir, SYNC_DIR, CONFIG_FILE))


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
