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
    assert v._records == {}  # the serialised entries are dropped too


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
    services.settings.set("backup_folder", str(folder))
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
        assert isinstance(handler, app.PrivateLogHandler)
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


def test_gui_style_open_waits_only_briefly_for_a_held_vault(services, data_dir: Path) -> None:
    """Without a way to say "waiting" (the GUI start and unlock), the wait is short: another
    window keeps the vault for good, a command's save is over in time."""
    from desktop_app.app import QUIET_LOCK_WAIT, open_vault_for
    from desktop_app.errors import VaultBusyError
    from desktop_app.vault import lock

    assert QUIET_LOCK_WAIT < lock.LOCK_WAIT_SECONDS
    held = services.vault
    services.vault = None
    try:
        with pytest.raises(VaultBusyError) as info:
            open_vault_for(services, lambda _c: None)
        assert "in use by another" in str(info.value)
    finally:
        services.vault = held
