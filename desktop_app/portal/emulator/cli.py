"""``portal-emulator`` / ``python -m desktop_app.portal.emulator``: options and the serve loop."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any

from desktop_app.portal.emulator.model import ACCOUNT_KINDS
from desktop_app.portal.emulator.server import EmulatorServer


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``portal-emulator`` (shared by the main CLI and ``python -m``)."""
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--user", dest="emu_user", metavar="EMAIL", default="demo@example.com")
    parser.add_argument("--password", dest="emu_password", metavar="PW", default="demo-password")
    parser.add_argument(
        "--application-token", metavar="TOKEN", help="accept this application token"
    )
    parser.add_argument(
        "--account-kind",
        choices=ACCOUNT_KINDS,
        default="paid",
        help="paid: e-mailed codes always on (default); trial: no MFA until a TOTP key is "
        "active; enforced: like paid, and the last authenticator key cannot be removed",
    )
    parser.add_argument(
        "--outbox",
        metavar="FILE",
        help="append one JSON line per e-mailed code (to, code, purpose, sent_at, valid_until)",
    )
    parser.add_argument(
        "--app-token-mfa",
        choices=("allow", "refuse"),
        default="allow",
        help="whether application-token sessions may create and delete MFA keys",
    )
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="CALL:KIND[:VALUE[:TIMES]]",
        help="inject a fault: KIND delay (VALUE seconds), error (VALUE HTTP status), drop, "
        "drop_after; CALL e.g. activate_key or *",
    )
    parser.add_argument(
        "--clock-offset", type=float, default=0.0, help="seconds added to the clock"
    )
    parser.add_argument(
        "--mfa-password-form", choices=("hashed", "plain", "either"), default="hashed"
    )
    parser.add_argument(
        "--number-form",
        choices=("int", "float"),
        default="int",
        help="send ids as 103 (int) or 103.0 (float; the published schema says number)",
    )
    parser.add_argument(
        "--mfa-item-omit",
        action="append",
        default=[],
        choices=("status", "type", "creation_date", "description"),
        help="leave this field out of the user's mfa[] items (repeatable)",
    )


def parse_fault(text: str) -> dict[str, Any]:
    """``CALL:KIND[:VALUE[:TIMES]]`` -> keyword arguments of :meth:`EmulatorServer.inject_fault`
    (plus ``call`` and ``kind``); ValueError with a message when malformed."""
    parts = text.split(":")
    if len(parts) < 2:
        raise ValueError(f"--fault {text!r}: expected CALL:KIND[:VALUE[:TIMES]].")
    call, kind = parts[0], parts[1]
    fault: dict[str, Any] = {"call": call, "kind": kind}
    try:
        if len(parts) > 2 and parts[2]:
            if kind == "delay":
                fault["delay"] = float(parts[2])
            elif kind == "error":
                fault["status"] = int(parts[2])
        if len(parts) > 3:
            fault["times"] = int(parts[3])
    except ValueError:
        raise ValueError(f"--fault {text!r}: the value is not a number.") from None
    return fault


def build_from_args(args: argparse.Namespace) -> EmulatorServer:
    """An (unstarted) emulator as the options of :func:`add_arguments` describe it."""
    emu = EmulatorServer(
        args.host,
        args.port,
        account_kind=args.account_kind,
        outbox=args.outbox,
        app_token_may_manage_mfa=args.app_token_mfa == "allow",
        mfa_password_form=args.mfa_password_form,
        number_form=getattr(args, "number_form", "int"),
        mfa_item_omit=getattr(args, "mfa_item_omit", ()),
    )
    emu.add_user(args.emu_user, args.emu_password, application_token=args.application_token)
    for text in args.fault:
        f = parse_fault(text)
        emu.inject_fault(
            f["call"],
            f["kind"],
            status=f.get("status", 503),
            delay=f.get("delay", 1.0),
            times=f.get("times", 1),
        )
    emu.set_clock_offset(args.clock_offset)
    return emu


def _idle() -> None:
    # Short naps, not one long sleep: Python runs a signal's handler in the main thread only,
    # and a SIGINT the kernel hands to the server thread does not wake a sleeping main thread.
    time.sleep(0.5)


def _stop_on_sigint() -> Any:
    """Make Ctrl+C (SIGINT) raise KeyboardInterrupt here, whatever this process inherited.

    A process started from a non-interactive shell's background job (``cmd &``, as a test run
    or CI may be) inherits SIGINT *ignored*, and Python then leaves it ignored: the emulator
    would serve on after the signal that is its documented way to stop. Returns the previous
    handler for :func:`_restore`, or None when not on the main thread (where no handler can be
    set; a KeyboardInterrupt still ends the loop)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, signal.default_int_handler)


def _restore(previous: Any) -> None:
    if previous is not None:
        signal.signal(signal.SIGINT, previous)


def serve(args: argparse.Namespace, out: Any = None) -> int:
    """Run the emulator the options describe until Ctrl+C; prints where it listens."""
    out = out or sys.stdout

    def say(line: str) -> None:
        # output closed (e.g. piped into head): keep serving
        with contextlib.suppress(BrokenPipeError, ValueError):
            print(line, file=out, flush=True)

    emu = build_from_args(args)
    previous = _stop_on_sigint()  # before anyone can learn the address and send the signal
    try:
        emu.start()
        say(f"emnify portal emulator at {emu.url}")
        say(f"user {args.emu_user}, password {args.emu_password}, account kind {args.account_kind}")
        if args.outbox:
            say(f"e-mailed codes go to {args.outbox}")
        say(f"control: {emu.url}/_emulator/state; stop with Ctrl+C")
        while True:
            _idle()
    except KeyboardInterrupt:
        return 0
    finally:
        emu.stop()
        _restore(previous)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop_app.portal.emulator",
        description="run a local emnify portal emulator (for tests and demos) until Ctrl+C",
    )
    add_arguments(parser)
    args = parser.parse_args(argv)
    try:
        return serve(args)
    except ValueError as exc:
        parser.error(str(exc))
    return 2
