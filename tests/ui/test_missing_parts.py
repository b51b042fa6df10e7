"""A build without a part (its module fails to import) says so in one message, and nothing else
happens: the screen and camera scans, importing backups, an account's QR code."""

from __future__ import annotations

import sys

import pytest

from tests.ui.helpers_main import Recorder, make_window

pytestmark = pytest.mark.gui


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def window(services, qtbot, monkeypatch, recorder):
    from desktop_app.otp.model import Entry

    services.vault.add(Entry("JBSWY3DPEHPK3PXP", "Example", "me@example.com"))
    return make_window(services, qtbot, monkeypatch, recorder)


@pytest.mark.parametrize(
    ("action", "module", "says"),
    [
        ("scan_screen", "desktop_app.ui.screen_scan", "Screen scanning"),
        ("scan_camera", "desktop_app.ui.scan_window", "Camera scanning"),
        ("import_backup", "desktop_app.ui.import_dialog", "Importing backups"),
        ("show_qr", "desktop_app.ui.export_dialog", "Showing QR codes"),
    ],
)
def test_a_part_missing_from_the_build_is_named_once(
    window, recorder, monkeypatch, qtbot, action: str, module: str, says: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # the import raises ImportError
    window.view.setCurrentIndex(window.proxy.index(0, 0))
    getattr(window.commands, action).trigger()
    assert recorder.informed == [("Not available", f"{says} is not available in this build.")], (
        recorder.informed
    )
    assert window.adding.scan_window is None
