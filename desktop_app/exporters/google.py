"""Google Authenticator migration QR codes (about 10 accounts per code) and single-account QRs."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import segno

from desktop_app.otp.migration import MAX_ENTRIES_PER_CODE, build_migration_uris
from desktop_app.otp.model import Entry
from desktop_app.otp.uri import build_uri
from desktop_app.paths import private_dir
from desktop_app.vault import atomic_write


def qr_png(text: str, *, scale: int = 6, border: int = 4) -> bytes:
    """A PNG of the QR code of ``text`` (error correction M)."""
    buf = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buf, kind="png", scale=scale, border=border)
    return buf.getvalue()


def entry_qr_png(entry: Entry, *, scale: int = 6) -> bytes:
    """The QR code of one account's otpauth:// link (it holds the secret)."""
    return qr_png(build_uri(entry), scale=scale)


def migration_uris(
    entries: Sequence[Entry], per_code: int = MAX_ENTRIES_PER_CODE
) -> tuple[list[str], list[tuple[Entry, str]]]:
    """(links, left_out): one link per code; entries the format cannot carry, with reasons."""
    return build_migration_uris(list(entries), per_code=per_code)


def qr_paths(out: Path, count: int) -> list[Path]:
    """Where ``count`` images go: ``DIR/google-authenticator-N.png`` when ``out`` is a folder
    (existing, or written with a trailing slash), else ``STEM-N.png`` beside ``out``."""
    text = str(out)
    if out.is_dir() or text.endswith(("/", "\\")):
        return [out / f"google-authenticator-{i}.png" for i in range(1, count + 1)]
    base = out.with_suffix("") if out.suffix.lower() == ".png" else out
    return [base.with_name(f"{base.name}-{i}.png") for i in range(1, count + 1)]


def write_migration_qr(
    entries: Sequence[Entry], out: Path, *, scale: int = 6
) -> tuple[list[Path], list[tuple[Entry, str]]]:
    uris, left_out = migration_uris(entries)
    paths = qr_paths(out, len(uris))
    if paths:
        private_dir(paths[0].parent, own=False)
    for path, uri in zip(paths, uris, strict=True):
        atomic_write(path, qr_png(uri, scale=scale))
    return paths, left_out
