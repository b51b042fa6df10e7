"""``decode --video`` throughput against its floor: a bare OpenCV read + zxing-cpp loop.

    .venv/bin/python benchmarks/bench_video_cli.py [--seconds 4] [--size 1920x1080] [--runs 3]

Writes an MJPG video without a code (so that both loops read every frame), then times, on the
same file and in the same run, alternating:

* the floor: ``cv2.VideoCapture.read()``, the app's preprocessing (grayscale, and frames longer
  than ``decoders.MAX_SIDE`` scaled down to it, as ``decoders._prepare`` does) and
  ``zxingcpp.read_barcodes`` (QR only) per frame;
* the old floor (until #24): ``read()`` + ``zxingcpp.read_barcodes`` on the full-size colour
  frame, which the app never decodes: printed for comparison;
* the command: ``desktop-authenticator decode --video FILE``, whose own "frames read: N, F
  frames/s" line on stderr is read back (its loop, without the process start).

Prints frames and frames/s of each and the ratios (target: the command >= 75% of the floor).
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.decode_corpus import empty_frame

ROOT = Path(__file__).resolve().parents[1]


def make_video(path: Path, size: tuple[int, int], seconds: float, fps: float = 30.0) -> int:
    rng = np.random.default_rng(11)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    assert writer.isOpened(), "cannot write MJPG video"
    frames = [empty_frame(size, rng) for _ in range(6)]
    n = int(seconds * fps)
    for i in range(n):
        writer.write(frames[i % len(frames)])
    writer.release()
    return n


def bare_loop(path: Path, *, prepare: bool = True) -> tuple[int, float]:
    import zxingcpp

    from desktop_app.scanning.decoders import MAX_SIDE

    qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    cap = cv2.VideoCapture(str(path))
    n = 0
    t0 = time.perf_counter()
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        if prepare:
            frame = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
            longest = max(frame.shape[:2])
            if longest > MAX_SIDE:
                factor = longest / MAX_SIDE
                size = (round(frame.shape[1] / factor), round(frame.shape[0] / factor))
                interpolation = cv2.INTER_LINEAR if factor < 2.0 else cv2.INTER_AREA
                frame = cv2.resize(frame, size, interpolation=interpolation)
        zxingcpp.read_barcodes(frame, formats=qr)
        n += 1
    elapsed = time.perf_counter() - t0
    cap.release()
    return n, n / elapsed


def command(path: Path) -> tuple[int, float]:
    r = subprocess.run(
        [sys.executable, "-m", "desktop_app", "decode", "--video", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    m = re.search(r"frames read: (\d+), ([\d.]+) frames/s", r.stderr)
    if not m:
        raise SystemExit(f"no frames line in the command's stderr: {r.stderr!r}")
    return int(m.group(1)), float(m.group(2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="video length")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    w, h = (int(v) for v in args.size.split("x"))

    with tempfile.TemporaryDirectory(prefix="video-cli-") as tmp:
        video = Path(tmp) / "no-code.avi"
        n = make_video(video, (w, h), args.seconds)
        print(f"video: {w}x{h} MJPG, {n} frames without a code")
        floors, old_floors, cmds = [], [], []
        for _ in range(args.runs):  # interleave so that machine load hits all alike
            fn, ffps = bare_loop(video)
            on, ofps = bare_loop(video, prepare=False)
            cn, cfps = command(video)
            floors.append(ffps)
            old_floors.append(ofps)
            cmds.append(cfps)
            print(
                f"  floor {fn} frames {ffps:6.1f} frames/s | old floor {on} frames {ofps:6.1f} "
                f"frames/s | command {cn} frames {cfps:6.1f} frames/s"
            )
    floor, old_floor = statistics.median(floors), statistics.median(old_floors)
    cmd = statistics.median(cmds)
    print(
        f"decode --video: {cmd:.1f} frames/s vs floor {floor:.1f} frames/s = {100 * cmd / floor:.0f}% "
        "(target >= 75%)"
    )
    print(
        f"  (vs the old floor, full-size colour frames: {old_floor:.1f} frames/s = "
        f"{100 * cmd / old_floor:.0f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
