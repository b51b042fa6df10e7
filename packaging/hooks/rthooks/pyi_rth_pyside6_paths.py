"""Frozen app: where Qt finds its plugins, without importing Qt at start-up.

Replaces PyInstaller's pyi_rth_pyside6 (see ../rthooks.dat): the same environment variables,
but no ``import PySide6.QtCore`` -- the command line never loads Qt, and the PySide6 wheel
relocates its Qt prefix (embedded qt.conf) itself when the GUI imports it.
"""

import os
import sys


def _paths() -> None:
    base = getattr(sys, "_MEIPASS", "")
    if not base:
        return
    qt = (
        os.path.join(base, "PySide6")
        if sys.platform.startswith("win")
        else os.path.join(base, "PySide6", "Qt")
    )
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt, "qml")
    if sys.platform.startswith("win"):  # OpenSSL DLLs collected beside the app, as upstream
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")


_paths()
del _paths
