"""Stands in for PyInstaller's bootstrap module ``pyimod03_ctypes`` in the Linux and macOS bundle
(desktop-authenticator.spec swaps it in): the bootstrap calls :func:`install` at every start, and
PyInstaller's imports ``ctypes`` there (~8 M instructions, ~1.6 ms of a frozen ``--version``) to
make ``ctypes.CDLL`` look in the bundle first. This one makes the same fix when something first
imports ``ctypes`` (``frozen_hooks.patch_ctypes``), and never when nothing does.
"""


def install() -> None:
    from frozen_hooks import after_import, patch_ctypes

    after_import("ctypes", patch_ctypes)
