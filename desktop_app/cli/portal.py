"""``desktop-authenticator portal ...`` and ``desktop-authenticator portal-emulator``.

Same account object, vault and rules as the settings pane (:class:`PortalAccount`).

* Password: a prompt (getpass), or with ``--password-stdin`` the first line of stdin; never
  stored. A sign-in code the vault cannot give (real accounts send one by e-mail) is then read
  from the **next** line of stdin, with a note on stderr saying where it was sent; at a terminal
  it is asked for; ``--code`` gives it up front.
* Application tokens (``--token-stdin``, the way emnify recommends for scripts and SSO users)
  work with every action; such a session is not kept after the command.
* The session (refresh token) is kept in the OS keyring between commands when there is one.
* The vault is opened only for the moment it is read or written, never while the portal is
  asked anything (a slow portal never keeps the vault locked for other commands or the app).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Iterator
from typing import Any

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.errors import AppError
from desktop_app.portal.errors import PortalError

ACTIONS = ("login", "status", "enable-2fa", "disable-2fa", "devices", "workspaces", "logout")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "portal",
        help="emnify portal account: sign in, turn 2FA on or off, trusted devices, workspaces",
        description="Manage two-factor authentication of an emnify portal account; the key is "
        "kept in this app's vault.",
    )
    p.add_argument("action", choices=ACTIONS, help="what to do")
    p.add_argument(
        "--portal-url", dest="sub_portal_url", metavar="URL", help="emnify portal address"
    )
    p.add_argument("--user", metavar="EMAIL", help="e-mail address of the portal user")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first stdin line (and a code, if one is sent, from "
        "the next line)",
    )
    p.add_argument(
        "--token-stdin",
        action="store_true",
        help="sign in with an emnify application token read from stdin (recommended for "
        "scripts and single-sign-on users; not kept after the command)",
    )
    p.add_argument("--code", metavar="CODE", help="login: the code, if one is asked")
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
    p.add_argument(
        "--switch", metavar="ID", type=int, help="workspaces: work in this workspace (by number)"
    )
    p.set_defaults(handler=run_portal)

    e = subparsers.add_parser(
        "portal-emulator",
        help="run a local emnify portal emulator (for tests and demos) until Ctrl+C",
    )
    from desktop_app.portal.emulator import add_arguments

    add_arguments(e)
    e.set_defaults(handler=run_emulator)


# --- portal -----------------------------------------------------------------------------------


def _say(text: str) -> None:
    """Prompts and notes go to stderr, so stdout stays the command's result."""
    print(text, file=sys.stderr, flush=True)


def _tty() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


