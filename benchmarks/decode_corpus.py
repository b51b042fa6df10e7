"""Generate a photographed-looking QR code corpus for the decode benchmarks.

    .venv/bin/python benchmarks/decode_corpus.py [--out DIR] [--per-category N] [--seed S]

Each image is an otpauth URI of real length (or a Google export payload) rendered as a QR code,
placed in a 640x480 or 1280x720 frame and degraded like a phone/webcam photo: perspective,
blur, noise, JPEG artefacts, glare, low contrast, small modules, screen moire, dark mode, and
the hard cases seen in real photos: codes printed on wavy cloth (a mesh warp with fold shading)
shot against a dark surround, and "designer" codes whose modules are filled with a photograph
(halftone: only a dot at each module centre carries the bit; photo fill: the picture darkened
in dark modules and lightened in light ones). ``--seed`` makes a held-out corpus: the decoder
passes were tuned on the default seed, ``bench_decode.py`` reports a different one.
A ``manifest.json`` lists each file with its expected text and category. Deterministic per seed.
"""

from __future__ import annotations

import argparse
import base64
import json
import math
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import segno

RESOLUTIONS = {"640x480": (640, 480), "1280x720": (1280, 720)}
ISSUERS = [
    "GitHub",
    "Google",
    "Microsoft",
    "Amazon Web Services",
    "Dropbox",
    "emnify",
    "Discord",
    "GitLab",
    "Cloudflare",
    "Proton",
    "Bitwarden",
    "Nextcloud",
]
NAMES = [
    "alice@example.com",
    "bob.builder@company-domain.org",
    "j.doe",
    "ops-team@emnify.com",
    "maria.rossi+2fa@example.net",
    "admin",
]
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

Rng = np.random.Generator


def make_uri(rng: Rng) -> str:
    issuer = str(rng.choice(ISSUERS))
    name = str(rng.choice(NAMES))
    secret = "".join(rng.choice(list(B32), size=int(rng.choice([16, 26, 32, 52]))))
    label = f"{issuer}:{name}".replace(" ", "%20").replace("@", "%40")
    uri = f"otpauth://totp/{label}?secret={secret}&issuer={issuer.replace(' ', '%20')}"
    if rng.random() < 0.6:
        uri += "&algorithm=SHA1&digits=6&period=30"
    if rng.random() < 0.15:  # a few services add an image parameter: long codes
        uri += "&image=https%3A%2F%2Fexample.com%2Fstatic%2Flogos%2F" + issuer.lower()[:8] + ".png"
    return uri


def make_migration(rng: Rng) -> str:
    raw = bytes(rng.integers(0, 256, size=int(rng.integers(60, 200)), dtype=np.uint8))
    data = base64.b64encode(raw).decode().replace("+", "%2B").replace("/", "%2F")
    return "otpauth-migration://offline?data=" + data.replace("=", "%3D")


def qr_modules(text: str, rng: Rng) -> np.ndarray:
    """The code as a 0/255 uint8 module grid (1 px per module) with a 4-module quiet zone."""
    qr = segno.make(text, error=str(rng.choice(["L", "M", "M", "Q"])), micro=False)
    grid = np.array([list(row) for row in qr.matrix], dtype=np.uint8)
    grid = np.pad(grid, 4, constant_values=0)
    return np.where(grid > 0, 0, 255).astype(np.uint8)


@dataclass
class Look:
    """How strongly each degradation applies to one image."""

    module_px: tuple[float, float] = (2.6, 6.0)  # module size in the frame, in pixels
    rotate: float = 8.0  # degrees, +-
    perspective: float = 0.04  # corner jitter as a fraction of the code size
    blur: float = 0.5  # gaussian sigma, pixels
    motion: int = 0  # motion blur length, pixels
    noise: float = 3.0  # gaussian sigma, grey levels
    jpeg: int = 85
    glare: float = 0.0  # peak brightness added
    contrast: tuple[int, int] = (30, 225)  # dark and light levels of the code
    moire: bool = False
    invert: bool = False
    wave: float = 0.0  # cloth: mesh-warp amplitude, in modules
    dark_surround: bool = False  # the code (on a light patch) seen against a dark background
    fill: str = ""  # "halftone" or "photo": designer codes filled with a picture


