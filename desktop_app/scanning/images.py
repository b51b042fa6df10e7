"""Reading image files into arrays for :func:`desktop_app.scanning.decoders.decode`.

Hostile images are stopped before they are decoded: the width and height are read from the file
header (PNG IHDR, JPEG SOF, GIF logical screen, BMP info header, WebP VP8/VP8L/VP8X, TIFF first
IFD) and checked against a pixel budget. A JPEG above the budget is decoded at 1/2, 1/4 or 1/8
size by the JPEG decoder itself (``cv2.IMREAD_REDUCED_COLOR_*``), which reads a QR code as well
and costs a fraction of the memory; any other format above the budget, a file whose header gives
no size, or a format outside the list is refused with one clear message. So a 1 MB PNG that
inflates to 16000x16000 RGBA is refused in microseconds instead of taking a minute and 12 GB.
"""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import cv2
import numpy as np

from desktop_app.errors import ScanError
from desktop_app.scanning import IMAGE_SUFFIXES

__all__ = ["IMAGE_SUFFIXES", "SUPPORTED_TEXT", "decode_image_bytes", "load_image", "to_bgr"]
SUPPORTED_TEXT = "PNG, JPEG, WebP, BMP or GIF"

#: the most pixels decoded at full size (16.8 MP: 4096x4096, a 5K screenshot); a larger JPEG
#: (a 48 MP phone photo) is decoded at 1/2 .. 1/8 size
MAX_PIXELS = 2**24
#: the most bytes one decoded image may take (16-bit and 4-channel images count so)
MAX_DECODED_BYTES = 4 * 2**24
#: the largest image file read at all
MAX_FILE_BYTES = 64 * 2**20
#: the longest side accepted (OpenCV's own limit is 2**20; codes need far less)
MAX_SIDE = 30_000
#: the shortest side that can hold a QR code (21 modules, one pixel each)
MIN_SIDE = 21
#: the most scans a JPEG may have. Encoders write 1 (baseline), 3 (non-interleaved) or about 10
#: (libjpeg's progressive script; mozjpeg's optimised ones stay near it); each scan is another
#: pass over every coefficient, so 100,000 of them in 5 MB took minutes. libjpeg-turbo's own
#: default limit is 1,000; this is far tighter and still ten times what encoders write.
MAX_JPEG_SCANS = 100

_REDUCED = ((2, cv2.IMREAD_REDUCED_COLOR_2), (4, cv2.IMREAD_REDUCED_COLOR_4),
            (8, cv2.IMREAD_REDUCED_COLOR_8))  # fmt: skip


@dataclass(frozen=True)
class ImageHeader:
    """What the file header says, before any pixel is decoded."""

    format: str  # "png", "jpeg", "gif", "bmp", "webp", "tiff"
    width: int
    height: int
    bytes_per_pixel: int = 4  # an upper bound of the decoded size per pixel
    progressive: bool = False  # a progressive JPEG buffers the whole image while it decodes
    scans: int = 1  # JPEG start-of-scan markers: each one is another pass over the whole image

    @property
    def pixels(self) -> int:
        return self.width * self.height

    @property
    def decoded_bytes(self) -> int:
        return self.pixels * self.bytes_per_pixel


def _u16be(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 2], "big")


def _png_chunks_fit(data: bytes) -> bool:
    """Every chunk's declared length fits in the file: libpng allocates a chunk's declared size
    up front, so a 2 GB length in a 1 KB file would cost 2 GB."""
    pos = 8
    end = len(data)
    while pos + 8 <= end:
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        pos += 12 + length
        if pos > end:
            return False
        if kind == b"IEND":
            return True
    return True  # cut short between chunks: the decoder reports it


def _png(data: bytes) -> ImageHeader | None:
    if len(data) < 29 or data[12:16] != b"IHDR" or not _png_chunks_fit(data):
        return None
    width, height = struct.unpack(">II", data[16:24])
    depth, colour = data[24], data[25]
    decoded_channels = 4 if colour in (4, 6) else 3  # OpenCV gives BGR(A) (or less: gray)
    return ImageHeader("png", width, height, decoded_channels * (2 if depth == 16 else 1))


