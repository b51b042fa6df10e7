"""Rescues from a located busy patch: for still images where zxing-cpp located nothing.

:func:`busy_box` finds the largest patch dense with edges (a QR code's modules, even blurred,
are; a desk, a wall or a sky is not) from a gradient map at an eighth of the half-size image:
well under half a first pass. Two rescues then run on a crop of the image around it, so they
cost little whatever the image size:

* :func:`read_deblurred`, for a roughly square patch (a code is square; a line of text is not):
  a Wiener deconvolution with a Gaussian point-spread function at a few widths (out-of-focus
  photos whose modules are smeared beyond what an unsharp mask restores), and, where the
  gradients have a strong direction (a shaken camera smears the edges along its motion), with a
  short line along that motion; each read on a 2x enlargement (it gives up when the first two
  show no finder pattern at all);
* :func:`read_filtered`, for a roughly square patch: the crop through filters the caller gives
  (the pipeline: local contrast equalised, enlarged, adaptively thresholded) and read once;
* :func:`read_edge_padded`, for a patch touching the image's edge (a code clipped by the frame,
  its quiet zone or part of a finder pattern cut off): the crop read with a white border added
  (a quiet zone), then mirrored outwards (a finder pattern cut near its centre mirrors into a
  whole one; the modules lost beyond the edge are left to the error correction).

Qt-free and pure, like the rest of the pipeline.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import Any, NamedTuple

import cv2
import numpy as np
import zxingcpp

#: gradient cells: the half-size image's energy averaged over cells this many pixels wide
CELL = 8
#: a cell is busy at this fraction of the busiest cell's energy
BUSY_FRACTION = 0.45
#: below this peak energy (mean absolute Sobel of a cell) nothing in the image is a code
MIN_ENERGY = 8.0
#: the deblur runs only on a box whose sides are within this ratio of each other
MAX_ASPECT = 1.5
#: a clipped code's box is at least this long on its shorter side, in pixels (a line of text
#: is narrower)
MIN_CLIPPED_SIDE = 64
#: Wiener deconvolutions tried, in order: (Gaussian sigma in pixels, noise-to-signal ratio); the
#: last, the widest with the least regularisation, read 1 more of 2,352 tuning images and 1 of
#: the held-out seed's 392 (both heavily blurred, one JPEG-damaged)
DEBLUR_PARAMS: tuple[tuple[float, float], ...] = (
    (1.8, 0.01),
    (1.4, 0.03),
    (2.2, 0.003),
    (1.8, 0.003),
    (2.2, 0.001),
)
#: a crop whose weaker gradient direction has at most this fraction of the stronger one's energy
#: is motion-blurred (on the tuning images: the shaken photos it reads 0.39-0.70, out-of-focus
#: ones mostly 0.8-0.97)
MAX_MOTION_ANISOTROPY = 0.75
#: motion deconvolutions tried then: (line length in pixels, Gaussian sigma, noise-to-signal)
MOTION_PARAMS: tuple[tuple[int, float, float], ...] = ((5, 1.2, 0.01), (5, 1.7, 0.003))
#: the deblur gives up when the first this many deconvolutions show no finder pattern at all (a
#: busy patch, not a code). With one, every code a later width read on 1,568 tuning images was
#: located by the first; but a noisy, mildly blurred code (glare, JPEG) shows its finder patterns
#: only through the milder second filter, which alone reads it: 2 more reads on 2,352 tuning
#: images, 2 of the 4 per category held-out seed's 6 misses, for one more deconvolution of a busy
#: square patch without a code
GATE_TRIES = 2
#: crops larger than this (longest side) are not enlarged before reading
ENLARGE_BELOW = 480

Point = tuple[float, float]


class Box(NamedTuple):
    """A patch's bounding box in image pixels, ``x1``/``y1`` exclusive."""

    x0: int
    y0: int
    x1: int
    y1: int


