"""Follow an Aegis backup folder (issue 21, the phone bridge). Qt-free.

Aegis (Android) writes its automatic backups to a folder: ``aegis-backup.json`` (one file,
replaced) or ``aegis-backup-yyyyMMdd-HHmmss.json`` (the newest N kept). Following that folder
brings the phone's adds, edits and deletions into the vault, by Aegis uuid, **three-way against
the last backup read** (the bridge's base): Aegis entries carry no times, so a field counts as
changed on the phone only when it differs from the same entry in the previous backup. The
phone's changes are stamped with the backup file's modification time (and a device id of the
phone's own, kept in the bridge's state), then merged with :func:`desktop_app.sync.merge.merge`:
a field the desktop changed since as well goes to the newer stamp, the loser to the entry's
history; an entry gone from the phone becomes a tombstone (restorable from Recently Deleted).

This app's own automatic backups (``exporters/autobackup.py``) pointed at the same folder are the
way back to the phone (Aegis imports them; uuids round-trip). They are named
``aegis-backup-YYYYMMDD-HHMMSS-ffffff.json`` (microseconds), so :data:`PHONE_FILE` never matches
them: the bridge never reads its own output.

State, in ``DATA_DIR/sync/`` (outside any synced folder): ``aegis-follow.json`` (the folder, the
last file read and what it brought, the phone's device id) and ``aegis-base.bin`` (the phone's
entries of the last backup read, sealed with the vault key like ``base.bin``). An encrypted
backup's password is kept in the OS keyring (:func:`password_item`), never on disk.

Bad input (damaged JSON, a wrong password, a file of another app) is told in one line
(:class:`FollowError`) and changes nothing. When the phone's backups become encrypted while the
folder is followed (or the kept password stops opening them), the reads stop with
:class:`PasswordNeeded`, which says how to give the password once (Settings → Sync, or
``sync follow-aegis FOLDER``: following the same folder again keeps what was read); no password
is derived again until one is given.

The Aegis importer is imported where a backup is read, not at the top: any module of
``desktop_app.importers`` loads every importer (the package's registry), +285 M instructions
(~60 ms, +28 %) of ``sync status``, which loads this module only for the status (callgrind,
2 runs each: 1,031 M → 1,316-1,324 M). The vault, crypto and paths modules are at the top: every
process that loads this module has loaded them already (``sync status``: 1,030.7-1,030.9 M
instructions with them local, 1,026.0-1,032.6 M at the top).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.errors import AppError, ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.otp.model import BASE_KEY, Entry
from desktop_app.paths import private_dir
from desktop_app.sync import FOLLOW_FILE, SYNC_DIR, ago, is_following
from desktop_app.sync.clock import Stamp, new_device_id
from desktop_app.sync.merge import MergeReport, Tombstone, VaultState, merge
from desktop_app.vault.crypto import open_sealed, seal
from desktop_app.vault.store import Content, atomic_write

if TYPE_CHECKING:
    from desktop_app.vault.keystore import KeyStore
    from desktop_app.vault.store import Vault

STATE_FILE = FOLLOW_FILE
BASE_FILE = "aegis-base.bin"
_BASE_AAD = b"desktop-authenticator-aegis-base:"
#: the phone's backups: Aegis's single file, or its timestamped ones (never this app's own,
#: which carry microseconds: ``aegis-backup-YYYYMMDD-HHMMSS-ffffff.json``)
PHONE_FILE = re.compile(r"^aegis-backup(?:-(\d{8})-(\d{6}))?\.json$")
#: the stamp keys an Aegis entry carries (the rest -- order, created, other annotations -- are
#: this app's own and never changed by the phone)
PHONE_KEYS = (
    "otp",
    "issuer",
    "name",
    "group",
    "note",
    "counter",
    "icon",
    "meta:aegis.favorite",
    "meta:aegis.groups",
)
MAX_BACKUP_BYTES = 16 * 1024 * 1024


class FollowError(AppError):
    """The followed folder cannot be read in; one line, nothing was changed."""


class BackupPasswordWrong(FollowError):
    """The password given (or kept) does not open the backup."""


#: why a followed folder's backups wait for a password (``FollowState.password_needed``)
NOW_ENCRYPTED = "encrypted"  # the phone's backups were plain and are encrypted now
PASSWORD_CHANGED = "changed"  # the kept password no longer opens them


class PasswordNeeded(FollowError):
    """The followed backups need a password that is not at hand (``reason``: one of
    :data:`NOW_ENCRYPTED`, :data:`PASSWORD_CHANGED`); nothing was read."""

    def __init__(self, reason: str, folder: str) -> None:
        if reason == PASSWORD_CHANGED:
            text = N_(
                "The password kept for the Aegis backups no longer opens them (was it changed "
                "on the phone?): give the new one once, in Settings → Sync or with "
                "`sync follow-aegis {folder}`. Nothing was read since.",
                folder=folder,
            )
        else:
            text = N_(
                "The phone's Aegis backups are encrypted now: give their password once, in "
                "Settings → Sync or with `sync follow-aegis {folder}`. Nothing was read since.",
                folder=folder,
            )
        super().__init__(text)
        self.reason = reason


def password_item(vault_id: str) -> str:
    """The keyring item holding the followed backups' password."""
    return f"aegis-follow-password:{vault_id}"


