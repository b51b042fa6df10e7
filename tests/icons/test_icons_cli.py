"""``icons import|list|remove`` as a real process, and accounts added or imported from the
command line getting the icon of their issuer."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from desktop_app.exporters.aegis import export_plain
from desktop_app.icons import IconLibrary
from desktop_app.otp.model import Entry
from tests.fast_kdf import FAST_CLI
from tests.icons.pack_builder import PACK_UUID, icon, pack_zip, svg

ROOT = Path(__file__).resolve().parents[2]
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@pytest.fixture
def cli(data_dir: Path):
    env = {
        **os.environ,
        "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "DESKTOP_AUTHENTICATOR_PASSWORD": "cli-test-password",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*FAST_CLI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
        )

    return run


def test_import_list_remove(cli, tmp_path: Path) -> None:
    zip_path = tmp_path / "pack.zip"
    zip_path.write_bytes(pack_zip())
    empty = cli("icons", "list")
    assert (empty.returncode, empty.stdout, empty.stderr) == (1, "", "No icon pack is installed.\n")
    done = cli("icons", "import", str(zip_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{PACK_UUID}\tTest Icons\tversion 1\t4 icons\n"
    again = cli("icons", "import", str(zip_path))
    assert again.returncode == 2
    assert again.stderr == "desktop-authenticator: Test Icons version 1 is already installed.\n"
    listed = cli("icons", "list", "--json")
    assert json.loads(listed.stdout) == [
        {"uuid": PACK_UUID, "name": "Test Icons", "version": 1, "icons": 4}
    ]
    gone = cli("icons", "remove", PACK_UUID)
    assert (gone.returncode, gone.stdout) == (0, "removed Test Icons (version 1)\n")
    missing = cli("icons", "remove", PACK_UUID)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_bytes(b"not a zip"), "not an icon pack"),
        (lambda p: None, "no such file"),
        (
            lambda p: p.write_bytes(
                pack_zip(icons=[icon("../x.svg", "x")], files={"../x.svg": svg("#000")})
            ),
            "names a file outside itself: ../x.svg.",
        ),
        (
            lambda p: p.write_bytes(
                pack_zip(files={"SVG/GitHub.svg": svg("#000", "<script>x()</script>")})
            ),
            "SVG/GitHub.svg in the pack was refused: it holds a <script> element.",
        ),
    ],
)
def test_bad_packs_get_one_line(cli, tmp_path: Path, make, expected: str) -> None:
    path = tmp_path / "bad.zip"
    make(path)
    out = cli("icons", "import", str(path))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith("desktop-authenticator: ") and out.stderr.count("\n") == 1
    assert expected in out.stderr
    assert cli("icons", "list").returncode == 1  # nothing was kept


def test_added_and_imported_accounts_get_the_icon_of_their_issuer(
    cli, data_dir: Path, tmp_path: Path
) -> None:
    IconLibrary.of(data_dir).install(pack_zip())
    added = cli("add", f"otpauth://totp/GitHub:me?secret={SECRET}&issuer=GitHub")
    assert added.returncode == 0, added.stderr
    backup = tmp_path / "aegis.json"
    backup.write_bytes(
        export_plain([Entry(secret="JBSWY3DPEHPK3PXP", issuer="Battle.net", name="p")])
    )
    imported = cli("import", str(backup))
    assert imported.returncode == 0, imported.stderr
    from desktop_app.vault import Vault

    vault = Vault.open_with_password(data_dir, "cli-test-password")
    try:
        icons = {e.issuer: e.icon for e in vault.entries()}
    finally:
        vault.close()
    assert icons["GitHub"] is not None and b"#000000" in icons["GitHub"].data
    assert icons["Battle.net"] is not None and b"#00ff00" in icons["Battle.net"].data