def busy_box(gray: np.ndarray) -> Box | None:
    """The bounding box of the largest patch dense with edges, or None in a featureless image."""
    h, w = gray.shape
    if h < 4 * CELL or w < 4 * CELL:
        return None
    half = cv2.resize(gray, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    gx = cv2.convertScaleAbs(cv2.Sobel(half, cv2.CV_16S, 1, 0))
    gy = cv2.convertScaleAbs(cv2.Sobel(half, cv2.CV_16S, 0, 1))
    energy = cv2.addWeighted(gx, 0.5, gy, 0.5, 0)
    cells = cv2.resize(
        energy,
        (energy.shape[1] // CELL, energy.shape[0] // CELL),
        interpolation=cv2.INTER_AREA,
    )
    peak = float(cells.max())
    if peak < MIN_ENERGY:
        return None
    mask = (cells >= BUSY_FRACTION * peak).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    if n < 2:
        return None
    i = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    x, y, bw, bh = (int(v) for v in stats[i, :4])
    s = 2 * CELL
    return Box(x * s, y * s, min(w, (x + bw) * s), min(h, (y + bh) * s))


def _crop(gray: np.ndarray, box: Box, margin: float) -> tuple[np.ndarray, int, int]:
    h, w = gray.shape
    m = int(margin * max(box.x1 - box.x0, box.y1 - box.y0)) + 8
    x0, y0 = max(0, box.x0 - m), max(0, box.y0 - m)
    x1, y1 = min(w, box.x1 + m), min(h, box.y1 + m)
    return np.ascontiguousarray(gray[y0:y1, x0:x1]), x0, y0


def _read(
    gray: np.ndarray,
    *,
    global_histogram: bool = False,
    plain: bool = False,
    located: list[Any] | None = None,
) -> list[Any]:
    """zxing-cpp's valid full QR codes (Micro QR / rMQR are misread finder patterns); with
    ``located``, the symbols located but not read are appended to it."""
    results = zxingcpp.read_barcodes(
        gray,
        formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode),
        try_rotate=not plain,
        try_downscale=not plain,
        try_invert=not plain,
        binarizer=(
            zxingcpp.Binarizer.GlobalHistogram
            if global_histogram
            else zxingcpp.Binarizer.LocalAverage
        ),
        text_mode=zxingcpp.TextMode.Plain,
        return_errors=located is not None,
    )
    small = (zxingcpp.BarcodeFormat.MicroQRCode, zxingcpp.BarcodeFormat.RMQRCode)
    full = [r.valid and r.format not in small for r in results]
    if located is not None:
        located.extend(r for r, ok in zip(results, full, strict=True) if not ok)
    return [r for r, ok in zip(results, full, strict=True) if ok]


def _placed(
    results: list[Any], scale: float, dx: float, dy: float
) -> list[tuple[str, tuple[Point, ...]]]:
    out = []
    for r in results:
        p = r.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        out.append((r.text, tuple((c.x * scale + dx, c.y * scale + dy) for c in corners)))
    return out


#: the Wiener filters are built as spatial kernels of this size (they decay well within it)
KERNEL_SIZE = 64


def _psf(sigma: float, line: tuple[int, float] | None) -> np.ndarray:
    """A point-spread function centred in a ``KERNEL_SIZE`` square: a Gaussian of ``sigma``,
    or with ``line=(length, angle)`` a line of that length at that angle (radians) blurred so."""
    c = KERNEL_SIZE // 2
    psf: np.ndarray = np.zeros((KERNEL_SIZE, KERNEL_SIZE), np.float32)
    if line is None:
        psf[c, c] = 1.0
    else:
        length, angle = line
        half = (length - 1) / 2
        dx, dy = half * math.cos(angle), half * math.sin(angle)
        cv2.line(  # anti-aliased, at 1/16 px precision
            psf,
            (round((c - dx) * 16), round((c - dy) * 16)),
            (round((c + dx) * 16), round((c + dy) * 16)),
            1.0,
            1,
            cv2.LINE_AA,
            4,
        )
    blurred = cv2.GaussianBlur(psf, (0, 0), sigma)
    return blurred / blurred.sum()


def _wiener_kernel(psf: np.ndarray, nsr: float) -> np.ndarray:
    """The Wiener deconvolution of ``psf`` as a spatial kernel, centred like ``psf``."""
    otf = np.fft.fft2(np.fft.ifftshift(psf))
    gain = np.conj(otf) / (np.abs(otf) ** 2 + nsr)
    return np.fft.fftshift(np.real(np.fft.ifft2(gain))).astype(np.float32)


def _spectrum(kernel: np.ndarray, height: int, width: int) -> np.ndarray:
    """A centred kernel's spectrum at a DFT size, in OpenCV's packed (CCS) layout."""
    c = KERNEL_SIZE // 2
    padded = np.zeros((height, width), np.float32)
    k = kernel[: min(KERNEL_SIZE, height), : min(KERNEL_SIZE, width)]
    padded[: k.shape[0], : k.shape[1]] = k
    return cv2.dft(np.roll(padded, (-c, -c), (0, 1)))  # centred on the origin: no shift


@functools.lru_cache(maxsize=32)
def _gaussian_gain(height: int, width: int, sigma: float, nsr: float) -> np.ndarray:
    return _spectrum(_wiener_kernel(_psf(sigma, None), nsr), height, width)


def motion_direction(gray: np.ndarray) -> tuple[float, float]:
    """The direction (radians) along which edges are weakest, and the ratio of the weaker to the
    stronger gradient energy (1: no direction; a motion-blurred photo: well below)."""
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1)
    a, b, d = float(cv2.mean(gx * gx)[0]), float(cv2.mean(gy * gy)[0]), float(cv2.mean(gx * gy)[0])
    strong = 0.5 * math.atan2(2 * d, a - b)  # the direction of the strongest gradients
    root = math.sqrt(max(0.25 * (a - b) ** 2 + d * d, 0.0))
    high, low = 0.5 * (a + b) + root, 0.5 * (a + b) - root
    return strong + math.pi / 2, (low / high if high > 0 else 1.0)


