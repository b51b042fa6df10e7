"""Sync: several computers keep one vault in step through a folder (issue 21) that another engine
keeps in step (Syncthing, Nextcloud, Dropbox, ...).

``merge`` and ``clock`` are the pure heart (per-field HLC stamps, tombstones, histories);
``folder`` knows the engines' file names; ``service`` reads and writes the synced file, keeps the
merge base and the status (Qt-free).
"""

from __future__ import annotations

import os

SYNC_DIR = "sync"
CONFIG_FILE = "sync.json"


def is_synced(data_dir: str | os.PathLike[str]) -> bool:
    """Whether the vault in ``data_dir`` is synced (cheap: nothing else is imported)."""
    return os.path.exists(os.path.join(data_dir, SYNC_DIR, CONFIG_FILE))
