"""Flatten a QR code printed on wavy cloth (pure numpy/OpenCV; no Qt, no I/O).

A code on cloth is bent by folds: its module grid is displaced smoothly, by up to a module or
more, which no perspective fit (zxing-cpp's sampling grid) follows. This rescue:

1. finds the light patch the code is printed on against a darker surround (:func:`patch_quad`)
   and rectifies that quadrilateral to a square (perspective and rotation gone:
   :func:`rectify`, which alone reads a flat code in strong perspective);
2. measures the module pitch from the spectrum of the edge energy (module edges fall on the
   grid lines, so ``|d/dx|`` is periodic with the pitch);
3. demodulates the edge energy at that pitch, per axis: the local phase is the local grid
   shift; it is unwrapped by least squares (a DCT Poisson solve, which spreads a noisy spot
   instead of tearing the image as a path-following unwrap would);
4. remaps the square by the shift field, so the grid lines are straight again
   (:func:`flatten_square`; a second round removes what large folds leave).

The flattened square goes back to zxing-cpp, whose Reed-Solomon check still decides what is
read: the rescue moves pixels, it cannot invent a code.
"""

from __future__ import annotations

from typing import NamedTuple

import cv2
import numpy as np

#: the patch is found on a copy whose longest side is at most this (pixels)
LOCATE_SIDE = 400
#: the rectified square's side is the patch's own size clipped to this range (pixels): 600 still
#: gives a version-15 code 7 px per module, and keeps the rescue near 20 ms on a camera frame
MIN_SQUARE, MAX_SQUARE = 150, 600
#: a patch covering less (or more) of the image than this is not a printed code's patch
MIN_AREA, MAX_AREA = 0.01, 0.9
#: the patch (its 75th percentile) must be this much brighter than the surround's median
MIN_PATCH_CONTRAST = 40.0


def _order(pts: np.ndarray) -> np.ndarray:
    """Four corners clockwise (as seen, y down), the top-left-most first."""
    pts = np.asarray(pts, np.float32).reshape(-1, 2)
    c = pts.mean(0)
    pts = pts[np.argsort(np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0]))]
    return np.roll(pts, -int(np.argmin(pts.sum(1))), axis=0)


def _quantile(gray: np.ndarray, mask: np.ndarray, q: float) -> float:
    """The ``q`` quantile (to a grey level) of ``gray`` where ``mask`` is set: from a histogram,
    a tenth of the cost of sorting the pixels (np.percentile took most of ``patch_quad``)."""
    hist = cv2.calcHist([gray], [0], mask, [256], [0, 256]).ravel().cumsum()
    return float(np.searchsorted(hist, q * hist[-1]))


