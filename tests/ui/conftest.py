"""tests/ui needs PySide6: where it is not installed, the whole folder is skipped (cleanly, with
the reason) instead of failing at import. Every test here is a ``gui`` test (tests/conftest.py
refuses unmarked ones)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is not installed: GUI tests skipped")
