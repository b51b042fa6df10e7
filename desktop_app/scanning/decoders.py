"""QR code decoding: ``decode(image) -> list[str]`` (pure; no Qt, no I/O).

Grayscale first; images longer than ``MAX_SIDE`` are decoded on a downscaled copy. zxing-cpp
does the work (it also reads inverted, light-on-dark codes and several codes per image). When it
finds nothing, rescues for hard photos run in this order, stopping at the first that reads a
code: pyzbar where libzbar exists (imported lazily — a missing pyzbar or libzbar only removes
this fallback), a local contrast stretch (low contrast, glare), a mildly and a strongly
sharpened copy (blur), the global-histogram binarizer, an adaptive threshold (uneven light), a 2x
enlargement of small images (small modules), and for downscaled images the full resolution. ``benchmarks/bench_decode.py`` measures each decoder and the pipeline.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import zxingcpp

Point = tuple[float, float]


#: images larger than this (longest side, pixels) are decoded on a downscaled copy first
MAX_SIDE = 1600
#: images smaller than this (longest side) get an enlarged copy as a rescue
UPSCALE_BELOW = 1000


@dataclass(frozen=True)
class Detection:
    """One decoded code: its text and its corners (x, y) in the coordinates of the input image."""

    text: str
    points: tuple[Point, ...] = ()


# --- input normalisation ----------------------------------------------------------------------


def to_gray(image: np.ndarray) -> np.ndarray:
    """Grayscale uint8 copy/view of a BGR, BGRA or grayscale image of any integer or float type."""
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3) or image.size == 0:
        raise ValueError("expected a non-empty 2-D (grayscale) or 3-D (BGR/BGRA) image array")
    img = image
    if img.dtype != np.uint8:
        if img.dtype == np.uint16:
            img = (img >> 8).astype(np.uint8)
        elif np.issubdtype(img.dtype, np.floating):
            img = np.clip(img * (255.0 if float(np.nanmax(img)) <= 1.0 else 1.0), 0, 255)
            img = img.astype(np.uint8)
        else:
            img = np.clip(img, 0, 255).astype(np.uint8)
    if img.ndim == 3:
        channels = img.shape[2]
        if channels == 1:
            img = img[:, :, 0]
        elif channels == 3:
            img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
        elif channels == 4:
            img = cv2.cvtColor(img, cv2.COLOR_BGRA2GRAY)
        else:
            raise ValueError(f"unsupported number of channels: {channels}")
    return np.ascontiguousarray(img)


def _dedupe(found: Sequence[Detection]) -> list[Detection]:
    seen: set[str] = set()
    out: list[Detection] = []
    for d in found:
        if d.text not in seen:
            seen.add(d.text)
            out.append(d)
    return out


def _scaled(found: list[Detection], factor: float) -> list[Detection]:
    if factor == 1.0:
        return found
    return [Detection(d.text, tuple((x * factor, y * factor) for x, y in d.points)) for d in found]


# --- single decoders (also used alone by the benchmarks) ----------------------------------------


def zxing_detect(
    gray: np.ndarray,
    *,
    global_histogram: bool = False,
    try_invert: bool = True,
    try_downscale: bool = True,
) -> list[Detection]:
    # nanobind objects are made per call: module-level ones are reported as leaks at exit
    results = zxingcpp.read_barcodes(
        gray,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=True,
        try_downscale=try_downscale,
        try_invert=try_invert,
        binarizer=(
            zxingcpp.Binarizer.GlobalHistogram
            if global_histogram
            else zxingcpp.Binarizer.LocalAverage
        ),
        text_mode=zxingcpp.TextMode.Plain,
    )
    out: list[Detection] = []
    for r in results:
        if not r.valid:
            continue
        p = r.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        out.append(Detection(r.text, tuple((float(c.x), float(c.y)) for c in corners)))
    return out


_pyzbar_lock = threading.Lock()
_pyzbar_decode: Callable[..., Any] | None = None
_pyzbar_symbols: Any = None
_pyzbar_checked = False


def pyzbar_available() -> bool:
    """True when pyzbar and the zbar shared library can be loaded (checked once, lazily)."""
    global _pyzbar_decode, _pyzbar_symbols, _pyzbar_checked
    with _pyzbar_lock:
        if not _pyzbar_checked:
            _pyzbar_checked = True
            try:
                from pyzbar import pyzbar  # optional, imported lazily
            except Exception:  # ImportError, or OSError/FileNotFoundError without libzbar
                _pyzbar_decode = None
            else:
                _pyzbar_decode = pyzbar.decode
                _pyzbar_symbols = [pyzbar.ZBarSymbol.QRCODE]
        return _pyzbar_decode is not None


def _bytes_to_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def pyzbar_detect(gray: np.ndarray) -> list[Detection]:
    """Decode with zbar; an empty list when pyzbar/libzbar is not installed."""
    if not pyzbar_available() or _pyzbar_decode is None:
        return []
    try:
        results = _pyzbar_decode(gray, symbols=_pyzbar_symbols)
    except Exception:  # zbar can fail on odd inputs; a fallback must never break decoding
        return []
    return [
        Detection(_bytes_to_text(r.data), tuple((float(p.x), float(p.y)) for p in r.polygon))
        for r in results
    ]


_opencv_local = threading.local()


def opencv_detect(gray: np.ndarray) -> list[Detection]:
    """OpenCV's QRCodeDetector (slow; the benchmarks compare it, the pipeline does not use it)."""
    detector = getattr(_opencv_local, "detector", None)
    if detector is None:
        detector = _opencv_local.detector = cv2.QRCodeDetector()
    try:  # detectAndDecodeMulti takes seconds on some photos; the single call does not
        text, points, _ = detector.detectAndDecode(gray)
    except cv2.error:
        return []
    if not text:
        return []
    pts = points.reshape(-1, 2) if points is not None else np.empty((0, 2))
    return [Detection(text, tuple((float(x), float(y)) for x, y in pts))]


