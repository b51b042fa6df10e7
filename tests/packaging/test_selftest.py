"""``desktop-authenticator --self-test``: the checks the release script runs on the frozen app."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import cv2
import pytest
import zxingcpp

from desktop_app import selftest

ROOT = Path(__file__).resolve().parents[2]


def test_bundled_qr_holds_the_selftest_uri_with_an_80_bit_secret() -> None:
    image = cv2.imread(str(selftest.QR_IMAGE), cv2.IMREAD_GRAYSCALE)
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [selftest.SELFTEST_URI]
    assert len(selftest.SELFTEST_SECRET) * 5 == 80


def test_reference_code_is_rfc6238() -> None:
    """The expected code is computed here independently of desktop_app.otp."""
    import base64
    import hashlib
    import hmac
    import struct

    key = base64.b32decode(selftest.SELFTEST_SECRET)
    mac = hmac.new(key, struct.pack(">Q", selftest.SELFTEST_TIME // 30), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    value = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFFFFFF
    assert f"{value % 10**6:06d}" == selftest.SELFTEST_CODE


@pytest.mark.slow
@pytest.mark.gui  # the self-test renders with Qt (offscreen)
def test_self_test_passes_from_source() -> None:
    """The whole self-test in a fresh process, as the installed command runs it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--self-test"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=90,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in lines if line.startswith("FAIL")]
    checks = ("data files", "Qt", "app modules", "QR decoding", "OTP", "vault", "OpenCV video")
    checks += ("child process",)
    for check in (*checks, "keyring"):
        assert f"ok: {check}: " in result.stdout, check
    assert lines[-1].startswith("self-test passed")


def _fake_checks(monkeypatch: pytest.MonkeyPatch, *checks: tuple[str, object]) -> None:
    monkeypatch.setattr(selftest, "CHECKS", checks)


def test_a_failing_check_fails_loudly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fine(ctx: object) -> str:
        return "fine"

    def broken(ctx: object) -> str:
        raise ImportError("libzbar.so.0: cannot open shared object file\n\nmore\ncause here")

    _fake_checks(monkeypatch, ("one", fine), ("two", broken), ("three", fine))
    status = selftest.run_self_test(argparse.Namespace())
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert "ok: one: fine" in out
    assert (
        "FAIL: two: ImportError: libzbar.so.0: cannot open shared object file ... cause here" in out
    )
    assert "ok: three: fine" in out  # later checks still run
    assert out[-1] == "self-test FAILED: 2 ok, 1 failed, 0 skipped"


def test_a_skipped_check_does_not_fail(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def skipped(ctx: object) -> str:
        raise selftest.Skipped("portal emulator not available")

    _fake_checks(monkeypatch, ("portal emulator", skipped))
    assert selftest.run_self_test(argparse.Namespace()) == 0
    assert "skipped: portal emulator: portal emulator not available" in capsys.readouterr().out


def test_missing_data_file_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(selftest, "QR_IMAGE", tmp_path / "selftest-qr.png")
    with pytest.raises(FileNotFoundError, match=r"selftest-qr\.png"):
        selftest.check_data_files(selftest._Context(workdir=tmp_path, uris=[]))


def test_portal_check_skips_only_when_the_emulator_module_is_absent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ctx = selftest._Context(workdir=tmp_path, uris=[])
    monkeypatch.setitem(sys.modules, "desktop_app.portal.emulator", None)  # import -> ImportError
    with pytest.raises(selftest.Skipped):
        selftest.check_portal(ctx)


def test_video_check_round_trips_a_frame(tmp_path: Path) -> None:
    detail = selftest.check_video(selftest._Context(workdir=tmp_path, uris=[]))
    assert "MJPG" in detail


def test_portal_check_fails_when_the_emulator_is_broken(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import types

    broken = types.ModuleType("desktop_app.portal.emulator")  # present, but without the class
    monkeypatch.setitem(sys.modules, "desktop_app.portal.emulator", broken)
    with pytest.raises(ImportError):
        selftest.check_portal(selftest._Context(workdir=tmp_path, uris=[]))
