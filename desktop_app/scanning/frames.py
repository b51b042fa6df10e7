"""Frame sources: a camera, or a video file / image folder standing in for one.

Every source is read through the same path: an OpenCV capture object (``cv2.VideoCapture`` for
cameras, video files and image-sequence patterns such as ``shots/img_%03d.png``; a tiny
capture-compatible reader for a plain folder of images) wrapped by :class:`FrameSource`, whose
``read()`` returns the next BGR frame or ``None`` at the end of the stream.

Source specification (the ``--camera-source`` option): a camera index (``0``), a video file, an
image folder, a single image file, or a ``%``-pattern of numbered images. Nothing -> camera 0.

OpenCV is imported where a capture is opened, not with this module: the window that shows the
camera runs the capture in a child process (``desktop_app.scanning.camera_loop``) and itself only
needs the source descriptions (:func:`parse_source`, :class:`CameraInfo`), without OpenCV's
libraries in its memory. The image suffixes (``desktop_app.scanning.IMAGE_SUFFIXES``) tell an
image file from a video; scanning imports nothing of intake or the OTP parsers.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Collection, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop_app.errors import ScanError
from desktop_app.scanning import IMAGE_SUFFIXES

if TYPE_CHECKING:
    import numpy as np

DEFAULT_FPS = 30.0
MAX_CAMERA_INDEX = 8
#: a camera that opened but sends no picture for this long is reported as busy
FIRST_FRAME_TIMEOUT = 5.0


class SourceKind(StrEnum):
    CAMERA = "camera"
    VIDEO = "video"
    IMAGES = "images"  # a folder, a single image, or a %-pattern of numbered images


class SourceSpec(NamedTuple):
    kind: SourceKind
    target: int | str  # camera index, or a path / pattern
    label: str  # what a person is shown

    @property
    def is_camera(self) -> bool:
        return self.kind is SourceKind.CAMERA


class CameraInfo:
    """A camera :func:`list_cameras` found. A plain class, not a ``NamedTuple`` (whose
    ``index`` is the tuple's method) nor a dataclass (the camera process defines it at its start,
    before its first picture: a dataclass type costs ~10x more to define)."""

    __slots__ = ("index", "name", "problem")

    def __init__(self, index: int, name: str, problem: str = "") -> None:
        self.index = index
        self.name = name
        self.problem = problem  # e.g. "permission denied"; empty when the camera opened

    def _key(self) -> tuple[int, str, str]:
        return self.index, self.name, self.problem

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CameraInfo) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"CameraInfo(index={self.index!r}, name={self.name!r}, problem={self.problem!r})"

    @property
    def label(self) -> str:
        return f"{self.name} — {self.problem}" if self.problem else self.name


class CameraError(ScanError):
    """A frame source cannot deliver pictures. ``reason``: none, denied, busy, lost, missing."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def parse_source(spec: str | int | None) -> SourceSpec:
    """Turn a ``--camera-source`` value into a :class:`SourceSpec` (ScanError when not found)."""
    if spec is None or (isinstance(spec, str) and not spec.strip()):
        return SourceSpec(SourceKind.CAMERA, 0, "Camera 0")
    if isinstance(spec, int) or spec.strip().isdigit():
        index = int(spec)
        return SourceSpec(SourceKind.CAMERA, index, f"Camera {index}")
    text = os.path.expanduser(spec.strip())
    path = Path(text)
    if "%" in path.name:
        if not path.parent.is_dir():
            raise CameraError(f"Camera source folder not found: {path.parent}", "missing")
        return SourceSpec(SourceKind.IMAGES, text, f"Images {path.name}")
    if path.is_dir():
        return SourceSpec(SourceKind.IMAGES, text, f"Image folder {path.name}")
    if path.is_file():
        kind = SourceKind.IMAGES if path.suffix.lower() in IMAGE_SUFFIXES else SourceKind.VIDEO
        return SourceSpec(
            kind, text, f"{'Image' if kind is SourceKind.IMAGES else 'Video'} {path.name}"
        )
    raise CameraError(
        f"Camera source not found: {spec} (give a camera number, a video file or an image folder)",
        "missing",
    )


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """OpenCV prints warnings for every camera index that does not exist; silence them."""
    import cv2

    logging = getattr(getattr(cv2, "utils", None), "logging", None)
    if logging is None:
        yield
        return
    old = logging.getLogLevel()
    logging.setLogLevel(logging.LOG_LEVEL_SILENT)
    try:
        yield
    finally:
        logging.setLogLevel(old)


