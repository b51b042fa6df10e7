"""The flatten rescue (scanning/dewarp.py): codes on wavy cloth against a dark surround."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
import segno

from desktop_app.scanning import decoders as decode_module
from desktop_app.scanning import dewarp
from desktop_app.scanning.decoders import decode, detect
from tests.scanning.qr_helpers import URI, qr_gray


def _on_cloth(
    patch: np.ndarray, amplitude: float, size: tuple[int, int] = (640, 480)
) -> np.ndarray:
    """``patch`` (grey, light) bent by two crossed sine folds, on a dark frame, slightly blurred."""
    h, w = patch.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    map_x = xx + amplitude * np.sin(2 * math.pi * yy / (0.45 * h) + 0.7)
    map_y = yy + 0.6 * amplitude * np.sin(2 * math.pi * xx / (0.5 * w) + 2.1)
    bent = cv2.remap(patch, map_x, map_y, cv2.INTER_LINEAR, borderValue=255)
    bent = (bent.astype(np.float32) * 0.8 + 30).astype(np.uint8)  # cloth: no pure black or white
    fw, fh = size
    frame = np.full((fh, fw), 25, np.uint8)
    y, x = (fh - h) // 2, (fw - w) // 3
    frame[y : y + h, x : x + w] = bent
    frame = cv2.GaussianBlur(frame, (0, 0), 0.8)
    return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)


def _cloth_code(amplitude_modules: float = 0.9, scale: int = 5) -> np.ndarray:
    return _on_cloth(qr_gray(URI, scale, border=6), amplitude_modules * scale)


def test_a_code_on_wavy_cloth_is_flattened_and_read() -> None:
    frame = _cloth_code()
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    assert decode_module.zxing_detect(gray) == []  # the fold defeats zxing-cpp's sampling grid
    found = detect(frame)
    assert [d.text for d in found] == [URI]
    h, w = gray.shape
    assert len(found[0].points) == 4
    assert all(-5 <= x <= w + 5 and -5 <= y <= h + 5 for x, y in found[0].points)


def test_without_the_flatten_rescue_the_cloth_code_is_missed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(decode_module, "SUSPECT_RESCUES", ())
    frame_rescues = tuple(r for r in decode_module.FRAME_RESCUES if r[0] != "flatten")
    assert len(frame_rescues) == len(decode_module.FRAME_RESCUES) - 1  # also without a suspect
    monkeypatch.setattr(decode_module, "FRAME_RESCUES", frame_rescues)
    assert decode(_cloth_code()) == []  # so the test above measures the flattening


def test_a_camera_loop_reads_the_cloth_code_within_one_rescue_cycle() -> None:
    frame = _cloth_code()
    n = len(decode_module.ROI_RESCUES) + len(decode_module.SUSPECT_RESCUES)
    assert any(URI in [d.text for d in detect(frame, rescue=i)] for i in range(n))


def test_a_blank_light_patch_on_a_dark_surround_reads_nothing() -> None:
    rng = np.random.default_rng(5)
    patch = np.clip(rng.normal(200, 12, size=(260, 260)), 0, 255).astype(np.uint8)
    for r in range(6):  # some print-like marks, no code
        cv2.putText(patch, "Wi-Fi guest", (10, 40 + 40 * r), cv2.FONT_HERSHEY_SIMPLEX, 1, 40, 2)
    frame = _on_cloth(patch, 6.0)
    gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    assert dewarp.patch_quad(gray) is not None  # the pass runs, and finds no code
    assert decode_module._read_flattened(gray) == []
    assert decode(frame) == []


@pytest.mark.parametrize(
    "frame",
    [
        np.full((480, 640), 128, np.uint8),  # no patch at all
        np.random.default_rng(1).integers(0, 255, size=(480, 640), dtype=np.uint8),
    ],
)
def test_no_patch_no_flatten(frame: np.ndarray) -> None:
    assert dewarp.patch_quad(frame) is None
    assert decode_module._read_flattened(frame) == []


def test_phase_unwrapping_recovers_a_smooth_ramp() -> None:
    yy, xx = np.mgrid[0:40, 0:50].astype(np.float64)
    truth = 0.4 * xx + 3 * np.sin(yy / 7)
    wrapped = np.angle(np.exp(1j * truth))
    got = dewarp.unwrap_phase(wrapped)
    assert np.allclose(got - got.mean(), truth - truth.mean(), atol=0.05)


def test_a_micro_qr_symbol_is_not_read_as_a_code() -> None:
    """zxing-cpp's QRCode family includes Micro QR, whose M1 symbols a finder pattern can pass
    for: such reads were wrong reads on cloth photos; an otpauth URI never fits one."""
    micro = segno.make("0710", micro=True)
    assert micro.is_micro
    img = np.array([list(row) for row in micro.matrix], dtype=np.uint8)
    img = np.pad(np.where(img > 0, 0, 255).astype(np.uint8), 4, constant_values=255)
    img = cv2.resize(img, None, fx=8, fy=8, interpolation=cv2.INTER_NEAREST)
    assert decode(img) == []
