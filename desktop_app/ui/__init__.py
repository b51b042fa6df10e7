"""The Qt user interface: the only package that imports PySide6.

PySide6-Essentials is pinned below 6.12 in pyproject.toml: shiboken6 6.12.0's abi3 wheel drops a
reference to ``None`` on every Qt call returning nothing under CPython 3.11, and Python aborts
with "none_dealloc" after a few thousand calls (tests/ui/test_pyside_refcount.py guards it).
"""
