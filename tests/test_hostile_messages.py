"""No message ever contains a secret.

1. Links with the secret in every position (every parameter, the label, the path, the scheme,
   before ``://``, after ``#``, malformed prefixes): every error message is free of it.
2. Every exception / message class of the project is walked: each place that builds one (a
   raise, a constructor call, a ``message=``, a log call) interpolates only values vetted here.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import desktop_app
from desktop_app.errors import AppError, OtpError
from desktop_app.intake import classify
from desktop_app.otp.uri import parse_uri

ROOT = Path(desktop_app.__file__).resolve().parent
SECRET = "KRUGKIDTMVRXEZLUEBUXGIDIMVZGKIDB"
PARAMS = ("secret", "issuer", "algorithm", "digits", "period", "counter", "encoder", "image")
PREFIXES = ("otpauth://", "otpauth:/", "otpauth:", "otpauth//", "OTPAUTH://", "otpauth:///",
            "otpauth-migration://", "otpauth-migration:/", "x-otpauth://", "")  # fmt: skip


def _links() -> list[str]:
    s = SECRET
    out: list[str] = []
    for pre in PREFIXES:
        for t in ("totp", "hotp", "steam", "xotp", s):
            base = {"secret": s, "issuer": "ACME", "digits": "6", "period": "30"}
            for p in PARAMS:
                for bad_other in ("", "&digits=x", "&period=0", "&algorithm=MD5", "&secret=1"):
                    params = dict(base)
                    params[p] = s
                    query = "&".join(f"{k}={v}" for k, v in params.items()) + bad_other
                    out.append(f"{pre}{t}/{s}:{s}?{query}")
                    out.append(f"{pre}{t}/label?{query}#{s}")
            out += [
                f"{pre}{t}/{s}",
                f"{pre}{t}?secret={s}://",
                f"{pre}{t}/x?secret={s}%zz://",
                f"{pre}{s}://{t}/x?secret={s}",
                f"{pre}{t}/x?secret={s}&secret={s}0",
                f"{pre}{t}/x?secret={s[:-1]}1",  # not Base32
                f"{pre}{t}/x?secret={s[:3]}",  # too short
                f"{pre}{t}/%ff{s}?secret={s}",
                f"{pre}{t}/x?secret={s}\ud800",
            ]
    out += [s, f"{s}://", f"{s}://x", f"{s}:{s}", f" {s}\n", f"https://x/?secret={s}"]
    return out


LINKS = _links()


def test_there_are_many_positions() -> None:
    assert len(LINKS) > 2000


def test_no_error_message_holds_the_secret() -> None:
    errors = 0
    for link in LINKS:
        payload = classify(link)
        if not payload.is_key:
            errors += 1
            assert SECRET not in payload.message and SECRET.lower() not in payload.message, link
        for skipped in payload.skipped:
            assert SECRET not in skipped.reason, link
        try:
            parse_uri(link)
        except OtpError as exc:
            assert SECRET not in str(exc) and SECRET not in repr(exc), link
    assert errors > 1000  # most of them are broken on purpose


def test_migration_link_errors_do_not_echo_the_data() -> None:
    for data in (SECRET, f"{SECRET}%%", f"{SECRET}==", "A" * 5 + SECRET):
        payload = classify(f"otpauth-migration://offline?data={data}")
        assert not payload.is_key and SECRET not in payload.message


def test_entry_repr_hides_the_secret() -> None:
    from desktop_app.otp.model import Entry

    e = Entry(secret=SECRET, issuer="I", name="n")
    assert SECRET not in repr(e) and SECRET not in str(e)


# --- the walk over every message class ---------------------------------------------------------

#: identifiers that may hold a secret, a password, a token or a whole link/file
SUSPECT = re.compile(
    r"secret|password|passwd|token|otp|\bcode\b|uri|link|payload|\btext\b|\bdata\b|\braw\b|"
    r"\bline\b|\bvalue\b|\bexc\b|\bkey\b|body|content|cookie|\bentry\b(?!\.label)|"
    r"raw_|\bquery\b|\bparams?\b|\brest\b|stripped|\blower\b|\bcase\b",
    re.IGNORECASE,
)
#: (file, interpolated expression) -> why it cannot hold a secret
VETTED = {
    ("cli/portal.py", "str(exc)"): "a ValueError of the emulator's --fault option",
    ("cli/portal.py", "status.text()"): "the 2FA status line: fixed text, an entry label, a day",
    ("cli/portal.py", "_locked_text(exc)"): "a fixed sentence with the lockout's time left",
    ("exporters/base.py", "exc.strerror"): "an OS error's fixed text",
    ("portal/emulator/handler.py", "exc.__class__.__name__"): "a class name",
    ("ui/add_dialog.py", "self.tr('Paste a link first.')"): "a fixed, translated text",
    ("ui/export_dialog.py", "type(exc).__name__"): "a class name",
    ("cli/backup.py", "exc.strerror or exc"): "an OSError of making the export folder",
    ("exporters/autobackup.py", "exc.strerror"): "an OS error's fixed text",
    ("importers/__init__.py", "type(exc).__name__"): "a class name",
    ("importers/aegis.py", "key"): "a JSON field name (n, r, p)",
    ("importers/contract.py", "key"): "a JSON field name",
    ("importers/readers.py", "key"): "a database column name",
    ("importers/contract.py", "repr(text[:20])"): "an entry's type field (totp, hotp ...)",
    ("otp/model.py", "MAX_SECRET_CHARS"): "a constant",
    ("otp/model.py", "MIN_SECRET_BITS // 5"): "a constant",
    ("selftest.py", "exc"): "an ImportError naming a missing library",
    ("ui/workers.py", "type(exc).__name__"): "a class name",
    ("ui/shortcut_portal.py", "type(exc).__name__"): "a class name",
    (
        "ui/sync_page.py",
        "one_line(exc, 'unexpected {kind}')",
    ): "an AppError's vetted text, else a class name",
    ("vault/keystore.py", "type(exc).__name__"): "a class name",
    ("vault/store.py", "exc.strerror"): "an OS error's fixed text",
    ("vault/store.py", "type(exc).__name__"): "a class name (an account the vault cannot read)",
    ("vault/lock.py", "exc.strerror"): "an OS error's fixed text",
    ("cli/quick.py", "query"): "the search words the person typed, echoed as a repr",
    ("sync/service.py", "type(exc).__name__"): "a class name",
    ("sync/service.py", "exc.strerror"): "an OS error's fixed text",
    ("otp/model.py", "key"): "a field's stamp key (issuer, name, meta:KEY), not its value",
    ("sync/aegis_bridge.py", "PASSWORD_CHANGED"): "a reason constant ('changed'), not a password",
    # the fields of N_() messages (walked since the core's messages became translatable)
    ("exporters/autobackup.py", "exc.strerror or str(exc)"): "an OSError writing the backup file",
    ("exporters/autobackup.py", "type(exc).__name__"): "a class name (an unexpected failure)",
    ("icons/packs.py", "exc.lineno"): "a line number of pack.json",
    ("icons/packs.py", "exc.msg"): "json's fixed description of a syntax error",
    ("icons/packs.py", "type(exc).__name__"): "a class name",
    ("icons/packs.py", "exc.reason"): "a PictureRefused's fixed, translatable reason",
    ("icons/packs.py", "exc.strerror or type(exc).__name__"): "an OS error's text, or a class",
    ("importers/contract.py", "type(exc).__name__"): "a class name",
    ("importers/readers.py", "exc.args[0]"): "a JsonTooComplex's fixed reason (too deep ...)",
    ("importers/readers.py", "exc.lineno"): "a line number of the JSON file",
    ("sync/aegis_bridge.py", "str(exc.strerror)"): "an OS error's fixed text",
}
_LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical"}


def _project_exception_classes() -> set[type[BaseException]]:
    for info in pkgutil.walk_packages([str(ROOT)], prefix="desktop_app."):
        if info.name.endswith("__main__"):
            continue
        importlib.import_module(info.name)
    found: set[type[BaseException]] = set()
    todo: list[type[BaseException]] = [BaseException]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub not in found:
                todo.append(sub)
                if sub.__module__.startswith("desktop_app"):
                    found.add(sub)
    return found


def _handler_names(tree: ast.AST, app_errors: set[str]) -> dict[int, set[str]]:
    """id(node) -> names bound by enclosing ``except <AppError subclasses> as name`` clauses:
    such an exception's message is itself one of the messages this walk vets."""
    bound: dict[int, set[str]] = {}

    def visit(node: ast.AST, names: frozenset[str]) -> None:
        if isinstance(node, ast.ExceptHandler) and node.name and node.type is not None:
            types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            caught = {ast.unparse(t).rsplit(".", 1)[-1] for t in types}
            if caught <= app_errors:
                names = names | {node.name}
        bound[id(node)] = set(names)
        for child in ast.iter_child_nodes(node):
            visit(child, names)

    visit(tree, frozenset())
    return bound


