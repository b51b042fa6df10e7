"""Several writers on one vault with the window open (issue 21): terminal commands in two other
processes add and remove accounts while the window makes its own edits; afterwards every process
sees every change and nothing is lost."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.otp.model import Entry

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "several writers"
OPS_PER_CHILD = 100  # two children: 200 command-line adds and removes

# A child runs the command line's own main() for every operation (each one opens the vault,
# saves, closes, as a terminal command does), without paying a process start per operation.
CHILD = r"""
import base64, io, json, os, sys, contextlib
from tests import fast_kdf
fast_kdf.install()
from desktop_app.cli import main
tag, data_dir, ops = sys.argv[1], sys.argv[2], int(sys.argv[3])
added, removed = {}, []
for i in range(ops):
    out = io.StringIO()
    if i % 4 == 3:  # every fourth operation removes the last account this child added
        uuid = list(added)[-1]
        with contextlib.redirect_stdout(out):
            status = main(["--data-dir", data_dir, "remove", uuid])
        removed.append(added.pop(uuid))
    else:
        secret = base64.b32encode(os.urandom(10)).decode()
        with contextlib.redirect_stdout(out):
            status = main(["--data-dir", data_dir, "add", f"otpauth://totp/{tag}{i}:u?secret={secret}"])
        uuid = out.getvalue().split("\t")[0]
        added[uuid] = f"{tag}{i}"
    assert status == 0, (i, status, out.getvalue())
print(json.dumps({"kept": sorted(added.values()), "removed": removed}))
"""


def _secret(i: int) -> str:
    return base64.b32encode(bytes([i % 256]) * 10).decode()


@pytest.fixture
def password_services(data_dir: Path):
    from desktop_app.app import AppServices
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings
    from desktop_app.vault import KeyStore, Vault

    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=KeyStore.memory())
    svc.vault = Vault.open_with_password(data_dir, PASSWORD)
    yield svc
    svc.close()


def _labels(entries: list[Entry]) -> list[str]:
    return sorted(e.issuer for e in entries)


def test_window_and_two_command_lines_lose_nothing(password_services, data_dir, qtbot, monkeypatch):
    from desktop_app.ui.edit_dialog import EditDialog
    from desktop_app.vault import Vault
    from tests.ui.helpers_main import Recorder, make_window

    window = make_window(password_services, qtbot, monkeypatch, Recorder())
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DESKTOP_AUTHENTICATOR_PASSWORD": PASSWORD,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, tag, str(data_dir), str(OPS_PER_CHILD)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("A", "B")
    ]
    # The window's own edits in between: adds, and renames of its accounts through the vault.
    mine: list[Entry] = []
    i = 0
    while any(c.poll() is None for c in children) and i < 400:
        if i % 2 == 0:
            mine.append(window.vault.add(Entry(secret=_secret(len(mine)), issuer=f"W{len(mine)}")))
        else:
            e = mine[(i // 2) % len(mine)]
            window.vault.update(window.vault.get(e.uuid).with_changes(note=f"edit {i}"))
        qtbot.wait(15)
        i += 1
    # An edit dialog open while changes arrive: the person's edit is saved, nothing else lost.
    target = mine[0]
    dialog = EditDialog(window, window.vault, window.vault.get(target.uuid))
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("typed while others wrote")
    extra = Vault.open_with_password(data_dir, PASSWORD)  # another writer, meanwhile
    extra.update(extra.get(target.uuid).with_changes(group="set elsewhere"))
    extra.add(Entry(secret=_secret(250), issuer="Late"))
    extra.close()
    qtbot.waitUntil(lambda: "Late" in _labels(window.model.entries()), timeout=5000)
    dialog.accept()

    results = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        results.append(json.loads(out.splitlines()[-1]))
    expected = sorted(
        [*(name for r in results for name in r["kept"]), *(e.issuer for e in mine), "Late"]
    )
    removed = {name for r in results for name in r["removed"]}
    assert len(removed) == 2 * (OPS_PER_CHILD // 4)

    # the window, without being told, shows it all within its watch's reach
    qtbot.waitUntil(lambda: _labels(window.model.entries()) == expected, timeout=5000)
    assert _labels(window.vault.entries()) == expected
    saved = window.vault.get(target.uuid)
    assert (saved.name, saved.group) == ("typed while others wrote", "set elsewhere")
    # a fresh process's view: the same, and the window's last edits are in the file
    with Vault.open_with_password(data_dir, PASSWORD) as fresh:
        assert _labels(fresh.entries()) == expected
        for e in mine[1:]:
            assert fresh.get(e.uuid).note == window.vault.get(e.uuid).note
    listed = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fast_kdf_cli.py"), "--data-dir", str(data_dir),
         "list", "--json"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert sorted(row["issuer"] for row in json.loads(listed.stdout)) == expected
    assert not removed & set(expected)


def test_a_change_from_another_process_reaches_the_window_by_itself(
    password_services, data_dir, qtbot, monkeypatch
):
    from desktop_app.vault import Vault
    from tests.ui.helpers_main import Recorder, make_window

    window = make_window(password_services, qtbot, monkeypatch, Recorder())
    window.vault.add(Entry(secret=_secret(1), issuer="Mine"))
    with (
        qtbot.waitSignal(window.vault_watch.refreshed, timeout=3000),
        Vault.open_with_password(data_dir, PASSWORD) as other,
    ):
        other.add(Entry(secret=_secret(2), issuer="Theirs"))
    qtbot.waitUntil(lambda: _labels(window.model.entries()) == ["Mine", "Theirs"], timeout=1000)


def test_a_refused_file_is_said_once_and_changes_nothing(
    password_services, data_dir, qtbot, monkeypatch
):
    from desktop_app.vault.store import VAULT_FILE
    from tests.ui.helpers_main import Recorder, make_window

    window = make_window(password_services, qtbot, monkeypatch, Recorder())
    window.vault.add(Entry(secret=_secret(1), issuer="Kept"))
    told: list[str] = []
    window.vault_watch.failed.connect(told.append)
    (data_dir / VAULT_FILE).write_bytes(b"not json")
    qtbot.waitUntil(lambda: bool(told), timeout=3000)
    assert window.vault_watch.check() is False
    assert len(told) == 1 and "not JSON" in told[0]
    assert _labels(window.model.entries()) == ["Kept"]
