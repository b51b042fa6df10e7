"""The sync service: one encrypted vault shared through a folder that a sync engine keeps in step.

Every computer keeps its own vault (``DATA_DIR/vault.json``, its key in this computer's keyring or
behind a password as today) and, in ``DATA_DIR/sync/``, outside the sync folder, its settings
(``sync.json``: folder, vault id, this computer's id and name, the folder file's password slot,
the status) and its merge base (``base.bin``: the last merged state, sealed with the vault key).
The folder holds :data:`~desktop_app.sync.FOLDER_FILE`: a vault file of the same format,
with the **password slot** (scrypt; a keyring cannot travel), the same vault id and key, and in
its plaintext the history of entries that lost a conflict and the last change's computer and time.

``sync_now`` merges the folder file and every conflict copy of it into the local vault (three-way
against the base) and writes the result to both, atomically. The folder file is never the only
place a computer's changes live (sync-engines.md: an engine may replace it with no copy): the
local vault and the base keep them until a merge has written them back.

Bad input changes nothing and is told in one line (:class:`SyncError`): a folder that is not there,
a synced file of a newer format, of another vault or modified; a conflict copy that is damaged or
belongs to another vault is left where it is and named in the status.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import socket
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.errors import AppError, VaultError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.logs import get_logger
from desktop_app.paths import private_dir
from desktop_app.sync import (
    CONFIG_FILE,
    FOLDER_FILE,
    SYNC_DIR,
    ago,
    is_synced,
    saves_writer,
    stop_writing_saves,
)
from desktop_app.sync import device_id as local_device_id
from desktop_app.sync.clock import HybridClock, stamp_device, stamp_wall_ms
from desktop_app.sync.folder import (
    FolderScan,
    FolderUnreachable,
    move_to_backup,
    scan,
)
from desktop_app.sync.merge import (
    MergeReport,
    Tombstone,
    VaultState,
    _merge_tombstone,
    delete,
    merge,
)
from desktop_app.vault.crypto import open_sealed, seal
from desktop_app.vault.lock import FileLock
from desktop_app.vault.store import (
    FORMAT,
    LOCK_FILE,
    VAULT_FILE,
    VERSION,
    Content,
    Vault,
    _parse_doc,
    atomic_write,
)
from desktop_app.vault.store import _password_slot as _store_password_slot
from desktop_app.vault.store import _unwrap as _store_unwrap

if TYPE_CHECKING:
    from desktop_app.otp.model import Entry
    from desktop_app.vault.keystore import KeyStore

log = get_logger(__name__)

BASE_FILE = "base.bin"
COPIES_DIR = "conflict-copies"  # merged conflict copies, moved here (never deleted)
BEFORE_JOIN = "before-join"  # the vault this computer had before it joined
_BASE_AAD = b"desktop-authenticator-merge-base:"
_READ_TRIES = 5  # a synced file that is being replaced is read again (50 writes a second)
#: set while this thread merges: the merge's own save of the local vault does not sync again
_BUSY = threading.local()


class _Flight:
    """One merge at a time per data folder in this process (the window merges in a worker
    while its own saves ask for one too): a caller that does not wait leaves its request to
    the running merge, which goes round once more before it ends."""

    def __init__(self) -> None:
        self.cv = threading.Condition()
        self.running = False
        self.again = False


_FLIGHTS: dict[str, _Flight] = {}
_FLIGHTS_LOCK = threading.Lock()


def _flight(data_dir: Path) -> _Flight:
    with _FLIGHTS_LOCK:
        return _FLIGHTS.setdefault(os.path.abspath(data_dir), _Flight())


class SyncError(AppError):
    """A sync problem told in one line; nothing was changed."""


class NotSyncedError(SyncError):
    pass


def _now_ms() -> int:
    return int(time.time() * 1000)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- the vault file format (the one place that uses store.py's own helpers) ----------------
# store.py's header check, associated data and password slot are reused so that the folder file
# is exactly a vault file; the vault owner may expose them publicly (they are private there).


def _read_doc(path: Path) -> tuple[dict[str, Any], bytes]:
    """The validated document and its bytes; a file caught while being replaced is read again."""
    last: VaultError | None = None
    for attempt in range(_READ_TRIES):
        try:
            raw = path.read_bytes()
            doc = _parse_doc(raw)
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise SyncError(
                N_("The synced file cannot be read: {error}.", error=exc.strerror)
            ) from None
        except VaultError as exc:
            last = exc
            if "version" in str(exc):
                break  # a newer format is not a half-written file
            time.sleep(0.05 * (attempt + 1))
            continue
        if raw == path.read_bytes():
            return doc, raw
    assert last is not None
    raise last


def _header(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: doc[k] for k in ("format", "version", "vault_id", "slot")}


def _open_body(doc: dict[str, Any], key: bytes) -> dict[str, Any]:
    plaintext = open_sealed(
        key,
        base64.b64decode(doc["nonce"]),
        base64.b64decode(doc["ciphertext"]),
        Vault._aad(_header(doc)),
    )
    try:
        body = json.loads(plaintext)
    except ValueError:
        raise VaultError(N_("The synced file's content is damaged.")) from None
    if not isinstance(body, dict) or not isinstance(body.get("entries"), list):
        raise VaultError(N_("The synced file's content is damaged."))
    return body


def _plain(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


def _seal_doc(
    key: bytes, vault_id: str, slot: dict[str, Any], body: dict[str, Any] | bytes
) -> bytes:
    """A vault file of ``body`` (the content, or its :func:`_plain` bytes)."""
    header = {"format": FORMAT, "version": VERSION, "vault_id": vault_id, "slot": slot}
    plaintext = body if isinstance(body, bytes) else _plain(body)
    nonce, ciphertext = seal(key, plaintext, Vault._aad(header))
    doc = {**header, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}
    return json.dumps(doc, indent=1).encode("ascii")


def _vault_key(vault: Vault) -> bytes:
    return vault._key


def _vault_id(vault: Vault) -> str:
    return vault.vault_id


def _password_slot(key: bytes, password: str, vault_id: str) -> dict[str, Any]:
    return _store_password_slot(key, password, vault_id)


def _unwrap(doc: dict[str, Any], password: str) -> bytes:
    return _store_unwrap(doc["slot"], doc["version"], password)


# --- settings and status ------------------------------------------------------------------


@dataclass
class SyncConfig:
    folder: str
    vault_id: str
    device_id: str
    device_name: str
    slot: dict[str, Any]
    written_hash: str = ""  # the synced file as this computer last wrote or merged it
    last_sync_ms: int = 0
    last_change: dict[str, Any] = field(default_factory=dict)  # {"device": name, "at": ms}
    problem: str = ""
    conflicts: int = 0  # accounts changed on both computers in the last merge that had any
    foreign: list[str] = field(default_factory=list)  # files of another vault in the folder
    clock: str = ""  # the largest stamp this computer handed out or saw
    names: dict[str, str] = field(default_factory=dict)  # device id -> name, from the merges

    @property
    def folder_path(self) -> Path:
        return Path(self.folder)


def sync_dir(data_dir: Path) -> Path:
    return Path(data_dir) / SYNC_DIR


def load_config(data_dir: Path) -> SyncConfig:
    path = sync_dir(data_dir) / CONFIG_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return SyncConfig(**raw)
    except FileNotFoundError:
        raise NotSyncedError(
            N_("This vault is not synced; start with `sync setup FOLDER` or `sync join FOLDER`.")
        ) from None
    except (OSError, ValueError, TypeError) as exc:
        raise SyncError(
            N_("The sync settings are damaged ({error}).", error=type(exc).__name__)
        ) from None


def save_config(data_dir: Path, config: SyncConfig) -> None:
    d = private_dir(sync_dir(data_dir))
    atomic_write(d / CONFIG_FILE, json.dumps(config.__dict__, indent=1).encode())


@dataclass
class SyncResult:
    arrived: int = 0  # accounts added, changed or removed by another computer
    conflicts: int = 0
    copies_merged: int = 0
    wrote_folder: bool = False
    problems: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    #: another thread was merging: this request was left to it (nothing done here)
    deferred: bool = False
    #: the hash of the synced file as this merge read it (none: no file)
    seen_hash: list[str] = field(default_factory=list)


# --- the service --------------------------------------------------------------------------


class SyncService:
    """Sync of the vault in ``data_dir``. Qt-free; every method is one read-merge-write."""

    def __init__(self, data_dir: Path, keystore: KeyStore | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.keystore = keystore

    # --- setup / join / leave --------------------------------------------------------------

    def setup(
        self, vault: Vault, folder: Path, password: str, device_name: str | None = None
    ) -> SyncResult:
        """First computer: the vault's copy goes to ``folder`` under ``password``'s slot. A
        folder that already holds this vault is merged (setup again); another vault's: refused."""
        folder = Path(folder).absolute()
        if not password:
            raise SyncError(N_("The synced vault needs a password (the keyring cannot travel)."))
        if vault.mode == "password" and not vault.check_password(password):
            raise WrongPasswordError(N_("Wrong password: it is not this vault's password."))
        if not folder.is_dir():
            raise SyncError(N_("The sync folder does not exist: {folder}.", folder=str(folder)))
        key, vault_id = _vault_key(vault), _vault_id(vault)
        target = folder / FOLDER_FILE
        if target.exists():
            doc, _raw = _read_doc(target)
            if doc["vault_id"] != vault_id:
                raise SyncError(
                    N_(
                        "The folder already holds another vault: use `sync join` on this computer "
                        "(its accounts are merged in) or pick another folder."
                    )
                )
        config = SyncConfig(
            folder=str(folder),
            vault_id=vault_id,
            device_id=local_device_id(self.data_dir),
            device_name=device_name or socket.gethostname(),
            slot=_password_slot(key, password, vault_id),
        )
        save_config(self.data_dir, config)
        return self.sync_now(vault)

    def join(
        self,
        folder: Path,
        password: str,
        *,
        vault: Vault | None = None,
        device_name: str | None = None,
        use_keyring: bool = True,
    ) -> SyncResult:
        """Next computer: the vault in ``folder``, opened once with ``password``; from then on
        this computer's keyring holds its key (or, without one, the same password opens it).
        ``vault`` is this computer's open vault, if it has one: its accounts are merged in and
        the old file is kept in ``sync/before-join``. A wrong password changes nothing."""
        folder = Path(folder).absolute()
        target = folder / FOLDER_FILE
        if not target.exists():
            raise SyncError(
                N_(
                    "There is no synced vault in {folder}: run `sync setup` first.",
                    folder=str(folder),
                )
            )
        doc, _raw = _read_doc(target)
        if doc["slot"].get("type") != "password":
            raise SyncError(
                N_("The synced vault has no password slot; it was not written by sync.")
            )
        key = _unwrap(doc, password)  # WrongPasswordError: nothing changed
        body = _open_body(doc, key)
        vault_id = str(doc["vault_id"])
        if vault is not None and _vault_id(vault) == vault_id and is_synced(self.data_dir):
            return self.sync_now(vault)  # joined already
        theirs = _state(vault_id, body)
        device_id = local_device_id(self.data_dir)
        clock = HybridClock(device_id)
        clock.observe(theirs.max_stamp())
        name = device_name or socket.gethostname()
        if vault is not None:  # this computer's accounts join the vault (two-way on stamps)
            ours = VaultState.from_entries(
                vault_id,
                [e if e.stamps else e.stamped(None, clock.stamp()) for e in vault.entries()],
            )
            merged = merge(None, ours, theirs, device=device_id, device_name=name)[0]
        else:
            merged = theirs
        keyring_ok = use_keyring and self.keystore is not None and self.keystore.available()
        if keyring_ok:
            assert self.keystore is not None
            item = f"vault-key:{vault_id}"
            self.keystore.set(item, _b64(key))
            local_slot: dict[str, Any] = {"type": "keyring", "item": item}
        else:
            local_slot = dict(doc["slot"])
        local = _seal_doc(key, vault_id, local_slot, {"entries": merged.to_content()["entries"]})
        private_dir(self.data_dir)
        lock = FileLock(self.data_dir / LOCK_FILE)  # the vault takes it per write, as we do
        lock.acquire(wait=10)
        try:
            vault_path = self.data_dir / VAULT_FILE
            if vault_path.exists():
                keep = private_dir(sync_dir(self.data_dir) / BEFORE_JOIN)
                stamp = time.strftime("%Y%m%d-%H%M%S")
                atomic_write(keep / f"vault-{stamp}.json", vault_path.read_bytes())
            atomic_write(vault_path, local)
        finally:
            lock.release()
        config = SyncConfig(
            folder=str(folder),
            vault_id=vault_id,
            device_id=device_id,
            device_name=name,
            slot=dict(doc["slot"]),
            clock=clock.last,
        )
        config.last_change = _last_change(theirs)
        config.names = _names(merged)
        self._save_base(key, vault_id, theirs)
        save_config(self.data_dir, config)
        return SyncResult(arrived=len(theirs.entries))

    def leave(self) -> None:
        """This computer stops syncing; its vault and the folder's file stay as they are."""
        d = sync_dir(self.data_dir)
        load_config(self.data_dir)
        for name in (CONFIG_FILE, BASE_FILE):
            (d / name).unlink(missing_ok=True)

    # --- merge ------------------------------------------------------------------------------

    def _base_path(self) -> Path:
        return sync_dir(self.data_dir) / BASE_FILE

    def _load_base(
        self, key: bytes, vault_id: str, known: tuple[VaultState, ...] = ()
    ) -> VaultState | None:
        try:
            raw = json.loads(self._base_path().read_bytes())
            plaintext = open_sealed(
                key,
                base64.b64decode(raw["nonce"]),
                base64.b64decode(raw["ciphertext"]),
                _BASE_AAD + vault_id.encode(),
            )
            return VaultState.from_content(vault_id, json.loads(plaintext), known)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AppError):
            log.warning("the merge base is damaged; merging two-way on this sync")
            return None

    def _save_base(self, key: bytes, vault_id: str, state: VaultState | bytes) -> None:
        """The merge base: ``state``, or its content's :func:`_plain` bytes."""
        content = state if isinstance(state, bytes) else _plain(state.to_content())
        nonce, ct = seal(key, content, _BASE_AAD + vault_id.encode())
        data = json.dumps({"nonce": _b64(nonce), "ciphertext": _b64(ct)}).encode()
        atomic_write(private_dir(sync_dir(self.data_dir)) / BASE_FILE, data)

    def sync_now(self, vault: Vault, *, wait: bool = True) -> SyncResult:
        """Merge the folder file and its conflict copies into ``vault`` and write the result
        back to both. Raises :class:`SyncError` (nothing changed) for a folder that is not there
        or a synced file this app cannot merge. One merge at a time per data folder: while
        another thread merges, this waits for it, or with ``wait=False`` returns at once
        (``deferred``) and the running merge goes round once more for this change."""
        if getattr(_BUSY, "on", False):
            return SyncResult()  # the merge's own save of the local vault
        flight = _flight(self.data_dir)
        with flight.cv:
            if flight.running and not wait:
                flight.again = True
                return SyncResult(deferred=True)
            flight.cv.wait_for(lambda: not flight.running)
            flight.running, flight.again = True, False
        _BUSY.on = True
        try:
            arrived = 0
            while True:
                result = self._sync_once(vault)
                arrived += result.arrived
                with flight.cv:
                    if not flight.again:
                        result.arrived = arrived
                        return result
                    flight.again = False
        finally:
            _BUSY.on = False
            with flight.cv:
                flight.running = False
                flight.cv.notify_all()

    def _sync_once(self, vault: Vault) -> SyncResult:
        config = load_config(self.data_dir)
        try:
            return self._sync(vault, config)
        except SyncError as exc:
            config.problem = str(exc)
            save_config(self.data_dir, config)
            raise

    def _sync(self, vault: Vault, config: SyncConfig) -> SyncResult:
        key, vault_id = _vault_key(vault), _vault_id(vault)
        if vault_id != config.vault_id:
            raise SyncError(N_("This computer's vault is not the synced one; run `sync leave`."))
        result = SyncResult()
        # The files are read against the states in memory (the vault's entries as this process
        # has them, then the base): only what differs is built (bench_merge.py).
        mine = VaultState(vault_id, vault.content().entries)
        base = self._load_base(key, vault_id, (mine,))
        clock = HybridClock(config.device_id)
        clock.observe(config.clock)
        known = (mine, base) if base is not None else (mine,)
        folder_state, theirs = self._gather(config, key, vault_id, result, known)
        for state in (base, *(t for _c, t in theirs)):
            if state is not None:
                clock.observe(state.max_stamp())
        arrived: set[str] = set()
        conflicts: set[str] = set()
        merged_box: list[VaultState] = []

        def change(fresh: Content) -> Content | None:
            """Under the vault's lock: the merge into the file's current content."""
            arrived.clear()
            conflicts.clear()
            local = list(fresh.entries.values())
            ours = _local_state(vault_id, local, _local_tombstones(fresh.extra), base, clock)
            merged = ours
            for _copy, state in theirs:
                merged, report = merge(
                    base,
                    merged,
                    state,
                    device=config.device_id,
                    device_name=config.device_name,
                    now_ms=_now_ms(),
                )
                _tally(report, arrived, conflicts)
            conflicts.update(_decided_elsewhere(ours, merged))
            if not theirs:
                merged, _ = merge(
                    base, merged, merged, device=config.device_id, device_name=config.device_name
                )
            merged_box[:] = [merged]
            # 1. the local vault (the place this computer's changes always live)
            new = {e.uuid: e for e in merged.ordered()}
            extra = _local_extra(fresh.extra, merged)
            if extra == fresh.extra and _same_entries(new, fresh.entries):
                return None
            return Content(new, extra)

        vault.transact(change)
        merged = merged_box[0]
        # 2. the folder file (the content serialised once, for it and the base)
        plain = _plain(merged.to_content(mine.records))
        config.last_change = _last_change(merged)
        merged_copies = [c for c, _s in theirs if c is not None]
        self._write_back(config, key, vault_id, (merged, plain), folder_state, clock, result)
        # 3. the base, then the merged copies go to the backup folder
        self._save_base(key, vault_id, plain)
        for copy in merged_copies:
            move_to_backup(copy.path, sync_dir(self.data_dir) / COPIES_DIR)
        result.arrived = len(arrived)
        result.conflicts = len(conflicts)
        result.copies_merged = len(merged_copies)
        config.last_sync_ms = _now_ms()
        config.clock = clock.last
        if conflicts:
            config.conflicts = len(conflicts)
        elif arrived or result.wrote_folder:
            config.conflicts = 0  # a later change: the status line is about that one
        config.foreign = result.foreign
        config.problem = "; ".join(result.problems)
        config.names = {**config.names, **_names(merged)}
        save_config(self.data_dir, config)
        return result

    def _write_back(
        self,
        config: SyncConfig,
        key: bytes,
        vault_id: str,
        merged: tuple[VaultState, bytes],
        folder_state: VaultState | None,
        clock: HybridClock,
        result: SyncResult,
    ) -> None:
        """The merged content (``merged``: the state and its plaintext) to the folder file, when
        its accounts differ from the file's.

        Else not: a device record's news ("merged up to") rides along with the next change.
        Two computers merging the same copy at once would each write their own record, and the
        engine would make a conflict copy of that, and so on forever (measured over Syncthing).
        A file merged with nothing to add is recorded as seen, so the watcher does not merge
        it again."""
        if folder_state is None or not _same_accounts(folder_state, merged[0]):
            config.written_hash = self._write_folder(config, key, vault_id, merged[1], clock)
            result.wrote_folder = True
        elif result.seen_hash:
            config.written_hash = result.seen_hash[0]

    def _gather(
        self,
        config: SyncConfig,
        key: bytes,
        vault_id: str,
        result: SyncResult,
        known: tuple[VaultState, ...] = (),
    ) -> tuple[VaultState | None, list[tuple[Any, VaultState]]]:
        """The folder file's state and every readable conflict copy's (bad ones named in
        ``result``), read against the ``known`` states."""
        try:
            found: FolderScan = scan(config.folder_path)
        except FolderUnreachable:
            raise SyncError(
                N_(
                    "The sync folder is not reachable: {folder}. Your accounts are kept on this "
                    "computer.",
                    folder=config.folder,
                )
            ) from None
        theirs: list[tuple[Any, VaultState]] = []  # (conflict copy or None, its state)
        folder_state: VaultState | None = None
        if found.vault_file is not None:
            body = self._read_theirs(
                found.vault_file, key, vault_id, what="synced file", seen=result.seen_hash
            )
            folder_state = _state(vault_id, body, known)
            theirs.append((None, folder_state))
            known = (*known, folder_state)
        for copy in found.copies:
            try:
                body = self._read_theirs(copy.path, key, vault_id, what="conflict copy")
                theirs.append((copy, _state(vault_id, body, known)))
            except _Foreign:
                result.foreign.append(copy.path.name)
            except SyncError as exc:
                result.problems.append(
                    N_("{file}: {problem}", file=copy.path.name, problem=exc.args[0])
                )
        return folder_state, theirs

    def _write_folder(
        self,
        config: SyncConfig,
        key: bytes,
        vault_id: str,
        content: bytes,
        clock: HybridClock,
    ) -> str:
        """Write the synced file atomically; its hash. A folder that cannot be written: the
        problem kept in the status and raised (the local vault already has everything)."""
        data = _seal_doc(key, vault_id, config.slot, content)
        try:
            atomic_write(config.folder_path / FOLDER_FILE, data)
        except OSError as exc:
            problem = N_(
                "The sync folder cannot be written ({error}); your accounts are kept on this "
                "computer and written at the next sync.",
                error=exc.strerror,
            )
            config.problem = problem
            config.clock = clock.last
            save_config(self.data_dir, config)
            raise SyncError(problem) from None
        return hashlib.sha256(data).hexdigest()

    def _read_theirs(
        self, path: Path, key: bytes, vault_id: str, *, what: str, seen: list[str] | None = None
    ) -> dict[str, Any]:
        """The body of a vault file in the folder; ``seen`` gets the hash of the bytes read."""
        try:
            doc, raw = _read_doc(path)
            if seen is not None:
                seen.append(hashlib.sha256(raw).hexdigest())
        except FileNotFoundError:
            if what == "conflict copy":
                raise SyncError(N_("The conflict copy vanished while it was read.")) from None
            raise SyncError(N_("The synced file vanished while it was read.")) from None
        except VaultError as exc:
            if what == "conflict copy":
                raise SyncError(
                    N_("The conflict copy cannot be merged: {error}", error=exc.args[0])
                ) from None
            raise SyncError(
                N_("The synced file cannot be merged: {error}", error=exc.args[0])
            ) from None
        if doc["vault_id"] != vault_id:
            if what == "conflict copy":
                raise _Foreign(path.name)
            raise SyncError(
                N_(
                    "The sync folder holds another vault (not this computer's); nothing was changed. "
                    "Import it, or pick another folder."
                )
            )
        try:
            return _open_body(doc, key)
        except VaultError as exc:
            if what == "conflict copy":
                raise SyncError(
                    N_("it was modified or is damaged ({error})", error=exc.args[0])
                ) from None
            raise SyncError(
                N_(
                    "The synced file was modified or is damaged; nothing was changed ({error})",
                    error=exc.args[0],
                )
            ) from None

    # --- status -----------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        """What the status line and ``sync status --json`` show."""
        if not is_synced(self.data_dir):
            return {"synced": False}
        config = load_config(self.data_dir)
        folder = config.folder_path
        reachable = folder.is_dir()
        return {
            "synced": True,
            "folder": config.folder,
            "reachable": reachable,
            "device": config.device_name,
            "last_sync_ms": config.last_sync_ms,
            "last_change": config.last_change,
            "conflicts": config.conflicts,
            "foreign": config.foreign,
            "problem": config.problem or ("" if reachable else _unreachable(config.folder)),
        }

    def folder_changed(self) -> bool:
        """Whether the folder holds something this computer did not write or merge yet (a cheap
        check for the watcher: the synced file's hash, and any conflict copy)."""
        config = load_config(self.data_dir)
        try:
            found = scan(config.folder_path)
        except FolderUnreachable:
            return False
        if found.copies:
            return True
        if found.vault_file is None:
            return True
        try:
            digest = hashlib.sha256(found.vault_file.read_bytes()).hexdigest()
        except OSError:
            return False
        return digest != config.written_hash


