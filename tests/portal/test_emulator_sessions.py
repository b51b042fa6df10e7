"""The emulator's sessions: JWT claims, workspaces, application tokens, null fields, the control
endpoint's loopback rule and quiet disconnects. Raw httpx over real loopback HTTP."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import socket
import struct
from collections.abc import Iterator

import httpx
import pytest

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal.emulator import EmulatorServer, control_allowed, find_null
from desktop_app.portal.emulator.handler import QuietServer

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"
TOKEN = "app-token-1"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def claims(jwt: str) -> dict:
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


@pytest.fixture
def emu() -> Iterator[EmulatorServer]:
    with EmulatorServer(account_kind="trial") as e:
        e.add_user(USER, PASSWORD, application_token=TOKEN)
        yield e


def auth(emu: EmulatorServer, body: dict) -> httpx.Response:
    return httpx.post(f"{emu.url}/api/v1/authenticate", json=body, timeout=5)


def password_headers(emu: EmulatorServer) -> dict[str, str]:
    r = auth(emu, {"username": USER, "password": sha1(PASSWORD)})
    return {"Authorization": f"Bearer {r.json()['auth_token']}"}


def app_headers(emu: EmulatorServer, token: str = TOKEN) -> dict[str, str]:
    r = auth(emu, {"application_token": token})
    assert r.status_code == 200 and set(r.json()) == {"auth_token"}, r.text
    return {"Authorization": f"Bearer {r.json()['auth_token']}"}


def test_tokens_are_jwts_with_the_documented_claims_only(emu):
    r = auth(emu, {"username": USER, "password": sha1(PASSWORD)}).json()
    c = claims(r["auth_token"])
    (ws,) = emu.workspaces(USER)
    assert c["sub"] == USER and c["esc.org"] == ws.id and c["esc.orgName"] == ws.name
    assert "esc.user" not in c  # no documented user-id claim: resolve the user by e-mail
    assert claims(r["refresh_token"])["sub"] == USER
    emu.add_active_key(USER)
    mfa = auth(emu, {"username": USER, "password": sha1(PASSWORD)}).json()["mfa_token"]
    assert claims(mfa)["sub"] == USER
    refused = httpx.get(
        f"{emu.url}/api/v1/user/my", headers={"Authorization": f"Bearer {mfa}"}, timeout=5
    )
    assert refused.status_code == 401  # an MFA token is no auth token
    by_mail = httpx.get(f"{emu.url}/api/v1/user/{USER}", headers=password_headers_or(emu))
    assert by_mail.status_code == 200 and by_mail.json()["username"] == USER


def password_headers_or(emu: EmulatorServer) -> dict[str, str]:
    """Headers of a session whatever MFA says (trusts the emulator's TOTP key)."""
    r = auth(emu, {"username": USER, "password": sha1(PASSWORD)}).json()
    if "mfa_token" in r:
        (key,) = emu.active_keys(USER)
        code = code_at(Entry(secret=key.secret), emu.now())
        r = auth(emu, {"mfa_token": r["mfa_token"], "code": code}).json()
    return {"Authorization": f"Bearer {r['auth_token']}"}


def test_workspaces_list_switch_and_default(emu):
    second = emu.add_workspace(USER, "Second workspace")
    headers = password_headers(emu)
    listed = httpx.get(f"{emu.url}/api/v2/user/{USER}/workspace", headers=headers).json()
    assert [w["name"] for w in listed][1] == "Second workspace"
    assert [w["default_workspace"] for w in listed] == [True, False]
    switched = httpx.post(
        f"{emu.url}/api/v1/authenticate/workspace",
        headers=headers,
        json={"target_organisation": {"id": second.id}},
        timeout=5,
    )
    assert switched.status_code == 200 and set(switched.json()) == {"auth_token"}
    c = claims(switched.json()["auth_token"])
    assert (c["esc.org"], c["esc.orgName"]) == (second.id, "Second workspace")
    assert httpx.get(f"{emu.url}/api/v1/user/my", headers=headers).status_code == 200  # still ok
    stranger = httpx.post(
        f"{emu.url}/api/v1/authenticate/workspace",
        headers=headers,
        json={"target_organisation": {"id": 999999}},
    )
    assert stranger.status_code == 422 and stranger.json()["error_code"] == 1401
    put = httpx.put(
        f"{emu.url}/api/v2/user/my/default_organisation/{second.id}", headers=headers, timeout=5
    )
    assert put.status_code == 200 and put.json() == {}
    fresh = auth(emu, {"username": USER, "password": sha1(PASSWORD)}).json()
    assert claims(fresh["auth_token"])["esc.org"] == second.id


def test_switching_workspace_needs_a_credentials_session(emu):
    second = emu.add_workspace(USER, "Second workspace")
    r = httpx.post(
        f"{emu.url}/api/v1/authenticate/workspace",
        headers=app_headers(emu),
        json={"target_organisation": {"id": second.id}},
    )
    assert r.status_code == 403 and r.json()["error_code"] == 1104


def test_application_token_expiry_and_workspace_scope(emu):
    second = emu.add_workspace(USER, "Second workspace")
    token = emu.add_application_token(USER, expires_in=3600, workspace=second.id)
    c = claims(app_headers(emu, token)["Authorization"].split()[1])
    assert c["esc.org"] == second.id
    emu.advance_clock(3601)
    expired = auth(emu, {"application_token": token})
    assert expired.status_code == 401 and expired.content == b""  # empty, like failed logins
    assert auth(emu, {"application_token": TOKEN}).status_code == 200  # no expiry


@pytest.mark.parametrize("allowed", [True, False])
def test_switch_for_application_token_sessions_managing_mfa(emu, allowed):
    emu.app_token_may_manage_mfa = allowed
    r = httpx.post(
        f"{emu.url}/api/v1/user/mfa",
        headers=app_headers(emu),
        json={"type": {"id": 0}, "password": sha1(PASSWORD)},
        timeout=5,
    )
    if allowed:
        assert r.status_code == 200 and r.json()["secret_key"]
    else:
        body = r.json()
        assert r.status_code == 403 and (body["error_code"], body["error_token"]) == (
            1104,
            "Forbidden",
        )
        assert "Application tokens" in body["message"]
        assert emu.keys(USER) == []
        # a credentials session still may
        ok = httpx.post(
            f"{emu.url}/api/v1/user/mfa",
            headers=password_headers(emu),
            json={"type": {"id": 0}, "password": sha1(PASSWORD)},
        )
        assert ok.status_code == 200


def test_control_endpoint_flips_the_app_token_switch(emu):
    r = httpx.post(
        f"{emu.url}/_emulator/settings", json={"app_token_may_manage_mfa": False}, timeout=5
    )
    assert r.status_code == 204 and emu.app_token_may_manage_mfa is False
    bad = httpx.post(f"{emu.url}/_emulator/settings", json={"app_token_may_manage_mfa": "no"})
    assert bad.status_code == 400 and emu.app_token_may_manage_mfa is False


@pytest.mark.parametrize(
    "path,body",
    [
        ("/api/v1/authenticate", {"username": USER, "password": None}),
        ("/api/v1/authenticate", {"application_token": TOKEN, "fingerprint": None}),
        ("/api/v1/user/mfa", {"type": {"id": None}, "password": "x"}),
    ],
)
def test_request_bodies_with_null_are_refused(emu, path, body):
    headers = password_headers(emu)
    r = httpx.post(f"{emu.url}{path}", json=body, headers=headers, timeout=5)
    assert r.status_code == 400
    assert (r.json()["error_code"], r.json()["error_token"]) == (1403, "InvalidFormat")
    assert emu.keys(USER) == []


def test_find_null_names_the_path():
    assert find_null({"a": {"b": [1, None]}}) == "a.b[1]"
    assert find_null({"a": 1, "b": "x"}) is None
    assert find_null(None) == "$"


@pytest.mark.parametrize(
    "peer,ok",
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("192.0.2.7", False),
        ("10.0.0.1", False),
        ("2001:db8::1", False),
        ("::ffff:192.0.2.7", False),
        ("not-an-address", False),
    ],
)
def test_control_endpoint_is_for_loopback_peers_only(peer, ok):
    assert control_allowed(peer) is ok
    emu = EmulatorServer()  # not started: the check needs no traffic
    status, _body = emu.control_request("POST", "clock", {"advance": 60}, peer)
    assert (status == 403) is not ok
    assert emu.clock_offset == (60 if ok else 0)


