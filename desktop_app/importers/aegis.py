"""Aegis vault files (``aegis-backup-*.json`` / ``aegis-export-*.json``), plain or encrypted.

File: ``{"version": 1, "header": {"slots": [...] | null, "params": {nonce, tag} | null},
"db": <content object> | "<Base64 ciphertext>"}``. Encrypted: the content is AES-256-GCM under a
random master key (nonce and tag hex in ``header.params``, the tag stored apart); each password
slot (type 1) wraps that key with a scrypt-derived key (``n``, ``r``, ``p``, ``salt`` read from the
slot). Content versions 1 to 3 are read: version 3 lists ``groups`` [{uuid, name}] and each entry
refers to them by uuid; versions 1-2 give each entry a single ``group`` name.

Entry fields kept: type (totp/hotp/steam), uuid, name, issuer, note, groups (the first becomes the
entry's group, further ones are kept in ``meta["aegis.groups"]``), favorite (``meta
["aegis.favorite"]``), the info block, and the icon (``icon`` Base64, ``icon_mime``).
Key derivation is bounded to a margin above what Aegis writes (scrypt n = 2^15, r = 8, p = 1;
at most a few password slots), so a hostile file cannot make the import run for minutes.
Extra fields written by this app's own exporter (``desktop_authenticator``: created, order, meta)
are read back so that a round trip loses nothing.
"""

from __future__ import annotations

from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.exporters.aegis import EXTRA_KEY, scrypt_key
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    display_label,
    get_int,
    get_str,
    make_entry,
    otp_type,
)
from desktop_app.importers.readers import (
    b64decode,
    broken_json_with,
    check_kdf,
    hexdecode,
    icon_or_none,
    load_json,
    names_by_id,
    require_dict,
    require_list,
    sniff_json,
)
from desktop_app.otp.model import Entry, Icon, OtpType

NAME = "aegis"
LABEL: str = N_("Aegis vault")
VAULT_VERSION = 1
CONTENT_VERSIONS = (1, 2, 3)
# Aegis writes n = 2^15, r = 8, p = 1 (32 MiB); allowed: up to 4x the work and memory
MAX_SCRYPT_N = 1 << 17
MAX_SCRYPT_R = 8
MAX_SCRYPT_P = 2
MAX_SCRYPT_MEMORY = 128 * MAX_SCRYPT_N * MAX_SCRYPT_R  # 128 MiB
MAX_PASSWORD_SLOTS = 4  # Aegis writes one


def derive_key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if n < 2 or n & (n - 1) or r < 1 or p < 1:
        raise ImportFormatError(N_("The Aegis vault's key-derivation parameters are invalid."))
    check_kdf(
        LABEL,
        n <= MAX_SCRYPT_N
        and r <= MAX_SCRYPT_R
        and p <= MAX_SCRYPT_P
        and 128 * n * r <= MAX_SCRYPT_MEMORY,
    )
    return scrypt_key(password, salt, n, r, p)


def gcm_open(key: bytes, nonce: bytes, ciphertext: bytes, tag: bytes) -> bytes | None:
    """AES-GCM decrypt with a separate tag; None when authentication fails."""
    if len(nonce) < 8 or len(tag) != 16 or len(key) not in (16, 24, 32):
        return None
    try:
        return AESGCM(key).decrypt(nonce, ciphertext + tag, None)
    except (InvalidTag, ValueError):
        return None


def _doc(data: bytes) -> dict[str, Any]:
    doc = load_json(data, LABEL)
    if not isinstance(doc, dict) or "db" not in doc or "header" not in doc:
        raise ImportFormatError(N_("This is not an Aegis vault file (no header and db)."))
    version = doc.get("version")
    if version != VAULT_VERSION:
        raise ImportFormatError(
            N_(
                "This Aegis vault has version {version}; this app reads version {known}.",
                version=str(version)[:20],
                known=VAULT_VERSION,
            )
        )
    return doc


def _is_encrypted(doc: dict[str, Any]) -> bool:
    header = doc.get("header")
    return isinstance(doc.get("db"), str) or (
        isinstance(header, dict) and header.get("slots") is not None
    )


class AegisImporter:
    name = NAME
    label = LABEL
    app = "Aegis"
    export_hint = "Settings > Import & Export > Export: the encrypted or the plain .json file."
    encrypted = True

    def detect(self, data: bytes) -> bool:
        doc = sniff_json(data)
        if isinstance(doc, dict):
            return "header" in doc and "db" in doc
        return broken_json_with(data, "header", "slots")

    def needs_password(self, data: bytes) -> bool:
        doc = sniff_json(data)
        return isinstance(doc, dict) and _is_encrypted(doc)

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        doc = _doc(data)
        header = require_dict(doc.get("header"), N_("the Aegis header"))
        if _is_encrypted(doc):
            if password is None:
                raise PasswordRequired(LABEL)
            content = decrypt_content(header, doc.get("db"), password)
        else:
            content = doc.get("db")
        return parse_content(require_dict(content, N_("the Aegis content")))


