"""QR code scanning without Qt: decoding images, reading image files, frame sources.

Image files and bytes are checked from their header against a pixel budget before any pixel is
decoded (:mod:`desktop_app.scanning.images`): decompression bombs are refused in microseconds.

``decode(image) -> list[str]`` is the one decoder; ``decode_file(path)`` reads and decodes a file;
:mod:`desktop_app.scanning.frames` gives camera, video-file and image-folder frames through one
OpenCV capture path. What the decoded text means is decided by :func:`desktop_app.intake.classify`.

The names below are imported on first use: importing a submodule that needs no OpenCV (the
source descriptions of ``frames``, the camera process's protocol) does not load OpenCV, numpy and
zxing-cpp (100-150 ms) into the window's process, which only shows what the camera process read.
"""

from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.scanning.decoders import Detection, decode, detect, pyzbar_available
    from desktop_app.scanning.images import (
        MAX_PIXELS,
        ImageHeader,
        decode_image_bytes,
        load_image,
        read_header,
    )

_LAZY = {
    "Detection": "decoders",
    "decode": "decoders",
    "detect": "decoders",
    "pyzbar_available": "decoders",
    "MAX_PIXELS": "images",
    "ImageHeader": "images",
    "decode_image_bytes": "images",
    "load_image": "images",
    "read_header": "images",
}


def __getattr__(name: str) -> Any:
    """A name of ``_LAZY``, imported from its submodule on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup does not come here
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


#: Files that are scanned for QR codes (file pickers offer these; OpenCV reads more); other files
#: are backups. Here, not in ``images``, so that checking a name loads no OpenCV.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")


def decode_file(path: str | os.PathLike[str]) -> list[str]:
    """Texts of all QR codes in an image file. Raises ScanError when the file cannot be read."""
    from desktop_app.scanning.decoders import decode
    from desktop_app.scanning.images import load_image

    return decode(load_image(path))


__all__ = [
    "IMAGE_SUFFIXES",
    "MAX_PIXELS",
    "Detection",
    "ImageHeader",
    "decode",
    "decode_file",
    "decode_image_bytes",
    "detect",
    "load_image",
    "pyzbar_available",
    "read_header",
]
