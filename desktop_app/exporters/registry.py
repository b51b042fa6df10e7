"""The export formats and their registry."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop_app.exporters.aegis import export_encrypted, export_plain
from desktop_app.exporters.base import (
    Exporter,
    ExportError,
    ExportOutcome,
    FileExporter,
    write_failed,
)
from desktop_app.i18n import N_, QT_TRANSLATE_NOOP, marked_in
from desktop_app.otp.model import Entry
from desktop_app.otp.uri import build_uri


class AegisEncryptedExporter(FileExporter):
    name = "aegis"
    label = QT_TRANSLATE_NOOP("Exporters", "Aegis vault, encrypted (recommended)")
    readable = False
    needs_password = True
    suffix = ".json"
    default_name = "aegis-export.json"

    def data(self, entries: Sequence[Entry], password: str | None = None) -> bytes:
        if not password:
            raise ExportError(N_("An encrypted export needs a password."))
        return export_encrypted(entries, password)


class AegisPlainExporter(FileExporter):
    name = "aegis-plain"
    label = QT_TRANSLATE_NOOP("Exporters", "Aegis vault, not encrypted")
    suffix = ".json"
    default_name = "aegis-export-plain.json"

    def data(self, entries: Sequence[Entry], password: str | None = None) -> bytes:
        return export_plain(entries)


class OtpauthExporter(FileExporter):
    name = "otpauth"
    label = QT_TRANSLATE_NOOP("Exporters", "Text file of otpauth:// links, not encrypted")
    suffix = ".txt"
    default_name = "otpauth-links.txt"

    def data(self, entries: Sequence[Entry], password: str | None = None) -> bytes:
        return export_otpauth(entries)


class GoogleQrExporter:
    """Several PNG files (one per migration code), so it writes them itself."""

    name = "google-qr"
    label = QT_TRANSLATE_NOOP("Exporters", "Google Authenticator QR codes")
    readable = True
    needs_password = False
    suffix = ".png"
    default_name = "google-authenticator"

    def write(
        self, entries: Sequence[Entry], out: Path, password: str | None = None
    ) -> ExportOutcome:
        from desktop_app.exporters.google import write_migration_qr

        try:
            paths, left_out = write_migration_qr(entries, Path(out))
        except OSError as exc:
            raise write_failed(out, exc) from None
        return ExportOutcome(paths, len(entries) - len(left_out), left_out)


EXPORTERS: tuple[Exporter, ...] = (
    AegisEncryptedExporter(),
    AegisPlainExporter(),
    OtpauthExporter(),
    GoogleQrExporter(),
)
FORMAT_NAMES: tuple[str, ...] = tuple(e.name for e in EXPORTERS)
FORMATS: dict[str, str] = {e.name: e.label for e in EXPORTERS}
READABLE_FORMATS: tuple[str, ...] = tuple(e.name for e in EXPORTERS if e.readable)
READABLE_WARNING = QT_TRANSLATE_NOOP(
    "Exporters",
    "The exported file holds your secrets in readable form: anyone who gets a copy can "
    "generate your codes. Keep it safe and delete it when you no longer need it.",
)


def exporter_by_name(name: str) -> Exporter:
    for exporter in EXPORTERS:
        if exporter.name == name.lower():
            return exporter
    raise ExportError(
        N_(
            "Unknown export format {name}; known: {known}.",
            name=repr(name[:40]),
            known=", ".join(FORMAT_NAMES),
        )
    )


def export_otpauth(entries: Sequence[Entry]) -> bytes:
    return "".join(build_uri(e) + "\n" for e in entries).encode("utf-8")


def export_bytes(fmt: str, entries: Sequence[Entry], password: str | None = None) -> bytes:
    """The bytes of a one-file format."""
    exporter = exporter_by_name(fmt)
    if not isinstance(exporter, FileExporter):
        raise ExportError(
            N_(
                "The {format} export is several files, not one.",
                format=marked_in("Exporters", exporter.label),
            )
        )
    return exporter.data(entries, password)


def write_export(
    fmt: str, entries: Sequence[Entry], out: Path, password: str | None = None
) -> ExportOutcome:
    return exporter_by_name(fmt).write(entries, Path(out), password)
