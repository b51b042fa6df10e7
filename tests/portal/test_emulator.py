"""The emulator's own switches: control endpoint, clock, faults, readings of the unsure points."""

from __future__ import annotations

import subprocess
import sys

import httpx
import pytest

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal.client import PortalClient, hash_password
from desktop_app.portal.demo import start_demo
from desktop_app.portal.emulator import EmulatorServer

from .conftest import PASSWORD, USER


def api(emu: EmulatorServer, path: str) -> str:
    return f"{emu.url}/api/v1{path}"


def login(emu: EmulatorServer) -> dict[str, str]:
    r = httpx.post(
        api(emu, "/authenticate"),
        json={"username": USER, "password": hash_password(PASSWORD)},
        timeout=5,
    )
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['auth_token']}"}


def test_control_endpoint_faults_and_clock(emulator):
    headers = login(emulator)
    r = httpx.post(
        f"{emulator.url}/_emulator/fault",
        json={"call": "get_user", "kind": "error", "status": 502},
        timeout=5,
    )
    assert r.status_code == 204
    assert httpx.get(api(emulator, "/user/my"), headers=headers, timeout=5).status_code == 502
    assert httpx.get(api(emulator, "/user/my"), headers=headers, timeout=5).status_code == 200
    r = httpx.post(f"{emulator.url}/_emulator/clock", json={"advance": 241 * 60}, timeout=5)
    assert r.json()["clock_offset"] == 241 * 60
    expired = httpx.get(api(emulator, "/user/my"), headers=headers, timeout=5)
    assert expired.status_code == 401 and expired.json()["error_code"] == 1103
    state = httpx.get(f"{emulator.url}/_emulator/state", timeout=5).json()
    assert USER in state["users"] and state["calls"]["get_user"] == 3
    r = httpx.post(f"{emulator.url}/_emulator/rate-limit", json={"overall": 0}, timeout=5)
    assert r.status_code == 204
    limited = httpx.get(api(emulator, "/user/mfa/type"), headers=headers, timeout=5)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0


def test_bad_fault_is_refused(emulator):
    with pytest.raises(ValueError):
        emulator.inject_fault("nope", "error")
    r = httpx.post(f"{emulator.url}/_emulator/fault", json={"call": "x", "kind": "y"}, timeout=5)
    assert r.status_code == 400


def test_tampered_jwt_is_refused(emulator):
    headers = login(emulator)
    token = headers["Authorization"].split()[1]
    head, claims, sig = token.split(".")
    import base64
    import json

    data = json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
    data["exp"] += 10**6
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    r = httpx.get(
        api(emulator, "/user/my"), headers={"Authorization": f"Bearer {head}.{forged}.{sig}"}
    )
    assert r.status_code == 401 and r.json()["error_code"] == 1102


def test_activation_needs_status_and_a_top_level_string_code(emulator):
    headers = login(emulator)
    created = httpx.post(
        api(emulator, "/user/mfa"),
        headers=headers,
        json={"type": {"id": 0}, "password": hash_password(PASSWORD)},
    ).json()
    assert created["status"] == {"id": 0, "description": "Activation Pending"}
    assert created["type"] == {"id": 0, "description": "Time-Based One-Time Password"}
    assert created["otpauth"].startswith("otpauth://totp/")
    code = code_at(Entry(secret=created["secret_key"]), emulator.now())
    url = api(emulator, f"/user/mfa/{created['id']}")
    inside = httpx.patch(url, headers=headers, json={"status": {"id": 1, "code": code}})
    assert inside.status_code == 422 and inside.json()["error_code"] == 1402
    no_status = httpx.patch(url, headers=headers, json={"code": code})
    assert no_status.status_code == 422 and no_status.json()["error_code"] == 1402
    number = httpx.patch(url, headers=headers, json={"status": {"id": 1}, "code": int(code)})
    assert number.status_code == 422 and number.json()["error_code"] == 1403
    assert emulator.active_keys(USER) == []
    r = httpx.patch(url, headers=headers, json={"status": {"id": 1}, "code": code})
    assert r.status_code == 204
    assert emulator.active_keys(USER)[0].id == created["id"]


def test_mfa_password_must_be_hashed_by_default(emulator):
    headers = login(emulator)
    r = httpx.post(
        api(emulator, "/user/mfa"), headers=headers, json={"type": {"id": 0}, "password": PASSWORD}
    )
    assert r.status_code == 422 and r.json()["error_code"] == 1400


def test_code_drift_of_one_step_is_accepted(emulator):
    key = emulator.add_active_key(USER)
    with PortalClient(emulator.url, timeout=5) as c:
        token = c.login_with_password(USER, PASSWORD).mfa_token
        assert token
        late = code_at(Entry(secret=key.secret), emulator.now() - 30)
        assert c.complete_mfa(token, late).auth_token


def test_demo_portal_is_a_paid_account_whose_codes_reach_the_listener():
    heard: list[str] = []
    demo = start_demo(on_email=lambda mail: heard.append(mail.code))
    try:
        with PortalClient(demo.url, timeout=5) as c:
            first = c.login_with_password(demo.user, demo.password)
            assert first.mfa_token and not first.auth_token  # e-mail MFA, always on
            assert heard and heard[-1] == demo.last_code() == demo.inbox[-1].code
            assert demo.inbox[-1].to == demo.user
            assert c.complete_mfa(first.mfa_token, heard[-1]).auth_token
            c.forget_tokens()
            assert c.login_with_application_token(demo.application_token).auth_token
        assert demo.user in demo.credentials_text()
    finally:
        demo.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{demo.url}/_emulator/state", timeout=2)


def test_portal_package_does_not_import_qt():
    code = (
        "import sys, desktop_app.portal.demo, desktop_app.portal.account, desktop_app.cli.portal;"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