# --- the pipeline -----------------------------------------------------------------------------


def _stretch(gray: np.ndarray) -> np.ndarray:
    """Local contrast equalisation: low-contrast prints, glare, dim screens."""
    clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8))
    return clahe.apply(gray)


def _sharpen(gray: np.ndarray, sigma: float = 2.0, amount: float = 1.0) -> np.ndarray:
    """Unsharp mask: out-of-focus and motion-blurred photos."""
    blurred = cv2.GaussianBlur(gray, (0, 0), sigma)
    return cv2.addWeighted(gray, 1.0 + amount, blurred, -amount, 0)


def _threshold(gray: np.ndarray) -> np.ndarray:
    """Adaptive threshold: uneven light across the code (glare plus shadow)."""
    return cv2.adaptiveThreshold(
        gray, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, 31, 5
    )


def _rescues(
    gray: np.ndarray, full: np.ndarray | None, factor: float
) -> list[tuple[Callable[[], list[Detection]], float]]:
    """The rescue passes, cheapest first, as (thunk, scale back to input coordinates)."""
    passes: list[tuple[Callable[[], list[Detection]], float]] = [
        (lambda: pyzbar_detect(gray), factor),
        (lambda: zxing_detect(_stretch(gray)), factor),
        (lambda: zxing_detect(_sharpen(gray)), factor),
        (lambda: zxing_detect(_sharpen(gray, 1.5, 3.0)), factor),
        (lambda: zxing_detect(gray, global_histogram=True), factor),
        (lambda: zxing_detect(_threshold(gray)), factor),
    ]
    if max(gray.shape) < UPSCALE_BELOW:
        passes.append((lambda: zxing_detect(_enlarge(gray), try_downscale=False), factor / 2))
    if full is not None:
        passes.append((lambda: zxing_detect(full), 1.0))
    return passes


def _enlarge(gray: np.ndarray) -> np.ndarray:
    return cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)


def detect(
    image: np.ndarray, *, thorough: bool = True, rescue: int | None = None
) -> list[Detection]:
    """All QR codes found in ``image`` (BGR, BGRA or grayscale), corners in image coordinates.

    ``thorough=False`` runs only the first (cheap) passes: zxing-cpp, then pyzbar.
    ``rescue=n`` runs zxing-cpp and then only the n-th rescue (modulo their number): a camera
    loop passes its frame counter so that consecutive frames share the rescue work.
    """
    gray = to_gray(image)
    full: np.ndarray | None = None
    factor = 1.0
    longest = max(gray.shape[:2])
    if longest > MAX_SIDE:
        full = gray
        factor = longest / MAX_SIDE
        size = (round(gray.shape[1] / factor), round(gray.shape[0] / factor))
        gray = cv2.resize(gray, size, interpolation=cv2.INTER_AREA)
    found = zxing_detect(gray)
    if found:
        return _dedupe(_scaled(found, factor))
    rescues = _rescues(gray, full, factor)
    if rescue is not None:
        rescues = [rescues[rescue % len(rescues)]]
    elif not thorough:
        rescues = rescues[:1]
    for run, scale in rescues:
        found = run()
        if found:
            return _dedupe(_scaled(found, scale))
    return []


def decode(image: np.ndarray, *, thorough: bool = True) -> list[str]:
    """Texts of all QR codes found in ``image``, without repeats. Pure; never raises for a
    well-formed image array (ValueError for something that is not an image)."""
    return [d.text for d in detect(image, thorough=thorough)]