# --- the folder ------------------------------------------------------------------------------


def _name_time(match: re.Match[str]) -> float | None:
    day, clock = match.group(1), match.group(2)
    if not day:
        return None
    try:
        return time.mktime(time.strptime(day + clock, "%Y%m%d%H%M%S"))
    except (ValueError, OverflowError):
        return None


def newest_backup(folder: Path) -> Path | None:
    """The phone's newest backup in ``folder``: by the time in its name (timestamped files), else
    by modification time (``aegis-backup.json``); None when there is none."""
    found: list[tuple[float, str, Path]] = []
    try:
        names = [p for p in folder.iterdir() if PHONE_FILE.match(p.name)]
    except OSError:
        raise FollowError(
            N_("The followed Aegis folder is not reachable: {folder}.", folder=str(folder))
        ) from None
    for path in names:
        match = PHONE_FILE.match(path.name)
        assert match is not None
        when = _name_time(match)
        if when is None:
            try:
                when = path.stat().st_mtime
            except OSError:
                continue
        found.append((when, path.name, path))
    return max(found)[2] if found else None


# --- the pure decision -----------------------------------------------------------------------


def phone_stamp(mtime: float, phone_device: str, now_ms: int | None = None) -> str:
    """The stamp of the phone's edits in a backup: its modification time (no later than now: a
    phone whose clock runs ahead must not win every later desktop edit), the phone's id."""
    now = int(time.time() * 1000) if now_ms is None else now_ms
    return str(Stamp(max(0, min(int(mtime * 1000), now)), 0, phone_device))


def phone_changes(
    base: Mapping[str, Entry] | None,
    phone: Mapping[str, Entry],
    ours: VaultState,
    stamp: str,
) -> VaultState:
    """What the phone changed, as a sync state to merge into ``ours`` (the vault): the phone's
    new entries, the vault's entries with the phone's changed fields stamped ``stamp``, and a
    tombstone for each entry the phone deleted. Pure.

    ``base`` is the phone's entries as the last backup read had them (None the first time: then
    an entry the vault has too counts as changed where it differs, except an icon the phone
    could not carry). A change's parent is the vault's stamp of that field when the vault still
    had the base's value (the phone edited what the desktop had: no history), else none (both
    changed: the older value goes to the history)."""
    device = stamp[18:]
    entries: dict[str, Entry] = {}
    tombs: dict[str, Tombstone] = {}
    next_order = max((e.order for e in ours.entries.values()), default=-1) + 1
    for u, p in phone.items():
        b = base.get(u) if base is not None else None
        v = ours.entries.get(u)
        if v is None:
            if base is not None and b is not None and _changed_keys(b, p) == []:
                continue  # the desktop deleted it; the phone did not touch it since
            gone = ours.tombstones.get(u)
            kept = gone.entry if gone is not None else None
            order = kept.order if kept is not None else next_order
            if kept is None:
                next_order += 1
            entries[u] = p.with_changes(order=order, stamps={BASE_KEY: stamp}, history=())
            continue
        keys = _changed_keys(b, p) if b is not None else _changed_keys(v, p, first=True)
        if not keys:
            continue
        t = v
        stamps = dict(v.stamps)
        for k in keys:
            if t.value_of(k) == p.value_of(k):
                continue
            t = t.with_changes(**t.changes_for(k, p.json_of(k)))
            knew = b is not None and v.value_of(k) == b.value_of(k)
            stamps[k] = stamp + (v.stamp_of(k) if knew else "")
        if t is not v:
            entries[u] = t.with_changes(stamps=stamps)
    if base is not None:
        for u in base:
            if u not in phone and u in ours.entries:
                tombs[u] = Tombstone(u, stamp, device)
    return VaultState(ours.vault_id, entries, tombs)


