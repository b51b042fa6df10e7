"""Decompression bombs and odd images: sizes are read from the header before decoding; above the
pixel budget a JPEG is decoded reduced and anything else is refused with one clear message, on
every path (decode_file, the QR-image importer, the CLI, Qt's own image reader in the GUI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop_app.errors import ImportFormatError, ScanError
from desktop_app.scanning import images as images_mod
from desktop_app.scanning.decoders import decode, decode_file
from desktop_app.scanning.images import MAX_PIXELS, decode_image_bytes, read_header, to_bgr
from tests.fuzz import bombs
from tests.scanning.qr_helpers import URI, qr_gray

ROOT = Path(__file__).resolve().parents[1]
_CHUNK_BOMB = bombs.png_chunk_length_bomb()


@pytest.mark.parametrize("ext", [".png", ".jpg", ".bmp", ".webp", ".gif", ".tiff"])
@pytest.mark.parametrize("shape", [(37, 53), (37, 53, 3), (37, 53, 4)])
def test_header_sizes_match_what_opencv_decodes(ext: str, shape: tuple[int, ...]) -> None:
    img = np.random.default_rng(1).integers(0, 255, shape, dtype=np.uint8)
    if ext == ".gif" and len(shape) == 2:  # OpenCV's GIF writer takes colour only
        img = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    ok, enc = cv2.imencode(ext, img)
    assert ok
    data = enc.tobytes()
    header = read_header(data)
    assert header is not None
    decoded = cv2.imdecode(enc, cv2.IMREAD_UNCHANGED)
    assert (header.height, header.width) == decoded.shape[:2]
    assert decoded.nbytes <= header.decoded_bytes


def test_sixteen_bit_png_counts_double() -> None:
    ok, enc = cv2.imencode(".png", np.zeros((10, 10, 3), np.uint16))
    assert ok
    header = read_header(enc.tobytes())
    assert header is not None and header.bytes_per_pixel == 6


@pytest.mark.parametrize(
    "data",
    [
        bombs.png_bomb(16000, 16000),
        bombs.png_header_only(5000, 5000),
        bombs.jpeg_header_only(65000, 65000),
        bombs.jpeg_header_only(12000, 12000, progressive=True),
        bombs.gif_header_only(65535, 65535),
        bombs.bmp_header_only(30000, 30000),
        bombs.webp_header_only(16383, 16383),
        _CHUNK_BOMB,
    ],
    ids=["png-bomb", "png", "jpeg", "progressive-jpeg", "gif", "bmp", "webp", "png-chunk"],
)
def test_bombs_are_refused_before_decoding(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = cv2.imdecode
    monkeypatch.setattr(images_mod.cv2, "imdecode", lambda *a: calls.append(1) or real(*a))
    path = tmp_path / "bomb.img"
    path.write_bytes(data)
    with pytest.raises(ScanError) as info:
        decode_file(path)
    if data is not _CHUNK_BOMB:
        assert "too large to scan" in str(info.value) and "megapixels" in str(info.value)
    else:
        assert "cannot be read" in str(info.value) or "damaged" in str(info.value)
    assert calls == []  # refused from the header alone


def test_unknown_format_and_oversized_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ScanError, match="PNG, JPEG"):
        decode_image_bytes(b"P6\n100000 100000\n255\n" + b"\0" * 100)
    big = tmp_path / "big.png"
    with open(big, "wb") as fh:
        fh.write(bombs.png_header_only(100, 100))
        fh.truncate(images_mod.MAX_FILE_BYTES + 1)
    with pytest.raises(ScanError, match="too large"):
        decode_file(big)


def test_large_baseline_jpeg_is_decoded_reduced_and_still_read() -> None:
    """A 36 MP photo of a code: decoded at half size by the JPEG decoder, the code still read."""
    code = qr_gray(URI, scale=24)
    canvas = np.full((6000, 6000), 235, np.uint8)
    canvas[2000 : 2000 + code.shape[0], 2500 : 2500 + code.shape[1]] = code
    ok, enc = cv2.imencode(".jpg", canvas, [cv2.IMWRITE_JPEG_QUALITY, 85])
    assert ok
    del canvas
    image = decode_image_bytes(enc.tobytes())
    assert image.shape[:2] == (3000, 3000)
    assert image.shape[0] * image.shape[1] <= MAX_PIXELS
    assert decode(image) == [URI]


def test_alpha_composite_on_white_matches_the_float_formula() -> None:
    img = np.random.default_rng(3).integers(0, 256, (70, 90, 4), dtype=np.uint8)
    a = img[:, :, 3:4] / 255.0
    expected = img[:, :, :3] * a + 255.0 * (1 - a)
    got = to_bgr(img)
    assert got.dtype == np.uint8 and got.shape == (70, 90, 3)
    assert np.abs(got - expected).max() <= 1.0
    opaque = img.copy()
    opaque[:, :, 3] = 255
    assert np.array_equal(to_bgr(opaque), opaque[:, :, :3])


def test_qr_image_importer_refuses_a_bomb_with_one_message() -> None:
    from desktop_app.importers import load

    with pytest.raises(ImportFormatError) as info:
        load(bombs.png_bomb(9000, 9000))
    assert "too large to scan" in str(info.value)


def test_cli_decode_of_a_bomb_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    path.write_bytes(bombs.png_bomb(16000, 16000))
    r = subprocess.run(
        [sys.executable, "-m", "desktop_app", "decode", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    assert "too large to scan" in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1


@pytest.mark.gui
def test_gui_sets_qt_image_allocation_limit(qapp) -> None:
    from PySide6.QtGui import QImageReader

    from desktop_app.ui.application import create_app

    create_app()
    limit_mb = QImageReader.allocationLimit()
    assert 0 < limit_mb * 2**20 <= images_mod.MAX_DECODED_BYTES


@pytest.mark.parametrize("shape", [(1, 5000), (5000, 1), (1, 1), (20, 400)])
def test_images_too_small_for_a_code_are_refused_clearly(shape, tmp_path: Path) -> None:
    path = tmp_path / "thin.png"
    ok, enc = cv2.imencode(".png", np.zeros(shape, np.uint8))
    assert ok
    path.write_bytes(enc.tobytes())
    with pytest.raises(ScanError, match="too small to hold a QR code"):
        decode_file(path)


@pytest.mark.parametrize("shape", [(21, 5000), (29000, 21), (21, 21)])
def test_extreme_but_possible_shapes_decode_to_nothing(shape) -> None:
    ok, enc = cv2.imencode(".png", np.full(shape, 255, np.uint8))
    assert ok
    assert decode(decode_image_bytes(enc.tobytes())) == []


@pytest.mark.parametrize(
    "data,words",
    [
        (bombs.jpeg_many_scans(100_000), "100,000 scans"),
        (bombs.jpeg_many_scans(images_mod.MAX_JPEG_SCANS + 1), "scans"),
        (bombs.tiff_duplicate_size(64, 40000), "damaged"),
        (bombs.tiff_duplicate_size(64, 64), "damaged"),
    ],
    ids=["jpeg-100000-scans", "jpeg-just-over", "tiff-duplicate-size", "tiff-same-size-twice"],
)
def test_slow_or_ambiguous_headers_are_refused_before_decoding(
    data: bytes, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(images_mod.cv2, "imdecode", lambda *a: calls.append(1))
    with pytest.raises(ScanError, match=words):
        decode_image_bytes(data)
    assert calls == []


def test_jpegs_with_the_scans_encoders_write_are_read() -> None:
    progressive = bombs.jpeg_many_scans(images_mod.MAX_JPEG_SCANS)
    header = read_header(progressive)
    assert header is not None and header.scans == images_mod.MAX_JPEG_SCANS
    assert decode_image_bytes(progressive).shape == (64, 64, 3)
    ok, enc = cv2.imencode(
        ".jpg", np.full((64, 64, 3), 9, np.uint8), [cv2.IMWRITE_JPEG_PROGRESSIVE, 1]
    )
    assert ok
    header = read_header(enc.tobytes())
    assert header is not None and 1 < header.scans <= 12
