"""``desktop-authenticator portal ...`` and ``desktop-authenticator portal-emulator``.

Same account object, vault and rules as the settings pane (:class:`PortalAccount`). The password
comes from a prompt (getpass) or, with ``--password-stdin``, from the first line of stdin; it is
never stored. The session (refresh token) is kept in the OS keyring between commands.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import time
from typing import Any

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.portal.errors import PortalError

ACTIONS = ("login", "status", "enable-2fa", "disable-2fa", "devices", "logout")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "portal",
        help="emnify portal account: sign in, turn 2FA on or off, trusted devices",
        description="Manage two-factor authentication of an emnify portal account; the key is "
        "kept in this app's vault.",
    )
    p.add_argument("action", choices=ACTIONS, help="what to do")
    p.add_argument(
        "--portal-url", dest="sub_portal_url", metavar="URL", help="emnify portal address"
    )
    p.add_argument("--user", metavar="EMAIL", help="e-mail address of the portal user")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first stdin line"
    )
    p.add_argument(
        "--token-stdin",
        action="store_true",
        help="login: sign in with an application token read from stdin (not kept after exit)",
    )
    p.add_argument("--code", metavar="CODE", help="login: the 6-digit code, if one is asked")
    p.add_argument(
        "--trust-device", action="store_true", help="login: skip the code here for 90 days"
    )
    p.add_argument(
        "--show-secret",
        action="store_true",
        help="enable-2fa: print the key (otpauth link and secret) to add it to a phone too",
    )
    p.add_argument("--cancel", action="store_true", help="enable-2fa: cancel a pending activation")
    p.add_argument("--yes", action="store_true", help="disable-2fa: do not ask to confirm")
    p.add_argument(
        "--remove-local",
        action="store_true",
        help="disable-2fa: also remove the key from this app's vault",
    )
    p.add_argument("--forget", metavar="ID", type=int, help="devices: forget this trusted device")
    p.set_defaults(handler=run_portal)

    e = subparsers.add_parser(
        "portal-emulator",
        help="run a local emnify portal emulator (for tests and demos) until Ctrl+C",
    )
    e.add_argument("--host", default="127.0.0.1")
    e.add_argument("--port", type=int, default=0, help="0 picks a free port")
    e.add_argument("--user", dest="emu_user", metavar="EMAIL", default="demo@example.com")
    e.add_argument("--password", dest="emu_password", metavar="PW", default="demo-password")
    e.add_argument("--application-token", metavar="TOKEN", help="accept this application token")
    e.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="CALL:KIND[:VALUE[:TIMES]]",
        help="inject a fault: KIND delay (VALUE seconds), error (VALUE HTTP status), drop, "
        "drop_after; CALL e.g. activate_key or *",
    )
    e.add_argument("--clock-offset", type=float, default=0.0, help="seconds added to the clock")
    e.add_argument("--mfa-password-form", choices=("hashed", "plain", "either"), default="hashed")
    e.set_defaults(handler=run_emulator)


# --- portal -----------------------------------------------------------------------------------


class _Inputs:
    """Reads the password (once) and other answers from stdin or the terminal."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._password: str | None = None
        self._stdin_used = False

    def _stdin_line(self) -> str:
        if self._stdin_used:
            raise CliError("stdin was already read.")
        self._stdin_used = True
        line = sys.stdin.readline()
        return line.rstrip("\r\n")

    def password(self, prompt: str = "Portal password: ") -> str:
        if self._password is None:
            if self.args.password_stdin:
                self._password = self._stdin_line()
            elif sys.stdin is not None and sys.stdin.isatty():
                self._password = getpass.getpass(prompt)
            else:
                raise CliError(
                    "A password is needed: type it at a terminal or use --password-stdin."
                )
            if not self._password:
                raise CliError("The password is empty.")
        return self._password

    def token(self) -> str:
        token = self._stdin_line().strip()
        if not token:
            raise CliError("No application token on stdin.")
        return token

    def code(self) -> str:
        if self.args.code:
            return str(self.args.code)
        if sys.stdin is not None and sys.stdin.isatty():
            return input("Code from your authenticator: ").strip()
        raise CliError("The portal asks for a code: pass --code.")

    def confirm(self, question: str) -> bool:
        if self.args.yes:
            return True
        if sys.stdin is None or not sys.stdin.isatty():
            raise CliError("Confirmation needed: pass --yes.")
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def run_portal(args: argparse.Namespace) -> int:
    from desktop_app.app import build_services
    from desktop_app.portal.account import PortalAccount

    services = build_services(args, interactive=False)
    try:
        url = args.sub_portal_url or services.effective_portal_url()
        user = (args.user or str(services.settings.get("portal_user") or "")).strip()
        inputs = _Inputs(args)
        account = PortalAccount(url, services.keystore, services.vault)
        try:
            return _dispatch(args, services, account, user, inputs)
        except PortalError as exc:
            raise CliError(str(exc), EXIT_BAD_INPUT) from None
        finally:
            account.close()
    finally:
        services.close()