def _camera_backend() -> int:
    import cv2

    if sys.platform.startswith("linux"):
        return int(cv2.CAP_V4L2)
    if sys.platform == "win32":
        return int(cv2.CAP_DSHOW)
    if sys.platform == "darwin":
        return int(cv2.CAP_AVFOUNDATION)
    return int(cv2.CAP_ANY)


def _linux_device(index: int) -> Path:
    return Path(f"/dev/video{index}")


def _linux_name(index: int) -> str:
    try:
        name = Path(f"/sys/class/video4linux/video{index}/name").read_text().strip()
    except OSError:
        name = ""
    return f"{name} (camera {index})" if name else f"Camera {index}"


def _linux_problem(index: int) -> str:
    """Empty when /dev/videoN exists and is accessible, else a short reason."""
    dev = _linux_device(index)
    if not dev.exists():
        return "not connected"
    if not os.access(dev, os.R_OK | os.W_OK):
        return "permission denied"
    return ""


def list_cameras(max_index: int = MAX_CAMERA_INDEX, skip: Collection[int] = ()) -> list[CameraInfo]:
    """Cameras that can be opened, probing indices 0..max_index quickly. None found -> [].

    Indices in ``skip`` (a camera already in use by the app) are neither probed nor listed:
    opening a streaming camera a second time can fail or disturb it.
    """
    import cv2

    found: list[CameraInfo] = []
    linux = sys.platform.startswith("linux")
    misses = 0
    with _quiet_opencv():
        for index in range(max_index + 1):
            if index in skip:
                misses = 0
                continue
            if linux:
                problem = _linux_problem(index)
                if problem == "not connected":
                    continue
                if problem:
                    found.append(CameraInfo(index, _linux_name(index), problem))
                    continue
            cap = cv2.VideoCapture(index, _camera_backend())
            try:
                opened = cap.isOpened()
            finally:
                cap.release()
            if opened:
                misses = 0
                found.append(CameraInfo(index, _linux_name(index) if linux else f"Camera {index}"))
            elif not linux:
                misses += 1
                if misses >= 2:  # indices are dense off Linux; stop early
                    break
    return found


class _FolderCapture:
    """A plain folder (or one image) read like ``cv2.VideoCapture``: read(), get(), set()."""

    def __init__(self, path: Path) -> None:
        if path.is_dir():
            self._files = sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES
            )
        else:
            self._files = [path]
        self._pos = 0

    def isOpened(self) -> bool:  # mirrors cv2.VideoCapture
        return bool(self._files)

    def read(self) -> tuple[bool, np.ndarray | None]:
        while self._pos < len(self._files):
            from desktop_app.scanning.images import load_image

            path = self._files[self._pos]
            self._pos += 1
            try:
                return True, load_image(path)
            except ScanError:
                continue  # an unreadable file in a folder is skipped
        return False, None

    def get(self, prop: int) -> float:
        import cv2

        if prop == cv2.CAP_PROP_FRAME_COUNT:
            return float(len(self._files))
        return 0.0

    def set(self, prop: int, value: float) -> bool:
        import cv2

        if prop == cv2.CAP_PROP_POS_FRAMES:
            self._pos = int(value)
            return True
        return False

    def release(self) -> None:
        self._files = []