def _message_sites(class_names: set[str], app_errors: set[str]):  # type: ignore[no-untyped-def]
    """(file, line, expression, vetted-by-type) of every value interpolated into a message."""
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        handlers = _handler_names(tree, app_errors)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in NOT_MESSAGES:
                continue
            is_log = (
                isinstance(func, ast.Attribute)
                and name in _LOG_METHODS
                and isinstance(func.value, ast.Name)
                and func.value.id in ("log", "logger", "logging")
            )
            builds = name in class_names or name in ("Payload", "SkippedEntry")
            message_kw = [k.value for k in node.keywords if k.arg in ("message", "reason")]
            if name == "N_":  # a core message marked for translation: its fields are its kwargs
                message_kw = [k.value for k in node.keywords]
            if not (is_log or builds or message_kw):
                continue
            caught = handlers.get(id(node), set())
            args = [*node.args, *message_kw] if builds or is_log else message_kw
            exprs: list[ast.expr] = []
            for i, arg in enumerate(args):
                nested_n = isinstance(arg, ast.Call) and getattr(arg.func, "id", "") == "N_"
                if (
                    (is_log and i > 0 and not isinstance(arg, ast.JoinedStr))
                    or (builds and not is_log and isinstance(arg, ast.Name | ast.Call))
                    or (name == "N_" and not isinstance(arg, ast.Constant | ast.JoinedStr))
                ) and not nested_n:  # (an N_() message is walked as its own call, field by field)
                    exprs.append(arg)  # a %-style log argument, a message passed through, a field
                exprs += [sub.value for sub in ast.walk(arg) if isinstance(sub, ast.FormattedValue)]
            for expr in exprs:
                used = {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}
                text = ast.unparse(expr)
                by_type = bool(used) and used <= caught | {"str"} and "exc" in text
                yield rel, node.lineno, text, by_type