def _category_looks() -> dict[str, Callable[[Rng], Look]]:
    def u(rng: Rng, a: float, b: float) -> float:
        return float(rng.uniform(a, b))

    return {
        "clean": lambda r: Look(),
        "perspective": lambda r: Look(rotate=30, perspective=u(r, 0.10, 0.22)),
        "blur": lambda r: Look(blur=u(r, 1.2, 2.2), motion=int(r.choice([0, 0, 5, 7]))),
        "noise": lambda r: Look(noise=u(r, 12, 28)),
        "jpeg": lambda r: Look(jpeg=int(r.integers(12, 35))),
        "glare": lambda r: Look(glare=u(r, 120, 230)),
        "low_contrast": lambda r: Look(
            contrast=(int(r.integers(95, 125)), int(r.integers(150, 175)))
        ),
        "small_modules": lambda r: Look(module_px=(1.5, 2.2), blur=0.4),
        "moire": lambda r: Look(moire=True, module_px=(3.0, 5.5)),
        "inverted": lambda r: Look(invert=True),
        "cloth_dark": lambda r: Look(
            wave=u(r, 0.5, 1.4),
            dark_surround=True,
            rotate=15,
            perspective=u(r, 0.03, 0.10),
            blur=u(r, 0.5, 1.1),
            noise=u(r, 4, 10),
            jpeg=int(r.integers(50, 85)),
        ),
        "halftone": lambda r: Look(fill="halftone", module_px=(4.0, 7.0), blur=u(r, 0.4, 0.9)),
        "photo_fill": lambda r: Look(fill="photo", module_px=(3.5, 6.5), blur=u(r, 0.4, 0.9)),
        "mixed": lambda r: Look(
            rotate=20,
            perspective=u(r, 0.05, 0.15),
            blur=u(r, 0.8, 1.6),
            noise=u(r, 6, 14),
            jpeg=int(r.integers(30, 60)),
            glare=float(r.choice([0.0, u(r, 80, 160)])),
            contrast=(int(r.integers(50, 90)), int(r.integers(170, 210))),
        ),
    }


CATEGORIES = list(_category_looks())