class _Foreign(SyncError):
    pass


def _same_accounts(a: VaultState, b: VaultState) -> bool:
    """Whether two states store the same accounts and deletions (their devices aside)."""
    if a.tombstones.keys() != b.tombstones.keys():
        return False
    if any(t.to_dict() != b.tombstones[u].to_dict() for u, t in a.tombstones.items()):
        return False
    return _same_entries(a.entries, b.entries)


def _unreachable(folder: str) -> str:
    return N_("The sync folder is not reachable: {folder}.", folder=folder)


def _state(vault_id: str, body: dict[str, Any], known: tuple[VaultState, ...] = ()) -> VaultState:
    try:
        return VaultState.from_content(vault_id, body, known)
    except (ValueError, KeyError, TypeError, AppError) as exc:
        raise SyncError(N_("its content is damaged ({error})", error=type(exc).__name__)) from None


def _local_extra(extra: dict[str, Any], merged: VaultState) -> dict[str, Any]:
    """The local vault's ``extra`` after a merge: the merged tombstones (the vault's own
    deletions and the other computers', compacted) replace the ones it had."""
    extra = {k: v for k, v in extra.items() if k != "tombstones"}
    if merged.tombstones:
        extra["tombstones"] = [merged.tombstones[u].to_dict() for u in sorted(merged.tombstones)]
    return extra


