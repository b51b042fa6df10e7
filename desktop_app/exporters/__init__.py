"""Exporters: every account back out, in formats other authenticators read.

One contract (:class:`~desktop_app.exporters.base.Exporter`, mirroring the importers'), one
class per format, one registry::

    outcome = write_export("aegis", entries, Path("backup.json"), password)
    exporter_by_name("otpauth").data(entries)        # the bytes of a one-file format

Formats (``--format`` names):

* ``aegis`` -- encrypted Aegis vault (password chosen by the user; scrypt n=32768 r=8 p=1).
* ``aegis-plain`` -- unencrypted Aegis JSON. Secrets are readable.
* ``otpauth`` -- a text file with one ``otpauth://`` link per line. Secrets are readable.
* ``google-qr`` -- Google Authenticator migration QR codes as PNG files, about 10 accounts per
  code; entries the format cannot carry (Steam, 7 digits, periods other than 30 s ...) are left
  out and reported.

Files are written atomically with owner-only permissions. The names below are loaded on first
use (PEP 562): opening the vault starts the automatic backups (``exporters.autobackup``), which
need none of the formats until a backup is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.lazy import lazy_exports

if TYPE_CHECKING:
    from desktop_app.exporters.base import Exporter, ExportError, ExportOutcome, FileExporter
    from desktop_app.exporters.registry import (
        EXPORTERS,
        FORMAT_NAMES,
        FORMATS,
        READABLE_FORMATS,
        READABLE_WARNING,
        export_bytes,
        export_otpauth,
        exporter_by_name,
        write_export,
    )

_WHERE = {
    "EXPORTERS": "registry",
    "FORMATS": "registry",
    "FORMAT_NAMES": "registry",
    "READABLE_FORMATS": "registry",
    "READABLE_WARNING": "registry",
    "ExportError": "base",
    "ExportOutcome": "base",
    "Exporter": "base",
    "FileExporter": "base",
    "export_bytes": "registry",
    "export_otpauth": "registry",
    "exporter_by_name": "registry",
    "write_export": "registry",
}

__all__ = [
    "EXPORTERS",
    "FORMATS",
    "FORMAT_NAMES",
    "READABLE_FORMATS",
    "READABLE_WARNING",
    "ExportError",
    "ExportOutcome",
    "Exporter",
    "FileExporter",
    "export_bytes",
    "export_otpauth",
    "exporter_by_name",
    "write_export",
]

__getattr__, __dir__ = lazy_exports(__name__, globals(), _WHERE)
