"""Core messages marked for translation (``N_``): every one is in the core catalogue with a
German translation that keeps its fields, the English text is what the core shows, and the GUI
shows an importer's error in German."""

from __future__ import annotations

import ast
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError
from desktop_app.i18n import N_, Text

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "core_de.ts"


#: messages whose German is the English (the same word in both)
SAME_IN_GERMAN = {"Token", "Token {n}", "Authenticator {n}"}


def _marked() -> set[str]:
    found = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        if "ui" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "N_":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path}: N_() needs a literal template"
                )
                found.add(first.value)
    return found


def _catalogue() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    return {
        m.findtext("source") or "": m.findtext("translation") or ""
        for m in root.iter("message")
        if m.find("translation").get("type") is None
    }


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_marked_message_is_translated_with_its_fields() -> None:
    marked, catalogue = _marked(), _catalogue()
    assert len(marked) > 50
    missing = sorted(marked - set(catalogue))
    assert not missing, f"run scripts/update-translations.sh and translate: {missing}"
    for source in marked:
        german = catalogue[source]
        words = re.sub(r"\{[^}]*\}", "", source)  # "{reason} ({field})" has none to translate
        same = source in SAME_IN_GERMAN or not re.search("[a-z]", words)
        assert german.strip() and (german != source or same), source
        assert _fields(german) <= _fields(source), source
        values = dict.fromkeys(_fields(source), 1)  # 1 fits every format spec used ({n:,})
        assert german.format(**values), source  # it formats with the English fields


def test_the_otp_and_import_messages_are_marked() -> None:
    """The Add dialog's field errors and the skipped entries' reasons are core messages."""
    marked = _marked()
    for source in (
        "The secret is too short (at least {n} Base32 characters).",
        "The digits must be a whole number.",
        "This authenticator link is invalid: {error}",
        "The export data is truncated.",
        "its algorithm MD5 is not supported",
        "{reason} ({field})",
        "Its data is malformed ({error})",
    ):
        assert source in marked, source


#: the core modules whose errors reach a window: every AppError they raise says a marked text
MARKED_MODULES = (
    "portal",
    "vault",
    "sync",
    "exporters",
    "icons",
    "importers",
    "settings.py",
    "clock.py",
)


