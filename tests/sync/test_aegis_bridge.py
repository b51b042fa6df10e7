"""Follow an Aegis backup folder (issue 21, the phone bridge): real Aegis backup files, built here
from the documented format (plain and encrypted), written by a simulated phone into a folder
that the bridge follows."""

from __future__ import annotations

import base64
import json
import os
import time
import uuid as _uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop_app import importers
from desktop_app.exporters.autobackup import AutoBackup, backup_files, set_backup_password
from desktop_app.otp.model import Entry
from desktop_app.settings import BACKUP_ENABLED, BACKUP_FOLDER, Settings
from desktop_app.sync import aegis_bridge as bridge
from desktop_app.sync.aegis_bridge import FollowError
from desktop_app.sync.clock import stamp_wall_ms
from desktop_app.vault import KeyStore, Vault

SECRETS = ["JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQ", "MFRGGZDFMZTWQ2LK", "KRSXG5CTMVRXEZLU"]


def aegis_raw(issuer: str, name: str, secret: str, uuid: str | None = None) -> dict[str, Any]:
    """One entry as Aegis writes it (no times, no fields of this app)."""
    return {
        "type": "totp",
        "uuid": uuid or str(_uuid.uuid4()),
        "name": name,
        "issuer": issuer,
        "note": "",
        "favorite": False,
        "icon": None,
        "info": {"secret": secret, "algo": "SHA1", "digits": 6, "period": 30},
        "groups": [],
    }


def plain_backup(entries: list[dict[str, Any]]) -> bytes:
    db = {"version": 3, "entries": entries, "groups": []}
    return json.dumps({"version": 1, "header": {"slots": None, "params": None}, "db": db}).encode()


def encrypted_backup(entries: list[dict[str, Any]], password: str) -> bytes:
    """As Aegis encrypts: a random master key, AES-256-GCM (tag apart), a scrypt password slot
    (a small ``n`` to keep the test fast; the importer reads the parameters from the slot)."""
    db = json.dumps({"version": 3, "entries": entries, "groups": []}).encode()
    master, salt = os.urandom(32), os.urandom(32)
    derived = Scrypt(salt=salt, length=32, n=2**10, r=8, p=1).derive(password.encode())
    slot_nonce, nonce = os.urandom(12), os.urandom(12)
    wrapped = AESGCM(derived).encrypt(slot_nonce, master, None)
    sealed = AESGCM(master).encrypt(nonce, db, None)
    header = {
        "slots": [
            {
                "type": 1,
                "uuid": str(_uuid.uuid4()),
                "key": wrapped[:-16].hex(),
                "key_params": {"nonce": slot_nonce.hex(), "tag": wrapped[-16:].hex()},
                "n": 2**10,
                "r": 8,
                "p": 1,
                "salt": salt.hex(),
                "repaired": True,
            }
        ],
        "params": {"nonce": nonce.hex(), "tag": sealed[-16:].hex()},
    }
    doc = {"version": 1, "header": header, "db": base64.b64encode(sealed[:-16]).decode()}
    return json.dumps(doc).encode()


class Phone:
    """Aegis on a phone: its entries, written as timestamped automatic backups into ``folder``
    (the newest ``keep`` kept), each file's time a minute after the previous one."""

    def __init__(self, folder: Path, password: str | None = None, keep: int = 3) -> None:
        self.folder = folder
        self.password = password
        self.keep = keep
        self.entries: dict[str, dict[str, Any]] = {}
        self.when = time.time() - 3600  # an hour ago, then a minute per backup

    def add(self, issuer: str, secret: str, name: str = "me") -> str:
        raw = aegis_raw(issuer, name, secret)
        self.entries[raw["uuid"]] = raw
        return str(raw["uuid"])

    def backup(self, at: float | None = None) -> Path:
        self.when = at if at is not None else self.when + 60
        items = list(self.entries.values())
        data = encrypted_backup(items, self.password) if self.password else plain_backup(items)
        name = time.strftime("aegis-backup-%Y%m%d-%H%M%S.json", time.localtime(self.when))
        path = self.folder / name
        path.write_bytes(data)
        os.utime(path, (self.when, self.when))
        old = sorted(p for p in self.folder.iterdir() if bridge.PHONE_FILE.match(p.name))
        for p in old[: max(0, len(old) - self.keep)]:
            p.unlink()
        return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "AegisBackups"
    d.mkdir()
    return d


def _by_issuer(vault: Vault) -> dict[str, Entry]:
    return {e.issuer: e for e in vault.entries()}


# --- the folder ------------------------------------------------------------------------------


