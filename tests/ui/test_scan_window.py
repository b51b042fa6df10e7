"""The webcam scan window, fed by video files through the camera path (no real camera needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop_app.intake import PayloadKind
from desktop_app.scanning import frames as frames_module
from desktop_app.scanning.frames import CameraInfo
from desktop_app.ui.scan_window import NO_CAMERA_TEXT, ScanWindow
from tests.scanning.qr_helpers import (
    URI,
    blank_frame,
    frame_with,
    migration_uris,
    qr_bgr,
    write_video,
)

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _no_real_cameras(monkeypatch: pytest.MonkeyPatch) -> None:
    """Camera enumeration finds nothing unless a test says otherwise."""
    monkeypatch.setattr(frames_module, "list_cameras", lambda *a, **k: [])


def _video(path: Path, parts: list[np.ndarray | None], repeat: int = 4) -> str:
    shape = next((p.shape for p in parts if p is not None), (480, 640, 3))
    frames = []
    for i, part in enumerate(parts):
        blank = blank_frame((shape[1], shape[0]), seed=i)
        frames += [blank if part is None else part] * repeat
    return str(write_video(path, frames, fps=30))


def _open(qtbot, source: str | None) -> ScanWindow:
    window = ScanWindow(None, source)
    qtbot.addWidget(window)
    window.show()
    return window


def _released(qtbot, window: ScanWindow):
    scanner = window.scanner
    assert scanner is not None
    return scanner


def test_code_in_video_is_delivered_and_camera_released(qtbot, tmp_path: Path) -> None:
    source = _video(tmp_path / "v.avi", [None, None, frame_with([qr_bgr(URI, 4)])])
    window = _open(qtbot, source)
    scanner = _released(qtbot, window)
    with qtbot.waitSignal(window.payloads_found, timeout=10000) as blocker:
        pass
    (payload,) = blocker.args[0]
    assert payload.kind is PayloadKind.OTPAUTH and payload.is_key
    assert payload.entries[0].issuer == "ExampleCorp"
    assert not window.isVisible()  # the main window takes over with its confirmation
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=3000)
    assert scanner.released
    assert window.preview.frames_shown >= 1


def test_multi_code_export_is_collected_before_delivery(qtbot, tmp_path: Path) -> None:
    uris = migration_uris(7, per_code=3, batch_id=77)
    parts: list[np.ndarray | None] = [None]
    for uri in uris:
        parts += [frame_with([qr_bgr(uri, 3)], (800, 600)), None]
    source = _video(tmp_path / "export.avi", parts, repeat=5)
    window = _open(qtbot, source)
    shown: list[str] = []
    original = window.progress.setText
    window.progress.setText = lambda text: (shown.append(text), original(text))  # type: ignore[method-assign]
    with qtbot.waitSignal(window.payloads_found, timeout=15000) as blocker:
        pass
    payloads = blocker.args[0]
    assert [p.kind for p in payloads] == [PayloadKind.MIGRATION] * 3
    assert [p.batch.batch_index for p in payloads] == [0, 1, 2]
    names = [e.name for p in payloads for e in p.entries]
    assert names == [f"user{i}@example.com" for i in range(7)]
    assert "Google Authenticator export: 1 of 3 scanned" in shown
    assert "Google Authenticator export: 2 of 3 scanned" in shown


def test_incomplete_export_shows_progress_and_delivers_nothing(qtbot, tmp_path: Path) -> None:
    uris = migration_uris(7, per_code=3, batch_id=78)
    parts = [frame_with([qr_bgr(u, 3)], (800, 600)) for u in uris[:2]]
    window = _open(qtbot, _video(tmp_path / "part.avi", parts))
    scanner = _released(qtbot, window)
    emitted: list[object] = []
    window.payloads_found.connect(emitted.append)
    qtbot.waitUntil(lambda: "2 of 3 scanned" in window.progress.text(), timeout=10000)
    assert "code 3" in window.status.text()
    qtbot.wait(300)  # the video keeps looping over codes 1 and 2
    assert emitted == [] and window.isVisible()
    window.close()
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=3000)
    assert scanner.released


def test_code_that_is_not_a_key_is_explained(qtbot, tmp_path: Path) -> None:
    code = frame_with([qr_bgr("https://example.com/welcome", 5)])
    window = _open(qtbot, _video(tmp_path / "link.avi", [code]))
    emitted: list[object] = []
    window.payloads_found.connect(emitted.append)
    qtbot.waitUntil(lambda: "web link" in window.status.text(), timeout=10000)
    assert emitted == [] and window.isVisible()


def test_escape_closes_and_releases(qtbot, tmp_path: Path) -> None:
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    scanner = _released(qtbot, window)
    qtbot.waitUntil(lambda: window.preview.frames_shown > 2, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=3000)
    assert scanner.released and window.scanner is None


def test_no_camera_found_says_so(qtbot) -> None:
    window = _open(qtbot, None)
    qtbot.waitUntil(lambda: window.status.text() == NO_CAMERA_TEXT, timeout=5000)
    assert not window.picker.isEnabled()
    assert window.scanner is None


def test_camera_picker_lists_cameras_and_switching_reports_errors(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cams = [CameraInfo(0, "Laptop camera"), CameraInfo(3, "USB camera", "permission denied")]
    monkeypatch.setattr(frames_module, "list_cameras", lambda *a, **k: cams)
    monkeypatch.setattr(frames_module.sys, "platform", "linux")
    monkeypatch.setattr(
        frames_module, "_linux_problem", lambda i: "permission denied" if i == 3 else ""
    )
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    first = _released(qtbot, window)
    qtbot.waitUntil(lambda: window.picker.count() == 3, timeout=5000)
    labels = [window.picker.itemText(i) for i in range(3)]
    assert labels == ["Video blank.avi", "Laptop camera", "USB camera — permission denied"]
    window.picker.setCurrentIndex(2)
    qtbot.waitUntil(lambda: "Permission to use camera 3" in window.status.text(), timeout=5000)
    qtbot.waitUntil(lambda: not first.is_running(), timeout=3000)
    assert first.released


def test_missing_source_file_is_reported(qtbot, tmp_path: Path) -> None:
    window = _open(qtbot, str(tmp_path / "missing.avi"))
    assert "not found" in window.status.text()


def test_accessible_names(qtbot, tmp_path: Path) -> None:
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    for widget in (window.picker, window.preview, window.status, window.close_button):
        assert widget.accessibleName()
    window.close_button.click()
    assert not window.isVisible()


def test_window_deleted_without_closing_still_releases(qtbot, tmp_path: Path) -> None:
    window = ScanWindow(None, _video(tmp_path / "blank.avi", [None]))
    window.show()
    scanner = _released(qtbot, window)
    qtbot.waitUntil(lambda: scanner.frames_read > 2, timeout=5000)
    window.deleteLater()
    del window
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=3000)
    assert scanner.released


def test_missing_source_keeps_its_message_after_camera_listing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frames_module, "list_cameras", lambda *a, **k: [CameraInfo(0, "Cam")])
    window = _open(qtbot, str(tmp_path / "missing.avi"))
    qtbot.waitUntil(lambda: window.picker.count() == 2, timeout=5000)
    assert "not found" in window.status.text()
    assert window.scanner is None  # nothing starts until a camera is picked


def test_frame_slot_keeps_only_the_newest_frame() -> None:
    from desktop_app.ui.camera_worker import FrameSlot

    slot = FrameSlot()
    frames = [np.full((2, 2), i, np.uint8) for i in range(3)]
    for f in frames:
        slot.put(f)
    seq, newest = slot.take_newer(0)
    assert seq == 3 and newest is frames[2]  # frames 1 and 2 were dropped, not queued
    assert slot.take_newer(seq, timeout=0.01) is None
    slot.close()
    assert slot.closed


def test_decoding_runs_off_the_gui_thread(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import desktop_app.ui.camera_worker as camera_worker

    threads: set[str] = set()
    real_detect = camera_worker.detect

    def spy(frame, **kw):
        threads.add(threading.current_thread().name)
        return real_detect(frame, **kw)

    monkeypatch.setattr(camera_worker, "detect", spy)
    source = _video(tmp_path / "v.avi", [None, frame_with([qr_bgr(URI, 4)])])
    window = _open(qtbot, source)
    with qtbot.waitSignal(window.payloads_found, timeout=10000):
        pass
    assert threads and threading.main_thread().name not in threads
