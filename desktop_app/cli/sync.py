"""``sync setup|join|now|status|leave``: the vault shared through a folder (desktop_app.sync);
``sync deleted`` / ``sync restore ID``: the deleted accounts that can still be restored (30 days;
any vault, synced or not: a restore on a synced vault reaches the folder like any change)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    CliError,
    aegis_follow,  # the phone bridge: sync follow-aegis
)
from desktop_app.cli.aegis_follow import add_status, pull_followed
from desktop_app.sync import is_synced
from desktop_app.sync.clock import stamp_device, stamp_wall_ms

if TYPE_CHECKING:
    from desktop_app.sync.merge import Tombstone


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="keep the accounts in step through a synced folder")
    cmds = p.add_subparsers(dest="sync_command", metavar="SYNC_COMMAND", required=True)

    c = cmds.add_parser("setup", help="first computer: share this vault through FOLDER")
    c.add_argument("folder", type=Path)
    c.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the synced vault's password from standard input (first line)",
    )
    c.add_argument("--name", help="this computer's name in the status (default: host name)")
    c.set_defaults(handler=cmd_setup)

    c = cmds.add_parser("join", help="next computer: use the vault in FOLDER (password once)")
    c.add_argument("folder", type=Path)
    c.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    c.add_argument("--name", help="this computer's name in the status (default: host name)")
    c.set_defaults(handler=cmd_join)

    c = cmds.add_parser("now", help="merge what is in the folder (conflict copies too), write back")
    c.set_defaults(handler=cmd_now)

    c = cmds.add_parser("status", help="in step, or what is wrong")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.set_defaults(handler=cmd_status)

    c = cmds.add_parser("leave", help="stop syncing on this computer (the vault stays)")
    c.set_defaults(handler=cmd_leave)

    aegis_follow.register(cmds)

    c = cmds.add_parser("deleted", help="list the deleted accounts that can still be restored")
    c.add_argument("--json", action="store_true", help="machine-readable output")
    c.set_defaults(handler=cmd_deleted)

    c = cmds.add_parser("restore", help="bring a deleted account back (see `sync deleted`)")
    c.add_argument("id", help="the account's id, or a unique start of it (at least 4 characters)")
    c.set_defaults(handler=cmd_restore)


def _password(args: argparse.Namespace, *, confirm: bool) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
    else:
        try:
            password = getpass.getpass("Password of the synced vault: ")
            if confirm and getpass.getpass("Again: ") != password:
                raise CliError("The two passwords differ.")
        except EOFError:
            raise CliError("No password was given (use --password-stdin).") from None
    if not password:
        raise CliError("The synced vault needs a password; none was given.")
    return password


def _report(result) -> None:  # type: ignore[no-untyped-def]
    if result.arrived:
        print(f"{result.arrived} account(s) arrived from another computer")
    if result.conflicts:
        print(
            f"{result.conflicts} account(s) changed on both computers: the newer edits were "
            "kept, the older ones are in the account's history"
        )
    if result.copies_merged:
        print(f"{result.copies_merged} conflict copy(ies) merged and moved to the backups")
    for name in result.foreign:
        print(
            f"another vault's file in the folder, not merged (import it): {name}", file=sys.stderr
        )
    for problem in result.problems:
        print(f"not merged: {problem}", file=sys.stderr)


def _services(args: argparse.Namespace, **kwargs):  # type: ignore[no-untyped-def]
    from desktop_app.app import build_services

    return build_services(args, interactive=False, **kwargs)


def cmd_setup(args: argparse.Namespace) -> int:
    from desktop_app.sync.service import SyncService

    password = _password(args, confirm=not args.password_stdin)
    services = _services(args)
    try:
        assert services.vault is not None
        service = SyncService(Path(services.paths.data_dir), services.keystore)
        result = service.setup(services.vault, args.folder, password, args.name)
    finally:
        services.close()
    print(f"synced through {Path(args.folder).absolute()}")
    _report(result)
    return EXIT_OK if not (result.problems or result.foreign) else EXIT_BAD_INPUT


def cmd_join(args: argparse.Namespace) -> int:
    from desktop_app.app import open_vault_for, terminal_password_provider
    from desktop_app.sync.service import SyncService
    from desktop_app.vault import Vault

    password = _password(args, confirm=False)
    services = _services(args, open_vault=False)
    try:
        data_dir = Path(services.paths.data_dir)
        service = SyncService(data_dir, services.keystore)
        vault = None
        if Vault.exists(data_dir):
            vault = open_vault_for(services, terminal_password_provider())
            services.vault = vault
        service.join(
            args.folder,
            password,
            vault=vault,
            device_name=args.name,
            use_keyring=not services.password_mode,
        )
    finally:
        services.close()
    # open the joined vault like any command does, and write this computer's accounts back
    services = _services(args, password_provider=lambda _creating: password)
    try:
        assert services.vault is not None
        result = service.sync_now(services.vault)
        count = len(services.vault)
    finally:
        services.close()
    print(f"joined the vault in {Path(args.folder).absolute()}: {count} account(s)")
    _report(result)
    return EXIT_OK


def cmd_now(args: argparse.Namespace) -> int:
    from desktop_app.sync.service import SyncService

    services = _services(args)
    try:
        assert services.vault is not None
        followed = pull_followed(services)  # the followed Aegis folder first (None: none)
        if followed is not None and not is_synced(services.paths.data_dir):
            return followed
        service = SyncService(Path(services.paths.data_dir), services.keystore)
        result = service.sync_now(services.vault)
    finally:
        services.close()
    _report(result)
    if not (result.arrived or result.conflicts or result.copies_merged):
        print("in step")
    ok = not (result.problems or result.foreign) and followed in (None, EXIT_OK)
    return EXIT_OK if ok else EXIT_BAD_INPUT


def cmd_status(args: argparse.Namespace) -> int:
    from desktop_app.app import build_services
    from desktop_app.sync.service import SyncService, status_line

    services = build_services(args, interactive=False, open_vault=False)
    try:
        status = SyncService(Path(services.paths.data_dir)).status()
    finally:
        services.close()

    if args.json:
        add_status(Path(services.paths.data_dir), status, as_json=True)
        sys.stdout.write(json.dumps(status, indent=2) + "\n")
    else:
        print(status_line(status))
        add_status(Path(services.paths.data_dir), status, as_json=False)
    return EXIT_OK


def cmd_leave(args: argparse.Namespace) -> int:
    from desktop_app.app import build_services
    from desktop_app.sync.service import SyncService

    services = build_services(args, interactive=False, open_vault=False)
    try:
        SyncService(Path(services.paths.data_dir)).leave()
    finally:
        services.close()
    print("this computer no longer syncs; its vault stays as it is")
    return EXIT_OK


def _deleted_rows(data_dir: Path, tombs: list[Tombstone]) -> list[dict[str, Any]]:
    from desktop_app.sync.service import device_names

    names = device_names(data_dir)
    rows: list[dict[str, Any]] = []
    for t in tombs:
        assert t.entry is not None  # restorable ones keep the account
        device = stamp_device(t.stamp)
        name = names.get(device)
        rows.append(
            {
                "id": t.uuid,
                "issuer": t.entry.issuer,
                "name": t.entry.name,
                "deleted_ms": stamp_wall_ms(t.stamp),
                "device": "this computer" if name == "" else (name or device),
            }
        )
    return rows


def cmd_deleted(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        assert services.vault is not None
        rows = _deleted_rows(Path(services.paths.data_dir), services.vault.deleted())
    finally:
        services.close()
    if args.json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    if not rows:
        print("no deleted accounts to restore")
    for row in rows:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(row["deleted_ms"] / 1000))
        label = ": ".join(str(x) for x in (row["issuer"], row["name"]) if x) or "(no name)"
        print(f"{str(row['id'])[:8]}  {label}  deleted {when} on {row['device']}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    services = _services(args)
    try:
        vault = services.vault
        assert vault is not None
        ident = args.id.strip()
        hits = [t for t in vault.deleted() if t.uuid == ident]
        if not hits and len(ident) >= 4:
            hits = [t for t in vault.deleted() if t.uuid.startswith(ident)]
        if not hits:
            raise CliError(
                f"No deleted account with the id {ident!r} can be restored; see `sync deleted`."
            )
        if len(hits) > 1:
            raise CliError(f"Several deleted accounts start with {ident!r}; give more of the id.")
        entry = vault.restore_deleted(hits[0].uuid)
    finally:
        services.close()
    print(f"restored {entry.label or entry.uuid}")
    return EXIT_OK