def same_accounts(phone: Mapping[str, Entry], known: Mapping[str, Entry]) -> dict[str, Entry]:
    """``phone`` with an entry of an unknown uuid given the uuid of the known account with the
    same secret that the phone no longer lists: Aegis gave it a new uuid (an entry read without
    one, an import into Aegis that did not keep them). Else each backup would add it again."""
    by_secret: dict[str, str | None] = {}
    for u, e in known.items():
        if u not in phone:
            by_secret[e.secret] = None if e.secret in by_secret else u  # unique secrets only
    if not by_secret:
        return dict(phone)
    out: dict[str, Entry] = {}
    for u, p in phone.items():
        target = by_secret.get(p.secret) if u not in known else None
        if target is not None and target not in out and target not in phone:
            by_secret[p.secret] = None
            out[target] = p.with_changes(uuid=target)
        else:
            out[u] = p
    return out


def _changed_keys(before: Entry, after: Entry, *, first: bool = False) -> list[str]:
    keys = []
    for k in PHONE_KEYS:
        if before.value_of(k) != after.value_of(k):
            if first and k == "icon" and after.icon is None:
                continue  # a picture Aegis cannot show is not the phone's removal
            keys.append(k)
    return keys


def merge_phone(
    base: Mapping[str, Entry] | None,
    phone: Mapping[str, Entry],
    ours: VaultState,
    stamp: str,
) -> tuple[VaultState, MergeReport, dict[str, Entry]]:
    """``ours`` with the phone's changes merged in (the sync merge: newest stamp wins, the loser
    to the history, deletions as tombstones), what came from the phone, and the phone's entries
    as this computer names them (the next base: an account Aegis gave a new uuid keeps its old
    one, :func:`same_accounts`). Pure."""
    phone = same_accounts(phone, {**ours.entries, **(base or {})})
    theirs = phone_changes(base, phone, ours, stamp)
    if not theirs.entries and not theirs.tombstones:
        return ours, MergeReport(), phone
    merged, report = merge(None, ours, theirs)
    return merged, report, phone


# --- state -----------------------------------------------------------------------------------


@dataclass
class FollowState:
    folder: str
    phone_device: str = field(default_factory=new_device_id)
    encrypted: bool = False
    last_file: str = ""
    last_mtime: float = 0.0
    last_size: int = -1
    last_read_ms: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    problem: str = ""
    password_needed: str = ""  # NOW_ENCRYPTED / PASSWORD_CHANGED: the reads wait for a password


@dataclass
class FollowResult:
    file: str = ""
    added: int = 0
    changed: int = 0
    removed: int = 0
    conflicts: int = 0
    new_file: bool = False  # False: the newest backup was read already, nothing to do

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.changed} changed", f"{self.removed} removed"]
        return ", ".join(p for p in parts if not p.startswith("0 ")) or "nothing new"


def _state_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SYNC_DIR


def password_needed(data_dir: Path) -> str:
    """Why the followed folder's reads wait for a password ("" when they do not)."""
    try:
        state = load_state(data_dir)
    except FollowError:
        return ""
    return state.password_needed if state is not None else ""


def load_state(data_dir: Path) -> FollowState | None:
    path = _state_dir(data_dir) / STATE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return FollowState(**raw)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError):
        raise FollowError(N_("The Aegis folder settings are damaged; follow it again.")) from None


