"""QR code decoding: ``decode(image) -> list[str]`` (pure; no Qt, no I/O).

Grayscale first; images longer than ``MAX_SIDE`` are decoded on a downscaled copy. zxing-cpp
does the work (it also reads inverted, light-on-dark codes and several codes per image; only
QR Code model 1/2 counts, a Micro QR "read" is a misread finder pattern) and also reports
*suspects*: symbols it located but could not read (checksum errors). Rescues for hard
photos then run, stopping at the first that reads a code, in the order of their measured yield
per millisecond (``benchmarks/bench_decode.py --rescues`` measures it):

* with suspects, on a crop around each (cheap: a crop is small): a 2x enlargement, a strongly
  and a mildly sharpened copy (blur), an adaptive threshold (uneven light), a local contrast
  stretch (low contrast, glare), a wide mean threshold and a 3x enlargement (halftone
  "designer" codes), and pyzbar where libzbar exists (imported lazily — a missing pyzbar or
  libzbar only removes it); then, on the whole image, the light patch a code is printed on,
  rectified to a square and read (strong perspective), then flattened (a code on wavy cloth,
  ``scanning/dewarp.py``; twice when once does not read it);
* without suspects (almost always: no code at all) only the whole-image passes that fit in a
  budget of ``FRAME_BUDGET`` times the first pass's cost, so a frame without a code costs a
  small multiple of zxing-cpp alone (global-histogram reads, sharpened copies, and the cloth
  flattening for a light patch busy with a code's edges); then, for still images only (never in
  a camera loop), the rescues of the largest patch busy with edges (``scanning/located.py``: a
  Wiener deconvolution for blurred photos, a white or mirrored border for a code clipped by the
  frame, local contrast equalisation and an adaptive threshold for glare and dim or small
  codes), on a crop; then, for downscaled images, the full resolution.

A camera loop passes ``rescue=n`` (its frame counter): each frame then gets at most one rescue
slice, spread over frames by cost (:func:`camera_schedule`).
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
import zxingcpp

from desktop_app.errors import ScanError
from desktop_app.scanning import located
from desktop_app.scanning.dewarp import flatten_square, patch_quad, rectify
from desktop_app.scanning.images import load_image

Point = tuple[float, float]


#: images larger than this (longest side, pixels) are decoded on a downscaled copy first
MAX_SIDE = 1600
#: images smaller than this (longest side) get an enlarged copy as a rescue
UPSCALE_BELOW = 1000
#: no QR code fits in fewer pixels than this on its shorter side (21 modules, version 1)
MIN_SIDE = 21
#: arrays larger than this are sampled down (every k-th pixel) before anything else
MAX_PIXELS = 64_000_000
#: whole-image rescues without a suspect: at most this many first-pass costs
FRAME_BUDGET = 5.2
#: the whole-image flattening without a suspect needs a patch this busy (mean absolute Laplacian)
MIN_PATCH_EDGES = 8.0
#: at most this many suspects are rescued per image
MAX_SUSPECTS = 3
#: rounds of the cloth flattening (the second, with the rectified square read first, read 7 of the
#: 60 codes the pipeline missed on 2,352 tuning images; 3 of 17 on the held-out seed)
FLATTEN_ROUNDS = 2


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


def _corners(r: Any) -> tuple[Point, ...]:
    p = r.position
    corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
    return tuple((float(c.x), float(c.y)) for c in corners)


def _full_qr(r: Any) -> bool:
    """A valid QR Code (model 1 or 2). zxing-cpp's QRCode format is a family that also reads
    Micro QR and rMQR: an otpauth URI never fits in those, and a finder pattern of a damaged
    code can pass for a Micro QR M1 symbol (a few digits, error *detection* only): a wrong
    read. Such a symbol counts as located, not read."""
    return bool(r.valid) and r.format not in (
        zxingcpp.BarcodeFormat.MicroQRCode,
        zxingcpp.BarcodeFormat.RMQRCode,
    )


def zxing_scan(gray: np.ndarray) -> tuple[list[Detection], list[tuple[Point, ...]]]:
    """The first pass: codes read, and the corners of symbols located but not read (suspects)."""
    results = zxingcpp.read_barcodes(
        gray,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=True,
        try_downscale=True,
        try_invert=True,
        text_mode=zxingcpp.TextMode.Plain,
        return_errors=True,
    )
    found: list[Detection] = []
    suspects: list[tuple[Point, ...]] = []
    for r in results:
        if _full_qr(r):
            found.append(Detection(r.text, _corners(r)))
        else:
            suspects.append(_corners(r))
    return found, suspects


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
    return [Detection(r.text, _corners(r)) for r in results if _full_qr(r)]


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

Rescue = Callable[[np.ndarray], list[Detection]]


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


def _wide_threshold(gray: np.ndarray) -> np.ndarray:
    """A wide mean threshold: halftone codes whose module centres carry the bits."""
    return cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 61, 3)


def _enlarge(gray: np.ndarray) -> np.ndarray:
    return cv2.resize(gray, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)


def _halve(gray: np.ndarray) -> np.ndarray:
    return cv2.resize(gray, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)


def _read_enlarged(gray: np.ndarray) -> list[Detection]:
    if max(gray.shape) >= UPSCALE_BELOW:
        return []
    return _scaled(zxing_detect(_enlarge(gray), try_downscale=False), 0.5)


def _read_enlarged3(gray: np.ndarray) -> list[Detection]:
    """A 3x enlargement: halftone and photo-filled modules too small for the 2x one."""
    if 3 * max(gray.shape) >= 2 * UPSCALE_BELOW:
        return []
    big = cv2.resize(gray, None, fx=3.0, fy=3.0, interpolation=cv2.INTER_CUBIC)
    return _scaled(zxing_detect(big, try_downscale=False), 1 / 3)


#: rescues on a crop around a suspect, best measured yield per millisecond first
ROI_RESCUES: tuple[tuple[str, Rescue], ...] = (
    ("enlarge", _read_enlarged),
    ("sharpen strong", lambda g: zxing_detect(_sharpen(g, 1.5, 3.0))),
    ("sharpen", lambda g: zxing_detect(_sharpen(g))),
    ("threshold", lambda g: zxing_detect(_threshold(g))),
    ("stretch", lambda g: zxing_detect(_stretch(g))),
    ("wide threshold", lambda g: zxing_detect(_wide_threshold(g))),
    ("enlarge 3x", _read_enlarged3),
    ("pyzbar", lambda g: pyzbar_detect(g)),
)


def _read_square(square: np.ndarray) -> list[Detection]:
    """A rectified (or flattened) square: read plain, then, blurred or unevenly lit, box
    unsharp-masked and adaptively thresholded (the square is at most 600 px, so each costs
    about one first pass of a 640x480 frame)."""
    return zxing_detect(square) or _read_box_sharpened(square) or zxing_detect(_threshold(square))


def _read_flattened(gray: np.ndarray, quad: np.ndarray | None = None) -> list[Detection]:
    """A code on a light patch against a darker surround: the patch rectified to a square and
    read (a flat code in strong perspective, which zxing-cpp's grid fit from finder and
    alignment patterns misses), then flattened (wavy cloth) and read, then flattened once more
    (folds larger than a module leave a residual shift the first round only halves)."""
    if quad is None:
        quad = patch_quad(gray)
    if quad is None:
        return []
    square = rectify(gray, quad)
    found = zxing_detect(square.image) or _read_box_sharpened(square.image)
    flat = None
    for _ in range(FLATTEN_ROUNDS):
        if found:
            break
        flat = flatten_square(square if flat is None else square._replace(image=flat))
        if flat is None:
            return []
        found = _read_square(flat)
    if not found:
        return []
    back = np.linalg.inv(square.homography)  # corners via the rectification (flattening is small)
    out = []
    for d in found:
        pts = np.asarray(d.points, np.float32).reshape(-1, 1, 2)
        mapped = cv2.perspectiveTransform(pts, back).reshape(-1, 2) if len(pts) else pts
        out.append(Detection(d.text, tuple((float(x), float(y)) for x, y in mapped)))
    return out


def _read_busy_patch_flattened(gray: np.ndarray) -> list[Detection]:
    """The flattening where nothing was located: only for a patch busy with edges as a code's
    modules are (mean absolute Laplacian at least ``MIN_PATCH_EDGES``). Frames without a code
    often hold a light "patch" (a lit part of the desk) whose flattening would cost 30-50 ms;
    the check costs well under a millisecond (on 896 tuning images codes measured 13-45, patches
    without a code at most 4)."""
    quad = patch_quad(gray)
    if quad is None:
        return []
    x, y, w, h = cv2.boundingRect(quad.astype(np.int32))
    x, y = max(x, 0), max(y, 0)
    box = gray[y : y + h, x : x + w]
    if box.size == 0:
        return []
    mask = np.zeros(box.shape, np.uint8)
    cv2.fillConvexPoly(mask, (quad - [x, y]).astype(np.int32), 255)
    edges = cv2.Laplacian(box, cv2.CV_16S)
    if float(cv2.mean(cv2.convertScaleAbs(edges), mask)[0]) < MIN_PATCH_EDGES:
        return []
    return _read_flattened(gray, quad)


#: whole-image rescues that run only when the first pass located a symbol it could not read
#: (after the crop rescues: zxing-cpp's suspects on a bent code are its finder patterns, read
#: as small Micro QR symbols, so a crop around them misses the code)
SUSPECT_RESCUES: tuple[tuple[str, Rescue], ...] = (("flatten", _read_flattened),)


def _read_halved_sharpened(gray: np.ndarray) -> list[Detection]:
    if min(gray.shape) < 2 * MIN_SIDE:
        return []
    return _scaled(zxing_detect(_sharpen(_halve(gray), 1.0, 3.0)), 2.0)


def _box_sharpen(gray: np.ndarray) -> np.ndarray:
    """A cheap strong unsharp mask (5x5 box blur)."""
    return cv2.addWeighted(gray, 4.0, cv2.blur(gray, (5, 5)), -3.0, 0)


def _read_box_sharpened(gray: np.ndarray) -> list[Detection]:
    """The box unsharp mask read by one plain zxing-cpp pass: blurred photos where nothing was
    located (as many reads as a Gaussian mask at 60% of its cost)."""
    return zxing_detect(_box_sharpen(gray), try_invert=False, try_downscale=False)


def _read_global(gray: np.ndarray) -> list[Detection]:
    """zxing-cpp with its global-histogram binarizer (one threshold for the image): codes whose
    local-average binarisation breaks up (low contrast, small or moire-beaten modules). About
    half a first pass: the global threshold is cheaper than the local one."""
    return zxing_detect(gray, global_histogram=True)


def _read_box_sharpened_global(gray: np.ndarray) -> list[Detection]:
    """The box unsharp mask binarised by one global threshold: blurred photos and halftone
    codes the local binarizer breaks up (reads other images than the two passes alone)."""
    return zxing_detect(
        _box_sharpen(gray), global_histogram=True, try_invert=False, try_downscale=False
    )


#: whole-image rescues when nothing was located, best yield per millisecond first, each with
#: its cost in first passes on a frame without a code (the worst case, 640x480, measured by
#: ``bench_decode.py --rescues``): a budget, so that a frame without a code stays cheap. (A plain
#: halved copy read nothing on 1,064 tuning images, zxing-cpp's own downscaling covers it: gone.
#: The two global-histogram passes read 7 of the 51 codes the rest missed on 896 tuning images,
#: the flattening of an unlocated busy patch 5 more; its cost is the patch search, ~2 ms.)
FRAME_RESCUES: tuple[tuple[str, Rescue, float], ...] = (
    ("global histogram", _read_global, 0.5),
    ("box sharpen global", _read_box_sharpened_global, 0.5),
    ("halve+sharpen", _read_halved_sharpened, 1.2),
    ("box sharpen", _read_box_sharpened, 1.0),
    ("sharpen strong", lambda g: zxing_detect(_sharpen(g, 1.5, 3.0), try_downscale=False), 4.5),
    ("enlarge", _read_enlarged, 9.9),
    ("sharpen", lambda g: zxing_detect(_sharpen(g)), 4.8),
    ("threshold", lambda g: zxing_detect(_threshold(g)), 8.0),
    ("flatten", _read_busy_patch_flattened, 2.0),
)


#: budgeted whole-image rescues that still images skip (camera loops keep them): every code the
#: halved sharpened copy read on 1,568 tuning images another rescue or the located patch reads
#: too (0 lost), and it costs about two thirds of a first pass on a 640x480 image without a code
STILL_SKIPS = frozenset({"halve+sharpen"})


def _frame_rescues(gray: np.ndarray, budget: float) -> list[Rescue]:
    """The whole-image rescues for a still image that fit in ``budget`` first-pass costs."""
    chosen: list[Rescue] = []
    small = max(gray.shape) < UPSCALE_BELOW
    for name, run, cost in FRAME_RESCUES:
        if (name == "enlarge" and not small) or name in STILL_SKIPS:
            continue
        if cost <= budget:
            chosen.append(run)
            budget -= cost
    return chosen


def _read_located(gray: np.ndarray) -> list[Detection]:
    """The largest busy patch (``scanning/located.py``): deconvolved when square (blurred
    photos), read with a white and a mirrored border when it touches the edge (clipped codes),
    then, when square, equalised and thresholded (glare, low contrast, small modules). The patch
    search costs about a third of a first pass; the reads run on a crop."""
    box = located.busy_box(gray)
    if box is None:
        return []
    found = (
        located.read_deblurred(gray, box)
        or located.read_edge_padded(gray, box)
        # glare, dim or small: local contrast equalised, then (enlarged) adaptively thresholded,
        # which separates modules neither filter alone does
        or located.read_filtered(gray, box, _stretch, _threshold)
    )
    return [Detection(text, points) for text, points in found]


#: rescues for still images only (``decode``/``detect`` without ``rescue=``), after the budgeted
#: whole-image ones; never in a camera loop's schedule
STILL_RESCUES: tuple[tuple[str, Rescue], ...] = (("located patch", _read_located),)


def _crop(gray: np.ndarray, corners: tuple[Point, ...]) -> tuple[np.ndarray, float, float] | None:
    """The suspect's bounding box plus a margin (a quarter of its size), or None if empty."""
    if not corners:
        return None
    xs = [x for x, _ in corners]
    ys = [y for _, y in corners]
    margin = 0.25 * max(max(xs) - min(xs), max(ys) - min(ys)) + 8
    h, w = gray.shape
    x0, x1 = int(max(0, min(xs) - margin)), int(min(w, max(xs) + margin))
    y0, y1 = int(max(0, min(ys) - margin)), int(min(h, max(ys) + margin))
    if x1 - x0 < MIN_SIDE or y1 - y0 < MIN_SIDE:
        return None
    return np.ascontiguousarray(gray[y0:y1, x0:x1]), float(x0), float(y0)


