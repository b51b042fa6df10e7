"""Services built once: demo mode is isolated and shows sample accounts; backups start with it."""

from __future__ import annotations

import argparse
from pathlib import Path

import httpx

from desktop_app.app import build_services, open_vault_for


def _args(**kw) -> argparse.Namespace:
    base = {
        "data_dir": None,
        "portal_url": None,
        "camera_source": None,
        "demo": False,
        "password_mode": False,
    }
    base.update(kw)
    return argparse.Namespace(**base)


def test_demo_mode_uses_a_throwaway_vault_and_a_running_emulator(tmp_path: Path) -> None:
    services = build_services(_args(demo=True), interactive=True)
    try:
        assert services.demo_info is not None
        assert services.effective_portal_url() == services.demo_info.url
        assert services.paths.data_dir.name.startswith("desktop-authenticator-demo-")
        services.vault = open_vault_for(services, lambda _c: None)
        assert services.vault.mode == "keyring"  # the in-memory keystore of the demo
        assert {e.issuer for e in services.vault.entries()} >= {"GitHub", "Steam"}
        r = httpx.post(
            f"{services.demo_info.url}/api/v1/authenticate",
            json={"application_token": "nope"},
            timeout=5,
        )
        assert r.status_code in (401, 422)
        demo_dir = services.paths.data_dir
    finally:
        services.close()
    assert not demo_dir.exists()


def test_auto_backup_is_attached_to_the_opened_vault(tmp_path: Path) -> None:
    services = build_services(
        _args(data_dir=str(tmp_path / "d"), password_mode=True), interactive=True
    )
    try:
        services.vault = open_vault_for(services, lambda _c: "pw")
        assert services.auto_backup is not None and services.auto_backup.vault is services.vault
        assert len(services.vault) == 0  # sample accounts only in demo mode
    finally:
        services.close()
    assert services.auto_backup is None


def test_the_log_rotates_at_its_size_keeping_two_earlier_files(tmp_path: Path) -> None:
    import logging

    from desktop_app.logfile import PrivateLogHandler

    log_file = tmp_path / "app.log"
    handler = PrivateLogHandler(log_file, max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("test.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(16):  # 16 lines of 50 bytes, 4 to a file: 4 files written, 3 kept
            logger.warning("line %02d %s", i, "x" * 41)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["app.log", "app.log.1", "app.log.2"]  # the oldest file was dropped
    assert all(p.stat().st_size <= 200 for p in tmp_path.iterdir())
    current = log_file.read_text().splitlines()
    previous = (tmp_path / "app.log.1").read_text().splitlines()
    oldest = (tmp_path / "app.log.2").read_text().splitlines()
    assert [line[:7] for line in oldest + previous + current] == [
        f"line {i:02d}" for i in range(4, 16)
    ]