def deconvolve(
    gray: np.ndarray, sigma: float, nsr: float, *, line: tuple[int, float] | None = None
) -> np.ndarray:
    """Wiener deconvolution of a Gaussian blur of ``sigma`` px (``nsr``: noise-to-signal), or
    with ``line=(length, angle)`` of that Gaussian along a line (camera motion). Real-input
    DFTs in OpenCV's packed layout: several times cheaper than complex ones."""
    pad = KERNEL_SIZE // 4
    src = cv2.copyMakeBorder(gray, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    h, w = src.shape
    dh, dw = cv2.getOptimalDFTSize(h), cv2.getOptimalDFTSize(w)
    src = cv2.copyMakeBorder(src, 0, dh - h, 0, dw - w, cv2.BORDER_REPLICATE)
    if line is None:
        gain = _gaussian_gain(dh, dw, sigma, nsr)
    else:
        gain = _spectrum(_wiener_kernel(_psf(sigma, line), nsr), dh, dw)
    spectrum = cv2.mulSpectrums(cv2.dft(src.astype(np.float32)), gain, 0)
    out = cv2.idft(spectrum, flags=cv2.DFT_SCALE | cv2.DFT_REAL_OUTPUT)
    return np.clip(out[pad : h - pad, pad : w - pad], 0, 255).astype(np.uint8)


def read_deblurred(gray: np.ndarray, box: Box) -> list[tuple[str, tuple[Point, ...]]]:
    """A roughly square busy patch deconvolved at each of ``DEBLUR_PARAMS`` (then, if its
    gradients are directional, ``MOTION_PARAMS``) and read; nothing more once the first
    ``GATE_TRIES`` deconvolutions show no finder pattern at all."""
    bw, bh = box.x1 - box.x0, box.y1 - box.y0
    if not (bw * MAX_ASPECT >= bh and bh * MAX_ASPECT >= bw):
        return []
    crop, dx, dy = _crop(gray, box, 0.15)
    enlarge = max(crop.shape) < ENLARGE_BELOW
    tries: list[tuple[float, float, tuple[int, float] | None]] = [
        (sigma, nsr, None) for sigma, nsr in DEBLUR_PARAMS
    ]
    angle, anisotropy = motion_direction(crop)
    if anisotropy <= MAX_MOTION_ANISOTROPY:
        tries += [(sigma, nsr, (length, angle)) for length, sigma, nsr in MOTION_PARAMS]
    suspects: list[Any] = []
    for i, (sigma, nsr, line) in enumerate(tries):
        sharp = deconvolve(crop, sigma, nsr, line=line)
        if enlarge:
            sharp = cv2.resize(sharp, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
        found = _read(sharp, plain=True, located=suspects if i < GATE_TRIES else None)
        if found:
            return _placed(found, 0.5 if enlarge else 1.0, dx, dy)
        if i == GATE_TRIES - 1 and not suspects:
            # the first deconvolutions show no finder pattern at all: a busy patch, not a code
            return []
    return []


def read_filtered(
    gray: np.ndarray,
    box: Box,
    before: Callable[[np.ndarray], np.ndarray],
    after: Callable[[np.ndarray], np.ndarray],
) -> list[tuple[str, tuple[Point, ...]]]:
    """A roughly square busy patch's crop through ``before``, enlarged 2x when small, through
    ``after``, read once (plain)."""
    bw, bh = box.x1 - box.x0, box.y1 - box.y0
    if not (bw * MAX_ASPECT >= bh and bh * MAX_ASPECT >= bw):
        return []
    crop, dx, dy = _crop(gray, box, 0.15)
    enlarge = max(crop.shape) < ENLARGE_BELOW
    image = before(crop)
    if enlarge:
        image = cv2.resize(image, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
    return _placed(_read(after(image), plain=True), 0.5 if enlarge else 1.0, dx, dy)


def read_edge_padded(gray: np.ndarray, box: Box) -> list[tuple[str, tuple[Point, ...]]]:
    """A busy patch touching the image's edge, read with a white and then a mirrored border."""
    h, w = gray.shape
    if not (box.x0 <= 0 or box.y0 <= 0 or box.x1 >= w or box.y1 >= h):
        return []
    if min(box.x1 - box.x0, box.y1 - box.y0) < MIN_CLIPPED_SIDE:
        return []
    crop, dx, dy = _crop(gray, box, 0.15)
    m = max(16, min(crop.shape) // 8)
    white = cv2.copyMakeBorder(crop, m, m, m, m, cv2.BORDER_CONSTANT, value=255)
    found = _read(white, global_histogram=True)
    if not found:
        found = _read(cv2.copyMakeBorder(crop, m, m, m, m, cv2.BORDER_REFLECT))
    return _placed(found, 1.0, dx - m, dy - m)
