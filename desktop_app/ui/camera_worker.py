"""The webcam scan loop, off the GUI thread.

Two threads share one *newest-frame slot*:

* the capture thread reads frames from a :class:`~desktop_app.scanning.frames.FrameSource`
  (camera, or video file / image folder standing in for one), puts each into the slot
  (overwriting the previous one: frames are dropped, never queued), and hands the GUI a small
  preview image — only when the GUI has painted the previous one;
* the decode thread waits for a frame newer than the last one it decoded, decodes it, and
  reports what it found.

The camera is released by the capture thread when it stops (window closed, source switched).
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import logging
import os
import sys
import threading
import time

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QImage

from desktop_app.errors import ScanError
from desktop_app.scanning.decoders import Detection, detect
from desktop_app.scanning.frames import CameraError, FrameSource, SourceSpec

log = logging.getLogger(__name__)

#: largest preview handed to the GUI (it is scaled to the widget size in the worker)
PREVIEW_MAX = (1280, 720)
#: niceness added to the scan threads (Linux); elsewhere they start with QThread.LowPriority
WORKER_NICENESS = 5


class FrameSlot:
    """Holds only the newest frame; ``take_newer`` blocks until a newer one arrives."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._frame: np.ndarray | None = None
        self._seq = 0
        self._closed = False

    def put(self, frame: np.ndarray) -> int:
        with self._cond:
            self._seq += 1
            self._frame = frame
            self._cond.notify_all()
            return self._seq

    def take_newer(self, seq: int, timeout: float = 0.1) -> tuple[int, np.ndarray] | None:
        with self._cond:
            if self._seq <= seq and not self._closed:
                self._cond.wait(timeout)
            if self._seq <= seq or self._frame is None:
                return None
            return self._seq, self._frame

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._frame = None  # a 1080p frame is 6 MB: not kept after the scan ends
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed


def bgr_to_qimage(frame: np.ndarray, max_size: tuple[int, int]) -> QImage:
    """A preview QImage (own copy of the pixels) no larger than ``max_size``."""
    h, w = frame.shape[:2]
    mw, mh = max(1, max_size[0]), max(1, max_size[1])
    scale = min(mw / w, mh / h, 1.0)
    if scale < 1.0:
        frame = cv2.resize(
            frame,
            (max(1, round(w * scale)), max(1, round(h * scale))),
            interpolation=cv2.INTER_AREA,
        )
    frame = np.ascontiguousarray(frame)
    fh, fw = frame.shape[:2]
    image = QImage(frame.data, fw, fh, frame.strides[0], QImage.Format.Format_BGR888)
    return image.copy()  # detach from the numpy buffer