def _save_state(data_dir: Path, state: FollowState, *, new: bool = False) -> None:
    """Keep ``state``; a read's outcome (``new`` False) is dropped when the folder stopped being
    followed meanwhile (a stop from another window or the command line)."""
    if not new and not is_following(data_dir):
        return
    d = private_dir(_state_dir(data_dir))
    atomic_write(d / STATE_FILE, json.dumps(state.__dict__, indent=1).encode())


def _load_base(vault: Vault) -> dict[str, Entry] | None:
    path = _state_dir(vault.data_dir) / BASE_FILE
    try:
        raw = json.loads(path.read_bytes())
        plaintext = open_sealed(
            vault._key,
            base64.b64decode(raw["nonce"]),
            base64.b64decode(raw["ciphertext"]),
            _BASE_AAD + vault.vault_id.encode(),
        )
        return {e.uuid: e for e in (Entry.from_dict(d) for d in json.loads(plaintext))}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AppError):
        return None  # damaged: the next read is two-way, like the first


def _save_base(vault: Vault, phone: Mapping[str, Entry]) -> None:
    content = json.dumps([e.to_dict() for e in phone.values()]).encode()
    nonce, ct = seal(vault._key, content, _BASE_AAD + vault.vault_id.encode())
    data = json.dumps(
        {"nonce": base64.b64encode(nonce).decode(), "ciphertext": base64.b64encode(ct).decode()}
    ).encode()
    atomic_write(private_dir(_state_dir(vault.data_dir)) / BASE_FILE, data)


# --- reading a backup ------------------------------------------------------------------------


def read_backup(data: bytes, password: str | None) -> dict[str, Entry]:
    """The phone's entries by uuid, through the Aegis importer; :class:`FollowError` for a file
    that is not an Aegis backup, is damaged, or needs a (right) password."""
    from desktop_app.importers.aegis import AegisImporter  # the importers: see the module
    from desktop_app.importers.contract import PasswordRequired

    importer = AegisImporter()
    try:
        if not importer.detect(data):
            raise FollowError(N_("The newest file in the folder is not an Aegis backup."))
        result = importer.parse(data, password)
    except PasswordRequired:
        raise FollowError(
            N_("The Aegis backup is encrypted: its password is needed (follow the folder again).")
        ) from None
    except WrongPasswordError:
        raise BackupPasswordWrong(
            N_("Wrong password for the Aegis backup; nothing was changed.")
        ) from None
    except ImportFormatError as exc:
        raise FollowError(
            N_(
                "The Aegis backup cannot be read: {reason}. Nothing was changed.",
                reason=str(exc).rstrip("."),
            )
        ) from None
    return {e.uuid: e for e in result.entries}


def _needs_password(data: bytes) -> bool:
    from desktop_app.importers.aegis import AegisImporter  # the importers: see the module

    return AegisImporter().needs_password(data)


def _read_file(path: Path) -> tuple[bytes, os.stat_result]:
    try:
        st = path.stat()
        if st.st_size > MAX_BACKUP_BYTES:
            raise FollowError(N_("The Aegis backup is too large to be a backup."))
        return path.read_bytes(), st
    except OSError as exc:
        raise FollowError(
            N_("The Aegis backup cannot be read: {reason}.", reason=str(exc.strerror))
        ) from None


# --- the service -----------------------------------------------------------------------------


def _password(vault: Vault, keystore: KeyStore | None) -> str | None:
    if keystore is None:
        return None
    try:
        return keystore.get(password_item(vault.vault_id))
    except AppError:
        return None


@dataclass
class _Backup:
    """The newest backup, read and opened (its entries by uuid)."""

    path: Path
    st: os.stat_result
    encrypted: bool
    phone: dict[str, Entry]


