"""Guard against the shiboken6 6.12.0 reference leak on None (it aborts CPython 3.11)."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.gui
def test_qt_calls_do_not_leak_references_to_none() -> None:
    from PySide6.QtCore import QObject

    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -100  # a leak loses exactly 2000