_PROGRESSIVE = {0xC2, 0xC6, 0xCA, 0xCE}
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> ImageHeader | None:
    pos = 2
    end = len(data)
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # standalone markers
            pos += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no frame header before it
            return None
        length = _u16be(data, pos + 2)
        if length < 2:
            return None
        if marker in _SOF:
            if pos + 9 > end:
                return None
            height = _u16be(data, pos + 5)
            width = _u16be(data, pos + 7)
            # Entropy-coded data stuffs every 0xFF with 0x00, so FF DA is a real start of scan
            # (or one in an embedded thumbnail: an upper bound either way), counted in C.
            scans = data.count(b"\xff\xda", pos)
            return ImageHeader(
                "jpeg", width, height, 3, progressive=marker in _PROGRESSIVE, scans=scans
            )
        pos += 2 + length
    return None


def _gif(data: bytes) -> ImageHeader | None:
    if len(data) < 10:
        return None
    width, height = struct.unpack("<HH", data[6:10])
    return ImageHeader("gif", width, height, 4)


def _bmp(data: bytes) -> ImageHeader | None:
    if len(data) < 26:
        return None
    (dib,) = struct.unpack("<I", data[14:18])
    if dib == 12:
        width, height = struct.unpack("<HH", data[18:22])
    else:
        width, height = struct.unpack("<ii", data[18:26])
    return ImageHeader("bmp", abs(width), abs(height), 4)


def _webp(data: bytes) -> ImageHeader | None:
    if len(data) < 30 or data[8:12] != b"WEBP":
        return None
    chunk = data[12:16]
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return ImageHeader("webp", width & 0x3FFF, height & 0x3FFF, 4)
    if chunk == b"VP8L":
        (bits,) = struct.unpack("<I", data[21:25])
        return ImageHeader("webp", 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF), 4)
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
        return ImageHeader("webp", width, height, 4)
    return None


