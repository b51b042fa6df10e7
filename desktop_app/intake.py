"""The one path from "decoded text" to candidate accounts.

Scanning (webcam, image files, screen, clipboard), pasted links, backup importers and the emnify
enrolment all end here: text -> :func:`classify` -> :meth:`Gatherer.gather` (candidates, skipped
entries, progress of Google exports spread over several codes) -> (the UI reviews) ->
``Vault.add_many``. Duplicate detection lives here too (:func:`find_duplicates`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from desktop_app.errors import OtpError
from desktop_app.i18n import N_
from desktop_app.otp.migration import (
    MigrationBatch,
    SkippedEntry,
    is_migration_uri,
    parse_migration_uri,
)
from desktop_app.otp.model import Entry, Icon
from desktop_app.otp.uri import parse_uri
from desktop_app.scanning import IMAGE_SUFFIXES  # files scanned for codes; others are backups

#: The most accounts one import may bring (a file, a paste, a set of pictures): far above any real
#: authenticator's export, and a fifth of the vault's own cap (``vault.MAX_ACCOUNTS``, 50,000),
#: so that one import can never fill the vault past what it opens.
MAX_IMPORT_ACCOUNTS = 10_000


def too_many_accounts(count: int, what: str = "accounts") -> str:
    """The one-line refusal of an import of ``count`` accounts ("" when it is within the cap)."""
    if count <= MAX_IMPORT_ACCOUNTS:
        return ""
    if what == "lines":
        return N_(
            "The file holds {count:,} lines; at most {cap:,} accounts are imported at once. "
            "Split it into smaller files.",
            count=count,
            cap=MAX_IMPORT_ACCOUNTS,
        )
    return N_(
        "The file holds {count:,} accounts; at most {cap:,} are imported at once. Split it "
        "into smaller files.",
        count=count,
        cap=MAX_IMPORT_ACCOUNTS,
    )


def is_image_path(path: str | os.PathLike[str]) -> bool:
    return Path(path).suffix.lower() in IMAGE_SUFFIXES


def split_paths(paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """Dropped or pasted files: (images to scan, other files to import as backups)."""
    images = [p for p in paths if is_image_path(p)]
    return images, [p for p in paths if p not in images]


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
        return Payload(PayloadKind.EMPTY, message=N_("The code is empty."))
    lower = stripped.lower()
    if lower.startswith("otpauth://"):
        try:
            entry = parse_uri(stripped)
        except OtpError as exc:
            return Payload(
                PayloadKind.INVALID,
                message=N_("This authenticator link is invalid: {error}", error=exc.args[0]),
            )
        return Payload(
            PayloadKind.OTPAUTH, entries=(entry,), message=N_("Account {label}", label=entry.label)
        )
    if is_migration_uri(stripped):
        try:
            batch = parse_migration_uri(stripped)
        except OtpError as exc:
            return Payload(
                PayloadKind.INVALID,
                message=N_(
                    "This Google Authenticator export is invalid: {error}", error=exc.args[0]
                ),
            )
        n = len(batch.entries)
        return Payload(
            PayloadKind.MIGRATION,
            entries=batch.entries,
            skipped=batch.skipped,
            batch=batch,
            message=(
                N_(
                    "Google Authenticator export (1 account, code {index} of {size})",
                    index=batch.batch_index + 1,
                    size=batch.batch_size,
                )
                if n == 1
                else N_(
                    "Google Authenticator export ({n} accounts, code {index} of {size})",
                    n=n,
                    index=batch.batch_index + 1,
                    size=batch.batch_size,
                )
            ),
        )
    if lower.startswith(("http://", "https://", "www.")):
        return Payload(
            PayloadKind.LINK, message=N_("This code holds a web link, not an authenticator key.")
        )
    if lower.startswith("otpauth"):  # otpauth:/totp..., otpauth:totp... -- never echoed
        return Payload(
            PayloadKind.INVALID,
            message=N_("This authenticator link is invalid: it must start with otpauth://."),
        )
    if "://" in stripped.split()[0]:
        # The text before "://" is shown only when it is a well-known scheme: anything else may
        # be part of a key (a malformed link with the secret first).
        scheme = stripped.split("://", 1)[0].lower()
        if scheme in _KNOWN_SCHEMES:
            message = N_(
                "This code holds a {scheme}: link, not an authenticator key.", scheme=scheme
            )
        else:
            message = N_("This code holds another kind of link, not an authenticator key.")
        return Payload(PayloadKind.LINK, message=message)
    return Payload(
        PayloadKind.TEXT, message=N_("This code holds plain text, not an authenticator key.")
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
        return N_("{scanned} of {size} scanned", scanned=self.scanned, size=self.size)

    def entries(self) -> list[Entry]:
        return [e for i in sorted(self.batches) for e in self.batches[i].entries]

    def skipped(self) -> list[SkippedEntry]:
        return [s for i in sorted(self.batches) for s in self.batches[i].skipped]


# --- gathering: payloads (from any way in) -> candidates, skipped entries, batch progress -------


@dataclass(frozen=True)
class ExportProgress:
    """Where a Google Authenticator export spread over several codes stands."""

    batch_id: int
    scanned: int
    size: int
    missing: tuple[int, ...]  # 1-based numbers of the codes not read yet

    @property
    def complete(self) -> bool:
        return not self.missing

    def text(self) -> str:
        return N_("{scanned} of {size} scanned", scanned=self.scanned, size=self.size)


@dataclass(frozen=True)
class Gathered:
    """What a set of payloads adds up to.

    ``entries`` are the candidates (every account of every code read so far of a multi-code
    export, in code order); ``skipped`` the entries that cannot be added; ``rejected`` the
    payloads that are not keys, with their position in the input (``messages`` says them once
    each); ``exports`` the multi-code exports touched, with their progress.
    """

    entries: tuple[Entry, ...] = ()
    skipped: tuple[SkippedEntry, ...] = ()
    rejected: tuple[tuple[int, Payload], ...] = ()
    exports: tuple[ExportProgress, ...] = ()
    keys: tuple[Payload, ...] = ()  # the key payloads, in input order (batches by index)

    @property
    def messages(self) -> list[str]:
        out: list[str] = []
        for _i, p in self.rejected:
            if p.message and p.message not in out:
                out.append(p.message)
        return out

    @property
    def complete(self) -> bool:
        """No multi-code export is waiting for more codes."""
        return all(x.complete for x in self.exports)

    @property
    def incomplete(self) -> list[ExportProgress]:
        return [x for x in self.exports if not x.complete]

    def __bool__(self) -> bool:
        return bool(self.entries or self.skipped)


class Gatherer:
    """Gathers payloads into candidates; remembers the codes of multi-code exports across calls
    (a webcam, or one image after another), so "2 of 3 scanned" adds up.

    ``gather(payloads)`` is the one assembly every way in uses: scanned images, the webcam, the
    screen, pasted text, typed links and text-file importers.
    """

    def __init__(self) -> None:
        self._exports: dict[int, BatchCollector] = {}
        self._payloads: dict[int, dict[int, Payload]] = {}

    def gather(self, payloads: Iterable[Payload]) -> Gathered:
        # Candidates keep the order of the input; an export sits where its first code was.
        slots: list[Payload | int] = []  # a key payload, or the batch_id of a multi-code export
        rejected: list[tuple[int, Payload]] = []
        for i, p in enumerate(payloads):
            if p.kind is PayloadKind.OTPAUTH:
                slots.append(p)
            elif p.kind is PayloadKind.MIGRATION and p.batch is not None:
                batch = p.batch
                if batch.batch_size <= 1:
                    slots.append(p)
                    continue
                collector = self._exports.get(batch.batch_id)
                if collector is None or collector.size != batch.batch_size:
                    collector = self._exports[batch.batch_id] = BatchCollector()
                    self._payloads[batch.batch_id] = {}
                collector.add(batch)
                self._payloads[batch.batch_id][batch.batch_index] = p
                if batch.batch_id not in slots:
                    slots.append(batch.batch_id)
            else:
                rejected.append((i, p))
        entries: list[Entry] = []
        skipped: list[SkippedEntry] = []
        keys: list[Payload] = []
        exports: list[ExportProgress] = []
        for slot in slots:
            if isinstance(slot, Payload):
                entries.extend(slot.entries)
                skipped.extend(slot.skipped)
                keys.append(slot)
                continue
            collector = self._exports[slot]
            entries.extend(collector.entries())
            skipped.extend(collector.skipped())
            got = self._payloads[slot]
            keys.extend(got[i] for i in sorted(got))
            exports.append(
                ExportProgress(slot, collector.scanned, collector.size, tuple(collector.missing()))
            )
        return Gathered(
            tuple(entries), tuple(skipped), tuple(rejected), tuple(exports), tuple(keys)
        )

    def forget(self, batch_id: int | None = None) -> None:
        """Drop a collected export (all of them when ``batch_id`` is None)."""
        if batch_id is None:
            self._exports.clear()
            self._payloads.clear()
        else:
            self._exports.pop(batch_id, None)
            self._payloads.pop(batch_id, None)

    def forget_complete(self) -> None:
        for batch_id in [b for b, c in self._exports.items() if c.complete]:
            self.forget(batch_id)


def gather(payloads: Iterable[Payload]) -> Gathered:
    """One-shot :meth:`Gatherer.gather` (nothing remembered between calls)."""
    return Gatherer().gather(payloads)


def gather_texts(texts: Iterable[str]) -> Gathered:
    """Decoded or pasted texts -> :func:`classify` -> :func:`gather`."""
    return gather(classify(t) for t in texts)


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


def with_pack_icons(entries: Sequence[Entry], data_dir: Path) -> list[Entry]:
    """The entries, each without an icon of its own given the icon of the installed icon packs
    (``data_dir/icons``) whose issuer matches its issuer (:meth:`IconLibrary.match`). Every new
    or imported account passes here just before it is saved; a pack that cannot be read costs
    nothing but the icon."""
    wanted = any(e.icon is None and e.issuer.strip() for e in entries)
    if not wanted or not (Path(data_dir) / "icons").is_dir():  # no pack: nothing more imported
        return list(entries)
    from desktop_app.icons import IconLibrary

    library = IconLibrary.of(data_dir)
    if not library.packs():
        return list(entries)
    found: dict[str, Icon | None] = {}
    out = []
    for e in entries:
        if e.icon is None and e.issuer.strip():
            key = e.issuer.strip().lower()
            if key not in found:
                found[key] = library.match(e.issuer)
            if found[key] is not None:
                e = e.with_changes(icon=found[key])
        out.append(e)
    return out
