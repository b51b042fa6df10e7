"""``code``, ``add``, ``list`` and ``remove``: accounts from the command line."""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time

from desktop_app.cli import EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.clock import corrected_clock
from desktop_app.errors import OtpError
from desktop_app.otp.model import OtpType
from desktop_app.portal.marks import retired, retired_note, retired_since


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("code", help="print the code of an otpauth:// link (no vault needed)")
    p.add_argument("uri", help="an otpauth:// link")
    p.add_argument("--at", type=float, metavar="UNIX_SECONDS", help="time to compute the code at")
    p.set_defaults(handler=cmd_code)

    p = sub.add_parser("add", help="add an account from an otpauth:// or otpauth-migration:// link")
    p.add_argument("uri", help="the link; '-' reads it from standard input")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", help="list the accounts (never their secrets)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--codes", action="store_true", help="include the current codes")
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("remove", help="remove an account by id (or a unique id prefix)")
    p.add_argument("id")
    p.set_defaults(handler=cmd_remove)


def cmd_code(args: argparse.Namespace) -> int:
    from desktop_app.otp.codes import code_at
    from desktop_app.otp.uri import parse_uri

    try:
        entry = parse_uri(args.uri)
        code = code_at(entry, args.at)
    except OtpError as exc:
        raise CliError(str(exc)) from None
    print(code)
    return EXIT_OK


def _services(args: argparse.Namespace, *, reads_only: bool = False):  # type: ignore[no-untyped-def]
    from desktop_app.app import build_services

    return build_services(args, interactive=False, reads_only=reads_only)


#: the longest link read from standard input (a Google export of 10 accounts is ~1 KB; the
#: largest QR code holds under 3 KB): ``add - < /dev/zero`` stops here
MAX_STDIN_CHARS = 64 * 1024


def _stdin_text() -> str:
    text = sys.stdin.read(MAX_STDIN_CHARS + 1)
    if len(text) > MAX_STDIN_CHARS:
        raise CliError(
            f"The text on standard input is too long for a link (over {MAX_STDIN_CHARS // 1024} "
            "KB)."
        )
    return text


def cmd_add(args: argparse.Namespace) -> int:
    from desktop_app.intake import classify, find_duplicates, with_pack_icons

    text = _stdin_text() if args.uri == "-" else args.uri
    payload = classify(text)
    if not payload.is_key:
        raise CliError(payload.message)
    if payload.batch is not None and payload.batch.batch_size > 1:
        print(
            f"note: this is code {payload.batch.batch_index + 1} of {payload.batch.batch_size} "
            "of a Google Authenticator export; add the others too.",
            file=sys.stderr,
        )
    for skipped in payload.skipped:
        print(f"skipped {skipped.label}: {skipped.reason}", file=sys.stderr)
    services = _services(args)
    try:
        assert services.vault is not None
        dupes = find_duplicates(services.vault.entries(), payload.entries)
        fresh = [e for e in payload.entries if e.uuid not in dupes]
        for e in payload.entries:
            if e.uuid in dupes:
                print(f"already present: {e.label}", file=sys.stderr)
        added = services.vault.add_many(with_pack_icons(fresh, services.vault.data_dir))
    finally:
        services.close()
    for e in added:
        print(f"{e.uuid}\t{e.label}")
    if not added:
        raise CliError("No account was added.", EXIT_NOT_FOUND)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    # A short read: what the modules made lives until the process ends, and so do the entries
    # read and the rows written, none of it in a cycle. The collector is frozen out of the
    # first (CPython's gc.freeze) and off while the rest is made; the rest is frozen at the
    # end, so that the collection at exit walks none of it either (list --json: -27 M
    # instructions, benchmarks/README.md, "Decisions"). A caller in the same process (the
    # tests) gets the collector back as it was.
    collecting = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        return _list(args)
    finally:
        gc.freeze()
        if collecting:
            gc.enable()


def _list(args: argparse.Namespace) -> int:
    # list only reads: no automatic backups attached, the log file only if a line is logged
    services = _services(args, reads_only=True)
    try:
        assert services.vault is not None
        entries = services.vault.entries()
    finally:
        services.close()
    if args.codes:
        from desktop_app.otp.codes import code_at, seconds_remaining

        now = corrected_clock(time.time, services.settings)()  # with the app's clock correction
    rows = []
    notes: dict[str, str] = {}
    for e in entries:
        row: dict[str, object] = {
            "id": e.uuid,
            "type": e.type,  # a str (StrEnum): written as its value, without the Enum's property
            "issuer": e.issuer,
            "name": e.name,
            "algorithm": e.algorithm,
            "digits": e.digits,
            "group": e.group,
        }
        if e.type is OtpType.HOTP:
            row["counter"] = e.counter
        else:
            row["period"] = e.period
        if e.meta:  # only an annotated entry can be marked retired
            row["meta"] = dict(e.meta)
            if retired(e):
                notes[e.uuid] = retired_note(e)
                # when the key was marked no longer active on emnify (UTC), null when not known
                since = retired_since(e)
                row["emnify_inactive_since"] = (
                    None
                    if since is None
                    else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(since))
                )
        if args.codes:
            row["code"] = code_at(e, now)
            row["seconds_left"] = round(seconds_remaining(e, now), 1)
        rows.append(row)
    if args.json:
        sys.stdout.write(json_rows(rows))
    else:
        for row in rows:
            label = f"{row['issuer']}: {row['name']}" if row["issuer"] else str(row["name"])
            code = f"\t{row['code']}" if args.codes else ""
            if str(row["id"]) in notes:
                label += f" ({notes[str(row['id'])]})"
            print(f"{str(row['id'])[:8]}\t{row['type']}\t{label}{code}")
    return EXIT_OK


def json_rows(rows: list[dict[str, object]]) -> str:
    """A JSON array of ``rows``, one object a line (still one JSON document, each account
    greppable on its line; the fields in their order, non-ASCII as it is). Each line is written by
    the C encoder: ``indent`` would run json's pure-Python one (benchmarks/README.md,
    "Decisions"). One string, written at once: ``json.dump`` writes thousands of small chunks."""
    if not rows:
        return "[]\n"
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode  # made here
    return "[\n  " + ",\n  ".join([encode(row) for row in rows]) + "\n]\n"


def cmd_remove(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        assert services.vault is not None
        entry = services.vault.find(args.id)
        if entry is None:
            raise CliError(f"No account with id {args.id!r}.", EXIT_NOT_FOUND)
        services.vault.remove(entry.uuid)
    finally:
        services.close()
    print(f"removed {entry.label}")
    return EXIT_OK
