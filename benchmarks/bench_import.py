"""Import speed: 1,000 entries per format, as a ratio to the bare read of the same file.

    .venv/bin/python benchmarks/bench_import.py [--entries N] [--repeat R]

For every format the app reads, a file of N accounts is built (plain forms), then
``importers.load`` is timed (best of R) and printed next to its floor measured in the same run:
the bare parse of the same bytes (``json.loads``, ``ElementTree.fromstring``, an SQLite
``SELECT *``, ``csv`` or ``splitlines``). The encrypted forms, with each app's own key-derivation
parameters, are timed once each against the floor of that key derivation alone (``--no-kdf``
leaves them out). The ratio load / floor is what to watch; absolute ms depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sqlite3
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app import importers
from desktop_app.importers.battlenet import SECRET_KEY, mask
from desktop_app.importers.freeotp import secret_to_signed_bytes
from desktop_app.otp.model import Entry
from tests.importers.builders import totpauth_encrypt

RFC1 = b"12345678901234567890"


def secret(i: int) -> bytes:
    return (i.to_bytes(4, "big") + RFC1)[:20]


def b32(raw: bytes) -> str:
    import base64

    return base64.b32encode(raw).decode().rstrip("=")


def b64(raw: bytes) -> str:
    import base64

    return base64.b64encode(raw).decode()


def prefs(items: dict[str, str]) -> bytes:
    body = "".join(f'<string name="{k}">{escape(v)}</string>' for k, v in items.items())
    return f"<?xml version='1.0' encoding='utf-8'?><map>{body}</map>".encode()


def sqlite_file(script: str, insert: str, rows: list[tuple]) -> bytes:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "db"
        con = sqlite3.connect(path)
        con.executescript(script)
        con.executemany(insert, rows)
        con.commit()
        con.close()
        return path.read_bytes()


def _floor_json(data: bytes) -> object:
    return json.loads(data)


def _floor_xml(data: bytes) -> object:
    return ET.fromstring(data)


def _floor_sqlite(table: str) -> Callable[[bytes], object]:
    def read(data: bytes) -> object:
        con = sqlite3.connect(":memory:")
        con.deserialize(data)
        rows = con.execute(f"SELECT * FROM {table}").fetchall()
        con.close()
        return rows

    return read


def _floor_csv(data: bytes) -> object:
    return list(csv.DictReader(io.StringIO(data.decode())))


def _floor_lines(data: bytes) -> object:
    return data.decode().splitlines()


def build(n: int) -> dict[str, tuple[bytes, Callable[[bytes], object]]]:
    from desktop_app.exporters.aegis import export_plain

    es = [Entry(secret=b32(secret(i)), issuer=f"Issuer {i}", name=f"user{i}@x") for i in range(n)]
    uris = [f"otpauth://totp/Issuer%20{i}:user{i}?secret={b32(secret(i))}" for i in range(n)]
    authy = [
        {"originalName": f"I{i}:u{i}", "accountType": "x", "name": f"u{i}", "digits": 6,
         "decryptedSecret": b32(secret(i))}
        for i in range(n)
    ]  # fmt: skip
    tokens = {"tokenOrder": "[]"} | {
        f"t{i}": json.dumps({"secret": secret_to_signed_bytes(secret(i)), "type": "TOTP",
                             "issuerExt": f"I{i}", "label": f"u{i}", "digits": 6,
                             "period": 30, "algo": "SHA1"})
        for i in range(n)
    }  # fmt: skip
    out: dict[str, tuple[bytes, Callable[[bytes], object]]] = {
        "aegis": (export_plain(es), _floor_json),
        "2fas": (
            json.dumps(
                {
                    "schemaVersion": 4,
                    "services": [
                        {"name": f"I{i}", "secret": b32(secret(i)), "otp": {"account": f"u{i}"}}
                        for i in range(n)
                    ],
                }
            ).encode(),
            _floor_json,
        ),
        "andotp": (
            json.dumps(
                [
                    {"secret": b32(secret(i)), "type": "TOTP", "issuer": f"I{i}", "label": f"u{i}"}
                    for i in range(n)
                ]
            ).encode(),
            _floor_json,
        ),
        "bitwarden": (
            json.dumps(
                {
                    "encrypted": False,
                    "items": [
                        {"name": f"I{i}", "login": {"username": f"u{i}", "totp": b32(secret(i))}}
                        for i in range(n)
                    ],
                }
            ).encode(),
            _floor_json,
        ),
        "bitwarden-csv": (
            (
                "name,login_username,login_totp\n"
                + "".join(f"I{i},u{i},{b32(secret(i))}\n" for i in range(n))
            ).encode(),
            _floor_csv,
        ),
        "freeotp": (
            json.dumps(
                {
                    "tokenOrder": [],
                    "tokens": [json.loads(v) for k, v in tokens.items() if k != "tokenOrder"],
                }
            ).encode(),
            _floor_json,
        ),
        "freeotp-xml": (prefs(tokens), _floor_xml),
        "authy": (
            prefs({"com.authy.storage.tokens.authenticator.key": json.dumps(authy)}),
            _floor_xml,
        ),
        "proton": (
            json.dumps(
                {"version": 1, "entries": [{"content": {"uri": u, "name": "n"}} for u in uris]}
            ).encode(),
            _floor_json,
        ),
        "duo": (
            json.dumps(
                [{"name": f"I{i}", "otpGenerator": {"otpSecret": b32(secret(i))}} for i in range(n)]
            ).encode(),
            _floor_json,
        ),
        "steam": (
            json.dumps(
                {
                    "accounts": {
                        str(i): {"shared_secret": b64(secret(i)), "account_name": f"u{i}"}
                        for i in range(n)
                    }
                }
            ).encode(),
            _floor_json,
        ),
        "stratum": (
            json.dumps(
                {
                    "Authenticators": [
                        {
                            "Type": 2,
                            "Issuer": f"I{i}",
                            "Username": f"u{i}",
                            "Secret": b32(secret(i)),
                            "Algorithm": 0,
                            "Digits": 6,
                            "Period": 30,
                            "Counter": 0,
                        }
                        for i in range(n)
                    ]
                }
            ).encode(),
            _floor_json,
        ),
        "google-db": (
            sqlite_file(
                "CREATE TABLE accounts (email TEXT, secret TEXT, type INTEGER, issuer TEXT,"
                " counter INTEGER)",
                "INSERT INTO accounts VALUES (?,?,?,?,?)",
                [(f"u{i}", b32(secret(i)), 0, f"I{i}", 0) for i in range(n)],
            ),
            _floor_sqlite("accounts"),
        ),
        "microsoft": (
            sqlite_file(
                "CREATE TABLE accounts (name TEXT, username TEXT, oath_secret_key TEXT,"
                " account_type INTEGER)",
                "INSERT INTO accounts VALUES (?,?,?,?)",
                [(f"I{i}", f"u{i}", b32(secret(i)), 0) for i in range(n)],
            ),
            _floor_sqlite("accounts"),
        ),
        "totpauth": (
            totpauth_encrypt(
                [
                    {"issuer": f"I{i}", "name": f"u{i}", "key": b32(secret(i)), "base": 32}
                    for i in range(n)
                ]
            ),
            _floor_lines,
        ),
        "keepass-csv": (
            (
                '"Group","Title","Username","TOTP"\n'
                + "".join(f'"Root","I{i}","u{i}","{u}"\n' for i, u in enumerate(uris))
            ).encode(),
            _floor_csv,
        ),
        "otpauth": ("\n".join(uris).encode(), _floor_lines),
        "battlenet (1 entry)": (
            prefs({SECRET_KEY: mask(RFC1.hex())}),
            _floor_xml,
        ),
    }
    return out


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def encrypted(n: int) -> dict[str, tuple[bytes, Callable[[], object]]]:
    """Encrypted files of n accounts with each app's parameters, and their KDF alone."""
    import hashlib
    import os

    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    from desktop_app.exporters.aegis import export_encrypted
    from desktop_app.importers.andotp import encrypt as andotp_encrypt
    from desktop_app.importers.readers import argon2id
    from desktop_app.importers.stratum import ARGON2
    from desktop_app.importers.stratum import encrypt as stratum_encrypt
    from desktop_app.importers.twofas import derive_key as twofas_key
    from tests.importers.builders import encrypt_protected

    plain = build(n)
    es = [Entry(secret=b32(secret(i)), issuer=f"Issuer {i}", name=f"user{i}@x") for i in range(n)]
    salt = os.urandom(16)
    return {
        "aegis (scrypt 2^15)": (
            export_encrypted(es, "pw"),
            lambda: Scrypt(salt=salt, length=32, n=1 << 15, r=8, p=1).derive(b"pw"),
        ),
        "andotp (PBKDF2 150k)": (
            andotp_encrypt(plain["andotp"][0], "pw", 150_000, os.urandom(12), os.urandom(12)),
            lambda: hashlib.pbkdf2_hmac("sha1", b"pw", salt, 150_000, 32),
        ),
        "stratum (Argon2id)": (
            stratum_encrypt(plain["stratum"][0], "pw", os.urandom(16), os.urandom(12)),
            lambda: argon2id("pw", salt, **ARGON2),
        ),
        "bitwarden (PBKDF2 600k)": (
            json.dumps(encrypt_protected(plain["bitwarden"][0], "pw", "salt")).encode(),
            lambda: hashlib.pbkdf2_hmac("sha256", b"pw", salt, 600_000, 32),
        ),
        "2fas (PBKDF2 10k)": (
            _twofas(plain["2fas"][0]),
            lambda: twofas_key("pw", salt),
        ),
    }


