"""Fixtures shared by every test area.

Tests never touch the real user folders or keyring: each test gets its own data dir, and the
keyring backend is whatever the test command set up (a real gnome-keyring under dbus-run-session
in ``.ci/run``), or an in-memory one where a test asks for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Cheap scrypt for tests; the stored parameters travel with each file, so this changes no format.
os.environ.setdefault("DESKTOP_AUTHENTICATOR_TEST_FAST_KDF", "1")
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # ../shared beside the clone (specs and data)
sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point every app folder at the test's own temp dir."""
    monkeypatch.setenv("DESKTOP_AUTHENTICATOR_DATA_DIR", str(tmp_path / "appdata"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("DESKTOP_AUTHENTICATOR_PASSWORD", raising=False)
    yield


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "appdata"
    d.mkdir(exist_ok=True)
    return d


@pytest.fixture
def memory_keystore():
    from desktop_app.vault import KeyStore

    return KeyStore.memory()


@pytest.fixture
def vault(data_dir: Path):
    """A fresh password-mode vault (cheap KDF) in the test's data dir."""
    from desktop_app.vault import Vault

    v = Vault.open_with_password(data_dir, "test-password")
    yield v
    v.close()


@pytest.fixture
def services(data_dir: Path, memory_keystore):
    """AppServices with an open vault whose key sits in an in-memory keystore."""
    from desktop_app.app import AppServices
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings
    from desktop_app.vault import Vault

    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=memory_keystore)
    svc.vault = Vault.open(data_dir, keystore=memory_keystore)
    yield svc
    svc.close()
