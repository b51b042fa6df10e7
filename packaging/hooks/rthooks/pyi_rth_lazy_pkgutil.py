"""Frozen app: PyInstaller's fix for ``pkgutil``, applied when ``pkgutil`` is first imported, not
at every start (../frozen_hooks.py says why; ../rthooks.dat puts it in place of
PyInstaller's own hook)."""

from frozen_hooks import after_import, patch_pkgutil

after_import("pkgutil", patch_pkgutil)
