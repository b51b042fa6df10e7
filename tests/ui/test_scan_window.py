"""The webcam scan window, fed by video files through the camera path (no real camera needed).

Capture and decoding run in the window's camera process; the camera listing is faked on the
window's side (``CameraScanner.list_cameras``), so no test probes the machine's cameras.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
from multiprocessing.process import BaseProcess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop_app.intake import PayloadKind
from desktop_app.scanning.camera_loop import Decoded, Event, Preview, Released
from desktop_app.scanning.frames import CameraInfo
from desktop_app.ui import scan_window
from desktop_app.ui.camera_worker import CHILD_LOST, CameraScanner
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


def fake_cameras(monkeypatch: pytest.MonkeyPatch, cameras: list[CameraInfo]) -> None:
    def listed(self: CameraScanner, skip: object = ()) -> None:
        self.start()
        self.cameras_listed.emit(list(cameras))

    monkeypatch.setattr(CameraScanner, "list_cameras", listed)


class CountingScanner(CameraScanner):
    """The window's scanner, counting what its camera process reports (seen from outside)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.frames_read = 0
        self.decode_attempts = 0
        self.sources_released = 0  # sources the process has closed (switched away, or ended)

    def _dispatch(self, event: Event, data: bytes | memoryview) -> None:
        if isinstance(event, Preview | Decoded) and event.gen == self.generation:
            self.frames_read = event.frames_read
            self.decode_attempts += isinstance(event, Decoded)
        if isinstance(event, Released):
            self.sources_released += 1
        super()._dispatch(event, data)


@pytest.fixture(autouse=True)
def _no_real_cameras(monkeypatch: pytest.MonkeyPatch) -> None:
    """Camera enumeration finds nothing unless a test says otherwise; the window's scanner
    counts frames and decodes."""
    fake_cameras(monkeypatch, [])
    monkeypatch.setattr(scan_window, "CameraScanner", CountingScanner)


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


def _released(qtbot, window: ScanWindow) -> CountingScanner:
    scanner = window.scanner
    assert isinstance(scanner, CountingScanner)
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


def test_a_source_read_to_its_end_says_so(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "shots"
    folder.mkdir()
    (folder / "broken.png").write_bytes(b"not a picture")  # opens, but gives no frame
    window = _open(qtbot, str(folder))
    assert window.preview.placeholder == "Reading the video…"
    qtbot.waitUntil(lambda: window.preview.placeholder == "The video has ended", timeout=10000)
    assert "has ended without an authenticator key" in window.status.text()
    assert window.isVisible()


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
    # camera 63 is not connected anywhere: opening it fails in the camera process
    cams = [CameraInfo(0, "Laptop camera"), CameraInfo(63, "USB camera", "permission denied")]
    fake_cameras(monkeypatch, cams)
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    scanner = _released(qtbot, window)
    qtbot.waitUntil(lambda: window.picker.count() == 3, timeout=5000)
    labels = [window.picker.itemText(i) for i in range(3)]
    assert labels == ["Video blank.avi", "Laptop camera", "USB camera — permission denied"]
    qtbot.waitUntil(lambda: window.preview.frames_shown > 0, timeout=10000)
    window.picker.setCurrentIndex(2)
    qtbot.waitUntil(lambda: "No camera was found" in window.status.text(), timeout=10000)
    assert scanner.sources_released >= 1  # the video was closed before the camera was tried
    assert window.scanner is scanner and scanner.is_running()  # one process per window
    window.close()
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=5000)


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
    fake_cameras(monkeypatch, [CameraInfo(0, "Cam")])
    window = _open(qtbot, str(tmp_path / "missing.avi"))
    qtbot.waitUntil(lambda: window.picker.count() == 2, timeout=5000)
    assert "not found" in window.status.text()
    assert window.scanner is not None
    assert window.scanner.generation == 0  # nothing is opened until a camera is picked


