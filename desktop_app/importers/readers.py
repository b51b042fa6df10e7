"""The shared readers of importer input: bytes in, bounded Python values out, or one clear error.

Invariant: no reader lets a hostile file cost more than its bounds -- JSON by value count
(:data:`MAX_JSON_VALUES`), decryption and decompression by :data:`MAX_DECODED_BYTES`, key derivation
by :func:`check_kdf` and :data:`MAX_KDF_RUNS`, SQLite by step, length and heap limits; XML never
expands a DOCTYPE or an entity. A file-level fault raises
:class:`~desktop_app.errors.ImportFormatError`; a fault in one entry raises
:class:`~desktop_app.importers.contract.EntryDataError`, which the importer skips. No message holds a
secret or a password.

The readers: JSON (bounded parse, sniffing), base64/hex and shape checks, key derivation and AES,
Android shared-preferences XML, SQLite (limits, schema, rows), secrets and icons.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from desktop_app.errors import ImportFormatError
from desktop_app.i18n import N_, Text
from desktop_app.importers.contract import MAX_ENTRIES, EntryDataError
from desktop_app.otp.model import ICON_MIMES, MAX_ICON_BYTES, Icon

#: the most JSON values one file (or one JSON text inside it) may hold: 10,000 accounts of ~25
#: values each, with room for groups and icons. Python holds each value in 50-100 bytes, so a
#: 16 MiB file of empty lists would take 0.9 GB; this bound keeps any file under ~60 MB.
MAX_JSON_VALUES = 500_000
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


class JsonTooComplex(ValueError):
    """A JSON text holds more than MAX_JSON_VALUES values or is nested too deeply to be read
    (a ValueError, so that a detector treats it as "not this format")."""


def json_value_bound(text: str) -> int:
    """An upper bound of the number of values in the JSON ``text`` without parsing it: every
    value but the first follows a comma, a colon or an opening bracket (outside strings)."""

    def bound(t: str) -> int:
        return t.count(",") + t.count(":") + t.count("[") + 1

    quick = bound(text)
    return quick if quick <= MAX_JSON_VALUES else bound(_JSON_STRING.sub("", text))


def json_loads(text: str) -> Any:
    """``json.loads`` within MAX_JSON_VALUES values and the interpreter's nesting depth;
    :class:`JsonTooComplex` beyond them, ValueError for text that is not JSON."""
    if json_value_bound(text) > MAX_JSON_VALUES:
        raise JsonTooComplex(N_("more than {count:,} values", count=MAX_JSON_VALUES))
    try:
        return json.loads(text)
    except RecursionError:
        raise JsonTooComplex(N_("nested too deeply")) from None


@lru_cache(maxsize=4)
def _json_or_none(data: bytes) -> Any:
    try:
        return json_loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None


def sniff_json(data: bytes) -> Any:
    """The parsed JSON of ``data`` or None (for ``detect``; callers must not mutate it)."""
    stripped = data.lstrip()[:1]
    if stripped not in (b"{", b"[", b"\xef"):
        return None
    return _json_or_none(data)


def too_complex_json(data: bytes) -> str:
    """Why ``data``, which starts like JSON, is too complex to be read ("" when it is not)."""
    text = text_or_none(data)
    if text is None:
        return ""
    if json_value_bound(text) > MAX_JSON_VALUES:
        return N_("it holds more than {count:,} values", count=MAX_JSON_VALUES)
    try:
        json.loads(text)
    except RecursionError:
        return N_("it is nested too deeply")
    except ValueError:
        return ""
    return ""


def broken_json_with(data: bytes, *keys: str) -> bool:
    """True when ``data`` starts like JSON, does not parse (truncated or damaged) and mentions
    every key -- so a damaged backup is still recognised and its damage named."""
    if data.lstrip()[:1] not in (b"{", b"[") or sniff_json(data) is not None:
        return False
    head = data[:262_144]
    return all(f'"{k}"'.encode() in head for k in keys)


def load_json(
    data: bytes, label: str, shape: type[dict[Any, Any] | list[Any]] | None = None
) -> Any:
    """The JSON of a ``label`` file, or ImportFormatError naming what is wrong with it: not
    UTF-8, not JSON, too complex, or (with ``shape``) not a JSON object / list at the top."""
    doc = _load_json(data, label)
    if shape is dict and not isinstance(doc, dict):
        raise ImportFormatError(N_("This is not a {label} (not a JSON object).", label=label))
    if shape is list and not isinstance(doc, list):
        raise ImportFormatError(N_("This is not a {label} (not a JSON list).", label=label))
    return doc


def _load_json(data: bytes, label: str) -> Any:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFormatError(
            N_("The {label} file is not UTF-8 text; it may be damaged.", label=label)
        ) from None
    try:
        return json_loads(text)
    except JsonTooComplex as exc:
        raise ImportFormatError(
            N_("The {label} file is too complex to be read ({why}).", label=label, why=exc.args[0])
        ) from None
    except ValueError as exc:
        where = (
            N_(" (line {line})", line=exc.lineno) if isinstance(exc, json.JSONDecodeError) else ""
        )
        raise ImportFormatError(
            N_(
                "The {label} file is not valid JSON{where}: it is truncated or damaged.",
                label=label,
                where=where,
            )
        ) from None


def text_or_none(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def b64decode(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise ImportFormatError(
            N_("The file is damaged: {what} is missing or not text.", what=what)
        )
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise ImportFormatError(
            N_("The file is damaged: {what} is not valid Base64.", what=what)
        ) from None


def hexdecode(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise ImportFormatError(
            N_("The file is damaged: {what} is missing or not text.", what=what)
        )
    try:
        return bytes.fromhex(text)
    except ValueError:
        raise ImportFormatError(
            N_("The file is damaged: {what} is not valid hex.", what=what)
        ) from None


def require_dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ImportFormatError(
            N_("The file is damaged: {what} is missing or not an object.", what=what)
        )
    return value


def require_list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise ImportFormatError(
            N_("The file is damaged: {what} is missing or not a list.", what=what)
        )
    if len(value) > MAX_ENTRIES:
        raise ImportFormatError(N_("The file holds too many items in {what}.", what=what))
    return value


def names_by_id(items: Any, key: str = "id") -> dict[str, str]:
    """``{item[key]: item["name"]}`` of a file's list of groups or folders: an item without a
    text ``key`` is passed over, a name that is not text is ""; anything but a list gives {}."""
    if not isinstance(items, list):
        return {}
    return {
        g[key]: g["name"] if isinstance(g.get("name"), str) else ""
        for g in items
        if isinstance(g, dict) and isinstance(g.get(key), str)
    }


IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF", b"%PDF", b"PK\x03\x04")
SQLITE_MAGIC = b"SQLite format 3\x00"
JAVA_MAGIC = b"\xac\xed\x00\x05"  # a Java-serialised object: FreeOTP's backup
STRATUM_MAGIC = (b"AUTHENTICATORPRO", b"AuthenticatorPro")  # Stratum's encrypted backups
_KNOWN_MAGIC = (*IMAGE_MAGIC, SQLITE_MAGIC, JAVA_MAGIC, *STRATUM_MAGIC)


def headerless(head: bytes) -> bool:
    """Whether a file starting with ``head`` may be one of the encrypted files that carry no
    header of their own (andOTP's, Authenticator Plus's): it starts like no file the importers
    know by its first bytes, and it is not text."""
    return not head.startswith(_KNOWN_MAGIC) and text_or_none(head) is None


# --- bounds on what a hostile file can make us compute -------------------------------------------

MAX_DECODED_BYTES = 64 * 1024 * 1024  # what decryption/decompression of one file may yield
MAX_KDF_RUNS = 16  # distinct password derivations one file may ask for (slots, per-entry salts)


def check_kdf(label: str, ok: bool) -> None:
    """Refuse a file whose key-derivation parameters exceed what its app writes (with margin).

    A hostile file must not make the app run scrypt/PBKDF2/Argon2 for minutes or exhaust memory;
    one clear line instead.
    """
    if not ok:
        raise ImportFormatError(
            N_(
                "The {label} has key-derivation parameters outside what its app writes (far "
                "too much work, or invalid): the file is damaged or not genuine, so it is not "
                "opened.",
                label=label,
            )
        )


def check_kdf_runs(label: str, count: int) -> None:
    check_kdf(label, count <= MAX_KDF_RUNS)


def pbkdf2(algorithm: str, password: str, salt: bytes, iterations: int, length: int) -> bytes:
    return hashlib.pbkdf2_hmac(algorithm, password.encode("utf-8"), salt, iterations, length)


def argon2id(password: str, salt: bytes, *, t: int, m_kib: int, p: int, length: int = 32) -> bytes:
    """Argon2id (v1.3) raw hash."""
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=t,
        memory_cost=m_kib,
        parallelism=p,
        hash_len=length,
        type=Type.ID,
    )


def aes_cbc_decrypt(key: bytes, iv: bytes, data: bytes) -> bytes | None:
    """AES-CBC with PKCS#7 padding; None when the padding is wrong (wrong key or damage)."""
    if len(iv) != 16 or not data or len(data) % 16 or len(key) not in (16, 24, 32):
        return None
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(data) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError:
        return None


