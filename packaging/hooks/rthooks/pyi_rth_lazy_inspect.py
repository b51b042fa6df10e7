"""Frozen app: PyInstaller's fix for ``inspect``, applied when ``inspect`` is first imported, not
at every start (../frozen_hooks.py says why; ../rthooks.dat puts it in place of
PyInstaller's own hook)."""

from frozen_hooks import after_import, patch_inspect

after_import("inspect", patch_inspect)
