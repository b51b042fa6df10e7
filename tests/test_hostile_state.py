"""Memory hygiene and file modes: the code generator cache is emptied when a vault closes or the
window locks; folders the app creates are 0700, the lock and log files 0600."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from desktop_app.otp import codes as codes_mod
from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.settings import BACKUP_FOLDER
from desktop_app.vault import Vault

SECRET = "JBSWY3DPEHPK3PXP"
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _cached() -> int:
    return codes_mod._generator.cache_info().currsize


def test_closing_the_vault_empties_the_code_cache(data_dir: Path) -> None:
    v = Vault.open_with_password(data_dir, "pw")
    e = v.add(Entry(secret=SECRET, issuer="ACME"))
    code_at(e, 59)
    assert _cached() >= 1
    v.close()
    assert _cached() == 0
    assert v._file._records == {}  # the serialised entries are dropped too


@pytest.mark.gui
def test_locking_the_window_empties_the_code_cache(services, qtbot, monkeypatch) -> None:
    from tests.ui.helpers_main import Recorder, make_window, sample_entries

    services.vault.add_many(sample_entries()[:3])
    services.vault.use_password("correct horse")
    window = make_window(services, qtbot, monkeypatch, Recorder())
    qtbot.waitUntil(lambda: _cached() >= 1, timeout=3000)  # the list shows codes
    window.commands.lock.trigger()
    assert services.vault is None
    assert _cached() == 0


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


@posix_only
def test_app_folders_are_private(tmp_path: Path, loose_umask) -> None:
    from desktop_app.paths import AppPaths

    base = tmp_path / "new" / "appdata"
    paths = AppPaths.resolve(base)
    paths.ensure()
    for d in (paths.data_dir, paths.config_dir, paths.log_dir, tmp_path / "new"):
        assert _mode(d) == 0o700, d
    # an existing, too open folder of the app's own is tightened
    os.chmod(paths.config_dir, 0o755)
    paths.ensure()
    assert _mode(paths.config_dir) == 0o700


@posix_only
def test_person_chosen_folders_made_private_only_when_created(tmp_path: Path, loose_umask) -> None:
    from desktop_app.exporters.registry import write_export
    from desktop_app.paths import private_dir

    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    private_dir(shared, own=False)
    assert _mode(shared) == 0o755  # not ours to change
    out = tmp_path / "exports" / "deep" / "accounts.txt"
    write_export("otpauth", [Entry(secret=SECRET, issuer="A")], out)
    assert _mode(out.parent) == 0o700 and _mode(out.parent.parent) == 0o700
    assert _mode(out) == 0o600


@posix_only
def test_backup_folder_is_created_private(services, tmp_path: Path, loose_umask) -> None:
    from desktop_app.exporters.autobackup import AutoBackup, set_backup_password

    folder = tmp_path / "backups" / "auto"
    services.settings.set(BACKUP_FOLDER, str(folder))
    set_backup_password(services.keystore, "backup pw")
    services.vault.add(Entry(secret=SECRET, issuer="A"))
    backup = AutoBackup(services.vault, services.settings, services.keystore, scrypt_n=1024)
    written = backup.write_now()
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700
    assert _mode(written) == 0o600


@posix_only
def test_lock_file_is_private_even_if_it_existed(data_dir: Path, loose_umask) -> None:
    from desktop_app.vault.store import LOCK_FILE, VAULT_FILE

    lock = data_dir / LOCK_FILE
    lock.write_text("")
    os.chmod(lock, 0o644)
    with Vault.open_with_password(data_dir, "pw"):
        assert _mode(lock) == 0o600
        assert _mode(data_dir / VAULT_FILE) == 0o600


@posix_only
def test_log_files_are_private_rotated_ones_too(tmp_path: Path, loose_umask) -> None:
    from desktop_app import app
    from desktop_app.logfile import PrivateLogHandler
    from desktop_app.paths import AppPaths

    paths = AppPaths.resolve(tmp_path / "logs-home")
    root = logging.getLogger()
    earlier = [h for h in root.handlers if getattr(h, "_desktop_app", False)]
    for h in earlier:  # an earlier test's app log (setup_logging installs one per process)
        root.removeHandler(h)
    before = list(root.handlers)
    try:
        app.setup_logging(paths)
        (handler,) = [h for h in root.handlers if h not in before]
        assert isinstance(handler, PrivateLogHandler)
        logging.getLogger("hostile.test").warning("a line")
        log_file = Path(handler.baseFilename)
        assert _mode(log_file) == 0o600 and _mode(paths.log_dir) == 0o700
        handler.rotate()
        logging.getLogger("hostile.test").warning("after rotation")
        rotated = sorted(paths.log_dir.iterdir())
        assert len(rotated) == 2
        assert all(_mode(p) == 0o600 for p in rotated)
    finally:
        for h in [h for h in root.handlers if h not in before]:
            root.removeHandler(h)
            h.close()
        for h in earlier:
            root.addHandler(h)


def test_gui_style_vault_waits_only_briefly_for_a_held_lock(services, data_dir: Path) -> None:
    """Without a way to say "waiting" (the GUI start and unlock), a change waits only briefly
    for another process's save; opening does not wait at all."""
    from desktop_app.app import QUIET_LOCK_WAIT, open_vault_for
    from desktop_app.errors import VaultBusyError
    from desktop_app.vault import lock
    from desktop_app.vault.store import LOCK_FILE

    assert QUIET_LOCK_WAIT < lock.LOCK_WAIT_SECONDS
    held = services.vault
    services.vault = None
    other = lock.FileLock(data_dir / LOCK_FILE)
    other.acquire()
    try:
        vault = open_vault_for(services, lambda _c: None)
        assert vault._file.lock_wait == QUIET_LOCK_WAIT
        with pytest.raises(VaultBusyError) as info:
            vault.add(Entry(secret=SECRET, issuer="Busy"))
        assert "in use by another" in str(info.value)
    finally:
        other.release()
        services.stop_auto_backup()
        services.vault = held