def test_the_newest_phone_backup_is_picked_and_our_own_backups_never_are(folder: Path) -> None:
    for name in (
        "aegis-backup-20261207-101400.json",
        "aegis-backup-20261207-101500.json",
        "aegis-backup-20261207-101600-123456.json",  # this app's own (microseconds)
        "aegis-backup-20261208-000000.json.tmp",
        "aegis-export-20261209-000000.json",
        "notes.json",
    ):
        (folder / name).write_text("{}")
    assert bridge.newest_backup(folder) == folder / "aegis-backup-20261207-101500.json"


def test_the_single_file_backup_counts_by_its_modification_time(folder: Path) -> None:
    single = folder / "aegis-backup.json"
    single.write_text("{}")
    stamped = folder / "aegis-backup-20261207-101500.json"
    stamped.write_text("{}")
    mtime_of_name = time.mktime(time.strptime("20261207101500", "%Y%m%d%H%M%S"))
    os.utime(single, (mtime_of_name - 60, mtime_of_name - 60))
    assert bridge.newest_backup(folder) == stamped
    os.utime(single, (mtime_of_name + 60, mtime_of_name + 60))
    assert bridge.newest_backup(folder) == single


# --- adds, edits and deletions ---------------------------------------------------------------


def test_the_phones_adds_edits_and_deletions_come_in_by_uuid(vault: Vault, folder: Path) -> None:
    phone = Phone(folder)
    github = phone.add("GitHub", SECRETS[0])
    mail = phone.add("Mail", SECRETS[1])
    phone.backup()
    first = bridge.follow(vault, folder, keystore=None)
    assert (first.added, first.changed, first.removed) == (2, 0, 0)
    got = _by_issuer(vault)
    assert got["GitHub"].uuid == github and got["Mail"].uuid == mail  # Aegis uuids kept
    assert all(e.stamps for e in vault.entries())  # stamped: a sync carries them on

    phone.entries[github]["name"] = "octocat"  # edit
    del phone.entries[mail]  # delete
    bank = phone.add("Bank", SECRETS[2])  # add
    phone.backup()
    second = bridge.pull(vault, keystore=None)
    assert (second.added, second.changed, second.removed) == (1, 1, 1)
    got = _by_issuer(vault)
    assert set(got) == {"GitHub", "Bank"}
    assert got["GitHub"].name == "octocat" and got["Bank"].uuid == bank
    deleted = vault.deleted()  # Recently Deleted can bring it back
    assert [t.uuid for t in deleted] == [mail]
    vault.restore_deleted(mail)
    assert vault.get(mail).issuer == "Mail"


def test_a_backup_read_already_or_unchanged_changes_nothing(vault: Vault, folder: Path) -> None:
    phone = Phone(folder)
    phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    before = vault.content()
    again = bridge.pull(vault, keystore=None)
    assert not again.new_file
    phone.backup()  # a new file, same accounts
    later = bridge.pull(vault, keystore=None)
    assert later.new_file and (later.added, later.changed, later.removed) == (0, 0, 0)
    after = vault.content()
    assert {u: e.to_dict() for u, e in after.entries.items()} == {
        u: e.to_dict() for u, e in before.entries.items()
    }


def test_the_desktops_edits_are_kept_when_the_phone_did_not_touch_them(
    vault: Vault, folder: Path
) -> None:
    phone = Phone(folder)
    u = phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    vault.update(vault.get(u).with_changes(group="Work", note="desktop note"))
    vault.set_meta(u, colour="red")  # an annotation Aegis cannot carry
    phone.entries[u]["name"] = "octocat"  # the phone changes another field
    phone.backup(at=time.time())
    bridge.pull(vault, keystore=None)
    e = vault.get(u)
    assert (e.name, e.group, e.note, e.meta.get("colour")) == (
        "octocat",
        "Work",
        "desktop note",
        "red",
    )
    assert e.history == ()  # no conflict: nothing went to the history


def test_both_changed_the_newer_stamp_wins_and_the_other_is_in_the_history(
    vault: Vault, folder: Path
) -> None:
    phone = Phone(folder)
    u = phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    # the phone's edit is older (its backup an hour ago) than the desktop's (now): desktop wins
    phone.entries[u]["name"] = "from the phone"
    phone.backup(at=time.time() - 1800)
    vault.update(vault.get(u).with_changes(name="from the desktop"))
    bridge.pull(vault, keystore=None)
    e = vault.get(u)
    assert e.name == "from the desktop"
    assert [(h.key, h.value) for h in e.history] == [("name", "from the phone")]
    # now the phone edits again, later than the desktop: the phone wins, the desktop's is kept
    phone.entries[u]["name"] = "newer on the phone"
    phone.backup(at=time.time() + 5)
    vault.update(vault.get(u).with_changes(name="desktop again"))
    bridge.pull(vault, keystore=None)
    e = vault.get(u)
    assert e.name == "newer on the phone"
    assert ("name", "desktop again") in [(h.key, h.value) for h in e.history]


