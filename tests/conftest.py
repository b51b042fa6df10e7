"""Fixtures shared by every test area.

Tests never touch the real user folders or keyring: each test gets its own data dir, and the
keyring backend is whatever the test command set up (a real gnome-keyring under dbus-run-session
in ``.ci/run``), or an in-memory one where a test asks for it.
"""

from __future__ import annotations

import base64
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.otp.model import Entry, OtpType

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # ../shared beside the clone (specs and data)
sys.path.insert(0, str(ROOT))


QT_FIXTURES = frozenset({"qtbot", "qapp", "qtmodeltester", "qtlog"})


def _qt_available() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("PySide6.QtWidgets") is not None
    except ModuleNotFoundError:
        return False


QT_AVAILABLE = _qt_available()


def pytest_plugin_registered(plugin: object, manager: pytest.PytestPluginManager) -> None:
    """Without PySide6, pytest-qt would stop the whole run; it is dropped instead, and the Qt
    tests are skipped (tests/ui/conftest.py; the ``gui`` tests elsewhere, below)."""
    if not QT_AVAILABLE and getattr(plugin, "__name__", "") == "pytestqt.plugin":
        manager.unregister(plugin)  # type: ignore[arg-type]


def needs_qt(item: pytest.Item) -> bool:
    """A test needs Qt when it is in tests/ui or uses a pytest-qt fixture."""
    in_ui = (ROOT / "tests" / "ui") in Path(str(item.path)).parents
    return in_ui or bool(QT_FIXTURES & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every Qt-needing test must say so with the ``gui`` marker (so ``-m "not gui"`` runs the
    suite without a display); an unmarked one stops the run with its name."""
    unmarked = [i.nodeid for i in items if needs_qt(i) and i.get_closest_marker("gui") is None]
    if unmarked:
        raise pytest.UsageError("Qt tests without @pytest.mark.gui: " + ", ".join(unmarked))
    if not QT_AVAILABLE:
        skip = pytest.mark.skip(reason="PySide6 is not installed: GUI tests skipped")
        for item in items:
            if item.get_closest_marker("gui") is not None:
                item.add_marker(skip)


_QAPP: list[object] = []  # the session's application, alive until the interpreter exits


@pytest.fixture(scope="session")
def qapp(pytestconfig: pytest.Config):  # type: ignore[no-untyped-def]
    """pytest-qt's application, built as the app builds its own (ui/startup.py: started with
    Fusion), so that the GUI tests take the same style path as a real start."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.startup import new_application

    app = QApplication.instance()
    if app is None:
        app = new_application([pytestconfig.getini("qt_qapp_name")])
        app.setApplicationName(pytestconfig.getini("qt_qapp_name"))
        _QAPP.append(app)
    return app


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap scrypt for new password slots (tests/fast_kdf.py); production code has no switch."""
    from tests.fast_kdf import FAST_POLICY

    monkeypatch.setattr("desktop_app.vault.crypto.KDF_POLICY", FAST_POLICY)


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


# --- sample accounts for the importer and exporter tests ----------------------------------
# Odd labels, 7/8 digits, SHA256/512, HOTP, Steam. Codes are checked against RFC 6238 appendix B
# (t=59, 8 digits) and the Steam vector of the spec.

RFC_SHA1 = base64.b32encode(b"12345678901234567890").decode().rstrip("=")
RFC_SHA256 = base64.b32encode(b"12345678901234567890" * 1 + b"123456789012").decode().rstrip("=")
RFC_SHA512 = base64.b32encode(b"1234567890" * 6 + b"1234").decode().rstrip("=")
STEAM_SECRET = "63BEDWCQZKTQWPESARIERL5DTTQFCJTK"
SHORT_SECRET = "JBSWY3DPEHPK3PXP"  # 80 bits

# (entry, code at t=59) -- the same accounts are written in every format under test
SAMPLES: list[tuple[Entry, str | None]] = [
    (Entry(secret=RFC_SHA1, issuer="Exämple Bank", name="jöhn@example.com", digits=8), "94287082"),
    (
        Entry(secret=RFC_SHA256, issuer="A:B Corp", name="x+y@z.org", algorithm="SHA256", digits=8),
        "46119246",
    ),
    (Entry(secret=RFC_SHA512, issuer="Big", name="big", algorithm="SHA512", digits=8), "90693936"),
    (Entry(secret=SHORT_SECRET, issuer="Seven", name="s", digits=7, period=60), None),
    (
        Entry(
            secret=SHORT_SECRET + "AAAA",
            issuer="Counter",
            name="c",
            type=OtpType.HOTP,
            counter=12345,
        ),
        None,
    ),
    (Entry(secret=STEAM_SECRET, issuer="Steam", name="gamer", type=OtpType.STEAM, digits=5), None),
]


@pytest.fixture
def samples() -> list[Entry]:
    return [e for e, _ in SAMPLES]


@pytest.fixture
def sample_codes() -> list[str | None]:
    return [c for _, c in SAMPLES]


def same_account(a: Entry, b: Entry) -> bool:
    return (a.secret, a.issuer, a.name, a.type, a.algorithm, a.digits, a.counter) == (
        b.secret,
        b.issuer,
        b.name,
        b.type,
        b.algorithm,
        b.digits,
        b.counter,
    ) and (a.type is OtpType.HOTP or a.period == b.period)


def assert_same_accounts(got: list[Entry], expected: list[Entry]) -> None:
    assert len(got) == len(expected)
    for g, e in zip(got, expected, strict=True):
        assert same_account(g, e), (g, e)


@pytest.fixture(name="assert_same_accounts")
def _assert_same_accounts_fixture():
    return assert_same_accounts