class FrameSource:
    """Frames from a camera, video file or image folder; one read path for all of them.

    ``loop`` restarts files at their end (a stand-in behaves like a camera); ``realtime`` paces
    files at their frame rate (cameras pace themselves). ``read()`` returns ``None`` at the end of
    a file and raises :class:`CameraError` when a camera cannot deliver pictures.
    """

    def __init__(
        self,
        spec: SourceSpec | str | int | None,
        *,
        loop: bool = False,
        realtime: bool = False,
        first_frame_timeout: float = FIRST_FRAME_TIMEOUT,
    ) -> None:
        self.spec = spec if isinstance(spec, SourceSpec) else parse_source(spec)
        self.loop = loop
        self.realtime = realtime
        self.first_frame_timeout = first_frame_timeout
        self.frames_read = 0
        self._time_dropped = 0.0  # seconds of a paced source's frames the reader came too late for
        self.fps = DEFAULT_FPS
        self._cap: Any = None
        self._started = 0.0
        self._next_due = 0.0

    @property
    def label(self) -> str:
        return self.spec.label

    def __enter__(self) -> FrameSource:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def open(self) -> None:
        if self._cap is not None:
            return
        import cv2

        spec = self.spec
        if spec.kind is SourceKind.CAMERA:
            self._cap = self._open_camera(int(spec.target))
        else:
            target = str(spec.target)
            if spec.kind is SourceKind.VIDEO:
                cap: Any = cv2.VideoCapture(target)
            elif "%" in Path(target).name:
                cap = cv2.VideoCapture(target, cv2.CAP_IMAGES)
            else:
                cap = _FolderCapture(Path(target))
            if not cap.isOpened():
                cap.release()
                what = "video file" if spec.kind is SourceKind.VIDEO else "image source"
                hint = ""
                if spec.kind is SourceKind.VIDEO and not cv2.videoio_registry.hasBackend(
                    cv2.CAP_FFMPEG
                ):
                    # the Linux installer's slim OpenCV (packaging/build_slim_opencv.sh)
                    hint = " This build reads AVI (MJPG) video only, not MP4, WebM or MKV."
                raise CameraError(
                    f"The {what} {target} cannot be read (no frames, or an unsupported "
                    f"format).{hint}",
                    "missing",
                )
            fps = float(cap.get(cv2.CAP_PROP_FPS) or 0.0)
            self.fps = fps if 1.0 <= fps <= 240.0 else DEFAULT_FPS
            self._cap = cap
        self._started = time.monotonic()
        self._next_due = self._started

    def _open_camera(self, index: int) -> Any:
        import cv2

        if sys.platform.startswith("linux"):
            problem = _linux_problem(index)
            if problem == "not connected":
                raise CameraError(
                    "No camera was found. Connect a camera, or scan an image file or the "
                    "screen instead.",
                    "none",
                )
            if problem:
                raise CameraError(
                    f"Permission to use camera {index} was denied. On Linux, add your user to "
                    "the 'video' group (then log in again).",
                    "denied",
                )
        with _quiet_opencv():
            cap = cv2.VideoCapture(index, _camera_backend())
            if not cap.isOpened():
                cap.release()
                raise CameraError(
                    f"Camera {index} cannot be opened. It may be in use by another application, "
                    "or camera access is not allowed for this app (check the system's privacy "
                    "settings).",
                    "busy",
                )
            cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, 1280)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, 720)
            cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # newest picture, not a queue of old ones
        return cap

    def read(self) -> np.ndarray | None:
        """The next frame (BGR uint8), or None at the end of a file source."""
        import cv2

        if self._cap is None:
            self.open()
        cap = self._cap
        if self.spec.is_camera:
            return self._read_camera(cap)
        if self.realtime:
            self._pace()
        ok, frame = cap.read()
        if (not ok or frame is None) and self.loop and self.frames_read > 0:
            cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = cap.read()
        if not ok or frame is None:
            return None
        self.frames_read += 1
        return frame if frame.ndim == 3 else cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)

    def _pace(self) -> None:
        """Wait until the next frame is due. A reader up to two frames late still gets every
        frame (the one due and the next, as a camera's buffers hold them); later than that, the
        frames in between are gone."""
        interval = 1.0 / self.fps
        now = time.monotonic()
        if self._next_due > now:
            time.sleep(self._next_due - now)
            now = self._next_due
        due = max(self._next_due + interval, now - interval)
        self._time_dropped += due - (self._next_due + interval)
        self._next_due = due

    @property
    def frames_dropped(self) -> int:
        """Frames a paced file source let go because the reader came more than two frames
        late, as a camera drops them (benchmarks compare it with the frames read)."""
        return round(self._time_dropped * self.fps)

    def _read_camera(self, cap: Any) -> np.ndarray:
        deadline = time.monotonic() + self.first_frame_timeout
        failures = 0
        while True:
            ok, frame = cap.read()
            if ok and frame is not None and frame.size:
                self.frames_read += 1
                return frame
            failures += 1
            if self.frames_read == 0 and time.monotonic() > deadline:
                raise CameraError(
                    "The camera sends no picture. Another application may be using it; close "
                    "that application and try again.",
                    "busy",
                )
            if self.frames_read > 0 and failures >= 10:
                raise CameraError(
                    "The camera stopped sending pictures (was it unplugged?).", "lost"
                )
            time.sleep(0.02)

    def release(self) -> None:
        cap, self._cap = self._cap, None
        if cap is not None:
            cap.release()
