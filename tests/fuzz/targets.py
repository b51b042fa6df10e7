"""What the fuzz worker runs (tests/fuzz/bounded.py): one entry point per input kind, each
taking the case's bytes and returning a short summary (never an entry's secret)."""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path

from desktop_app.otp.model import Entry, OtpType

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
SAMPLE_ENTRIES = [
    Entry(secret=SECRET, issuer="ACME", name="bob@example.com"),
    Entry(secret="GEZDGNBVGY3TQOJQ", issuer="Bank", name="me", type=OtpType.HOTP, counter=7),
    Entry(
        secret="63BEDWCQZKTQWPESARIERL5DTTQFCJTK",
        issuer="Steam",
        name="g",
        type=OtpType.STEAM,
        digits=5,
    ),
]
BACKUP_PASSWORD = "fuzz-password"
VAULT_PASSWORD = "fuzz-vault"


def _summary(payload) -> str:  # type: ignore[no-untyped-def]
    if payload.is_key:
        return f"{payload.kind.value}:{len(payload.entries)}"
    return f"{payload.kind.value}:{payload.message}"


def uri(case: bytes) -> str:
    """A decoded QR payload or pasted text."""
    from desktop_app.intake import classify

    return _summary(classify(case.decode("utf-8", "surrogateescape")))


def migration(case: bytes) -> str:
    """A Google Authenticator export payload (the protobuf inside the link)."""
    from desktop_app.intake import classify

    data = base64.b64encode(case).decode()
    return _summary(classify(f"otpauth-migration://offline?data={data}"))


def backup(case: bytes) -> str:
    """A backup file of another authenticator, opened with the right password."""
    from desktop_app.importers import load

    result = load(case, password=BACKUP_PASSWORD)
    return f"{len(result.entries)} entries, {len(result.skipped)} skipped"


def image(case: bytes) -> str:
    """An image file: header check, decoding, QR detection."""
    from desktop_app.scanning.decoders import decode
    from desktop_app.scanning.images import decode_image_bytes

    return f"{len(decode(decode_image_bytes(case, 'The image')))} codes"


def backup_path(case: bytes) -> str:
    """A backup file named by its path (``import FILE``, the import dialog)."""
    from desktop_app.importers import load_file

    result = load_file(Path(case.decode()), password=BACKUP_PASSWORD)
    return f"{len(result.entries)} entries"


def image_path(case: bytes) -> str:
    """An image file named by its path (``decode FILE``, Add from image, image folders)."""
    from desktop_app.scanning.decoders import decode_file

    return f"{len(decode_file(case.decode()))} codes"


def settings_path(case: bytes) -> str:
    """The settings file read from the config folder ``case``."""
    from desktop_app.settings import Settings

    return str(len(Settings(Path(case.decode())).as_dict()))


def vault(case: bytes) -> str:
    """A vault file, opened with its password (the worker uses the tests' cheap scrypt)."""
    from desktop_app.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "vault.json").write_bytes(case)
        with Vault.open_with_password(Path(tmp), VAULT_PASSWORD, lock_wait=0) as v:
            return f"{len(v)} entries"


# --- seeds ------------------------------------------------------------------------------------


def backup_seeds() -> list[bytes]:
    from desktop_app.exporters.aegis import export_encrypted, export_plain
    from desktop_app.otp.uri import build_uri

    twofas = {
        "services": [
            {
                "name": e.issuer,
                "secret": e.secret,
                "otp": {
                    "account": e.name,
                    "issuer": e.issuer,
                    "digits": e.digits,
                    "period": e.period,
                    "algorithm": e.algorithm,
                    "tokenType": e.type.value.upper(),
                    "counter": e.counter,
                },
            }
            for e in SAMPLE_ENTRIES
        ],
        "groups": [],
        "schemaVersion": 4,
    }
    andotp = [
        {"secret": e.secret, "issuer": e.issuer, "label": e.name, "digits": e.digits,
         "type": e.type.value.upper(), "algorithm": e.algorithm, "period": e.period, "tags": []}
        for e in SAMPLE_ENTRIES
    ]  # fmt: skip
    return [
        export_plain(SAMPLE_ENTRIES),
        export_encrypted(SAMPLE_ENTRIES, BACKUP_PASSWORD, scrypt_n=1024),
        json.dumps(twofas).encode(),
        json.dumps(andotp).encode(),
        "\n".join(build_uri(e) for e in SAMPLE_ENTRIES).encode(),
    ]


def migration_seed() -> bytes:
    from urllib.parse import unquote

    from desktop_app.otp.migration import build_migration_uris

    (link,), _left_out = build_migration_uris(SAMPLE_ENTRIES)
    return base64.b64decode(unquote(link.split("data=", 1)[1]))


def image_seeds() -> list[bytes]:
    import cv2
    import numpy as np
    import segno

    from desktop_app.otp.uri import build_uri

    qr = segno.make(build_uri(SAMPLE_ENTRIES[0]), error="m")
    import io

    buf = io.BytesIO()
    qr.save(buf, kind="png", scale=3, border=4)
    png = buf.getvalue()
    gray = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    bgr = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    bgra = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGRA)
    bgra[:, :, 3] = 200
    seeds = [png]
    for shape in ((21, 3000), (3000, 21)):  # extreme but possible shapes
        ok, enc = cv2.imencode(".png", np.full(shape, 255, np.uint8))
        seeds.append(enc.tobytes())
    for ext, img in ((".jpg", bgr), (".bmp", bgr), (".webp", bgr), (".gif", bgr),
                     (".tiff", bgr), (".png", bgra)):  # fmt: skip
        ok, enc = cv2.imencode(ext, img)
        if ok:
            seeds.append(enc.tobytes())
    return seeds


def vault_seed(folder: Path) -> bytes:
    """A small password vault written by the app (call with the tests' cheap scrypt policy)."""
    from desktop_app.vault import Vault

    with Vault.open_with_password(folder, VAULT_PASSWORD) as v:
        v.add_many(SAMPLE_ENTRIES)
    return (folder / "vault.json").read_bytes()


# --- misbehaving targets: the harness must catch each (tests/fuzz/test_harness.py) -------------


def hog(case: bytes) -> str:
    block = bytearray(int(case.decode()) * 2**20)  # resident: every page written
    block[::4096] = b"x" * len(block[::4096])
    return str(len(block))


def hang(case: bytes) -> str:
    import time

    time.sleep(3600)
    return ""


def crash(case: bytes) -> str:
    raise KeyError(case.decode())


def die(case: bytes) -> str:
    import os

    os._exit(3)