def _same_entries(a: Mapping[str, Entry], b: Mapping[str, Entry]) -> bool:
    """Whether two sets of entries store the same (stamps and history included): the same
    objects mostly, after a merge that changed little."""
    if a.keys() != b.keys():
        return False
    for u, e in a.items():
        other = b[u]
        if e is not other and e.to_dict() != other.to_dict():
            return False
    return True


def _local_tombstones(extra: dict[str, Any]) -> dict[str, Tombstone]:
    """The tombstones the local vault keeps in its content (the vault writes one per removal)."""
    try:
        return {t.uuid: t for t in (Tombstone.from_dict(d) for d in extra.get("tombstones") or ())}
    except (ValueError, KeyError, TypeError, AttributeError, AppError) as exc:
        raise SyncError(
            N_("The vault's deletion records are damaged ({error}).", error=type(exc).__name__)
        ) from None


def _local_state(
    vault_id: str,
    local: list[Entry],
    tombstones: dict[str, Tombstone],
    base: VaultState | None,
    clock: HybridClock,
) -> VaultState:
    """The local vault as a state. The vault stamps every change and leaves a tombstone per
    removal when it saves; what it did not stamp (a vault written before it did: entries
    without stamps, or changed with the base's stamps; accounts gone without a tombstone) is
    stamped here, after every stamp of the local vault."""
    clock.observe(VaultState(vault_id, {e.uuid: e for e in local}, tombstones).max_stamp())
    base_entries = base.entries if base is not None else {}
    entries: dict[str, Entry] = {}
    for e in local:
        prev = base_entries.get(e.uuid)
        if prev is None:
            if not e.stamps:
                e = e.stamped(None, clock.stamp())
        elif e.stamps == prev.stamps and (e != prev or e.counter != prev.counter):
            e = e.stamped(prev, clock.stamp())
        entries[e.uuid] = e
    tombs = dict(base.tombstones) if base is not None else {}
    for u, t in tombstones.items():
        tombs[u] = _merge_tombstone(tombs[u], t) if u in tombs else t
    state = VaultState(vault_id, entries, tombs, dict(base.devices) if base is not None else {})
    gone = [u for u in base_entries if u not in entries and u not in state.tombstones]
    if gone:
        state = VaultState(
            vault_id,
            {**entries, **{u: base_entries[u] for u in gone}},
            state.tombstones,
            state.devices,
        )
        state = delete(state, gone, clock.stamp())
    return state


