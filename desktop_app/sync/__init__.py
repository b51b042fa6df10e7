"""Sync through a folder another engine keeps in step (Syncthing, Nextcloud, Dropbox, ...).

``folder`` knows the engines' file names; ``merging`` is the seam to the pure merge; ``service``
reads and writes the synced file, keeps the merge base and the status (Qt-free, no I/O in the
merge itself).
"""

from __future__ import annotations

import os

SYNC_DIR = "sync"
CONFIG_FILE = "sync.json"


def is_synced(data_dir: str | os.PathLike[str]) -> bool:
    """Whether the vault in ``data_dir`` is synced (cheap: nothing else is imported)."""
    return os.path.exists(os.path.join(data_dir, SYNC_DIR, CONFIG_FILE))