# --- Android shared-preferences XML ----------------------------------------------------------

_XML_DECL = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


@lru_cache(maxsize=2)
def android_prefs(data: bytes) -> dict[str, str] | None:
    """``<map><string name="k">v</string>...</map>`` as a dict, or None when ``data`` is not such
    a file. Document type declarations (entities) are refused: they are never in these files and
    are the way to make an XML parser expand a few bytes into gigabytes. Cached (the detectors of
    several formats look at the same file): callers must not mutate the result."""
    head = data.lstrip()[:200]
    if not (head.startswith(b"<?xml") or head.startswith(b"<map")) or b"<map" not in data[:4096]:
        return None
    if _XML_DECL.search(data):
        return None
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, LookupError, ValueError, RecursionError):  # LookupError, ValueError:
        return None  # an encoding Python does not know, or a multi-byte one expat refuses
    if root.tag != "map":
        return None
    out: dict[str, str] = {}
    for child in root:
        name = child.get("name")
        if name is None:
            continue
        if child.tag == "string":
            out[name] = child.text or ""
        elif child.get("value") is not None:
            out[name] = child.get("value") or ""
        if len(out) > MAX_ENTRIES:
            raise ImportFormatError(
                N_(
                    "The file holds more than {count:,} settings, far more than any "
                    "authenticator app writes: it is not read.",
                    count=MAX_ENTRIES,
                )
            )
    return out