def test_scan_runs_in_a_child_process_that_ends_with_the_window(qtbot, tmp_path: Path) -> None:
    source = _video(tmp_path / "v.avi", [None, frame_with([qr_bgr(URI, 4)])])
    window = _open(qtbot, source)
    scanner = _released(qtbot, window)
    with qtbot.waitSignal(window.payloads_found, timeout=10000):
        pass
    assert scanner.pid is not None and scanner.pid != os.getpid()
    assert scanner.decode_attempts >= 1
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=5000)
    with pytest.raises(ProcessLookupError):  # ended and reaped: no zombie left
        os.kill(scanner.pid, 0)


def test_window_closed_while_the_camera_starts(qtbot, tmp_path: Path) -> None:
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    scanner = _released(qtbot, window)
    window.close()  # before the process has sent a single frame
    assert window.scanner is None
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=5000)
    assert scanner.released and window.preview.frames_shown == 0


def test_window_closed_between_frames(qtbot, tmp_path: Path) -> None:
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    scanner = _released(qtbot, window)
    qtbot.waitUntil(lambda: window.preview.frames_shown > 0, timeout=10000)
    window.close()  # previews and decodes are on their way
    shown = window.preview.frames_shown
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=5000)
    qtbot.wait(100)
    assert window.preview.frames_shown == shown and window.preview.image is None


def test_a_camera_process_that_dies_is_reported(qtbot, tmp_path: Path) -> None:
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    scanner = _released(qtbot, window)
    qtbot.waitUntil(lambda: window.preview.frames_shown > 0, timeout=10000)
    assert scanner.pid is not None
    os.kill(scanner.pid, signal.SIGKILL)  # a crashing camera driver
    qtbot.waitUntil(lambda: not scanner.is_running(), timeout=5000)
    # the message comes through the reader thread's queued signal: it may follow a moment later
    qtbot.waitUntil(lambda: window.status.text() == CHILD_LOST, timeout=5000)
    assert window.isVisible()


def test_a_camera_process_that_cannot_be_started_is_reported(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process starts first thing in the window's constructor: a start refused by the
    system (out of memory, the process limit) is shown once the window's widgets exist."""

    def refused(self: BaseProcess) -> None:
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")

    monkeypatch.setattr(BaseProcess, "start", refused)
    window = _open(qtbot, _video(tmp_path / "blank.avi", [None]))
    qtbot.waitUntil(lambda: window.status.text() == CHILD_LOST, timeout=5000)
    assert window.preview.frames_shown == 0
    assert window.isVisible()


def test_the_app_process_does_not_load_opencv_for_the_camera(tmp_path: Path) -> None:
    """The memory given back after scanning rests on this: OpenCV, NumPy and zxing-cpp load
    in the camera process only (this test process has them loaded, so a fresh one checks)."""
    source = _video(tmp_path / "v.avi", [None, frame_with([qr_bgr(URI, 4)])])
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop_app.ui.scan_window import ScanWindow\n"
        "app = QApplication([])\n"
        "window = ScanWindow(None, sys.argv[1])\n"
        "found = []\n"
        "window.payloads_found.connect(lambda p: (found.append(p), app.quit()))\n"
        "window.show()\n"
        "from PySide6.QtCore import QTimer\n"
        "QTimer.singleShot(20000, app.quit)\n"
        "app.exec()\n"
        "print(len(found), [m for m in ('cv2', 'numpy', 'zxingcpp') if m in sys.modules])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", code, source], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[-2] == "1 []"