def _offset(found: list[Detection], dx: float, dy: float) -> list[Detection]:
    return [Detection(d.text, tuple((x + dx, y + dy) for x, y in d.points)) for d in found]


def _safe(run: Rescue, gray: np.ndarray) -> list[Detection]:
    try:
        return run(gray)
    except cv2.error:  # an odd shape for one filter must not end decoding
        return []


def _roi_rescue(
    gray: np.ndarray, suspects: Sequence[tuple[Point, ...]], passes: Sequence[Rescue]
) -> list[Detection]:
    crops = [c for c in (_crop(gray, s) for s in suspects[:MAX_SUSPECTS]) if c is not None]
    for run in passes:
        for crop, dx, dy in crops:
            found = _safe(run, crop)
            if found:
                return _offset(found, dx, dy)
    return []


def camera_schedule(index: int) -> tuple[int, int | None]:
    """Which rescue frame ``index`` of a camera loop gets: (ROI rescue, whole-image rescue).

    A suspect gets one ROI rescue per frame (they are cheap), rotating; an index past the ROI
    rescues names a suspect-triggered whole-image rescue (``SUSPECT_RESCUES``). Whole-image
    rescues without a suspect are spread so that each frame pays on average about a third of a first pass: rescue ``k`` runs
    once in a cycle whose other frames run none.
    """
    roi = index % (len(ROI_RESCUES) + len(SUSPECT_RESCUES))
    slots: list[int | None] = []
    for k, (_, _, cost) in enumerate(FRAME_RESCUES):
        slots.append(k)
        slots.extend([None] * max(0, math.ceil(cost * 3) - 1))
    return roi, slots[index % len(slots)]


