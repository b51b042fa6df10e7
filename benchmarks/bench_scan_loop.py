"""The webcam scan loop on a 1080p video source: decode rate and GUI event-loop stalls.

    .venv/bin/python benchmarks/bench_scan_loop.py [--seconds 8] [--size 1920x1080]

A 1920x1080 (``--size``) MJPG video (photographed-looking codes from decode_corpus, and frames without a
code) stands in for the camera and goes through the same capture path as a real one
(FrameSource -> CameraScanner capture thread -> newest-frame slot -> decode thread), with the
live preview painted in a shown CameraPreview widget (offscreen platform unless DISPLAY is set).
A QTimer ticking every 1 ms measures how long the GUI event loop is ever kept from running.

Two runs: "camera" paces the video at its 30 fps like a real camera; "flat out" reads frames as
fast as they decode, to show the headroom. Targets: >= 30 decode attempts/s paced; longest
GUI stall <= 20 ms. The floor, measured in the same run on the same file: a bare loop of
``cv2.VideoCapture.read()`` + zxing-cpp, flat out; the "flat out" run is printed as a ratio to it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.decode_corpus import _category_looks, empty_frame, make_uri, render


def make_video(
    path: Path, seconds: float = 4.0, fps: float = 30.0, size: tuple[int, int] = (1920, 1080)
) -> tuple[Path, int]:
    """A clip: a third without a code, the rest a code under varied conditions."""
    rng = np.random.default_rng(7)
    looks = _category_looks()
    n = int(seconds * fps)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    assert writer.isOpened(), "cannot write MJPG video"
    text = make_uri(rng)
    coded = 0
    categories = ["clean", "perspective", "blur", "glare", "low_contrast", "noise"]
    for i in range(n):
        if i % 3 == 0:
            frame = empty_frame(size, rng)
        else:
            frame = render(text, looks[categories[(i // 6) % len(categories)]](rng), size, rng)
            coded += 1
        writer.write(frame)
    writer.release()
    return path, coded


class Ticker:
    """A 1 ms precise timer on the GUI thread: the gaps between its ticks are the stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer

        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self._last = 0.0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.gaps.append(now - self._last)
        self._last = now

    def run_for(self, seconds: float) -> None:
        """Tick for ``seconds`` in the event loop. The measurement ends then: ticks during the
        application's quit (it closes every window) are not the scan loop's."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        self.clock.start()
        self.timer.start()
        QTimer.singleShot(int(seconds * 1000), lambda: (self.timer.stop(), app.quit()))
        app.exec()
        self.timer.stop()

    def stats(self) -> dict[str, float]:
        gaps = self.gaps[1:]
        if not gaps:
            nan = float("nan")
            return {"longest stall ms": nan, "stalls > 20 ms": nan, "p99 tick gap ms": nan,
                    "median tick gap ms": nan}  # fmt: skip
        return {
            "longest stall ms": max(gaps),
            "stalls > 20 ms": float(sum(g > 20 for g in gaps)),
            "p99 tick gap ms": float(np.percentile(gaps, 99)),
            "median tick gap ms": statistics.median(gaps),
        }


def idle_stalls(seconds: float) -> dict[str, float]:
    """The stall floor: the same 1 ms ticker with no scan running (machine load shows here)."""
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    ticker = Ticker()
    ticker.run_for(seconds)
    return ticker.stats()


def run(video: Path, seconds: float, realtime: bool) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.camera_worker import CameraScanner
    from desktop_app.ui.scan_window import CameraPreview

    app = QApplication.instance() or QApplication([])
    preview = CameraPreview()
    preview.resize(960, 540)
    preview.show()
    scanner = CameraScanner(str(video), loop=True, realtime=realtime)
    found = [0]

    def on_preview(image, w, h) -> None:
        preview.set_frame(image, w, h)
        scanner.preview_shown()

    def on_codes(detections, w, h) -> None:
        found[0] += 1
        preview.set_detections(detections, w, h)

    scanner.preview_ready.connect(on_preview)
    scanner.codes_found.connect(on_codes)
    scanner.set_preview_size(960, 540)

    ticker = Ticker()

    scanner.start()
    # let the source open and the first frames arrive before measuring
    t_start = time.monotonic()
    while scanner.frames_read < 3 and time.monotonic() - t_start < 5:
        app.processEvents()
        time.sleep(0.001)
    f0, a0, d0, s0, p0 = (
        scanner.frames_read,
        scanner.decode_attempts,
        scanner.decode_seconds,
        preview.frames_shown,
        found[0],
    )
    t0 = time.monotonic()
    ticker.run_for(seconds)
    elapsed = time.monotonic() - t0
    attempts = scanner.decode_attempts - a0
    result = {
        "frames/s": (scanner.frames_read - f0) / elapsed,
        "previews shown/s": (preview.frames_shown - s0) / elapsed,
        "decode attempts/s": attempts / elapsed,
        "frames with a code found/s": (found[0] - p0) / elapsed,
        "mean decode ms": 1000 * (scanner.decode_seconds - d0) / max(attempts, 1),
        "p99 decode ms": float(np.percentile(list(scanner.decode_times)[-attempts:], 99) * 1000)
        if attempts
        else float("nan"),
        **ticker.stats(),
    }
    scanner.stop(3000)
    preview.close()
    return result


def bare_loop(video: Path, seconds: float) -> float:
    """The floor: read + zxing-cpp per frame, flat out, looping the file; frames per second."""
    import zxingcpp

    cap = cv2.VideoCapture(str(video))
    n = 0
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        ok, frame = cap.read()
        if not ok:
            cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            continue
        zxingcpp.read_barcodes(
            frame, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
        n += 1
    elapsed = time.monotonic() - t0
    cap.release()
    return n / elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="measuring time per run")
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args(argv)
    w, h = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="scan-loop-") as tmp:
        video, coded = make_video(Path(tmp) / "camera.avi", size=(w, h))
        print(f"source: {w}x{h} MJPG video, 120 frames at 30 fps, {coded} with a code (looped)")
        print(f"platform: {os.environ.get('QT_QPA_PLATFORM') or 'default'}, {os.cpu_count()} cores")
        floor = bare_loop(video, min(args.seconds, 4.0))
        print(f"floor (bare read + zxing-cpp, flat out): {floor:.1f} frames/s")
        stall_floor = idle_stalls(min(args.seconds, 4.0))
        print(
            "stall floor (the ticker, no scan): longest {:.1f} ms, {:.0f} over 20 ms, p99 {:.1f} ms".format(
                stall_floor["longest stall ms"],
                stall_floor["stalls > 20 ms"],
                stall_floor["p99 tick gap ms"],
            )
        )
        for name, realtime in (("camera (paced at 30 fps)", True), ("flat out", False)):
            figures = run(video, args.seconds, realtime)
            print(f"\n== {name} ==")
            for key, value in figures.items():
                print(f"  {key:<28} {value:8.1f}")
            if not realtime:
                ratio = figures["decode attempts/s"] / floor
                print(f"  attempts/s vs floor          {ratio:8.2f}x")
            else:
                print("  target: >= 30 attempts/s (the source's rate), longest stall <= 20 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
