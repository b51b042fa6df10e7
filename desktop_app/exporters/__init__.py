"""Exporters: every account back out, in formats other authenticators read.

Formats (``--format`` names):

* ``aegis`` -- encrypted Aegis vault (password chosen by the user; scrypt n=32768 r=8 p=1).
* ``aegis-plain`` -- unencrypted Aegis JSON. Secrets are readable.
* ``otpauth`` -- a text file with one ``otpauth://`` link per line. Secrets are readable.
* ``google-qr`` -- Google Authenticator migration QR codes as PNG files, about 10 accounts per
  code; entries the format cannot carry (Steam, 7 digits, periods other than 30 s ...) are left
  out and reported.

Files are written atomically with owner-only permissions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.errors import AppError
from desktop_app.exporters.aegis import export_encrypted, export_plain
from desktop_app.otp.model import Entry
from desktop_app.otp.uri import build_uri
from desktop_app.vault import atomic_write

FORMATS: dict[str, str] = {
    "aegis": "Aegis vault, encrypted (recommended)",
    "aegis-plain": "Aegis vault, not encrypted",
    "otpauth": "Text file of otpauth:// links, not encrypted",
    "google-qr": "Google Authenticator QR codes",
}
READABLE_FORMATS = ("aegis-plain", "otpauth", "google-qr")
READABLE_WARNING = (
    "The exported file holds your secrets in readable form: anyone who gets a copy can "
    "generate your codes. Keep it safe and delete it when you no longer need it."
)


class ExportError(AppError):
    """An export cannot be written (no password, unknown format, file error)."""


@dataclass
class ExportOutcome:
    paths: list[Path]
    count: int
    left_out: list[tuple[Entry, str]] = field(default_factory=list)


def export_otpauth(entries: Sequence[Entry]) -> bytes:
    return "".join(build_uri(e) + "\n" for e in entries).encode("utf-8")


def export_bytes(fmt: str, entries: Sequence[Entry], password: str | None = None) -> bytes:
    if fmt == "aegis":
        if not password:
            raise ExportError("An encrypted export needs a password.")
        return export_encrypted(entries, password)
    if fmt == "aegis-plain":
        return export_plain(entries)
    if fmt == "otpauth":
        return export_otpauth(entries)
    raise ExportError(f"Unknown export format {fmt[:40]!r}; known: {', '.join(FORMATS)}.")


def write_export(
    fmt: str, entries: Sequence[Entry], out: Path, password: str | None = None
) -> ExportOutcome:
    out = Path(out)
    try:
        if fmt == "google-qr":
            # imported here: segno costs every vault opening (automatic backups load this
            # package) tens of milliseconds
            from desktop_app.exporters.google import write_migration_qr

            paths, left_out = write_migration_qr(entries, out)
            return ExportOutcome(paths, len(entries) - len(left_out), left_out)
        data = export_bytes(fmt, entries, password)
        if out.is_dir():
            raise ExportError(f"{out} is a folder; give a file name.")
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(out, data)
    except OSError as exc:
        raise ExportError(f"The export cannot be written to {out}: {exc.strerror}.") from None
    return ExportOutcome([out], len(entries))


__all__ = [
    "FORMATS",
    "READABLE_FORMATS",
    "READABLE_WARNING",
    "ExportError",
    "ExportOutcome",
    "export_bytes",
    "export_otpauth",
    "write_export",
]