#: calls that build something other than a message for a person
NOT_MESSAGES = {"_Reply", "Reply"}  # the emulator's HTTP error replies (a JSON body)


def test_every_message_class_interpolates_only_vetted_values() -> None:
    classes = _project_exception_classes()
    names = {c.__name__ for c in classes}
    # the walk sees the known families
    for family in ("OtpError", "VaultError", "ImportFormatError", "ScanError", "PortalError",
                   "CliError", "ExportError", "BackupError", "SettingError"):  # fmt: skip
        assert family in names
    assert len(classes) >= 35
    # every class a person can see is an AppError (one clear line in the CLI and the GUI)
    # control flow inside the GUI start, the self-test and the emulator (HTTP error replies);
    # the Secret Service client's errors, which KeyStore turns into KeyringUnavailableError
    internal = {"_Cancelled", "Skipped", "_Reply", "Reply", "_NeedPassword"}
    internal |= {"JsonTooComplex"}  # a ValueError detectors take as "not JSON"; never shown
    internal |= {"KeyringLockedError", "PasswordDeleteError"}
    internal |= {"FolderUnreachable"}  # an OSError the sync service turns into its status line
    internal |= {"PictureRefused"}  # its translatable reason goes into an IconPackError's message
    assert {c.__name__ for c in classes if not issubclass(c, AppError)} <= internal
    suspicious = []
    sites = 0
    app_errors = {c.__name__ for c in classes if issubclass(c, AppError)}
    used: set[tuple[str, str]] = set()
    for rel, line, expr, by_type in _message_sites(names, app_errors):
        sites += 1
        if (rel, expr) in VETTED:
            used.add((rel, expr))
        elif SUSPECT.search(expr) and not by_type:
            suspicious.append(f"{rel}:{line}: {{{expr}}}")
    assert sites > 100
    assert set(VETTED) - used == set(), "vetted entries that no longer exist"
    assert not suspicious, "values that may hold a secret reach a message:\n" + "\n".join(
        suspicious
    )


@pytest.mark.parametrize("cls_name", ["PortalError", "VaultError", "ScanError", "OtpError"])
def test_default_messages_are_fixed_text(cls_name: str) -> None:
    cls = next(c for c in _project_exception_classes() if c.__name__ == cls_name)
    for sub in [cls, *cls.__subclasses__()]:
        default = getattr(sub, "default_message", "")
        assert "{" not in default and SECRET not in default


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain", "plain"),
        ("a\r\nb\tc", "a b c"),
        ("\x1b[2J\x07bell\x9b", "bell"),
        ("\x1b]0;title\x07 after \x1b[31mred", "after red"),
        ("right\u202eleft\u2066x\u2069", "right left x"),
        (None, ""),
        (42, "42"),
    ],
)
def test_shown_text_strips_controls(raw: object, expected: str) -> None:
    from desktop_app.text import shown_text

    assert shown_text(raw) == expected


def test_shown_text_caps_huge_text_fast() -> None:
    import time

    from desktop_app.text import MAX_SHOWN, shown_text

    start = time.monotonic()
    text = shown_text("y" * 50_000_000)
    assert time.monotonic() - start < 1.0
    assert len(text) == MAX_SHOWN and text.endswith("…")
