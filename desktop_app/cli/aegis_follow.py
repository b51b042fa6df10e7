"""``sync follow-aegis FOLDER [--password-stdin]`` / ``sync follow-aegis --stop``: follow the
folder where Aegis (Android) writes its automatic backups (desktop_app.sync.aegis_bridge).
``sync now`` also reads it (:func:`pull_followed`) and ``sync status`` shows it
(:func:`add_status`); both hooks are called from :mod:`desktop_app.cli.sync`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_OK, CliError

if TYPE_CHECKING:
    from desktop_app.app import AppServices
    from desktop_app.sync.aegis_bridge import FollowResult


def register(cmds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``follow-aegis`` to the ``sync`` commands."""
    c = cmds.add_parser(
        "follow-aegis",
        help="bring in the phone's changes from the folder where Aegis writes its backups",
    )
    c.add_argument("folder", type=Path, nargs="?", help="the folder of Aegis's automatic backups")
    c.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the backups' password from standard input (first line); kept in the keyring",
    )
    c.add_argument("--stop", action="store_true", help="stop following (the accounts stay)")
    c.set_defaults(handler=cmd_follow)


def _report(result: FollowResult) -> None:
    if not result.file:
        print("no Aegis backup in the folder yet")
    elif result.new_file:
        print(f"read {result.file}: {result.summary()}")
        if result.conflicts:
            print(
                f"{result.conflicts} account(s) changed on the phone and here: the newer edits "
                "were kept, the older ones are in the account's history"
            )
    else:
        print(f"{result.file} was read already: nothing new")


def _read_password(args: argparse.Namespace, folder: Path) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if not password:
            raise CliError("No password was given on standard input.")
        return password
    from desktop_app.sync.aegis_bridge import FollowError, newest_backup

    try:
        newest = newest_backup(folder)
    except FollowError:
        return None  # follow() says what is wrong
    if newest is None or not sys.stdin.isatty():
        return None
    from desktop_app.importers.aegis import AegisImporter

    try:
        encrypted = AegisImporter().needs_password(newest.read_bytes())
    except OSError:
        return None
    if not encrypted:
        return None
    try:
        return getpass.getpass("Password of the Aegis backups: ") or None
    except EOFError:
        return None


def cmd_follow(args: argparse.Namespace) -> int:
    from desktop_app.app import build_services
    from desktop_app.sync import aegis_bridge

    if args.stop:
        if args.folder is not None:
            raise CliError("Give either a folder to follow or --stop, not both.")
        services = build_services(args, interactive=False)
        try:
            vault_id = services.vault.vault_id if services.vault is not None else None
            was = aegis_bridge.stop(Path(services.paths.data_dir), vault_id, services.keystore)
        finally:
            services.close()
        print("stopped following the Aegis folder" if was else "no Aegis folder was followed")
        return EXIT_OK
    if args.folder is None:
        raise CliError("Give the folder where Aegis writes its backups (or --stop).")
    password = _read_password(args, Path(args.folder).expanduser())
    services = build_services(args, interactive=False)
    try:
        assert services.vault is not None
        result = aegis_bridge.follow(
            services.vault, Path(args.folder), keystore=services.keystore, password=password
        )
    finally:
        services.close()
    print(f"following {Path(args.folder).expanduser().absolute()}")
    _report(result)
    return EXIT_OK


def pull_followed(services: AppServices) -> int | None:
    """For ``sync now``: read the followed Aegis folder into the open vault (one line on what
    came in, or on stderr what is wrong); None when no folder is followed."""
    from desktop_app.sync import aegis_bridge

    if services.vault is None or not aegis_bridge.is_following(Path(services.paths.data_dir)):
        return None
    try:
        result = aegis_bridge.pull(services.vault, keystore=services.keystore)
    except aegis_bridge.FollowError as exc:
        print(f"the Aegis folder was not read: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _report(result)
    return EXIT_OK


def add_status(data_dir: Path, status: dict[str, Any], *, as_json: bool) -> None:
    """For ``sync status``: the followed Aegis folder, if any, in the JSON (``aegis_follow``) or
    as a line."""
    from desktop_app.sync import aegis_bridge

    info = aegis_bridge.status(data_dir)
    if not info.get("following"):
        return
    if as_json:
        status["aegis_follow"] = info
    else:
        print("Aegis folder: " + aegis_bridge.status_line(info))
