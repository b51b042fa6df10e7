"""Helpers shared by the scanning tests: QR codes rendered in the test, frames, video files."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np
import segno

from desktop_app.otp.migration import build_migration_uris
from desktop_app.otp.model import Entry, OtpType

URI = (
    "otpauth://totp/ExampleCorp:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    "&issuer=ExampleCorp&algorithm=SHA1&digits=6&period=30"
)
URI_2 = "otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBV&issuer=Bank&counter=7"


def qr_gray(text: str, scale: int = 6, border: int = 4) -> np.ndarray:
    """The code as a grayscale image (black modules on white)."""
    buf = io.BytesIO()
    segno.make(text, micro=False).save(buf, kind="png", scale=scale, border=border)
    img = cv2.imdecode(np.frombuffer(buf.getvalue(), np.uint8), cv2.IMREAD_GRAYSCALE)
    assert img is not None
    return img


def qr_bgr(text: str, scale: int = 6, border: int = 4) -> np.ndarray:
    return cv2.cvtColor(qr_gray(text, scale, border), cv2.COLOR_GRAY2BGR)


def frame_with(codes: Sequence[np.ndarray], size: tuple[int, int] = (640, 480)) -> np.ndarray:
    """A BGR frame (grey background) with the given code images placed side by side."""
    w, h = size
    frame = np.full((h, w, 3), 150, np.uint8)
    x = 10
    for code in codes:
        c = code if code.ndim == 3 else cv2.cvtColor(code, cv2.COLOR_GRAY2BGR)
        ch, cw = c.shape[:2]
        y = (h - ch) // 2
        frame[y : y + ch, x : x + cw] = c
        x += cw + 10
    return frame


def blank_frame(size: tuple[int, int] = (640, 480), seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    w, h = size
    return rng.integers(90, 170, size=(h, w, 3), dtype=np.uint8)


def write_video(path: Path, frames: Sequence[np.ndarray], fps: float = 30.0) -> Path:
    """An MJPG .avi (works with headless OpenCV) holding ``frames``."""
    h, w = frames[0].shape[:2]
    assert all(f.shape[:2] == (h, w) for f in frames), "all frames must have one size"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (w, h))
    assert writer.isOpened(), "OpenCV cannot write MJPG video here"
    for f in frames:
        writer.write(f)
    writer.release()
    return path


def sample_entries(n: int) -> list[Entry]:
    secrets = ["JBSWY3DPEHPK3PXP", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "MFRGGZDFMZTWQ2LK"]
    return [
        Entry(
            secret=secrets[i % len(secrets)],
            issuer=f"Service{i}",
            name=f"user{i}@example.com",
            type=OtpType.HOTP if i % 4 == 3 else OtpType.TOTP,
            counter=i if i % 4 == 3 else 0,
        )
        for i in range(n)
    ]


def migration_uris(n_entries: int, per_code: int, batch_id: int = 4242) -> list[str]:
    uris, left_out = build_migration_uris(sample_entries(n_entries), per_code, batch_id)
    assert not left_out
    return uris
