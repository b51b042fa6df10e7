"""The sync folder as the engines leave it: the synced vault file, their conflict copies, and the
temp files they write on the way (Qt-free, no decryption here).

Conflict copies (/work/shared/specs/sync-engines.md, from the engines' sources):

- Syncthing: ``NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT`` (lib/model/folder_sendrecv.go;
  DEVICE is the first 7 characters of the device id)
- Nextcloud desktop: ``NAME (conflicted copy [user ]YYYY-MM-DD HHMMSS).EXT``
  (src/common/utility.cpp ``makeConflictFileName``), and the older ``NAME_conflict-YYYYMMDD-HHMMSS.EXT``
- Dropbox: ``NAME (… conflicted copy YYYY-MM-DD).EXT`` (the "…" is a computer or person's name,
  optionally followed by a number in later copies)

Temp files, never read: ``.syncthing.NAME.tmp``, ``~syncthing~NAME.tmp``, Nextcloud ``.NAME.~HEX``,
and this app's own ``.NAME.HEX.tmp`` (:func:`desktop_app.vault.store.atomic_write`).
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from desktop_app.sync import FOLDER_FILE

Engine = Literal["syncthing", "nextcloud", "dropbox"]


@dataclass(frozen=True, slots=True)
class ConflictCopy:
    path: Path
    engine: Engine
    #: what the engine put in the name (a device id prefix, a user or computer name), may be ""
    origin: str
    #: the date (and time) in the name as written, e.g. "20261207-153602" or "2026-12-07"
    when: str


def _split(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    return (stem, dot + ext) if dot and stem else (name, "")


def _patterns(target: str) -> list[tuple[Engine, re.Pattern[str]]]:
    stem, ext = (re.escape(p) for p in _split(target))
    return [
        (
            "syncthing",
            re.compile(
                rf"^{stem}\.sync-conflict-(?P<when>\d{{8}}-\d{{6}})-(?P<origin>[A-Z0-9]{{7}}){ext}$"
            ),
        ),
        (
            "nextcloud",
            re.compile(
                rf"^{stem} \(conflicted copy (?:(?P<origin>.+?) )?"
                rf"(?P<when>\d{{4}}-\d{{2}}-\d{{2}} \d{{6}})\){ext}$"
            ),
        ),
        ("nextcloud", re.compile(rf"^{stem}_conflict-(?P<when>\d{{8}}-\d{{6}}){ext}$")),
        (
            "dropbox",
            re.compile(
                rf"^{stem} \((?:(?P<origin>[^()]+?)(?:'s)? )?conflicted copy "
                rf"(?P<when>\d{{4}}-\d{{2}}-\d{{2}})(?: \d+)?\){ext}$"
            ),
        ),
    ]


def conflict_copy(path: Path, target: str = FOLDER_FILE) -> ConflictCopy | None:
    """``path`` as an engine's conflict copy of ``target``, or None."""
    name = path.name
    if is_temp_name(name):
        return None
    for engine, pattern in _patterns(target):
        m = pattern.match(name)
        if m:
            origin = m.groupdict().get("origin") or ""
            return ConflictCopy(path=path, engine=engine, origin=origin, when=m["when"])
    return None


_TEMP = (
    re.compile(r"^\.syncthing\..+\.tmp$"),
    re.compile(r"^~syncthing~.+\.tmp$"),
    re.compile(r"^\..+\.~[0-9a-fA-F]+$"),  # Nextcloud downloads
    re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$"),  # this app's atomic_write
)


def is_temp_name(name: str) -> bool:
    """A name an engine (or this app) writes before renaming it over the real file."""
    return any(p.match(name) for p in _TEMP)


@dataclass(frozen=True)
class FolderScan:
    folder: Path
    #: the synced vault file, None when absent
    vault_file: Path | None
    copies: tuple[ConflictCopy, ...]


class FolderUnreachable(OSError):
    pass


def scan(folder: Path, target: str = FOLDER_FILE) -> FolderScan:
    """The vault file and conflict copies in ``folder`` (temp files skipped). Raises
    :class:`FolderUnreachable` when the folder is not there or cannot be listed."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise FolderUnreachable(exc.errno, exc.strerror, str(folder)) from None
    vault_file = folder / target if target in names else None
    copies = tuple(
        c for c in (conflict_copy(folder / n, target) for n in names if n != target) if c
    )
    return FolderScan(folder=folder, vault_file=vault_file, copies=copies)


def move_to_backup(copy: Path, backup_dir: Path) -> Path:
    """Move a merged conflict copy into ``backup_dir`` (never deleted); a name already there gets
    a number. Returns the new path."""
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    dest = backup_dir / copy.name
    n = 1
    while dest.exists():
        stem, ext = _split(copy.name)
        dest = backup_dir / f"{stem}.{n}{ext}"
        n += 1
    shutil.move(str(copy), str(dest))
    return dest
