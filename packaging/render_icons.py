"""Render the app icon's PNG sizes from its SVG source with Qt's own SVG renderer.

    .venv/bin/python packaging/render_icons.py          # (re)write the PNGs
    .venv/bin/python packaging/render_icons.py --check  # exit 1 if a PNG is missing or stale

Writes ``resources/icons/desktop-authenticator-<N>.png`` for every hicolor size and copies the
window-icon files the running app needs into ``desktop_app/data/``. Sizes up to 24 px are rendered
from ``desktop-authenticator-small.svg`` when it exists (a simplified drawing that stays crisp at
tiny sizes), otherwise from the main SVG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICON_DIR = ROOT / "resources" / "icons"
SOURCE = ICON_DIR / "desktop-authenticator.svg"
SMALL_SOURCE = ICON_DIR / "desktop-authenticator-small.svg"
DATA_DIR = ROOT / "desktop_app" / "data"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_MAX = 24
# Files the running app loads for its window icon (see desktop_app/data/).
DATA_COPIES = (
    "desktop-authenticator.svg",
    "desktop-authenticator-32.png",
    "desktop-authenticator-256.png",
)


def png_path(size: int) -> Path:
    return ICON_DIR / f"desktop-authenticator-{size}.png"


def source_for(size: int) -> Path:
    if size <= SMALL_MAX and SMALL_SOURCE.exists():
        return SMALL_SOURCE
    return SOURCE


def render(svg: Path, size: int) -> bytes:
    """PNG bytes of ``svg`` rendered at ``size`` x ``size`` on a transparent background."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    if not argb.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stub wants bytes
        raise SystemExit("render_icons: PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def same_pixels(a: bytes, b: bytes, tolerance: int = 8) -> bool:
    """True when two PNGs differ by at most ``tolerance`` per channel (antialiasing may change
    slightly between Qt versions; a changed drawing changes far more)."""
    if a == b:
        return True
    from PySide6.QtGui import QImage

    images = [QImage.fromData(data).convertToFormat(QImage.Format.Format_ARGB32) for data in (a, b)]
    if any(i.isNull() for i in images) or images[0].size() != images[1].size():
        return False
    first, second = (bytes(i.constBits()) for i in images)
    return all(abs(x - y) <= tolerance for x, y in zip(first, second, strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only verify the committed files")
    args = parser.parse_args(argv)

    stale: list[str] = []
    for size in SIZES:
        png = render(source_for(size), size)
        target = png_path(size)
        if args.check:
            if not target.exists() or not same_pixels(target.read_bytes(), png):
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_bytes(png)
            print(f"wrote {target.relative_to(ROOT)} ({len(png)} bytes)")

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for name in DATA_COPIES:
        src, dst = ICON_DIR / name, DATA_DIR / name
        if args.check:
            if not dst.exists() or dst.read_bytes() != src.read_bytes():
                stale.append(str(dst.relative_to(ROOT)))
        else:
            shutil.copyfile(src, dst)
            print(f"copied {dst.relative_to(ROOT)}")

    if stale:
        print("render_icons: out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
