"""``sync follow-aegis``, ``sync now`` and ``sync status`` with a followed Aegis folder: the real
command line in its own process, real Aegis backup files (tests/sync/test_aegis_bridge.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.sync.helpers import Computer
from tests.sync.test_aegis_bridge import SECRETS, Phone


class KeyringComputer(Computer):
    """A computer whose command line uses the session's real keyring (the test run's own
    gnome-keyring) for the backups' password; its vault still opens with the password."""

    def env(self) -> dict[str, str]:
        env = super().env()
        env.pop("PYTHON_KEYRING_BACKEND", None)
        return env


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "Aegis"
    d.mkdir()
    return d


def test_follow_then_sync_now_brings_the_phones_changes_in(tmp_path: Path, folder: Path) -> None:
    pc = Computer("pc", tmp_path / "pc", tmp_path / "unused")
    phone = Phone(folder)
    github = phone.add("GitHub", SECRETS[0])
    mail = phone.add("Mail", SECRETS[1])
    phone.backup()
    out = pc.ok("sync", "follow-aegis", str(folder))
    assert "2 added" in out
    assert pc.issuers() == ["GitHub", "Mail"]
    assert {a["issuer"]: a["id"] for a in pc.accounts()}["GitHub"] == github
    phone.entries[github]["issuer"] = "GitHub Inc."
    del phone.entries[mail]
    newest = phone.backup(at=time.time())
    out = pc.ok("sync", "now")  # a vault that is not synced: only the Aegis folder
    assert f"read {newest.name}: 1 changed, 1 removed" in out
    assert pc.issuers() == ["GitHub Inc."]
    assert "nothing new" in pc.ok("sync", "now")
    status = pc.status()["aegis_follow"]
    assert status["following"] and status["last_file"] == newest.name
    assert (status["changed"], status["removed"]) == (1, 1)
    line = pc.ok("sync", "status")
    assert f"Aegis folder: Read {newest.name} just now: 1 changed, 1 removed" in line
    assert "stopped" in pc.ok("sync", "follow-aegis", "--stop")
    assert "aegis_follow" not in pc.status()
    assert pc.issuers() == ["GitHub Inc."]


def test_encrypted_backups_wrong_password_then_right_one_kept_in_the_keyring(
    tmp_path: Path, folder: Path
) -> None:
    pc = KeyringComputer("pc", tmp_path / "pc", tmp_path / "unused")
    phone = Phone(folder, password="phone pw")
    u = phone.add("GitHub", SECRETS[0])
    phone.backup()
    wrong = pc.run("sync", "follow-aegis", str(folder), "--password-stdin", stdin="nope\n")
    assert wrong.returncode == 2
    assert "Wrong password" in wrong.stderr and len(wrong.stderr.strip().splitlines()) == 1
    assert "nope" not in wrong.stderr + wrong.stdout
    assert pc.accounts() == []
    assert "aegis_follow" not in pc.status()
    pc.ok("sync", "follow-aegis", str(folder), "--password-stdin", stdin="phone pw\n")
    assert pc.issuers() == ["GitHub"]
    phone.entries[u]["name"] = "octocat"
    phone.backup(at=time.time())
    assert "1 changed" in pc.ok("sync", "now")  # the password from the keyring
    assert [a["name"] for a in pc.accounts()] == ["octocat"]
    pc.ok("sync", "follow-aegis", "--stop")


def test_on_a_synced_vault_sync_now_carries_the_phones_changes_to_the_other_computer(
    tmp_path: Path, folder: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    laptop = Computer("laptop", tmp_path / "laptop", shared)
    desktop = Computer("desktop", tmp_path / "desktop", shared)  # one folder: no engine needed
    laptop.setup()
    phone = Phone(folder)
    phone.add("GitHub", SECRETS[0])
    phone.backup()
    laptop.ok("sync", "follow-aegis", str(folder))
    desktop.join()
    assert desktop.issuers() == ["GitHub"]
    phone.add("Bank", SECRETS[1])
    phone.backup(at=time.time())
    out = laptop.ok("sync", "now")
    assert "1 added" in out
    desktop.ok("sync", "now")
    assert desktop.issuers() == ["Bank", "GitHub"]
    assert laptop.status()["aegis_follow"]["added"] == 1
    assert "aegis_follow" not in desktop.status()  # the bridge is this computer's own
