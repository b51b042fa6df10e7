"""Where the app keeps its files: the XDG folders platformdirs would give, found without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from desktop_app.paths import APP_DIR_NAME, ENV_DATA_DIR, AppPaths

XDG = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


def _platformdirs() -> AppPaths:
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
    )


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"XDG_DATA_HOME": "/srv/data", "XDG_CONFIG_HOME": "/srv/conf", "XDG_STATE_HOME": "/s"},
        {"XDG_DATA_HOME": "", "XDG_CONFIG_HOME": "/srv/conf/"},
        {"XDG_STATE_HOME": "relative/state"},  # ignored by the XDG spec: platformdirs decides
        {"HOME": "not/absolute"},
    ],
    ids=["defaults", "all set", "empty and trailing slash", "relative", "relative home"],
)
def test_the_folders_are_the_ones_platformdirs_gives(tmp_path, monkeypatch, env) -> None:
    monkeypatch.delenv(ENV_DATA_DIR, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert AppPaths.resolve() == _platformdirs()


def test_resolving_the_folders_does_not_import_platformdirs_on_linux(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in XDG and k != ENV_DATA_DIR}
    env["HOME"] = str(tmp_path)
    code = (
        "import sys; from desktop_app.paths import AppPaths; p = AppPaths.resolve(); "
        "print(p.log_dir, 'platformdirs' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    log_dir, imported = out.stdout.split()
    assert log_dir == str(tmp_path / ".local" / "state" / APP_DIR_NAME / "log")
    assert imported == ("False" if sys.platform.startswith("linux") else "True")


def test_a_chosen_folder_keeps_everything_together(tmp_path) -> None:
    paths = AppPaths.resolve(tmp_path / "portable")
    assert paths.data_dir == tmp_path / "portable"
    assert paths.config_dir == tmp_path / "portable" / "config"
    assert paths.log_dir == tmp_path / "portable" / "logs"
