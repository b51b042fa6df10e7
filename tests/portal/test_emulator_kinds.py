"""The emulator's account kinds (paid / trial / enforced) and its outbox, over real HTTP.

Raw httpx on purpose: these tests pin the emulator to the real portal's behaviour described in
../shared/specs/emnify-portal-api.md ("How real accounts behave"), independent of our client.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal.emulator import (
    EMAIL_CODE_LIFETIME,
    EmulatorEmail,
    EmulatorServer,
    read_outbox,
)

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"


def sha1(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode()).hexdigest()


def api(emu: EmulatorServer, path: str) -> str:
    return f"{emu.url}/api/v1{path}"


def password_login(emu: EmulatorServer, **extra: str) -> httpx.Response:
    body = {"username": USER, "password": sha1(PASSWORD), **extra}
    return httpx.post(api(emu, "/authenticate"), json=body, timeout=5)


def mfa_step(emu: EmulatorServer, mfa_token: str, code: str, **extra: object) -> httpx.Response:
    body = {"mfa_token": mfa_token, "code": code, **extra}
    return httpx.post(api(emu, "/authenticate"), json=body, timeout=5)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def sign_in(emu: EmulatorServer) -> dict[str, str]:
    """A full sign-in whatever the kind: password, then the e-mailed or TOTP code if asked."""
    first = password_login(emu).json()
    if "auth_token" in first:
        return bearer(first["auth_token"])
    keys = emu.active_keys(USER)
    code = (
        code_at(Entry(secret=keys[0].secret), emu.now()) if keys else str(emu.last_email_code(USER))
    )
    second = mfa_step(emu, first["mfa_token"], code)
    assert second.status_code == 200, second.text
    return bearer(second.json()["auth_token"])


def enable_totp(emu: EmulatorServer, headers: dict[str, str]) -> dict:
    created = httpx.post(
        api(emu, "/user/mfa"),
        headers=headers,
        json={"type": {"id": 0}, "password": sha1(PASSWORD)},
        timeout=5,
    )
    assert created.status_code == 200, created.text
    key = created.json()
    r = httpx.patch(
        api(emu, f"/user/mfa/{key['id']}"),
        headers=headers,
        json={"status": {"id": 1}, "code": code_at(Entry(secret=key["secret_key"]), emu.now())},
        timeout=5,
    )
    assert r.status_code == 204, r.text
    return key


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox.jsonl"


@pytest.fixture
def paid(outbox: Path) -> Iterator[EmulatorServer]:
    with EmulatorServer(outbox=outbox) as emu:  # paid is the default
        emu.add_user(USER, PASSWORD)
        yield emu


def test_paid_is_the_default_and_always_sends_an_e_mailed_code(paid, outbox):
    assert paid.account_kind == "paid"
    r = password_login(paid)
    assert r.status_code == 200 and set(r.json()) == {"mfa_token"}
    (mail,) = read_outbox(outbox)
    assert mail["to"] == USER and mail["purpose"] == "login"
    assert {"code", "sent_at", "valid_until"} <= set(mail)
    code = mail["code"]
    assert len(code) == 6 and any(c.isalpha() for c in code)  # letters, as the how-to says
    assert code == paid.last_email_code(USER)
    done = mfa_step(paid, r.json()["mfa_token"], code.lower())  # case does not matter
    assert done.status_code == 200 and set(done.json()) == {"auth_token", "refresh_token"}


def test_e_mailed_code_is_valid_twenty_minutes(paid):
    token = password_login(paid).json()["mfa_token"]
    code = str(paid.last_email_code(USER))
    paid.advance_clock(EMAIL_CODE_LIFETIME - 5)
    assert mfa_step(paid, token, code).status_code == 200
    token = password_login(paid).json()["mfa_token"]
    paid.advance_clock(EMAIL_CODE_LIFETIME + 1)
    late = mfa_step(paid, token, str(paid.last_email_code(USER)))
    assert late.status_code == 401


def test_wrong_e_mailed_code_is_an_empty_401_and_three_lock_the_account(paid):
    token = password_login(paid).json()["mfa_token"]
    right = str(paid.last_email_code(USER))
    wrong = "ZZZZZ9" if right != "ZZZZZ9" else "YYYYY9"
    for _ in range(2):
        r = mfa_step(paid, token, wrong)
        assert r.status_code == 401 and r.content == b""
    locked = mfa_step(paid, token, wrong)
    assert locked.status_code == 401 and locked.json()["error_code"] == 1105
    assert mfa_step(paid, token, right).status_code == 401  # locked: even the right code
    paid.advance_clock(301)
    assert password_login(paid).status_code == 200


def test_paid_totp_key_replaces_e_mail_then_deleting_it_falls_back(paid, outbox):
    headers = sign_in(paid)
    key = enable_totp(paid, headers)
    sent = len(read_outbox(outbox))
    r = password_login(paid)
    assert set(r.json()) == {"mfa_token"}
    assert len(read_outbox(outbox)) == sent  # no e-mail: the authenticator app is the method
    assert mfa_step(paid, r.json()["mfa_token"], str(paid.last_email_code(USER))).status_code == 401
    totp = code_at(Entry(secret=key["secret_key"]), paid.now())
    assert mfa_step(paid, r.json()["mfa_token"], totp).status_code == 200
    gone = httpx.delete(api(paid, f"/user/my/mfa/{key['id']}"), headers=headers, timeout=5)
    assert gone.status_code == 204
    again = password_login(paid)
    assert set(again.json()) == {"mfa_token"}
    assert len(read_outbox(outbox)) == sent + 1  # e-mailed codes again


def test_trial_has_no_mfa_until_a_totp_key_is_active(outbox):
    with EmulatorServer(account_kind="trial", outbox=outbox) as emu:
        emu.add_user(USER, PASSWORD)
        first = password_login(emu)
        assert set(first.json()) == {"auth_token", "refresh_token"}
        key = enable_totp(emu, bearer(first.json()["auth_token"]))
        second = password_login(emu)
        assert set(second.json()) == {"mfa_token"}
        code = code_at(Entry(secret=key["secret_key"]), emu.now())
        assert mfa_step(emu, second.json()["mfa_token"], code).status_code == 200
    assert read_outbox(outbox) == []  # a trial account never e-mails a code


def test_enforced_refuses_deleting_the_last_active_key_but_not_a_pending_one():
    with EmulatorServer(account_kind="enforced") as emu:
        emu.add_user(USER, PASSWORD)
        headers = sign_in(emu)
        pending = httpx.post(
            api(emu, "/user/mfa"),
            headers=headers,
            json={"type": {"id": 0}, "password": sha1(PASSWORD)},
            timeout=5,
        ).json()
        cancel = httpx.delete(api(emu, f"/user/my/mfa/{pending['id']}"), headers=headers)
        assert cancel.status_code == 204  # cancelling an enrolment is allowed
        key = enable_totp(emu, headers)
        refused = httpx.delete(api(emu, f"/user/my/mfa/{key['id']}"), headers=headers, timeout=5)
        assert refused.status_code == 403
        body = refused.json()
        assert (body["error_code"], body["error_token"]) == (1104, "Forbidden")
        assert "mandatory" in body["message"]
        assert [k.id for k in emu.active_keys(USER)] == [key["id"]]


def test_per_user_kind_overrides_the_servers():
    with EmulatorServer(account_kind="paid") as emu:
        emu.add_user(USER, PASSWORD, account_kind="trial")
        assert "auth_token" in password_login(emu).json()
    with pytest.raises(ValueError):
        EmulatorServer(account_kind="free")


def test_trusted_device_skips_the_e_mailed_code(paid, outbox):
    token = password_login(paid).json()["mfa_token"]
    device = {"fingerprint": "fp-9", "operating_system": "Linux", "browser": "Desktop Auth"}
    done = mfa_step(paid, token, str(paid.last_email_code(USER)), trusted_device=device)
    headers = bearer(done.json()["auth_token"])
    sent = len(read_outbox(outbox))
    assert "auth_token" in password_login(paid, fingerprint="fp-9").json()
    assert len(read_outbox(outbox)) == sent
    for path in (
        "/user/my/mfa/trusted_device",
        f"/user/{USER}/mfa/trusted_device",
        "/user/mfa/trusted_device",
    ):
        (item,) = httpx.get(api(paid, path), headers=headers).json()
        assert set(item) == {"id", "operating_system", "browser", "activation_date"}
    forget = httpx.delete(api(paid, f"/user/mfa/trusted_device/{item['id']}"), headers=headers)
    assert forget.status_code == 204
    assert httpx.get(api(paid, "/user/my/mfa/trusted_device"), headers=headers).json() == []
    assert "mfa_token" in password_login(paid, fingerprint="fp-9").json()


def test_on_email_callback_gets_every_message():
    heard: list[EmulatorEmail] = []
    with EmulatorServer(on_email=heard.append) as emu:
        emu.add_user(USER, PASSWORD)
        password_login(emu)
        password_login(emu)
        assert [m.code for m in heard] == [m.code for m in emu.emails] and len(heard) == 2
        outbox = httpx.get(f"{emu.url}/_emulator/outbox", timeout=5).json()
        assert [m["code"] for m in outbox] == [m.code for m in heard]


def test_command_line_account_kind_and_outbox(tmp_path):
    """``python -m desktop_app.portal.emulator`` (what ``portal-emulator`` runs) with the flags."""
    outbox = tmp_path / "mail.jsonl"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop_app.portal.emulator",
            "--port",
            "0",
            "--account-kind",
            "enforced",
            "--outbox",
            str(outbox),
            "--user",
            USER,
            "--password",
            PASSWORD,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split(" at ", 1)[1].strip()
        state = httpx.get(f"{url}/_emulator/state", timeout=5).json()
        assert state["account_kind"] == "enforced"
        body = {"username": USER, "password": sha1(PASSWORD)}
        r = httpx.post(f"{url}/api/v1/authenticate", json=body, timeout=5)
        assert set(r.json()) == {"mfa_token"}
        (mail,) = [json.loads(line) for line in outbox.read_text().splitlines()]
        assert mail["to"] == USER and mail["code"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_no_retry_after_header_unless_asked(paid):
    """None is documented: the real portal's 429 and lockout answers carry no Retry-After."""
    paid.set_rate_limits(auth=0)
    limited = password_login(paid)
    assert limited.status_code == 429 and "Retry-After" not in limited.headers
    assert limited.json()["error_code"] == 1105
    paid.set_rate_limits(auth=100)
    for _ in range(3):
        locked = httpx.post(
            api(paid, "/authenticate"), json={"username": USER, "password": sha1("x")}, timeout=5
        )
    assert locked.status_code == 401 and "Retry-After" not in locked.headers
    with EmulatorServer(retry_after_header=True) as emu:
        emu.set_rate_limits(auth=0)
        assert int(password_login(emu).headers["Retry-After"]) > 0


