"""load_image(): unreadable files raise ScanError with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.errors import ScanError
from desktop_app.scanning.decoders import decode_file
from desktop_app.scanning.images import load_image


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match="no such file"):
        load_image(tmp_path / "nope.png")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(ScanError, match="empty"):
        load_image(tmp_path / "empty.png")


def test_not_an_image(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP")
    with pytest.raises(ScanError, match="PNG, JPEG, WebP, BMP or GIF"):
        decode_file(path)


def test_truncated_png(tmp_path: Path) -> None:
    import cv2

    from tests.scanning.qr_helpers import URI, qr_gray

    ok, data = cv2.imencode(".png", qr_gray(URI))
    assert ok
    path = tmp_path / "cut.png"
    path.write_bytes(data.tobytes()[:40])
    with pytest.raises(ScanError):
        load_image(path)


def test_folder_is_not_an_image(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match="folder"):
        load_image(tmp_path)
