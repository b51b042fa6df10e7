"""The vault: every account in one AES-256-GCM encrypted file.

File (JSON, schema version ``VERSION``)::

    {"format": "desktop-authenticator-vault", "version": 3, "vault_id": "<uuid>",
     "slot": {"type": "keyring", "item": "vault-key:<vault_id>"}
           | {"type": "password", "kdf": "scrypt", "n", "r", "p", "salt", "nonce", "wrapped_key"},
     "nonce": "<b64>", "ciphertext": "<b64>"}

The plaintext is ``{"entries": [...]}`` plus any other top-level keys (kept as read, see
:class:`Content`). The random 256-bit key is held either in the OS keyring (one keyring read when
the vault opens, whatever the number of accounts) or wrapped by a password with scrypt. There is
exactly one key slot.

Authentication (version 2): the content's associated data is the whole header -- format, version,
vault id and the key slot (canonical JSON), so a changed slot (scrypt parameters, salt, wrapped
key, keyring item) fails like changed content. The password slot's own associated data names the
format, version and its scrypt parameters. Parameters this app does not write are
refused before scrypt runs (:mod:`desktop_app.vault.crypto`); the message says the file was
modified. Version 1 files (the slot outside the associated data) are read and written as
the current version at the next save.

Version 3 (issue 21) is version 2 whose content carries sync bookkeeping an older app would drop
when it saves: per-field stamps and history in every entry, tombstones (deleted accounts, kept
30 days for a restore) and device records beside the entries. The layout did not change, only
the number: an app that reads versions 1 and 2 refuses a version-3 file ("Update the app")
instead of saving it back without them. The password slot's own associated data keeps naming
slot format 2 (:data:`SLOT_FORMATS`): the slot did not change, so a slot wrapped by a version-2
app (a synced folder's, a vault's) still opens and needs no new scrypt run; the version itself is
covered by the content's associated data.

Several writers, one file (the window, terminal commands, the sync merge): nobody holds the vault
while it is open. Every change is one *transaction*: take the lock file (held for this one
read-change-write only), re-read the file when another process wrote it since this one last read
or wrote it, apply the change to that fresh content (so the other writer's changes are kept),
write atomically (temp file in the same folder, fsync, rename, fsync of the folder), release.
Reading needs no lock: a rename replaces the file whole. :meth:`Vault.refresh` picks up another
process's write; :meth:`Vault.file_changed` tells cheaply whether there is one.
:meth:`Vault.transact` is the hook for a change of the whole content (the sync merge).

Before a save replaces the file, the file it replaces is kept as ``vault.json.prev``; opening
falls back to it (with :attr:`Vault.notice`) when the current file is refused. A save that would
make a file this app refuses to open (over :data:`MAX_ACCOUNTS` accounts or
:data:`MAX_VAULT_BYTES`) is refused instead, and nothing changes.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import math
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from desktop_app.errors import (
    KeyringUnavailableError,
    OtpError,
    VaultBusyError,
    VaultError,
    WrongPasswordError,
)
from desktop_app.i18n import N_
from desktop_app.logs import get_logger
from desktop_app.otp.model import ACCOUNT_FIELDS, HISTORY_LIMIT, Entry, new_uuid
from desktop_app.vault import lock as lock_module
from desktop_app.vault.crypto import (
    KEY_BYTES,
    LEGACY_SLOT_AAD,
    ScryptParams,
    new_key,
    open_sealed,
    seal,
    unwrap_key,
    wrap_key,
)
from desktop_app.vault.keystore import KeyStore
from desktop_app.vault.lock import FileLock, LockWaitNotice
from desktop_app.vault.stamps import Stamper

if TYPE_CHECKING:
    from desktop_app.sync.merge import Tombstone, VaultState

log = get_logger(__name__)

FORMAT = "desktop-authenticator-vault"
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
#: the password slot's format by file version (named in the slot's associated data)
SLOT_FORMATS = {1: 1, 2: 2, 3: 2}
VAULT_FILE = "vault.json"
#: the file a save replaced: opening falls back to it when the current one is refused
PREVIOUS_FILE = "vault.json.prev"
LOCK_FILE = "vault.lock"
#: 10,000 accounts take about 4 MB; anything far larger is not a vault this app wrote.
MAX_VAULT_BYTES = 64 * 2**20
#: the most accounts a vault holds (an import adds at most ``importers.contract.MAX_ENTRIES``)
MAX_ACCOUNTS = 50_000
#: the first bytes of the file, compared to tell a rewrite whose size and time look the same
#: (they hold the content's nonce, new at every save)
_PREFIX_BYTES = 4096
_SLOT_KEYS = {
    "keyring": {"type", "item"},
    "password": {"type", "kdf", "n", "r", "p", "salt", "nonce", "wrapped_key"},
}

Mode = Literal["keyring", "password"]
# Called with creating=True when a new password must be chosen; returns None when the person
# cancels.
PasswordProvider = Callable[[bool], str | None]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise VaultError(N_("The vault file is damaged (a field has the wrong type)."))
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise VaultError(N_("The vault file is damaged (bad Base64).")) from None


def _unhex(text: Any) -> bytes:
    if not isinstance(text, str):
        raise VaultError(N_("The vault file is damaged (a field has the wrong type)."))
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise VaultError(N_("The vault file is damaged (bad hex).")) from None


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(
    path: Path, data: bytes, before_rename: Callable[[], None] | None = None
) -> os.stat_result:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file; returns
    the new file's status (taken before the rename, so nobody else's file). ``before_rename()``
    runs once the data is durable, just before the rename (the vault keeps its previous
    generation there)."""
    tmp = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            written = os.fstat(fh.fileno())
        if before_rename is not None:
            before_rename()
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return written


