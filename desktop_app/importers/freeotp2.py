"""FreeOTP (Red Hat's app): its token file ``tokens.xml`` (FreeOTP 1.x, and FreeOTP+'s internal
database, which keeps the same file) and FreeOTP 2's encrypted backup ``externalBackup.xml``.

* ``tokens.xml``: Android shared preferences; ``tokenOrder`` lists the tokens; every other
  ``<string>`` holds one token's JSON, as in FreeOTP+'s export (secret as signed bytes).
* FreeOTP 2 backup: a Java-serialised ``java.util.HashMap<String, String>``. ``masterKey`` is
  JSON {``mAlgorithm`` ("PBKDF2withHmacSHA512"), ``mIterations``, ``mSalt`` (signed bytes),
  ``mEncryptedKey``}; key = PBKDF2(password, salt, iterations, 256 bits) opens the master key.
  Each token has ``<uuid>-token`` (its JSON, without the secret) and ``<uuid>`` = {"key":
  EncryptedKey JSON}; the master key opens the secret. An EncryptedKey is {``mCipher``
  ("AES/GCM/NoPadding"), ``mCipherText`` and ``mParameters`` (signed bytes; the parameters are
  DER: SEQUENCE {OCTET STRING nonce, INTEGER tag length}, or on Android 6 the OCTET STRING of
  the nonce alone), ``mToken`` (the key's algorithm, also the GCM associated data)}.
"""

from __future__ import annotations

import struct
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.i18n import N_
from desktop_app.importers.contract import (
    MAX_ENTRIES,
    Collector,
    EntryDataError,
    ImportResult,
    PasswordRequired,
    PlainImporter,
    display_label,
)
from desktop_app.importers.freeotp import _entry as token_entry
from desktop_app.importers.readers import JAVA_MAGIC, android_prefs, check_kdf, json_loads, pbkdf2

MAX_ITERATIONS = 1_000_000  # FreeOTP writes 100,000
_PBKDF2 = {
    "PBKDF2WITHHMACSHA1": "sha1",
    "PBKDF2WITHHMACSHA256": "sha256",
    "PBKDF2WITHHMACSHA512": "sha512",
}


# --- tokens.xml ----------------------------------------------------------------------------------


def _xml_tokens(data: bytes) -> list[tuple[str, str]] | None:
    prefs = android_prefs(data)
    if not prefs or "tokenOrder" not in prefs:
        return None
    return [(k, v) for k, v in prefs.items() if k != "tokenOrder"]


class FreeOtpXmlImporter(PlainImporter):
    name = "freeotp-xml"
    label: str = N_("FreeOTP token file (tokens.xml)")
    app = "FreeOTP"
    export_hint = ""  # said by the other importer of this app

    def detect(self, data: bytes) -> bool:
        return _xml_tokens(data) is not None

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        tokens = _xml_tokens(data)
        if tokens is None:
            raise ImportFormatError(N_("This is not a FreeOTP tokens.xml file (no tokenOrder)."))
        out = Collector()
        for key, value in tokens:
            try:
                raw = json_loads(value)
            except ValueError:
                raw = None
            if not isinstance(raw, dict):
                out.skip(key[:120] or N_("Token"), N_("Its data is not a token"))
                continue
            issuer = raw.get("issuerExt") or raw.get("issuerInt")
            out.add(display_label(issuer, raw.get("label"), key[:120]), token_entry, raw)
        return out.result(self.label, self.name)


# --- Java serialisation (just what a HashMap<String, String> needs) ----------------------------


class _JavaReader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.handles: list[Any] = []

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise ImportFormatError(N_("The FreeOTP backup is truncated."))
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def u1(self) -> int:
        return self.take(1)[0]

    def u2(self) -> int:
        return int(struct.unpack(">H", self.take(2))[0])

    def utf(self, n: int) -> str:
        raw = self.take(n).replace(b"\xc0\x80", b"\x00")
        try:
            text = raw.decode("utf-8", errors="surrogatepass")
            return text.encode("utf-16", "surrogatepass").decode("utf-16")
        except UnicodeError:
            raise ImportFormatError(
                N_("The FreeOTP backup is damaged: a text is not valid.")
            ) from None

    def string(self) -> str | None:
        tc = self.u1()
        if tc == 0x70:  # TC_NULL
            return None
        if tc == 0x74:  # TC_STRING
            value = self.utf(self.u2())
        elif tc == 0x7C:  # TC_LONGSTRING
            value = self.utf(int(struct.unpack(">Q", self.take(8))[0]))
        elif tc == 0x71:  # TC_REFERENCE
            index = int(struct.unpack(">I", self.take(4))[0]) - 0x7E0000
            if not 0 <= index < len(self.handles) or not isinstance(self.handles[index], str):
                raise ImportFormatError(N_("The FreeOTP backup is damaged (bad reference)."))
            return str(self.handles[index])
        else:
            raise ImportFormatError(N_("The FreeOTP backup holds something other than text."))
        self.handles.append(value)
        return value