def looks_like_android_prefs(data: bytes) -> bool:
    head = data.lstrip()[:200]
    return (head.startswith(b"<?xml") or head.startswith(b"<map")) and b"<map" in data[:4096]


# --- SQLite databases ------------------------------------------------------------------------

SQLITE_MAX_STEPS = 200_000_000  # virtual-machine steps one file may cost (reading 10,000 rows: ~1M)
#: the largest text or blob one value may have: the apps' fields are short, their icons (never
#: read) stay under 256 KiB; a computed or crafted value beyond this is refused by SQLite itself
SQLITE_MAX_VALUE_BYTES = 1 << 20
#: what every connection the importers open may do (``sqlite3.Connection.setlimit``): enough for
#: the importers' own short queries on the apps' tables, nothing a crafted schema could inflate
SQLITE_LIMITS: dict[str, int] = {
    "SQLITE_LIMIT_LENGTH": SQLITE_MAX_VALUE_BYTES,
    "SQLITE_LIMIT_SQL_LENGTH": 100_000,
    "SQLITE_LIMIT_COLUMN": 200,
    "SQLITE_LIMIT_EXPR_DEPTH": 100,
    "SQLITE_LIMIT_COMPOUND_SELECT": 4,
    "SQLITE_LIMIT_VDBE_OP": 100_000,
    "SQLITE_LIMIT_FUNCTION_ARG": 8,
    "SQLITE_LIMIT_ATTACHED": 0,
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH": 100,
    "SQLITE_LIMIT_VARIABLE_NUMBER": 32,
    "SQLITE_LIMIT_TRIGGER_DEPTH": 1,
    "SQLITE_LIMIT_WORKER_THREADS": 0,
}
#: the heap the SQLCipher library may use (its own copy of SQLite, used only by the importers;
#: it has no ``setlimit``, so this and the same schema checks bound it)
SQLCIPHER_HEAP_BYTES = 64 * 2**20


