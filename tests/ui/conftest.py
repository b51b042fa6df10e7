"""tests/ui needs PySide6: where it is not installed, the whole folder is skipped (cleanly, with
the reason) instead of failing at import. Every test here is a ``gui`` test (tests/conftest.py
refuses unmarked ones)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtWidgets", reason="PySide6 is not installed: GUI tests skipped")


@pytest.fixture
def german(qapp):
    """The GUI in German for one test (its catalogues loaded), English again afterwards."""
    from desktop_app.ui import i18n

    assert i18n.install_translations(qapp, "de") == "de"
    yield qapp
    i18n.install_translations(qapp, "en")
