"""Frozen app: PyInstaller's fix for ``multiprocessing``, applied when ``multiprocessing`` is
first imported, not at every start (../frozen_hooks.py says why; ../rthooks.dat puts it
in place of PyInstaller's own hook). A process multiprocessing started (the camera process, its
resource tracker) imports it at once: the entry script's ``freeze_support()`` then runs it."""

import sys

from frozen_hooks import after_import, is_multiprocessing_child, patch_multiprocessing

after_import("multiprocessing", patch_multiprocessing)
if is_multiprocessing_child(sys.argv):
    import multiprocessing  # noqa: F401  (patched as it loads)