def test_a_deletion_on_the_phone_older_than_a_desktop_edit_keeps_the_account(
    vault: Vault, folder: Path
) -> None:
    phone = Phone(folder)
    u = phone.add("GitHub", SECRETS[0])
    phone.add("Mail", SECRETS[1])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    del phone.entries[u]
    phone.backup(at=time.time() - 1800)  # deleted half an hour ago
    vault.update(vault.get(u).with_changes(note="edited now"))
    result = bridge.pull(vault, keystore=None)
    assert result.removed == 0
    assert vault.get(u).note == "edited now"


# --- encrypted backups, bad input --------------------------------------------------------------


def test_an_encrypted_backup_opens_with_the_password_kept_in_the_keyring(
    vault: Vault, folder: Path, memory_keystore: KeyStore
) -> None:
    password = "phone backup pw"
    phone = Phone(folder, password=password)
    u = phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=memory_keystore, password=password)
    assert memory_keystore.get(bridge.password_item(vault.vault_id)) == password
    for f in (vault.data_dir / "sync").iterdir():
        assert password.encode() not in f.read_bytes()  # never on disk
    assert bridge.status(vault.data_dir)["encrypted"] is True
    phone.entries[u]["issuer"] = "GitHub Inc."
    phone.backup()
    result = bridge.pull(vault, keystore=memory_keystore)  # the password from the keyring
    assert result.changed == 1 and vault.get(u).issuer == "GitHub Inc."
    bridge.stop(vault.data_dir, vault.vault_id, memory_keystore)
    assert memory_keystore.get(bridge.password_item(vault.vault_id)) is None
    assert not bridge.is_following(vault.data_dir)
    assert len(vault) == 1  # the accounts stay


def test_a_wrong_password_changes_nothing(
    vault: Vault, folder: Path, memory_keystore: KeyStore
) -> None:
    phone = Phone(folder, password="right")
    phone.add("GitHub", SECRETS[0])
    phone.backup()
    with pytest.raises(FollowError, match="Wrong password") as info:
        bridge.follow(vault, folder, keystore=memory_keystore, password="wrong")
    assert "wrong" not in str(info.value).replace("Wrong", "")
    assert len(vault) == 0
    assert not bridge.is_following(vault.data_dir)
    assert memory_keystore.get(bridge.password_item(vault.vault_id)) is None
    with pytest.raises(FollowError, match="password is needed"):
        bridge.follow(vault, folder, keystore=memory_keystore)
    assert len(vault) == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated (a half-synced file)
        lambda data: b"\x00garbage",
        lambda data: json.dumps({"services": [], "schemaVersion": 4}).encode(),  # 2FAS's
        lambda data: json.dumps({"version": 9, "header": {}, "db": {}}).encode(),
    ],
    ids=["truncated", "garbage", "another-app", "newer-version"],
)
def test_a_damaged_or_foreign_backup_changes_nothing(
    vault: Vault, folder: Path, damage: Callable[[bytes], bytes]
) -> None:
    phone = Phone(folder)
    u = phone.add("GitHub", SECRETS[0])
    phone.add("Mail", SECRETS[1])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    before = {x: e.to_dict() for x, e in vault.content().entries.items()}
    del phone.entries[u]
    path = phone.backup()
    path.write_bytes(damage(path.read_bytes()))
    os.utime(path, (phone.when, phone.when))
    with pytest.raises(FollowError) as info:
        bridge.pull(vault, keystore=None)
    line = str(info.value)
    assert "\n" not in line and line
    assert {x: e.to_dict() for x, e in vault.content().entries.items()} == before
    assert vault.deleted() == []
    assert bridge.status(vault.data_dir)["problem"] == line
    # the next good backup is read against the last good one: the deletion still comes in
    phone.backup()
    result = bridge.pull(vault, keystore=None)
    assert result.removed == 1 and bridge.status(vault.data_dir)["problem"] == ""


def test_a_folder_that_is_gone_is_told_and_changes_nothing(vault: Vault, folder: Path) -> None:
    phone = Phone(folder)
    phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    folder.rename(folder.with_name("elsewhere"))
    with pytest.raises(FollowError, match="not reachable"):
        bridge.pull(vault, keystore=None)
    assert len(vault) == 1


# --- the way back: our automatic backups in the same folder ---------------------------------


