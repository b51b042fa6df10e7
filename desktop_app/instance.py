"""The single-instance channel, Qt-free side: where the running window listens, how the command
line talks to it (an account matches a query by ``otp.search``, the window's rule).

The window owns a ``QLocalServer`` listening on :func:`socket_path` (on Linux an ``AF_UNIX``
socket at that path, which Python's ``socket`` module reaches directly). The protocol is one
request line, one reply line (UTF-8, ``\\n``-terminated):

* ``raise`` -> ``ok``: show and raise the main window;
* ``quick`` -> ``ok``: open the quick-copy window;
* ``copy QUERY`` -> ``ok\\tLABEL\\tCLEAR_SECONDS`` | ``none`` | ``many\\tLABEL\\tLABEL...`` |
  ``locked``. Replies never carry a code or a secret.
"""

from __future__ import annotations

import hashlib
import os
import socket
import tempfile
from pathlib import Path

from desktop_app.otp.model import Entry

TIMEOUT = 3.0
MAX_LINE = 64 * 1024


def socket_path(data_dir: Path) -> Path:
    """Per user (the runtime folder, or a private folder in /tmp named by uid) and per data
    folder (a hash of its resolved path: two vaults, two windows)."""
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode()).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        base = Path(runtime)
    else:
        base = Path(tempfile.gettempdir()) / f"desktop-authenticator-{os.getuid()}"
        base.mkdir(mode=0o700, exist_ok=True)
    return base / f"desktop-authenticator-{digest}.sock"


def label_of(entry: Entry) -> str:
    """The account's label on one line (no tab or newline: it travels in replies)."""
    return one_line(f"{entry.issuer}: {entry.name}" if entry.issuer else entry.name)


def one_line(text: str) -> str:
    return " ".join(text.split())


def send(data_dir: Path, request: str, timeout: float = TIMEOUT) -> str | None:
    """Send one request line to the running window; its reply line, or None when no window
    listens (no socket, or a stale one)."""
    path = socket_path(data_dir)
    if not path.exists():
        return None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        try:
            sock.connect(str(path))
        except OSError:
            return None
        sock.sendall(one_line(request).encode("utf-8") + b"\n")
        reply = b""
        while not reply.endswith(b"\n") and len(reply) < MAX_LINE:
            try:
                chunk = sock.recv(4096)
            except OSError:
                return None
            if not chunk:
                break
            reply += chunk
    return reply.decode("utf-8", "replace").strip() if reply else None