def follow(
    vault: Vault,
    folder: Path,
    *,
    keystore: KeyStore | None,
    password: str | None = None,
) -> FollowResult:
    """Start following ``folder`` (or follow it again: the base is kept when it is the same
    folder, as when its backups became encrypted and their password is given now) and read its
    newest backup now. A password given is checked on that backup first, then kept in the
    keyring; a wrong one changes nothing."""
    folder = Path(folder).expanduser().absolute()
    if not folder.is_dir():
        raise FollowError(N_("The folder does not exist: {folder}.", folder=str(folder)))
    newest = newest_backup(folder)
    backup: _Backup | None = None
    if newest is not None:
        data, st = _read_file(newest)
        encrypted = _needs_password(data)
        if encrypted and not password:
            password = _password(vault, keystore)
        phone = read_backup(data, password if encrypted else None)  # FollowError: no change
        backup = _Backup(newest, st, encrypted, phone)
    encrypted = backup is not None and backup.encrypted
    old = load_state(vault.data_dir) if is_following(vault.data_dir) else None
    if old is not None and old.folder == str(folder):
        state = replace(old, encrypted=encrypted, last_size=-1, problem="", password_needed="")
    else:
        state = FollowState(str(folder), encrypted=encrypted)
        (_state_dir(vault.data_dir) / BASE_FILE).unlink(missing_ok=True)
    if encrypted and password:
        if keystore is None:
            raise FollowError(N_("The backups' password needs the OS keyring, and none works."))
        keystore.set(password_item(vault.vault_id), password)
    _save_state(vault.data_dir, state, new=True)
    if backup is None:
        return FollowResult()
    return _guarded(vault, state, lambda: _apply(vault, state, backup))  # opened once


def stop(data_dir: Path, vault_id: str | None, keystore: KeyStore | None) -> bool:
    """Stop following (the vault keeps every account); False when nothing was followed."""
    d = _state_dir(data_dir)
    was = (d / STATE_FILE).exists()
    for name in (STATE_FILE, BASE_FILE):
        (d / name).unlink(missing_ok=True)
    if keystore is not None and vault_id:
        with contextlib.suppress(AppError):
            keystore.delete(password_item(vault_id))
    return was


def pull(
    vault: Vault,
    *,
    keystore: KeyStore | None,
    password: str | None = None,
    force: bool = False,
) -> FollowResult:
    """Read the followed folder's newest backup into ``vault`` (when it is one not read yet, or
    ``force``). Raises :class:`FollowError` (kept in the status; nothing changed)."""
    state = load_state(vault.data_dir)
    if state is None:
        raise FollowError(N_("No Aegis backup folder is followed."))
    return _guarded(vault, state, lambda: _pull(vault, state, keystore, password, force))


def _guarded(vault: Vault, state: FollowState, read: Callable[[], FollowResult]) -> FollowResult:
    """``read()``, its problem kept in the state (and a password that is needed) when it fails."""
    try:
        return read()
    except FollowError as exc:
        state.problem = str(exc)
        if isinstance(exc, PasswordNeeded):
            state.password_needed = exc.reason
        _save_state(vault.data_dir, state)
        raise


def _pull(
    vault: Vault,
    state: FollowState,
    keystore: KeyStore | None,
    password: str | None,
    force: bool,
) -> FollowResult:
    folder = Path(state.folder)
    if not folder.is_dir():
        raise FollowError(
            N_("The followed Aegis folder is not reachable: {folder}.", folder=state.folder)
        )
    newest = newest_backup(folder)
    if newest is None:
        state.problem = ""
        _save_state(vault.data_dir, state)
        return FollowResult()
    try:
        seen = newest.stat()
    except OSError:
        seen = None
    if (
        not force
        and seen is not None
        and newest.name == state.last_file
        and seen.st_mtime == state.last_mtime
        and seen.st_size == state.last_size
    ):
        return FollowResult(file=newest.name)  # read already: a status call, not a read
    data, st = _read_file(newest)
    encrypted = _needs_password(data)
    if encrypted and not password:
        if state.password_needed:  # none at hand, or the kept one failed: derive nothing again
            raise PasswordNeeded(state.password_needed, state.folder)
        password = _password(vault, keystore)
        if password is None:  # the phone switched from plain to encrypted backups
            raise PasswordNeeded(NOW_ENCRYPTED, state.folder)
        try:
            phone = read_backup(data, password)
        except BackupPasswordWrong:
            raise PasswordNeeded(PASSWORD_CHANGED, state.folder) from None
    else:
        phone = read_backup(data, password if encrypted else None)
    return _apply(vault, state, _Backup(newest, st, encrypted, phone))


