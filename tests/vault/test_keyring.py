"""Keyring mode against a real Secret Service, and the "no keyring available" path.

The real-keyring tests need gnome-keyring-daemon on a D-Bus session: scripts/run-tests.sh (and so
.ci/run) starts one under dbus-run-session and sets DESKTOP_AUTHENTICATOR_REQUIRE_KEYRING=1, so
there they fail rather than skip when the Secret Service is missing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.errors import KeyringUnavailableError
from desktop_app.otp.model import Entry
from desktop_app.vault import KeyStore, Vault
from desktop_app.vault.store import VAULT_FILE
from tests.fast_kdf import FAST_CLI
from tests.vault.counting import CountingBackend

SECRET = "JBSWY3DPEHPK3PXP"
ROOT = Path(__file__).resolve().parents[2]


def _secret_service_keystore() -> KeyStore:
    from keyring.backends import SecretService

    backend = SecretService.Keyring()
    try:
        backend.get_password("desktop-authenticator-probe", "probe")
    except Exception as exc:
        if os.environ.get("DESKTOP_AUTHENTICATOR_REQUIRE_KEYRING") == "1":
            pytest.fail(f"Secret Service expected but not reachable: {type(exc).__name__}: {exc}")
        pytest.skip("no Secret Service on this session bus (run scripts/run-tests.sh)")
    return KeyStore(backend, service="desktop-authenticator-tests")


@pytest.mark.keyring
def test_vault_key_lives_in_the_secret_service(data_dir: Path) -> None:
    ks = _secret_service_keystore()
    with Vault.open(data_dir, keystore=ks) as v:
        assert v.mode == "keyring"
        v.add(Entry(secret=SECRET, issuer="ACME", name="bob"))
        item = v._header["slot"]["item"]
    stored = ks.get(item)
    assert stored is not None and len(stored) >= 43  # base64 of 32 random bytes
    raw = (data_dir / VAULT_FILE).read_bytes()
    assert stored.encode() not in raw and SECRET.encode() not in raw
    counting = CountingBackend(ks._backend)
    fresh = KeyStore(counting, service="desktop-authenticator-tests")
    with Vault.open(data_dir, keystore=fresh) as v:
        assert [e.secret for e in v.entries()] == [SECRET]
    assert counting.reads == 1
    ks.delete(item)
    assert ks.get(item) is None


@pytest.mark.keyring
def test_cli_uses_the_real_keyring(data_dir: Path) -> None:
    _secret_service_keystore()
    env = {**os.environ, "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir)}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    uri = f"otpauth://totp/ACME:bob?secret={SECRET}"
    run = [sys.executable, "-m", "desktop_app"]
    added = subprocess.run([*run, "add", uri], env=env, capture_output=True, text=True, cwd=ROOT)
    assert added.returncode == 0, added.stderr
    listed = subprocess.run(
        [*run, "list", "--json"], env=env, capture_output=True, text=True, cwd=ROOT
    )
    assert listed.returncode == 0 and '"ACME"' in listed.stdout
    assert SECRET not in listed.stdout


def test_no_keyring_asks_for_a_password(data_dir: Path) -> None:
    from keyring.backends import fail

    ks = KeyStore(fail.Keyring())
    assert not ks.available()
    asked: list[bool] = []

    def provider(creating: bool) -> str:
        asked.append(creating)
        return "fallback-password"

    with Vault.open(data_dir, keystore=ks, password_provider=provider) as v:
        assert v.mode == "password"
        v.add(Entry(secret=SECRET))
    with Vault.open(data_dir, keystore=ks, password_provider=provider) as v:
        assert len(v) == 1
    assert asked == [True, False]


def test_no_keyring_and_no_password_is_a_clear_error(data_dir: Path) -> None:
    from keyring.backends import fail

    with pytest.raises(KeyringUnavailableError) as info:
        Vault.open(data_dir, keystore=KeyStore(fail.Keyring()))
    assert "password" in str(info.value)


def test_cli_without_keyring_uses_password_from_env(data_dir: Path) -> None:
    env = {
        **os.environ,
        "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "DESKTOP_AUTHENTICATOR_PASSWORD": "env-password",
    }
    run = FAST_CLI
    uri = f"otpauth://totp/ACME:bob?secret={SECRET}"
    r = subprocess.run([*run, "add", uri], env=env, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    env["DESKTOP_AUTHENTICATOR_PASSWORD"] = "wrong"
    r = subprocess.run([*run, "list"], env=env, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "Wrong password" in r.stderr


@pytest.mark.keyring
def test_the_platform_backend_is_chosen_without_probing(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    import keyring.backend

    from desktop_app.vault import keystore

    _secret_service_keystore()  # skips (or fails under REQUIRE_KEYRING) without Secret Service
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)

    def no_probing(*args: object, **kwargs: object) -> None:
        raise AssertionError("keyring probed every backend")

    monkeypatch.setattr(keyring.backend, "get_all_keyring", no_probing)
    monkeypatch.setattr(keyring, "get_keyring", no_probing)
    ks = KeyStore(service="desktop-authenticator-tests")
    assert ks.backend_name() == "desktop_app.vault.secret_service.SecretServiceStore"
    assert ks.available()
    ks.set("platform-probe", "value")
    try:
        assert KeyStore(service="desktop-authenticator-tests").get("platform-probe") == "value"
    finally:
        ks.delete("platform-probe")
    assert keystore.platform_backend() is not None


def test_a_configured_backend_wins_over_the_platform_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.vault import keystore

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    assert keystore.platform_backend() is None
    ks = KeyStore()
    assert ks.backend_name() == "keyring.backends.fail.Keyring"
    assert not ks.available()


def test_an_unusable_platform_backend_falls_back_to_keyring(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop_app.vault import keystore

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setitem(keystore.NATIVE_BACKENDS, "linux", ("no.such.module", "Keyring"))
    monkeypatch.setitem(keystore.NATIVE_BACKENDS, "darwin", ("no.such.module", "Keyring"))
    monkeypatch.setitem(keystore.NATIVE_BACKENDS, "win32", ("no.such.module", "Keyring"))
    assert keystore.platform_backend() is None
    ks = KeyStore()
    ks.backend_name()  # keyring's own choice, whatever it is here: no exception


@pytest.mark.keyring
def test_items_are_shared_with_keyrings_own_secret_service_backend() -> None:
    """Keys stored by earlier versions (through keyring) are found, and the other way round."""
    from keyring.backends import SecretService

    from desktop_app.vault.secret_service import SecretServiceStore

    _secret_service_keystore()
    theirs, ours = SecretService.Keyring(), SecretServiceStore()
    service = "desktop-authenticator-tests"
    theirs.set_password(service, "written-by-keyring", "value one")
    ours.set_password(service, "written-here", "value two")
    try:
        assert ours.get_password(service, "written-by-keyring") == "value one"
        assert theirs.get_password(service, "written-here") == "value two"
        ours.set_password(service, "written-by-keyring", "replaced")  # replaces, no duplicate
        assert theirs.get_password(service, "written-by-keyring") == "replaced"
        assert ours.get_password(service, "absent") is None
    finally:
        ours.delete_password(service, "written-by-keyring")
        theirs.delete_password(service, "written-here")
    assert theirs.get_password(service, "written-by-keyring") is None
    ks = KeyStore(ours, service=service)
    ks.delete("written-here")  # already absent: no error


@pytest.mark.parametrize(
    "variable", ["PYTHON_KEYRING_BACKEND", "KEYRING_PROPERTY_PREFERRED_COLLECTION", "config"]
)
def test_a_configured_keyring_is_left_to_keyring(
    variable: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop_app.vault import keystore

    for name in [n for n in os.environ if n.startswith(("KEYRING_PROPERTY_", "PYTHON_KEYRING"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(keystore.sys, "platform", "linux")
    monkeypatch.setattr(
        "desktop_app.vault.secret_service.SecretServiceStore.usable", staticmethod(lambda: True)
    )
    assert keystore.platform_backend() is not None  # nothing configured: the native one
    if variable == "config":
        (tmp_path / "python_keyring").mkdir()
        (tmp_path / "python_keyring" / "keyringrc.cfg").write_text("[backend]\n")
    else:
        monkeypatch.setenv(variable, "keyring.backends.fail.Keyring")
    assert keystore.platform_backend() is None


def test_no_secret_service_on_the_bus_falls_back_to_keyring(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop_app.vault import keystore

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    from desktop_app.vault.secret_service import SecretServiceStore

    assert not SecretServiceStore.usable()
    assert keystore.platform_backend() is None