def read_java_string_map(data: bytes) -> dict[str, str]:
    """A serialised ``java.util.HashMap`` of strings; ImportFormatError for anything else."""
    r = _JavaReader(data)
    if r.take(4) != JAVA_MAGIC or r.u1() != 0x73 or r.u1() != 0x72:
        raise ImportFormatError(N_("This Java-serialised file is not a FreeOTP backup."))
    class_name = r.utf(r.u2())
    if class_name != "java.util.HashMap":
        raise ImportFormatError(
            N_(
                "This Java-serialised file holds a {java_class}, not a FreeOTP backup.",
                java_class=class_name[:60],
            )
        )
    r.take(8 + 1)  # serialVersionUID, flags
    r.handles.append("<classdesc>")
    fields = r.u2()
    sizes = {"F": 4, "I": 4}
    layout = []
    for _ in range(fields):
        code = chr(r.u1())
        r.utf(r.u2())
        if code not in sizes:
            raise ImportFormatError(N_("The FreeOTP backup's map has an unexpected layout."))
        layout.append(sizes[code])
    if r.u1() != 0x78 or r.u1() != 0x70:  # end of annotations, no superclass
        raise ImportFormatError(N_("The FreeOTP backup's map has an unexpected layout."))
    r.handles.append("<map>")
    for size in layout:
        r.take(size)
    if r.u1() != 0x77 or r.u1() != 8:  # TC_BLOCKDATA: capacity, size
        raise ImportFormatError(N_("The FreeOTP backup's map has an unexpected layout."))
    _capacity, count = struct.unpack(">ii", r.take(8))
    if not 0 <= count <= 2 * MAX_ENTRIES + 1:
        raise ImportFormatError(N_("The FreeOTP backup holds too many items."))
    out: dict[str, str] = {}
    for _ in range(count):
        key, value = r.string(), r.string()
        if key is not None and value is not None:
            out[key] = value
    return out


# --- FreeOTP 2 backup ------------------------------------------------------------------------------


def _signed_bytes(value: Any, what: str) -> bytes:
    if not isinstance(value, list) or any(
        isinstance(v, bool) or not isinstance(v, int) or not -128 <= v <= 255 for v in value
    ):
        raise ImportFormatError(
            N_("The FreeOTP backup is damaged: {what} is not a byte list.", what=what)
        )
    return bytes(v & 0xFF for v in value)


def _der(data: bytes, at: int) -> tuple[int, bytes, int]:
    """(tag, value, end) of the DER element at ``at`` (short and long length forms)."""
    tag, length = data[at], data[at + 1]
    at += 2
    if length & 0x80:
        count = length & 0x7F
        if not 1 <= count <= 2:
            raise IndexError
        length = int.from_bytes(data[at : at + count], "big")
        at += count
    value = data[at : at + length]
    if len(value) != length:
        raise IndexError
    return tag, value, at + length


def _gcm_params(der: bytes) -> tuple[bytes, int]:
    """The GCM nonce and tag length from a key's ``mParameters``. Two forms are written:
    Android 7 and later give Java's GCMParameters, DER ``SEQUENCE { OCTET STRING nonce,
    INTEGER tagLength }``; Android 6 (API 23) gives the DER ``OCTET STRING`` of the nonce alone
    (the tag length is then GCM's full 128 bits)."""
    bad = ImportFormatError(N_("The FreeOTP backup is damaged: a key's cipher settings are wrong."))
    try:
        tag, value, end = _der(der, 0)
        if tag == 0x04:  # Android 6: the nonce itself
            nonce, tag_len = value, 16
        elif tag == 0x30:
            inner, body, after = _der(value, 0)
            if inner != 0x04:
                raise IndexError
            nonce, tag_len = body, 16
            if after < len(value):
                kind, number, _ = _der(value, after)
                if kind != 0x02 or not 1 <= len(number) <= 2:
                    raise IndexError
                tag_len = int.from_bytes(number, "big")
        else:
            raise IndexError
    except IndexError:
        raise bad from None
    if end != len(der) or not 8 <= len(nonce) <= 16:
        raise bad
    return nonce, tag_len


