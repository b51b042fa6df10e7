"""``copy QUERY`` and ``quick``: a code from the keyboard, through the running window if any."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, CliError, gui_main_with
from desktop_app.otp.search import matching
from desktop_app.paths import AppPaths
from desktop_app.settings import CLIPBOARD_CLEAR_SECONDS

EXIT_SEVERAL = 2
OWNER_LONGEST = 45  # seconds the clipboard helper keeps a code when the setting says "never"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "copy",
        help="copy the code of the single account matching QUERY "
        "(exit 1: none matches, 2: several match)",
    )
    p.add_argument("query", nargs="+", help="words of the issuer, name, group or note")
    p.set_defaults(handler=cmd_copy)

    p = sub.add_parser("quick", help="open the quick-copy window of the running app, or start one")
    p.set_defaults(handler=cmd_quick)


def data_dir_of(args: argparse.Namespace) -> Path:
    return AppPaths.resolve(getattr(args, "data_dir", None)).data_dir


def _several(labels: list[str]) -> int:
    print(f"desktop-authenticator: {len(labels)} accounts match:", file=sys.stderr)
    for label in labels:
        print(f"  {label}", file=sys.stderr)
    return EXIT_SEVERAL


def _copied(label: str, seconds: int) -> int:
    tail = f"; the clipboard clears in {seconds} s" if seconds else ""
    print(f"copied the code for {label}{tail}")
    return EXIT_OK


def cmd_copy(args: argparse.Namespace) -> int:
    from desktop_app import instance

    query = " ".join(args.query)
    reply = instance.send(data_dir_of(args), f"copy {query}")
    if reply is not None:
        kind, *rest = reply.split("\t")
        if kind == "ok" and len(rest) == 2:
            return _copied(rest[0], int(rest[1]))
        if kind == "none":
            raise CliError(f"No account matches {query!r}.", EXIT_NOT_FOUND)
        if kind == "many":
            return _several(rest)
        if kind == "locked":
            raise CliError("The app is locked: unlock it first.", EXIT_BAD_INPUT)
        raise CliError("The running window did not understand the request.", EXIT_BAD_INPUT)
    return _copy_without_window(args, query)


def _has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _copy_without_window(args: argparse.Namespace, query: str) -> int:
    from desktop_app import instance
    from desktop_app.app import build_services
    from desktop_app.otp.codes import code_at

    services = build_services(args, interactive=False)
    try:
        assert services.vault is not None
        found = matching(services.vault.entries(), query)
        if not found:
            raise CliError(f"No account matches {query!r}.", EXIT_NOT_FOUND)
        if len(found) > 1:
            return _several([instance.label_of(e) for e in found])
        entry = found[0]
        if entry.type.value == "hotp":
            raise CliError("Counter-based (HOTP) codes are copied from the window.", EXIT_BAD_INPUT)
        if not _has_display():
            raise CliError(
                "No display to hold a clipboard; use `list --codes` to see the code.",
                EXIT_BAD_INPUT,
            )
        # No window keeps the clipboard for "never clear" (0): the helper holds it a while.
        seconds = int(services.settings.value(CLIPBOARD_CLEAR_SECONDS)) or OWNER_LONGEST
        code = code_at(entry)
    finally:
        services.close()
    _start_clipboard_owner(code, seconds)
    return _copied(instance.label_of(entry), seconds)


def _start_clipboard_owner(code: str, seconds: int) -> None:
    """A short-lived background process owns the clipboard (X11 and Wayland keep the text only
    while its owner lives) and clears it after ``seconds``. The code goes through a pipe, never
    the command line."""
    owner = subprocess.Popen(
        [sys.executable, "-m", "desktop_app.ui.clipboard_owner", str(seconds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )
    assert owner.stdin is not None and owner.stdout is not None
    owner.stdin.write(code.encode() + b"\n")
    owner.stdin.close()
    ready = owner.stdout.readline()  # "ready" once the clipboard holds the code
    owner.stdout.close()
    if ready.strip() != b"ready":
        raise CliError("The code could not be put on the clipboard.", EXIT_BAD_INPUT)


def cmd_quick(args: argparse.Namespace) -> int:
    from desktop_app import instance

    if instance.send(data_dir_of(args), "quick") == "ok":
        return EXIT_OK
    args.open_quick = True
    return gui_main_with(args)


def raise_running(args: argparse.Namespace) -> bool:
    """True when a window of this data folder runs and was raised (a second GUI start)."""
    if getattr(args, "demo", False) and not getattr(args, "data_dir", None):
        return False  # a demo has its own temporary folder
    from desktop_app import instance

    return instance.send(data_dir_of(args), "raise") == "ok"