def sqlite_limit(con: Any) -> None:
    """Apply :data:`SQLITE_LIMITS` and the step budget to a connection (every connection the
    importers open gets this before it reads a byte of the file)."""
    for name, value in SQLITE_LIMITS.items():
        con.setlimit(getattr(sqlite3, name), value)
    sqlite_budget(con)


def sqlite_budget(con: Any) -> None:
    """A crafted view or schema must not run for minutes: at most SQLITE_MAX_STEPS steps."""
    budget = [SQLITE_MAX_STEPS // 1000]

    def _spend() -> int:
        budget[0] -= 1
        return 1 if budget[0] < 0 else 0

    con.set_progress_handler(_spend, 1000)


def without_wal(data: bytes) -> bytes:
    """A database file in WAL mode (header bytes 18-19 are 2, 2: how Android leaves an app's
    database) as a rollback-journal one (1, 1), which ``deserialize`` opens. An exported or
    copied file has no ``-wal`` beside it, so nothing is lost; the file itself is not changed."""
    if data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


@lru_cache(maxsize=2)
def sqlite_schema(data: bytes) -> dict[str, frozenset[str]] | None:
    """Table name -> column names of an SQLite database file, or None when it is not one."""
    if not data.startswith(SQLITE_MAGIC):
        return None
    try:
        con = sqlite_open(data)
    except ImportFormatError:
        return None
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' LIMIT 200")
        ]
        schema = {}
        for t in tables:
            cols = con.execute("SELECT name FROM pragma_table_xinfo(?) LIMIT 200", (t,)).fetchall()
            schema[str(t)] = frozenset(str(c[0]).lower() for c in cols)
        return schema
    except Exception:
        return None
    finally:
        con.close()


def sqlite_open(data: bytes) -> Any:
    """An in-memory, read-only, limited copy of an SQLite database file (no temp file)."""
    try:
        con = sqlite3.connect(":memory:")
        sqlite_limit(con)
        con.deserialize(without_wal(data))
        con.execute("PRAGMA query_only = ON")
        con.execute("PRAGMA trusted_schema = OFF")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except (sqlite3.Error, OverflowError, MemoryError):
        raise ImportFormatError(
            N_(
                "The file starts like an SQLite database but cannot be opened: it is damaged "
                "or truncated."
            )
        ) from None
    return con


