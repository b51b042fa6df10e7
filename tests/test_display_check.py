"""Without a display the app says what is missing in one line (before Qt's abort)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import app

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")


def _run(env: dict[str, str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**env, "PYTHONPATH": str(ROOT), "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "desktop_app"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _bare_env() -> dict[str, str]:
    drop = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def test_no_display_is_one_line_and_a_failure_exit(data_dir) -> None:
    done = _run(_bare_env(), data_dir)
    assert done.returncode == 69
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "neither DISPLAY nor WAYLAND_DISPLAY is set" in lines[0]
    assert "xcb" not in done.stderr.lower() and "abort" not in done.stderr.lower()
    assert not list(data_dir.glob("vault*"))  # nothing was opened or created


def test_an_unreachable_x_server_is_named(data_dir, tmp_path) -> None:
    done = _run({**_bare_env(), "DISPLAY": ":93"}, data_dir)
    assert done.returncode == 69
    assert done.stderr.strip().splitlines() == [
        "desktop-authenticator: The X server of DISPLAY=:93 cannot be reached. Check that it "
        "runs and that DISPLAY is right (start the app from your desktop session)."
    ]


def test_the_running_x_server_passes() -> None:
    display = os.environ.get("DISPLAY", "")
    assert display, "the GUI tests run under Xvfb"
    assert app.display_problem({"DISPLAY": display}) is None


def test_a_wayland_socket_passes_and_a_missing_one_is_said(tmp_path) -> None:
    env = {"WAYLAND_DISPLAY": "wayland-7", "XDG_RUNTIME_DIR": str(tmp_path)}
    problem = app.display_problem(env)
    assert problem is not None and "'wayland-7' cannot be reached" in problem
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "wayland-7"))
        server.listen(1)
        assert app.display_problem(env) is None


def test_missing_x11_libraries_are_listed_with_their_packages(monkeypatch) -> None:
    monkeypatch.setattr(
        app,
        "XCB_LIBRARIES",
        (("libxcb-cursor.so.0", "libxcb-cursor0"), ("libdoes-not-exist.so.9", "libnothing9")),
    )
    problem = app.display_problem({"DISPLAY": os.environ["DISPLAY"]})
    assert problem == (
        "Qt needs X11 libraries that are not installed. Install them, e.g.: "
        "sudo apt install libnothing9"
    )


def test_a_platform_chosen_on_purpose_is_left_to_qt() -> None:
    assert app.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert app.display_problem({"QT_QPA_PLATFORM": "xcb"}) is not None