def _decided_elsewhere(ours: VaultState, merged: VaultState) -> set[str]:
    """Conflicts decided on another computer: their losers arrive in an entry's history."""
    found = set()
    for u, e in merged.entries.items():
        mine = ours.entries.get(u)
        if mine is not None and {h.stamp for h in e.history} - {h.stamp for h in mine.history}:
            found.add(u)
    return found


def _tally(report: MergeReport, arrived: set[str], conflicts: set[str]) -> None:
    arrived.update(report.added, report.changed, report.removed, report.restored)
    conflicts.update(c.uuid for c in report.conflicts)


def _names(state: VaultState) -> dict[str, str]:
    return {d.id: d.name for d in state.devices.values() if d.name}


def device_names(data_dir: Path) -> dict[str, str]:
    """The names of the vault's computers by device id, as the last merge knew them (for the
    history and the deleted accounts: "from laptop"); this computer's own id maps to ``""``.
    An unsynced vault knows only this computer."""
    names: dict[str, str] = {}
    if is_synced(data_dir):
        with contextlib.suppress(AppError):
            names.update(load_config(Path(data_dir)).names)
    names[local_device_id(data_dir)] = ""
    return names


def _last_change(state: VaultState) -> dict[str, Any]:
    """The newest stamp of the state: which computer (by name) changed something, and when."""
    stamp = state.max_stamp()
    if not stamp:
        return {}
    device = stamp_device(stamp)
    record = state.devices.get(device)
    return {"device": record.name if record and record.name else device, "at": stamp_wall_ms(stamp)}


