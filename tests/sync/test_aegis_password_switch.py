"""A followed Aegis folder whose backups become encrypted (or whose password changes on the
phone): the reads stop with one line saying how to give the password once, nothing changes and
no password is derived again meanwhile; given once (following the same folder again), the
phone's changes of the meantime come in three-way (the base is kept: a deletion is seen)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop_app.sync import aegis_bridge as bridge
from desktop_app.vault import KeyStore, Vault
from tests.sync.test_aegis_bridge import SECRETS, Phone
from tests.sync.test_aegis_bridge_cli import KeyringComputer


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "AegisBackups"
    d.mkdir()
    return d


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """One item per backup opened (an encrypted one: one scrypt derivation), True when a
    password was used."""
    calls: list[bool] = []
    real = bridge.read_backup

    def counting(data: bytes, password: str | None):  # type: ignore[no-untyped-def]
        calls.append(password is not None)
        return real(data, password)

    monkeypatch.setattr(bridge, "read_backup", counting)
    return calls


def _issuers(vault: Vault) -> list[str]:
    return sorted(e.issuer for e in vault.entries())


def test_plain_then_encrypted_asks_once_and_the_password_brings_the_meantime_in(
    vault: Vault, folder: Path, memory_keystore: KeyStore, opened: list[bool]
) -> None:
    phone = Phone(folder)
    github = phone.add("GitHub", SECRETS[0])
    mail = phone.add("Mail", SECRETS[1])
    phone.backup()
    bridge.follow(vault, folder, keystore=memory_keystore)
    assert _issuers(vault) == ["GitHub", "Mail"] and opened == [False]
    # the phone turns on encryption; meanwhile it renames one account and deletes another
    phone.password = "phone pw"
    phone.entries[github]["name"] = "octocat"
    del phone.entries[mail]
    phone.backup(at=time.time())
    with pytest.raises(bridge.PasswordNeeded) as info:
        bridge.pull(vault, keystore=memory_keystore)
    message = str(info.value)
    assert message.startswith("The phone's Aegis backups are encrypted now")
    assert "Settings → Sync" in message and f"sync follow-aegis {folder}" in message
    assert "\n" not in message
    assert info.value.reason == bridge.NOW_ENCRYPTED
    assert _issuers(vault) == ["GitHub", "Mail"]  # nothing changed
    status = bridge.status(vault.data_dir)
    assert status["password_needed"] == bridge.NOW_ENCRYPTED and status["problem"] == message
    assert bridge.password_needed(vault.data_dir) == bridge.NOW_ENCRYPTED
    assert bridge.status_line(status) == message  # what `sync status` prints
    # the window's poll tries again: the same line, and no password is tried
    with pytest.raises(bridge.PasswordNeeded):
        bridge.pull(vault, keystore=memory_keystore)
    assert opened == [False]
    # a wrong password changes nothing and keeps asking
    with pytest.raises(bridge.FollowError, match="Wrong password"):
        bridge.follow(vault, folder, keystore=memory_keystore, password="wrong")
    assert bridge.password_needed(vault.data_dir) == bridge.NOW_ENCRYPTED
    assert memory_keystore.get(bridge.password_item(vault.vault_id)) is None
    # the password, once: the same folder followed again keeps the base, so the deletion on the
    # phone is seen (a first read would only add), and the backup is opened once (one scrypt)
    del opened[:]
    result = bridge.follow(vault, folder, keystore=memory_keystore, password="phone pw")
    assert (result.changed, result.removed) == (1, 1)
    assert opened == [True]
    assert [(e.issuer, e.name) for e in vault.entries()] == [("GitHub", "octocat")]
    status = bridge.status(vault.data_dir)
    assert status["encrypted"] is True and status["password_needed"] == ""
    assert status["problem"] == ""
    assert memory_keystore.get(bridge.password_item(vault.vault_id)) == "phone pw"
    # from now on the kept password opens the phone's backups
    phone.entries[github]["issuer"] = "GitHub Inc."
    phone.backup(at=time.time() + 1)
    assert bridge.pull(vault, keystore=memory_keystore).changed == 1
    assert _issuers(vault) == ["GitHub Inc."]


def test_a_password_changed_on_the_phone_is_asked_for_again_after_one_try(
    vault: Vault, folder: Path, memory_keystore: KeyStore, opened: list[bool]
) -> None:
    phone = Phone(folder, password="old pw")
    u = phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=memory_keystore, password="old pw")
    phone.password = "new pw"
    phone.entries[u]["name"] = "octocat"
    phone.backup(at=time.time())
    del opened[:]
    with pytest.raises(bridge.PasswordNeeded, match="no longer opens them") as info:
        bridge.pull(vault, keystore=memory_keystore)
    assert info.value.reason == bridge.PASSWORD_CHANGED
    assert "old pw" not in str(info.value) and "new pw" not in str(info.value)
    with pytest.raises(bridge.PasswordNeeded, match="no longer opens them"):
        bridge.pull(vault, keystore=memory_keystore)
    assert opened == [True]  # the kept password was tried once, not at every poll
    assert vault.entries()[0].name == "me"
    bridge.follow(vault, folder, keystore=memory_keystore, password="new pw")
    assert vault.entries()[0].name == "octocat"
    assert memory_keystore.get(bridge.password_item(vault.vault_id)) == "new pw"
    assert bridge.password_needed(vault.data_dir) == ""


def test_back_to_plain_backups_reads_on_without_a_password(
    vault: Vault, folder: Path, memory_keystore: KeyStore
) -> None:
    phone = Phone(folder)
    u = phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=memory_keystore)
    phone.password = "phone pw"
    phone.backup(at=time.time())
    with pytest.raises(bridge.PasswordNeeded):
        bridge.pull(vault, keystore=memory_keystore)
    phone.password = None
    phone.entries[u]["issuer"] = "GitHub Inc."
    phone.backup(at=time.time() + 1)
    assert bridge.pull(vault, keystore=memory_keystore).changed == 1
    assert bridge.status(vault.data_dir)["password_needed"] == ""
    assert _issuers(vault) == ["GitHub Inc."]


def test_the_command_line_says_what_is_needed_and_takes_the_password_once(
    tmp_path: Path, folder: Path
) -> None:
    pc = KeyringComputer("pc", tmp_path / "pc", tmp_path / "unused")
    phone = Phone(folder)
    u = phone.add("GitHub", SECRETS[0])
    phone.backup()
    pc.ok("sync", "follow-aegis", str(folder))
    phone.password = "phone pw"
    phone.entries[u]["name"] = "octocat"
    phone.backup(at=time.time())
    now = pc.run("sync", "now")
    assert now.returncode == 2
    assert now.stderr.strip().startswith("the Aegis folder was not read: The phone's Aegis")
    assert f"sync follow-aegis {folder}" in now.stderr
    assert len(now.stderr.strip().splitlines()) == 1
    status = pc.status()["aegis_follow"]
    assert status["password_needed"] == "encrypted"
    out = pc.ok("sync", "follow-aegis", str(folder), "--password-stdin", stdin="phone pw\n")
    assert "1 changed" in out
    assert [a["name"] for a in pc.accounts()] == ["octocat"]
    assert pc.status()["aegis_follow"]["password_needed"] == ""
    pc.ok("sync", "follow-aegis", "--stop")
