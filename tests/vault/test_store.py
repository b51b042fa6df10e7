"""The encrypted vault file: format, passwords, all-or-nothing saves, the lock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.errors import (
    KeyringUnavailableError,
    OtpError,
    VaultError,
    VaultLockedError,
    WrongPasswordError,
)
from desktop_app.otp.model import Entry, OtpType
from desktop_app.vault import KeyStore, Vault
from desktop_app.vault.store import PREVIOUS_FILE, VAULT_FILE, Content
from tests.vault.counting import CountingBackend

SECRET = "JBSWY3DPEHPK3PXP"
SECRET2 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


def _entry(**kw) -> Entry:
    base = {"secret": SECRET, "issuer": "ACME", "name": "bob@example.com"}
    base.update(kw)
    return Entry(**base)


def test_round_trip_every_field(data_dir: Path) -> None:
    full = _entry(
        type=OtpType.HOTP,
        algorithm="SHA512",
        digits=8,
        counter=41,
        group="Work",
        note="recovery codes in the safe",
        meta={"emnify.state": "active"},
    )
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(full)
    with Vault.open_with_password(data_dir, "pw") as v:
        (got,) = v.entries()
    assert got.to_dict() == {**full.to_dict(), "order": got.order, "stamps": got.stamps}
    assert set(got.stamps) == {"*"}  # an added account: its creation stamp


def test_file_holds_no_plaintext(data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(_entry(note="a note"))
    raw = (data_dir / VAULT_FILE).read_bytes()
    for needle in (SECRET, SECRET.lower(), "bob@example.com", "a note", "ACME"):
        assert needle.encode() not in raw
    doc = json.loads(raw)
    assert doc["format"] == "desktop-authenticator-vault" and doc["version"] == 3
    assert doc["slot"]["type"] == "password"


def test_wrong_password(data_dir: Path) -> None:
    Vault.open_with_password(data_dir, "right").close()
    with pytest.raises(WrongPasswordError):
        Vault.open_with_password(data_dir, "wrong")
    # the failed attempt released the lock
    Vault.open_with_password(data_dir, "right").close()


def test_a_held_lock_makes_a_change_wait_then_busy(data_dir: Path) -> None:
    from desktop_app.vault.lock import FileLock
    from desktop_app.vault.store import LOCK_FILE

    told: list[str] = []
    with Vault.open_with_password(data_dir, "pw", lock_wait=0.1, on_lock_wait=told.append) as v:
        held = FileLock(data_dir / LOCK_FILE)
        held.acquire()
        try:
            with pytest.raises(VaultLockedError) as info:
                v.add(_entry())
        finally:
            held.release()
        assert "another" in str(info.value)
        assert told == []  # refused before the "waiting" notice is due
        v.add(_entry())  # the lock is free again
        assert len(v) == 1


def test_add_many_is_all_or_nothing(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    vault.add(_entry())
    before = vault.entries()

    def broken_save() -> None:
        raise OSError("disk full")

    monkeypatch.setattr(vault, "_save", broken_save)
    with pytest.raises(OSError):
        vault.add_many([_entry(secret=SECRET2), _entry(issuer="Other")])
    assert vault.entries() == before


def test_listener_runs_after_save(vault: Vault) -> None:
    calls: list[int] = []
    vault.add_listener(lambda: calls.append(len(vault)))
    vault.add(_entry())
    vault.add_many([_entry(secret=SECRET2), _entry(issuer="X")])
    assert calls == [1, 3]


def test_order_update_remove_counter(vault: Vault) -> None:
    a, b, c = vault.add_many([_entry(issuer="A"), _entry(issuer="B"), _entry(issuer="C")])
    assert [e.issuer for e in vault.entries()] == ["A", "B", "C"]
    vault.reorder([c.uuid, a.uuid])
    assert [e.issuer for e in vault.entries()] == ["C", "A", "B"]
    vault.update(vault.get(b.uuid).with_changes(name="renamed"))
    assert vault.get(b.uuid).name == "renamed"
    vault.remove(a.uuid)
    assert a.uuid not in {e.uuid for e in vault.entries()}
    with pytest.raises(VaultError):
        vault.remove(a.uuid)
    h = vault.add(_entry(type=OtpType.HOTP, counter=5))
    vault.increment_counter(h.uuid)
    assert vault.get(h.uuid).counter == 6
    assert vault.find(h.uuid[:8]) == vault.get(h.uuid)


def test_set_meta(vault: Vault) -> None:
    e = vault.add(_entry())
    vault.set_meta(e.uuid, emnify__state="pending", emnify__key_id="7")
    assert vault.get(e.uuid).meta == {"emnify.state": "pending", "emnify.key_id": "7"}
    vault.set_meta(e.uuid, emnify__key_id=None)
    assert vault.get(e.uuid).meta == {"emnify.state": "pending"}


@pytest.mark.parametrize(
    "damage,message",
    [
        (lambda d: b"not json", "not JSON"),
        (lambda d: json.dumps({**d, "version": 99}).encode(), "version 99"),
        (lambda d: json.dumps({**d, "format": "other"}).encode(), "not a Desktop"),
        (
            lambda d: json.dumps({**d, "ciphertext": d["ciphertext"][:-8] + "AAAAAAAA"}).encode(),
            "damaged",
        ),
        (lambda d: json.dumps({**d, "vault_id": "swapped"}).encode(), "damaged"),
    ],
)
def test_damaged_files_give_clear_errors(data_dir: Path, damage, message: str) -> None:
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(_entry())
    (data_dir / PREVIOUS_FILE).unlink()  # nothing to fall back to
    path = data_dir / VAULT_FILE
    path.write_bytes(damage(json.loads(path.read_bytes())))
    with pytest.raises(VaultError) as info:
        Vault.open_with_password(data_dir, "pw")
    assert message in str(info.value)


def test_keyring_mode_reads_the_keyring_once(data_dir: Path) -> None:
    backend = CountingBackend(KeyStore.memory()._get_backend())
    ks = KeyStore(backend)
    with Vault.open(data_dir, keystore=ks) as v:
        assert v.mode == "keyring"
        v.add_many([_entry(issuer=f"I{i}") for i in range(200)])
    backend.reads = 0
    with Vault.open(data_dir, keystore=ks) as v:
        assert len(v) == 200
    assert backend.reads == 1


def test_missing_keyring_item_is_explained(data_dir: Path) -> None:
    ks = KeyStore.memory()
    Vault.open(data_dir, keystore=ks).close()
    with pytest.raises(VaultError) as info:
        Vault.open(data_dir, keystore=KeyStore.memory())
    assert "missing from the OS keyring" in str(info.value)


def test_switch_between_keyring_and_password(data_dir: Path) -> None:
    ks = KeyStore.memory()
    with Vault.open(data_dir, keystore=ks) as v:
        v.add(_entry())
        v.use_password("s3cret")
        assert v.mode == "password"
        assert v.check_password("s3cret") and not v.check_password("nope")
    with Vault.open_with_password(data_dir, "s3cret") as v:
        assert len(v) == 1
    with Vault.open(data_dir, keystore=ks, password_provider=lambda _c: "s3cret") as v:
        v.use_keyring()
    with Vault.open(data_dir, keystore=ks) as v:
        assert v.mode == "keyring" and len(v) == 1


def test_keyring_preferred_but_unavailable(data_dir: Path) -> None:
    from keyring.backends import fail

    ks = KeyStore(fail.Keyring())
    with pytest.raises(KeyringUnavailableError):
        Vault.open(data_dir, keystore=ks, prefer="keyring")


def test_the_spliced_file_and_body_are_what_json_writes(vault: Vault) -> None:
    """The save joins cached JSON pieces by hand: the result is exactly json's own output."""
    vault.add_many([_entry(issuer=f"I{i}", note='é\\u2028"') for i in range(3)])
    vault.transact(lambda fresh: Content(fresh.entries, {"tombstones": [{"uuid": "u"}]}))
    raw = (vault.data_dir / VAULT_FILE).read_text()
    assert raw == json.dumps(json.loads(raw), indent=1)
    body = vault._body()
    records = [e.to_dict() for e in vault.entries()]
    expected = {"entries": records, "tombstones": [{"uuid": "u"}]}
    assert body == json.dumps(expected, separators=(",", ":")).encode()