def _prepare(image: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, float]:
    """Grayscale (downscaled when long) for the first pass, the full resolution, and the factor."""
    gray = to_gray(image)
    full: np.ndarray | None = None
    factor = 1.0
    longest = max(gray.shape[:2])
    if longest > MAX_SIDE and min(gray.shape[:2]) * MAX_SIDE / longest >= MIN_SIDE:
        full = gray
        factor = longest / MAX_SIDE
        size = (round(gray.shape[1] / factor), round(gray.shape[0] / factor))
        # INTER_AREA costs 6-8 ms on a 1080p frame; linear is 1 ms and reads as well up to 2x
        interpolation = cv2.INTER_LINEAR if factor < 2.0 else cv2.INTER_AREA
        gray = cv2.resize(gray, size, interpolation=interpolation)
    return gray, full, factor


def detect(
    image: np.ndarray, *, thorough: bool = True, rescue: int | None = None
) -> list[Detection]:
    """All QR codes found in ``image`` (BGR, BGRA or grayscale), corners in image coordinates.

    ``thorough=False`` runs only the first pass and the rescues of located suspects.
    ``rescue=n`` is for camera loops (``n`` = frame counter): the first pass, then only the
    rescue slice that :func:`camera_schedule` gives frame ``n``; no full-resolution pass.
    An image too small to hold a code gives ``[]``; one OpenCV cannot process raises ScanError.
    """
    if isinstance(image, np.ndarray) and image.ndim in (2, 3) and min(image.shape[:2]) < MIN_SIDE:
        if image.size == 0 or (image.ndim == 3 and image.shape[2] not in (1, 3, 4)):
            to_gray(image)  # raises the ValueError for what is not an image
        return []
    try:
        return _detect(image, thorough=thorough, rescue=rescue)
    except cv2.error:
        raise ScanError(
            "The image cannot be scanned (OpenCV cannot process an image of this size or type)."
        ) from None


