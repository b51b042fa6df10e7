"""Importers: what other authenticators export becomes candidate entries.

One contract (:class:`~desktop_app.importers.contract.Importer`), one module per format, one
registry. The format is recognised by content::

    result = load(data, password=None)      # PasswordRequired when the file is encrypted
    vault.add_many(chosen_entries)           # all or nothing

Formats (``--format`` names): see :data:`FORMAT_NAMES`; :func:`catalogue` lists every app with a
one-line hint on how to export from it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.errors import AppError, ImportFormatError
from desktop_app.files import read_limited
from desktop_app.i18n import N_, Text
from desktop_app.importers.aegis import AegisImporter
from desktop_app.importers.andotp import AndOtpImporter
from desktop_app.importers.authplus import AuthenticatorPlusImporter
from desktop_app.importers.authy import AuthyImporter
from desktop_app.importers.battlenet import BattleNetImporter
from desktop_app.importers.bitwarden import BitwardenCsvImporter, BitwardenImporter
from desktop_app.importers.contract import MAX_FILE_BYTES, Importer, ImportResult, PasswordRequired
from desktop_app.importers.databases import GoogleAuthDbImporter, MicrosoftAuthImporter
from desktop_app.importers.duo import DuoImporter
from desktop_app.importers.freeotp import FreeOtpImporter
from desktop_app.importers.freeotp2 import FreeOtpBackupImporter, FreeOtpXmlImporter
from desktop_app.importers.image import QrImageImporter
from desktop_app.importers.keepass import KeePassCsvImporter
from desktop_app.importers.proton import ProtonImporter
from desktop_app.importers.readers import (
    JAVA_MAGIC,
    SQLITE_MAGIC,
    looks_like_android_prefs,
    sniff_json,
    too_complex_json,
)
from desktop_app.importers.steam import SteamImporter
from desktop_app.importers.stratum import StratumImporter
from desktop_app.importers.text import EnteImporter, GoogleMigrationImporter, OtpauthTextImporter
from desktop_app.importers.totpauth import TotpAuthenticatorImporter
from desktop_app.importers.twofas import TwoFasImporter
from desktop_app.intake import find_duplicates, too_many_accounts, with_pack_icons
from desktop_app.otp.model import Entry

if TYPE_CHECKING:
    from desktop_app.vault import Vault

log = logging.getLogger(__name__)

# Order matters: the first importer whose detect() accepts the data is used. Specific JSON
# shapes first, then XML, SQLite and binary formats with a magic number, text lists next, the
# headerless encrypted files (Authenticator Plus's SQLCipher, then andOTP) last.
IMPORTERS: tuple[Importer, ...] = (
    AegisImporter(),
    TwoFasImporter(),
    BitwardenImporter(),
    FreeOtpImporter(),
    EnteImporter(),
    ProtonImporter(),
    SteamImporter(),
    DuoImporter(),
    StratumImporter(),
    AuthyImporter(),
    BattleNetImporter(),
    FreeOtpXmlImporter(),
    TotpAuthenticatorImporter(),
    FreeOtpBackupImporter(),
    GoogleAuthDbImporter(),
    MicrosoftAuthImporter(),
    BitwardenCsvImporter(),
    KeePassCsvImporter(),
    GoogleMigrationImporter(),
    OtpauthTextImporter(),
    QrImageImporter(),
    AuthenticatorPlusImporter(),
    AndOtpImporter(),
)

FORMAT_NAMES: tuple[str, ...] = tuple(i.name for i in IMPORTERS)


def importer_by_name(name: str) -> Importer:
    for importer in IMPORTERS:
        if importer.name == name.lower():
            return importer
    raise ImportFormatError(
        N_(
            "Unknown import format {name!r}; known formats: {known}.",
            name=name[:40],
            known=", ".join(FORMAT_NAMES),
        )
    )


def detect_format(data: bytes) -> Importer:
    """The importer for ``data``; ImportFormatError naming the known formats when none fits."""
    if not data.strip():
        raise ImportFormatError(N_("The file is empty."))
    for importer in IMPORTERS:
        try:
            if importer.detect(data):
                return importer
        except AppError:  # the file is of this kind but cannot be read: that is the answer
            raise
        except (RecursionError, MemoryError):
            raise ImportFormatError(
                N_("The file is too complex to be read (nested too deeply, or too large).")
            ) from None
        except Exception as exc:  # a detector must never break detection of the others
            log.warning("detector %s failed on this file (%s)", importer.name, type(exc).__name__)
    if data.lstrip()[:1] in (b"{", b"[") and sniff_json(data) is None:
        why = too_complex_json(data)
        if why:
            raise ImportFormatError(N_("The file is too complex to be read: {why}.", why=why))
        raise ImportFormatError(
            N_(
                "The file is not valid JSON (it is truncated or damaged), so its format cannot "
                "be recognised."
            )
        )
    kind = _container_kind(data)
    apps = ", ".join(app for app, _hint in catalogue() if app != ANY_APP)
    raise ImportFormatError(
        N_(
            "The file's format is not recognised{kind}. The app reads text files of "
            "otpauth:// links, pictures of QR codes, and the backups of: {apps}.",
            kind=kind,
            apps=apps,
        )
    )


def _container_kind(data: bytes) -> Text | str:
    """What kind of container an unrecognised file is, for the message."""
    if data.startswith(SQLITE_MAGIC):
        return N_(" (it is an SQLite database, but not one of a known app)")
    if data.startswith(JAVA_MAGIC):
        return N_(" (it is a Java-serialised file, but not a FreeOTP backup)")
    if looks_like_android_prefs(data):
        return N_(" (it is an Android settings file, but holds no known app's accounts)")
    if data.startswith(b"PK\x03\x04"):
        return N_(" (it is a zip archive without an Accounts.txt or a database inside)")
    return ""


ANY_APP = "Any app"  # the picture importer's app: any app that shows a QR code


def catalogue() -> list[tuple[str, str]]:
    """Every supported app with a one-line "how to export from it" hint (from the importers'
    own ``app`` and ``export_hint``), by name; "Any app" last. The import dialog shows it."""
    hints: dict[str, list[str]] = {}
    for importer in IMPORTERS:
        said = hints.setdefault(importer.app, [])
        if importer.export_hint:
            said.append(importer.export_hint)
    apps = sorted((a for a in hints if a != ANY_APP), key=str.lower)
    return [(app, " ".join(hints[app])) for app in [*apps, ANY_APP] if app in hints]


def needs_password(data: bytes, format: str | None = None) -> bool:
    importer = importer_by_name(format) if format else detect_format(data)
    try:
        return importer.needs_password(data)
    except AppError:
        raise
    except (RecursionError, MemoryError):
        raise _too_complex(importer) from None
    except Exception as exc:  # reading it tells what is wrong
        log.warning("needs_password of %s failed (%s)", importer.name, type(exc).__name__)
        return False


def _too_complex(importer: Importer) -> ImportFormatError:
    return ImportFormatError(
        N_("The {label} file is too complex to be read.", label=importer.label)
    )


def load(data: bytes, password: str | None = None, format: str | None = None) -> ImportResult:
    """Read a backup. Raises PasswordRequired, WrongPasswordError or ImportFormatError."""
    if len(data) > MAX_FILE_BYTES:
        raise ImportFormatError(
            N_("The file is too large to be a backup of authenticator accounts.")
        )
    importer = importer_by_name(format) if format else detect_format(data)
    try:
        result = importer.parse(data, password)
    except AppError:
        raise
    except (RecursionError, MemoryError):
        raise _too_complex(importer) from None
    except Exception as exc:  # last line of defence: never crash on a hostile file
        log.warning("importer %s failed on malformed data: %s", importer.name, type(exc).__name__)
        raise ImportFormatError(
            N_(
                "The {label} file is malformed and cannot be read ({kind}).",
                label=importer.label,
                kind=type(exc).__name__,
            )
        ) from None
    refused = too_many_accounts(len(result.entries))
    if refused:  # the cap per import (intake.MAX_IMPORT_ACCOUNTS), whatever the format
        raise ImportFormatError(refused)
    return result


@dataclass(frozen=True)
class ImportOutcome:
    result: ImportResult
    added: list[Entry]
    duplicates: list[Entry]  # candidates left out because the vault already has them


def import_into(
    vault: Vault,
    data: bytes,
    password: str | None = None,
    format: str | None = None,
    *,
    include_duplicates: bool = False,
) -> ImportOutcome:
    """Read a backup and save its entries (duplicates left out) in one ``vault.add_many``.

    Any error leaves the vault as it was: nothing is saved before the whole file has been read.
    """
    result = load(data, password, format)
    dupes = {} if include_duplicates else find_duplicates(vault.entries(), result.entries)
    fresh = [e for e in result.entries if e.uuid not in dupes]
    added = vault.add_many(with_pack_icons(fresh, vault.data_dir))  # icon packs (issue 25)
    return ImportOutcome(result, added, [e for e in result.entries if e.uuid in dupes])


def read_file(path: Path) -> bytes:
    """The bytes of a backup file: a regular file of at most MAX_FILE_BYTES (a device, a FIFO
    or a folder is refused in one line; never more than the cap is read)."""
    return read_limited(
        path,
        MAX_FILE_BYTES,
        ImportFormatError,
        kind="backup file",
        too_large=N_("{name} is too large to be a backup.", name=Path(path).name),
    )


def load_file(path: Path, password: str | None = None, format: str | None = None) -> ImportResult:
    return load(read_file(Path(path)), password, format)


__all__ = [
    "FORMAT_NAMES",
    "IMPORTERS",
    "ImportOutcome",
    "ImportResult",
    "Importer",
    "PasswordRequired",
    "catalogue",
    "detect_format",
    "import_into",
    "importer_by_name",
    "load",
    "load_file",
    "needs_password",
    "read_file",
]
