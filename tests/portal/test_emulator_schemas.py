"""Every emulator answer against the JSON schemas of tests/portal/schemas/ (written from the
published OpenAPI description; see schema_check.py), on every account kind.

The conftest's autouse ``schema_checked_answers`` checks the answers of every portal test; this
file drives a tour that reaches every call and its documented error answers, and proves the
checker and the schemas are not vacuous.
"""

from __future__ import annotations

import hashlib
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal.emulator import CALLS, EmulatorServer, Exchange

from .schema_check import CALL_SCHEMAS, SchemaChecker, load_documents

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"
OTHER = "bob@example.com"


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


class Tour:
    """Calls the emulator over HTTP; checks each request body against its schema first."""

    def __init__(self, emu: EmulatorServer, checker: SchemaChecker) -> None:
        self.emu = emu
        self.checker = checker
        self.headers: dict[str, str] = {}
        self.count = 0

    def call(
        self, call: str, method: str, path: str, body: Any = None, *, valid_request: bool = True
    ) -> httpx.Response:
        if valid_request:
            assert self.checker.request_problems(call, body) == [], (call, body)
        self.count += 1
        r = httpx.request(
            method, f"{self.emu.url}{path}", json=body, headers=self.headers, timeout=5
        )
        return r

    def sign_in(self) -> None:
        first = self.call(
            "authenticate",
            "POST",
            "/api/v1/authenticate",
            {"username": USER, "password": sha1(PASSWORD)},
        ).json()
        if "mfa_token" in first:
            keys = self.emu.active_keys(USER)
            code = (
                code_at(Entry(secret=keys[0].secret), self.emu.now())
                if keys
                else str(self.emu.last_email_code(USER))
            )
            first = self.call(
                "authenticate",
                "POST",
                "/api/v1/authenticate",
                {"mfa_token": first["mfa_token"], "code": code},
            ).json()
        self.headers = {"Authorization": f"Bearer {first['auth_token']}"}


