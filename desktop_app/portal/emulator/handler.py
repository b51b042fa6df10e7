"""The emulator over HTTP: routing, the request handler, a server that takes disconnects
quietly."""

from __future__ import annotations

import json
import logging
import re
import socket
import ssl
import sys
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from desktop_app.portal.emulator.model import Exchange, Reply, error_body

if TYPE_CHECKING:
    from desktop_app.portal.emulator.server import EmulatorServer

log = logging.getLogger("desktop_app.portal.emulator")

DISCONNECTS = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)

ROUTES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("POST", re.compile(r"^/api/v1/authenticate$"), "authenticate"),
    ("POST", re.compile(r"^/api/v1/authenticate/workspace$"), "switch_workspace"),
    ("GET", re.compile(r"^/api/v1/user/mfa/type$"), "mfa_types"),
    ("GET", re.compile(r"^/api/v1/user/mfa/status$"), "mfa_statuses"),
    ("POST", re.compile(r"^/api/v1/user/mfa$"), "create_key"),
    ("PATCH", re.compile(r"^/api/v1/user/mfa/(?P<key>[^/]+)$"), "activate_key"),
    ("GET", re.compile(r"^/api/v1/user/mfa/trusted_device$"), "trusted_devices"),
    (
        "DELETE",
        re.compile(r"^/api/v1/user/mfa/trusted_device/(?P<dev>[^/]+)$"),
        "delete_trusted_device",
    ),
    ("GET", re.compile(r"^/api/v1/user/(?P<user>[^/]+)/mfa/trusted_device$"), "trusted_devices"),
    (
        "DELETE",
        re.compile(r"^/api/v1/user/(?P<user>[^/]+)/mfa/trusted_device/(?P<dev>[^/]+)$"),
        "delete_trusted_device",
    ),
    ("DELETE", re.compile(r"^/api/v1/user/(?P<user>[^/]+)/mfa/(?P<key>[^/]+)$"), "delete_key"),
    ("GET", re.compile(r"^/api/v1/user/(?P<user>[^/]+)/event$"), "user_events"),
    ("GET", re.compile(r"^/api/v1/event$"), "org_events"),
    ("GET", re.compile(r"^/api/v1/application_token$"), "application_tokens"),
    ("POST", re.compile(r"^/api/v1/application_token$"), "create_application_token"),
    (
        "PATCH",
        re.compile(r"^/api/v1/application_token/(?P<token>[^/]+)$"),
        "revoke_application_token",
    ),
    ("GET", re.compile(r"^/api/v1/user/(?P<user>[^/]+)$"), "get_user"),
    ("GET", re.compile(r"^/api/v2/user/(?P<user>[^/]+)/workspace$"), "workspaces"),
    (
        "PUT",
        re.compile(r"^/api/v2/user/(?P<user>[^/]+)/default_organisation/(?P<org>[^/]+)$"),
        "set_default_workspace",
    ),
)


class QuietServer(ThreadingHTTPServer):
    """A client that goes away mid-request is not an error worth a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, DISCONNECTS) or (
            isinstance(exc, OSError) and exc.errno in (32, 104, 103)
        ):
            log.debug("emulator: client went away mid-request")
            return
        if isinstance(exc, ssl.SSLError):
            log.debug("emulator: TLS handshake failed: %s", exc.__class__.__name__)
            return
        super().handle_error(request, client_address)


class QuietServer6(QuietServer):
    address_family = socket.AF_INET6


class Handler(BaseHTTPRequestHandler):
    server_version = "emnify-portal-emulator"
    error_content_type = "application/json"

    @property
    def emulator(self) -> EmulatorServer:
        return self.server.emulator  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("emulator: " + format, *args)

    def handle(self) -> None:
        try:
            super().handle()
        except DISCONNECTS:
            self.close_connection = True
            log.debug("emulator: client went away mid-request")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _read_body(self) -> tuple[bytes, Any, bool]:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return b"", None, False
        raw = self.rfile.read(length) if length > 0 else b""
        if not raw:
            return raw, None, True
        try:
            return raw, json.loads(raw), True
        except ValueError:
            return raw, None, False

    def _send(self, status: int, body: Any, headers: Mapping[str, str] | None = None) -> None:
        payload = b"" if body is None else json.dumps(body).encode("utf-8")
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _dispatch(self, method: str) -> None:
        emulator = self.emulator
        path = urlsplit(self.path).path
        _raw, body, body_ok = self._read_body()
        if path.startswith("/_emulator/"):
            action = path[len("/_emulator/") :]
            status, answer = emulator.control_request(
                method, action, body, str(self.client_address[0])
            )
            self._send(status, answer)
            return
        call, params = "", {}
        for route_method, pattern, name in ROUTES:
            m = pattern.match(path)
            if m and route_method == method:
                call, params = name, {k: v for k, v in m.groupdict().items() if v is not None}
                query = parse_qs(urlsplit(self.path).query)
                params.update({f"query.{k}": v[0] for k, v in query.items() if v})
                break
        if not call:
            self._send(404, error_body(1201, "NotFound", "Not found"))
            return
        emulator.count_call(call)  # every attempt, faulted or not
        fault = emulator.take_fault(call)
        if fault is not None:
            if fault.kind == "delay":
                emulator.stopping.wait(fault.delay)
            elif fault.kind == "error":
                answer = {"message": f"Injected fault (HTTP {fault.status})"}
                emulator.observe(Exchange(method, path, call, fault.status, body, answer, True))
                self._send(fault.status, answer)
                return
            elif fault.kind == "drop":
                self._drop()
                return
        if not body_ok:
            answer = error_body(None, "BadRequest", "The request body is not valid JSON")
            emulator.observe(Exchange(method, path, call, 400, None, answer))
            self._send(400, answer)
            return
        try:
            status, answer, headers = emulator.handle(
                method, call, params, self.headers, body, self.client_address[0]
            )
        except Reply as reply:
            status, answer, headers = reply.status, reply.body, reply.headers
        except Exception:  # an emulator bug: answer like a real server would
            log.exception("emulator: %s failed", call)
            status, answer, headers = 500, {"message": "Internal server error"}, {}
        if fault is not None and fault.kind == "drop_after":
            self._drop()
            return
        emulator.observe(Exchange(method, path, call, status, body, answer))
        self._send(status, answer, headers)