@pytest.mark.parametrize(("width", "height"), [(400, 225), (300, 300), (400, 300)])
def test_the_preview_paints_every_pixel(qtbot, width: int, height: int) -> None:
    """The preview paints its picture and the bars around it itself (Qt paints nothing under
    it): a picture at the widget's size, letterboxed or pillarboxed, leaves no pixel unpainted."""
    from PySide6.QtGui import QColor, QImage

    from desktop_app.ui.scan_window import CameraPreview

    preview = CameraPreview()
    qtbot.addWidget(preview)
    preview.setFixedSize(400, 300)
    preview.show()
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 30, 30))
    preview.set_frame(image, width * 2, height * 2)
    shot = preview.grab().toImage()
    left, top = (400 - width) // 2, (300 - height) // 2
    inside = {
        (left + width // 2, top + height // 2),
        (left, top),
        (left + width - 1, top + height - 1),
    }
    bars: set[tuple[int, int]] = set()
    if top:  # above and below
        bars |= {(0, 0), (399, top - 1), (0, top + height), (399, 299)}
    if left:  # left and right
        bars |= {(0, 0), (left - 1, 299), (left + width, 0), (399, 299)}
    for x, y in inside:
        assert shot.pixelColor(x, y) == QColor(200, 30, 30), (x, y)
    for x, y in bars:
        assert shot.pixelColor(x, y) == QColor(20, 20, 20), (x, y)


def _thread_niceness(pid: int) -> list[int]:
    values = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            stat = (task / "stat").read_text()
            values.append(int(stat.rsplit(")", 1)[1].split()[16]))  # field 19: nice
    return values


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux's")
def test_the_camera_decoder_yields_to_the_capture(qtbot, tmp_path: Path) -> None:
    """In the camera process, every thread yields the CPU to the window (WORKER_NICENESS); the
    decoder of a camera's frames yields to their capture too (DECODE_NICENESS)."""
    from desktop_app.scanning.camera_loop import DECODE_NICENESS, WORKER_NICENESS

    window = _open(qtbot, _video(tmp_path / "blank.avi", [None], repeat=60))
    scanner = _released(qtbot, window)
    qtbot.waitUntil(lambda: scanner.decode_attempts > 0, timeout=10000)
    assert scanner.pid is not None
    base = os.getpriority(os.PRIO_PROCESS, 0)
    niceness = _thread_niceness(scanner.pid)
    assert niceness.count(max(DECODE_NICENESS, base)) == 1, niceness  # the decode thread
    assert min(niceness) == max(WORKER_NICENESS, base), niceness


def test_previews_of_a_new_size_arrive_whole(qtbot, tmp_path: Path) -> None:
    """The window's reader takes each preview's pixels from the pipe into reused buffers: a
    larger preview than before (the window grew), then a smaller one again, arrive whole."""
    frame = np.zeros((360, 640, 3), np.uint8)
    frame[:, :320] = (40, 120, 200)  # left half, B G R
    frame[:, 320:] = (200, 60, 20)
    source = str(write_video(tmp_path / "halves.avi", [frame] * 4, fps=30))
    scanner = CameraScanner(source, loop=True, realtime=True)
    seen: list[tuple[int, int, tuple[int, int, int], tuple[int, int, int]]] = []

    def rgb(pixel: int) -> tuple[int, int, int]:
        return (pixel >> 16) & 0xFF, (pixel >> 8) & 0xFF, pixel & 0xFF

    def shown(image, frame_w: int, frame_h: int) -> None:
        w, h = image.width(), image.height()
        seen.append((w, h, rgb(image.pixel(2, 2)), rgb(image.pixel(w - 3, h - 3))))
        scanner.preview_shown()

    scanner.preview_ready.connect(shown)
    scanner.set_preview_size(160, 90)
    scanner.start()
    try:
        for width, height in ((160, 90), (640, 360), (320, 180)):
            scanner.set_preview_size(width, height)
            qtbot.waitUntil(lambda w=width: bool(seen) and seen[-1][0] == w, timeout=10000)
            w, h, top_left, bottom_right = seen[-1]
            assert (w, h) == (width, height)
            assert np.allclose(top_left, (200, 120, 40), atol=8)  # R G B
            assert np.allclose(bottom_right, (20, 60, 200), atol=8)
    finally:
        scanner.stop(3000)
