"""The vault header: the key slot is authenticated, its parameters bounded, tampering named as
such; version-1 and -2 files still open and are rewritten as the current version (3); an app that
reads only versions 1 and 2 refuses a version-3 file; no environment switch weakens the KDF."""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

import pytest

from desktop_app.errors import VaultBusyError, VaultError, WrongPasswordError
from desktop_app.otp.model import Entry
from desktop_app.vault import KeyStore, Vault, crypto, store
from desktop_app.vault.store import FORMAT, PREVIOUS_FILE, VAULT_FILE, VERSION

SECRET = "JBSWY3DPEHPK3PXP"


def _password_vault(data_dir: Path) -> dict:
    """A password vault with one account and no previous generation to fall back to (these
    tests are about refusing the one file)."""
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="ACME", name="bob"))
    (data_dir / PREVIOUS_FILE).unlink()
    return json.loads((data_dir / VAULT_FILE).read_bytes())


def _rewrite(data_dir: Path, doc: dict) -> None:
    (data_dir / VAULT_FILE).write_text(json.dumps(doc))


def _open_error(data_dir: Path, password: str = "pw") -> VaultError:
    with pytest.raises(VaultError) as info:
        Vault.open_with_password(data_dir, password)
    return info.value


@pytest.mark.parametrize(
    "field,value",
    [
        ("n", 2),  # used to say "Wrong password"
        ("n", 2**40),  # used to raise MemoryError
        ("n", 2**20),  # within scrypt's range but not a cost this app writes: minutes
        ("n", 2**11),
        ("r", 1024),
        ("p", 2**20),
        ("n", "1024"),
        ("n", True),
        ("n", 1.5),
        ("kdf", "argon2"),
        ("salt", "00"),
        ("wrapped_key", "00" * 8),
        ("nonce", "00"),
    ],
)
def test_tampered_password_slot_says_modified(data_dir: Path, field: str, value) -> None:
    doc = _password_vault(data_dir)
    asked: list[bool] = []
    doc["slot"][field] = value
    _rewrite(data_dir, doc)
    with pytest.raises(VaultError) as info:
        Vault.open(data_dir, keystore=None, password_provider=lambda c: asked.append(c) or "pw")
    assert not isinstance(info.value, WrongPasswordError)
    assert "was modified" in str(info.value)
    # parameters are refused before the password is asked for (and before scrypt runs)
    assert asked == ([] if field not in ("wrapped_key", "nonce") else [False])


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["slot"].update(extra=1),
        lambda d: d.update(slots=[d["slot"], d["slot"]]),
        lambda d: d["slot"].pop("p"),
    ],
)
def test_slot_shape_is_checked(data_dir: Path, change) -> None:
    doc = _password_vault(data_dir)
    change(doc)
    _rewrite(data_dir, doc)
    assert "was modified" in str(_open_error(data_dir))


def test_slot_is_part_of_the_authenticated_header(data_dir: Path) -> None:
    """A slot re-wrapped for the same key but changed elsewhere fails the content check."""
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="ACME", name="bob"))
        key = v._key
    doc = json.loads((data_dir / VAULT_FILE).read_bytes())
    # A valid password slot for the same key under another password: the unwrap succeeds, the
    # content's associated data (which names the original slot) does not.
    other = Vault._password_slot(key, "other", doc["vault_id"])
    doc["slot"] = other
    _rewrite(data_dir, doc)
    err = _open_error(data_dir, "other")
    assert "was modified" in str(err) and not isinstance(err, WrongPasswordError)


def test_wrong_password_is_still_wrong_password(data_dir: Path) -> None:
    _password_vault(data_dir)
    assert isinstance(_open_error(data_dir, "nope"), WrongPasswordError)


def test_keyring_slot_naming_another_item_says_modified(data_dir: Path) -> None:
    ks = KeyStore.memory()
    Vault.open(data_dir, keystore=ks).close()
    doc = json.loads((data_dir / VAULT_FILE).read_bytes())
    doc["slot"]["item"] = "vault-key:someone-else"
    _rewrite(data_dir, doc)
    with pytest.raises(VaultError) as info:
        Vault.open(data_dir, keystore=ks)
    assert "was modified" in str(info.value)


