"""The webcam scan loop (no Qt), run in a child process of the window that shows the camera.

    process = ctx.Process(target=child_main, args=(commands_reader, events_writer))

The window's process never loads OpenCV, NumPy or zxing-cpp for the camera (about 90 MB of
libraries, buffers and the video decoders' code, which a process cannot give back once loaded);
the child holds them and all of it goes back to the system when the child ends with the window.

Inside the child, three threads share one *newest-frame slot* (:class:`ScanLoop`):

* the capture thread reads frames from a :class:`~desktop_app.scanning.frames.FrameSource`
  (camera, or video file / image folder standing in for one) and puts each into the slot
  (overwriting the previous one: frames are dropped, never queued);
* the decode thread waits for a frame newer than the last one it decoded, decodes it, and
  reports what it found;
* the preview thread, once the window has painted the previous preview, scales the newest
  frame down and sends it (so neither reading nor decoding waits for the window).

Protocol (the typed messages below, pickled over one-way pipes: commands in; events out;
previews out on a pipe of their own, so that a decode's report never waits behind a picture).
The messages are ``NamedTuple`` classes: typed fields, and the camera process's start defines
them several times faster than dataclasses (it waits for them before its first picture).
Tell them apart by class (``match``, ``isinstance``), never by equality: two messages with
equal fields are equal tuples.
Commands: :class:`OpenSource` (stops the running source first), :class:`PreviewShown`,
:class:`PreviewSize`, :class:`ListCameras`, :class:`Quit`. Events, each with the ``gen`` of the
source they come from: :class:`Opened`, :class:`Preview` (then the BGRA bytes, on the preview
pipe), :class:`Decoded`, :class:`CodesFound`, :class:`Failed`, :class:`Ended`,
:class:`Released`, :class:`CamerasListed` (gen 0). The child ends on ``Quit`` or when the
window's end of the command pipe closes (the window, or the whole app, is gone).
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop_app.errors import ScanError
from desktop_app.scanning.frames import CameraError, FrameSource, SourceSpec

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

#: largest preview sent to the window (the window asks for its widget's size)
PREVIEW_MAX = (1280, 720)
#: bytes per preview pixel: B, G, R, 255 -- QImage.Format_RGB32 on a little-endian machine, which
#: the window paints without converting it (Format_BGR888 costs a conversion in every paint)
PREVIEW_CHANNELS = 4
#: the decoder loads its libraries after the first preview, or this many seconds after the start
FIRST_PREVIEW_WAIT = 2.0
STOP_REPORTS_WAIT = 2.0  # s: a stopped capture waits this long for the decoder's last report
#: frames held for the decoder (1080p: 6 MB each): it catches up after a slow frame
SLOT_DEPTH = 3
#: niceness of the camera process: the window's process wins the CPU (a smooth window on 2 cores)
WORKER_NICENESS = 5
#: niceness of the decode thread of a paced source (a camera), Linux: the capture, whose frames
#: a camera holds a frame time or two only, wins the CPU over the decoder, which has the frame
#: slot to catch up from (a 1080p camera on 2 cores: 3-37 frames dropped in 8 s at 5, none at 9).
#: Not for a file read flat out: there the capture would starve the decoder.
DECODE_NICENESS = 9
UNAVAILABLE = "Camera scanning is not available in this build."
UNEXPECTED = "The camera failed unexpectedly."

Point = tuple[float, float]


class Code(NamedTuple):
    """One code read from a frame: its text and corners (frame coordinates)."""

    text: str
    points: tuple[Point, ...] = ()


# --- the protocol: commands (window -> camera process) ---------------------------------------


class OpenSource(NamedTuple):
    """Scan ``source`` (the running one is closed first); its events carry ``gen``."""

    gen: int
    source: SourceSpec | str | int | None
    loop: bool
    realtime: bool
    preview: bool
    size: tuple[int, int]


class PreviewShown(NamedTuple):
    """The window has painted the last preview of source ``gen``: the next may come."""

    gen: int


class PreviewSize(NamedTuple):
    width: int
    height: int


class ListCameras(NamedTuple):
    skip: tuple[int, ...] = ()


class Quit(NamedTuple):
    """End the camera process."""


Command = OpenSource | PreviewShown | PreviewSize | ListCameras | Quit


# --- the protocol: events (camera process -> window) -----------------------------------------


class Opened(NamedTuple):
    gen: int
    label: str


class Preview(NamedTuple):
    """A preview of ``width`` x ``height`` BGRA pixels follows on the preview pipe."""

    gen: int
    width: int
    height: int
    frame_width: int
    frame_height: int
    frames_read: int


class Decoded(NamedTuple):
    """One frame was decoded (whether or not it held a code), in ``seconds``."""

    gen: int
    frames_read: int
    frames_dropped: int
    seconds: float


class CodesFound(NamedTuple):
    gen: int
    codes: list[Code]
    frame_width: int
    frame_height: int


class Failed(NamedTuple):
    gen: int
    message: str
    reason: str


class Ended(NamedTuple):
    """A file source without ``loop`` reached its end."""

    gen: int


class Released(NamedTuple):
    """The source ``gen`` is closed (switched away from, ended, or failed)."""

    gen: int


class CamerasListed(NamedTuple):
    gen: int
    cameras: list[Any]  # CameraInfo


Event = Opened | Preview | Decoded | CodesFound | Failed | Ended | Released | CamerasListed


class FrameSlot:
    """The newest few frames (at most ``depth``; older ones are dropped, never queued longer).

    The decode thread takes every frame in order (:meth:`take_newer`), so a decode that is
    occasionally slower than a frame interval does not lose frames: the next ones wait here and
    the decoder catches up. Only a decoder slower than the source on average drops frames (the
    oldest). The preview thread takes just the newest (:meth:`take_newest`).
    """

    def __init__(self, depth: int = SLOT_DEPTH) -> None:
        self._cond = threading.Condition()
        self._frames: collections.deque[tuple[int, np.ndarray]] = collections.deque(
            maxlen=max(1, depth)
        )
        self._seq = 0
        self._closed = False

    def put(self, frame: np.ndarray) -> int:
        with self._cond:
            self._seq += 1
            self._frames.append((self._seq, frame))
            self._cond.notify_all()
            return self._seq

    def _wait(self, seq: int, timeout: float) -> bool:
        if self._seq <= seq and not self._closed:
            self._cond.wait(timeout)
        return bool(self._frames) and self._frames[-1][0] > seq

    def take_newer(self, seq: int, timeout: float = 0.1) -> tuple[int, np.ndarray] | None:
        """The oldest frame held that is newer than ``seq`` (waits up to ``timeout``)."""
        with self._cond:
            if not self._wait(seq, timeout):
                return None
            return next(item for item in self._frames if item[0] > seq)

    def take_newest(self, seq: int, timeout: float = 0.1) -> tuple[int, np.ndarray] | None:
        """The newest frame, if it is newer than ``seq`` (waits up to ``timeout``)."""
        with self._cond:
            if not self._wait(seq, timeout):
                return None
            return self._frames[-1]

    def close(self, *, keep: bool = False) -> None:
        """No more frames come. ``keep``: the frames held can still be taken (a file source's
        last frames are decoded); otherwise they go at once (a 1080p frame is 6 MB)."""
        with self._cond:
            self._closed = True
            if not keep:
                self._frames.clear()
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed


def preview_array(frame: np.ndarray, max_size: tuple[int, int]) -> np.ndarray:
    """A contiguous BGRA copy (``PREVIEW_CHANNELS``) of ``frame`` no larger than ``max_size``.

    Shrinking: ``INTER_AREA`` halvings while the rest is 2x or more (its fast path: 1080p to
    960x540 costs about 1 ms), then ``INTER_LINEAR`` for the rest (less than 2x). The general
    ``INTER_AREA`` of another factor costs 9-26 ms on a 1080p frame.
    """
    import cv2

    h, w = frame.shape[:2]
    mw, mh = max(1, max_size[0]), max(1, max_size[1])
    scale = min(mw / w, mh / h, 1.0)
    if scale < 1.0:
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        while frame.shape[1] >= 2 * size[0] and frame.shape[0] >= 2 * size[1]:
            fh, fw = frame.shape[:2]
            frame = cv2.resize(frame, (fw // 2, fh // 2), interpolation=cv2.INTER_AREA)
        if frame.shape[1] != size[0] or frame.shape[0] != size[1]:
            frame = cv2.resize(frame, size, interpolation=cv2.INTER_LINEAR)
    code = cv2.COLOR_GRAY2BGRA if frame.ndim == 2 else cv2.COLOR_BGR2BGRA
    return cv2.cvtColor(frame, code)


def release_memory() -> None:
    """Give freed heap back to the OS (glibc keeps it in per-thread arenas otherwise): after a
    source is closed, the frames the threads decoded would stay resident. No-op off glibc."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # musl or another libc: nothing to trim
        pass


