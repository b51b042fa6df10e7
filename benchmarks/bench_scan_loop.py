"""The webcam scan loop on a 1080p video source: decode rate, GUI stalls, first preview.

    .venv/bin/python benchmarks/bench_scan_loop.py [--seconds 8] [--size 1920x1080] [--no-open]

A 1920x1080 (``--size``) MJPG video (photographed-looking codes from decode_corpus, and frames without a
code) stands in for the camera and goes through the same capture path as a real one
(FrameSource -> camera process: capture thread -> frame slot -> decode thread; preview thread ->
preview pipe -> CameraScanner), with the live preview painted in a shown CameraPreview widget
(offscreen platform unless DISPLAY is set). A QTimer ticking every 1 ms measures how long the
GUI event loop is ever kept from running; its floors are the same ticker without a scan, and
under the same CPU load from another process (the bare loop below, niced like the camera
process), measured in the same run. Each gap is split (Linux) into the GUI thread's own CPU,
its wait for a core (the machine's share) and the rest, when it was blocked (on the GIL or a
lock our other threads held): the most CPU and the longest block in any gap are our code's. Next to it, what our code costs per preview: on the GUI thread the handler
(``set_frame`` + ``preview_shown``) and the paint event, max and p99; on the reader thread the
pipe read and QImage wrap (it waits for the camera process's writes too).

Two runs: "camera" paces the video at its 30 fps like a real camera; "flat out" reads frames as
fast as they decode, to show the headroom. Targets: >= 30 decode attempts/s paced; longest
GUI stall <= 20 ms. The floor, measured in the same run on the same file: a bare loop of
``cv2.VideoCapture.read()`` + zxing-cpp, flat out; the "flat out" run is printed as a ratio to it.

Then, in a fresh process like the app's (Qt loaded, no OpenCV), open -> first preview painted:
the scan window against a floor of a spawned process that imports OpenCV, reads one frame and
sends it to be painted (``benchmarks/first_frame.py``: its module imports nothing else). Five
times each, interleaved, after an uncounted first of each; both children with bytecode, as an
installed app's camera process has. Medians, and the ratio of the minima.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bytecode import cache_dir, child_env

ROOT = Path(__file__).resolve().parents[1]
# OpenCV and NumPy are imported where used: the first-preview probe imports this module in a
# fresh process (and the camera process re-imports a spawning script), neither should pay them


def make_video(
    path: Path, seconds: float = 4.0, fps: float = 30.0, size: tuple[int, int] = (1920, 1080)
) -> tuple[Path, int]:
    """A clip: a third without a code, the rest a code under varied conditions."""
    import cv2
    import numpy as np

    from benchmarks.decode_corpus import _category_looks, empty_frame, make_uri, render

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
        #: the GUI thread's own CPU time in each gap: a gap much longer than its CPU is the
        #: machine's (the thread was not running), a gap of CPU is our code's (a long slot/paint)
        self.gap_cpu: list[float] = []
        #: and the time it waited for a core (Linux schedstat; NaN elsewhere): the rest of a gap
        #: past the timer's 1 ms it was blocked -- on the GIL or a lock, held by our other threads
        self.gap_runq: list[float] = []
        self._last = 0.0
        self._last_cpu = 0.0
        self._last_runq = 0.0
        try:  # opened on the GUI thread, which the ticker runs on
            self._schedstat: int | None = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        except OSError:
            self._schedstat = None
        #: optional: a counter read at every tick (e.g. frames read); its changes are kept with
        #: their times, so that a rate is measured between two changes, not across a window whose
        #: ends fall anywhere between two frames (+-1 frame in 6 s is +-0.17/s)
        self.watch: Any = None
        self.changes: list[tuple[float, Any]] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        cpu = time.thread_time() * 1000
        runq = self._runq()
        self.gaps.append(now - self._last)
        self.gap_cpu.append(cpu - self._last_cpu)
        self.gap_runq.append(runq - self._last_runq)
        self._last, self._last_cpu, self._last_runq = now, cpu, runq
        if self.watch is not None:
            value = self.watch()
            if not self.changes or self.changes[-1][1] != value:
                self.changes.append((now, value))

    def _runq(self) -> float:
        """ms this thread has waited for a core so far (``/proc/thread-self/schedstat``)."""
        if self._schedstat is None:
            return float("nan")
        return int(os.pread(self._schedstat, 100, 0).split()[1]) / 1e6

    def rate(self, index: int) -> float:
        """Per second, of item ``index`` of the watched tuple: from its first change in the
        measuring time to its last (times of the changes, as the GUI thread saw them)."""
        points: list[tuple[float, int]] = []
        for when, value in self.changes[1:]:  # [0] is the value at the start
            if not points or points[-1][1] != value[index]:
                points.append((when, value[index]))
        if len(points) < 2:
            return float("nan")
        (t0, v0), (t1, v1) = points[0], points[-1]
        return 1000.0 * (v1 - v0) / (t1 - t0) if t1 > t0 else float("nan")

    def run_for(self, seconds: float, at_end: Any = None) -> None:
        """Tick for ``seconds`` in the event loop. The measurement ends then: ticks during the
        application's quit (it closes every window) are not the scan loop's."""
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        self.clock.start()
        self._last_cpu, self._last_runq = time.thread_time() * 1000, self._runq()
        self.timer.start()

        def end() -> None:
            self.timer.stop()
            if at_end is not None:
                at_end()  # before the quit: it ends the camera processes
            app.quit()

        QTimer.singleShot(int(seconds * 1000), end)
        app.exec()
        self.timer.stop()

    def stats(self) -> dict[str, float]:
        gaps, cpu, runq = self.gaps[1:], self.gap_cpu[1:], self.gap_runq[1:]
        if not gaps:
            nan = float("nan")
            return {"longest stall ms": nan, "stalls > 20 ms": nan, "p99 tick gap ms": nan,
                    "median tick gap ms": nan, "longest stall: GUI CPU ms": nan,
                    "longest stall: core wait ms": nan, "longest GUI CPU in a gap ms": nan,
                    "longest blocked in a gap ms": nan}  # fmt: skip
        longest = max(range(len(gaps)), key=gaps.__getitem__)
        # past the timer's interval, neither running nor waiting for a core: blocked
        blocked = [max(0.0, g - c - q - 1.0) for g, c, q in zip(gaps, cpu, runq, strict=True)]
        return {
            "longest stall ms": gaps[longest],
            "stalls > 20 ms": float(sum(g > 20 for g in gaps)),
            "p99 tick gap ms": p99(gaps),
            "median tick gap ms": statistics.median(gaps),
            # the longest stall split: the GUI thread's own CPU, its wait for a core (the
            # machine's share); the rest it was blocked
            "longest stall: GUI CPU ms": cpu[longest],
            "longest stall: core wait ms": runq[longest],
            # what our code can make, whatever the machine does: the most CPU the GUI thread
            # spent between two ticks (a long slot or paint), and the longest it was blocked
            # (on the GIL or a lock our other threads held)
            "longest GUI CPU in a gap ms": max(cpu),
            "longest blocked in a gap ms": max(blocked),
        }


def p99(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def idle_stalls(seconds: float) -> dict[str, float]:
    """The stall floor: the same 1 ms ticker with no scan running (machine load shows here)."""
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication([])
    ticker = Ticker()
    ticker.run_for(seconds)
    return ticker.stats()


def loaded_stalls(video: Path, seconds: float) -> dict[str, float]:
    """The stall floor under load: the same ticker while another process, niced as the camera
    process is, runs the bare read + zxing-cpp loop flat out (about the CPU a scan takes). What
    the machine alone does to a GUI thread under that load, with none of our code running."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.scanning.camera_loop import WORKER_NICENESS

    QApplication.instance() or QApplication([])
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r});"
        "from benchmarks.bench_scan_loop import bare_loop;"
        f"bare_loop(__import__('pathlib').Path({str(video)!r}), {seconds + 1.0!r})"
    )
    nice = (lambda: os.nice(WORKER_NICENESS)) if hasattr(os, "nice") else None
    load = subprocess.Popen([sys.executable, "-c", code], preexec_fn=nice)
    try:
        time.sleep(1.0)  # OpenCV loaded, the loop running
        ticker = Ticker()
        ticker.run_for(seconds)
        return ticker.stats()
    finally:
        load.wait(30)


