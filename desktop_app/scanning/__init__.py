"""QR code scanning without Qt: decoding images, reading image files, frame sources.

- :mod:`~desktop_app.scanning.decoders`: ``decode(image) -> list[str]``, the one decoder, and
  ``decode_file(path)``;
- :mod:`~desktop_app.scanning.images`: image files and bytes, checked from their header against a
  pixel budget before any pixel is decoded (decompression bombs are refused in microseconds);
- :mod:`~desktop_app.scanning.frames`: camera, video-file and image-folder frames through one
  OpenCV capture path.

What the decoded text means is decided by :func:`desktop_app.intake.classify`. Importing this
package (or ``frames``) loads no OpenCV, numpy or zxing-cpp (100-150 ms): the window's process
only shows what the camera process read, and checks file names against :data:`IMAGE_SUFFIXES`.
"""

from __future__ import annotations

#: Files that are scanned for QR codes (file pickers offer these; OpenCV reads more); other files
#: are backups.
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif")
