"""``import`` and ``export``: backups of other authenticators in, every account back out.

    desktop-authenticator import FILE [--format NAME] [--password-stdin] [--dry-run] [--json]
                                      [--at UNIX_SECONDS] [--include-duplicates]
    desktop-authenticator export --format {aegis,aegis-plain,otpauth,google-qr} --out PATH
                                 [--password-stdin] [--force]

``import`` recognises the format by content (``--format`` forces one). Accounts already in the
vault (same secret and type) are left out unless ``--include-duplicates``. The accepted entries
are saved in one step: all or nothing. ``--dry-run`` only reads the file (the vault is not
opened) and lists what it holds; with ``--json`` it prints one JSON object::

    {"format": "aegis", "format_label": "Aegis vault",
     "entries": [{"type", "issuer", "name", "group", "algorithm", "digits",
                  "period" | "counter", "code"}],          # never the secret
     "skipped": [{"label", "reason"}], "notes": [...]}

``code`` is the code at ``--at`` (default now). Without ``--dry-run``, ``--json`` prints
``{"format", "added": [{"id", "label"}], "duplicates": [labels], "skipped": [...]}``.

``export --format google-qr`` writes PNG files into the folder ``PATH`` (made when missing):
``google-authenticator-1.png`` ... Entries the format cannot carry are listed on stderr. No
export overwrites an existing file unless ``--force``.

Passwords: ``--password-stdin`` reads one line from standard input; otherwise a terminal is asked
(twice for a new export password); without a terminal an encrypted file is refused.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from desktop_app.cli import EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.otp.model import Entry, OtpType

# The exporters' and importers' names, listed here so that building the parser imports no
# cryptography (a test checks they match exporters.FORMAT_NAMES / importers.FORMAT_NAMES).
EXPORT_FORMATS = ("aegis", "aegis-plain", "otpauth", "google-qr")
IMPORT_FORMATS = (
    "aegis",
    "2fas",
    "bitwarden",
    "freeotp",
    "ente",
    "proton",
    "steam",
    "duo",
    "stratum",
    "authy",
    "battlenet",
    "freeotp-xml",
    "totpauth",
    "freeotp-backup",
    "google-db",
    "microsoft",
    "bitwarden-csv",
    "keepass-csv",
    "google",
    "otpauth",
    "image",
    "authplus",
    "andotp",
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import", help="import accounts from another authenticator's backup or export file"
    )
    p.add_argument("file", metavar="FILE", help="the backup file")
    p.add_argument("--format", choices=IMPORT_FORMATS, help="skip format detection")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the backup's password from stdin"
    )
    p.add_argument(
        "--dry-run", action="store_true", help="only show what the file holds; change nothing"
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--at", type=float, metavar="UNIX_SECONDS", help="time of the codes shown by --dry-run"
    )
    p.add_argument(
        "--include-duplicates",
        action="store_true",
        help="also import accounts whose secret is already in the vault",
    )
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="export every account (encrypted Aegis vault by default)")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="aegis")
    p.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="the file to write; for google-qr the folder (created if missing) that gets "
        "google-authenticator-1.png, -2.png ...",
    )
    p.add_argument("--force", action="store_true", help="overwrite files that already exist")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the export password from stdin"
    )
    p.set_defaults(handler=cmd_export)


def _stdin_password() -> str:
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise CliError("No password was given on standard input.")
    return password


def _tty() -> bool:
    return bool(sys.stdin) and sys.stdin.isatty()


def _import_password(args: argparse.Namespace, data: bytes) -> str | None:
    from desktop_app.importers import needs_password

    if args.password_stdin:
        return _stdin_password()
    if not needs_password(data, args.format):
        return None
    if not _tty():
        raise CliError("The file is encrypted: give its password with --password-stdin.")
    return getpass.getpass(f"Password of {Path(args.file).name}: ")


def entry_summary(entry: Entry, at: float | None) -> dict[str, Any]:
    from desktop_app.otp.codes import code_at

    info: dict[str, Any] = {
        "type": entry.type.value,
        "issuer": entry.issuer,
        "name": entry.name,
        "group": entry.group,
        "algorithm": entry.algorithm,
        "digits": entry.digits,
    }
    if entry.type is OtpType.HOTP:
        info["counter"] = entry.counter
    else:
        info["period"] = entry.period
    info["code"] = code_at(entry, at)
    return info


def _quiet_image_libraries(data: bytes) -> None:
    """A picture is decoded by C libraries that print their own warnings: not on the terminal."""
    from desktop_app.importers.readers import IMAGE_MAGIC

    if data.startswith(IMAGE_MAGIC):
        from desktop_app.scanning.images import silence_native_warnings

        silence_native_warnings()


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_app.importers import load, read_file

    if args.dry_run:  # opens no vault: logging is set up here, as every command has it
        from desktop_app.app import setup_command_logging

        setup_command_logging(args)
    data = read_file(Path(args.file))
    _quiet_image_libraries(data)
    password = _import_password(args, data)
    if args.dry_run:
        result = load(data, password, args.format)
        skipped = [{"label": s.label, "reason": s.reason} for s in result.skipped]
        if args.json:
            print(
                json.dumps(
                    {
                        "format": result.format_name,
                        "format_label": result.format_label,
                        "entries": [entry_summary(e, args.at) for e in result.entries],
                        "skipped": skipped,
                        "notes": result.notes,
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        else:
            print(f"{result.format_label}: {len(result.entries)} account(s)")
            for e in result.entries:
                s = entry_summary(e, args.at)
                detail = f"counter {e.counter}" if e.type is OtpType.HOTP else f"{e.period}s"
                print(
                    f"  {s['code']}\t{e.type.value}\t{e.algorithm}\t{e.digits}\t{detail}\t{e.label}"
                )
            _print_skipped(result.skipped, result.notes)
        return EXIT_OK if result.entries else EXIT_NOT_FOUND

    from desktop_app.app import build_services
    from desktop_app.importers import import_into

    services = build_services(args, interactive=False)
    try:
        assert services.vault is not None
        outcome = import_into(
            services.vault,
            data,
            password,
            args.format,
            include_duplicates=args.include_duplicates,
        )
    finally:
        services.close()
    result, added = outcome.result, outcome.added
    skipped = [{"label": s.label, "reason": s.reason} for s in result.skipped]
    dupe_labels = [e.label for e in outcome.duplicates]
    if args.json:
        print(
            json.dumps(
                {
                    "format": result.format_name,
                    "added": [{"id": e.uuid, "label": e.label} for e in added],
                    "duplicates": dupe_labels,
                    "skipped": skipped,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"Imported {len(added)} account(s) from the {result.format_label}.")
        for label in dupe_labels:
            print(f"already present, not imported: {label}", file=sys.stderr)
        _print_skipped(result.skipped, result.notes)
    if not added:
        raise CliError("No account was imported.", EXIT_NOT_FOUND)
    return EXIT_OK


def _print_skipped(skipped: Any, notes: list[str]) -> None:
    for s in skipped:
        print(f"cannot import {s.label}: {s.reason}", file=sys.stderr)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)


def _export_password(args: argparse.Namespace) -> str | None:
    if args.format != "aegis":
        return None
    if args.password_stdin:
        return _stdin_password()
    if not _tty():
        raise CliError("An encrypted export needs a password: give it with --password-stdin.")
    first = getpass.getpass("Password for the export: ")
    if not first:
        raise CliError("The password must not be empty.")
    if first != getpass.getpass("Repeat the password: "):
        raise CliError("The passwords differ.")
    return first


def _export_target(args: argparse.Namespace, entries: list[Entry]) -> Path:
    """Where the export goes, refusing to overwrite anything without ``--force``: the file, or
    for google-qr the folder (created) and the pictures it would get."""
    out = Path(args.out)
    if args.format != "google-qr":
        if out.is_dir():
            raise CliError(f"{out} is a folder: give the file to write.")
        targets = [out]
    else:
        from desktop_app.exporters.google import migration_uris, qr_paths

        if out.exists() and not out.is_dir():
            raise CliError(f"{out} is a file: for google-qr, --out is the folder to write into.")
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CliError(f"The folder {out} cannot be made: {exc.strerror or exc}.") from None
        links, _left_out = migration_uris(entries)
        targets = qr_paths(out, len(links))
    existing = [p for p in targets if p.exists()]
    if existing and not args.force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise CliError(f"{existing[0]}{more} already exists: give --force to overwrite it.")
    return out


def cmd_export(args: argparse.Namespace) -> int:
    from desktop_app.app import build_services
    from desktop_app.exporters.registry import READABLE_FORMATS, READABLE_WARNING, write_export

    password = _export_password(args)
    services = build_services(args, interactive=False)
    try:
        assert services.vault is not None
        entries = services.vault.entries()
    finally:
        services.close()
    if not entries:
        raise CliError("The vault holds no accounts to export.", EXIT_NOT_FOUND)
    out = _export_target(args, entries)
    outcome = write_export(args.format, entries, out, password)
    for entry, reason in outcome.left_out:
        print(f"left out {entry.label}: {reason}", file=sys.stderr)
    if args.format in READABLE_FORMATS:
        print(f"warning: {READABLE_WARNING}", file=sys.stderr)
    print(f"Exported {outcome.count} account(s) to:")
    for path in outcome.paths:
        print(f"  {path}")
    return EXIT_OK
