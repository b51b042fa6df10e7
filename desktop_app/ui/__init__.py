"""The Qt user interface: the only package that imports PySide6."""

from __future__ import annotations

import sys


def _protect_none_refcount() -> None:
    """Work around a shiboken6 6.12.0 (abi3 wheel) bug on CPython < 3.12.

    There every call of a Qt method that returns nothing drops one reference to ``None``
    without taking it (and some slot calls drop one to ``True``), so after some thousand calls
    (seconds of painting) Python aborts with "Fatal Python error: none_dealloc: deallocating
    None" (or bool_dealloc). These are static objects that are never freed; Python 3.12+ makes
    them immortal. Here we give them a reference count so large (2**40) that the leak cannot
    reach zero in any session.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_protect_none_refcount()
