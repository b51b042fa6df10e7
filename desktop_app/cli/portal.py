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
from collections.abc import Callable, Iterator
from typing import Any

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.errors import AppError
from desktop_app.portal.emulator import add_arguments, serve
from desktop_app.portal.emulator import parse_fault as parse
from desktop_app.portal.errors import (
    AccountLockedError,
    ActiveKeyExistsError,
    InvalidCredentialsError,
    PortalError,
    WrongCodeError,
)
from desktop_app.portal.marks import retired_note
from desktop_app.settings import PORTAL_USER

ACTIONS = (
    "login",
    "status",
    "enable-2fa",
    "disable-2fa",
    "devices",
    "workspaces",
    "logout",
    "tokens",
    "recover",
    "events",
)


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
    p.add_argument(
        "--replace-active",
        action="store_true",
        help="enable-2fa: replace an active authenticator key this app does not hold (its "
        "phone's codes stop working); without it, a terminal asks and a pipe refuses",
    )
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
    admin = p.add_argument_group("administrator tools (tokens, recover, events)")
    admin.add_argument("--create", metavar="DESCRIPTION", help="tokens: create a token")
    admin.add_argument("--expires", metavar="DATE", help="tokens --create: expiry (ISO 8601)")
    admin.add_argument("--ip", metavar="CIDR", help="tokens --create: allowed address range")
    admin.add_argument("--revoke", metavar="ID", type=int, help="tokens: revoke this token")
    admin.add_argument(
        "--for", dest="for_user", metavar="EMAIL", help="recover/events: the user concerned"
    )
    admin.add_argument("--remove-key", metavar="ID", type=int, help="recover: remove this key")
    admin.add_argument(
        "--forget-device", metavar="ID", type=int, help="recover: forget this trusted device"
    )
    admin.add_argument(
        "--organisation", action="store_true", help="events: the whole organisation's"
    )
    admin.add_argument("--page", type=int, default=1, help="events: page number (from 1)")
    admin.add_argument(
        "--all-kinds", action="store_true", help="events: not only sign-ins and 2FA changes"
    )
    p.set_defaults(handler=run_portal)

    e = subparsers.add_parser(
        "portal-emulator",
        help="run a local emnify portal emulator (for tests and demos) until Ctrl+C",
    )
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

    def more_codes(self) -> bool:
        """Whether another code can be read (a terminal, or further stdin lines)."""
        return bool(self.args.password_stdin or _tty())

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
        user = (args.user or str(services.settings.value(PORTAL_USER) or "")).strip()
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
        outcome = _complete_with_code(account, inputs, outcome.code_sent_to, note)
    how = " (code filled in from this app's vault)" if outcome.autofilled else ""
    print(f"Signed in to {account.url} as {outcome.user}{how}.")
    if outcome.message:
        _say(outcome.message)
    return str(outcome.user)


CODE_ATTEMPTS = 3  # the portal locks the account after the third wrong code in a row


def _complete_with_code(account: Any, inputs: _Inputs, sent_to: str, note: str) -> Any:
    """The second step: a refused code is asked again (counting attempts) while more input
    can come; a lockout ends it with the time left."""
    for attempt in range(1, CODE_ATTEMPTS + 1):
        code = inputs.code(sent_to, note)
        try:
            return account.complete_sign_in(code)
        except AccountLockedError as exc:
            raise CliError(_locked_text(exc), EXIT_BAD_INPUT) from None
        except (InvalidCredentialsError, WrongCodeError):
            if attempt == CODE_ATTEMPTS or not inputs.more_codes():
                raise CliError(
                    f"The code was not accepted (attempt {attempt} of {CODE_ATTEMPTS}).",
                    EXIT_BAD_INPUT,
                ) from None
            note = (
                f"The code was not accepted (attempt {attempt} of {CODE_ATTEMPTS}); after "
                f"{CODE_ATTEMPTS} wrong codes the account is locked for 5 minutes."
            )
    raise CliError("The code was not accepted.", EXIT_BAD_INPUT)


