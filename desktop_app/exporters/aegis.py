"""Aegis vault files (version 1, content version 3, with groups), plain or encrypted.

Encrypted files carry one password slot (type 1, scrypt n=32768 r=8 p=1, 32-byte salt) wrapping a
random 256-bit master key; the content is AES-256-GCM under that key, its tag stored apart in
``header.params`` -- exactly what Aegis writes, so Aegis can open the file.

Each entry also carries a ``desktop_authenticator`` object (created time, meta annotations, HOTP
period) that Aegis ignores and this app reads back, so that vault -> file -> vault loses nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import uuid as _uuid
from collections.abc import Sequence
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app.otp.model import Entry, OtpType

EXTRA_KEY = "desktop_authenticator"  # this app's own additions to an entry (ignored by Aegis)

AEGIS_SCRYPT_N = 32768
AEGIS_SCRYPT_R = 8
AEGIS_SCRYPT_P = 1
CONTENT_VERSION = 3
_GROUP_NAMESPACE = _uuid.UUID("6f1d7c1e-5d0c-4a4e-9a51-3c1c2b1f7a10")


def scrypt_key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """The 32-byte key of an Aegis password slot (the reader bounds n, r, p before it asks)."""
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))


def group_uuid(name: str) -> str:
    """A stable uuid per group name, so successive backups name groups alike."""
    return str(_uuid.uuid5(_GROUP_NAMESPACE, name))


def _groups_of(entry: Entry) -> list[str]:
    names = [entry.group] if entry.group else []
    extra = entry.meta.get("aegis.groups", "")
    names += [n for n in extra.split("\n") if n and n not in names]
    return names


#: the kinds of picture Aegis reads (its IconType); an entry with another kind fails in Aegis
AEGIS_ICON_MIMES = ("image/svg+xml", "image/png", "image/jpeg")


def icon_hash(mime: str, data: bytes) -> str:
    """Aegis's ``icon_hash`` (VaultEntryIcon.generateHash): SHA-256 of the MIME type's UTF-8
    bytes followed by the picture's, in hex. Aegis trusts a stored hash and tells icons apart by
    it, so it must be computed as Aegis does."""
    return hashlib.sha256(mime.encode("utf-8") + data).hexdigest()


def _icon_fields(entry: Entry) -> dict[str, Any]:
    """Aegis's ``icon`` (Base64), ``icon_mime`` and ``icon_hash`` of the picture. A picture
    Aegis cannot read (WebP, GIF: imported from other apps) travels in this app's own
    :data:`EXTRA_KEY` object instead, so that Aegis opens the file and this app gets it back."""
    if entry.icon is None or entry.icon.mime not in AEGIS_ICON_MIMES:
        return {"icon": None}
    return {
        "icon": base64.b64encode(entry.icon.data).decode("ascii"),
        "icon_mime": entry.icon.mime,
        "icon_hash": icon_hash(entry.icon.mime, entry.icon.data),
    }


def entry_json(entry: Entry) -> dict[str, Any]:
    info: dict[str, Any] = {
        "secret": entry.secret,
        "algo": entry.algorithm,
        "digits": entry.digits,
    }
    if entry.type is OtpType.HOTP:
        info["counter"] = entry.counter
    else:
        info["period"] = entry.period
    meta = {k: v for k, v in entry.meta.items() if k not in ("aegis.groups", "aegis.favorite")}
    extra: dict[str, Any] = {"created": entry.created, "meta": meta}
    if entry.type is OtpType.HOTP:
        extra["period"] = entry.period
    if entry.icon is not None and entry.icon.mime not in AEGIS_ICON_MIMES:
        extra["icon"] = {
            "mime": entry.icon.mime,
            "data": base64.b64encode(entry.icon.data).decode("ascii"),
        }
    return {
        "type": entry.type.value,
        "uuid": entry.uuid,
        "name": entry.name,
        "issuer": entry.issuer,
        "note": entry.note,
        "favorite": entry.meta.get("aegis.favorite") == "1",
        **_icon_fields(entry),
        "info": info,
        "groups": [group_uuid(n) for n in _groups_of(entry)],
        EXTRA_KEY: extra,
    }


def build_content(entries: Sequence[Entry]) -> dict[str, Any]:
    names: list[str] = []
    for e in entries:
        for n in _groups_of(e):
            if n not in names:
                names.append(n)
    return {
        "version": CONTENT_VERSION,
        "entries": [entry_json(e) for e in entries],
        "groups": [{"uuid": group_uuid(n), "name": n} for n in names],
        "icons_optimized": True,
    }


def export_plain(entries: Sequence[Entry]) -> bytes:
    """An unencrypted Aegis export: anyone who reads it can generate the codes."""
    doc = {"version": 1, "header": {"slots": None, "params": None}, "db": build_content(entries)}
    return json.dumps(doc, indent=4, ensure_ascii=False).encode("utf-8")


class AegisSealer:
    """A master key wrapped once by a password slot; seals any number of contents with it.

    Deriving the slot key (scrypt) is the slow part; automatic backups keep one sealer and pay
    it once.
    """

    def __init__(self, password: str, *, scrypt_n: int = AEGIS_SCRYPT_N) -> None:
        self.master_key = AESGCM.generate_key(bit_length=256)
        salt = secrets.token_bytes(32)
        derived = scrypt_key(password, salt, scrypt_n, AEGIS_SCRYPT_R, AEGIS_SCRYPT_P)
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(derived).encrypt(nonce, self.master_key, None)
        self.slot: dict[str, Any] = {
            "type": 1,
            "uuid": str(_uuid.uuid4()),
            "key": sealed[:-16].hex(),
            "key_params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()},
            "n": scrypt_n,
            "r": AEGIS_SCRYPT_R,
            "p": AEGIS_SCRYPT_P,
            "salt": salt.hex(),
            "repaired": True,
            "is_backup": False,
        }

    def seal(self, entries: Sequence[Entry]) -> bytes:
        content = json.dumps(build_content(entries), ensure_ascii=False).encode("utf-8")
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(self.master_key).encrypt(nonce, content, None)
        doc = {
            "version": 1,
            "header": {
                "slots": [self.slot],
                "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()},
            },
            "db": base64.b64encode(sealed[:-16]).decode("ascii"),
        }
        return json.dumps(doc, indent=4).encode("utf-8")


def export_encrypted(
    entries: Sequence[Entry], password: str, *, scrypt_n: int = AEGIS_SCRYPT_N
) -> bytes:
    """An encrypted Aegis vault that Aegis (and this app) opens with ``password``."""
    if not password:
        raise ValueError("An encrypted export needs a password.")
    return AegisSealer(password, scrypt_n=scrypt_n).seal(entries)