def test_our_backups_are_ignored_and_a_round_trip_through_the_phone_keeps_uuids(
    vault: Vault, folder: Path, tmp_path: Path, memory_keystore: KeyStore
) -> None:
    vault.add_many(
        [
            Entry(secret=SECRETS[0], issuer="GitHub", name="me"),
            Entry(secret=SECRETS[1], issuer="Mail", name="me"),
        ]
    )
    settings = Settings(tmp_path / "config")
    set_backup_password(memory_keystore, "desktop backups")
    settings.set(BACKUP_FOLDER, str(folder))
    backup = AutoBackup(vault, settings, memory_keystore, scrypt_n=16).install()
    try:
        settings.set(BACKUP_ENABLED, True)
        assert backup.flush(10)
        (ours,) = backup_files(folder)
        # following the folder: only our own backup is there, and it is not read
        result = bridge.follow(vault, folder, keystore=None)
        assert result.file == "" and len(vault) == 2
        # the phone imports our backup (Aegis keeps the uuids), and writes its own backup
        imported = importers.load_file(ours, "desktop backups").entries
        phone = Phone(folder)
        for e in imported:
            raw = aegis_raw(e.issuer, e.name, e.secret, uuid=e.uuid)
            phone.entries[raw["uuid"]] = raw  # Aegis drops this app's own fields
        phone.backup(at=time.time())
        first = bridge.pull(vault, keystore=None)
        assert (first.added, first.changed, first.removed) == (0, 0, 0)
        assert len(vault) == 2  # no duplicates
        # a change on the phone, then on the desktop: each reaches the other side
        github = next(e.uuid for e in imported if e.issuer == "GitHub")
        phone.entries[github]["note"] = "from the phone"
        phone.backup(at=time.time() + 1)
        second = bridge.pull(vault, keystore=None)
        assert second.changed == 1 and len(vault) == 2
        assert backup.flush(10)  # the phone's change went out in our next backup
        newest = backup_files(folder)[-1]
        back = {e.uuid: e for e in importers.load_file(newest, "desktop backups").entries}
        assert back[github].note == "from the phone"
        assert bridge.newest_backup(folder) != newest
    finally:
        backup.close()


def test_a_phone_clock_ahead_does_not_stamp_its_edits_in_the_future() -> None:
    now = 1_800_000_000_000
    ahead = bridge.phone_stamp(now / 1000 + 86400, "0123abcd", now_ms=now)
    behind = bridge.phone_stamp(now / 1000 - 60, "0123abcd", now_ms=now)
    assert stamp_wall_ms(ahead) == now
    assert stamp_wall_ms(behind) == now - 60_000


def test_a_read_that_ends_after_a_stop_does_not_follow_the_folder_again(
    vault: Vault, folder: Path
) -> None:
    phone = Phone(folder)
    phone.add("GitHub", SECRETS[0])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    state = bridge.load_state(vault.data_dir)
    assert state is not None
    phone.add("Mail", SECRETS[1])
    phone.backup()
    bridge.stop(vault.data_dir, vault.vault_id, None)  # e.g. from the command line
    bridge._pull(vault, state, None, None, False)  # a read that was already running
    assert not bridge.is_following(vault.data_dir)
    with pytest.raises(FollowError, match="No Aegis backup folder is followed"):
        bridge.pull(vault, keystore=None)


def test_an_account_aegis_gave_a_new_uuid_is_not_added_twice(vault: Vault, folder: Path) -> None:
    phone = Phone(folder)
    u = phone.add("GitHub", SECRETS[0])
    phone.add("Mail", SECRETS[1])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    # the person re-imported into Aegis, which gave GitHub a new uuid (and a new name)
    raw = phone.entries.pop(u)
    phone.entries["0d6c1f3e-0000-4000-8000-000000000001"] = {
        **raw,
        "uuid": "0d6c1f3e-0000-4000-8000-000000000001",
        "name": "renamed",
    }
    phone.backup()
    result = bridge.pull(vault, keystore=None)
    assert (result.added, result.changed, result.removed) == (0, 1, 0)
    assert sorted(e.issuer for e in vault.entries()) == ["GitHub", "Mail"]
    assert vault.get(u).name == "renamed"
    phone.backup()  # and the next backup (the same accounts) changes nothing
    again = bridge.pull(vault, keystore=None)
    assert (again.added, again.changed, again.removed) == (0, 0, 0) and len(vault) == 2
    phone.entries["0d6c1f3e-0000-4000-8000-000000000001"]["note"] = "later"  # an edit after it
    phone.backup()
    later = bridge.pull(vault, keystore=None)
    assert (later.added, later.changed) == (0, 1) and len(vault) == 2
    assert vault.get(u).note == "later"


def test_an_empty_backup_after_a_full_one_is_not_applied(vault: Vault, folder: Path) -> None:
    phone = Phone(folder)
    phone.add("GitHub", SECRETS[0])
    phone.add("Mail", SECRETS[1])
    phone.backup()
    bridge.follow(vault, folder, keystore=None)
    phone.entries.clear()  # a reset or new phone's Aegis writing its first, empty backup
    phone.backup()
    with pytest.raises(FollowError, match=r"holds no accounts \(the one before held 2\)"):
        bridge.pull(vault, keystore=None)
    assert len(vault) == 2 and vault.deleted() == []