def status_line(status: dict[str, Any], now_ms: int | None = None) -> str:
    """The quiet line: "In step · last change from laptop 2 min ago", or what is wrong."""
    if not status.get("synced"):
        return "Not synced"
    if status.get("problem"):
        return str(status["problem"])
    parts = ["In step"]
    change = status.get("last_change") or {}
    if change.get("device") and change.get("at"):
        parts.append(f"last change from {change['device']} {_ago(int(change['at']), now_ms)}")
    line = " · ".join(parts)
    n = int(status.get("conflicts") or 0)
    if n:
        accounts = "1 account" if n == 1 else f"{n} accounts"
        line += (
            f" · {accounts} changed on both computers: the newer edits were kept, the older ones "
            "are in the account's history"
        )
    if status.get("foreign"):
        line += f" · {len(status['foreign'])} file(s) of another vault in the folder: import them?"
    return line


def _ago(at_ms: int, now_ms: int | None) -> str:
    return ago(((now_ms if now_ms is not None else _now_ms()) - at_ms) // 1000)


def attach(vault: Vault, data_dir: Path, keystore: KeyStore | None = None) -> SyncService | None:
    """On a synced vault, every save also writes the folder (as part of the command that saved,
    or soon after it in a worker: :func:`write_saves_with`); a sync problem is kept in the
    status, the save itself stands. None when not synced."""
    if not is_synced(data_dir):
        return None
    attached = _ATTACHED.get(vault)
    if attached is not None:  # set up again, or joined: one write per save
        return attached[0]
    service = SyncService(data_dir, keystore)

    def after_save() -> None:
        if getattr(_BUSY, "on", False):
            return  # the merge's own save of the local vault
        if not is_synced(data_dir):
            return  # this computer left the sync since
        notify = saves_writer(data_dir)
        if notify is not None:
            try:
                notify()
                return
            except Exception:
                log.exception("sync after save: the folder's writer failed; writing it here")
                stop_writing_saves(data_dir, notify)
        try:
            service.sync_now(vault, wait=False)  # a merge running in a worker takes it along
        except AppError as exc:
            log.warning("sync after save: %s", exc)

    vault.add_listener(after_save)
    _ATTACHED[vault] = (service, after_save)
    return service


def detach(vault: Vault) -> None:
    """Undo :func:`attach`: the vault's saves no longer write the folder."""
    attached = _ATTACHED.pop(vault, None)
    if attached is not None:
        vault.remove_listener(attached[1])


#: The vaults :func:`attach` has given a folder write after each save: (its service, the listener).
_ATTACHED: weakref.WeakKeyDictionary[Vault, tuple[SyncService, Callable[[], None]]] = (
    weakref.WeakKeyDictionary()
)