def read_table(con: Any, table: str, label: str, columns: Iterable[str]) -> list[dict[str, Any]]:
    """The ``columns`` (lower-case names; those the table lacks are left out) of every row of
    ``table`` (at most MAX_ENTRIES), as dicts. Only a plain table is read: a view, a virtual
    table, or a table with a generated column (a value computed on reading, which a crafted
    file can make gigabytes long) is refused."""
    kind = con.execute(
        "SELECT type, sql FROM sqlite_master WHERE name = ? COLLATE NOCASE LIMIT 1", (table,)
    ).fetchone()
    if kind is None or kind[0] != "table":
        raise ImportFormatError(
            N_("The {label} has no {table} table: it is not such a file.", label=label, table=table)
        )
    if str(kind[1] or "").lstrip()[:14].upper().startswith("CREATE VIRTUAL"):
        raise ImportFormatError(_computed(label, table))
    info = con.execute(
        "SELECT name, hidden FROM pragma_table_xinfo(?) LIMIT 201", (table,)
    ).fetchall()
    if any(hidden for _name, hidden in info):
        raise ImportFormatError(_computed(label, table))
    present = {str(name).lower(): str(name) for name, _hidden in info}
    wanted = [c for c in dict.fromkeys(c.lower() for c in columns) if c in present]
    if not wanted:
        raise ImportFormatError(
            N_("The {label} has none of the expected columns in {table}.", label=label, table=table)
        )
    quoted = ", ".join('"' + present[c].replace('"', '""') + '"' for c in wanted)
    name = table.replace('"', '""')
    cur = con.execute(f'SELECT {quoted} FROM "{name}" LIMIT ?', (MAX_ENTRIES + 1,))
    rows = [dict(zip(wanted, row, strict=True)) for row in cur.fetchall()]
    if len(rows) > MAX_ENTRIES:
        raise ImportFormatError(N_("The {label} holds too many accounts.", label=label))
    return rows


def _computed(label: str, table: str) -> Text:
    return N_(
        "The {label} has computed columns in its {table} table, which the app never writes: "
        "the file is not genuine, so it is not read.",
        label=label,
        table=table,
    )


def sqlite_rows(
    data: bytes, table: str, label: str, columns: Iterable[str]
) -> list[dict[str, Any]]:
    """:func:`read_table` on an in-memory copy of the database file ``data``."""
    con = sqlite_open(data)
    try:
        return read_table(con, table, label, columns)
    except sqlite3.Error:
        raise ImportFormatError(
            N_(
                "The {label} is damaged: its {table} table cannot be read.",
                label=label,
                table=table,
            )
        ) from None
    finally:
        con.close()


def row_str(row: dict[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            raise EntryDataError(N_("its {field} is not text", field=key)) from None
    return str(value)


def row_int(row: dict[str, Any], key: str, default: int) -> int:
    value = row.get(key)
    if value is None or value == "":
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,19}\s*", value):
        return int(value)
    raise EntryDataError(N_("its {field} is not a whole number", field=key))


def b32_of(raw: bytes) -> str:
    return base64.b32encode(raw).decode("ascii").rstrip("=")


def secret_b64(text: str) -> str:
    """A Base64 secret (as Steam, Microsoft write) as Base32."""
    try:
        raw = base64.b64decode(text.strip() + "=" * (-len(text.strip()) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise EntryDataError(N_("Its secret is not valid Base64")) from None
    if not raw:
        raise EntryDataError(N_("Its secret is empty"))
    return b32_of(raw)


def secret_hex(text: str) -> str:
    try:
        raw = bytes.fromhex(text.strip())
    except ValueError:
        raise EntryDataError(N_("Its secret is not valid hex")) from None
    if not raw:
        raise EntryDataError(N_("Its secret is empty"))
    return b32_of(raw)


def icon_or_none(mime: Any, data: Any) -> Icon | None:
    """An icon from a file's fields, or None when it is missing, unknown or too large (an
    unusable icon never costs the entry)."""
    if isinstance(data, str):
        try:
            data = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            return None
    if not isinstance(data, bytes) or not data or len(data) > MAX_ICON_BYTES:
        return None
    mime = mime.strip().lower() if isinstance(mime, str) else ""
    if mime not in ICON_MIMES:
        mime = _sniff_mime(data)
    return Icon(mime, data) if mime in ICON_MIMES else None


def _sniff_mime(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"GIF8"):
        return "image/gif"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    if b"<svg" in data[:1024]:
        return "image/svg+xml"
    return ""