# --- odd objects in the data folder, odd content with the real key (issue 23) ------------------


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text and 0 < len(text) < 300
    return text


def _fifo(path: Path) -> None:
    os.mkfifo(path)


@posix_only
@pytest.mark.parametrize(
    "name,make,words",
    [
        ("vault.lock", lambda p: p.mkdir(), "lock file"),
        ("vault.lock", _fifo, "lock file"),
        ("vault.json", _fifo, "not a regular file"),
        ("vault.json", lambda p: p.mkdir(), "not a regular file"),
    ],
)
def test_odd_objects_in_the_data_folder_are_one_line(data_dir: Path, name, make, words) -> None:
    from desktop_app.errors import VaultError
    from desktop_app.vault.store import VAULT_FILE

    if name == VAULT_FILE:
        make(data_dir / name)  # nothing to fall back to: the one line is the answer
        with pytest.raises(VaultError) as info:
            Vault.open_with_password(data_dir, "pw", lock_wait=0.2)
    else:
        Vault.open_with_password(data_dir, "pw").close()
        (data_dir / name).unlink()
        make(data_dir / name)
        with (
            pytest.raises(VaultError) as info,
            Vault.open_with_password(data_dir, "pw", lock_wait=0.2) as v,
        ):
            v.add(Entry(secret=SECRET, issuer="X"))
    assert words in _one_line(info.value)


def test_a_temp_file_that_is_a_directory_is_left_alone(data_dir: Path) -> None:
    Vault.open_with_password(data_dir, "pw").close()
    odd = data_dir / ".vault.json.0badf00d.tmp"
    odd.mkdir()
    stale = data_dir / ".vault.json.deadbeef.tmp"
    stale.write_bytes(b"half a save")
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="Fine"))
    assert odd.is_dir() and not stale.exists()


def _with_content(data_dir: Path, content: bytes) -> None:
    """Replace the vault's content, encrypted with its real key and header."""
    import base64
    import json

    from desktop_app.vault import crypto
    from desktop_app.vault.store import PREVIOUS_FILE, VAULT_FILE

    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="A"))
        key, header = v._key, dict(v._header)
    nonce, ct = crypto.seal(key, content, Vault._aad(header))
    doc = {
        **header,
        "nonce": base64.b64encode(nonce).decode(),
        "ciphertext": base64.b64encode(ct).decode(),
    }
    (data_dir / VAULT_FILE).write_text(json.dumps(doc))
    (data_dir / PREVIOUS_FILE).unlink()


def _entry_json(**changes: object) -> dict:
    return {**Entry(secret=SECRET, issuer="A").to_dict(), **changes}


@pytest.mark.parametrize(
    "content,words",
    [
        (lambda: {"entries": [_entry_json(order="3")]}, "order"),
        (lambda: {"entries": [_entry_json(created="yesterday")]}, "creation time"),
        (lambda: {"entries": [_entry_json(created=float("nan"))]}, "creation time"),
        (lambda: {"entries": [_entry_json(digits="6")]}, "digits"),
        (lambda: {"entries": [_entry_json(uuid=7)]}, "id"),
        (
            lambda: {"entries": [_entry_json(uuid="same"), _entry_json(uuid="same")]},
            "id of another",
        ),
        (lambda: {"entries": ["not an object"]}, "not an object"),
        (lambda: {"entries": {"a": 1}}, "no list"),
        (lambda: [1, 2], "no list"),
    ],
)
def test_odd_content_with_the_real_key_is_one_line(data_dir: Path, content, words) -> None:
    import json

    from desktop_app.errors import VaultError

    _with_content(data_dir, json.dumps(content()).encode())
    with pytest.raises(VaultError) as info:
        Vault.open_with_password(data_dir, "pw")
    assert words in _one_line(info.value)