def _app_error_names() -> set[str]:
    """The names of the project's AppError classes (every module that defines one imported)."""
    import importlib
    import pkgutil

    import desktop_app
    from desktop_app.errors import AppError

    skip = ("desktop_app.ui", "desktop_app.portal.emulator", "desktop_app.__main__")
    for info in pkgutil.walk_packages(desktop_app.__path__, "desktop_app."):
        if not info.name.startswith(skip):
            importlib.import_module(info.name)
    names, todo = set(), [AppError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


def test_the_core_errors_shown_in_windows_say_marked_texts() -> None:
    """No AppError of the portal client, the vault, sync, the exporters, icons, importers,
    settings or the clock is made from an unmarked literal or an f-string: each would stay
    English in a German window."""
    errors = _app_error_names()
    assert {"PortalProtocolError", "VaultError", "SettingError", "ClockError"} <= errors
    unmarked, checked = [], 0
    for part in MARKED_MODULES:
        base = ROOT / "desktop_app" / part
        paths = sorted(base.rglob("*.py")) if base.is_dir() else [base]
        for path in paths:
            if "emulator" in path.parts:
                continue  # the portal emulator is a test server, its texts are the server's
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") in errors):
                    continue
                checked += 1
                first = node.args[0] if node.args else None
                if isinstance(first, ast.JoinedStr) or (
                    isinstance(first, ast.Constant) and isinstance(first.value, str)
                ):
                    unmarked.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert checked > 150 and not unmarked, unmarked


def test_the_portal_vault_settings_sync_and_clock_messages_are_marked() -> None:
    marked = _marked()
    for source in (
        "Wrong e-mail address, password or code.",  # a portal error's default message
        "Too many failed attempts: the portal has locked the account. Try again in {wait}.",
        "The vault file is damaged (not JSON).",
        "The vault's content is damaged ({detail}).",
        "{setting}: at least {n}.",
        "The time server {server} did not answer within {seconds:g} s.",
        "The sync folder is not reachable: {folder}.",
        "The export cannot be written to {path}: {error}.",
    ):
        assert source in marked, source


def test_a_portal_error_keeps_its_template_through_the_server_answer() -> None:
    from desktop_app.i18n import translated
    from desktop_app.portal.errors import AccountLockedError, InvalidCredentialsError

    exc = InvalidCredentialsError()
    assert str(exc) == "Wrong e-mail address, password or code."
    assert translated(exc, lambda _c, t: t.upper()) == str(exc).upper()
    said = InvalidCredentialsError(server_message="Invalid credentials")  # the server's words
    assert translated(said, lambda _c, t: t.upper()) == "Invalid credentials"
    assert AccountLockedError.default_message.template == str(AccountLockedError())


def test_a_text_is_its_english_and_keeps_template_and_arguments() -> None:
    text = N_("The {label} holds {n:,} accounts.", label=N_("Aegis vault"), n=12000)
    assert text == "The Aegis vault holds 12,000 accounts." and isinstance(text, str)
    assert text.template == "The {label} holds {n:,} accounts."
    assert dict(text.arguments)["label"].template == "Aegis vault"


def test_import_errors_carry_their_template() -> None:
    with pytest.raises(ImportFormatError) as info:
        importers.load(b"\x00\x01 not a backup")
    message = info.value.args[0]
    assert isinstance(message, Text) and message.template.startswith("The file's format")
    assert "Any app" not in str(info.value) and str(info.value).endswith("WinAuth.")


@pytest.mark.gui
def test_the_gui_shows_import_errors_in_german(qapp) -> None:
    from desktop_app.ui import i18n

    assert i18n.install_translations(qapp, "de") == "de"
    try:
        with pytest.raises(ImportFormatError) as info:
            importers.load(b'{"version": 1, "header": {}, "db": ')
        shown = i18n.core_text(info.value)
        assert shown.startswith("Die Datei ist kein gültiges JSON"), shown
        assert i18n.core_text(N_("This {label} file is encrypted: its password is needed.",
                                 label=N_("Aegis vault"))) == (
            "Diese Datei („Aegis-Tresor“) ist verschlüsselt: Ihr Passwort wird benötigt."
        )  # fmt: skip
        assert i18n.core_text(ValueError("plain")) == "plain"
    finally:
        i18n.install_translations(qapp, "en")
    assert i18n.core_text(info.value) == str(info.value)


def _skip_reason(exc: Exception) -> str:
    from desktop_app.importers.contract import Collector

    def build() -> None:
        raise exc

    out = Collector()
    out.add("X", build)
    [skipped] = out.skipped
    return skipped.reason


def test_a_skipped_reason_keeps_its_english_and_its_template() -> None:
    import pickle

    from desktop_app.errors import OtpError

    reason = _skip_reason(OtpError(N_("The label is not valid UTF-8."), "name"))
    assert reason == "The label is not valid UTF-8 (name)"
    assert isinstance(reason, Text) and reason.template == "{reason} ({field})"
    inner = dict(reason.arguments)["reason"]
    assert inner == "The label is not valid UTF-8" and inner.reason
    assert pickle.loads(pickle.dumps(reason)) == reason  # worker processes keep it
    assert pickle.loads(pickle.dumps(inner)).reason
    assert _skip_reason(KeyError("x")) == "Its data is malformed (KeyError)"
    assert _skip_reason(ImportFormatError("")) == "Its data is malformed (ImportFormatError)"


@pytest.mark.gui
def test_a_skipped_reason_is_german_in_the_gui(qapp) -> None:
    from desktop_app.errors import OtpError
    from desktop_app.ui import i18n

    reason = _skip_reason(OtpError(N_("The label is not valid UTF-8."), "name"))
    lowercase = _skip_reason(OtpError(N_("its type is unknown"), "type"))
    assert lowercase == "Its type is unknown"
    assert i18n.install_translations(qapp, "de") == "de"
    try:
        assert i18n.core_text(reason) == "Die Bezeichnung ist kein gültiges UTF-8 (Name)"
        assert i18n.core_text(lowercase) == "Der Typ ist unbekannt"  # capitalised as in English
    finally:
        i18n.install_translations(qapp, "en")
    assert i18n.core_text(reason) == reason
