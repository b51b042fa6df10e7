"""``desktop-authenticator portal ...`` against the emulator, in-process."""

from __future__ import annotations

import io
import sys

import pytest

from desktop_app.cli import CliError, main
from desktop_app.cli.portal import parse_fault
from desktop_app.portal.session import refresh_item
from desktop_app.vault import KeyStore

from .conftest import PASSWORD, USER


@pytest.fixture
def cli(emulator, data_dir, monkeypatch):
    ks = KeyStore.memory()
    monkeypatch.setattr("desktop_app.app.KeyStore", lambda: ks)

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return main(["--data-dir", str(data_dir), "portal", *argv, "--portal-url", emulator.url])

    run.keystore = ks  # type: ignore[attr-defined]
    return run


def test_login_status_enable_disable_logout(cli, emulator, capsys):
    assert cli("login", "--user", USER, "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert cli.keystore.get(refresh_item(emulator.url, USER))
    assert cli("status") == 0  # the user is remembered in the settings
    assert "Sign-in codes: none" in capsys.readouterr().out  # no code was asked: no MFA
    assert cli("enable-2fa", "--password-stdin", "--show-secret", stdin=PASSWORD + "\n") == 0
    out = capsys.readouterr().out
    (key,) = emulator.active_keys(USER)
    assert "Two-factor authentication is on" in out and key.secret in out
    assert cli("status") == 0
    assert "authenticator app (this app's vault" in capsys.readouterr().out
    assert cli("logout") == 0
    assert cli.keystore.get(refresh_item(emulator.url, USER)) is None
    # Signing in again: the code comes from the vault.
    assert cli("login", "--user", USER, "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert "filled in" in capsys.readouterr().out
    assert cli("disable-2fa", "--yes") == 0
    out = capsys.readouterr().out
    assert "marked no longer active" in out and "key was removed" in out
    assert emulator.keys(USER) == []


def test_wrong_password_is_one_line_error(cli, capsys):
    assert cli("login", "--user", USER, "--password-stdin", stdin="nope\n") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" not in err


def test_not_signed_in(cli, capsys):
    assert cli("status", "--user", USER) == 1
    assert "portal login" in capsys.readouterr().err


def test_devices_and_pending_cancel(cli, emulator, capsys):
    assert cli("login", "--user", USER, "--password-stdin", stdin=PASSWORD + "\n") == 0
    emulator.inject_fault("activate_key", "error", status=500)
    assert cli("enable-2fa", "--password-stdin", stdin=PASSWORD + "\n") == 2
    assert cli("status") == 0
    assert "pending" in capsys.readouterr().out
    assert cli("enable-2fa", "--cancel") == 0
    assert emulator.keys(USER) == []
    assert cli("devices") == 0
    assert "No trusted devices" in capsys.readouterr().out


def test_parse_fault():
    assert parse_fault("activate_key:error:500") == {
        "call": "activate_key",
        "kind": "error",
        "status": 500,
    }
    assert parse_fault("*:delay:0.5:3") == {"call": "*", "kind": "delay", "delay": 0.5, "times": 3}
    with pytest.raises(CliError):
        parse_fault("nonsense")


# A non-interactive shell's background job (``pytest ... &`` in a script, as a full-suite run
# may be) starts with SIGINT ignored, and every child inherits that: the emulator must still
# stop at Ctrl+C. The wrapper starts it the way such a shell would.
_SIGINT_IGNORED = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_IGN); "
    "os.execv(sys.executable, [sys.executable, *sys.argv[1:]])"
)


@pytest.mark.parametrize("inherited", ["default", "ignored"])
def test_portal_emulator_command_serves_until_interrupted(inherited):
    import signal
    import subprocess

    import httpx

    command = ["-m", "desktop_app", "portal-emulator", "--port", "0"]
    if inherited == "ignored":
        command = ["-c", _SIGINT_IGNORED, *command]
    proc = subprocess.Popen([sys.executable, *command], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("emnify portal emulator at http://127.0.0.1:")
        url = line.split(" at ")[1].strip()
        state = httpx.get(f"{url}/_emulator/state", timeout=5).json()
        assert state["users"] == ["demo@example.com"]
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_failure_is_a_sentence_without_its_status_code(cli, emulator, capsys, status):
    """ "(HTTP 503)" tells a person nothing: the line says what happened, the status stays on
    the error object for the log."""
    assert cli("login", "--user", USER, "--password-stdin", stdin=PASSWORD + "\n") == 0
    capsys.readouterr()
    emulator.inject_fault("create_key", "error", status=status)
    assert cli("enable-2fa", "--password-stdin", stdin=PASSWORD + "\n") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP" not in err and str(status) not in err, err
    assert emulator.keys(USER) == []


def test_portal_messages_stay_english_on_a_german_system(cli, emulator, capsys, monkeypatch):
    """The portal client's messages are marked for translation; the command line says them
    in English whatever the system's language."""
    for name in ("LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.setenv(name, "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    emulator.stop()
    assert cli("login", "--user", USER, "--password-stdin", stdin=PASSWORD + "\n") != 0
    err = capsys.readouterr().err
    assert err.strip().endswith(
        "The emnify portal cannot be reached. Check the network connection and the portal address."
    ), err
    assert "Portal ist" not in err
