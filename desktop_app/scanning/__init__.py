"""QR code scanning without Qt: decoding images, reading image files, frame sources.

``decode(image) -> list[str]`` is the one decoder; ``decode_file(path)`` reads and decodes a file;
:mod:`desktop_app.scanning.frames` gives camera, video-file and image-folder frames through one
OpenCV capture path. What the decoded text means is decided by :func:`desktop_app.intake.classify`.
"""

from __future__ import annotations

import os

from desktop_app.scanning.decoders import Detection, decode, detect, pyzbar_available
from desktop_app.scanning.images import IMAGE_SUFFIXES, load_image


def decode_file(path: str | os.PathLike[str]) -> list[str]:
    """Texts of all QR codes in an image file. Raises ScanError when the file cannot be read."""
    return decode(load_image(path))


__all__ = [
    "IMAGE_SUFFIXES",
    "Detection",
    "decode",
    "decode_file",
    "detect",
    "load_image",
    "pyzbar_available",
]