def release_memory() -> None:
    """Give freed heap back to the OS (glibc keeps it in per-thread arenas otherwise): after a
    scan, the frames the threads decoded would stay resident. No-op off glibc."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # musl or another libc: nothing to trim
        pass


def _lower_priority() -> None:
    """Let the GUI thread win the CPU over the scan threads (a smooth window on 2 cores)."""
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):  # Linux: niceness is per thread
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WORKER_NICENESS)


class _CaptureThread(QThread):
    def __init__(self, scanner: CameraScanner) -> None:
        super().__init__()
        self.scanner = scanner

    def run(self) -> None:
        _lower_priority()
        self.scanner._capture_loop()


class _DecodeThread(QThread):
    def __init__(self, scanner: CameraScanner) -> None:
        super().__init__()
        self.scanner = scanner

    def run(self) -> None:
        _lower_priority()
        self.scanner._decode_loop()


_live: set[CameraScanner] = set()  # scanners whose threads run: kept alive until they end
_quit_hooked = False


def _wait_for_live() -> None:
    for scanner in list(_live):
        scanner.stop(wait_ms=3000)


def _hook_quit() -> None:
    global _quit_hooked
    app = QCoreApplication.instance()
    if app is not None and not _quit_hooked:
        _quit_hooked = True
        app.aboutToQuit.connect(_wait_for_live)
        atexit.register(_wait_for_live)  # also when the app object outlives the event loop


class CameraScanner(QObject):
    """Capture + decode threads for one frame source. Signals arrive on the GUI thread.

    ``preview_ready(QImage, frame_width, frame_height)``: call :meth:`preview_shown` once painted.
    ``codes_found(list[Detection], frame_width, frame_height)``: every decode that found codes.
    ``failed(message, reason)``: the source cannot deliver pictures (CameraError reasons).
    ``opened(label)``, ``ended()`` (a file source without ``loop`` reached its end),
    ``stopped()`` once both threads have ended and the source is released.
    """

    preview_ready = Signal(QImage, int, int)
    codes_found = Signal(list, int, int)
    failed = Signal(str, str)
    opened = Signal(str)
    ended = Signal()
    stopped = Signal()

    def __init__(
        self,
        source: SourceSpec | str | int | None,
        *,
        loop: bool = True,
        realtime: bool = True,
        preview: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._spec = source
        self._loop = loop
        self._realtime = realtime
        self._preview = preview
        self._slot = FrameSlot()
        self._stop = threading.Event()
        self._preview_pending = threading.Event()
        self._preview_size = PREVIEW_MAX
        self._capture = _CaptureThread(self)
        self._decoder = _DecodeThread(self)
        self._capture.finished.connect(self._thread_done)
        self._decoder.finished.connect(self._thread_done)
        self._source: FrameSource | None = None
        self.frames_read = 0
        self.decode_attempts = 0
        self.decode_seconds = 0.0
        #: the latest decode durations in seconds (benchmarks read their percentiles)
        self.decode_times: collections.deque[float] = collections.deque(maxlen=4096)
        self.released = False
        self._started = False

    # --- control (GUI thread) ---------------------------------------------------------------

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        _live.add(self)
        _hook_quit()
        self._capture.start(QThread.Priority.LowPriority)
        self._decoder.start(QThread.Priority.LowPriority)

    def stop(self, wait_ms: int = 500) -> None:
        """Ask both threads to end and wait up to ``wait_ms``; they finish on their own after
        that (the scanner stays referenced until they have, so nothing is deleted under them).
        """
        self._stop.set()
        self._slot.close()
        if not self._started:
            self.released = True
            return
        self.wait(wait_ms)

    def wait(self, ms: int) -> bool:
        deadline = time.monotonic() + ms / 1000
        try:
            ok = self._capture.wait(max(0, int(ms)))
            left = max(0, int((deadline - time.monotonic()) * 1000))
            return self._decoder.wait(left) and ok
        except RuntimeError:  # the thread objects are gone already (interpreter shutdown)
            return True

    def is_running(self) -> bool:
        try:
            return self._capture.isRunning() or self._decoder.isRunning()
        except RuntimeError:  # deleted at shutdown: nothing runs any more
            return False

    def set_preview_size(self, width: int, height: int) -> None:
        self._preview_size = (max(16, width), max(16, height))

    def preview_shown(self) -> None:
        self._preview_pending.clear()

    def _thread_done(self) -> None:
        if not self.is_running() and self in _live:
            _live.discard(self)
            self._source = None
            release_memory()
            self.stopped.emit()

    # --- threads ----------------------------------------------------------------------------

    def _capture_loop(self) -> None:
        try:
            source = FrameSource(self._spec, loop=self._loop, realtime=self._realtime)
            self._source = source
            source.open()
        except ScanError as exc:
            self._fail(exc)
            return
        try:
            self.opened.emit(source.label)
            while not self._stop.is_set():
                frame = source.read()
                if frame is None:
                    self.ended.emit()
                    break
                self.frames_read += 1
                self._slot.put(frame)
                if self._preview and not self._preview_pending.is_set():
                    self._preview_pending.set()
                    h, w = frame.shape[:2]
                    self.preview_ready.emit(bgr_to_qimage(frame, self._preview_size), w, h)
        except ScanError as exc:
            self._fail(exc)
        except Exception:  # a broken driver must not take the app down
            log.exception("camera capture failed")
            self.failed.emit("The camera failed unexpectedly.", "lost")
        finally:
            source.release()
            self.released = True
            self._slot.close()

    def _fail(self, exc: ScanError) -> None:
        reason = exc.reason if isinstance(exc, CameraError) else "missing"
        self._slot.close()
        self.released = True
        self.failed.emit(str(exc), reason)

    def _decode_loop(self) -> None:
        seq = 0
        while not self._stop.is_set():
            item = self._slot.take_newer(seq, timeout=0.1)
            if item is None:
                if self._slot.closed:
                    break
                continue
            seq, frame = item
            item = None
            t0 = time.perf_counter()
            try:
                found: list[Detection] = detect(frame, rescue=self.decode_attempts)
            except Exception:
                log.exception("decoding a frame failed")
                found = []
            spent = time.perf_counter() - t0
            self.decode_seconds += spent
            self.decode_times.append(spent)
            self.decode_attempts += 1
            if found and not self._stop.is_set():
                h, w = frame.shape[:2]
                self.codes_found.emit(found, w, h)
            del frame
