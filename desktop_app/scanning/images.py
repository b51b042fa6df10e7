"""Reading image files into arrays for :func:`desktop_app.scanning.decode`."""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import numpy as np

from desktop_app.errors import ScanError
from desktop_app.intake import IMAGE_SUFFIXES  # file pickers offer these (OpenCV reads more)

__all__ = ["IMAGE_SUFFIXES", "SUPPORTED_TEXT", "decode_image_bytes", "load_image", "to_bgr"]
SUPPORTED_TEXT = "PNG, JPEG, WebP, BMP or GIF"


def to_bgr(image: np.ndarray) -> np.ndarray:
    """BGR uint8 (H×W×3) from a decoded image: gray, BGR, or BGRA (alpha composited on white).

    A QR code saved with a transparent background would otherwise turn black on black.
    """
    img = image
    if img.dtype == np.uint16:
        img = (img >> 8).astype(np.uint8)
    elif img.dtype != np.uint8:
        img = np.clip(img, 0, 255).astype(np.uint8)
    if img.ndim == 2:
        return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    if img.shape[2] == 1:
        return cv2.cvtColor(img[:, :, 0], cv2.COLOR_GRAY2BGR)
    if img.shape[2] == 4:
        alpha = img[:, :, 3:4].astype(np.float32) / 255.0
        rgb = img[:, :, :3].astype(np.float32)
        return (rgb * alpha + 255.0 * (1.0 - alpha) + 0.5).astype(np.uint8)
    return np.ascontiguousarray(img[:, :, :3])


def decode_image_bytes(data: bytes, name: str = "the image") -> np.ndarray:
    """Decode an encoded image (PNG, JPEG, WebP, BMP, GIF, ...) to BGR; ScanError if unreadable."""
    if not data:
        raise ScanError(f"{name} is empty.")
    image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_UNCHANGED)
    if image is None or image.size == 0:
        raise ScanError(
            f"{name} is not an image that can be read (expected {SUPPORTED_TEXT}), "
            "or the file is damaged."
        )
    return to_bgr(image)


def load_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an image file as a BGR uint8 array. Raises ScanError with a clear message."""
    p = Path(path)
    if p.is_dir():
        raise ScanError(f"{p} is a folder, not an image file.")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ScanError(f"{p}: no such file.") from None
    except PermissionError:
        raise ScanError(f"{p}: permission denied.") from None
    except OSError as exc:
        raise ScanError(f"{p} cannot be read: {exc.strerror or exc}.") from None
    return decode_image_bytes(data, str(p))