def timed_preview() -> Any:
    """A CameraPreview whose paint events are timed (``paint_ms``, ms each)."""
    from desktop_app.ui.scan_window import CameraPreview

    class TimedPreview(CameraPreview):
        def __init__(self) -> None:
            super().__init__()
            self.paint_ms: list[float] = []

        def paintEvent(self, event: Any) -> None:
            t0 = time.perf_counter()
            super().paintEvent(event)
            if self.image is not None:
                self.paint_ms.append(1000 * (time.perf_counter() - t0))

    return TimedPreview()


def counting_scanner() -> type:
    """``CameraScanner`` counting what its camera process reports (frames read and dropped,
    decodes and their durations) and timing the reader thread per preview (pipe read, QImage
    and the signal; not the GUI's) -- measured from outside the product class."""
    import collections

    from desktop_app.scanning.camera_loop import Decoded, Preview
    from desktop_app.ui.camera_worker import CameraScanner

    class CountingScanner(CameraScanner):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.frames_read = 0
            self.frames_dropped = 0  # by a paced stand-in, because the capture came too late
            self.decode_attempts = 0
            self.decode_seconds = 0.0
            self.decode_times: collections.deque[float] = collections.deque(maxlen=4096)
            self.receive_times: collections.deque[float] = collections.deque(maxlen=4096)
            self._t_receive = 0.0

        def _receive(self, pipe: Any) -> Any:
            self._t_receive = time.perf_counter()
            return super()._receive(pipe)

        def _dispatch(self, event: Any, data: Any) -> None:
            current = event.gen == self.generation
            super()._dispatch(event, data)
            if isinstance(event, Preview) and current:
                self.frames_read = event.frames_read
                self.receive_times.append(time.perf_counter() - self._t_receive)
            elif isinstance(event, Decoded) and current:
                self.frames_read, self.frames_dropped = event.frames_read, event.frames_dropped
                self.decode_attempts += 1
                self.decode_seconds += event.seconds
                self.decode_times.append(event.seconds)

    return CountingScanner


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of process ``pid`` so far (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def run(video: Path, seconds: float, realtime: bool) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    preview = timed_preview()
    preview.resize(960, 540)
    preview.show()
    scanner = counting_scanner()(str(video), loop=True, realtime=realtime)
    found = [0]
    handler_ms: list[float] = []

    def on_preview(image, w, h) -> None:
        t0 = time.perf_counter()
        preview.set_frame(image, w, h)
        scanner.preview_shown()
        handler_ms.append(1000 * (time.perf_counter() - t0))

    def on_codes(detections, w, h) -> None:
        found[0] += 1
        preview.set_detections(detections, w, h)

    scanner.preview_ready.connect(on_preview)
    scanner.codes_found.connect(on_codes)
    scanner.set_preview_size(960, 540)

    ticker = Ticker()
    ticker.watch = lambda: (scanner.frames_read, scanner.decode_attempts)

    scanner.start()
    # let the source open and the first frames arrive before measuring
    t_start = time.monotonic()
    while scanner.frames_read < 3 and time.monotonic() - t_start < 5:
        app.processEvents()
        time.sleep(0.001)
    f0, a0, d0, s0, p0, x0 = (
        scanner.frames_read,
        scanner.decode_attempts,
        scanner.decode_seconds,
        preview.frames_shown,
        found[0],
        scanner.frames_dropped,
    )
    h0, paint0, r0 = (
        len(handler_ms),
        len(preview.paint_ms),
        len(scanner.receive_times),
    )
    cpu_child0, cpu_app0 = cpu_seconds(scanner.pid), time.process_time()
    cpu_end: list[float] = []
    t0 = time.monotonic()
    counts_end: list[int] = []

    def at_end() -> None:
        cpu_end.extend((cpu_seconds(scanner.pid), time.process_time()))
        counts_end.extend((scanner.frames_read, scanner.decode_attempts, scanner.frames_dropped))

    ticker.run_for(seconds, at_end=at_end)
    elapsed = time.monotonic() - t0
    cpu_child, cpu_app = cpu_end[0] - cpu_child0, cpu_end[1] - cpu_app0
    attempts = scanner.decode_attempts - a0
    handler = handler_ms[h0:]
    paint = preview.paint_ms[paint0:]
    receive = [1000 * t for t in list(scanner.receive_times)[r0:]]
    result = {
        "frames/s": ticker.rate(0),
        "previews shown/s": (preview.frames_shown - s0) / elapsed,
        "decode attempts/s": ticker.rate(1),
        "frames with a code found/s": (found[0] - p0) / elapsed,
        "mean decode ms": 1000 * (scanner.decode_seconds - d0) / max(attempts, 1),
        "p99 decode ms": p99(list(scanner.decode_times)[-attempts:]) * 1000
        if attempts
        else float("nan"),
        **ticker.stats(),
        # CPU per frame read: what a frame costs, whatever else the machine runs
        "camera process CPU ms/frame": 1000 * cpu_child / max(1, scanner.frames_read - f0),
        "app process CPU ms/frame": 1000 * cpu_app / max(1, scanner.frames_read - f0),
        "GUI: handler max ms": max(handler, default=float("nan")),
        "GUI: handler p99 ms": p99(handler),
        "GUI: paint max ms": max(paint, default=float("nan")),
        "GUI: paint p99 ms": p99(paint),
        "reader: receive max ms": max(receive, default=float("nan")),
        "reader: receive p99 ms": p99(receive),
        # exact counts in the measuring time: frames the paced stand-in let go because the
        # capture came too late (as a camera drops them), and frames read but never decoded
        "frames dropped (capture late)": float(counts_end[2] - x0),
        "frames read, not decoded": float(
            max(0, (counts_end[0] - f0) - (counts_end[1] - a0) - 3)  # up to 3 wait in the slot
        ),
    }
    scanner.stop(3000)
    preview.close()
    return result


def bare_loop(video: Path, seconds: float) -> float:
    """The floor: read + zxing-cpp per frame, flat out, looping the file; frames per second."""
    import cv2
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


# --- open -> first preview painted --------------------------------------------------------------


def first_preview_probe(video: str, repeats: int) -> dict[str, list[float]]:
    """In a fresh process like the app's (Qt loaded, no OpenCV; a shown window): how long from
    opening the scan window to its first painted preview, against the floor: a spawned process
    that imports OpenCV, reads one frame and sends it, painted in a plain widget."""
    import multiprocessing

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from benchmarks.first_frame import bare_first_frame
    from desktop_app.ui import scan_window
    from desktop_app.ui.scan_window import CameraPreview, ScanWindow

    app = QApplication.instance() or QApplication([])
    main_window = QWidget()
    main_window.resize(800, 600)
    main_window.show()
    painted: list[float] = []
    loop = QEventLoop()

    def settle(ms: int) -> None:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    class FloorView(QWidget):
        image: QImage | None = None

        def paintEvent(self, event: Any) -> None:
            if self.image is not None:
                painter = QPainter(self)
                painter.drawImage(0, 0, self.image)
                painter.end()
                painted.append(time.perf_counter())

    original_paint = CameraPreview.paintEvent

    def paint(self: CameraPreview, event: Any) -> None:
        original_paint(self, event)
        if self.image is not None:
            painted.append(time.perf_counter())

    scan_window.CameraPreview.paintEvent = paint  # type: ignore[method-assign]

    wake = QTimer()  # wakes the wait below to check its deadline
    wake.start(100)

    def wait_painted(deadline_s: float = 30.0) -> None:
        """Idle in the event loop until the first paint, as the app's GUI thread does: a loop
        that polls would keep a core busy while the camera process starts (on 2 cores, about
        half of the CPU the scan window's camera process and the floor's process compete for).
        """
        t_end = time.perf_counter() + deadline_s
        while not painted and time.perf_counter() < t_end:
            app.processEvents(
                QEventLoop.ProcessEventsFlag.AllEvents
                | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
            )

    results: dict[str, list[float]] = {"floor": [], "scan window": []}
    settle(300)
    for run in range(repeats + 1):  # run 0 writes the children's bytecode: not counted
        painted.clear()
        t0 = time.perf_counter()
        ctx = multiprocessing.get_context("spawn")
        reader, writer = ctx.Pipe(duplex=False)
        process = ctx.Process(target=bare_first_frame, args=(writer, video, (640, 360)))
        process.start()
        writer.close()
        data = bytearray(reader.recv_bytes())
        view = FloorView()
        view.image = QImage(data, 640, 360, 640 * 3, QImage.Format.Format_BGR888)
        view.resize(640, 360)
        view.show()
        wait_painted()
        if run:
            results["floor"].append(painted[0] - t0)
        process.join()
        view.close()
        settle(300)

        painted.clear()
        t0 = time.perf_counter()
        window = ScanWindow(None, video)
        window.show()
        wait_painted()
        if run:
            results["scan window"].append(painted[0] - t0)
        scanner = window.scanner
        window.close()
        if scanner is not None:
            scanner.wait(3000)
        window.deleteLater()
        settle(300)
    wake.stop()
    main_window.close()
    return results


def first_preview(video: Path, repeats: int = 5) -> dict[str, list[float]]:
    """The probe in a fresh process whose children (the camera process, the floor's) run with
    bytecode, as an installed app's do (benchmarks/bytecode.py)."""
    code = (
        "import json, sys\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from benchmarks.bench_scan_loop import first_preview_probe\n"
        "print(json.dumps(first_preview_probe(sys.argv[2], int(sys.argv[3]))))\n"
    )
    with cache_dir() as prefix:
        env = child_env(prefix)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        out = subprocess.run(
            [sys.executable, "-c", code, str(ROOT), str(video), str(repeats)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=True,
        )
    result: dict[str, list[float]] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="measuring time per run")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument(
        "--no-open", action="store_true", help="skip the open -> first preview measurement"
    )
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
            "stall floor (the ticker, no scan): longest {:.1f} ms, {:.0f} over 20 ms, p99 {:.1f} ms"
            " (of the longest: CPU {:.1f} ms, core wait {:.1f} ms)".format(
                stall_floor["longest stall ms"],
                stall_floor["stalls > 20 ms"],
                stall_floor["p99 tick gap ms"],
                stall_floor["longest stall: GUI CPU ms"],
                stall_floor["longest stall: core wait ms"],
            )
        )
        loaded = loaded_stalls(video, min(args.seconds, 4.0))
        print(
            "stall floor under load (the ticker, another process running the floor's loop):"
            " longest {:.1f} ms, {:.0f} over 20 ms, p99 {:.1f} ms (of the longest: CPU {:.1f} ms,"
            " core wait {:.1f} ms)".format(
                loaded["longest stall ms"],
                loaded["stalls > 20 ms"],
                loaded["p99 tick gap ms"],
                loaded["longest stall: GUI CPU ms"],
                loaded["longest stall: core wait ms"],
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
                print(
                    "  target: >= 30 attempts/s (the source's rate: no frame dropped, none left"
                    " undecoded), longest stall <= 20 ms"
                )
        if args.no_open:
            return 0
        opened = first_preview(video)
        ours, floor_open = (
            statistics.median(opened["scan window"]),
            statistics.median(opened["floor"]),
        )
        print(
            f"\n== open -> first preview painted (fresh process, {len(opened['floor'])} times"
            " each, interleaved, median) =="
        )
        print(f"  floor (spawn + import cv2 + read one frame + paint)  {1000 * floor_open:6.0f} ms")
        print(f"  scan window                                          {1000 * ours:6.0f} ms")
        print(f"  ratio                                                {ours / floor_open:6.2f}x")
        low = min(opened["scan window"]) / min(opened["floor"])
        print(f"  ratio of the minima                                  {low:6.2f}x")
        print("  each: floor {}, scan window {} ms".format(
            ", ".join(f"{1000 * t:.0f}" for t in opened["floor"]),
            ", ".join(f"{1000 * t:.0f}" for t in opened["scan window"]),
        ))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
