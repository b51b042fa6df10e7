"""Rescues from a located busy patch: for still images where zxing-cpp located nothing.

:func:`busy_box` finds the largest patch dense with edges (a QR code's modules, even blurred,
are; a desk, a wall or a sky is not) from a gradient map at an eighth of the half-size image:
well under half a first pass. Two rescues then run on a crop of the image around it, so they
cost little whatever the image size:

* :func:`read_deblurred`, for a roughly square patch (a code is square; a line of text is not):
  a Wiener deconvolution with a Gaussian point-spread function at a few widths (out-of-focus
  photos whose modules are smeared beyond what an unsharp mask restores), each read on a 2x
  enlargement;
* :func:`read_edge_padded`, for a patch touching the image's edge (a code clipped by the frame,
  its quiet zone or part of a finder pattern cut off): the crop read with a white border added
  (a quiet zone), then mirrored outwards (a finder pattern cut near its centre mirrors into a
  whole one; the modules lost beyond the edge are left to the error correction).

Qt-free and pure, like the rest of the pipeline.
"""

from __future__ import annotations

import functools
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
#: Wiener deconvolutions tried, in order: (Gaussian sigma in pixels, noise-to-signal ratio)
DEBLUR_PARAMS: tuple[tuple[float, float], ...] = ((1.8, 0.01), (1.4, 0.03), (2.2, 0.003))
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


def _read(gray: np.ndarray, *, global_histogram: bool = False, plain: bool = False) -> list[Any]:
    """zxing-cpp's valid full QR codes (Micro QR / rMQR are misread finder patterns)."""
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
    )
    return [
        r
        for r in results
        if r.valid
        and r.format not in (zxingcpp.BarcodeFormat.MicroQRCode, zxingcpp.BarcodeFormat.RMQRCode)
    ]


def _placed(
    results: list[Any], scale: float, dx: float, dy: float
) -> list[tuple[str, tuple[Point, ...]]]:
    out = []
    for r in results:
        p = r.position
        corners = (p.top_left, p.top_right, p.bottom_right, p.bottom_left)
        out.append((r.text, tuple((c.x * scale + dx, c.y * scale + dy) for c in corners)))
    return out


@functools.lru_cache(maxsize=16)
def _wiener_filter(height: int, width: int, sigma: float, nsr: float) -> np.ndarray:
    """The Wiener filter of a Gaussian blur, as a two-channel (complex) spectrum for cv2.dft."""
    fy = np.fft.fftfreq(height)[:, None]
    fx = np.fft.fftfreq(width)[None, :]
    otf = np.exp(-2 * np.pi**2 * sigma**2 * (fx**2 + fy**2)).astype(np.float32)
    gain = otf / (otf * otf + np.float32(nsr))
    return np.dstack([gain, gain])


def deconvolve(gray: np.ndarray, sigma: float, nsr: float, pad: int = 8) -> np.ndarray:
    """Wiener deconvolution of a Gaussian blur of ``sigma`` px (``nsr``: noise-to-signal)."""
    src = cv2.copyMakeBorder(gray, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    h, w = src.shape
    dh, dw = cv2.getOptimalDFTSize(h), cv2.getOptimalDFTSize(w)
    src = cv2.copyMakeBorder(src, 0, dh - h, 0, dw - w, cv2.BORDER_REPLICATE)
    spectrum = cv2.dft(src.astype(np.float32), flags=cv2.DFT_COMPLEX_OUTPUT)
    out = cv2.idft(
        spectrum * _wiener_filter(dh, dw, sigma, nsr), flags=cv2.DFT_SCALE | cv2.DFT_REAL_OUTPUT
    )
    return np.clip(out[pad : h - pad, pad : w - pad], 0, 255).astype(np.uint8)


def read_deblurred(gray: np.ndarray, box: Box) -> list[tuple[str, tuple[Point, ...]]]:
    """A roughly square busy patch deconvolved at each of ``DEBLUR_PARAMS`` and read."""
    bw, bh = box.x1 - box.x0, box.y1 - box.y0
    if not (bw * MAX_ASPECT >= bh and bh * MAX_ASPECT >= bw):
        return []
    crop, dx, dy = _crop(gray, box, 0.15)
    enlarge = max(crop.shape) < ENLARGE_BELOW
    for sigma, nsr in DEBLUR_PARAMS:
        sharp = deconvolve(crop, sigma, nsr)
        if enlarge:
            sharp = cv2.resize(sharp, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_CUBIC)
        found = _read(sharp, plain=True)
        if found:
            return _placed(found, 0.5 if enlarge else 1.0, dx, dy)
    return []


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
