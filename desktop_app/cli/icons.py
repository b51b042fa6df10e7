"""``icons import PACK.zip``, ``icons list``, ``icons remove UUID``: Aegis icon packs.

Packs are kept in the data folder (``icons/{uuid}/{version}``); no vault is opened. New and
imported accounts get the icon whose issuer matches (:func:`desktop_app.intake.with_pack_icons`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop_app.cli import EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.paths import AppPaths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "icons",
        help="import, list or remove Aegis icon packs",
        description="Icon packs in Aegis's format (a .zip with pack.json, such as the "
        "aegis-icons release): new and imported accounts get the icon of their issuer.",
    )
    verbs = p.add_subparsers(dest="icons_command", metavar="ACTION", required=True)
    v = verbs.add_parser("import", help="import an icon pack (.zip)")
    v.add_argument("pack", metavar="PACK.zip")
    v.set_defaults(handler=cmd_import)
    v = verbs.add_parser("list", help="list the installed icon packs")
    v.add_argument("--json", action="store_true", help="machine-readable output")
    v.set_defaults(handler=cmd_list)
    v = verbs.add_parser("remove", help="remove an installed icon pack by its uuid")
    v.add_argument("uuid")
    v.set_defaults(handler=cmd_remove)


def _library(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop_app.icons import IconLibrary

    return IconLibrary.of(AppPaths.resolve(getattr(args, "data_dir", None)).data_dir)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop_app.icons import IconPackError

    try:
        pack = _library(args).install_file(Path(args.pack))
    except IconPackError as exc:
        raise CliError(str(exc)) from None
    print(f"{pack.uuid}\t{pack.name}\tversion {pack.version}\t{len(pack.icons)} icons")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    packs = _library(args).packs()
    if args.json:
        doc = [
            {"uuid": p.uuid, "name": p.name, "version": p.version, "icons": len(p.icons)}
            for p in packs
        ]
        print(json.dumps(doc, ensure_ascii=False))
    for p in packs if not args.json else ():
        print(f"{p.uuid}\t{p.name}\tversion {p.version}\t{len(p.icons)} icons")
    if not packs and not args.json:
        print("No icon pack is installed.", file=sys.stderr)
    return EXIT_OK if packs else EXIT_NOT_FOUND


def cmd_remove(args: argparse.Namespace) -> int:
    from desktop_app.icons import IconPackError

    try:
        pack = _library(args).remove(args.uuid)
    except IconPackError as exc:
        raise CliError(str(exc), EXIT_NOT_FOUND) from None
    print(f"removed {pack.name} (version {pack.version})")
    return EXIT_OK