def test_oversized_file_is_refused_without_reading_it_all(data_dir: Path) -> None:
    from desktop_app.vault.store import MAX_VAULT_BYTES

    _password_vault(data_dir)
    with open(data_dir / VAULT_FILE, "r+b") as fh:
        fh.truncate(MAX_VAULT_BYTES + 10)
    assert "larger than" in str(_open_error(data_dir))


def _write_v1(data_dir: Path, password: str, entries: list[Entry], n: int = 2**10) -> None:
    """A version-1 vault as the previous release wrote it (slot outside the associated data)."""
    key = crypto.new_key()
    vault_id = str(uuid.uuid4())
    params = crypto.ScryptParams(n=n, r=8, p=1, salt=bytes(range(32)))
    kek = crypto.Scrypt(salt=params.salt, length=32, n=n, r=8, p=1).derive(password.encode())
    wnonce, wrapped = crypto.seal(kek, key, b"password-slot")
    aad = json.dumps([FORMAT, 1, vault_id], separators=(",", ":")).encode()
    body = json.dumps({"entries": [e.to_dict() for e in entries]}).encode()
    nonce, ct = crypto.seal(key, body, aad)
    doc = {
        "format": FORMAT,
        "version": 1,
        "vault_id": vault_id,
        "slot": {
            "type": "password",
            "kdf": "scrypt",
            "n": n,
            "r": 8,
            "p": 1,
            "salt": params.salt.hex(),
            "nonce": wnonce.hex(),
            "wrapped_key": wrapped.hex(),
        },
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(ct).decode(),
    }
    (data_dir / VAULT_FILE).write_text(json.dumps(doc, indent=1))


def test_version_1_file_opens_and_is_migrated_on_next_save(data_dir: Path) -> None:
    _write_v1(data_dir, "old-pw", [Entry(secret=SECRET, issuer="Old", name="one")])
    with Vault.open_with_password(data_dir, "old-pw") as v:
        assert [e.issuer for e in v.entries()] == ["Old"]
        assert v.file_version == 1
        assert json.loads((data_dir / VAULT_FILE).read_bytes())["version"] == 1  # not yet
        v.add(Entry(secret=SECRET, issuer="New", name="two"))
        assert v.file_version == VERSION
    doc = json.loads((data_dir / VAULT_FILE).read_bytes())
    assert doc["version"] == VERSION
    with Vault.open_with_password(data_dir, "old-pw") as v:
        assert [e.issuer for e in v.entries()] == ["Old", "New"]
        assert v.check_password("old-pw") and not v.check_password("x")
    assert isinstance(_open_error(data_dir, "x"), WrongPasswordError)


def test_version_1_file_with_a_cost_this_app_never_wrote(data_dir: Path) -> None:
    _write_v1(data_dir, "pw", [], n=2**12)
    assert "was modified" in str(_open_error(data_dir))