def test_a_restore_keeps_the_value_it_replaces_in_the_history(vault: Vault) -> None:
    from desktop_app.otp.model import HistoryItem

    first = vault.add(_entry(issuer="Old name"))
    renamed = vault.update(first.with_changes(issuer="New name"))
    lost = HistoryItem("issuer", "Old name", first.stamp_of("issuer"), renamed.stamp_of("issuer"))
    with_history = vault.transact(
        lambda fresh: Content(
            {renamed.uuid: fresh.entries[renamed.uuid].with_changes(history=(lost,))},
            fresh.extra,
        )
    )
    assert with_history is None
    current = vault.get(renamed.uuid)
    # another process edits the note meanwhile: the restore still keeps what it replaced
    other = Vault.open_with_password(vault.data_dir, "test-password")
    try:
        other.update(other.get(current.uuid).with_changes(note="elsewhere"))
    finally:
        other.close()
    restored = vault.update(current.restored_from(lost), base=current)
    assert restored.issuer == "Old name" and restored.note == "elsewhere"
    kept = restored.history[0]
    assert (kept.key, kept.value) == ("issuer", "New name")
    assert kept.stamp == current.stamp_of("issuer")
    assert kept.lost_to == restored.stamp_of("issuer") > kept.stamp
    assert lost in restored.history
    # undone the same way
    undone = vault.update(restored.restored_from(kept), base=restored)
    assert undone.issuer == "New name" and undone.history[0].value == "Old name"
    reopened = Vault.open_with_password(vault.data_dir, "test-password")
    try:
        assert reopened.get(undone.uuid).history == undone.history
    finally:
        reopened.close()


@pytest.mark.parametrize(
    ("field", "words"),
    [("created", "creation time is not a number"), ("uuid", "its id is not text")],
)
def test_a_stored_account_with_a_null_field_is_damaged_not_defaulted(
    field: str, words: str
) -> None:
    from desktop_app.vault.store import _stored_entry

    record = Entry("JBSWY3DPEHPK3PXP", "Example").to_dict()
    record[field] = None
    with pytest.raises(VaultError) as info:
        _stored_entry(1, record)
    assert words in str(info.value)


@pytest.mark.parametrize(("field", "words"), [("meta", "annotations"), ("stamps", "sync stamps")])
def test_an_entry_given_none_for_a_made_field_is_refused(field: str, words: str) -> None:
    with pytest.raises(OtpError) as info:
        Entry("JBSWY3DPEHPK3PXP", "Example", **{field: None})  # type: ignore[arg-type]
    assert words in str(info.value)