def read_regular(path: Path, limit: int, what: str) -> tuple[bytes, os.stat_result]:
    """At most ``limit + 1`` bytes of ``path`` and its status; refuses (one line) anything but a
    regular file -- a FIFO is opened without blocking and never read, a directory never read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise VaultError(
            N_("{what} cannot be read: {error}.", what=what, error=exc.strerror)
        ) from None
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise VaultError(
            N_("{what} ({name}) is not a regular file; move it away.", what=what, name=path.name)
        )
    with os.fdopen(fd, "rb") as fh:
        try:
            return fh.read(limit + 1), st
        except OSError as exc:
            raise VaultError(
                N_("{what} cannot be read: {error}.", what=what, error=exc.strerror)
            ) from None


# --- entries -> JSON ---------------------------------------------------------------------------

# ASCII escapes: any text (even a lone surrogate from a mis-decoded file name) round-trips.
_encode_json = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode


# --- key slots --------------------------------------------------------------------------------


def _slot_params(slot: dict[str, Any]) -> ScryptParams:
    n, r, p = (slot.get(k) for k in ("n", "r", "p"))
    if slot.get("kdf") != "scrypt" or not (type(n) is int and type(r) is int and type(p) is int):
        raise VaultError(
            N_("The vault file was modified: its password slot is not one this app writes.")
        )
    params = ScryptParams(n=n, r=r, p=p, salt=_unhex(slot.get("salt")))
    params.check()
    return params


def _check_slot(slot: Any, vault_id: str) -> None:
    """Exactly one key slot, of a known type, with exactly the fields this app writes."""
    if not isinstance(slot, dict):
        raise VaultError(N_("The vault file is damaged (no key slot)."))
    expected = _SLOT_KEYS.get(str(slot.get("type")))
    if expected is None:
        raise VaultError(N_("The vault file names an unknown key slot."))
    if set(slot) != expected:
        raise VaultError(N_("The vault file was modified: its key slot has unexpected fields."))
    if slot["type"] == "keyring":
        if slot["item"] != f"vault-key:{vault_id}":
            raise VaultError(
                N_("The vault file was modified: its key slot names another keyring item.")
            )
    else:
        _slot_params(slot)


def _slot_aad(version: int, params: ScryptParams) -> bytes:
    slot_format = SLOT_FORMATS[version]
    if slot_format == 1:
        return LEGACY_SLOT_AAD
    # The vault id is left out so that a changed id is reported as a modified file (by the
    # content's associated data, which covers it and the whole slot), not as a wrong password.
    return _canonical(
        [FORMAT, slot_format, "password-slot", "scrypt", params.n, params.r, params.p]
    )


class Content:
    """The vault's plaintext: the accounts by uuid, and every other top-level key of it kept as
    read (so that a version that knows more -- sync's tombstones and devices -- loses nothing
    when this one saves)."""

    __slots__ = ("entries", "extra")

    def __init__(self, entries: dict[str, Entry], extra: dict[str, Any] | None = None) -> None:
        self.entries = entries
        self.extra = {} if extra is None else extra


#: ``change(fresh)``: the content to save, from the file's current content; None saves nothing
ContentChange = Callable[[Content], Content | None]
# internal changes edit ``fresh`` in place; ``before`` is the content this process had before
# the re-read (what its caller saw). False: nothing to save.
_Change = Callable[[Content, dict[str, Entry]], bool | None]


def _ident(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class _FileMark:
    """The file as this process last read or wrote it. Its status alone is not enough (a freed
    inode comes back, timestamps are coarse): its first bytes hold the content's nonce, new at
    every save, and its hash settles a changed status with unchanged bytes. A plain class: a
    NamedTuple's string annotations cost a compile() (desktop_app/paths.py)."""

    __slots__ = ("digest", "ident", "prefix")

    def __init__(self, ident: tuple[int, int, int, int], prefix: bytes, digest: bytes) -> None:
        self.ident = ident
        self.prefix = prefix
        self.digest = digest

    @classmethod
    def of(cls, data: bytes, st: os.stat_result) -> _FileMark:
        return cls(_ident(st), data[:_PREFIX_BYTES], hashlib.sha256(data).digest())


def _damaged(detail: str) -> VaultError:
    return VaultError(N_("The vault's content is damaged ({detail}).", detail=detail))


def _stored_entry(number: int, data: Any) -> Entry:
    """An entry of the vault's content, checked like an import's (one line when it is not)."""
    if not isinstance(data, dict):
        raise _damaged(N_("account {number} is not an object", number=number))
    try:
        entry = Entry.from_dict(data)
    except OtpError as exc:
        raise _damaged(N_("account {number}: {error}", number=number, error=exc.args[0])) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _damaged(
            N_("account {number}: {error}", number=number, error=type(exc).__name__)
        ) from None
    if type(entry.order) is not int:
        raise _damaged(N_("account {number}: its order is not a whole number", number=number))
    created = entry.created
    if type(created) not in (int, float) or not math.isfinite(created):
        raise _damaged(N_("account {number}: its creation time is not a number", number=number))
    if not isinstance(entry.uuid, str) or not 0 < len(entry.uuid) <= 64:
        raise _damaged(N_("account {number}: its id is not text", number=number))
    return entry


