"""The Qt part of ``--self-test``: proves that the installed Qt plugins load.

Kept under ``desktop_app.ui`` (the only package that imports PySide6); ``desktop_app.selftest``
calls it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop_app import APP_NAME


def check_qt(icon_svg: Path, icon_png: Path) -> str:
    """Load the platform, image-format and icon plugins; render a window with the app icon."""
    if (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, QPluginLoader
    from PySide6.QtGui import QGuiApplication, QIcon, QImageReader, QPixmap
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    platform = QGuiApplication.platformName()
    formats = {bytes(f.data()).decode().lower() for f in QImageReader.supportedImageFormats()}
    wanted = {"png", "jpg", "jpeg", "svg"}
    if not wanted <= formats:
        raise RuntimeError(
            f"image format plugins missing: {', '.join(sorted(wanted - formats))} "
            f"(have: {', '.join(sorted(formats))})"
        )

    icon = QIcon(str(icon_svg))  # needs the SVG icon engine plugin
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        raise RuntimeError("the SVG app icon does not render (iconengines/svg plugin?)")
    png = QPixmap(str(icon_png))
    if png.isNull():
        raise RuntimeError("the PNG app icon does not load")
    label = QLabel()
    label.setWindowTitle(f"{APP_NAME} self-test")
    label.setWindowIcon(icon)
    label.setPixmap(icon.pixmap(64, 64))
    label.resize(80, 80)
    app.processEvents()
    shot = label.grab().toImage()  # renders without showing: no window flashes on a desktop
    centre = shot.pixelColor(shot.width() // 2, shot.height() // 2)
    label.deleteLater()
    if shot.isNull() or centre.alpha() == 0:
        raise RuntimeError("the window with the icon rendered nothing")

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    extra = ""
    if sys.platform.startswith("linux"):
        # Loading the xcb plugin pulls in libxcb-cursor0 & co: a missing system library shows here
        # even when this run itself uses the offscreen platform.
        candidates = sorted((plugins / "platforms").glob("libqxcb*.so"))
        if not candidates:
            raise RuntimeError(f"the xcb platform plugin is missing from {plugins / 'platforms'}")
        if platform != "xcb":
            loader = QPluginLoader(str(candidates[0]))
            if not loader.load():
                raise RuntimeError(f"the xcb platform plugin does not load: {loader.errorString()}")
        extra = ", xcb plugin loads"
    return (
        f"PySide6 {pyside_version}, platform {platform}{extra}, "
        f"image formats {', '.join(sorted(wanted))}, icon window rendered"
    )
