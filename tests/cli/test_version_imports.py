"""``--version`` answers without importing the command modules' heavy dependencies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import io, json, sys, contextlib
from desktop_app.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        status = main(sys.argv[1:])
    except SystemExit as exc:  # argparse's own --version action
        status = exc.code
print(json.dumps({"status": status, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _run(*args: str) -> dict:
    r = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return json.loads(r.stdout)


def test_version_imports_neither_the_vault_model_nor_portal_errors() -> None:
    from desktop_app import __version__

    result = _run("--version")
    assert result["status"] == 0
    assert result["out"].strip() == f"desktop-authenticator {__version__}"
    loaded = set(result["modules"])
    for heavy in ("desktop_app.otp.model", "desktop_app.portal.errors", "desktop_app.vault"):
        assert heavy not in loaded


def test_version_after_a_global_option_with_a_value_still_answers() -> None:
    result = _run("--data-dir", "/nonexistent", "--version")
    assert result["status"] == 0
    assert "desktop-authenticator" in result["out"]