def test_a_client_that_goes_away_mid_request_leaves_no_traceback(emu, capfd, caplog):
    emu.inject_fault("get_user", "delay", delay=0.3)
    headers = password_headers(emu)
    with socket.create_connection((emu.host, emu.port), timeout=5) as sock:
        request = (
            f"GET /api/v1/user/my HTTP/1.1\r\nHost: x\r\n"
            f"Authorization: {headers['Authorization']}\r\n\r\n"
        )
        sock.sendall(request.encode())
        # close with a reset, so that the server's late answer meets a dead connection
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with socket.create_connection((emu.host, emu.port), timeout=5) as sock:
        sock.sendall(
            b"POST /api/v1/authenticate HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"
        )
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    caplog.set_level(logging.INFO, logger="desktop_app.portal.emulator")
    # the server keeps serving, and said nothing about the dead clients
    assert httpx.get(f"{emu.url}/api/v1/user/my", headers=headers, timeout=5).status_code == 200
    emu.stop()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Broken" not in err and "reset" not in err.lower()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_quiet_server_swallows_only_disconnects(capsys):
    server = QuietServer.__new__(QuietServer)  # handle_error needs no socket
    for exc in (BrokenPipeError(32, "Broken pipe"), ConnectionResetError(104, "reset")):
        try:
            raise exc
        except OSError:
            server.handle_error(None, ("127.0.0.1", 1))
    assert capsys.readouterr().err == ""
    try:
        raise RuntimeError("a real bug")
    except RuntimeError:
        server.handle_error(None, ("127.0.0.1", 1))
    assert "a real bug" in capsys.readouterr().err  # a real error still shows


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _ipv6_loopback(), reason="this machine has no IPv6 loopback")
def test_serves_on_ipv6_loopback():
    with EmulatorServer(host="::1", account_kind="trial") as emu:
        emu.add_user(USER, PASSWORD)
        assert emu.url.startswith("http://[::1]:")
        assert "auth_token" in auth(emu, {"username": USER, "password": sha1(PASSWORD)}).json()
        assert httpx.get(f"{emu.url}/_emulator/state", timeout=5).status_code == 200