def _background(rng: Rng, w: int, h: int) -> np.ndarray:
    """A desk / paper-ish background: a lighting gradient plus coarse texture."""
    base = rng.uniform(60, 200)
    gx, gy = rng.uniform(-60, 60, size=2)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = base + gx * (xx / w - 0.5) + gy * (yy / h - 0.5)
    texture = cv2.resize(
        rng.normal(0, 12, size=(h // 16 + 1, w // 16 + 1)).astype(np.float32),
        (w, h),
        interpolation=cv2.INTER_CUBIC,
    )
    return img + texture


def _photo(rng: Rng, side: int) -> np.ndarray:
    """A picture-like float image in [0, 1]: smooth shapes, edges and texture."""
    img = cv2.resize(
        rng.uniform(0, 1, size=(6, 6)).astype(np.float32),
        (side, side),
        interpolation=cv2.INTER_CUBIC,
    )
    for _ in range(int(rng.integers(3, 8))):  # a few hard-edged blobs (a face, a logo, a cup)
        c = (int(rng.integers(0, side)), int(rng.integers(0, side)))
        cv2.circle(img, c, int(rng.integers(side // 12, side // 4)), float(rng.uniform(0, 1)), -1)
    detail = cv2.resize(
        rng.normal(0, 0.12, size=(side // 6 + 1, side // 6 + 1)).astype(np.float32),
        (side, side),
        interpolation=cv2.INTER_LINEAR,
    )
    return np.clip(img + detail, 0, 1)


def _finder_mask(n: int, quiet: int = 4) -> np.ndarray:
    """True on the three finder patterns (with separators) and the quiet zone of an n-module grid."""
    keep = np.ones((n, n), bool)
    inner = n - 2 * quiet
    keep[quiet : n - quiet, quiet : n - quiet] = False
    for y, x in ((0, 0), (0, inner - 8), (inner - 8, 0)):
        keep[quiet + y : quiet + y + 8, quiet + x : quiet + x + 8] = True
    return keep


def _designer(grid: np.ndarray, up: int, fill: str, rng: Rng) -> np.ndarray:
    """A designer code at ``up`` px per module (float 0..255): the modules filled with a photo."""
    n = grid.shape[0]
    bits = grid.astype(np.float32) / 255.0  # 1 = light
    big_bits = cv2.resize(bits, (n * up, n * up), interpolation=cv2.INTER_NEAREST)
    photo = _photo(rng, n * up)
    keep = cv2.resize(
        _finder_mask(n).astype(np.uint8), (n * up, n * up), interpolation=cv2.INTER_NEAREST
    ).astype(bool)
    if fill == "halftone":  # only a dot of a third of the module at its centre carries the bit
        yy, xx = np.mgrid[0 : n * up, 0 : n * up]
        centre = ((yy % up) // (up / 3) == 1) & ((xx % up) // (up / 3) == 1)
        out = np.where(centre | keep, big_bits, 0.1 + 0.8 * photo)
    else:  # photo fill: the picture darkened in dark modules and lightened in light ones
        out = np.where(big_bits > 0.5, 0.55 + 0.45 * photo, 0.42 * photo)
        out = np.where(keep, big_bits, out)
    return (out * 255.0).astype(np.float32)


def _cloth(
    code: np.ndarray, mask: np.ndarray, amplitude: float, rng: Rng
) -> tuple[np.ndarray, np.ndarray]:
    """Wavy cloth: displace the code with two crossed sine waves and shade the folds."""
    h, w = code.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    lam1, lam2 = rng.uniform(0.25, 0.6, size=2) * min(w, h)
    p1, p2 = rng.uniform(0, 2 * math.pi, size=2)
    a2 = amplitude * rng.uniform(0.3, 0.8)
    fold = np.sin(2 * math.pi * yy / lam1 + p1)
    map_x = (xx + amplitude * fold).astype(np.float32)
    map_y = (yy + a2 * np.sin(2 * math.pi * xx / lam2 + p2)).astype(np.float32)
    shade = 1.0 + float(rng.uniform(0.08, 0.22)) * np.cos(2 * math.pi * yy / lam1 + p1)
    code = cv2.remap(code, map_x, map_y, cv2.INTER_LINEAR, borderValue=-1) * shade
    mask = cv2.remap(mask, map_x, map_y, cv2.INTER_LINEAR)
    return code.astype(np.float32), mask


def render(text: str, look: Look, size: tuple[int, int], rng: Rng) -> np.ndarray:
    """One photographed-looking BGR frame holding ``text`` as a QR code."""
    w, h = size
    grid = qr_modules(text, rng)
    if look.dark_surround:  # the light cloth around the code: a wider quiet zone
        grid = np.pad(grid, int(rng.integers(1, 5)), constant_values=255)
    if look.invert:
        grid = 255 - grid
    n = grid.shape[0]
    module = rng.uniform(*look.module_px)
    side = min(n * module, 0.92 * min(w, h))
    cx = rng.uniform(side / 2 + 4, w - side / 2 - 4)
    cy = rng.uniform(side / 2 + 4, h - side / 2 - 4)
    angle = math.radians(rng.uniform(-look.rotate, look.rotate))
    corners = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], dtype=np.float32) * side / 2
    corners += rng.uniform(-look.perspective, look.perspective, size=(4, 2)) * side
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]])
    dst = (corners @ rot.T + [cx, cy]).astype(np.float32)
    up = 8  # render the grid larger so the warp anti-aliases like a lens would
    big = cv2.resize(grid, (n * up, n * up), interpolation=cv2.INTER_NEAREST)
    src = np.array([[0, 0], [n * up, 0], [n * up, n * up], [0, n * up]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    dark, light = look.contrast
    shaded = _designer(grid, up, look.fill, rng) if look.fill else big.astype(np.float32)
    code = shaded / 255.0 * (light - dark) + dark
    warped = cv2.warpPerspective(
        code, matrix, (w, h), flags=cv2.INTER_AREA, borderMode=cv2.BORDER_CONSTANT, borderValue=-1
    )
    mask = cv2.warpPerspective(np.ones_like(code), matrix, (w, h), flags=cv2.INTER_LINEAR)
    if look.wave > 0:
        warped, mask = _cloth(warped, mask, look.wave * module, rng)
    background = _background(rng, w, h)
    if look.dark_surround:
        background = background * rng.uniform(0.08, 0.25)
    img = background * (1 - mask) + np.where(warped < 0, 0, warped) * mask
    if look.moire:  # a code shown on a screen, photographed: a subpixel grid beating
        pitch = rng.uniform(2.2, 3.4)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        a = math.radians(rng.uniform(-4, 4))
        phase = (xx * math.cos(a) + yy * math.sin(a)) * 2 * math.pi / pitch
        phase2 = (yy * math.cos(a) - xx * math.sin(a)) * 2 * math.pi / pitch
        img = img * (0.72 + 0.14 * np.cos(phase) + 0.14 * np.cos(phase2))
    if look.glare > 0:
        gx = cx + rng.uniform(-0.3, 0.3) * side
        gy = cy + rng.uniform(-0.3, 0.3) * side
        sigma = rng.uniform(0.12, 0.3) * side
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        img = img + look.glare * np.exp(-((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * sigma**2))
    if look.blur > 0:
        img = cv2.GaussianBlur(img, (0, 0), look.blur)
    if look.motion > 1:
        kernel = np.zeros((look.motion, look.motion), np.float32)
        kernel[look.motion // 2, :] = 1.0 / look.motion
        rotm = cv2.getRotationMatrix2D(
            (look.motion / 2 - 0.5, look.motion / 2 - 0.5), rng.uniform(0, 180), 1.0
        )
        kernel = cv2.warpAffine(kernel, rotm, (look.motion, look.motion))
        img = cv2.filter2D(img, -1, kernel / max(kernel.sum(), 1e-6))
    tint = np.array([rng.uniform(0.85, 1.0), rng.uniform(0.92, 1.0), 1.0], dtype=np.float32)
    bgr = img[:, :, None] * tint[None, None, :]
    bgr = bgr + rng.normal(0, look.noise, size=bgr.shape).astype(np.float32)
    out = np.clip(bgr, 0, 255).astype(np.uint8)
    ok, enc = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, look.jpeg])
    assert ok
    return cv2.imdecode(enc, cv2.IMREAD_COLOR)


def empty_frame(size: tuple[int, int], rng: Rng) -> np.ndarray:
    w, h = size
    img = np.clip(_background(rng, w, h), 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(2, 6))):  # some text-like clutter
        x, y = int(rng.integers(0, w - 100)), int(rng.integers(0, h - 40))
        cv2.putText(
            img,
            "Sign in to continue",
            (x, y + 30),
            cv2.FONT_HERSHEY_SIMPLEX,
            float(rng.uniform(0.5, 1.2)),
            int(rng.integers(0, 80)),
            2,
        )
    bgr = cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)
    ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return cv2.imdecode(enc, cv2.IMREAD_COLOR)


def generate(out: Path, per_category: int = 14, seed: int = 20261128, empty: int = 10) -> Path:
    """Write the corpus into ``out`` and return the manifest path."""
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    looks = _category_looks()
    items = []
    for res, size in RESOLUTIONS.items():
        for category, make_look in looks.items():
            for i in range(per_category):
                text = make_migration(rng) if rng.random() < 0.15 else make_uri(rng)
                frame = render(text, make_look(rng), size, rng)
                name = f"{res}_{category}_{i:03d}.png"  # PNG: the JPEG damage is already in
                cv2.imwrite(str(out / name), frame)
                items.append({"file": name, "resolution": res, "category": category, "text": text})
        for i in range(empty):
            name = f"{res}_empty_{i:03d}.png"
            cv2.imwrite(str(out / name), empty_frame(size, rng))
            items.append({"file": name, "resolution": res, "category": "empty", "text": None})
    manifest = out / "manifest.json"
    manifest.write_text(json.dumps({"seed": seed, "items": items}, indent=1))
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="folder to write (default: a new temp folder)")
    parser.add_argument("--per-category", type=int, default=14)
    parser.add_argument("--seed", type=int, default=20261128)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="qr-corpus-"))
    manifest = generate(out, args.per_category, args.seed)
    n = len(json.loads(manifest.read_text())["items"])
    print(f"{n} images written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