def decrypt_content(header: dict[str, Any], db: Any, password: str) -> Any:
    slots = require_list(header.get("slots"), N_("the Aegis key slots"))
    params = require_dict(header.get("params"), N_("the Aegis encryption parameters"))
    password_slots = [s for s in slots if isinstance(s, dict) and s.get("type") == 1]
    if not password_slots:
        raise ImportFormatError(
            N_(
                "This Aegis vault has no password slot (only biometric or raw keys): export it "
                "from Aegis with a password."
            )
        )
    check_kdf(LABEL, len(password_slots) <= MAX_PASSWORD_SLOTS)
    master: bytes | None = None
    for slot in password_slots:
        key_params = require_dict(slot.get("key_params"), N_("a key slot's parameters"))
        n, r, p = (_slot_int(slot, k) for k in ("n", "r", "p"))
        derived = derive_key(password, hexdecode(slot.get("salt"), N_("a slot's salt")), n, r, p)
        master = gcm_open(
            derived,
            hexdecode(key_params.get("nonce"), N_("a slot's nonce")),
            hexdecode(slot.get("key"), N_("a slot's key")),
            hexdecode(key_params.get("tag"), N_("a slot's tag")),
        )
        if master is not None:
            break
    if master is None:
        raise WrongPasswordError(N_("Wrong password for this Aegis vault."))
    plaintext = gcm_open(
        master,
        hexdecode(params.get("nonce"), N_("the content nonce")),
        b64decode(db, N_("the encrypted content")),
        hexdecode(params.get("tag"), N_("the content tag")),
    )
    if plaintext is None:
        raise ImportFormatError(
            N_(
                "The Aegis vault is damaged: the password is right but the content does not "
                "decrypt (the file is truncated or altered)."
            )
        )
    return load_json(plaintext, LABEL)


def _slot_int(slot: dict[str, Any], key: str) -> int:
    value = slot.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ImportFormatError(
            N_("The file is damaged: a key slot's {field} is not a number.", field=key)
        )
    return value


def parse_content(content: dict[str, Any]) -> ImportResult:
    version = content.get("version")
    if isinstance(version, bool) or version not in CONTENT_VERSIONS:
        raise ImportFormatError(
            N_(
                "The Aegis vault content has version {version}; this app reads versions 1 to 3.",
                version=str(version)[:20],
            )
        )
    entries = require_list(content.get("entries"), N_("the Aegis entry list"))
    raw_groups = content.get("groups")
    if raw_groups is not None:
        require_list(raw_groups, N_("the Aegis group list"))
    groups = names_by_id(raw_groups, "uuid")
    out = Collector()
    dropped = 0
    for fallback, raw in out.objects(entries, "Entry"):
        if raw.get("icon") and icon_or_none(raw.get("icon_mime"), raw.get("icon")) is None:
            dropped += 1
        label = display_label(raw.get("issuer"), raw.get("name"), fallback)
        out.add(label, _entry, raw, groups, version)
    if dropped:
        out.notes.append(
            N_("Icons of 1 entry were left out (unknown kind of picture, or too large).")
            if dropped == 1
            else N_(
                "Icons of {n} entries were left out (unknown kind of picture, or too large).",
                n=dropped,
            )
        )
    return out.result(LABEL, NAME)


def _entry(raw: dict[str, Any], groups: dict[str, str], version: int) -> Entry:
    kind = otp_type(get_str(raw, "type", "totp"))
    info = raw.get("info")
    if not isinstance(info, dict):
        raise EntryDataError(N_("It has no info block"))
    group_names: list[str] = []
    if version >= 3 or "groups" in raw:
        ids = raw.get("groups") or []
        if not isinstance(ids, list):
            raise EntryDataError(N_("Its groups are not a list"))
        group_names = [groups[i] for i in ids if isinstance(i, str) and groups.get(i)]
    if not group_names and isinstance(raw.get("group"), str) and raw["group"].strip():
        group_names = [raw["group"]]
    meta: dict[str, str] = {}
    created: float | None = None
    extra = raw.get(EXTRA_KEY)
    if isinstance(extra, dict):
        raw_meta = extra.get("meta")
        if isinstance(raw_meta, dict):
            meta.update({str(k): str(v) for k, v in raw_meta.items() if isinstance(v, str)})
        if isinstance(extra.get("created"), int | float) and not isinstance(
            extra.get("created"), bool
        ):
            created = float(extra["created"])
    if len(group_names) > 1:
        meta["aegis.groups"] = "\n".join(group_names[1:])
    if raw.get("favorite") is True:
        meta["aegis.favorite"] = "1"
    period = get_int(info, "period", 30)
    if kind is OtpType.HOTP and isinstance(extra, dict):
        period = get_int(extra, "period", 30)
    return make_entry(
        secret=get_str(info, "secret"),
        issuer=get_str(raw, "issuer"),
        name=get_str(raw, "name"),
        type=kind,
        algorithm=get_str(info, "algo", "SHA1"),
        digits=get_int(info, "digits", 6),
        period=period,
        counter=get_int(info, "counter", 0),
        group=group_names[0] if group_names else "",
        note=get_str(raw, "note"),
        uuid=get_str(raw, "uuid") or None,
        meta=meta,
        created=created,
        icon=_icon(raw, extra),
    )


def _icon(raw: dict[str, Any], extra: Any) -> Icon | None:
    """Aegis's icon, else a picture Aegis cannot read that this app's export kept in its own
    object (``desktop_authenticator.icon``: WebP, GIF)."""
    if raw.get("icon"):
        return icon_or_none(raw.get("icon_mime"), raw.get("icon"))
    own = extra.get("icon") if isinstance(extra, dict) else None
    if isinstance(own, dict) and own.get("data"):
        return icon_or_none(own.get("mime"), own.get("data"))
    return None
