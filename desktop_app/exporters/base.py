"""The one exporter contract, mirroring :class:`~desktop_app.importers.contract.Importer`.

Every format is an object with ``name`` (the ``--format`` id), ``label`` (shown to people),
``readable`` (the output holds secrets in readable form), ``needs_password``, ``suffix`` and
``default_name`` (for save dialogs), and ``write(entries, out, password) -> ExportOutcome``.
Formats that produce one file implement ``data(entries, password) -> bytes`` and inherit
``write`` from :class:`FileExporter` (atomic, owner-only). Rules every exporter follows:

* A missing password for an encrypting format, or a file that cannot be written, raises
  :class:`ExportError` with a message naming the problem -- never holding a secret.
* Entries a format cannot carry are left out and listed in ``ExportOutcome.left_out``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from desktop_app.errors import AppError
from desktop_app.i18n import N_
from desktop_app.otp.model import Entry
from desktop_app.paths import private_dir
from desktop_app.vault import atomic_write


class ExportError(AppError):
    """An export cannot be written (no password, unknown format, file error)."""


def write_failed(out: Path, exc: OSError) -> ExportError:
    """The error of an export that could not be written to ``out`` (one line, translatable)."""
    return ExportError(
        N_("The export cannot be written to {path}: {error}.", path=str(out), error=exc.strerror)
    )


@dataclass
class ExportOutcome:
    paths: list[Path]
    count: int
    left_out: list[tuple[Entry, str]] = field(default_factory=list)


@runtime_checkable
class Exporter(Protocol):
    name: str  # short id used by ``--format``
    label: str  # shown to people
    readable: bool  # the output holds the secrets in readable form
    needs_password: bool
    suffix: str  # file name ending offered by save dialogs
    default_name: str

    def write(
        self, entries: Sequence[Entry], out: Path, password: str | None = None
    ) -> ExportOutcome: ...


class FileExporter:
    """An exporter whose output is one file: subclasses give ``data``."""

    name = ""
    label = ""
    readable = True
    needs_password = False
    suffix = ""
    default_name = ""

    def data(self, entries: Sequence[Entry], password: str | None = None) -> bytes:
        raise NotImplementedError

    def write(
        self, entries: Sequence[Entry], out: Path, password: str | None = None
    ) -> ExportOutcome:
        if self.needs_password and not password:
            raise ExportError(N_("An encrypted export needs a password."))
        out = Path(out)
        if out.is_dir():
            raise ExportError(N_("{path} is a folder; give a file name.", path=str(out)))
        data = self.data(entries, password)
        try:
            private_dir(out.parent, own=False)  # a folder made for the export is 0700
            atomic_write(out, data)
        except OSError as exc:
            raise write_failed(out, exc) from None
        return ExportOutcome([out], len(entries))