def open_encrypted_key(enc: Any, key: bytes) -> bytes | None:
    if not isinstance(enc, dict):
        raise ImportFormatError(N_("The FreeOTP backup is damaged: a key is not an object."))
    cipher = enc.get("mCipher")
    if cipher != "AES/GCM/NoPadding":
        raise ImportFormatError(
            N_("The FreeOTP backup uses an unknown cipher {cipher}.", cipher=str(cipher)[:30])
        )
    nonce, tag_len = _gcm_params(_signed_bytes(enc.get("mParameters"), N_("a key's parameters")))
    if tag_len not in (16, 128):
        raise ImportFormatError(N_("The FreeOTP backup uses an unsupported tag length."))
    sealed = _signed_bytes(enc.get("mCipherText"), N_("a key's ciphertext"))
    token = enc.get("mToken")
    aad = token.encode("utf-8") if isinstance(token, str) else None
    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except (InvalidTag, ValueError):
        return None


class FreeOtpBackupImporter:
    name = "freeotp-backup"
    label: str = N_("FreeOTP backup")
    app = "FreeOTP"
    export_hint = (
        "FreeOTP 2: menu > Backup (externalBackup.xml, with its password); FreeOTP 1: "
        "copy shared_prefs/tokens.xml off a rooted phone."
    )
    encrypted = True

    def detect(self, data: bytes) -> bool:
        return data.startswith(JAVA_MAGIC) and b"masterKey" in data

    def needs_password(self, data: bytes) -> bool:
        return True

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        items = read_java_string_map(data)
        if "masterKey" not in items:
            raise ImportFormatError(N_("This FreeOTP backup has no master key; it is damaged."))
        if password is None:
            raise PasswordRequired(self.label)
        try:
            master_doc = json_loads(items["masterKey"])
        except ValueError:
            master_doc = None
        if not isinstance(master_doc, dict):
            raise ImportFormatError(
                N_("The FreeOTP backup is damaged: its master key is not JSON.")
            )
        algorithm = _PBKDF2.get(str(master_doc.get("mAlgorithm", "")).upper())
        if algorithm is None:
            raise ImportFormatError(
                N_(
                    "This FreeOTP backup uses {algorithm}, which this app does not know.",
                    algorithm=str(master_doc.get("mAlgorithm"))[:40],
                )
            )
        iterations = master_doc.get("mIterations")
        if isinstance(iterations, bool) or not isinstance(iterations, int):
            raise ImportFormatError(N_("The FreeOTP backup is damaged: bad iteration count."))
        check_kdf(self.label, 1 <= iterations <= MAX_ITERATIONS)
        salt = _signed_bytes(master_doc.get("mSalt"), N_("the salt"))
        derived = pbkdf2(algorithm, password, salt, iterations, 32)
        master = open_encrypted_key(master_doc.get("mEncryptedKey"), derived)
        if master is None:
            raise WrongPasswordError(N_("Wrong password for this FreeOTP backup."))
        out = Collector()
        for key, value in items.items():
            if not key.endswith("-token"):
                continue
            try:
                token = json_loads(value)
            except ValueError:
                token = None
            if not isinstance(token, dict):
                out.skip(key[:-6], N_("Its data is not a token"))
                continue
            issuer = token.get("issuerExt") or token.get("issuerInt")
            label = display_label(issuer, token.get("label"), key[:-6])
            out.add(label, _backup_entry, token, items.get(key[:-6]), master)
        return out.result(self.label, self.name)


def _backup_entry(token: dict[str, Any], wrapped: str | None, master: bytes) -> Any:
    if wrapped is None:
        raise EntryDataError(N_("Its key is missing from the backup"))
    try:
        holder = json_loads(wrapped)
        enc = json_loads(holder["key"]) if isinstance(holder.get("key"), str) else holder["key"]
    except (ValueError, KeyError, TypeError, AttributeError):
        raise EntryDataError(N_("Its key is damaged")) from None
    try:
        secret = open_encrypted_key(enc, master)
    except ImportFormatError as exc:
        raise EntryDataError(exc.args[0] if len(exc.args) == 1 else str(exc)) from None
    if secret is None:
        raise EntryDataError(N_("Its key does not decrypt (the backup is damaged)"))
    return token_entry({**token, "secret": list(secret)})