def patch_quad(gray: np.ndarray) -> np.ndarray | None:
    """The quadrilateral (4x2 float32, clockwise) of a light patch on a dark surround, or None."""
    h, w = gray.shape
    f = max(1, -(-max(h, w) // LOCATE_SIDE))
    small = cv2.resize(gray, (w // f, h // f), interpolation=cv2.INTER_AREA) if f > 1 else gray
    _, bw = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bw = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))  # the code's dark modules
    contours, _ = cv2.findContours(bw, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    contour = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(contour)
    if not MIN_AREA * small.size <= area <= MAX_AREA * small.size:
        return None
    inside = np.zeros_like(bw)
    cv2.drawContours(inside, [contour], -1, 255, -1)
    light = _quantile(small, inside, 0.75)  # the patch, not the code's modules
    if light - _quantile(small, cv2.bitwise_not(inside), 0.5) < MIN_PATCH_CONTRAST:
        return None
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.02, 0.04, 0.06, 0.08, 0.1):
        approx = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(approx) == 4:
            break
    else:
        approx = cv2.boxPoints(cv2.minAreaRect(contour))
    return _order(approx.reshape(-1, 2).astype(np.float32) * f)


def _pitch(energy: np.ndarray, axis: int, longest: float) -> float:
    """The period (pixels) of ``energy`` along ``axis``: the summed power spectrum of bands."""
    a = energy if axis == 1 else energy.T
    n = a.shape[1]
    nb = max(1, a.shape[0] // 16)
    bands = a[: nb * 16].reshape(nb, 16, n).sum(1)
    bands = bands - bands.mean(1, keepdims=True)
    spectrum = (np.abs(np.fft.rfft(bands * np.hanning(n)[None, :], axis=1)) ** 2).sum(0)
    freqs = np.arange(spectrum.size) / n
    allowed = np.flatnonzero((freqs >= 1 / longest) & (freqs <= 1 / 2.5))
    if allowed.size == 0:
        return 0.0
    i = float(allowed[np.argmax(spectrum[allowed])])
    k = int(i)
    if 0 < k < spectrum.size - 1:  # parabolic peak on the log spectrum
        y0, y1, y2 = np.log(spectrum[k - 1 : k + 2] + 1e-9)
        curvature = y0 - 2 * y1 + y2
        if curvature < 0:
            i += 0.5 * (y0 - y2) / curvature
    return n / i if i > 0 else 0.0


def _wrap(a: np.ndarray) -> np.ndarray:
    return (a + np.pi) % (2 * np.pi) - np.pi


def unwrap_phase(phi: np.ndarray) -> np.ndarray:
    """Least-squares 2-D phase unwrapping (Ghiglia-Romero): a Poisson solve by DCT."""
    h, w = phi.shape
    hh, ww = h + h % 2, w + w % 2  # cv2.dct wants even sizes
    p = np.empty((hh, ww), np.float64)
    p[:h, :w] = phi
    p[h:, :w] = phi[h - 1 :, :]
    p[:, w:] = p[:, w - 1 : w]
    dx = np.zeros_like(p)
    dy = np.zeros_like(p)
    dx[:, :-1] = _wrap(np.diff(p, axis=1))
    dy[:-1, :] = _wrap(np.diff(p, axis=0))
    rho = dx + dy
    rho[:, 1:] -= dx[:, :-1]
    rho[1:, :] -= dy[:-1, :]
    d = np.asarray(cv2.dct(rho), np.float64)
    i = np.arange(hh)[:, None]
    j = np.arange(ww)[None, :]
    denominator = 2 * np.cos(np.pi * i / hh) + 2 * np.cos(np.pi * j / ww) - 4
    denominator[0, 0] = 1.0
    d /= denominator
    d[0, 0] = 0.0
    return np.asarray(cv2.idct(d)[:h, :w])


def _shift_field(energy: np.ndarray, pitch: float, axis: int) -> np.ndarray:
    """The local grid shift (pixels, along ``axis``) at every pixel of ``energy``."""
    h, w = energy.shape
    u = 2 * np.pi * np.arange(w if axis == 1 else h, dtype=np.float32) / pitch
    cos, sin = np.cos(u), -np.sin(u)
    if axis == 1:
        re, im = energy * cos[None, :], energy * sin[None, :]
    else:
        re, im = energy * cos[:, None], energy * sin[:, None]
    k = max(1.0, pitch / 2)  # the phase is smooth: work at two samples per module
    size = (max(2, int(w / k)), max(2, int(h / k)))
    # averaged over about a module (sigma 2 samples): wider smooths folds away (measured)
    re = cv2.GaussianBlur(cv2.resize(re, size, interpolation=cv2.INTER_AREA), (0, 0), 2)
    im = cv2.GaussianBlur(cv2.resize(im, size, interpolation=cv2.INTER_AREA), (0, 0), 2)
    phase = unwrap_phase(np.arctan2(im, re))
    shift = (-phase * pitch / (2 * np.pi)).astype(np.float32)
    return cv2.resize(shift, (w, h), interpolation=cv2.INTER_LINEAR)


class Square(NamedTuple):
    """A patch rectified to a square: the image, the homography that maps image points into it,
    and the code's side and margin in it (pixels)."""

    image: np.ndarray
    homography: np.ndarray
    side: int
    margin: int


def rectify(gray: np.ndarray, quad: np.ndarray, margin: float = 0.08) -> Square:
    """The patch ``quad`` of ``gray`` warped to a square (perspective and rotation gone)."""
    quad = np.asarray(quad, np.float32).reshape(4, 2)
    longest = max(float(np.linalg.norm(quad[i] - quad[(i + 1) % 4])) for i in range(4))
    side = int(np.clip(longest, MIN_SQUARE, MAX_SQUARE))
    m = int(side * margin)
    full = side + 2 * m
    dst = np.array([[m, m], [m + side, m], [m + side, m + side], [m, m + side]], np.float32)
    homography = cv2.getPerspectiveTransform(quad, dst)
    image = cv2.warpPerspective(
        gray, homography, (full, full), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return Square(image, homography, side, m)


def flatten_square(square: Square) -> np.ndarray | None:
    """The rectified square with its module grid's local shift removed (the same geometry, so
    the result can be flattened again), or None when no module grid shows."""
    side, m = square.side, square.margin
    full = square.image.shape[0]
    f = square.image.astype(np.float32)
    inner = (slice(m, m + side), slice(m, m + side))
    gx = np.abs(cv2.Sobel(f, cv2.CV_32F, 1, 0, ksize=3))[inner]
    gy = np.abs(cv2.Sobel(f, cv2.CV_32F, 0, 1, ksize=3))[inner]
    px = _pitch(gx, 1, side / 21)
    py = _pitch(gy, 0, side / 21)
    if px <= 0 or py <= 0:
        return None
    dx = cv2.copyMakeBorder(_shift_field(gx, px, 1), m, m, m, m, cv2.BORDER_REPLICATE)
    dy = cv2.copyMakeBorder(_shift_field(gy, py, 0), m, m, m, m, cv2.BORDER_REPLICATE)
    grid = np.arange(full, dtype=np.float32)
    map_x = np.asarray(dx, np.float32) + grid[None, :]
    map_y = np.asarray(dy, np.float32) + grid[:, None]
    return cv2.remap(square.image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def flatten(
    gray: np.ndarray, quad: np.ndarray, margin: float = 0.08
) -> tuple[np.ndarray, np.ndarray] | None:
    """The patch ``quad`` of ``gray`` rectified and flattened, and the homography that maps image
    points into it (before flattening); None when no module grid shows."""
    square = rectify(gray, quad, margin)
    flat = flatten_square(square)
    return None if flat is None else (flat, square.homography)