def _apply(vault: Vault, state: FollowState, backup: _Backup) -> FollowResult:
    """Merge the phone's entries of ``backup`` into ``vault``; the state records the read."""
    phone, st = backup.phone, backup.st
    base = _load_base(vault)
    if not phone and base:
        raise FollowError(
            N_(
                "The newest Aegis backup holds no accounts (the one before held {n}); it was not "
                "applied. If the phone's accounts are really gone, delete them here.",
                n=len(base),
            )
        )
    stamp = phone_stamp(st.st_mtime, state.phone_device)
    box: list[MergeReport] = []
    kept: list[dict[str, Entry]] = []  # the phone's entries as named here: the next base

    def change(fresh: Content) -> Content | None:
        ours = VaultState(vault.vault_id, dict(fresh.entries), _tombstones(fresh.extra))
        merged, report, named = merge_phone(base, phone, ours, stamp)
        box[:] = [report]
        kept[:] = [named]
        if not (report.anything or report.conflicts):  # a lost phone edit goes to a history
            return None
        extra = {k: v for k, v in fresh.extra.items() if k != "tombstones"}
        tombs = merged.to_content().get("tombstones")
        if tombs:
            extra["tombstones"] = tombs
        return Content({e.uuid: e for e in merged.ordered()}, extra)

    vault.transact(change)
    report = box[0] if box else MergeReport()
    _save_base(vault, kept[0] if kept else phone)
    result = FollowResult(
        file=backup.path.name,
        added=len(report.added) + len(report.restored),
        changed=len(report.changed),
        removed=len(report.removed),
        conflicts=len(report.conflicts),
        new_file=True,
    )
    state.encrypted = backup.encrypted
    state.last_file, state.last_mtime, state.last_size = backup.path.name, st.st_mtime, st.st_size
    state.last_read_ms = int(time.time() * 1000)
    state.added, state.changed, state.removed = result.added, result.changed, result.removed
    state.problem = ""
    state.password_needed = ""
    _save_state(vault.data_dir, state)
    return result


def _tombstones(extra: dict[str, Any]) -> dict[str, Tombstone]:
    """The vault's deletion records (a damaged one is left out)."""
    found: dict[str, Tombstone] = {}
    for record in extra.get("tombstones") or ():
        try:
            tomb = Tombstone.from_dict(record)
        except (ValueError, KeyError, TypeError, AttributeError, AppError):
            continue
        found[tomb.uuid] = tomb
    return found


# --- status ----------------------------------------------------------------------------------


def status(data_dir: Path) -> dict[str, Any]:
    """What ``sync status`` and the Settings section show."""
    try:
        state = load_state(data_dir)
    except FollowError as exc:
        return {"following": True, "problem": str(exc)}
    if state is None:
        return {"following": False}
    return {
        "following": True,
        "folder": state.folder,
        "encrypted": state.encrypted,
        "last_file": state.last_file,
        "last_read_ms": state.last_read_ms,
        "added": state.added,
        "changed": state.changed,
        "removed": state.removed,
        "problem": state.problem,
        "password_needed": state.password_needed,
    }


def status_line(info: dict[str, Any], now_ms: int | None = None) -> str:
    """ "Read aegis-backup-20261207-101500.json 2 min ago: 1 added, 2 changed", or the problem."""
    if not info.get("following"):
        return "No Aegis backup folder is followed"
    if info.get("problem"):
        return str(info["problem"])
    if not info.get("last_file"):
        return f"Following {info.get('folder', '')}: no Aegis backup there yet"
    now = now_ms if now_ms is not None else int(time.time() * 1000)
    ago_text = ago((now - int(info.get("last_read_ms") or 0)) // 1000)
    counts = [f"{info.get(k, 0)} {k}" for k in ("added", "changed", "removed") if info.get(k, 0)]
    return f"Read {info['last_file']} {ago_text}: {', '.join(counts) or 'nothing new'}"
