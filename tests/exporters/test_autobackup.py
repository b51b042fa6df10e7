"""Automatic encrypted backups after each vault change."""

from __future__ import annotations

import pytest

from desktop_app import importers
from desktop_app.errors import WrongPasswordError
from desktop_app.exporters.autobackup import (
    PASSWORD_ITEM,
    AutoBackup,
    BackupError,
    backup_files,
    has_backup_password,
    set_backup_password,
)
from desktop_app.settings import BACKUP_ENABLED, BACKUP_FOLDER, BACKUP_KEEP, Settings
from desktop_app.vault import KeyStore


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "config")


@pytest.fixture
def backup(vault, settings, memory_keystore):
    ab = AutoBackup(vault, settings, memory_keystore, scrypt_n=16).install()
    yield ab
    ab.close()


def test_off_by_default_writes_nothing(vault, backup, settings, samples, tmp_path) -> None:
    settings.set(BACKUP_FOLDER, str(tmp_path / "b"))
    set_backup_password(backup.keystore, "pw")
    vault.add(samples[0])
    assert backup.flush(10)
    assert backup_files(tmp_path / "b") == []


def test_each_change_writes_an_encrypted_backup_and_keeps_last_n(
    vault, backup, settings, memory_keystore, samples, tmp_path
) -> None:
    folder = tmp_path / "backups"
    set_backup_password(memory_keystore, "backup pw")
    assert has_backup_password(memory_keystore)
    settings.set(BACKUP_FOLDER, str(folder))
    settings.set(BACKUP_KEEP, 3)
    settings.set(BACKUP_ENABLED, True)  # enabling writes one at once
    assert backup.flush(10)
    assert len(backup_files(folder)) == 1
    (folder / "notes.txt").write_text("mine")
    for e in samples:
        vault.add(e)
        assert backup.flush(10)
    files = backup_files(folder)
    assert len(files) == 3  # the newest 3 kept
    assert (folder / "notes.txt").exists()  # other files untouched
    assert backup.last_error is None and backup.last_path == files[-1]
    assert files[-1].stat().st_mode & 0o077 == 0
    result = importers.load_file(files[-1], "backup pw")
    assert [e.uuid for e in result.entries] == [e.uuid for e in vault.entries()]
    assert b"backup pw" not in files[-1].read_bytes()


def test_missing_folder_or_password_is_reported(vault, backup, settings, samples, tmp_path) -> None:
    settings.set(BACKUP_ENABLED, True)
    vault.add(samples[0])
    assert backup.flush(10)
    assert "folder" in (backup.last_error or "")
    settings.set(BACKUP_FOLDER, str(tmp_path / "b"))
    assert backup.flush(10)
    assert "password" in (backup.last_error or "")
    with pytest.raises(BackupError, match="password"):
        backup.write_now()


def test_password_change_takes_effect(vault, settings, samples, tmp_path) -> None:
    keystore = KeyStore.memory()
    settings.set(BACKUP_FOLDER, str(tmp_path / "b"))
    ab = AutoBackup(vault, settings, keystore, scrypt_n=16)
    set_backup_password(keystore, "one")
    first = ab.write_now()
    keystore.set(PASSWORD_ITEM, "two")
    second = ab.write_now()
    assert importers.load_file(first, "one").entries == []
    importers.load_file(second, "two")
    with pytest.raises(WrongPasswordError):
        importers.load_file(second, "one")


def test_writer_thread_starts_only_when_a_backup_is_asked_for(
    vault, settings, memory_keystore, samples, tmp_path
) -> None:
    import threading

    def writers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "auto-backup"]

    before = len(writers())
    ab = AutoBackup(vault, settings, memory_keystore, scrypt_n=16).install()
    vault.add(samples[0])  # backups are off: nothing to write, no thread
    assert len(writers()) == before
    set_backup_password(memory_keystore, "pw")
    settings.set(BACKUP_FOLDER, str(tmp_path / "b"))
    settings.set(BACKUP_ENABLED, True)
    assert ab.flush(10)
    assert len(writers()) == before + 1
    assert len(backup_files(tmp_path / "b")) == 1
    ab.close()
    assert len(writers()) == before