def _locked_text(exc: Any) -> str:
    from desktop_app.portal.client import duration_text

    wait = getattr(exc, "retry_after", None)
    if wait:
        return f"Too many wrong codes: the account is locked. Try again in {duration_text(wait)}."
    return "Too many wrong codes: the account is locked for 5 minutes. Try again after that."


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


Handler = Callable[[argparse.Namespace, Any, Any, str, "_Inputs"], int]


def _dispatch(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    """Run one action: ``logout`` and ``login`` need no session; the others sign in first (a
    kept session, an application token, or a password)."""
    action = args.action
    if action in _NO_SESSION:
        return _NO_SESSION[action](args, services, account, user, inputs)
    handler = _ACTIONS.get(action)
    if handler is None:
        raise CliError(f"Unknown action {action}.")
    user = _ensure_session(account, user, inputs, args)
    if account.session_kind == "password":
        services.settings.set(PORTAL_USER, user)
    return handler(args, services, account, user, inputs)


def _do_logout(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    if args.token_stdin:
        # An application-token session is never kept: nothing of the password session (its
        # refresh token, this device's fingerprint) is touched.
        print("Nothing to sign out: an application-token session is not kept.")
        return EXIT_OK
    account.user = user or None
    outcome = account.sign_out()
    print(f"Signed out; {outcome}")
    return EXIT_OK


def _do_login(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    if args.token_stdin:
        _login_token(account, inputs)
        print(f"Signed in to {account.url} with an application token.")
        return EXIT_OK
    signed = _login(account, user, inputs, args)
    services.settings.set(PORTAL_USER, signed)
    try:
        print(account.status().text())
    except (PortalError, AppError) as exc:
        _say(f"Signed in, but the status could not be read: {exc}")
    return EXIT_OK


def _do_devices(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
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


def _inactive_lines(entries: list[Any]) -> list[str]:
    """One line per inactive vault entry; entries sharing a label are told apart by the day
    their key was set up (or their position)."""
    labels = [e.label for e in entries]
    lines = []
    for i, e in enumerate(entries):
        name = f"“{e.label}”"
        if labels.count(e.label) > 1:
            day = str(e.meta.get("emnify.created", ""))[:10]
            nth = labels[: i + 1].count(e.label)
            name += f" (key set up {day})" if day else f" (#{nth})"
        lines.append(f"The vault entry {name} is {retired_note(e)}.")
    # Two entries of one label and one day: still one distinct line each.
    seen: dict[str, int] = {}
    out = []
    for line in lines:
        seen[line] = seen.get(line, 0) + 1
        out.append(line if seen[line] == 1 else line.replace(" is no", f" (#{seen[line]}) is no"))
    return out


def _do_status(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    status = account.status()
    print(status.text())
    if account.enforced and status.state == "on":
        print(_ENFORCED)
    if status.state == "pending":
        print("Finish with `portal enable-2fa`, or cancel with `portal enable-2fa --cancel`.")
    for line in _inactive_lines(status.inactive_entries):
        print(line)
    return EXIT_OK


def _confirm_replace(args: argparse.Namespace, question: str) -> bool:
    """Yes to replacing an active key: ``--replace-active``, else y/N at a terminal."""
    if args.replace_active:
        return True
    if not _tty() or args.password_stdin:
        raise CliError(
            f"{question.removesuffix(' Replace it?')} Nothing was changed; pass "
            "--replace-active to replace it."
        )
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _create_key(
    args: argparse.Namespace, account: Any, enrolment: Any, inputs: _Inputs, replace: int | None
) -> Any:
    fresh = account.fresh_password()
    password = fresh or inputs.password()
    proven = fresh is not None
    try:
        try:
            return enrolment.create_key(password, password_proven=proven, replace_key_id=replace)
        except ActiveKeyExistsError as exc:
            if not _confirm_replace(args, str(exc)):
                raise CliError("Nothing changed.", EXIT_OK) from None
            # The password was proven by the first try: no second /authenticate (no e-mail).
            return enrolment.create_key(password, password_proven=True, replace_key_id=exc.key_id)
    finally:
        account.forget_password()


def _do_enable(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    enrolment = account.enrolment()
    pending = enrolment.pending_entry()
    if args.cancel:
        if pending is None:
            raise CliError("No activation is pending.", EXIT_NOT_FOUND)
        enrolment.cancel_pending(pending.uuid)
        print("The pending activation was cancelled and its key removed.")
        return EXIT_OK
    if pending is None:
        status = account.status()
        replace = None
        if status.state == "unknown":
            raise CliError(status.text())
        if status.state == "on" and status.local is not None:
            print(status.text())
            return EXIT_OK
        if status.state == "on":
            day = f" set up on {status.since}" if status.since else ""
            question = (
                f"An authenticator{day} is active on this account; replacing it stops the "
                "codes of the phone or app that has it. Replace it?"
            )
            if not _confirm_replace(args, question):
                print("Nothing changed.")
                return EXIT_OK
            replace = status.key_id
        pending = _create_key(args, account, enrolment, inputs, replace)
        print(f"Key created and saved in this app's vault as “{pending.label}”.")
        if args.show_secret:
            _show_secret(pending, args)
    else:
        print("Finishing the pending activation.")
    enrolment.activate(pending.uuid)
    print("Two-factor authentication is on: sign-in codes come from this app.")
    return EXIT_OK


def _show_secret(entry: Any, args: argparse.Namespace) -> None:
    from desktop_app.otp.uri import build_uri

    print(f"Secret: {entry.secret}")
    print(f"Link:   {build_uri(entry)}")
    if _tty() and not args.password_stdin:
        _say("Add it to your phone if you like, then press Enter to activate...")
        sys.stdin.readline()


def _do_disable(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    enrolment = account.enrolment()
    if account.enforced:  # learnt from an earlier refusal: not asked again
        raise CliError(f"{_ENFORCED} Nothing was changed.")
    if not inputs.confirm(f"Remove the authenticator app key of {user}?"):
        print("Nothing changed.")
        return EXIT_OK
    status = account.status()
    try:
        marked = enrolment.disable(remove_local=args.remove_local)
    except PortalError as exc:
        account.learn_refusal(exc)  # remembered for this account, beyond logout
        raise
    if status.email_codes is False:
        print("The authenticator app key was removed: this account has no second factor now.")
    elif status.email_codes is True:
        print("The authenticator app key was removed: sign-in codes come by e-mail again.")
    else:
        print(
            "The authenticator app key was removed. If your account uses e-mail codes, they "
            "will come by e-mail again."
        )
    for e in marked:
        if args.remove_local:
            print(f"Removed “{e.label}” from the vault.")
        else:
            print(
                f"The key stays in the vault as “{e.label}”, marked no longer active on "
                "emnify; remove it with --remove-local."
            )
    return EXIT_OK


_ENFORCED = (
    "Your organisation requires an authenticator app for signing in: it cannot be turned off."
)


def _do_workspaces(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    return _workspaces(account, args)


def _admin_refusal(exc: PortalError) -> CliError:
    from desktop_app.portal.admin import is_admin_refusal, token_refusal_field

    if is_admin_refusal(exc):
        return CliError(
            "The portal allows this to administrators of the organisation only.", EXIT_BAD_INPUT
        )
    field = token_refusal_field(exc)
    if field == "expiry":
        return CliError(
            "The portal refused the expiry date: give a day in the future (--expires 2030-01-31).",
            EXIT_BAD_INPUT,
        )
    if field == "ip":
        return CliError(
            "The portal refused the IP restriction: give an address or range such as "
            "203.0.113.0/24 (--ip).",
            EXIT_BAD_INPUT,
        )
    return CliError(str(exc), EXIT_BAD_INPUT)


def _do_tokens(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    tools = account.admin()
    try:
        if args.create is not None:
            made = tools.create_application_token(args.create, expiry_date=args.expires, ip=args.ip)
            _say("The new application token (shown only this once; keep it safe):")
            print(made.token)
            return EXIT_OK
        if args.revoke is not None:
            if not inputs.confirm(f"Revoke application token {args.revoke}?"):
                print("Nothing changed.")
                return EXIT_OK
            tools.revoke_application_token(args.revoke)
            print(f"Application token {args.revoke} revoked.")
            return EXIT_OK
        tokens = tools.application_tokens()
    except PortalError as exc:
        raise _admin_refusal(exc) from None
    if not tokens:
        print("No application tokens.")
    for t in tokens:
        expiry = f"expires {t.expiry_date[:10]}" if t.expiry_date else "no expiry"
        ip = f", from {t.ip}" if t.ip else ""
        created = t.created[:10] or "?"
        print(f"{t.id}\t{t.status_text}\t{created}\t{expiry}{ip}\t{t.description}")
    return EXIT_OK


def _do_recover(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    if not args.for_user:
        raise CliError("Whose account? Pass --for EMAIL.")
    tools = account.admin()
    try:
        who = tools.find_user(args.for_user)
        if args.remove_key is not None:
            if not inputs.confirm(
                f"Remove two-factor key {args.remove_key} of {who.username}? Their sign-in "
                "then no longer asks for its codes."
            ):
                print("Nothing changed.")
                return EXIT_OK
            tools.delete_user_key(who.id, args.remove_key)
            print(f"Two-factor key {args.remove_key} of {who.username} removed.")
            return EXIT_OK
        if args.forget_device is not None:
            if not inputs.confirm(f"Forget trusted device {args.forget_device} of {who.username}?"):
                print("Nothing changed.")
                return EXIT_OK
            tools.delete_user_trusted_device(who.id, args.forget_device)
            print(f"Trusted device {args.forget_device} of {who.username} forgotten.")
            return EXIT_OK
        devices = tools.user_trusted_devices(who.id)
    except PortalError as exc:
        raise _admin_refusal(exc) from None
    print(f"{who.username} (user {who.id})")
    if not who.keys:
        print("  No two-factor keys.")
    for k in who.keys:
        kind = k.type.description if k.type is not None else "unknown type"
        state = k.status.description if k.status is not None else "unknown status"
        since = f", set up {k.creation_date[:10]}" if k.creation_date else ""
        print(f"  key {k.id}\t{kind}\t{state}{since}")
    if not devices:
        print("  No trusted devices.")
    for d in devices:
        print(f"  device {d.id}\t{d.label}")
    return EXIT_OK


def _do_events(
    args: argparse.Namespace, services: Any, account: Any, user: str, inputs: _Inputs
) -> int:
    tools = account.admin()
    try:
        target: int | str | None = "my"
        if args.organisation:
            target = None
        elif args.for_user:
            target = tools.find_user(args.for_user).id
        page = tools.security_events(target, page=args.page, only_security=not args.all_kinds)
    except PortalError as exc:
        raise _admin_refusal(exc) from None
    if not page.events:
        print("No sign-ins or two-factor changes on this page." if page.scanned else "No events.")
    for e in page.events:
        who = f"\t{e.user}" if e.user else ""
        print(f"{e.timestamp}\t{e.kind}{who}\t{e.description}")
    if page.has_more:
        _say(f"More events: --page {page.page + 1}")
    return EXIT_OK


_NO_SESSION: dict[str, Handler] = {"logout": _do_logout, "login": _do_login}
_ACTIONS: dict[str, Handler] = {
    "devices": _do_devices,
    "workspaces": _do_workspaces,
    "status": _do_status,
    "enable-2fa": _do_enable,
    "disable-2fa": _do_disable,
    "tokens": _do_tokens,
    "recover": _do_recover,
    "events": _do_events,
}


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
    if account.workspaces_limited:
        _say("Only administrators can list workspaces; this is the current one.")
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
    try:
        return parse(text)
    except ValueError as exc:
        raise CliError(str(exc)) from None


def run_emulator(args: argparse.Namespace) -> int:
    for text in args.fault:
        parse_fault(text)  # one clear line for a malformed --fault
    try:
        return serve(args)
    except ValueError as exc:
        raise CliError(str(exc)) from None
