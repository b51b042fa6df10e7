"""Resident memory before, during and after the scan window, with 100 accounts (offscreen).

    python benchmarks/bench_memory.py [--seconds 5] [--size 1920x1080]

Builds the main window with 100 accounts (in-memory keystore), lets it idle and measures RSS:
that is the floor, measured in the same run. Then opens the scan window the way the app does
(``MainWindow.scan_camera`` with a 1080p MJPG video standing in for the camera), scans for
``--seconds``, closes it, lets the event loop settle and measures again. Prints the figures,
the growth over the floor (target <= +25 MB after closing) and the idle RSS (target < 150 MB).
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
            "from benchmarks.bench_scan_loop import make_video; "
            "make_video(__import__('pathlib').Path(sys.argv[2]), 2.0, 30.0, (int(sys.argv[3]), int(sys.argv[4])))",
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
    loaded_cv2 = "cv2" in sys.modules
    window.adding.scan_camera()
    scan = window.adding.scan_window
    assert scan is not None
    t0 = time.monotonic()
    peak = before
    while time.monotonic() - t0 < args.seconds:
        settle(250)
        peak = max(peak, rss_mb())
    scan.close()
    settle(2000)
    after = rss_mb()
    print(
        f"main window with 100 accounts, scan window on a {w}x{h} MJPG video for {args.seconds:.0f} s"
    )
    print(f"  floor (idle, before the scan window): {before:6.1f} MB")
    print(f"  peak while scanning:                  {peak:6.1f} MB  (+{peak - before:.1f} MB)")
    print(
        f"  after closing it:                     {after:6.1f} MB  (+{after - before:.1f} MB over "
        "the floor; target <= +25 MB)"
    )
    print(f"  idle RSS before scanning: {before:.0f} MB (target < 150 MB)")
    print(f"  cv2 loaded before the scan window: {loaded_cv2}")
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
