"""Shared pieces of the main-window GUI tests (fixtures live in each test module)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import Any

from desktop_app.otp.model import Entry, OtpType


def secret_for(seed: str) -> str:
    """A deterministic 160-bit Base32 secret."""
    return base64.b32encode(hashlib.sha1(seed.encode()).digest()).decode().rstrip("=")


def sample_entries() -> list[Entry]:
    return [
        Entry(secret_for("github"), "GitHub", "octocat@example.com"),
        Entry(secret_for("google"), "Google", "jane.doe@gmail.com"),
        Entry(secret_for("emnify"), "emnify", "ops@emnify.com", digits=8),
        Entry(secret_for("bank"), "Bank", "hotp-card", type=OtpType.HOTP, counter=0),
    ]


class Recorder:
    """Replaces MainWindow.inform / ask in tests."""

    def __init__(self, answer: bool = True) -> None:
        self.informed: list[tuple[str, str]] = []
        self.asked: list[tuple[str, str]] = []
        self.answer = answer

    def inform(self, title: str, text: str, **_kw: Any) -> None:
        self.informed.append((title, text))

    def ask(self, title: str, text: str, _ok: str, **_kw: Any) -> bool:
        self.asked.append((title, text))
        return self.answer


def counting_delegate() -> type:
    """``AccountDelegate`` counting its full row paints (``paint_count``), countdown-only paints
    (``ring_paints``) and rows painted with an icon (``icon_paints``), seen from outside."""
    from desktop_app.ui.account_delegate import AccountDelegate
    from desktop_app.ui.accounts_model import ROLE_ENTRY

    class CountingDelegate(AccountDelegate):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.paint_count = self.ring_paints = self.icon_paints = 0

        def paint_row(self, painter: Any, option: Any, index: Any, **state: bool) -> None:
            super().paint_row(painter, option, index, **state)
            self.paint_count += index.data(ROLE_ENTRY) is not None

        def paint_ring_only(self, *args: Any) -> None:
            super().paint_ring_only(*args)
            self.ring_paints += 1

        def _icon_pixmap(self, entry: Any, dpr: float) -> Any:
            pixmap = super()._icon_pixmap(entry, dpr)
            self.icon_paints += pixmap is not None
            return pixmap

    return CountingDelegate


def make_window(
    services: Any, qtbot: Any, monkeypatch: Any, recorder: Recorder, **kwargs: Any
) -> Any:
    from desktop_app.ui import accounts_view
    from desktop_app.ui.main_window import MainWindow

    monkeypatch.setattr(accounts_view, "AccountDelegate", counting_delegate())
    window = MainWindow(services, **kwargs)
    monkeypatch.setattr(window, "inform", recorder.inform)
    monkeypatch.setattr(window, "ask", recorder.ask)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Under a real X server (Xvfb, no window manager) shortcuts reach only the active window.
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    return window


def wait_sync_written(qtbot: Any, watcher: Any) -> None:
    """Until the window's saves have been written to the sync folder (the sync watcher writes
    them in its worker, right after each save)."""

    def written() -> bool:
        return not (watcher.unwritten or watcher.pending or watcher.job.busy)

    qtbot.waitUntil(written, timeout=10_000)


def qr_png(text: str, path: Path, scale: int = 8) -> Path:
    import segno

    segno.make(text, error="m").save(str(path), scale=scale, border=4)
    return path


def all_file_bytes(*roots: Path) -> list[tuple[Path, bytes]]:
    out = []
    for root in roots:
        if root.exists():
            for p in root.rglob("*"):
                if p.is_file():
                    out.append((p, p.read_bytes()))
    return out