def _detect(image: np.ndarray, *, thorough: bool, rescue: int | None) -> list[Detection]:
    step = 1
    if isinstance(image, np.ndarray) and image.ndim in (2, 3):
        pixels = image.shape[0] * image.shape[1]
        if pixels > MAX_PIXELS:  # sample first: converting a gigapixel array costs gigabytes
            step = math.ceil(math.sqrt(pixels / MAX_PIXELS))
            image = image[::step, ::step]
    gray, full, factor = _prepare(image)
    factor *= step
    found, suspects = zxing_scan(gray)
    if found:
        return _dedupe(_scaled(found, factor))
    if rescue is not None:
        roi, whole = camera_schedule(rescue)
        if suspects and roi < len(ROI_RESCUES):
            found = _roi_rescue(gray, suspects, [ROI_RESCUES[roi][1]])
        elif suspects:
            found = _safe(SUSPECT_RESCUES[roi - len(ROI_RESCUES)][1], gray)
        elif whole is not None:
            found = _safe(FRAME_RESCUES[whole][1], gray)
        return _dedupe(_scaled(found, factor))
    if suspects:
        found = _roi_rescue(gray, suspects, [run for _, run in ROI_RESCUES])
        for _, run in SUSPECT_RESCUES:
            found = found or _safe(run, gray)
        if found:
            return _dedupe(_scaled(found, factor))
    if not thorough:
        return []
    for run in _frame_rescues(gray, FRAME_BUDGET) + [run for _, run in STILL_RESCUES]:
        found = _safe(run, gray)
        if found:
            return _dedupe(_scaled(found, factor))
    if full is not None:
        found, suspects = zxing_scan(full)
        if not found and suspects:
            found = _roi_rescue(full, suspects, [run for _, run in ROI_RESCUES])
        if found:
            return _dedupe(_scaled(found, float(step)))
    return []


def decode(image: np.ndarray, *, thorough: bool = True) -> list[str]:
    """Texts of all QR codes found in ``image``, without repeats. Pure; ValueError for something
    that is not an image, ScanError for an image OpenCV cannot process."""
    return [d.text for d in detect(image, thorough=thorough)]


def decode_file(path: str | os.PathLike[str]) -> list[str]:
    """Texts of all QR codes in an image file. Raises ScanError when the file cannot be read."""
    return decode(load_image(path))
