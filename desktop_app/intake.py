"""The one path from "decoded text" to candidate accounts.

Scanning (webcam, image files, screen, clipboard), pasted links, backup importers and the emnify
enrolment all end here: text -> :func:`classify` -> candidate entries -> (the UI confirms) ->
``Vault.add_many``. Duplicate detection lives here too (:func:`find_duplicates`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.errors import OtpError
from desktop_app.otp.migration import (
    MigrationBatch,
    SkippedEntry,
    is_migration_uri,
    parse_migration_uri,
)
from desktop_app.otp.model import Entry
from desktop_app.otp.uri import parse_uri


class PayloadKind(StrEnum):
    OTPAUTH = "otpauth"
    MIGRATION = "migration"
    LINK = "link"
    TEXT = "text"
    EMPTY = "empty"
    INVALID = "invalid"  # looks like an authenticator key but is malformed


@dataclass(frozen=True)
class Payload:
    kind: PayloadKind
    entries: tuple[Entry, ...] = ()
    skipped: tuple[SkippedEntry, ...] = ()
    batch: MigrationBatch | None = None
    message: str = ""  # what a person is told about it

    @property
    def is_key(self) -> bool:
        return self.kind in (PayloadKind.OTPAUTH, PayloadKind.MIGRATION)


_KNOWN_SCHEMES = frozenset(
    [
        "ftp",
        "ftps",
        "sftp",
        "ssh",
        "file",
        "ws",
        "wss",
        "smb",
        "git",
        "rtsp",
        "rtmp",
        "mqtt",
        "ldap",
        "nfs",
        "irc",
        "steam",
        "spotify",
    ]
)


def classify(text: str) -> Payload:
    """Say what a decoded QR payload or pasted text holds. Never raises for bad input."""
    stripped = (text or "").strip()
    if not stripped:
        return Payload(PayloadKind.EMPTY, message="The code is empty.")
    lower = stripped.lower()
    if lower.startswith("otpauth://"):
        try:
            entry = parse_uri(stripped)
        except OtpError as exc:
            return Payload(
                PayloadKind.INVALID, message=f"This authenticator link is invalid: {exc}"
            )
        return Payload(PayloadKind.OTPAUTH, entries=(entry,), message=f"Account {entry.label}")
    if is_migration_uri(stripped):
        try:
            batch = parse_migration_uri(stripped)
        except OtpError as exc:
            return Payload(
                PayloadKind.INVALID,
                message=f"This Google Authenticator export is invalid: {exc}",
            )
        n = len(batch.entries)
        return Payload(
            PayloadKind.MIGRATION,
            entries=batch.entries,
            skipped=batch.skipped,
            batch=batch,
            message=f"Google Authenticator export ({n} account{'s' if n != 1 else ''}, "
            f"code {batch.batch_index + 1} of {batch.batch_size})",
        )
    if lower.startswith(("http://", "https://", "www.")):
        return Payload(
            PayloadKind.LINK, message="This code holds a web link, not an authenticator key."
        )
    if lower.startswith("otpauth"):  # otpauth:/totp..., otpauth:totp... -- never echoed
        return Payload(
            PayloadKind.INVALID,
            message="This authenticator link is invalid: it must start with otpauth://.",
        )
    if "://" in stripped.split()[0]:
        # The text before "://" is shown only when it is a well-known scheme: anything else may
        # be part of a key (a malformed link with the secret first).
        scheme = stripped.split("://", 1)[0].lower()
        kind = f"a {scheme}:" if scheme in _KNOWN_SCHEMES else "another kind of"
        return Payload(
            PayloadKind.LINK, message=f"This code holds {kind} link, not an authenticator key."
        )
    return Payload(
        PayloadKind.TEXT, message="This code holds plain text, not an authenticator key."
    )


def classify_many(texts: Iterable[str]) -> list[Payload]:
    return [classify(t) for t in texts]


@dataclass
class BatchCollector:
    """Collects the QR codes of a multi-code Google Authenticator export.

    ``add`` returns True when the batch was new. Batches of another export (another
    ``batch_id``) start a new collection.
    """

    batch_id: int | None = None
    size: int = 0
    batches: dict[int, MigrationBatch] = field(default_factory=dict)

    def add(self, batch: MigrationBatch) -> bool:
        if self.batch_id != batch.batch_id or self.size != batch.batch_size:
            self.batch_id, self.size, self.batches = batch.batch_id, batch.batch_size, {}
        if batch.batch_index in self.batches:
            return False
        self.batches[batch.batch_index] = batch
        return True

    @property
    def scanned(self) -> int:
        return len(self.batches)

    @property
    def complete(self) -> bool:
        return self.size > 0 and self.scanned == self.size

    def missing(self) -> list[int]:
        """1-based numbers of the codes not scanned yet."""
        return [i + 1 for i in range(self.size) if i not in self.batches]

    def progress_text(self) -> str:
        return f"{self.scanned} of {self.size} scanned"

    def entries(self) -> list[Entry]:
        return [e for i in sorted(self.batches) for e in self.batches[i].entries]

    def skipped(self) -> list[SkippedEntry]:
        return [s for i in sorted(self.batches) for s in self.batches[i].skipped]


def _identity(entry: Entry) -> tuple[str, str]:
    return (entry.secret, entry.type.value)


def find_duplicates(existing: Iterable[Entry], candidates: Iterable[Entry]) -> dict[str, Entry]:
    """Map each candidate uuid to the existing entry with the same secret (and type).

    Candidates that repeat an earlier candidate are reported against that earlier one.
    """
    seen: dict[tuple[str, str], Entry] = {}
    for e in existing:
        seen.setdefault(_identity(e), e)
    found: dict[str, Entry] = {}
    for c in candidates:
        key = _identity(c)
        if key in seen:
            found[c.uuid] = seen[key]
        else:
            seen[key] = c
    return found