def _login(account: Any, user: str, inputs: _Inputs, args: argparse.Namespace) -> str:
    if not user:
        if sys.stdin is not None and sys.stdin.isatty():
            user = input("E-mail address: ").strip()
        if not user:
            raise CliError("Which user? Pass --user EMAIL.")
    outcome = account.sign_in(user, inputs.password(), trust_device=args.trust_device)
    if outcome.needs_code:
        if outcome.message:
            print(outcome.message, file=sys.stderr)
        outcome = account.complete_sign_in(inputs.code(), args.trust_device)
    how = " (code filled in from this app's vault)" if outcome.autofilled else ""
    print(f"Signed in to {account.url} as {outcome.user}{how}.")
    return str(outcome.user)


def _ensure_session(account: Any, user: str, inputs: _Inputs, args: argparse.Namespace) -> str:
    if user and account.resume(user):
        return user
    if args.password_stdin or (sys.stdin is not None and sys.stdin.isatty()):
        return _login(account, user, inputs, args)
    raise CliError(
        "Not signed in to the emnify portal: run `desktop-authenticator portal login`.",
        EXIT_NOT_FOUND,
    )


def _dispatch(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    action = args.action
    if action == "logout":
        account.user = user or None
        account.sign_out()
        print("Signed out; the session and device fingerprint were removed from the keyring.")
        return EXIT_OK
    if action == "login":
        if args.token_stdin:
            outcome = account.sign_in_with_token(inputs.token())
            print(
                f"Signed in with an application token as {outcome.user} (this session is not "
                "kept after the command ends)."
            )
            return EXIT_OK
        signed = _login(account, user, inputs, args)
        services.settings.set("portal_user", signed)
        return EXIT_OK

    user = _ensure_session(account, user, inputs, args)
    services.settings.set("portal_user", user)
    if action == "devices":
        if args.forget is not None:
            account.forget_device(args.forget)
            print(f"Trusted device {args.forget} forgotten.")
            return EXIT_OK
        devices = account.devices()
        if not devices:
            print("No trusted devices.")
        for d in devices:
            print(f"{d.id}\t{d.label}")
        return EXIT_OK

    enrolment = account.enrolment()
    if action == "status":
        status = enrolment.status()
        print(status.text())
        if status.state == "pending":
            print("Finish with `portal enable-2fa`, or cancel with `portal enable-2fa --cancel`.")
        for e in status.inactive_entries:
            print(f"Vault entry {e.uuid[:8]} ({e.label}) is no longer active on the portal.")
        return EXIT_OK
    if action == "enable-2fa":
        pending = enrolment.pending_entry()
        if args.cancel:
            if pending is None:
                raise CliError("No activation is pending.", EXIT_NOT_FOUND)
            enrolment.cancel_pending(pending.uuid)
            print("The pending activation was cancelled and its key removed.")
            return EXIT_OK
        if pending is None:
            status = enrolment.status()
            if status.state == "on":
                print(status.text())
                return EXIT_OK
            pending = enrolment.create_key(inputs.password())
            print(f"Key {pending.meta.get('emnify.key_id')} created and stored in the vault.")
            if args.show_secret:
                from desktop_app.otp.uri import build_uri

                print(f"Secret: {pending.secret}")
                print(f"Link:   {build_uri(pending)}")
                if sys.stdin is not None and sys.stdin.isatty() and not args.password_stdin:
                    input("Add it to your phone if you like, then press Enter to activate... ")
        else:
            print("Finishing the pending activation.")
        enrolment.activate(pending.uuid)
        print("Two-factor authentication is on.")
        return EXIT_OK
    if action == "disable-2fa":
        if not inputs.confirm(f"Turn off two-factor authentication for {user}?"):
            print("Nothing changed.")
            return EXIT_OK
        marked = enrolment.disable()
        print("Two-factor authentication is off.")
        for e in marked:
            if args.remove_local:
                enrolment.remove_local(e.uuid)
                print(f"Removed {e.label} from the vault.")
            else:
                print(
                    f"The key stays in the vault as {e.label}, marked no longer active; "
                    "remove it with --remove-local."
                )
        return EXIT_OK
    raise CliError(f"Unknown action {action}.")


# --- emulator ---------------------------------------------------------------------------------


def parse_fault(text: str) -> dict[str, Any]:
    parts = text.split(":")
    if len(parts) < 2:
        raise CliError(f"--fault {text!r}: expected CALL:KIND[:VALUE[:TIMES]].")
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
        raise CliError(f"--fault {text!r}: the value is not a number.") from None
    return fault


def run_emulator(args: argparse.Namespace) -> int:
    from desktop_app.portal.emulator import EmulatorServer

    faults = [parse_fault(f) for f in args.fault]
    emu = EmulatorServer(args.host, args.port, mfa_password_form=args.mfa_password_form)
    emu.add_user(args.emu_user, args.emu_password, application_token=args.application_token)
    try:
        for f in faults:
            emu.inject_fault(
                f["call"],
                f["kind"],
                status=f.get("status", 503),
                delay=f.get("delay", 1.0),
                times=f.get("times", 1),
            )
    except ValueError as exc:
        raise CliError(str(exc)) from None
    emu.set_clock_offset(args.clock_offset)
    emu.start()
    try:
        print(f"emnify portal emulator at {emu.url}", flush=True)
        print(f"user {args.emu_user}, password {args.emu_password}", flush=True)
        print(f"control: {emu.url}/_emulator/state; stop with Ctrl+C", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        emu.stop()
