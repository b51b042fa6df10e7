"""``--version`` answers without importing the command modules' heavy dependencies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import builtins, io, json, sys, contextlib
compiled = []  # text compiled at run time (a NamedTuple's string annotations are; a module
_compile = builtins.compile  # without bytecode is compiled from bytes, not counted)
def _counted(source, *args, **kwargs):
    if isinstance(source, str):
        compiled.append(source)
    return _compile(source, *args, **kwargs)
builtins.compile = _counted
from desktop_app.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        status = main(sys.argv[1:])
    except SystemExit as exc:  # argparse's own --version action
        status = exc.code
print(json.dumps({"status": status, "out": out.getvalue(), "modules": sorted(sys.modules),
                  "compiled": compiled}))
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


def test_list_loads_only_the_command_module_it_needs() -> None:
    result = _run("list", "--help")
    assert result["status"] == 0
    assert "--json" in result["out"]
    loaded = set(result["modules"])
    assert "desktop_app.cli.accounts" in loaded
    assert "desktop_app.cli.portal" not in loaded
    assert "desktop_app.portal.errors" not in loaded


def test_help_without_a_command_still_lists_every_command() -> None:
    result = _run("--help")
    assert result["status"] == 0
    for command in ("list", "decode", "portal", "export"):
        assert command in result["out"]


def test_a_value_of_a_global_option_is_not_taken_for_the_command() -> None:
    result = _run("--data-dir", "portal", "list", "--help")
    assert result["status"] == 0
    assert "desktop_app.cli.portal" not in set(result["modules"])


def test_list_json_loads_no_code_generator_importer_or_backup_writer(tmp_path: Path) -> None:
    """``list --json`` (no codes) reads the vault and prints: pyotp, the importers, the Aegis
    backup writer, dataclasses (and on Linux keyring and logging) are loaded only where used
    (start-up time)."""
    from desktop_app.otp.model import Entry
    from desktop_app.vault import KeyStore, Vault

    with Vault.open(tmp_path, keystore=KeyStore()) as vault:  # the session's real keyring
        vault.add(Entry("JBSWY3DPEHPK3PXP", "Example", "me@example.com"))
    result = _run("--data-dir", str(tmp_path), "list", "--json")
    assert result["status"] == 0
    assert [row["issuer"] for row in json.loads(result["out"])] == ["Example"]
    loaded = set(result["modules"])
    heavy_modules = ["pyotp", "desktop_app.importers", "desktop_app.exporters.aegis", "uuid"]
    heavy_modules.append("dataclasses")  # the value classes are plain ones (inspect, ast, dis)
    # the vault's random bytes come from os.urandom (secrets loads hmac and random)
    heavy_modules.append("secrets")
    if sys.platform.startswith("linux"):  # the Secret Service is reached without keyring
        heavy_modules.append("keyring")
        heavy_modules.append("logging")  # set up at the first line logged: none here
    for heavy in heavy_modules:
        assert heavy not in loaded, heavy
    # the process's first compile() builds Python's AST types (~10 M instructions): nothing on
    # this path compiles source (typing does for a NamedTuple's string annotations)
    assert result["compiled"] == []
