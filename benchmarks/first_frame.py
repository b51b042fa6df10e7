"""The floor of ``bench_scan_loop``'s open -> first preview: a spawned process's target.

A module of its own, importing nothing: the spawned child imports its target's module, and the
floor should not pay ``bench_scan_loop``'s imports (argparse, json, statistics, ...), which no
camera process needs.
"""

from __future__ import annotations

from typing import Any


def bare_first_frame(out: Any, video: str, size: tuple[int, int]) -> None:
    """Import OpenCV, open the source, read and shrink one frame, send it: what any camera
    process must do before the first picture. (OpenCV is imported here, in the child: the
    parent imports this module to name the target.)"""
    import cv2

    cap = cv2.VideoCapture(video)
    _ok, frame = cap.read()
    cap.release()
    small = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
    out.send_bytes(memoryview(small).cast("B"))
    out.close()