def _content_from(plaintext: bytes) -> Content:
    try:
        body = json.loads(plaintext)
    except RecursionError:
        raise _damaged(N_("nested too deeply")) from None
    except ValueError:
        raise _damaged(N_("not JSON")) from None
    if not isinstance(body, dict) or not isinstance(body.get("entries"), list):
        raise _damaged(N_("no list of accounts"))
    stored = body["entries"]
    if len(stored) > MAX_ACCOUNTS:
        raise VaultError(
            N_(
                "The vault holds {n:,} accounts, more than the {limit:,} this app keeps; it is "
                "not one this app wrote.",
                n=len(stored),
                limit=MAX_ACCOUNTS,
            )
        )
    entries: dict[str, Entry] = {}
    for number, data in enumerate(stored, 1):
        entry = _stored_entry(number, data)
        if entry.uuid in entries:
            raise _damaged(N_("account {number} has the id of another", number=number))
        entries[entry.uuid] = entry
    return Content(entries, {k: v for k, v in body.items() if k != "entries"})


def _edited(base: Entry | None, ours: Entry, fresh: Entry | None) -> Entry:
    """``ours`` (the caller's edit of ``base``) applied to ``fresh`` (the entry as another
    process left it): the fields the caller changed from ``fresh``'s, the others as they are
    now. An edit of an account deleted meanwhile brings it back."""
    if fresh is None or base is None or fresh is base:
        return ours
    changes = {
        name: getattr(ours, name)
        for name in ACCOUNT_FIELDS
        if getattr(ours, name) != getattr(base, name)
    }
    edited = fresh.with_changes(**changes) if changes else fresh
    added = [h for h in ours.history if h not in base.history]  # a restore keeps what it replaced
    if added:
        kept = (*added, *(h for h in fresh.history if h not in added))[:HISTORY_LIMIT]
        edited = edited.with_changes(history=kept)
    return edited


def _tombstone_state(vault_id: str, extra: dict[str, Any]) -> VaultState:
    """The content's deletion records as a sync state without entries; a damaged record is
    left out (the vault keeps it as it is)."""
    from desktop_app.sync.merge import Tombstone, VaultState

    tombs: dict[str, Tombstone] = {}
    records = extra.get("tombstones")
    for record in records if isinstance(records, list) else ():
        try:
            tomb = Tombstone.from_dict(record)
        except (ValueError, KeyError, TypeError, AttributeError, OtpError):
            continue
        tombs[tomb.uuid] = tomb
    return VaultState(vault_id, {}, tombs)


def _keep_previous(path: Path, refused: bool) -> None:
    """The file about to be replaced becomes ``vault.json.prev`` (a hard link: no copy); a
    refused one is moved aside instead, so that the previous generation stays one that
    opens."""
    if refused:
        with contextlib.suppress(FileNotFoundError):
            os.replace(path, path.parent / f"{VAULT_FILE}.refused")
        return
    previous = path.parent / PREVIOUS_FILE
    staged = path.parent / f".{PREVIOUS_FILE}.{os.urandom(4).hex()}.tmp"
    try:
        os.link(path, staged)
    except FileNotFoundError:
        return  # the first save
    except OSError:  # no hard links here (some network and FUSE file systems): a copy
        try:
            raw, _ = read_regular(path, MAX_VAULT_BYTES, N_("The vault file"))
        except (OSError, VaultError):
            return
        atomic_write(previous, raw)
        return
    try:
        os.replace(staged, previous)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise


# --- the file format ----------------------------------------------------------------------


def _remove_stale_temp_files(data_dir: Path) -> None:
    """Temp files a killed writer left -- only while nobody writes (a live writer's temp
    file is not stale: the lock is tried, not waited for). The folder is looked at first: the
    lock is taken only when there is something to remove (taking it writes the lock file, a
    few ms on ext4, which a command that only reads need not pay)."""
    prefix, suffix = f".{VAULT_FILE}.", ".tmp"  # as atomic_write names them: .vault.json.*.tmp
    try:
        names = [
            name
            for name in os.listdir(data_dir)
            if name.startswith(prefix)
            and name.endswith(suffix)
            and len(name) >= len(prefix) + len(suffix)
        ]
    except OSError:
        return
    if not names:
        return
    lock = FileLock(data_dir / LOCK_FILE)
    try:
        lock.acquire(wait=0)
    except VaultBusyError:
        return
    try:
        for name in names:
            stale = data_dir / name
            if stale.is_symlink() or stale.is_file():
                stale.unlink(missing_ok=True)
            elif stale.exists():
                log.warning("left %s alone: it is not a file", stale.name)
    finally:
        lock.release()


def _password_slot(key: bytes, password: str, vault_id: str) -> dict[str, Any]:
    params = ScryptParams.fresh()
    nonce, wrapped = wrap_key(key, password, params, _slot_aad(VERSION, params))
    return {
        "type": "password",
        "kdf": "scrypt",
        "n": params.n,
        "r": params.r,
        "p": params.p,
        "salt": params.salt.hex(),
        "nonce": nonce.hex(),
        "wrapped_key": wrapped.hex(),
    }


def _unwrap(slot: dict[str, Any], version: int, password: str) -> bytes:
    params = _slot_params(slot)
    aad = _slot_aad(version, params)
    return unwrap_key(_unhex(slot["wrapped_key"]), _unhex(slot["nonce"]), password, params, aad)


def _keyring_key(slot: dict[str, Any], keystore: KeyStore | None) -> bytes:
    if keystore is None or not keystore.available():
        raise KeyringUnavailableError(
            N_(
                "The vault's key is kept in the OS keyring, but no keyring is available. "
                "Start your desktop's keyring (Secret Service) and try again."
            )
        )
    stored = keystore.get(str(slot["item"]))
    if stored is None:
        raise VaultError(
            N_(
                "The vault's key is missing from the OS keyring, so the vault cannot be "
                "opened. Restore it from a backup."
            )
        )
    try:
        key = _unb64(stored)
    except VaultError:
        key = b""
    if len(key) != KEY_BYTES:
        raise VaultError(N_("The vault's key in the OS keyring is damaged."))
    return key