def _twofas(doc_bytes: bytes) -> bytes:
    import base64
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from desktop_app.importers.twofas import derive_key

    doc = json.loads(doc_bytes)
    salt, iv = os.urandom(32), os.urandom(12)
    sealed = AESGCM(derive_key("pw", salt)).encrypt(iv, json.dumps(doc["services"]).encode(), None)
    parts = [base64.b64encode(x).decode() for x in (sealed, salt, iv)]
    return json.dumps(
        {"schemaVersion": 4, "services": [], "servicesEncrypted": ":".join(parts)}
    ).encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-kdf", action="store_true", help="leave out the encrypted forms")
    args = ap.parse_args()
    files = build(args.entries)
    print(f"{'format':22} {'entries':>7} {'floor ms':>9} {'load ms':>9} {'ratio':>7}")
    for name, (data, floor) in files.items():
        fmt = name.split(" ")[0]
        result = importers.load(data, format=fmt)
        assert not result.skipped, (name, result.skipped[:1])
        floor_s = best(lambda d=data, f=floor: f(d), args.repeat)
        load_s = best(lambda d=data, f=fmt: importers.load(d, format=f), args.repeat)
        print(
            f"{name:22} {len(result.entries):>7} {floor_s * 1e3:>9.2f} {load_s * 1e3:>9.2f} "
            f"{load_s / floor_s:>7.1f}"
        )
    if args.no_kdf:
        return
    print(f"\n{'encrypted format':26} {'entries':>7} {'KDF ms':>9} {'load ms':>9} {'ratio':>7}")
    for name, (data, kdf) in encrypted(args.entries).items():
        result = importers.load(data, "pw")
        assert len(result.entries) == args.entries and not result.skipped, name
        kdf_s = best(kdf, 1)
        load_s = best(lambda d=data: importers.load(d, "pw"), 1)
        print(
            f"{name:26} {len(result.entries):>7} {kdf_s * 1e3:>9.1f} {load_s * 1e3:>9.1f} "
            f"{load_s / kdf_s:>7.2f}"
        )


if __name__ == "__main__":
    main()