class _Inputs:
    """Reads the password (once), a token and codes from stdin (line by line) or the terminal."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._password: str | None = None
        self._token: str | None = None
        self._code_used = False

    def _stdin_line(self) -> str | None:
        line = sys.stdin.readline() if sys.stdin is not None else ""
        return line.rstrip("\r\n") if line else None

    def password(self, prompt: str = "Portal password: ") -> str:
        if self._password is None:
            if self.args.password_stdin:
                self._password = self._stdin_line() or ""
            elif _tty():
                self._password = getpass.getpass(prompt)
            else:
                raise CliError(
                    "A password is needed: type it at a terminal or use --password-stdin."
                )
            if not self._password:
                raise CliError("The password is empty.")
        return self._password

    def token(self) -> str:
        if self._token is None:
            self._token = (self._stdin_line() or "").strip()
            if not self._token:
                raise CliError("No application token on stdin.")
        return self._token

    def code(self, sent_to: str, note: str = "") -> str:
        """The sign-in code: --code (once), else the next stdin line with --password-stdin,
        else asked at the terminal."""
        if self.args.code and not self._code_used:
            self._code_used = True
            return str(self.args.code)
        where = f"A code was sent to {sent_to}" if sent_to else "The portal asks for a code"
        if note:
            _say(note)
        if self.args.password_stdin:
            _say(f"{where}: reading it from the next line of standard input.")
            code = (self._stdin_line() or "").strip()
            if not code:
                raise CliError(
                    f"{where}, but standard input has no further line: pass the code on the "
                    "line after the password, or use --code."
                )
            return code
        if _tty():
            _say(f"{where} (or use the code of your authenticator app).")
            print("Code: ", end="", file=sys.stderr, flush=True)
            return sys.stdin.readline().strip()
        raise CliError(f"{where}: pass it with --code, or on stdin after the password.")

    def confirm(self, question: str) -> bool:
        if self.args.yes:
            return True
        if not _tty():
            raise CliError("Confirmation needed: pass --yes.")
        print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
        return sys.stdin.readline().strip().lower() in ("y", "yes")


def run_portal(args: argparse.Namespace) -> int:
    from desktop_app.app import build_services, terminal_password_provider
    from desktop_app.portal.account import PortalAccount

    services = build_services(args, interactive=False, open_vault=False)
    try:
        url = args.sub_portal_url or services.effective_portal_url()
        user = (args.user or str(services.settings.get("portal_user") or "")).strip()
        inputs = _Inputs(args)
        provider = _remembering(terminal_password_provider())

        @contextlib.contextmanager
        def vault_step() -> Iterator[Any]:
            from desktop_app.app import open_vault_for

            vault = open_vault_for(services, provider)
            services.vault = vault
            try:
                yield vault
            finally:
                services.stop_auto_backup()
                vault.close()
                services.vault = None

        account = PortalAccount(url, services.keystore, vault_step)
        try:
            return _dispatch(args, services, account, user, inputs)
        except PortalError as exc:
            raise CliError(str(exc), EXIT_BAD_INPUT) from None
        finally:
            account.close()
    finally:
        services.close()


def _remembering(provider: Any) -> Any:
    """The vault password is asked at most once per command (the vault opens several times)."""
    answers: dict[bool, str | None] = {}

    def provide(creating: bool) -> str | None:
        if creating not in answers:
            answers[creating] = provider(creating)
        return answers[creating]

    return provide


def _login(account: Any, user: str, inputs: _Inputs, args: argparse.Namespace) -> str:
    if not user:
        if _tty():
            print("E-mail address: ", end="", file=sys.stderr, flush=True)
            user = sys.stdin.readline().strip()
        if not user:
            raise CliError("Which user? Pass --user EMAIL.")
    if args.trust_device and not account.keyring_available:
        _say("No OS keyring: this device cannot be remembered (--trust-device is ignored).")
    outcome = account.sign_in(user, inputs.password(), trust_device=args.trust_device)
    if outcome.needs_code:
        note = "" if outcome.message.startswith("A code was sent") else outcome.message
        outcome = account.complete_sign_in(inputs.code(outcome.code_sent_to, note))
    how = " (code filled in from this app's vault)" if outcome.autofilled else ""
    print(f"Signed in to {account.url} as {outcome.user}{how}.")
    if outcome.message:
        _say(outcome.message)
    return str(outcome.user)


def _login_token(account: Any, inputs: _Inputs) -> str:
    outcome = account.sign_in_with_token(inputs.token())
    _say(f"Signed in with an application token as {outcome.user} (not kept after this command).")
    return str(outcome.user)


def _ensure_session(account: Any, user: str, inputs: _Inputs, args: argparse.Namespace) -> str:
    if args.token_stdin:
        return _login_token(account, inputs)
    if user and account.resume(user):
        return user
    if args.password_stdin or _tty():
        return _login(account, user, inputs, args)
    raise CliError(
        "Not signed in to the emnify portal: run `desktop-authenticator portal login` (or pass "
        "an application token with --token-stdin).",
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
            _login_token(account, inputs)
            print(f"Signed in to {account.url} with an application token.")
            return EXIT_OK
        signed = _login(account, user, inputs, args)
        services.settings.set("portal_user", signed)
        try:
            print(account.status().text())
        except (PortalError, AppError) as exc:
            _say(f"Signed in, but the status could not be read: {exc}")
        return EXIT_OK

    user = _ensure_session(account, user, inputs, args)
    if account.session_kind == "password":
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
    if action == "workspaces":
        return _workspaces(account, args)

    enrolment = account.enrolment()
    if action == "status":
        status = account.status()
        print(status.text())
        if status.state == "pending":
            print("Finish with `portal enable-2fa`, or cancel with `portal enable-2fa --cancel`.")
        for e in status.inactive_entries:
            print(f"The vault entry “{e.label}” is no longer active on the portal.")
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
            status = account.status()
            if status.state == "on":
                print(status.text())
                return EXIT_OK
            fresh = account.fresh_password()
            password = fresh or inputs.password()
            pending = enrolment.create_key(password, password_proven=fresh is not None)
            account.forget_password()
            print(f"Key created and saved in this app's vault as “{pending.label}”.")
            if args.show_secret:
                from desktop_app.otp.uri import build_uri

                print(f"Secret: {pending.secret}")
                print(f"Link:   {build_uri(pending)}")
                if _tty() and not args.password_stdin:
                    _say("Add it to your phone if you like, then press Enter to activate...")
                    sys.stdin.readline()
        else:
            print("Finishing the pending activation.")
        enrolment.activate(pending.uuid)
        print("Two-factor authentication is on: sign-in codes come from this app.")
        return EXIT_OK
    if action == "disable-2fa":
        if not inputs.confirm(f"Remove the authenticator app key of {user}?"):
            print("Nothing changed.")
            return EXIT_OK
        status = account.status()
        marked = enrolment.disable(remove_local=args.remove_local)
        if status.email_codes is False:
            print("The authenticator app key was removed: this account has no second factor now.")
        elif status.email_codes is True:
            print("The authenticator app key was removed: sign-in codes come by e-mail again.")
        else:
            print(
                "The authenticator app key was removed: sign-in codes come by e-mail again "
                "(on accounts with e-mail codes, which all paid accounts have)."
            )
        for e in marked:
            if args.remove_local:
                print(f"Removed “{e.label}” from the vault.")
            else:
                print(
                    f"The key stays in the vault as “{e.label}”, marked no longer active; "
                    "remove it with --remove-local."
                )
        return EXIT_OK
    raise CliError(f"Unknown action {action}.")


def _workspaces(account: Any, args: argparse.Namespace) -> int:
    if args.switch is not None:
        if account.session_kind != "password":
            raise CliError(
                "An application token belongs to one workspace; sign in with e-mail and "
                "password to switch."
            )
        account.switch_workspace(args.switch)
        current = account.current_workspace()
        print(f"Now working in {current.name if current and current.name else args.switch}.")
        return EXIT_OK
    current = account.current_workspace()
    spaces = account.workspaces()
    if not spaces:
        print("No workspaces.")
    for w in spaces:
        mark = "*" if current is not None and current.id == w.id else " "
        default = " (default)" if w.is_default else ""
        print(f"{mark} {w.id}\t{w.name}{default}")
    return EXIT_OK


# --- emulator ---------------------------------------------------------------------------------


def parse_fault(text: str) -> dict[str, Any]:
    """``CALL:KIND[:VALUE[:TIMES]]`` (see :func:`desktop_app.portal.emulator.parse_fault`)."""
    from desktop_app.portal.emulator import parse_fault as parse

    try:
        return parse(text)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def run_emulator(args: argparse.Namespace) -> int:
    from desktop_app.portal.emulator import serve

    for text in args.fault:
        parse_fault(text)  # one clear line for a malformed --fault
    try:
        return serve(args)
    except ValueError as exc:
        raise CliError(str(exc)) from None