Send = Callable[..., None]  # send(event, payload=None)


class ScanLoop:
    """Capture + decode threads for one frame source; ``send(event, payload=None)`` reports
    to the window (from either thread), each event tagged with ``gen``."""

    def __init__(
        self,
        source: SourceSpec | str | int | None,
        send: Send,
        *,
        gen: int = 0,
        loop: bool = True,
        realtime: bool = True,
        preview: bool = True,
        preview_size: tuple[int, int] = PREVIEW_MAX,
    ) -> None:
        self._spec = source
        self._send = send
        self._gen = gen
        self._loop = loop
        self._realtime = realtime
        self._preview = preview
        self._preview_size = preview_size
        self._slot = FrameSlot()
        self._stop = threading.Event()
        self._shown = threading.Event()  # the window has painted the last preview
        self._shown.set()
        # the decoder's libraries load once the first preview is out (or the source failed):
        # importing them meanwhile delays the first picture by the GIL and CPU they take
        self._pictured = threading.Event()
        if not preview:
            self._pictured.set()
        self._threads = [
            threading.Thread(target=self._capture_loop, name="camera-capture", daemon=True),
            threading.Thread(target=self._decode_loop, name="camera-decode", daemon=True),
        ]
        if preview:
            self._threads.append(
                threading.Thread(target=self._preview_loop, name="camera-preview", daemon=True)
            )
        self.frames_read = 0
        self.frames_dropped = 0  # by a paced stand-in, as a camera drops them (FrameSource)
        self.decode_attempts = 0

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop both threads and wait for them (the capture is released by its thread)."""
        self._stop.set()
        self._pictured.set()
        self._slot.close()
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            if thread.is_alive():
                thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)

    def set_preview_size(self, width: int, height: int) -> None:
        self._preview_size = (max(16, width), max(16, height))

    def preview_shown(self) -> None:
        self._shown.set()

    def _capture_loop(self) -> None:
        source: FrameSource | None = None
        ended = False
        try:
            source = FrameSource(self._spec, loop=self._loop, realtime=self._realtime)
            source.open()
            self._send(Opened(self._gen, source.label))
            while not self._stop.is_set():
                frame = source.read()
                if frame is None:
                    ended = True
                    self._send(Ended(self._gen))
                    break
                self.frames_read += 1
                self.frames_dropped = source.frames_dropped
                self._slot.put(frame)
                del frame
        except ScanError as exc:
            self._pictured.set()
            reason = exc.reason if isinstance(exc, CameraError) else "missing"
            self._send(Failed(self._gen, str(exc), reason))
        except Exception:  # a broken driver must not take the scan down silently
            log.exception("camera capture failed")
            self._send(Failed(self._gen, UNEXPECTED, "lost"))
        finally:
            self._pictured.set()
            self._slot.close(keep=ended)  # the decoder still gets a file's last frames
            if source is not None:
                source.release()
            if self._stop.is_set():  # stopped: the other threads' last reports come first
                for thread in self._threads[1:]:
                    if thread.is_alive():
                        thread.join(STOP_REPORTS_WAIT)
            self._send(Released(self._gen))

    def _frames(
        self,
        take: Callable[..., tuple[int, np.ndarray] | None],
        ready: Callable[[], bool] = lambda: True,
    ) -> Iterator[np.ndarray]:
        """The frames a consumer thread works on: each from ``take`` (the slot's
        ``take_newer`` or ``take_newest``) and newer than the last, once ``ready()`` says so,
        until the loop stops or the slot is closed and has nothing more to give."""
        seq = 0
        while not self._stop.is_set():
            if not ready():
                continue
            item = take(seq, timeout=0.1)
            if item is None:
                if self._slot.closed:
                    return
                continue
            seq = item[0]
            held = [item[1]]
            item = None
            yield held.pop()  # the consumer alone holds the frame: it can let it go early

    def _preview_loop(self) -> None:
        for frame in self._frames(self._slot.take_newest, lambda: self._shown.wait(0.1)):
            self._shown.clear()
            try:
                small = preview_array(frame, self._preview_size)
            except Exception:  # a preview lost is not worth ending the scan for
                log.exception("scaling a preview failed")
                self._shown.set()
                continue
            h, w = frame.shape[:2]
            ph, pw = small.shape[:2]
            del frame
            self._send(Preview(self._gen, pw, ph, w, h, self.frames_read), payload=small)
            self._pictured.set()

    def _decode_loop(self) -> None:
        self._pictured.wait(FIRST_PREVIEW_WAIT)
        _lower_priority()
        if self._realtime:
            _lower_this_thread(DECODE_NICENESS)
        if self._stop.is_set():
            return
        try:
            from desktop_app.scanning.decoders import detect
        except ImportError:
            self._stop.set()
            self._send(Failed(self._gen, UNAVAILABLE, "missing"))
            return
        for frame in self._frames(self._slot.take_newer):
            t0 = time.perf_counter()
            try:
                found = detect(frame, rescue=self.decode_attempts)
            except Exception:
                log.exception("decoding a frame failed")
                found = []
            spent = time.perf_counter() - t0
            self.decode_attempts += 1
            self._send(Decoded(self._gen, self.frames_read, self.frames_dropped, spent))
            if found and not self._stop.is_set():
                h, w = frame.shape[:2]
                codes = [Code(d.text, tuple(d.points)) for d in found]
                self._send(CodesFound(self._gen, codes, w, h))
            del frame


class _Child:
    """The camera process: one source at a time, switched by ``open`` commands."""

    def __init__(self, commands: Connection, events: Connection, previews: Connection) -> None:
        self._commands = commands
        self._events = events
        self._previews = previews
        self._lock = threading.Lock()
        self._preview_lock = threading.Lock()
        self._loop: ScanLoop | None = None
        self._gen = 0
        self._size = PREVIEW_MAX
        self._gone = False

    def send(self, event: Event, payload: Any = None) -> None:
        pipe, lock = (
            (self._events, self._lock) if payload is None else (self._previews, self._preview_lock)
        )
        with lock:
            if self._gone:
                return
            try:
                pipe.send(event)
                if payload is not None:
                    pipe.send_bytes(memoryview(payload).cast("B"))
            except OSError:  # the window is gone: nobody to tell
                self._gone = True

    def serve(self) -> None:
        while True:
            try:
                command: Command = self._commands.recv()
            except (EOFError, OSError):
                break
            match command:
                case Quit():
                    break
                case OpenSource():
                    self._close_source()
                    self._gen, self._size = command.gen, command.size
                    self._loop = ScanLoop(
                        command.source,
                        self.send,
                        gen=command.gen,
                        loop=command.loop,
                        realtime=command.realtime,
                        preview=command.preview,
                        preview_size=command.size,
                    )
                    self._loop.start()
                case PreviewShown(gen=gen) if self._loop is not None and gen == self._gen:
                    self._loop.preview_shown()
                case PreviewSize() if self._loop is not None:
                    self._loop.set_preview_size(command.width, command.height)
                case ListCameras():
                    threading.Thread(target=self._list, args=(command.skip,), daemon=True).start()

    def _list(self, skip: tuple[int, ...]) -> None:
        from desktop_app.scanning.frames import list_cameras

        try:
            cameras = list_cameras(skip=skip)
        except Exception:  # no camera list is not a failure: the person can still pick a file
            log.exception("listing cameras failed")
            cameras = []
        self.send(CamerasListed(0, cameras))

    def _close_source(self) -> None:
        loop, self._loop = self._loop, None
        if loop is not None:
            loop.stop()
            release_memory()

    def close(self) -> None:
        self._close_source()


_priority = {"lower": False, "lowered": False}  # child_main asks; the first picture does it
_priority_lock = threading.Lock()


def _lower_priority() -> None:
    """Let the window's process win the CPU over the scan threads: every thread of the camera
    process (Linux: niceness is per thread; threads started later inherit it), once.

    The whole process: a niced decode thread alone loses the CPU to the capture and preview
    threads (flat out, 0.41x the bare loop instead of 1.0x). Done once the first preview is out
    (``ScanLoop`` calls it then), so that the start-up does not wait behind other programs."""
    with _priority_lock:
        if not _priority["lower"] or _priority["lowered"]:
            return
        _priority["lowered"] = True
        tasks: list[int] = []
        if sys.platform.startswith("linux") and hasattr(os, "setpriority"):
            with contextlib.suppress(OSError):
                tasks = [int(t) for t in os.listdir("/proc/self/task")]
        if tasks:
            for tid in tasks:
                with contextlib.suppress(OSError):  # a thread that has ended meanwhile
                    os.setpriority(os.PRIO_PROCESS, tid, WORKER_NICENESS)
        elif hasattr(os, "nice"):  # macOS and the BSDs: the whole process
            with contextlib.suppress(OSError):
                os.nice(WORKER_NICENESS)


def _lower_this_thread(niceness: int) -> None:
    """In the camera process on Linux (niceness is per thread there), this thread alone further
    down than the others; elsewhere nothing."""
    if not _priority["lower"] or not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)


def child_main(commands: Connection, events: Connection, previews: Connection) -> None:
    """Entry point of the camera process."""
    _priority["lower"] = True  # once the first preview is out
    child = _Child(commands, events, previews)
    try:
        child.serve()
    finally:
        child.close()
        for pipe in (events, previews):
            with contextlib.suppress(OSError):
                pipe.close()
