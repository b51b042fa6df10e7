"""Rules of the portal client that protect the user: an overall deadline per operation (a
dripping server cannot hold the app), no proxy for loopback, no ``null`` fields, keys acted on
only when they are of the TOTP type. Real HTTP on loopback where a server is involved."""

from __future__ import annotations

import json
import socket
import threading

import httpx
import pytest

from desktop_app.portal import errors as E
from desktop_app.portal.client import PortalClient, without_nulls
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.portal.mfa import MfaApi
from desktop_app.portal.transport import env_proxy_for

from .conftest import PASSWORD, USER


class DripServer:
    """Answers every request with a 200 whose bytes come one at a time, ``interval`` apart:
    the whole answer would take ``len(answer) * interval`` seconds (minutes)."""

    def __init__(self, interval: float, where: str) -> None:
        self.interval = interval
        self.where = where  # "headers" or "body"
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sent = 0
        self.total = 0
        self.client_gave_up = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def __enter__(self) -> DripServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.sock.close()
        self._thread.join(5)

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            body = json.dumps({"auth_token": "x" * 200}).encode()
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            head += b"X-Padding: " + b"p" * 200 + b"\r\n"
            head += f"Content-Length: {len(body)}\r\n\r\n".encode()
            if self.where == "body":
                conn.sendall(head)
                answer = body
            else:
                answer = head + body
            self.total = len(answer)
            for i in range(len(answer)):
                if self._stop.is_set():
                    return
                try:
                    conn.sendall(answer[i : i + 1])
                except OSError:
                    self.client_gave_up.set()
                    return
                self.sent += 1
                if self._stop.wait(self.interval):
                    return
            self.client_gave_up.set()  # should not be reached: it would take minutes


@pytest.mark.parametrize("where", ["headers", "body"])
def test_dripping_server_cannot_hold_an_operation(where: str) -> None:
    """A byte every 0.25 s never trips a per-read timeout; the operation's deadline (2 s here,
    30 s by default) ends it with one clear error long before the answer is complete."""
    with (
        DripServer(0.25, where) as server,
        PortalClient(server.url, timeout=20.0, deadline=2.0) as client,
    ):
        with pytest.raises(E.PortalTimeoutError) as info:
            client.login_with_password(USER, PASSWORD)
        assert "did not answer in time" in str(info.value)
        assert 0 < server.sent < server.total  # cut off mid-answer, not finished


def test_default_deadline_is_thirty_seconds() -> None:
    with PortalClient("http://127.0.0.1:9") as client:
        assert client.deadline == 30.0


def test_proxies_are_never_used_for_loopback(monkeypatch, emulator: EmulatorServer) -> None:
    # A proxy that does not exist: any use of it would fail the sign-in.
    dead = socket.socket()
    dead.bind(("127.0.0.1", 0))
    port = dead.getsockname()[1]
    dead.close()
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{port}")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert env_proxy_for(emulator.url) is None
    assert env_proxy_for("http://[::1]:8080") is None
    assert env_proxy_for("https://localhost") is None
    # ... while a real portal address gets the environment's proxy (no traffic is sent).
    assert env_proxy_for("https://cdn.emnify.net") == f"http://127.0.0.1:{port}"
    with PortalClient(emulator.url, timeout=5.0) as client:
        result = client.login_with_password(USER, PASSWORD)
        assert result.auth_token or result.mfa_token


def test_no_request_carries_a_null_field() -> None:
    assert without_nulls({"a": None, "b": {"c": None, "d": 1}, "e": [None, {"f": None}]}) == {
        "b": {"d": 1},
        "e": [{}],
    }
    bodies: list[object] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.content:
            bodies.append(json.loads(request.content))
        path = request.url.path
        if path.endswith("/authenticate"):
            return httpx.Response(200, json={"mfa_token": "m"})
        return httpx.Response(404)

    with PortalClient("http://127.0.0.1:1", transport=httpx.MockTransport(handler)) as c:
        c.login_with_password(USER, PASSWORD, fingerprint=None)
        c.verify_password(USER, PASSWORD)
        with pytest.raises(E.PortalError):
            c.complete_mfa("m", "123456", None)
    assert bodies and all("null" not in json.dumps(b) for b in bodies)
    assert all(set(b) <= {"username", "password"} for b in bodies[:2])  # type: ignore[arg-type]


def _types_handler(types: list[dict[str, object]], keys: list[dict[str, object]]):
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/user/mfa/type"):
            return httpx.Response(200, json=types)
        if path.endswith("/user/mfa/status"):
            return httpx.Response(
                200,
                json=[
                    {"id": 0, "description": "Activation Pending"},
                    {"id": 1, "description": "Active"},
                ],
            )
        if "/user/" in path and request.method == "GET":
            return httpx.Response(200, json={"id": 1, "username": USER, "mfa": keys})
        return httpx.Response(404)

    return handler


def test_totp_type_is_picked_by_description_never_as_the_only_entry() -> None:
    email_only = [{"id": 3, "description": "E-mail"}]
    with PortalClient(
        "http://127.0.0.1:1", transport=httpx.MockTransport(_types_handler(email_only, []))
    ) as c:
        c.set_tokens("token")
        with pytest.raises(E.PortalProtocolError):
            MfaApi(c).totp_type_id()
    types = [
        {"id": 3, "description": "E-mail"},
        {"id": 0, "description": "Time-Based One-Time Password"},
    ]
    keys = [
        {
            "id": 10,
            "type": {"id": 3, "description": "E-mail"},
            "status": {"id": 1, "description": "Active"},
        },
        {
            "id": 11,
            "type": {"id": 0, "description": "Time-Based One-Time Password"},
            "status": {"id": 0, "description": "Activation Pending"},
        },
    ]
    with PortalClient(
        "http://127.0.0.1:1", transport=httpx.MockTransport(_types_handler(types, keys))
    ) as c:
        c.set_tokens("token")
        assert MfaApi(c).totp_type_id() == 0
        assert [k.id for k in MfaApi(c).totp_keys()] == [11]
        assert MfaApi(c).has_email_mfa_entry(MfaApi(c).mfa_keys())


def test_deadline_ends_a_server_that_never_answers() -> None:
    """A listening socket that never reads or answers: the operation's deadline ends the call
    (the per-read timeout here is far longer) with the timeout message."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    try:
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        with (
            PortalClient(url, timeout=600.0, deadline=1.0) as c,
            pytest.raises(E.PortalTimeoutError),
        ):
            c.login_with_password(USER, PASSWORD)
    finally:
        sock.close()
