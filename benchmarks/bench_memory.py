"""Resident memory before, during and after the scan window, with 100 accounts (offscreen).

    python benchmarks/bench_memory.py [--seconds 5] [--size 1920x1080]

Builds the main window with 100 accounts (in-memory keystore), lets it idle and measures RSS:
that is the floor, measured in the same run. Then opens the scan window the way the app does
(``window.adding.scan_camera`` with a 1080p MJPG video standing in for the camera: frames
without a code, so that it scans the whole time, rescues included), scans for ``--seconds``,
closes it, lets the event loop settle and measures again. Prints the figures (RSS split into
anonymous memory and mapped files, i.e. loaded libraries), the growth over the floor (target <=
+25 MB after closing), the idle RSS (target < 150 MB), the camera process's own peak (capture
and decoding run there) and how long the first preview took.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bench_idle import rss_mb

ROOT = Path(__file__).resolve().parents[1]


def rss_split() -> str:
    """``anon X + files Y`` in MB (files: mapped libraries, which a process cannot give back)."""
    fields: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("RssAnon", "RssFile", "RssShmem"):
                fields[key] = int(value.split()[0]) / 1024
    except OSError:
        return ""
    return "anon {:.1f} + files {:.1f} MB".format(
        fields.get("RssAnon", 0.0), fields.get("RssFile", 0.0) + fields.get("RssShmem", 0.0)
    )


def child_rss_mb(pid: int | None) -> float:
    if pid is None:
        return 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    w, h = (int(v) for v in args.size.split("x"))

    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.app import AppServices
    from desktop_app.otp.model import Entry
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings
    from desktop_app.ui import scan_window
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.theme import apply_theme
    from desktop_app.vault import KeyStore, Vault

    tmp = Path(tempfile.mkdtemp())
    video = tmp / "camera.avi"
    # made in another process: OpenCV is not loaded here before the scan window loads it
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "import cv2, numpy as np; from benchmarks.decode_corpus import empty_frame; "
            "size = (int(sys.argv[3]), int(sys.argv[4])); rng = np.random.default_rng(7); "
            "out = cv2.VideoWriter(sys.argv[2], cv2.VideoWriter.fourcc(*'MJPG'), 30.0, size); "
            "[out.write(empty_frame(size, rng)) for _ in range(60)]; out.release()",
            str(ROOT),
            str(video),
            str(w),
            str(h),
        ],
        check=True,
    )
    paths = AppPaths.resolve(tmp / "data")
    paths.ensure()
    keystore = KeyStore.memory()
    services = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=keystore)
    services.camera_source = str(video)
    services.vault = Vault.open(tmp / "data", keystore=keystore)
    services.vault.add_many(
        [
            Entry(
                base64.b32encode(hashlib.sha1(f"mem{i}".encode()).digest()).decode().rstrip("="),
                f"Service {i:03d}",
                f"user{i}@example.com",
            )
            for i in range(100)
        ]
    )
    app = create_app()
    apply_theme(app, "light")
    window = build_window(services)
    window.show()
    loop = QEventLoop()

    def settle(ms: int) -> None:
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    settle(1500)
    before = rss_mb()
    before_split = rss_split()
    loaded_cv2 = "cv2" in sys.modules
    t_open = time.monotonic()
    from benchmarks.bench_scan_loop import counting_scanner

    scan_window.CameraScanner = counting_scanner()  # type: ignore[misc]  # counts decodes
    window.adding.scan_camera()
    longest_block = time.monotonic() - t_open  # the GUI thread is busy opening the window
    scan = window.adding.scan_window
    assert scan is not None
    while scan.preview.frames_shown == 0 and time.monotonic() - t_open < 30:
        t_turn = time.monotonic()
        settle(5)
        longest_block = max(longest_block, time.monotonic() - t_turn - 0.005)
    first_preview = time.monotonic() - t_open
    t0 = time.monotonic()
    peak = before
    child_peak = 0.0
    scanner = scan.scanner
    pid = getattr(scanner, "pid", None)  # the camera process (None: scanned in this process)
    while time.monotonic() - t0 < args.seconds:
        settle(250)
        peak = max(peak, rss_mb())
        child_peak = max(child_peak, child_rss_mb(pid))
    attempts = getattr(scanner, "decode_attempts", 0)
    assert window.adding.scan_window is scan, "the scan window closed itself (a code was read?)"
    scan.close()
    settle(2000)
    after = rss_mb()
    after_split = rss_split()
    print(
        f"main window with 100 accounts, scan window on a {w}x{h} MJPG video for {args.seconds:.0f} s"
    )
    print(f"  floor (idle, before the scan window): {before:6.1f} MB  ({before_split})")
    print(f"  peak while scanning:                  {peak:6.1f} MB  (+{peak - before:.1f} MB)")
    print(
        f"  after closing it:                     {after:6.1f} MB  (+{after - before:.1f} MB over "
        f"the floor; target <= +25 MB)  ({after_split})"
    )
    print(f"  ratio after/floor: {after / before:.2f}x")
    print(f"  idle RSS before scanning: {before:.0f} MB (target < 150 MB)")
    if pid is not None:
        print(f"  camera process peak: {child_peak:.1f} MB (ends with the window)")
    print(
        f"  first preview {first_preview * 1000:.0f} ms after opening (the GUI thread blocked at "
        f"most {longest_block * 1000:.0f} ms meanwhile); {attempts} decode attempts in "
        f"{args.seconds:.0f} s"
    )
    print(f"  cv2 loaded in this process: before {loaded_cv2}, after {'cv2' in sys.modules}")
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
