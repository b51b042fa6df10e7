"""``portal tokens|recover|events`` through a pipe, against the emulator (an admin and an
Observer in one organisation)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from desktop_app.cli import main
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.vault import KeyStore

from .conftest import PASSWORD, USER
from .test_cli_kinds import Pipe

COLLEAGUE = "carl@example.com"


@pytest.fixture
def pipe() -> Iterator[Pipe]:
    p = Pipe()
    yield p
    p.close()


@pytest.fixture
def org() -> Iterator[EmulatorServer]:
    with EmulatorServer(account_kind="trial") as emu:
        emu.add_user(USER, PASSWORD)
        emu.add_user(COLLEAGUE, "carl-pw", admin=False, colleague_of=USER)
        yield emu


@pytest.fixture
def run(org, data_dir, monkeypatch, pipe):
    ks = KeyStore.memory()
    monkeypatch.setattr("desktop_app.app.KeyStore", lambda: ks)
    monkeypatch.setattr(sys, "stdin", pipe.reader)

    signed_in: set[str] = set()

    def run(*argv: str, as_user: str = USER, password: str = PASSWORD) -> int:
        if as_user not in signed_in:  # later commands resume the kept session: no line read
            pipe.write(password + "\n")
            signed_in.add(as_user)
        return main(
            [
                "--data-dir",
                str(data_dir),
                "portal",
                *argv,
                "--user",
                as_user,
                "--password-stdin",
                "--portal-url",
                org.url,
            ]
        )

    return run


def test_tokens_create_list_revoke(run, org, capsys):
    assert (
        run("tokens", "--create", "CI runner", "--expires", "2099-01-01", "--ip", "10.1.0.0/16")
        == 0
    )
    out, err = capsys.readouterr()
    token = out.strip().splitlines()[-1]
    assert "shown only this once" in err and len(token) > 20
    assert run("tokens") == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    token_id, status, _created, expiry, description = line.split("\t")
    assert status == "active" and expiry == "expires 2099-01-01, from 10.1.0.0/16"
    assert description == "CI runner" and token not in line
    assert run("tokens", "--revoke", token_id, "--yes") == 0
    assert run("tokens") == 0
    assert "\trevoked\t" in capsys.readouterr().out


def test_recover_a_colleague_names_them(run, org, capsys):
    key = org.add_active_key(COLLEAGUE)
    assert run("recover", "--for", COLLEAGUE) == 0
    out = capsys.readouterr().out
    assert COLLEAGUE in out and f"key {key.id}\tTime-Based One-Time Password\tActive" in out
    assert "No trusted devices." in out
    assert run("recover", "--for", COLLEAGUE, "--remove-key", str(key.id)) == 2
    assert "Confirmation needed" in capsys.readouterr().err
    assert org.keys(COLLEAGUE)
    assert run("recover", "--for", COLLEAGUE, "--remove-key", str(key.id), "--yes") == 0
    assert f"of {COLLEAGUE} removed" in capsys.readouterr().out
    assert org.keys(COLLEAGUE) == []


def test_events_and_observer_refusal(run, org, capsys):
    assert run("events") == 0
    out = capsys.readouterr().out
    assert "User login" in out
    assert run("events", "--organisation") == 0
    assert run("events", as_user=COLLEAGUE, password="carl-pw") == 0
    capsys.readouterr()
    assert run("events", "--organisation", as_user=COLLEAGUE, password="carl-pw") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "administrators of the organisation only" in err
    assert run("tokens", as_user=COLLEAGUE, password="carl-pw") == 2
    assert "administrators" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv,said",
    [
        (("--expires", "2001-01-01"), "The portal refused the expiry date: give a day in the"),
        (("--ip", "nonsense"), "The portal refused the IP restriction: give an address"),
    ],
)
def test_a_refused_new_token_is_one_sentence_not_the_server_s_text(run, org, capsys, argv, said):
    assert run("tokens", "--create", "CI", *argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err, err
    assert "must be" not in err and "Validation failed" not in err  # the portal's own words


def test_recover_an_unknown_or_unreachable_user_is_a_sentence(run, org, capsys):
    org.add_user("dora@example.com", "dora-pw")  # an Administrator of another organisation
    assert run("recover", "--for", "nobody@example.com") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "knows no user with the e-mail address nobody@" in err
    assert run("recover", "--for", "dora@example.com") == 2
    err = capsys.readouterr().err
    assert "does not let you reach dora@example.com" in err
    assert "administrators of the organisation only" not in err  # Ann is one: not the reason
    assert run("events", "--for", "nobody@example.com") == 2
    assert "knows no user" in capsys.readouterr().err


def test_removing_a_colleague_s_key_promises_no_e_mailed_codes(run, org, capsys, monkeypatch):
    """A trial colleague has no e-mailed codes to fall back on: the question says only that
    the key's codes are no longer asked."""
    key = org.add_active_key(COLLEAGUE)
    asked: list[str] = []
    assert run("recover", "--for", COLLEAGUE) == 0  # signs in (reads the password line)
    capsys.readouterr()

    def answer(question: str) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr("desktop_app.cli.portal._Inputs.confirm", lambda _self, q: answer(q))
    assert run("recover", "--for", COLLEAGUE, "--remove-key", str(key.id)) == 0
    assert COLLEAGUE in asked[0] and "no longer asks for its codes" in asked[0]
    assert "e-mail" not in asked[0]
    assert org.keys(COLLEAGUE)
