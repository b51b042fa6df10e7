"""Several writers on one vault (issue 21): nobody holds the vault while it is open; each change
re-reads what another process wrote and applies itself to that, under the lock file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.errors import VaultError
from desktop_app.otp.model import Entry
from desktop_app.vault import Vault
from desktop_app.vault.store import VAULT_FILE, Content

SECRET = "JBSWY3DPEHPK3PXP"


def _entry(**kw: object) -> Entry:
    return Entry(secret=SECRET, **kw)  # type: ignore[arg-type]


@pytest.fixture
def two(data_dir: Path):
    a = Vault.open_with_password(data_dir, "pw")
    b = Vault.open_with_password(data_dir, "pw")
    yield a, b
    a.close()
    b.close()


def _issuers(v: Vault) -> list[str]:
    return [e.issuer for e in v.entries()]


def test_two_writers_keep_each_others_adds(two) -> None:
    a, b = two
    a.add(_entry(issuer="A1"))
    b.add(_entry(issuer="B1"))  # re-reads A1 first
    assert _issuers(b) == ["A1", "B1"]
    assert _issuers(a) == ["A1"]  # a reader has what it last read...
    assert a.file_changed()
    assert a.refresh() is True  # ...until it refreshes
    assert _issuers(a) == ["A1", "B1"]
    assert not a.file_changed() and a.refresh() is False


def test_own_write_is_no_change(two) -> None:
    a, _b = two
    calls: list[int] = []
    a.add_listener(lambda: calls.append(1))
    a.add(_entry(issuer="A"))
    assert calls == [1]
    assert not a.file_changed()
    assert a.refresh() is False
    assert calls == [1]


def test_a_rewrite_with_the_same_status_is_seen(two, data_dir: Path) -> None:
    """Size, inode and a coarse time may all look the same after another save: the file's first
    bytes (the content's fresh nonce) tell."""
    a, b = two
    e = a.add(_entry(issuer="Same", note="aaaa"))
    b.refresh()
    path = data_dir / VAULT_FILE
    before = path.stat()
    b.update(b.get(e.uuid).with_changes(note="bbbb"))  # the same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert a.file_changed()
    a.refresh()
    assert a.get(e.uuid).note == "bbbb"


def test_the_same_bytes_written_again_are_no_change(two, data_dir: Path) -> None:
    a, _b = two
    a.add(_entry(issuer="X"))
    path = data_dir / VAULT_FILE
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)  # a copy: new inode, new time, same bytes
    assert not a.file_changed()
    assert a.refresh() is False


def test_an_edit_keeps_another_writers_change_of_another_field(two) -> None:
    a, b = two
    e = a.add(_entry(issuer="Shop", name="me"))
    b.refresh()
    b.update(b.get(e.uuid).with_changes(note="from b"))
    # a still has the old entry and edits its name: b's note survives
    merged = a.update(a.get(e.uuid).with_changes(name="renamed"))
    assert (merged.name, merged.note) == ("renamed", "from b")
    b.refresh()
    assert (b.get(e.uuid).name, b.get(e.uuid).note) == ("renamed", "from b")


def test_an_edit_of_an_account_removed_elsewhere_brings_it_back(two) -> None:
    a, b = two
    e = a.add(_entry(issuer="Gone"))
    b.refresh()
    b.remove(e.uuid)
    a.update(a.get(e.uuid).with_changes(note="edited later"))
    b.refresh()
    assert b.get(e.uuid).note == "edited later"


def test_removing_what_another_writer_removed_is_fine(two) -> None:
    a, b = two
    x, y = a.add_many([_entry(issuer="X"), _entry(issuer="Y")])
    b.refresh()
    b.remove(x.uuid)
    a.remove_many([x.uuid, y.uuid])
    assert len(a) == 0
    with pytest.raises(VaultError, match="No such account"):
        a.remove("0000-unknown")


def test_counter_steps_and_order_apply_to_the_fresh_content(two) -> None:
    from desktop_app.otp.model import OtpType

    a, b = two
    h = a.add(_entry(issuer="H", type=OtpType.HOTP, counter=5))
    b.refresh()
    b.increment_counter(h.uuid)
    assert a.increment_counter(h.uuid).counter == 7  # b's step is not lost
    c = b.add(_entry(issuer="C"))
    a.reorder([c.uuid])  # a had never seen C: it re-reads it first
    assert _issuers(a) == ["C", "H"]


def test_transact_is_the_hook_for_a_whole_vault_change(two) -> None:
    a, b = two
    a.add(_entry(issuer="A"))
    seen: list[list[str]] = []

    def merge(fresh: Content) -> Content:
        seen.append(sorted(e.issuer for e in fresh.entries.values()))
        extra = {**fresh.extra, "tombstones": [{"uuid": "u", "stamp": "s", "device": "d"}]}
        new = _entry(issuer="Merged")
        return Content({**fresh.entries, new.uuid: new}, extra)

    b.transact(merge)
    assert seen == [["A"]]  # the fresh content, A included
    a.refresh()
    assert sorted(_issuers(a)) == ["A", "Merged"]
    a.add(_entry(issuer="Later"))  # a version that knows nothing of tombstones keeps them
    assert a.content().extra["tombstones"] == [{"uuid": "u", "stamp": "s", "device": "d"}]
    b.transact(lambda fresh: None)  # nothing to save


def test_a_password_set_by_another_writer_is_taken(two, data_dir: Path) -> None:
    a, b = two
    a.add(_entry(issuer="A"))
    b.use_password("new password")
    a.refresh()
    a.add(_entry(issuer="B"))  # saved with the new slot
    with Vault.open_with_password(data_dir, "new password") as v:
        assert _issuers(v) == ["A", "B"]


def test_another_vault_in_its_place_is_never_merged(two, tmp_path: Path, data_dir: Path) -> None:
    a, _b = two
    a.add(_entry(issuer="Mine"))
    other = tmp_path / "other"
    Vault.open_with_password(other, "pw").close()
    (data_dir / VAULT_FILE).write_bytes((other / VAULT_FILE).read_bytes())
    with pytest.raises(VaultError, match="another vault"):
        a.refresh()
    with pytest.raises(VaultError, match="another vault"):
        a.add(_entry(issuer="Lost?"))
    assert _issuers(a) == ["Mine"]


def test_opening_to_read_writes_no_lock_file(data_dir: Path) -> None:
    from desktop_app.vault.store import LOCK_FILE

    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry("JBSWY3DPEHPK3PXP", "Example"))
    lock = data_dir / LOCK_FILE
    lock.write_bytes(b"left by a save")
    before = lock.stat().st_mtime_ns
    with Vault.open_with_password(data_dir, "pw") as v:  # a reader (list): no stale temp file
        assert [e.issuer for e in v.entries()] == ["Example"]
    assert lock.read_bytes() == b"left by a save" and lock.stat().st_mtime_ns == before


def test_opening_sweeps_a_stale_temp_file_without_a_save(data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry("JBSWY3DPEHPK3PXP", "Example"))
    stale = data_dir / f".{VAULT_FILE}.deadbeef.tmp"
    stale.write_bytes(b"half a save")
    kept = data_dir / f".{VAULT_FILE}.tmp"  # not a temp file's name: never touched
    kept.write_bytes(b"someone's file")
    with Vault.open_with_password(data_dir, "pw") as v:
        assert len(v) == 1
    assert not stale.exists() and kept.read_bytes() == b"someone's file"
