"""Issue 23, portal: a hostile server cannot blow up memory or the terminal. Replies are read
while streaming and refused past 1 MiB (declared or not), nesting is bounded without a
RecursionError, and server text is one clean line of at most 300 characters, in the client's
errors and in the CLI's stderr. Real loopback HTTP servers, no mocks."""

from __future__ import annotations

import io
import json
import resource
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop_app.cli import main
from desktop_app.portal import errors as E
from desktop_app.portal.client import MAX_REPLY_BYTES, PortalClient
from desktop_app.vault import KeyStore

HOSTILE_MESSAGE = (
    "\x1b[2J\x07evil\r\nline two\x1b]0;title\x07 " + "x" * 900_000
)  # under the 1 MiB cap


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        mode = self.server.mode  # type: ignore[attr-defined]
        try:
            if mode == "endless":  # chunked, no length, never ends on its own
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b" " * 65536
                for _ in range(100_000):  # 6.5 GB if nobody stops reading
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            elif mode == "declared":  # says 1 GiB up front
                self.send_response(200)
                self.send_header("Content-Length", str(1 << 30))
                self.end_headers()
                self.wfile.write(b" " * 65536)
            elif mode == "deep":
                self._answer(200, b"[" * 100_000 + b"]" * 100_000)
            elif mode == "deep_error":
                self._answer(400, b'{"errors": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
            elif mode == "message":
                body = {"error_code": 1101, "error_token": "\x1b[31m", "message": HOSTILE_MESSAGE}
                self._answer(401, json.dumps(body).encode())
        except (BrokenPipeError, ConnectionResetError):
            pass


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client hung up on purpose (that is the point)


@pytest.fixture
def hostile() -> Iterator[ThreadingHTTPServer]:
    server = QuietServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def _url(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("mode", ["endless", "declared"])
def test_large_replies_are_refused_while_streaming(hostile, mode):
    hostile.mode = mode  # type: ignore[attr-defined]
    before = _rss_mb()
    start = time.monotonic()
    with (
        PortalClient(_url(hostile), timeout=5.0) as client,
        pytest.raises(E.PortalProtocolError, match="larger than 1 MiB"),
    ):
        client.login_with_password("a@example.com", "pw")
    assert time.monotonic() - start < 5
    assert _rss_mb() - before < 50  # peak RSS grew by far less than the reply's size
    assert MAX_REPLY_BYTES == 1 << 20


@pytest.mark.parametrize("mode", ["deep", "deep_error"])
def test_deep_replies_are_one_clear_error(hostile, mode):
    hostile.mode = mode  # type: ignore[attr-defined]
    with PortalClient(_url(hostile), timeout=5.0) as client, pytest.raises(E.PortalError) as info:
        client.login_with_password("a@example.com", "pw")
    assert "\n" not in str(info.value) and len(str(info.value)) < 300
    if mode == "deep":
        assert "nested too deeply" in str(info.value)


def test_server_text_is_one_clean_capped_line(hostile):
    hostile.mode = "message"  # type: ignore[attr-defined]
    with (
        PortalClient(_url(hostile), timeout=5.0) as client,
        pytest.raises(E.InvalidCredentialsError) as info,
    ):
        client.login_with_password("a@example.com", "pw")
    text = str(info.value)
    assert len(text) <= 300 and text.startswith("evil line two")
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text)
    assert len(info.value.server_message) <= 300 and "\x1b" not in info.value.error_token


def test_cli_prints_one_short_line(hostile, data_dir, monkeypatch, capsys):
    hostile.mode = "message"  # type: ignore[attr-defined]
    monkeypatch.setattr("desktop_app.app.KeyStore", KeyStore.memory)
    monkeypatch.setattr(sys, "stdin", io.StringIO("pw\n"))
    argv = ["--data-dir", str(data_dir), "portal", "login", "--user", "a@example.com"]
    assert main([*argv, "--password-stdin", "--portal-url", _url(hostile)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and len(err) < 400
    assert "\x1b" not in err and "\x07" not in err and "\r" not in err
