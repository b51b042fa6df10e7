"""Start the stand-in desktop portal (``screen_portal_standin.py``) from a test.

    with standin_portals(tmp_path) as start:
        portal = start(response=0, text=URI)   # owns org.freedesktop.portal.Desktop until exit
        ...
        portal.calls()                         # the Screenshot calls it received

Needs the private session bus that scripts/run-tests.sh starts (dbus-run-session).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.scanning.qr_helpers import URI, qr_bgr

STANDIN = Path(__file__).with_name("screen_portal_standin.py")


def require_session_bus() -> None:
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        if os.environ.get("DESKTOP_AUTHENTICATOR_REQUIRE_KEYRING") == "1":
            pytest.fail("no D-Bus session bus (scripts/run-tests.sh starts one)")
        pytest.skip("no D-Bus session bus (run scripts/run-tests.sh)")


def desktop_png(path: Path, text: str | None) -> Path:
    """A 'desktop' screenshot (900x600): a dark screen with the QR code of ``text`` on it."""
    screen = np.full((600, 900, 3), (90, 60, 40), np.uint8)
    if text is not None:
        code = qr_bgr(text, 5)
        screen[100 : 100 + code.shape[0], 500 : 500 + code.shape[1]] = code
    assert cv2.imwrite(str(path), screen)
    return path


class StandinPortal:
    def __init__(self, log: Path, folder: Path) -> None:
        self.log = log
        self.folder = folder

    def calls(self) -> list[dict]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()]

    def screenshot_files(self) -> list[Path]:
        """The screenshot files the portal wrote that are still there."""
        return sorted(self.folder.glob("standin-portal-*/*"))


@contextlib.contextmanager
def standin_portals(folder: Path) -> Iterator[Callable[..., StandinPortal]]:
    require_session_bus()
    procs: list[subprocess.Popen[str]] = []

    def start(
        *, response: int = 0, uri_mode: str = "copy", text: str | None = URI
    ) -> StandinPortal:
        log = folder / "portal-calls.jsonl"
        image = desktop_png(folder / "desktop.png", text)
        proc = subprocess.Popen(
            [
                sys.executable,
                str(STANDIN),
                "--image",
                str(image),
                "--log",
                str(log),
                "--response",
                str(response),
                "--uri-mode",
                uri_mode,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        procs.append(proc)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", "the stand-in portal did not start"
        return StandinPortal(log, folder)

    try:
        yield start
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)
            assert proc.stdout is not None
            proc.stdout.close()