def tour(emu: EmulatorServer, checker: SchemaChecker) -> int:
    """Reach every call, with its success and its main error answers; returns the calls made."""
    t = Tour(emu, checker)
    auth = "/api/v1/authenticate"
    # failed logins, lockout, malformed and null bodies
    wrong = {"username": USER, "password": sha1("wrong")}
    t.call("authenticate", "POST", auth, wrong)
    t.call("authenticate", "POST", auth, {"username": "nobody@example.com", "password": "0" * 40})
    t.call("authenticate", "POST", auth, {"application_token": "nope"})
    t.call("authenticate", "POST", auth, {"refresh_token": "nope"})
    t.call("authenticate", "POST", auth, {"nothing": 1}, valid_request=False)
    t.call("authenticate", "POST", auth, {"username": USER, "password": None}, valid_request=False)
    t.sign_in()
    assert t.headers
    # the documents of the MFA key lifecycle
    t.call("mfa_types", "GET", "/api/v1/user/mfa/type")
    t.call("mfa_statuses", "GET", "/api/v1/user/mfa/status")
    t.call("create_key", "POST", "/api/v1/user/mfa", {"type": {"id": 0}, "password": "bad"})
    t.call("create_key", "POST", "/api/v1/user/mfa", {"type": {"id": 0}}, valid_request=False)
    t.call("create_key", "POST", "/api/v1/user/mfa", {"type": {"id": 42}, "password": "x"})
    created = t.call(
        "create_key", "POST", "/api/v1/user/mfa", {"type": {"id": 0}, "password": sha1(PASSWORD)}
    ).json()
    t.call(
        "create_key", "POST", "/api/v1/user/mfa", {"type": {"id": 0}, "password": sha1(PASSWORD)}
    )
    key = f"/api/v1/user/mfa/{created['id']}"
    good = code_at(Entry(secret=created["secret_key"]), emu.now())
    bad = f"{(int(good) + 500_000) % 1_000_000:06d}"
    t.call("activate_key", "PATCH", "/api/v1/user/mfa/987654", {"status": {"id": 1}, "code": good})
    t.call("activate_key", "PATCH", key, {"status": {"id": 1}, "code": bad})
    t.call("activate_key", "PATCH", key, {"status": {"id": 1}}, valid_request=False)
    t.call("activate_key", "PATCH", key, {"status": {"id": 1}, "code": good})
    t.call("activate_key", "PATCH", key, {"status": {"id": 1}, "code": good})  # 409
    t.call("get_user", "GET", "/api/v1/user/my")
    t.call("get_user", "GET", f"/api/v1/user/{USER}")
    t.call("get_user", "GET", f"/api/v1/user/{OTHER}")  # 403
    t.call("get_user", "GET", "/api/v1/user/nobody@example.com")  # 404
    # trusted devices: sign in again with one
    t.headers = {}
    mfa = t.call("authenticate", "POST", auth, {"username": USER, "password": sha1(PASSWORD)})
    device = {"fingerprint": "fp", "operating_system": "Linux", "browser": "Desktop Auth"}
    code = code_at(Entry(secret=created["secret_key"]), emu.now())
    done = t.call(
        "authenticate",
        "POST",
        auth,
        {"mfa_token": mfa.json()["mfa_token"], "code": code, "trusted_device": device},
    ).json()
    t.headers = {"Authorization": f"Bearer {done['auth_token']}"}
    t.call("authenticate", "POST", auth, {"refresh_token": done["refresh_token"]})
    devices = t.call("trusted_devices", "GET", "/api/v1/user/my/mfa/trusted_device").json()
    t.call("trusted_devices", "GET", f"/api/v1/user/{OTHER}/mfa/trusted_device")  # 403
    t.call("delete_trusted_device", "DELETE", "/api/v1/user/my/mfa/trusted_device/987654")
    t.call(
        "delete_trusted_device", "DELETE", f"/api/v1/user/my/mfa/trusted_device/{devices[0]['id']}"
    )
    # workspaces
    second = emu.add_workspace(USER, "Second")
    t.call("workspaces", "GET", f"/api/v2/user/{USER}/workspace")
    t.call(
        "switch_workspace",
        "POST",
        "/api/v1/authenticate/workspace",
        {"target_organisation": {"id": second.id}},
    )
    t.call(
        "switch_workspace",
        "POST",
        "/api/v1/authenticate/workspace",
        {"target_organisation": {"id": 1}},
    )  # 422
    t.call("set_default_workspace", "PUT", f"/api/v2/user/my/default_organisation/{second.id}")
    t.call("set_default_workspace", "PUT", "/api/v2/user/my/default_organisation/1")  # 404
    # administrator tools: application tokens, events
    made = t.call(
        "create_application_token",
        "POST",
        "/api/v1/application_token",
        {"description": "CI", "expiry_date": "2099-01-01T00:00:00Z", "ip": "10.0.0.0/8"},
    ).json()
    assert made["application_token"]
    t.call("create_application_token", "POST", "/api/v1/application_token", {"ip": "nope"})
    tokens = t.call("application_tokens", "GET", "/api/v1/application_token").json()
    token_path = f"/api/v1/application_token/{tokens[0]['id']}"
    t.call("revoke_application_token", "PATCH", token_path, {"status": {"id": 1}})
    t.call("revoke_application_token", "PATCH", "/api/v1/application_token/987654", {})
    t.call("user_events", "GET", "/api/v1/user/my/event?page=1&per_page=5&sort=-timestamp")
    t.call("user_events", "GET", "/api/v1/user/987654/event")  # 200 []
    t.call("user_events", "GET", "/api/v1/user/my/event?per_page=0")  # 400
    t.call("org_events", "GET", "/api/v1/event?page=1&per_page=10")
    # delete the key (refused on enforced), an unknown key
    t.call("delete_key", "DELETE", "/api/v1/user/my/mfa/987654")
    t.call("delete_key", "DELETE", f"/api/v1/user/my/mfa/{created['id']}")
    # application-token session refused MFA management, and workspace switching
    app = t.call("authenticate", "POST", auth, {"application_token": "app-tok"}).json()
    t.headers = {"Authorization": f"Bearer {app['auth_token']}"}
    emu.app_token_may_manage_mfa = False
    t.call(
        "create_key", "POST", "/api/v1/user/mfa", {"type": {"id": 0}, "password": sha1(PASSWORD)}
    )
    t.call(
        "switch_workspace",
        "POST",
        "/api/v1/authenticate/workspace",
        {"target_organisation": {"id": second.id}},
    )
    # bad and expired tokens, rate limit
    t.headers = {"Authorization": "Bearer not.a.token"}
    t.call("get_user", "GET", "/api/v1/user/my")
    t.headers = {"Authorization": f"Bearer {app['auth_token']}"}
    emu.advance_clock(241 * 60)
    t.call("mfa_types", "GET", "/api/v1/user/mfa/type")
    emu.set_rate_limits(overall=0)
    t.call("mfa_statuses", "GET", "/api/v1/user/mfa/status")
    emu.set_rate_limits(overall=2000)
    # lockout: three wrong passwords in a row
    for _ in range(3):
        t.call("authenticate", "POST", auth, wrong)
    return t.count


