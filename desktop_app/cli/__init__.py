"""Command line: ``desktop-authenticator [global options] [COMMAND ...]``.

With no command the GUI starts. Every subcommand is a thin call into the core. Subcommands live
in one module each under ``desktop_app.cli``; each module exposes ``register(subparsers)`` which
adds its parsers and sets ``handler=fn(args) -> int`` on them.

Exit status: 0 success, 1 not found / nothing found, 2 bad input (one line on stderr), 75 busy
(another process kept the vault longer than the command waited for it; try again).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from desktop_app import __version__
from desktop_app.errors import AppError, VaultLockedError

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2
EXIT_BUSY = 75  # EX_TEMPFAIL: the vault stayed in use by another process
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe
EXIT_NO_DISPLAY = 69  # EX_UNAVAILABLE: no display to open the window on

# Modules that add subcommands; each has ``register(subparsers) -> None``.
_COMMAND_MODULES = (
    "desktop_app.cli.accounts",
    "desktop_app.cli.scan",
    "desktop_app.cli.portal",
    "desktop_app.cli.backup",
    "desktop_app.cli.clock",
    "desktop_app.cli.quick",
    "desktop_app.cli.sync",
    "desktop_app.cli.icons",
)


class CliError(AppError):
    """A user-facing command-line failure with its exit status."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="folder of the vault, settings and logs")
    parser.add_argument(
        "--password-mode",
        action="store_true",
        help="protect the vault with a password instead of the OS keyring",
    )
    parser.add_argument("--portal-url", metavar="URL", help="emnify portal address")
    parser.add_argument(
        "--camera-source",
        metavar="SOURCE",
        help="camera index, or a video file / image folder standing in for the camera",
    )
    parser.add_argument(
        "--demo", action="store_true", help="start with a local emnify portal emulator"
    )
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")


def _command_in(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str | None:
    """The command word in ``argv`` (the first positional after the global options)."""
    takes_value = {
        opt
        for a in parser._actions
        if a.nargs != 0 and a.option_strings
        for opt in a.option_strings
    }
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--":
            return None
        elif arg.startswith("-"):
            skip = arg in takes_value
        else:
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser. With ``argv``, only the command modules up to the one that has its command
    are loaded (each imports what its commands need: ``list`` need not load portal errors)."""
    parser = argparse.ArgumentParser(
        prog="desktop-authenticator",
        description="Two-factor authenticator with an emnify portal client. "
        "Without a command, the window opens.",
    )
    add_global_options(parser)
    command = _command_in(parser, argv) if argv is not None else None
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(sub)
        if command is not None and command in sub.choices:
            break
    return parser


def _wants_version(argv: Sequence[str]) -> bool:
    """``--version`` among the global options (before any command): answered without loading
    the command modules (they import the vault model, portal errors, ...)."""
    for arg in argv:
        if arg == "--version":
            return True
        if not arg.startswith("-"):
            return False
    return False


def main(argv: Sequence[str] | None = None) -> int:
    if _wants_version(sys.argv[1:] if argv is None else argv):
        print(f"desktop-authenticator {__version__}")
        return EXIT_OK
    # Text that is not valid Unicode (a lone surrogate from a mis-decoded name) is written as a
    # \uXXXX escape -- still valid JSON inside a string -- instead of crashing the output.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
    try:
        if args.self_test:
            from desktop_app.selftest import run_self_test

            return run_self_test(args)
        if args.command is None:
            return gui_main_with(args)
        status = int(args.handler(args))
        if sys.stdout is not None:  # None under pythonw
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return status
    except BrokenPipeError:
        return _stdout_closed()
    except CliError as exc:
        print(f"desktop-authenticator: {exc}", file=sys.stderr)
        return exc.status
    except VaultLockedError as exc:
        print(f"desktop-authenticator: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except AppError as exc:
        print(f"desktop-authenticator: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _stdout_closed() -> int:
    """The reader of our output went away (``... | head -1``): stop quietly, like other tools."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that the final flush at exit cannot fail
    except (OSError, ValueError):
        pass
    return EXIT_PIPE_CLOSED


def gui_main_with(args: argparse.Namespace) -> int:
    if not getattr(args, "open_quick", False):
        from desktop_app.cli.quick import raise_running

        if raise_running(args):  # a second start raises the open window (issue 25)
            return EXIT_OK
    from desktop_app.app import build_services, display_problem

    problem = display_problem()  # before Qt, whose abort names a library (issue 24)
    if problem is not None:
        print(f"desktop-authenticator: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    services = build_services(args, interactive=True)
    from desktop_app.ui.application import run_gui

    return run_gui(services, args)


def gui_main() -> int:
    return main(sys.argv[1:] if len(sys.argv) > 1 else [])
