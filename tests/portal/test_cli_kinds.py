"""``portal`` commands on paid / enforced accounts: the e-mailed code is read from the next line
of stdin (the emulator "e-mails" it, the test writes it to the pipe as a person would)."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator

import pytest

from desktop_app.cli import main
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.vault import KeyStore

from .conftest import APP_TOKEN, PASSWORD, USER


class Pipe:
    """stdin as a pipe; the e-mailed code is written to it when the emulator sends it."""

    def __init__(self) -> None:
        r, w = os.pipe()
        self.reader = io.TextIOWrapper(os.fdopen(r, "rb"))
        self._w = os.fdopen(w, "w")
        self.forward = True

    def write(self, text: str) -> None:
        self._w.write(text)
        self._w.flush()

    def on_email(self, mail) -> None:
        if self.forward:
            self.write(f"{mail.code}\n")

    def close(self) -> None:
        self._w.close()
        self.reader.close()


@pytest.fixture(params=["paid", "enforced"])
def kind(request) -> str:
    return request.param


@pytest.fixture
def pipe() -> Iterator[Pipe]:
    p = Pipe()
    yield p
    p.close()


@pytest.fixture
def emu(kind, pipe) -> Iterator[EmulatorServer]:
    with EmulatorServer(account_kind=kind, on_email=pipe.on_email) as e:
        e.add_user(USER, PASSWORD, application_token=APP_TOKEN)
        yield e


@pytest.fixture
def run(emu, data_dir, monkeypatch, pipe):
    ks = KeyStore.memory()
    monkeypatch.setattr("desktop_app.app.KeyStore", lambda: ks)

    def run(*argv: str, stdin: str | None = None) -> int:
        if stdin is None:
            monkeypatch.setattr(sys, "stdin", pipe.reader)
        else:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return main(["--data-dir", str(data_dir), "portal", *argv, "--portal-url", emu.url])

    return run


def test_login_reads_the_e_mailed_code_from_the_next_stdin_line(run, emu, pipe, capsys):
    pipe.write(PASSWORD + "\n")
    assert run("login", "--user", USER, "--password-stdin") == 0
    out, err = capsys.readouterr()
    assert f"A code was sent to {USER}" in err and "next line of standard input" in err
    assert "Signed in" in out and "by e-mail (can't be turned off" in out
    # Enable in a new command: the password is asked and proven with /authenticate first (on a
    # paid account that "e-mails" a code nobody needs to type: not forwarded here).
    pipe.forward = False
    pipe.write(PASSWORD + "\n")
    assert run("enable-2fa", "--password-stdin") == 0
    pipe.forward = True
    out = capsys.readouterr().out
    assert "saved in this app's vault" in out and "is on" in out
    assert emu.active_keys(USER)
    assert run("logout", stdin="") == 0
    # The app's key is active and in the vault: the code is filled in, nothing is e-mailed.
    mails = len(emu.emails)
    pipe.write(PASSWORD + "\n")
    assert run("login", "--user", USER, "--password-stdin") == 0
    assert "filled in" in capsys.readouterr().out and len(emu.emails) == mails
    code = run("disable-2fa", "--yes", stdin="")
    out, err = capsys.readouterr()
    if emu.account_kind == "enforced":
        assert code == 2 and "mandatory" in err and err.count("\n") == 1
        assert emu.active_keys(USER)
        # learnt for this account, kept beyond logout: said up front, nothing sent to the portal
        assert run("logout", stdin="") == 0
        pipe.write(PASSWORD + "\n")
        assert run("login", "--user", USER, "--password-stdin") == 0
        capsys.readouterr()
        assert run("status", stdin="") == 0
        assert "organisation requires an authenticator app" in capsys.readouterr().out
        deletes = emu.calls["delete_key"]
        assert run("disable-2fa", "--yes", stdin="") == 2
        err = capsys.readouterr().err
        assert "organisation requires an authenticator app" in err and "Nothing was changed" in err
        assert emu.calls["delete_key"] == deletes
        assert emu.active_keys(USER)
    else:
        assert code == 0 and "codes come by e-mail again" in out
        assert emu.keys(USER) == []


def test_missing_code_line_is_one_clear_error(run, pipe, capsys):
    pipe.forward = False  # the code is "e-mailed" but never typed
    pipe.write(PASSWORD + "\n")
    pipe._w.close()
    assert run("login", "--user", USER, "--password-stdin") == 2
    err = capsys.readouterr().err
    assert f"A code was sent to {USER}" in err and "no further line" in err
    assert PASSWORD not in err


def test_application_token_works_for_every_action(run, emu, capsys):
    assert run("status", "--token-stdin", stdin=APP_TOKEN + "\n") == 0
    out, err = capsys.readouterr()
    assert "Sign-in codes:" in out and "application token" in err
    assert run("workspaces", "--token-stdin", stdin=APP_TOKEN + "\n") == 0
    assert "organisation" in capsys.readouterr().out


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_at_a_terminal_the_code_is_asked_for(emu, data_dir, monkeypatch, capsys, kind):
    r, w = os.pipe()
    terminal = _Terminal(os.fdopen(r, "rb"))
    writer = os.fdopen(w, "w")

    def forward(mail) -> None:
        writer.write(f"{mail.code}\n")
        writer.flush()

    emu.on_email = forward
    ks = KeyStore.memory()
    monkeypatch.setattr("desktop_app.app.KeyStore", lambda: ks)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": PASSWORD)
    monkeypatch.setattr(sys, "stdin", terminal)
    try:
        code = main(
            [
                "--data-dir",
                str(data_dir),
                "portal",
                "login",
                "--user",
                USER,
                "--portal-url",
                emu.url,
            ]
        )
    finally:
        writer.close()
        terminal.close()
    out, err = capsys.readouterr()
    assert code == 0 and "Signed in" in out
    assert f"A code was sent to {USER}" in err and "Code: " in err