def test_content_nested_deep_is_one_line(data_dir: Path) -> None:
    from desktop_app.errors import VaultError

    depth = 100_000
    _with_content(data_dir, b'{"entries": [], "x": ' + b"[" * depth + b"]" * depth + b"}")
    with pytest.raises(VaultError) as info:
        Vault.open_with_password(data_dir, "pw")
    assert "nested too deeply" in _one_line(info.value)


def test_too_many_accounts_in_the_content_is_refused(data_dir: Path, monkeypatch) -> None:
    import json

    from desktop_app.errors import VaultError
    from desktop_app.vault import store

    monkeypatch.setattr(store, "MAX_ACCOUNTS", 3)
    entries = [Entry(secret=SECRET, issuer=f"I{i}").to_dict() for i in range(4)]
    _with_content(data_dir, json.dumps({"entries": entries}).encode())
    with pytest.raises(VaultError) as info:
        Vault.open_with_password(data_dir, "pw")
    assert "more than the 3" in _one_line(info.value)


def test_a_save_beyond_the_account_cap_changes_nothing(data_dir: Path, monkeypatch) -> None:
    from desktop_app.errors import VaultError
    from desktop_app.vault import MAX_ACCOUNTS, store
    from desktop_app.vault.store import VAULT_FILE

    assert MAX_ACCOUNTS == 50_000
    monkeypatch.setattr(store, "MAX_ACCOUNTS", 5)
    with Vault.open_with_password(data_dir, "pw") as v:
        v.add_many([Entry(secret=SECRET, issuer=f"I{i}") for i in range(4)])
        before = (data_dir / VAULT_FILE).read_bytes()
        with pytest.raises(VaultError) as info:
            v.add_many([Entry(secret=SECRET, issuer=f"J{i}") for i in range(2)])
        assert "at most 5 accounts" in _one_line(info.value)
        assert len(v) == 4 and (data_dir / VAULT_FILE).read_bytes() == before
    with Vault.open_with_password(data_dir, "pw") as v:
        assert len(v) == 4


def test_a_save_beyond_the_size_cap_is_refused_before_the_rename(
    data_dir: Path, monkeypatch
) -> None:
    """The 200,000-line import of issue 23 wrote a vault the next command refused: the size a
    save would write is checked first, and nothing changes."""
    from desktop_app.errors import VaultError
    from desktop_app.vault import store
    from desktop_app.vault.store import VAULT_FILE

    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="Small"))
        size = (data_dir / VAULT_FILE).stat().st_size
        before = (data_dir / VAULT_FILE).read_bytes()
        monkeypatch.setattr(store, "MAX_VAULT_BYTES", size + 200)
        with pytest.raises(VaultError) as info:
            v.add(Entry(secret=SECRET, issuer="Big", note="x" * 2000))
        assert "larger than" in _one_line(info.value)
        assert [e.issuer for e in v.entries()] == ["Small"]
    assert (data_dir / VAULT_FILE).read_bytes() == before
    assert not list(data_dir.glob(".vault.json.*.tmp"))


def test_a_refused_vault_falls_back_to_its_previous_generation(data_dir: Path) -> None:
    from desktop_app.vault.store import PREVIOUS_FILE, VAULT_FILE

    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="Before"))
        v.add(Entry(secret=SECRET, issuer="Last"))
    assert (data_dir / PREVIOUS_FILE).is_file()
    with open(data_dir / VAULT_FILE, "r+b") as fh:  # the current file is refused
        fh.truncate(100)
    with Vault.open_with_password(data_dir, "pw") as v:
        assert [e.issuer for e in v.entries()] == ["Before"]  # the previous save
        assert v.notice is not None and PREVIOUS_FILE in _one_line(Exception(v.notice))
        v.add(Entry(secret=SECRET, issuer="Again"))
    refused = data_dir / f"{VAULT_FILE}.refused"
    assert refused.stat().st_size == 100  # kept, never deleted
    with Vault.open_with_password(data_dir, "pw") as v:
        assert [e.issuer for e in v.entries()] == ["Before", "Again"] and v.notice is None


def test_a_wrong_password_does_not_fall_back(data_dir: Path) -> None:
    from desktop_app.errors import WrongPasswordError

    with Vault.open_with_password(data_dir, "pw") as v:
        v.add(Entry(secret=SECRET, issuer="A"))
    with pytest.raises(WrongPasswordError) as info:
        Vault.open_with_password(data_dir, "not it")
    assert str(info.value) == "Wrong password, or the file was changed."