def test_no_environment_variable_weakens_the_kdf(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old test switch is gone: with the production policy, new slots use the real cost."""
    monkeypatch.setattr(
        crypto,
        "KDF_POLICY",
        crypto.KdfPolicy(
            write=crypto.PRODUCTION_COST, accepted=frozenset({crypto.PRODUCTION_COST})
        ),
    )
    monkeypatch.setenv("DESKTOP_AUTHENTICATOR_TEST_FAST_KDF", "1")
    Vault.open_with_password(data_dir, "pw").close()
    slot = json.loads((data_dir / VAULT_FILE).read_bytes())["slot"]
    assert (slot["n"], slot["r"], slot["p"]) == (2**17, 8, 1)
    # and a test-cost file is refused by the production policy
    crypto_cost = crypto.ScryptCost(2**10, 8, 1)
    assert crypto_cost not in crypto.KDF_POLICY.accepted


def test_opening_and_deriving_the_key_take_no_lock(data_dir: Path) -> None:
    """The lock file guards one save, never a session: a vault opens (scrypt included) while
    another process holds the lock, and only a change waits for it."""
    from desktop_app.vault.lock import FileLock
    from desktop_app.vault.store import LOCK_FILE

    Vault.open_with_password(data_dir, "pw").close()
    held = FileLock(data_dir / LOCK_FILE)
    held.acquire()
    try:
        with Vault.open_with_password(data_dir, "pw", lock_wait=0.2) as v:
            assert len(v) == 0
            with pytest.raises(VaultBusyError):
                v.add(Entry(secret=SECRET, issuer="Waits"))
            assert len(v) == 0  # all or nothing
    finally:
        held.release()


def test_version_1_keyring_vault_opens_and_is_migrated(data_dir: Path) -> None:
    ks = KeyStore.memory()
    key = crypto.new_key()
    vault_id = str(uuid.uuid4())
    ks.set(f"vault-key:{vault_id}", base64.b64encode(key).decode())
    aad = json.dumps([FORMAT, 1, vault_id], separators=(",", ":")).encode()
    body = json.dumps({"entries": [Entry(secret=SECRET, issuer="K").to_dict()]}).encode()
    nonce, ct = crypto.seal(key, body, aad)
    doc = {
        "format": FORMAT,
        "version": 1,
        "vault_id": vault_id,
        "slot": {"type": "keyring", "item": f"vault-key:{vault_id}"},
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(ct).decode(),
    }
    _rewrite(data_dir, doc)
    with Vault.open(data_dir, keystore=ks) as v:
        assert [e.issuer for e in v.entries()] == ["K"] and v.file_version == 1
        v.add(Entry(secret=SECRET, issuer="L"))
    assert json.loads((data_dir / VAULT_FILE).read_bytes())["version"] == VERSION
    with Vault.open(data_dir, keystore=ks) as v:
        assert [e.issuer for e in v.entries()] == ["K", "L"] and v.mode == "keyring"


def test_the_current_version_is_3_and_an_app_reading_only_1_and_2_refuses_it(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 3's content carries stamps, history and tombstones that an app reading versions 1
    and 2 (every release before sync) would drop on its next save: it must refuse the file. Its
    check is this module's ``_parse_doc`` with ``READABLE_VERSIONS = (1, 2)``, as it shipped."""
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="Stamped"))
        v.remove(v.add(Entry(secret=SECRET, issuer="Deleted")).uuid)
    raw = (data_dir / VAULT_FILE).read_bytes()
    assert VERSION == 3 and json.loads(raw)["version"] == 3
    with monkeypatch.context() as m, pytest.raises(VaultError) as info:
        m.setattr(store, "READABLE_VERSIONS", (1, 2))  # the older app's check
        store._parse_doc(raw)
    assert str(info.value) == (
        "The vault file has version 3; this app reads versions 1, 2. Update the app."
    )
    doc = json.loads(raw)
    _rewrite(data_dir, {**doc, "version": 4})  # and this app refuses the next one
    (data_dir / PREVIOUS_FILE).unlink()
    assert "version 4" in str(_open_error(data_dir))


def test_a_version_2_file_opens_with_its_slot_and_is_saved_as_version_3(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vault (or a synced folder's file) written by the version-2 app: its password slot
    opens as it is (slot format 2 in both), and the next save writes version 3."""
    with monkeypatch.context() as m:
        m.setattr(store, "VERSION", 2)
        with Vault.open_with_password(data_dir, "pw") as v:
            v.add(Entry(secret=SECRET, issuer="Two"))
    doc = json.loads((data_dir / VAULT_FILE).read_bytes())
    assert doc["version"] == 2
    with Vault.open_with_password(data_dir, "pw") as v:
        assert v.file_version == 2 and [e.issuer for e in v.entries()] == ["Two"]
        v.add(Entry(secret=SECRET, issuer="Three"))
        assert v.file_version == 3
    new = json.loads((data_dir / VAULT_FILE).read_bytes())
    assert new["version"] == 3 and new["slot"] == doc["slot"]  # no new scrypt run was needed
    with Vault.open_with_password(data_dir, "pw") as v:
        assert [e.issuer for e in v.entries()] == ["Two", "Three"]
    assert isinstance(_open_error(data_dir, "not-pw"), WrongPasswordError)