def test_e_mail_method_listed_when_asked():
    """Whether e-mail MFA shows in a user's ``mfa`` list is unknown: the switch shows it, and
    a client must then act only on keys of the TOTP type."""
    with EmulatorServer(email_type_listed=True) as emu:
        emu.add_user(USER, PASSWORD)
        token = mfa_step(
            emu, password_login(emu).json()["mfa_token"], str(emu.last_email_code(USER))
        )
        headers = bearer(token.json()["auth_token"])
        types = httpx.get(api(emu, "/user/mfa/type"), headers=headers, timeout=5).json()
        assert {t["description"] for t in types} == {"Time-Based One-Time Password", "E-Mail"}
        (listed,) = httpx.get(api(emu, "/user/my"), headers=headers, timeout=5).json()["mfa"]
        assert listed["type"]["description"] == "E-Mail" and listed["status"]["id"] == 1
        key = enable_totp(emu, headers)
        mfa = httpx.get(api(emu, "/user/my"), headers=headers, timeout=5).json()["mfa"]
        assert [m["type"]["id"] for m in mfa] == [1, 0] and mfa[1]["id"] == key["id"]
        refused = httpx.post(
            api(emu, "/user/mfa"),
            headers=headers,
            json={"type": {"id": 1}, "password": sha1(PASSWORD)},
            timeout=5,
        )
        assert refused.status_code == 422 and refused.json()["error_code"] == 1401


def test_serve_survives_closed_output_and_stops_on_ctrl_c(monkeypatch):
    import argparse

    from desktop_app.portal.emulator import cli

    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    started: list[EmulatorServer] = []
    build = cli.build_from_args

    def recording_build(args: argparse.Namespace) -> EmulatorServer:
        started.append(build(args))
        return started[-1]

    def interrupt() -> None:
        assert httpx.get(f"{started[0].url}/_emulator/state", timeout=5).status_code == 200
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_from_args", recording_build)
    monkeypatch.setattr(cli, "_idle", interrupt)
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    assert cli.serve(parser.parse_args(["--account-kind", "trial"]), out=ClosedPipe()) == 0
    with pytest.raises(httpx.ConnectError):  # stopped
        httpx.get(f"{started[0].url}/_emulator/state", timeout=2)
