"""The vault: every account in one AES-256-GCM encrypted file.

File (JSON, schema version ``VERSION``)::

    {"format": "desktop-authenticator-vault", "version": 2, "vault_id": "<uuid>",
     "slot": {"type": "keyring", "item": "vault-key:<vault_id>"}
           | {"type": "password", "kdf": "scrypt", "n", "r", "p", "salt", "nonce", "wrapped_key"},
     "nonce": "<b64>", "ciphertext": "<b64>"}

The plaintext is ``{"entries": [...]}``. The random 256-bit key is held either in the OS keyring
(one keyring read when the vault opens, whatever the number of accounts) or wrapped by a password
with scrypt. There is exactly one key slot.

Authentication (version 2): the content's associated data is the whole header -- format, version,
vault id and the key slot (canonical JSON), so a changed slot (scrypt parameters, salt, wrapped
key, keyring item) fails like changed content. The password slot's own associated data names the
format, version and its scrypt parameters. Parameters this app does not write are
refused before scrypt runs (:mod:`desktop_app.vault.crypto`); the message says the file was
modified. Version 1 files (the slot outside the associated data) are read and written as
version 2 at the next save.

Writes are atomic: temp file in the same folder, fsync, rename, fsync of the folder. An exclusive
lock file guards against a second writer, which waits for it (then VaultBusyError). A password
vault's key is derived before the lock is taken, so the lock is held only to read and save.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import os
import secrets
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from desktop_app.errors import KeyringUnavailableError, OtpError, VaultError
from desktop_app.otp.model import Entry, new_uuid
from desktop_app.vault import lock as lock_module
from desktop_app.vault.crypto import (
    KEY_BYTES,
    LEGACY_SLOT_AAD,
    MODIFIED,
    ScryptParams,
    new_key,
    open_sealed,
    seal,
    unwrap_key,
    wrap_key,
)
from desktop_app.vault.keystore import KeyStore
from desktop_app.vault.lock import FileLock, LockWaitNotice

log = logging.getLogger(__name__)

FORMAT = "desktop-authenticator-vault"
VERSION = 2
READABLE_VERSIONS = (1, 2)
VAULT_FILE = "vault.json"
LOCK_FILE = "vault.lock"
#: 10,000 accounts take about 4 MB; anything far larger is not a vault this app wrote.
MAX_VAULT_BYTES = 64 * 2**20
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
        raise VaultError("The vault file is damaged (a field has the wrong type).")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError:
        raise VaultError("The vault file is damaged (bad Base64).") from None


def _unhex(text: Any) -> bytes:
    if not isinstance(text, str):
        raise VaultError("The vault file is damaged (a field has the wrong type).")
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise VaultError("The vault file is damaged (bad hex).") from None


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


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


# --- entries -> JSON ---------------------------------------------------------------------------

# ASCII escapes: any text (even a lone surrogate from a mis-decoded file name) round-trips.
_encode_json = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode


# --- key slots --------------------------------------------------------------------------------


def _slot_params(slot: dict[str, Any]) -> ScryptParams:
    n, r, p = (slot.get(k) for k in ("n", "r", "p"))
    if slot.get("kdf") != "scrypt" or not (type(n) is int and type(r) is int and type(p) is int):
        raise VaultError(f"{MODIFIED}: its password slot is not one this app writes.")
    params = ScryptParams(n=n, r=r, p=p, salt=_unhex(slot.get("salt")))
    params.check()
    return params


def _check_slot(slot: Any, vault_id: str) -> None:
    """Exactly one key slot, of a known type, with exactly the fields this app writes."""
    if not isinstance(slot, dict):
        raise VaultError("The vault file is damaged (no key slot).")
    expected = _SLOT_KEYS.get(str(slot.get("type")))
    if expected is None:
        raise VaultError("The vault file names an unknown key slot.")
    if set(slot) != expected:
        raise VaultError(f"{MODIFIED}: its key slot has unexpected fields.")
    if slot["type"] == "keyring":
        if slot["item"] != f"vault-key:{vault_id}":
            raise VaultError(f"{MODIFIED}: its key slot names another keyring item.")
    else:
        _slot_params(slot)


def _slot_aad(version: int, params: ScryptParams) -> bytes:
    if version == 1:
        return LEGACY_SLOT_AAD
    # The vault id is left out so that a changed id is reported as a modified file (by the
    # content's associated data, which covers it and the whole slot), not as a wrong password.
    return _canonical([FORMAT, version, "password-slot", "scrypt", params.n, params.r, params.p])


@dataclasses.dataclass(frozen=True)
class _EarlyUnlock:
    slot: dict[str, Any]
    version: int
    password: str
    key: bytes


class Vault:
    """The open vault. Thread-safe; every change is saved before the call returns."""

    def __init__(
        self,
        data_dir: Path,
        key: bytes,
        header: dict[str, Any],
        entries: list[Entry],
        lock: FileLock,
        keystore: KeyStore | None,
    ) -> None:
        self.data_dir = data_dir
        self.path = data_dir / VAULT_FILE
        self._key = key
        self._header = header
        self._entries: dict[str, Entry] = {e.uuid: e for e in entries}
        self._lock = lock
        self._keystore = keystore
        self._mutex = threading.RLock()
        self._listeners: list[Callable[[], None]] = []
        # uuid -> (entry, its JSON): an unchanged entry is not serialised again on the next save
        self._records: dict[str, tuple[Entry, str]] = {}
        #: the format version the file had when it was opened (older ones are rewritten on save)
        self.file_version = int(header.get("version", VERSION))

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
        ``password_provider(True)`` for a password. When another process holds the vault, waits up
        to ``lock_wait`` seconds (default :data:`~desktop_app.vault.lock.LOCK_WAIT_SECONDS`;
        ``on_lock_wait(message)`` is called once after about a second),
        then raises :class:`~desktop_app.errors.VaultBusyError`. Raises :class:`VaultError`
        subclasses.
        """
        data_dir = Path(data_dir)
        from desktop_app.paths import private_dir

        private_dir(data_dir)
        # A password vault's key is derived (scrypt, the slow part) and the password asked for
        # before the lock is taken, so that parallel writers hold it only to read and save.
        early = cls._unlock_early(data_dir / VAULT_FILE, password_provider)
        lock = FileLock(data_dir / LOCK_FILE)
        lock.acquire(
            wait=lock_module.LOCK_WAIT_SECONDS if lock_wait is None else lock_wait,
            on_wait=on_lock_wait,
        )
        try:
            path = data_dir / VAULT_FILE
            for stale in data_dir.glob(f".{VAULT_FILE}.*.tmp"):  # left by a killed writer
                stale.unlink(missing_ok=True)
            if path.exists():
                return cls._open_existing(data_dir, lock, keystore, password_provider, early)
            return cls._create(data_dir, lock, keystore, password_provider, prefer)
        except BaseException:
            lock.release()
            raise

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

    @classmethod
    def _create(
        cls,
        data_dir: Path,
        lock: FileLock,
        keystore: KeyStore | None,
        password_provider: PasswordProvider | None,
        prefer: str,
    ) -> Vault:
        vault_id = new_uuid()
        key = new_key()
        header: dict[str, Any] = {"format": FORMAT, "version": VERSION, "vault_id": vault_id}
        use_keyring = prefer != "password" and keystore is not None and keystore.available()
        if prefer == "keyring" and not use_keyring:
            raise KeyringUnavailableError("No working OS keyring was found.")
        if use_keyring:
            assert keystore is not None
            item = f"vault-key:{vault_id}"
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
                    "No working OS keyring was found; the vault needs a password."
                )
            password = password_provider(True)
            if not password:
                raise VaultError("A vault password is needed to create the vault.")
            header["slot"] = cls._password_slot(key, password, vault_id)
        vault = cls(data_dir, key, header, [], lock, keystore)
        vault._save()
        return vault

    @staticmethod
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

    @staticmethod
    def _unwrap(slot: dict[str, Any], version: int, password: str) -> bytes:
        params = _slot_params(slot)
        aad = _slot_aad(version, params)
        return unwrap_key(_unhex(slot["wrapped_key"]), _unhex(slot["nonce"]), password, params, aad)

    @classmethod
    def _unlock_early(
        cls, path: Path, password_provider: PasswordProvider | None
    ) -> _EarlyUnlock | None:
        """Before the lock: the password and the key of an existing password vault (None for a
        keyring vault, no vault, or a file whose error is then reported under the lock)."""
        if password_provider is None or not path.exists():
            return None
        try:
            doc = cls._read_doc(path)
        except VaultError:
            return None
        slot = doc["slot"]
        if slot["type"] != "password":
            return None
        password = password_provider(False)
        if password is None:
            raise VaultError("The vault stays locked: no password was given.")
        key = cls._unwrap(slot, doc["version"], password)
        return _EarlyUnlock(slot, doc["version"], password, key)

    @classmethod
    def _open_existing(
        cls,
        data_dir: Path,
        lock: FileLock,
        keystore: KeyStore | None,
        password_provider: PasswordProvider | None,
        early: _EarlyUnlock | None = None,
    ) -> Vault:
        doc = cls._read_doc(data_dir / VAULT_FILE)
        version: int = doc["version"]
        vault_id: str = doc["vault_id"]
        slot = doc["slot"]
        password: str | None = None
        if slot["type"] == "keyring":
            if keystore is None or not keystore.available():
                raise KeyringUnavailableError(
                    "The vault's key is kept in the OS keyring, but no keyring is available. "
                    "Start your desktop's keyring (Secret Service) and try again."
                )
            stored = keystore.get(str(slot["item"]))
            if stored is None:
                raise VaultError(
                    "The vault's key is missing from the OS keyring, so the vault cannot be "
                    "opened. Restore it from a backup."
                )
            try:
                key = _unb64(stored)
            except VaultError:
                key = b""
            if len(key) != KEY_BYTES:
                raise VaultError("The vault's key in the OS keyring is damaged.")
        elif early is not None and (early.slot, early.version) == (slot, version):
            password, key = early.password, early.key  # unchanged since it was read unlocked
        else:
            if password_provider is None:
                raise VaultError("The vault is protected by a password.")
            _slot_params(slot)  # refuse a modified slot before asking for a password
            # the slot changed meanwhile (another process set a new one): same password again
            password = early.password if early is not None else password_provider(False)
            if password is None:
                raise VaultError("The vault stays locked: no password was given.")
            key = cls._unwrap(slot, version, password)
        header = {k: doc[k] for k in ("format", "version", "vault_id", "slot")}
        plaintext = open_sealed(
            key, _unb64(doc["nonce"]), _unb64(doc["ciphertext"]), cls._aad(header)
        )
        try:
            body = json.loads(plaintext)
            entries = [Entry.from_dict(d) for d in body["entries"]]
        except (ValueError, KeyError, TypeError, AttributeError, OtpError) as exc:
            raise VaultError(f"The vault's content is damaged ({type(exc).__name__}).") from None
        if version != VERSION:
            # Migrate: the next save writes the current version (with a re-wrapped password slot).
            header["version"] = VERSION
            if password is not None:
                header["slot"] = cls._password_slot(key, password, vault_id)
        vault = cls(data_dir, key, header, entries, lock, keystore)
        vault.file_version = version
        return vault

    @staticmethod
    def _read_doc(path: Path) -> dict[str, Any]:
        try:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_VAULT_BYTES + 1)
        except OSError as exc:
            raise VaultError(f"The vault file cannot be read: {exc.strerror}.") from None
        if len(raw) > MAX_VAULT_BYTES:
            raise VaultError(
                f"The vault file is larger than {MAX_VAULT_BYTES // 2**20} MB; "
                "it is not one this app wrote."
            )
        try:
            doc = json.loads(raw)
        except (ValueError, RecursionError):
            raise VaultError("The vault file is damaged (not JSON).") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise VaultError("This is not a Desktop Authenticator vault file.")
        version = doc.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:
            shown = repr(version)[:20]
            raise VaultError(
                f"The vault file has version {shown}; this app reads versions "
                f"{', '.join(map(str, READABLE_VERSIONS))}. Update the app."
            )
        vault_id = doc.get("vault_id")
        if not isinstance(vault_id, str) or len(vault_id) > 64:
            raise VaultError("The vault file is damaged (no vault id).")
        if not (isinstance(doc.get("nonce"), str) and isinstance(doc.get("ciphertext"), str)):
            raise VaultError("The vault file is damaged (its content is missing).")
        if "slots" in doc:
            raise VaultError(f"{MODIFIED}: it names more than one key slot.")
        _check_slot(doc.get("slot"), vault_id)
        return doc

    @staticmethod
    def _aad(header: dict[str, Any]) -> bytes:
        if header["version"] == 1:
            return json.dumps(
                [header["format"], header["version"], header["vault_id"]], separators=(",", ":")
            ).encode()
        return _canonical([header["format"], header["version"], header["vault_id"], header["slot"]])

    # --- state -----------------------------------------------------------------------------

    @property
    def mode(self) -> Mode:
        return "password" if self._header["slot"]["type"] == "password" else "keyring"

    def add_listener(self, callback: Callable[[], None]) -> None:
        """``callback()`` runs after every successful save, in the saving thread."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Callable[[], None]) -> None:
        if callback in self._listeners:
            self._listeners.remove(callback)

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
                raise VaultError("No such account.") from None

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

    def _commit(self, new_entries: dict[str, Entry]) -> None:
        old = self._entries
        self._entries = new_entries
        try:
            self._save()
        except BaseException:
            self._entries = old
            raise
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("vault listener failed")

    def add(self, entry: Entry) -> Entry:
        return self.add_many([entry])[0]

    def add_many(self, entries: Sequence[Entry]) -> list[Entry]:
        """Add every entry in one save, or none. Entries go to the end of the custom order."""
        with self._mutex:
            new = dict(self._entries)
            next_order = max((e.order for e in new.values()), default=-1) + 1
            added: list[Entry] = []
            for entry in entries:
                if entry.uuid in new:
                    entry = entry.with_changes(uuid=new_uuid())
                entry = entry.with_changes(order=next_order)
                next_order += 1
                new[entry.uuid] = entry
                added.append(entry)
            if added:
                self._commit(new)
            return added

    def update(self, entry: Entry) -> Entry:
        return self.update_many([entry])[0]

    def update_many(self, entries: Iterable[Entry]) -> list[Entry]:
        with self._mutex:
            new = dict(self._entries)
            changed = list(entries)
            for entry in changed:
                if entry.uuid not in new:
                    raise VaultError("No such account.")
                new[entry.uuid] = entry
            self._commit(new)
            return changed

    def set_meta(self, uuid: str, **values: str | None) -> Entry:
        """Set (or, with None, remove) meta annotations of one entry."""
        with self._mutex:
            entry = self.get(uuid)
            meta = dict(entry.meta)
            for k, v in values.items():
                key = k.replace("__", ".")
                if v is None:
                    meta.pop(key, None)
                else:
                    meta[key] = v
            return self.update(entry.with_changes(meta=meta))

    def increment_counter(self, uuid: str) -> Entry:
        """HOTP: advance the counter and save at once."""
        with self._mutex:
            entry = self.get(uuid)
            return self.update(entry.with_changes(counter=entry.counter + 1))

    def remove(self, uuid: str) -> None:
        self.remove_many([uuid])

    def remove_many(self, uuids: Iterable[str]) -> None:
        with self._mutex:
            new = dict(self._entries)
            for u in uuids:
                if u not in new:
                    raise VaultError("No such account.")
                del new[u]
            self._commit(new)

    def reorder(self, uuids: Sequence[str]) -> None:
        """Set the custom order: ``uuids`` first in that order, the rest after."""
        with self._mutex:
            rest = [e.uuid for e in self.entries() if e.uuid not in set(uuids)]
            new = dict(self._entries)
            for i, u in enumerate([*uuids, *rest]):
                if u in new:
                    new[u] = new[u].with_changes(order=i)
            self._commit(new)

    # --- protection mode -------------------------------------------------------------------

    def use_password(self, password: str) -> None:
        """Protect the vault with a password (and drop the key from the keyring)."""
        if not password:
            raise VaultError("The password must not be empty.")
        with self._mutex:
            old_slot = self._header["slot"]
            self._header["slot"] = self._password_slot(
                self._key, password, self._header["vault_id"]
            )
            try:
                self._save()
            except BaseException:
                self._header["slot"] = old_slot
                raise
            if old_slot.get("type") == "keyring" and self._keystore is not None:
                self._keystore.delete(str(old_slot["item"]))

    def use_keyring(self) -> None:
        """Keep the vault key in the OS keyring instead of behind a password."""
        with self._mutex:
            if self._keystore is None or not self._keystore.available():
                raise KeyringUnavailableError("No working OS keyring was found.")
            item = f"vault-key:{self._header['vault_id']}"
            self._keystore.set(item, _b64(self._key))
            old_slot = self._header["slot"]
            self._header["slot"] = {"type": "keyring", "item": item}
            try:
                self._save()
            except BaseException:
                self._header["slot"] = old_slot
                raise

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
        """The plaintext: each entry serialised once and reused while it is unchanged."""
        cache = self._records
        fresh: dict[str, tuple[Entry, str]] = {}
        parts: list[str] = []
        for entry in self.entries():
            hit = cache.get(entry.uuid)
            if hit is None or hit[0] is not entry:
                hit = (entry, _encode_json(entry.to_dict()))
            fresh[entry.uuid] = hit
            parts.append(hit[1])
        self._records = fresh
        return ('{"entries":[' + ",".join(parts) + "]}").encode("ascii")

    def _save(self) -> None:
        body = self._body()
        nonce, ciphertext = seal(self._key, body, self._aad(self._header))
        # The same document json.dumps(..., indent=1) gives, without scanning megabytes of
        # Base64 (which needs no escaping) for characters to escape.
        head = json.dumps({**self._header, "nonce": _b64(nonce)}, indent=1)
        doc = f'{head[:-2]},\n "ciphertext": "{_b64(ciphertext)}"\n}}'
        atomic_write(self.path, doc.encode("ascii"))
        self.file_version = VERSION

    def close(self) -> None:
        """Release the vault; cached serialised entries and generated-code state are dropped."""
        self._records = {}
        codes = sys.modules.get("desktop_app.otp.codes")  # nothing is cached if never loaded
        if codes is not None:
            codes.clear_cache()
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