def _read_raw(path: Path) -> tuple[bytes, os.stat_result]:
    try:
        raw, st = read_regular(path, MAX_VAULT_BYTES, N_("The vault file"))
    except FileNotFoundError:
        raise VaultError(N_("The vault file is gone.")) from None
    if len(raw) > MAX_VAULT_BYTES:
        raise VaultError(
            N_(
                "The vault file is larger than {n} MB; it is not one this app wrote.",
                n=MAX_VAULT_BYTES // 2**20,
            )
        )
    return raw, st


def _parse_doc(raw: bytes) -> dict[str, Any]:
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        raise VaultError(N_("The vault file is damaged (not JSON).")) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise VaultError(N_("This is not a Desktop Authenticator vault file."))
    version = doc.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        shown = repr(version)[:20]
        raise VaultError(
            N_(
                "The vault file has version {version}; this app reads versions {versions}. "
                "Update the app.",
                version=shown,
                versions=", ".join(map(str, READABLE_VERSIONS)),
            )
        )
    vault_id = doc.get("vault_id")
    if not isinstance(vault_id, str) or len(vault_id) > 64:
        raise VaultError(N_("The vault file is damaged (no vault id)."))
    if not (isinstance(doc.get("nonce"), str) and isinstance(doc.get("ciphertext"), str)):
        raise VaultError(N_("The vault file is damaged (its content is missing)."))
    if "slots" in doc:
        raise VaultError(N_("The vault file was modified: it names more than one key slot."))
    _check_slot(doc.get("slot"), vault_id)
    return doc


def _aad(header: dict[str, Any]) -> bytes:
    if header["version"] == 1:
        return json.dumps(
            [header["format"], header["version"], header["vault_id"]], separators=(",", ":")
        ).encode()
    return _canonical([header["format"], header["version"], header["vault_id"], header["slot"]])