EXPECTED = {
    ("authenticate", 200),
    ("authenticate", 400),
    ("authenticate", 401),
    ("mfa_types", 200),
    ("mfa_types", 401),
    ("mfa_statuses", 200),
    ("mfa_statuses", 429),
    ("create_key", 200),
    ("create_key", 403),
    ("create_key", 409),
    ("create_key", 422),
    ("activate_key", 204),
    ("activate_key", 404),
    ("activate_key", 409),
    ("activate_key", 422),
    ("get_user", 200),
    ("get_user", 401),
    ("get_user", 403),
    ("get_user", 404),
    ("trusted_devices", 200),
    ("trusted_devices", 403),
    ("delete_trusted_device", 204),
    ("delete_trusted_device", 404),
    ("workspaces", 200),
    ("switch_workspace", 200),
    ("switch_workspace", 403),
    ("switch_workspace", 422),
    ("set_default_workspace", 200),
    ("set_default_workspace", 404),
    ("delete_key", 404),
    ("create_application_token", 200),
    ("create_application_token", 422),
    ("application_tokens", 200),
    ("revoke_application_token", 204),
    ("revoke_application_token", 404),
    ("user_events", 200),
    ("user_events", 400),
    ("org_events", 200),
}


@pytest.mark.parametrize("kind", ["trial", "paid", "enforced"])
def test_every_answer_of_every_call_matches_the_published_schemas(kind, schema_checked_answers):
    with EmulatorServer(account_kind=kind) as emu:
        emu.add_user(USER, PASSWORD, application_token="app-tok")
        emu.add_user(OTHER, "other-password")
        made = tour(emu, schema_checked_answers)
    checker = schema_checked_answers
    assert checker.violations == []
    assert {call for call, _ in checker.seen} == set(CALLS)
    expected = EXPECTED | {("delete_key", 403 if kind == "enforced" else 204)}
    assert expected <= checker.seen, sorted(expected - checker.seen)
    assert checker.checked == made  # every answer was checked


def test_the_schema_files_are_valid_and_cover_every_call():
    documents = load_documents()
    for doc in documents.values():
        Draft202012Validator.check_schema(doc)
        assert doc["$id"].startswith("https://schemas.invalid/")  # never fetched
    assert set(CALL_SCHEMAS.values()) | {"error"} == set(documents)


@pytest.mark.parametrize(
    "call,status,body",
    [
        (
            "trusted_devices",
            200,
            [
                {
                    "id": 1,
                    "operating_system": "L",
                    "browser": "B",
                    "activation_date": "2026-01-01T00:00:00Z",
                    "name": "x",
                }
            ],
        ),
        ("authenticate", 200, {"auth_token": "a.b.c", "mfa_token": "a.b.c"}),
        ("authenticate", 200, {"auth_token": None}),
        ("authenticate", 401, {"message": "no token"}),
        ("activate_key", 200, {}),
        ("mfa_types", 200, [{"id": "0", "description": "Time-Based One-Time Password"}]),
        ("create_key", 200, {"id": 5, "status": {"id": 0, "description": "Activation Pending"}}),
        ("get_user", 200, {"id": 1, "username": "a", "mfa": [], "esc.user": 1}),
    ],
)
def test_off_schema_answers_are_caught(call, status, body):
    checker = SchemaChecker()
    checker(Exchange("X", "/", call, status, None, body))
    assert checker.violations, (call, status, body)


@pytest.mark.parametrize(
    "call,body",
    [
        ("authenticate", {"username": "a", "password": "plain text"}),
        ("authenticate", {"username": "a", "password": sha1("x"), "code": "123456"}),
        ("authenticate", {"mfa_token": "t", "code": None}),
        ("activate_key", {"status": {"id": 1, "code": "123456"}}),
        ("activate_key", {"status": {"id": 1}, "code": 123456}),
        ("create_key", {"type": {"id": 0}, "password": "p", "extra": 1}),
        ("switch_workspace", {"target_organisation": {"id": None}}),
    ],
)
def test_off_schema_requests_are_caught(call, body):
    assert SchemaChecker().request_problems(call, body)


def test_injected_faults_are_not_held_against_the_schemas():
    checker = SchemaChecker()
    checker(Exchange("GET", "/", "get_user", 503, None, {"message": "Injected"}, True))
    assert checker.violations == [] and checker.checked == 0
