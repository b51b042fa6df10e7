"""The package version and pyproject.toml's agree."""

from __future__ import annotations

import tomllib
from pathlib import Path

import desktop_app

ROOT = Path(__file__).resolve().parents[1]


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert desktop_app.__version__ == project["version"]