class VaultFile:
    """The vault's file on disk, the job of the other writers: whether another process wrote it
    since this one last read or wrote it, reading it back, writing it atomically (keeping the
    previous generation) and the lock file each change holds for its read-change-write. It
    knows bytes and the file format, not what a change means: the key and header are the
    caller's. Not locked on its own: :class:`Vault` calls it under its mutex."""

    def __init__(
        self,
        data_dir: Path,
        *,
        mark: _FileMark | None = None,
        lock_wait: float | None = None,
        on_lock_wait: LockWaitNotice | None = None,
    ) -> None:
        self.path = data_dir / VAULT_FILE
        self._lock_path = data_dir / LOCK_FILE
        #: the file as this process last read or wrote it (None: compare the whole file)
        self.mark = mark
        #: the status of a current file that was refused (the vault was opened from the previous
        #: one): it is moved aside, not kept as the previous generation, by the next save
        self.refused: tuple[int, int, int, int] | None = None
        # uuid -> (entry, its JSON): an unchanged entry is not serialised again on the next save
        self._records: dict[str, tuple[Entry, str]] = {}
        #: how long a change waits for another process's save before it gives up (seconds)
        self.lock_wait = lock_module.LOCK_WAIT_SECONDS if lock_wait is None else lock_wait
        self._on_lock_wait = on_lock_wait

    def lock(self) -> FileLock:
        """The lock file, taken (waiting as configured); the caller releases it."""
        lock = FileLock(self._lock_path)
        lock.acquire(wait=self.lock_wait, on_wait=self._on_lock_wait)
        return lock

    def changed(self) -> tuple[bytes, os.stat_result] | None:
        """The file's bytes when another process wrote it since this one read or wrote it."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None  # deleted: the next save writes it again, with every account
        except OSError as exc:
            raise VaultError(
                N_("The vault file cannot be read: {error}.", error=exc.strerror)
            ) from None
        ident = _ident(st)
        if ident == self.refused:
            return None
        mark = self.mark
        if mark is not None and ident == mark.ident:
            head, _ = read_regular(self.path, _PREFIX_BYTES - 1, N_("The vault file"))
            if head == mark.prefix:
                return None
        raw, st = _read_raw(self.path)
        if mark is not None and hashlib.sha256(raw).digest() == mark.digest:
            self.mark = _FileMark(_ident(st), mark.prefix, mark.digest)  # same bytes (a copy)
            return None
        return raw, st

    def read_changed(
        self, key: bytes, header: dict[str, Any]
    ) -> tuple[dict[str, Any], Content] | None:
        """What another process wrote, as ``(header, content)``, opened with ``key``; None when
        nobody did. Refused (nothing taken) when it is another vault or does not open."""
        changed = self.changed()
        if changed is None:
            return None
        raw, st = changed
        doc = _parse_doc(raw)
        if doc["vault_id"] != header["vault_id"]:
            raise VaultError(
                N_(
                    "The vault file was replaced by another vault (another vault id); "
                    "nothing was merged."
                )
            )
        fresh = {k: doc[k] for k in ("format", "version", "vault_id", "slot")}
        content = _content_from(
            open_sealed(key, _unb64(doc["nonce"]), _unb64(doc["ciphertext"]), _aad(fresh))
        )
        if fresh["version"] != VERSION:  # an older app wrote it; the next save migrates it
            fresh = {**fresh, "version": VERSION, "slot": header["slot"]}
        self.mark = _FileMark.of(raw, st)
        self.refused = None
        return fresh, content

    def body(self, entries: Iterable[Entry], extra: dict[str, Any]) -> bytes:
        """The plaintext: each entry serialised once and reused while it is unchanged (entries
        are immutable, so identity says unchanged). Joined by hand because the cached pieces
        are already JSON; serialising 10,000 entries again at each save costs several times a
        whole save (benchmarks/bench_vault.py)."""
        cache = self._records
        fresh: dict[str, tuple[Entry, str]] = {}
        parts: list[str] = []
        for entry in entries:
            hit = cache.get(entry.uuid)
            if hit is None or hit[0] is not entry:
                hit = (entry, _encode_json(entry.to_dict()))
            fresh[entry.uuid] = hit
            parts.append(hit[1])
        self._records = fresh
        joined = _encode_json(extra)[1:-1] if extra else ""
        return (
            '{"entries":[' + ",".join(parts) + "]" + ("," + joined if joined else "") + "}"
        ).encode("ascii")

    def write(
        self, key: bytes, header: dict[str, Any], entries: list[Entry], extra: dict[str, Any]
    ) -> None:
        """Write the vault (the caller holds the lock file). Refused, with nothing changed, when
        the file would be one this app refuses to open."""
        if len(entries) > MAX_ACCOUNTS:
            raise VaultError(
                N_("A vault holds at most {n:,} accounts; nothing was saved.", n=MAX_ACCOUNTS)
            )
        body = self.body(entries, extra)
        nonce, ciphertext = seal(key, body, _aad(header))
        # The same document json.dumps(..., indent=1) gives (a test compares them), without
        # json scanning megabytes of Base64, which needs no escaping: a fifth of a save of
        # 10,000 accounts (benchmarks/bench_vault.py).
        head = json.dumps({**header, "nonce": _b64(nonce)}, indent=1)
        data = f'{head[:-2]},\n "ciphertext": "{_b64(ciphertext)}"\n}}'.encode("ascii")
        if len(data) > MAX_VAULT_BYTES:
            raise VaultError(
                N_(
                    "The vault would be larger than {n} MB, more than this app opens; nothing "
                    "was saved.",
                    n=MAX_VAULT_BYTES // 2**20,
                )
            )
        _keep_previous(self.path, self.refused is not None)
        written = atomic_write(self.path, data)
        if not isinstance(written, os.stat_result):  # a stand-in writer (benchmarks)
            written = os.stat(self.path)
        self.mark = _FileMark.of(data, written)
        self.refused = None

    def forget(self) -> None:
        """Drop the cached serialised entries (the vault is closed)."""
        self._records = {}


class Vault:
    """The open vault. Thread-safe; every change is saved before the call returns, through the
    lock file and merged with what other processes wrote (see the module's docstring)."""

    # the file format's parts, for the methods below and for tests
    _aad = staticmethod(_aad)
    _password_slot = staticmethod(_password_slot)
    _unwrap = staticmethod(_unwrap)
    _parse_doc = staticmethod(_parse_doc)
    _read_raw = staticmethod(_read_raw)
    _keyring_key = staticmethod(_keyring_key)

    def __init__(
        self,
        data_dir: Path,
        key: bytes,
        header: dict[str, Any],
        content: Content,
        keystore: KeyStore | None,
        *,
        mark: _FileMark | None = None,
        lock_wait: float | None = None,
        on_lock_wait: LockWaitNotice | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.path = data_dir / VAULT_FILE
        self._key = key
        self._header = header
        self._entries: dict[str, Entry] = content.entries
        self._extra: dict[str, Any] = content.extra
        self._keystore = keystore
        self._mutex = threading.RLock()
        self._listeners: list[Callable[[], None]] = []
        # the file on disk: other writers' changes, atomic saves, the lock file
        self._file = VaultFile(data_dir, mark=mark, lock_wait=lock_wait, on_lock_wait=on_lock_wait)
        #: the format version the file had when it was opened (older ones are rewritten on save)
        self.file_version = int(header.get("version", VERSION))
        #: one line for the person when the vault was opened from its previous generation
        self.notice: str | None = None
        self._stamper = Stamper(data_dir, lambda: self.vault_id)  # sync stamps and tombstones

    # --- opening ---------------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (Path(data_dir) / VAULT_FILE).exists()

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        keystore: KeyStore | None,
        password_provider: PasswordProvider | None = None,
        prefer: Literal["auto", "keyring", "password"] = "auto",
        lock_wait: float | None = None,
        on_lock_wait: LockWaitNotice | None = None,
    ) -> Vault:
        """Open the vault in ``data_dir``, creating it when absent.

        A new vault keeps its key in the OS keyring when one works (``prefer="auto"``), else asks
        ``password_provider(True)`` for a password. Opening takes no lock; each later change
        takes the lock file for its own save, waiting up to ``lock_wait`` seconds (default
        :data:`~desktop_app.vault.lock.LOCK_WAIT_SECONDS`; ``on_lock_wait(message)`` is called
        once after about a second) for another process's save, then raises
        :class:`~desktop_app.errors.VaultBusyError`. Raises :class:`VaultError` subclasses.
        """
        data_dir = Path(data_dir)
        from desktop_app.paths import private_dir

        private_dir(data_dir)
        opts: dict[str, Any] = {"lock_wait": lock_wait, "on_lock_wait": on_lock_wait}
        _remove_stale_temp_files(data_dir)
        path = data_dir / VAULT_FILE
        if not (path.exists() or path.is_symlink()):
            created = _create(cls, data_dir, keystore, password_provider, prefer, opts)
            if created is not None:
                return created
            # another process created it meanwhile: open that one
        return _open_existing(cls, data_dir, keystore, password_provider, opts)

    @classmethod
    def open_with_password(cls, data_dir: Path, password: str, **kwargs: Any) -> Vault:
        """Open (or create) a password-protected vault; for tests, the self-test and the CLI."""
        return cls.open(
            Path(data_dir),
            keystore=None,
            password_provider=lambda _c: password,
            prefer="password",
            **kwargs,
        )

    # --- other writers ---------------------------------------------------------------------

    def _reload(self) -> bool:
        """Take what another process wrote (caller holds the mutex); True when it changed."""
        read = self._file.read_changed(self._key, self._header)
        if read is None:
            return False
        self._header, content = read
        self._entries, self._extra = content.entries, content.extra
        return True

    def file_changed(self) -> bool:
        """Whether another process wrote the vault file since this one last read or wrote it
        (a status call and a read of its first bytes; the whole file only when its status
        changed). Call :meth:`refresh` to take the change."""
        with self._mutex:
            try:
                return self._file.changed() is not None
            except VaultError:
                return True  # refresh() says what is wrong

    def refresh(self) -> bool:
        """Re-read the file when another process wrote it; True (and the listeners run) when
        something changed. Raises :class:`VaultError` for a file it refuses (nothing changes)."""
        with self._mutex:
            changed = self._reload()
        if changed:
            self._notify()
        return changed

    def _transact(
        self,
        change: _Change,
        header: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        stamp: bool = True,
    ) -> None:
        """One read-change-write under the lock: re-read, ``change(fresh, before)`` edits ``fresh``
        (False: nothing to save), stamp it (``stamp``), save (``header(current)``). All or none."""
        with self._mutex:
            lock = self._file.lock()
            try:
                before = self._entries
                reloaded = self._reload()
                fresh = Content(dict(self._entries), dict(self._extra))
                if change(fresh, before) is False and header is None:
                    saved = False
                else:
                    if stamp and header is None:
                        self._stamper.stamp(self._entries, self._extra, fresh, reloaded)
                    old = (self._entries, self._extra, self._header)
                    self._entries, self._extra = fresh.entries, fresh.extra
                    if header is not None:
                        self._header = header(self._header)
                    try:
                        self._save()
                    except BaseException:
                        self._entries, self._extra, self._header = old
                        raise
                    saved = True
            finally:
                lock.release()
            if reloaded or saved:
                self._notify()

    def transact(self, change: ContentChange) -> None:
        """A change of the whole content, merged with what other processes wrote: under the lock
        file, ``change(fresh)`` gets the file's current content and returns the content to save
        (None: nothing). This is where a whole-vault merge goes (sync:
        ``merge(base, ours=fresh, theirs)``)."""

        def whole(fresh: Content, _before: dict[str, Entry]) -> bool:
            result = change(fresh)
            if result is None:
                return False
            fresh.entries, fresh.extra = dict(result.entries), dict(result.extra)
            return True

        self._transact(whole, None, False)

    def content(self) -> Content:
        """A copy of the content as this process last read or wrote it."""
        with self._mutex:
            return Content(dict(self._entries), dict(self._extra))

    # --- state -----------------------------------------------------------------------------

    @property
    def vault_id(self) -> str:
        return str(self._header["vault_id"])

    @property
    def mode(self) -> Mode:
        return "password" if self._header["slot"]["type"] == "password" else "keyring"

    def add_listener(self, callback: Callable[[], None]) -> None:
        """``callback()`` runs after every successful save and after a change another process
        wrote was read (:meth:`refresh`, or the re-read before a save), in that thread."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("vault listener failed")

    def entries(self) -> list[Entry]:
        with self._mutex:
            return sorted(self._entries.values(), key=lambda e: (e.order, e.created))

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, uuid: str) -> Entry:
        with self._mutex:
            try:
                return self._entries[uuid]
            except KeyError:
                raise VaultError(N_("No such account.")) from None

    def find(self, ident: str) -> Entry | None:
        """An entry by full uuid or unique uuid prefix (at least 4 characters)."""
        with self._mutex:
            if ident in self._entries:
                return self._entries[ident]
            if len(ident) < 4:
                return None
            hits = [e for u, e in self._entries.items() if u.startswith(ident)]
            return hits[0] if len(hits) == 1 else None

    # --- changes (each saved before returning; all or nothing) -----------------------------

    # Each is an operation on the file's fresh content, so another process's changes are kept.

    def add(self, entry: Entry) -> Entry:
        return self.add_many([entry])[0]

    def add_many(self, entries: Sequence[Entry]) -> list[Entry]:
        """Add every entry in one save, or none. Entries go to the end of the custom order."""
        entries = list(entries)
        added: list[Entry] = []

        def change(fresh: Content, _before: dict[str, Entry]) -> bool:
            added.clear()
            new = fresh.entries
            if len(new) + len(entries) > MAX_ACCOUNTS:
                raise VaultError(
                    N_(
                        "A vault holds at most {limit:,} accounts; this one has {n:,}, so "
                        "{more:,} more cannot be added. Nothing was added.",
                        limit=MAX_ACCOUNTS,
                        n=len(new),
                        more=len(entries),
                    )
                )
            next_order = max((e.order for e in new.values()), default=-1) + 1
            for entry in entries:
                if entry.uuid in new:
                    entry = entry.with_changes(uuid=new_uuid())
                entry = entry.with_changes(order=next_order)
                next_order += 1
                new[entry.uuid] = entry
                added.append(entry)
            return bool(added)

        if entries:
            self._transact(change)
        return [self._entries.get(e.uuid, e) for e in added]  # as saved: with their stamps

    def update(self, entry: Entry, base: Entry | None = None) -> Entry:
        """Save an edit of an account: the fields in which ``entry`` differs from ``base`` (by
        default the account as this process knew it) are applied to the account as it is in
        the file now, so a concurrent change of another field is kept. Returns the result."""
        return self.update_many([entry], {entry.uuid: base} if base is not None else None)[0]

    def update_many(
        self, entries: Iterable[Entry], bases: dict[str, Entry] | None = None
    ) -> list[Entry]:
        edits = list(entries)
        result: list[Entry] = []

        def change(fresh: Content, before: dict[str, Entry]) -> None:
            result.clear()
            for ours in edits:
                base = (bases or {}).get(ours.uuid) or before.get(ours.uuid)
                current = fresh.entries.get(ours.uuid)
                if base is None and current is None:
                    raise VaultError(N_("No such account."))
                merged = _edited(base, ours, current)
                fresh.entries[ours.uuid] = merged
                result.append(merged)

        self._transact(change)
        return [self._entries.get(e.uuid, e) for e in result]

    def _change_one(self, uuid: str, edit: Callable[[Entry], Entry]) -> Entry:
        result: list[Entry] = []

        def change(fresh: Content, _before: dict[str, Entry]) -> None:
            current = fresh.entries.get(uuid)
            if current is None:
                raise VaultError(N_("No such account."))
            fresh.entries[uuid] = edit(current)
            result.append(fresh.entries[uuid])

        self._transact(change)
        return self._entries.get(uuid, result[0])

    def set_meta(self, uuid: str, **values: str | None) -> Entry:
        """Set (or, with None, remove) meta annotations of one entry."""

        def edit(entry: Entry) -> Entry:
            meta = dict(entry.meta)
            for k, v in values.items():
                key = k.replace("__", ".")
                if v is None:
                    meta.pop(key, None)
                else:
                    meta[key] = v
            return entry.with_changes(meta=meta)

        return self._change_one(uuid, edit)

    def increment_counter(self, uuid: str) -> Entry:
        """HOTP: advance the counter (as it is in the file now) and save at once."""
        return self._change_one(uuid, lambda e: e.with_changes(counter=e.counter + 1))

    def remove(self, uuid: str) -> None:
        self.remove_many([uuid])

    def remove_many(self, uuids: Iterable[str]) -> None:
        """Remove accounts; one another process removed already counts as removed."""
        gone = list(uuids)

        def change(fresh: Content, before: dict[str, Entry]) -> None:
            for u in gone:
                if u in fresh.entries:
                    del fresh.entries[u]
                elif u not in before:
                    raise VaultError(N_("No such account."))

        self._transact(change)

    def deleted(self) -> list[Tombstone]:
        """Deleted accounts that can still be restored (each removal's tombstone keeps the
        account for ``RESTORE_DAYS`` days), the most recent deletion first. Damaged records
        are left out."""
        from desktop_app.sync.merge import restorable

        with self._mutex:
            return restorable(_tombstone_state(self.vault_id, self._extra))

    def restore_deleted(self, uuid: str) -> Entry:
        """A deleted account back, as a new change (its tombstone goes; it is stamped after the
        deletion, so a sync brings it back on every computer). Raises
        :class:`~desktop_app.sync.merge.NotRestorableError` when it cannot be restored (any
        more); an account already back is returned as it is."""
        from desktop_app.sync.merge import NotRestorableError

        def change(fresh: Content, _before: dict[str, Entry]) -> bool:
            if uuid in fresh.entries:
                return False  # restored meanwhile (by another window, or a sync)
            tomb = _tombstone_state(self.vault_id, fresh.extra).tombstones.get(uuid)
            if tomb is None or tomb.entry is None:
                raise NotRestorableError(N_("That account cannot be restored any more."))
            fresh.entries[uuid] = tomb.entry  # new to the content: stamped as made now
            kept = [
                t
                for t in fresh.extra.get("tombstones") or ()
                if not (isinstance(t, dict) and t.get("uuid") == uuid)
            ]
            if kept:
                fresh.extra["tombstones"] = kept
            else:
                fresh.extra.pop("tombstones", None)
            return True

        self._transact(change)
        return self.get(uuid)

    def reorder(self, uuids: Sequence[str]) -> None:
        """Set the custom order: ``uuids`` first in that order, the rest after."""
        first = list(uuids)

        def change(fresh: Content, _before: dict[str, Entry]) -> None:
            new = fresh.entries
            chosen = set(first)
            rest = [
                e.uuid
                for e in sorted(new.values(), key=lambda e: (e.order, e.created))
                if e.uuid not in chosen
            ]
            for i, u in enumerate([*first, *rest]):
                if u in new:
                    new[u] = new[u].with_changes(order=i)

        self._transact(change)

    # --- protection mode -------------------------------------------------------------------

    def use_password(self, password: str) -> None:
        """Protect the vault with a password (and drop the key from the keyring)."""
        if not password:
            raise VaultError(N_("The password must not be empty."))
        slot = self._password_slot(self._key, password, self._header["vault_id"])  # scrypt
        old_slot: dict[str, Any] = {}

        def header(current: dict[str, Any]) -> dict[str, Any]:
            old_slot.update(current["slot"])
            return {**current, "slot": slot}

        self._transact(lambda _f, _b: None, header)
        if old_slot.get("type") == "keyring" and self._keystore is not None:
            self._keystore.delete(str(old_slot["item"]))

    def use_keyring(self) -> None:
        """Keep the vault key in the OS keyring instead of behind a password."""
        if self._keystore is None or not self._keystore.available():
            raise KeyringUnavailableError(N_("No working OS keyring was found."))
        item = f"vault-key:{self._header['vault_id']}"
        self._keystore.set(item, _b64(self._key))
        self._transact(
            lambda _f, _b: None,
            lambda current: {**current, "slot": {"type": "keyring", "item": item}},
        )

    def check_password(self, password: str) -> bool:
        slot = self._header["slot"]
        if slot.get("type") != "password":
            return False
        try:
            self._unwrap(slot, self._header["version"], password)
        except VaultError:
            return False
        return True

    # --- saving ----------------------------------------------------------------------------

    def _body(self) -> bytes:
        """The plaintext the next save writes (for tests and benchmarks/bench_vault.py)."""
        return self._file.body(self.entries(), self._extra)

    def _save(self) -> None:
        """Write the vault (the caller holds the lock file); see :meth:`VaultFile.write`."""
        self._file.write(self._key, self._header, self.entries(), self._extra)
        self.file_version = VERSION

    def close(self) -> None:
        """Release the vault; cached serialised entries and generated-code state are dropped."""
        self._file.forget()
        # Only a loaded code generator has anything cached; importing it (and pyotp) here just
        # to empty it would add 5-25 ms to every command that shows no code (``list``).
        codes = sys.modules.get("desktop_app.otp.codes")
        if codes is not None:
            codes.clear_cache()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- opening (the file as it is on disk -> a Vault) -------------------------------------------


def _create(
    cls: type[Vault],
    data_dir: Path,
    keystore: KeyStore | None,
    password_provider: PasswordProvider | None,
    prefer: str,
    opts: dict[str, Any],
) -> Vault | None:
    """A new vault, or None when another process created one meanwhile. The password is
    asked for and the key slot made before the lock is taken."""
    vault_id = new_uuid()
    key = new_key()
    header: dict[str, Any] = {"format": FORMAT, "version": VERSION, "vault_id": vault_id}
    use_keyring = prefer != "password" and keystore is not None and keystore.available()
    if prefer == "keyring" and not use_keyring:
        raise KeyringUnavailableError(N_("No working OS keyring was found."))
    item = f"vault-key:{vault_id}"
    if use_keyring:
        assert keystore is not None
        try:
            keystore.set(item, _b64(key))
        except KeyringUnavailableError:
            if prefer == "keyring" or password_provider is None:
                raise
            use_keyring = False
        else:
            header["slot"] = {"type": "keyring", "item": item}
    if not use_keyring:
        if password_provider is None:
            raise KeyringUnavailableError(
                N_("No working OS keyring was found; the vault needs a password.")
            )
        password = password_provider(True)
        if not password:
            raise VaultError(N_("A vault password is needed to create the vault."))
        header["slot"] = _password_slot(key, password, vault_id)
    vault = cls(data_dir, key, header, Content({}), keystore, **opts)
    lock = vault._file.lock()
    try:
        if vault.path.exists() or vault.path.is_symlink():
            if use_keyring and keystore is not None:
                keystore.delete(item)  # the key of a vault that was never written
            return None
        vault._save()
    finally:
        lock.release()
    return vault


def _open_existing(
    cls: type[Vault],
    data_dir: Path,
    keystore: KeyStore | None,
    password_provider: PasswordProvider | None,
    opts: dict[str, Any],
) -> Vault:
    """The current file; when it is refused, the previous generation, with a notice."""
    given: list[str] = []

    def once(creating: bool) -> str | None:  # the person types the password once
        if given:
            return given[0]
        password = password_provider(creating) if password_provider is not None else None
        if password is not None:
            given.append(password)
        return password

    path = data_dir / VAULT_FILE
    try:
        return _open_file(cls, path, data_dir, keystore, once, opts)
    except (WrongPasswordError, KeyringUnavailableError):
        raise
    except VaultError as exc:
        refused = exc
        try:
            refused_ident: tuple[int, int, int, int] | None = _ident(os.stat(path))
        except OSError:
            refused_ident = None
    previous = data_dir / PREVIOUS_FILE
    if not previous.is_file():
        raise refused
    try:
        vault = _open_file(cls, previous, data_dir, keystore, once, opts)
    except VaultError:
        raise refused from None
    vault._file.mark = None
    vault._file.refused = refused_ident
    vault.notice = N_(
        "{refused} Opened the previous version of the vault ({previous}) instead; the next "
        "change saves it, and the refused file is kept as {refused_file}.",
        refused=refused.args[0] if len(refused.args) == 1 else str(refused),
        previous=PREVIOUS_FILE,
        refused_file=f"{VAULT_FILE}.refused",
    )
    log.warning("vault opened from %s: %s", PREVIOUS_FILE, refused)
    return vault


def _open_file(
    cls: type[Vault],
    path: Path,
    data_dir: Path,
    keystore: KeyStore | None,
    password_provider: PasswordProvider,
    opts: dict[str, Any],
) -> Vault:
    raw, st = _read_raw(path)
    doc = _parse_doc(raw)
    version: int = doc["version"]
    slot = doc["slot"]
    password: str | None = None
    if slot["type"] == "keyring":
        key = _keyring_key(slot, keystore)
    else:
        password = password_provider(False)
        if password is None:
            raise VaultError(N_("The vault stays locked: no password was given."))
        key = _unwrap(slot, version, password)
    header = {k: doc[k] for k in ("format", "version", "vault_id", "slot")}
    content = _content_from(
        open_sealed(key, _unb64(doc["nonce"]), _unb64(doc["ciphertext"]), _aad(header))
    )
    if version != VERSION:
        # Migrate: the next save writes the current version (the password slot re-wrapped when
        # its format changed).
        header["version"] = VERSION
        if password is not None and SLOT_FORMATS[version] != SLOT_FORMATS[VERSION]:
            header["slot"] = _password_slot(key, password, doc["vault_id"])
    vault = cls(data_dir, key, header, content, keystore, mark=_FileMark.of(raw, st), **opts)
    vault.file_version = version
    return vault
