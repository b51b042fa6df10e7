"""The sync commands over a plain shared folder (the engine's part played by copying files)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.sync import FOLDER_FILE
from tests.sync.helpers import Computer, otpauth

STEM = FOLDER_FILE.removesuffix(".json")


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "folder-a", tmp_path / "folder-b"
    a.mkdir()
    b.mkdir()
    return a, b


@pytest.fixture
def laptop(tmp_path: Path, folders) -> Computer:
    return Computer("laptop", tmp_path / "laptop", folders[0])


@pytest.fixture
def desktop(tmp_path: Path, folders) -> Computer:
    return Computer("desktop", tmp_path / "desktop", folders[1])


def carry(src: Computer, dst: Computer, name: str = FOLDER_FILE) -> None:
    """What the engine does: the file from one copy of the folder to the other."""
    shutil.copy2(src.folder / FOLDER_FILE, dst.folder / name)


def test_setup_join_and_an_add_on_each_side(laptop: Computer, desktop: Computer) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    desktop.ok("add", otpauth("Mine"))  # an account the second computer had before
    carry(laptop, desktop)
    desktop.join()
    assert desktop.issuers() == ["GitHub", "Mine"]
    carry(desktop, laptop)
    laptop.ok("sync", "now")
    assert laptop.issuers() == ["GitHub", "Mine"]
    # every command on a synced vault writes the folder as part of the command
    laptop.ok("add", otpauth("Later"))
    carry(laptop, desktop)
    desktop.ok("sync", "now")
    assert desktop.issuers() == ["GitHub", "Later", "Mine"]
    status = desktop.status()
    assert status["synced"] and status["last_change"]["device"] == "laptop"
    assert desktop.ok("sync", "status").startswith("In step · last change from laptop")


def test_join_with_a_wrong_password_says_so_and_changes_nothing(
    laptop: Computer, desktop: Computer
) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    carry(laptop, desktop)
    desktop.ok("add", otpauth("Mine"))
    before = (desktop.data_dir / "vault.json").read_bytes()
    r = desktop.run("sync", "join", str(desktop.folder), "--password-stdin", stdin="nope\n")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Wrong password" in r.stderr
    assert (desktop.data_dir / "vault.json").read_bytes() == before
    assert not (desktop.data_dir / "sync" / "sync.json").exists()


def test_a_conflict_copy_is_merged_and_moved_to_the_backups(
    laptop: Computer, desktop: Computer
) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    carry(laptop, desktop)
    desktop.join()
    # apart: each adds one; the engine keeps the laptop's file and a copy of the desktop's
    laptop.ok("add", otpauth("FromLaptop"))
    desktop.ok("add", otpauth("FromDesktop"))
    copy_name = f"{STEM}.sync-conflict-20261207-153602-DESKTOP.json"
    carry(desktop, laptop, copy_name)
    out = laptop.ok("sync", "now")
    assert "1 conflict copy" in out
    assert laptop.issuers() == ["FromDesktop", "FromLaptop", "GitHub"]
    assert not (laptop.folder / copy_name).exists()
    assert (laptop.data_dir / "sync" / "conflict-copies" / copy_name).exists()
    carry(laptop, desktop)
    desktop.ok("sync", "now")
    assert desktop.issuers() == laptop.issuers()


def edit_issuer(computer: Computer, uuid: str, issuer: str) -> None:
    """An edit as the window makes it (the vault's own update; no sync until the next command)."""
    from desktop_app.vault import Vault

    vault = Vault.open_with_password(computer.data_dir, computer.password)
    try:
        vault.update(vault.get(uuid).with_changes(issuer=issuer))
    finally:
        vault.close()


def history_of(computer: Computer, uuid: str) -> list[object]:
    from desktop_app.vault import Vault

    vault = Vault.open_with_password(computer.data_dir, computer.password)
    try:
        return [h.value for h in vault.get(uuid).history]
    finally:
        vault.close()


def test_an_edit_on_both_keeps_the_newer_and_the_older_in_history(
    laptop: Computer, desktop: Computer
) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    carry(laptop, desktop)
    desktop.join()
    uuid = laptop.accounts()[0]["id"]
    edit_issuer(laptop, uuid, "GitHub work")
    laptop.ok("sync", "now")  # stamped first
    edit_issuer(desktop, uuid, "GitHub home")
    desktop.ok("sync", "now")  # stamped later: the newer edit
    carry(desktop, laptop, f"{STEM}.sync-conflict-20261207-153602-DESKTOP.json")
    out = laptop.ok("sync", "now")
    assert "changed on both computers" in out
    carry(laptop, desktop)
    desktop.ok("sync", "now")
    assert laptop.issuers() == desktop.issuers() == ["GitHub home"]
    assert "GitHub work" in history_of(laptop, uuid)
    assert "GitHub work" in history_of(desktop, uuid)
    assert "changed on both computers" in laptop.ok("sync", "status")


def test_a_delete_reaches_the_other_computer(laptop: Computer, desktop: Computer) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.ok("add", otpauth("Gone"))
    laptop.setup()
    carry(laptop, desktop)
    desktop.join()
    gone = next(a for a in laptop.accounts() if a["issuer"] == "Gone")
    laptop.ok("remove", gone["id"])
    carry(laptop, desktop)
    desktop.ok("sync", "now")
    assert desktop.issuers() == ["GitHub"]


def test_an_edit_after_a_delete_brings_the_account_back(
    laptop: Computer, desktop: Computer
) -> None:
    laptop.ok("add", otpauth("Gone"))
    laptop.setup()
    carry(laptop, desktop)
    desktop.join()
    uuid = laptop.accounts()[0]["id"]
    laptop.ok("remove", uuid)  # deleted on the laptop first
    edit_issuer(desktop, uuid, "Kept")
    desktop.ok("sync", "now")  # edited later on the desktop
    carry(desktop, laptop, f"{STEM}.sync-conflict-20261207-153602-DESKTOP.json")
    laptop.ok("sync", "now")
    carry(laptop, desktop)
    desktop.ok("sync", "now")
    assert laptop.issuers() == desktop.issuers() == ["Kept"]


@pytest.mark.parametrize(
    "damage",
    ["truncated", "tampered", "newer", "foreign"],
)
def test_a_bad_conflict_copy_is_named_and_changes_nothing(
    laptop: Computer, desktop: Computer, tmp_path: Path, damage: str
) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    raw = (laptop.folder / FOLDER_FILE).read_bytes()
    doc = json.loads(raw)
    if damage == "truncated":
        bad = raw[: len(raw) // 2]
    elif damage == "tampered":
        ct = bytearray(doc["ciphertext"].encode())
        ct[10] = ord("A") if ct[10] != ord("A") else ord("B")
        bad = json.dumps({**doc, "ciphertext": ct.decode()}).encode()
    elif damage == "newer":
        bad = json.dumps({**doc, "version": 99}).encode()
    else:  # another person's vault, in a conflict copy
        other = Computer("other", tmp_path / "other", tmp_path / "other-folder")
        other.folder.mkdir()
        other.ok("add", otpauth("NotMine"))
        other.setup()
        bad = (other.folder / FOLDER_FILE).read_bytes()
    copy = laptop.folder / f"{STEM}.sync-conflict-20261207-153602-ABCDEFG.json"
    copy.write_bytes(bad)
    before = (laptop.data_dir / "vault.json").read_bytes()
    r = laptop.run("sync", "now")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and copy.name in r.stderr
    assert copy.read_bytes() == bad  # left where it is, for the person (or import) to look at
    assert (laptop.data_dir / "vault.json").read_bytes() == before
    assert laptop.issuers() == ["GitHub"]


@pytest.mark.parametrize("damage", ["truncated", "newer", "foreign"])
def test_a_bad_synced_file_changes_nothing(laptop: Computer, tmp_path: Path, damage: str) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    path = laptop.folder / FOLDER_FILE
    raw = path.read_bytes()
    if damage == "truncated":
        bad = raw[:100]
    elif damage == "newer":
        bad = json.dumps({**json.loads(raw), "version": 4}).encode()
    else:
        other = Computer("other", tmp_path / "other", tmp_path / "other-folder")
        other.folder.mkdir()
        other.ok("add", otpauth("NotMine"))
        other.setup()
        bad = (other.folder / FOLDER_FILE).read_bytes()
    path.write_bytes(bad)
    before = (laptop.data_dir / "vault.json").read_bytes()
    r = laptop.run("sync", "now")
    assert r.returncode == 2 and r.stderr.count("\n") == 1, r.stderr
    assert path.read_bytes() == bad
    assert (laptop.data_dir / "vault.json").read_bytes() == before
    assert laptop.status()["problem"]
    assert laptop.issuers() == ["GitHub"]


def test_a_vanished_folder_is_reported_and_the_accounts_stay(laptop: Computer) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    away = laptop.folder.with_name("away")
    laptop.folder.rename(away)
    r = laptop.run("sync", "now")
    assert r.returncode == 2 and "not reachable" in r.stderr and r.stderr.count("\n") == 1
    laptop.ok("add", otpauth("WhileAway"))  # the command works; the status says why not synced
    assert "not reachable" in laptop.ok("sync", "status")
    away.rename(laptop.folder)
    laptop.ok("sync", "now")
    assert laptop.status()["problem"] == ""
    other_view = Computer("view", laptop.data_dir.with_name("view"), laptop.folder)
    other_view.join()
    assert other_view.issuers() == ["GitHub", "WhileAway"]


def test_a_read_only_folder_keeps_the_change_here(laptop: Computer) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    with _read_only(laptop.folder):
        laptop.ok("add", otpauth("Kept"))
        assert "cannot be written" in laptop.ok("sync", "status")
    laptop.ok("sync", "now")
    assert laptop.issuers() == ["GitHub", "Kept"]


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """The folder made read-only for this process: by its mode, or, for root (whom modes do not
    stop), by a read-only bind mount of it over itself."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        try:
            yield
        finally:
            folder.chmod(0o700)
        return
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        with pytest.raises(OSError):
            (folder / "probe").write_text("")
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_leave_stops_syncing_and_keeps_the_vault(laptop: Computer) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    laptop.ok("sync", "leave")
    laptop.ok("add", otpauth("Local"))
    assert laptop.issuers() == ["GitHub", "Local"]
    assert laptop.status() == {"synced": False}


def test_the_synced_file_changed_50_times_a_second(laptop: Computer) -> None:
    """Another writer replaces the file 50 times a second, half of the time in place (torn
    reads): every sync either merges a whole file or says in one line why not; nothing is lost."""
    import threading
    import time

    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    path = laptop.folder / FOLDER_FILE
    good = path.read_bytes()
    stop = threading.Event()

    def churn() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            if n % 2:
                tmp = path.with_name(f".syncthing.{FOLDER_FILE}.tmp")
                tmp.write_bytes(good)
                tmp.replace(path)
            else:
                with open(path, "r+b") as fh:  # torn: truncated, then written again
                    fh.truncate(len(good) // 3)
                    fh.flush()
                    time.sleep(0.005)
                    fh.seek(0)
                    fh.write(good)
            time.sleep(0.02)

    writer = threading.Thread(target=churn)
    writer.start()
    try:
        outcomes = [laptop.run("sync", "now") for _ in range(4)]
        laptop.ok("add", otpauth("During"))
    finally:
        stop.set()
        writer.join()
    for r in outcomes:
        assert r.returncode == 0 or r.stderr.count("\n") == 1, r.stderr
    laptop.ok("sync", "now")
    assert laptop.issuers() == ["During", "GitHub"]


def test_a_deleted_account_is_listed_and_restored_and_the_restore_reaches_the_other_computer(
    laptop: Computer, desktop: Computer
) -> None:
    laptop.ok("add", otpauth("GitHub"))
    laptop.ok("add", otpauth("Gone"))
    laptop.setup()
    carry(laptop, desktop)
    desktop.join()
    gone = next(e["id"] for e in desktop.accounts() if e["issuer"] == "Gone")
    desktop.ok("remove", gone)
    carry(desktop, laptop)
    laptop.ok("sync", "now")
    assert laptop.issuers() == ["GitHub"]
    # the laptop lists the account the desktop deleted, with where and when
    rows = json.loads(laptop.ok("sync", "deleted", "--json"))
    assert [(r["id"], r["issuer"], r["device"]) for r in rows] == [(gone, "Gone", "desktop")]
    assert "Gone" in laptop.ok("sync", "deleted") and "on desktop" in laptop.ok("sync", "deleted")
    r = laptop.run("sync", "restore", "ffff0000")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "sync deleted" in r.stderr
    assert laptop.ok("sync", "restore", gone[:8]).startswith("restored Gone")
    assert laptop.issuers() == ["GitHub", "Gone"]
    assert json.loads(laptop.ok("sync", "deleted", "--json")) == []
    # the restore is a change like any other: it went to the folder, and the desktop gets it
    carry(laptop, desktop)
    desktop.ok("sync", "now")
    assert desktop.issuers() == ["GitHub", "Gone"]
    assert json.loads(desktop.ok("sync", "deleted", "--json")) == []