def _tiff(data: bytes) -> ImageHeader | None:
    order = "<" if data[:2] == b"II" else ">"
    try:
        (ifd,) = struct.unpack(order + "I", data[4:8])
        (count,) = struct.unpack(order + "H", data[ifd : ifd + 2])
        if count > 512:  # real files have a few dozen tags; libtiff would read them all
            return None
        size: dict[int, int] = {}
        samples = 1
        depth = 8
        for i in range(count):
            at = ifd + 2 + 12 * i
            tag, kind, n = struct.unpack(order + "HHI", data[at : at + 8])
            if kind == 3:
                (value,) = struct.unpack(order + "H", data[at + 8 : at + 10])
            elif kind == 4:
                (value,) = struct.unpack(order + "I", data[at + 8 : at + 12])
            else:
                continue
            if tag in (256, 257):
                if tag in size:  # libtiff takes the first, a lax reader the last: refused
                    return None
                size[tag] = value
            elif tag == 277:
                samples = value
            elif tag == 258 and n == 1:
                depth = value
    except struct.error:
        return None
    if 256 not in size or 257 not in size:
        return None
    per_pixel = max(samples, 3) * max(1, depth // 8)
    return ImageHeader("tiff", size[256], size[257], per_pixel)


def read_header(data: bytes) -> ImageHeader | None:
    """The format and size of an encoded image from its header; None when unknown or cut short."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data.startswith((b"GIF87a", b"GIF89a")):
        return _gif(data)
    if data.startswith(b"BM"):
        return _bmp(data)
    if data.startswith(b"RIFF"):
        return _webp(data)
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return _tiff(data)
    return None


def to_bgr(image: np.ndarray) -> np.ndarray:
    """BGR uint8 (H×W×3) from a decoded image: gray, BGR, or BGRA (alpha composited on white).

    A QR code saved with a transparent background would otherwise turn black on black. The
    composite is done in uint8 by OpenCV (no float copies of a large image).
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
        alpha = cv2.extractChannel(img, 3)
        bgr = cv2.cvtColor(img, cv2.COLOR_BGRA2BGR)
        if cv2.minMaxLoc(alpha)[0] >= 255:  # opaque: nothing to composite
            return bgr
        # On white: 255 - (255 - c) * a / 255, in place, in uint8 (saturating, rounding), in
        # bands of rows so that a large image needs no full-size temporary copies.
        cv2.bitwise_not(bgr, dst=bgr)
        band = max(1, 262_144 // bgr.shape[1])
        for top in range(0, bgr.shape[0], band):
            rows = bgr[top : top + band]
            a3 = cv2.cvtColor(alpha[top : top + band], cv2.COLOR_GRAY2BGR)
            cv2.multiply(rows, a3, dst=rows, scale=1 / 255)
        cv2.bitwise_not(bgr, dst=bgr)
        return bgr
    return np.ascontiguousarray(img[:, :, :3])


def _unreadable(name: str) -> ScanError:
    return ScanError(
        f"{name} is not an image that can be read (expected {SUPPORTED_TEXT}), "
        "or the file is damaged."
    )


def decode_flags(header: ImageHeader, name: str = "the image") -> int:
    """The ``cv2.imdecode`` flags for an image of this size, or ScanError when it is too large."""
    too_large = _too_large(name, header.width, header.height)
    if header.width <= 0 or header.height <= 0:
        raise _unreadable(name)
    if min(header.width, header.height) < MIN_SIDE:
        raise ScanError(
            f"{name} is too small to hold a QR code ({header.width}x{header.height} pixels)."
        )
    if max(header.width, header.height) > MAX_SIDE:
        raise too_large
    if header.scans > MAX_JPEG_SCANS:
        raise ScanError(
            f"{name} is a JPEG in {header.scans:,} scans (pictures have at most about 10; "
            f"{MAX_JPEG_SCANS} are read): it is damaged or made to be slow, so it is not read."
        )
    if header.pixels <= MAX_PIXELS and header.decoded_bytes <= MAX_DECODED_BYTES:
        return cv2.IMREAD_UNCHANGED
    # A baseline JPEG decodes row by row, so reduced decoding needs little memory at any size; a
    # progressive one holds all its coefficients (2 bytes per sample) first, so only a little
    # above the budget is allowed.
    if header.format == "jpeg" and (not header.progressive or header.pixels <= 2 * MAX_PIXELS):
        for factor, flag in _REDUCED:
            if header.pixels <= MAX_PIXELS * factor * factor:
                return flag
    raise too_large


_native_quiet = False


def silence_native_warnings(on: bool = True) -> None:
    """Keep the image libraries' own warnings (libpng's "iCCP: known incorrect sRGB profile",
    libjpeg's "Inconsistent progression sequence", OpenCV's log) off the terminal while images
    are decoded: a command-line decode prints one line per file, and one PNG of 1,000 bad
    chunks printed 1,000 warnings. The command line turns this on; the GUI has no terminal."""
    global _native_quiet
    _native_quiet = on
    if on:
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)  # OpenCV's own log


@contextmanager
def _native_stderr_quiet() -> Iterator[None]:
    """While on: the C libraries' writes to file descriptor 2 go to the null device (they
    print with ``fprintf(stderr, ...)``, which no Python setting reaches)."""
    if not _native_quiet:
        yield
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)


def decode_image_bytes(data: bytes, name: str = "the image") -> np.ndarray:
    """Decode an encoded image (PNG, JPEG, WebP, BMP, GIF, TIFF) to BGR within the pixel budget;
    ScanError (one clear sentence) if it is unreadable or too large."""
    if not data:
        raise ScanError(f"{name} is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise ScanError(f"{name} is too large to scan (more than {MAX_FILE_BYTES // 2**20} MB).")
    header = read_header(data)
    if header is None:
        raise _unreadable(name)
    flags = decode_flags(header, name)
    try:
        with _native_stderr_quiet():
            image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), flags)
    except cv2.error:
        raise _unreadable(name) from None
    if image is None or image.size == 0:
        raise _unreadable(name)
    # The header may lie (a GIF frame larger than its screen, a second TIFF page): check again.
    if image.shape[0] * image.shape[1] > MAX_PIXELS:
        raise _too_large(name, image.shape[1], image.shape[0])
    return to_bgr(image)


def _too_large(name: str, width: int, height: int) -> ScanError:
    return ScanError(
        f"{name} is too large to scan ({width}x{height} pixels; at most "
        f"{MAX_PIXELS / 1e6:.0f} megapixels). Crop it to the QR code or make it smaller."
    )


def load_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an image file as a BGR uint8 array. Raises ScanError with a clear message."""
    from desktop_app.files import read_limited

    name = str(path)
    data = read_limited(
        path,
        MAX_FILE_BYTES,
        ScanError,
        kind="image file",
        too_large=f"{name} is too large to scan (more than {MAX_FILE_BYTES // 2**20} MB).",
    )
    return decode_image_bytes(data, name)
