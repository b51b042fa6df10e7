"""The webcam scan, seen from the GUI: a camera process and the signals it gives.

Capture and decoding run in a child process (:mod:`desktop_app.scanning.camera_loop`, started
with ``multiprocessing``'s *spawn*), not in this one: OpenCV, NumPy, zxing-cpp and the video
decoders then never load into the app's process, and everything the scan used goes back to the
system when the child ends -- with the scan window (``stop``), with the app (``aboutToQuit``,
``atexit``, a daemon process), or on its own when the app dies (its command pipe closes).
``benchmarks/bench_memory.py`` measures it.

A reader thread turns the child's events into Qt signals, which arrive on the GUI thread. One
process serves one window: :meth:`CameraScanner.open` switches the source (events of the source
switched away from are dropped) and :meth:`CameraScanner.list_cameras` probes the cameras there.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import multiprocessing
import os
import struct
import threading
from collections.abc import Collection
from multiprocessing import BufferTooShort
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

try:
    import fcntl
except ImportError:  # Windows: pipes there are not the 64 KB kind
    fcntl = None  # type: ignore[assignment]

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QImage

from desktop_app.errors import ScanError
from desktop_app.scanning.camera_loop import (
    PREVIEW_CHANNELS,
    PREVIEW_MAX,
    CamerasListed,
    CodesFound,
    Command,
    Ended,
    Event,
    Failed,
    ListCameras,
    Opened,
    OpenSource,
    Preview,
    PreviewShown,
    PreviewSize,
    Quit,
    Released,
    child_main,
    release_memory,
)
from desktop_app.scanning.frames import SourceSpec, parse_source
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

#: shown in the scan window when its camera process ended without being asked to (a crash)
CHILD_LOST = QT_TRANSLATE_NOOP(
    "CameraScanner",
    "Camera scanning stopped unexpectedly. Close this window and open it again.",
)
KILL_AFTER_S = 3.0  # a camera process not ended this long after ``stop`` is terminated
PIPE_BYTES = 1 << 20  # the preview pipe's buffer (Linux; fs.pipe-max-size is 1 MB by default)
#: previews are received into this many buffers in turn, and shown without a copy: the camera
#: process sends the next preview only once the window has painted the last one, so at most
#: two are in the window's hands (three at a source switch, whose first preview comes unasked)
PREVIEW_BUFFERS = 3
#: the previews' pixels are B, G, R, 255: Format_RGB32 on a little-endian machine (painted
#: without a conversion); PySide6's wheels are all little-endian
PREVIEW_FORMAT = QImage.Format.Format_RGB32


_readv = getattr(os, "readv", None)  # POSIX: a multiprocessing pipe is a plain descriptor
_LENGTH = struct.Struct("!i")  # multiprocessing.connection's message frame
_LONG_LENGTH = struct.Struct("!Q")


def _read_exactly(fd: int, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = os.read(fd, n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def _widen(pipe: Connection) -> None:
    """A preview is 1-3 MB; a 64 KB pipe would pass it in dozens of hand-overs between the
    processes (each waiting for a CPU on a busy machine). Linux lets a pipe hold 1 MB."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe.fileno(), set_size, PIPE_BYTES)


class _Reader(QThread):
    def __init__(self, scanner: CameraScanner) -> None:
        super().__init__()
        self.scanner = scanner

    def run(self) -> None:
        self.scanner._read_events()


_live: set[CameraScanner] = set()  # scanners whose process runs: kept alive until it has ended
_quit_hooked = False


def _wait_for_live() -> None:
    for scanner in list(_live):
        scanner.stop(wait_ms=3000)
        scanner.terminate()


def _hook_quit() -> None:
    global _quit_hooked
    app = QCoreApplication.instance()
    if app is not None and not _quit_hooked:
        _quit_hooked = True
        app.aboutToQuit.connect(_wait_for_live)
        atexit.register(_wait_for_live)  # also when the app object outlives the event loop


class CameraScanner(QObject):
    """One camera process. Signals arrive on the GUI thread.

    ``preview_ready(QImage, frame_width, frame_height)``: call :meth:`preview_shown` once painted.
    The image shares a buffer that a later preview reuses: keep it only until the next one
    (``QImage.copy()`` to keep it longer).
    ``codes_found(list[Code], frame_width, frame_height)``: every decode that found codes (each
    has ``text`` and ``points``).
    ``failed(message, reason)``: the source cannot deliver pictures (CameraError reasons), or
    the camera process ended unexpectedly ("lost").
    ``opened(label)``, ``ended()`` (a file source without ``loop`` reached its end),
    ``cameras_listed(list[CameraInfo])`` (after :meth:`list_cameras`),
    ``stopped()`` once the process has ended (the camera is released with it).

    Every event from the camera process passes :meth:`_dispatch` (reader thread), the one
    place a test or benchmark that counts frames or decodes wraps (a subclass).
    """

    preview_ready = Signal(QImage, int, int)
    codes_found = Signal(list, int, int)
    failed = Signal(str, str)
    opened = Signal(str)
    ended = Signal()
    cameras_listed = Signal(list)
    stopped = Signal()

    def __init__(
        self,
        source: SourceSpec | str | int | None = None,
        *,
        loop: bool = True,
        realtime: bool = True,
        preview: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._initial = source
        self._loop = loop
        self._realtime = realtime
        self._preview = preview
        self._preview_size = PREVIEW_MAX
        self._gen = 0
        self._process: BaseProcess | None = None
        self._commands: Connection | None = None
        self._events: Connection | None = None
        self._previews: Connection | None = None
        self._preview_buffers = [bytearray() for _ in range(PREVIEW_BUFFERS)]
        self._next_buffer = 0
        self._kill_timer: threading.Timer | None = None
        self._send_lock = threading.Lock()
        self._reader = _Reader(self)
        self._reader.finished.connect(self._reader_done)
        self._started = False
        self._stopping = False
        self.pid: int | None = None  # the camera process
        self.released = False  # the current source is released (or the process has ended)

    # --- control (GUI thread) ---------------------------------------------------------------

    def start(self) -> None:
        """Start the camera process (and open the source given to the constructor)."""
        if self._started:
            return
        self._started = True
        ctx = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt process
        commands_r, commands_w = ctx.Pipe(duplex=False)
        events_r, events_w = ctx.Pipe(duplex=False)
        previews_r, previews_w = ctx.Pipe(duplex=False)
        _widen(previews_w)
        process = ctx.Process(
            target=child_main, args=(commands_r, events_w, previews_w), name="camera", daemon=True
        )
        try:
            process.start()
        except OSError:  # no process to be had (out of memory, process limit)
            log.exception("the camera process could not be started")
            for end in (commands_r, commands_w, events_r, events_w, previews_r, previews_w):
                end.close()
            self._stopping = self.released = True
            self.failed.emit(QCoreApplication.translate("CameraScanner", CHILD_LOST), "lost")
            return
        finally:  # the child holds its own copies: the pipes end when it ends
            for end in (commands_r, events_w, previews_w):
                end.close()
        self._process, self._commands = process, commands_w
        self._events, self._previews = events_r, previews_r
        self.pid = process.pid
        _live.add(self)
        _hook_quit()
        self._reader.start(QThread.Priority.LowPriority)
        if self._initial is not None:
            self.open(self._initial)

    @property
    def generation(self) -> int:
        """How many sources this process was asked to open."""
        return self._gen

    def open(self, source: SourceSpec | str | int | None) -> None:
        """Scan ``source`` (the running one is closed first)."""
        if not isinstance(source, SourceSpec):
            # parsed here, where its modules are loaded already: the camera process then starts
            # without them (a source that cannot be parsed is reported by the process)
            with contextlib.suppress(ScanError):
                source = parse_source(source)
        self.start()
        self._gen += 1
        self.released = False
        self._send(
            OpenSource(
                self._gen, source, self._loop, self._realtime, self._preview, self._preview_size
            )
        )

    def list_cameras(self, skip: Collection[int] = ()) -> None:
        """Probe the cameras in the camera process; ``cameras_listed`` gives them."""
        self.start()
        self._send(ListCameras(tuple(skip)))

    def stop(self, wait_ms: int = 500) -> None:
        """End the camera process and wait up to ``wait_ms``; a process that has not ended
        ``KILL_AFTER_S`` later is terminated (the scanner stays referenced until it has ended).
        """
        if not self._started:
            self.released = True
            return
        if not self._stopping:
            self._stopping = True
            self._send(Quit())
            with self._send_lock:
                commands, self._commands = self._commands, None
            if commands is not None:
                commands.close()
            self._kill_timer = threading.Timer(KILL_AFTER_S, self.terminate)
            self._kill_timer.daemon = True
            self._kill_timer.start()
        self.wait(wait_ms)

    def terminate(self) -> None:
        """End the camera process now (it is stuck)."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(ValueError, AttributeError):  # already closed
            if process.is_alive():
                log.warning("the camera process did not end; terminating it")
                process.terminate()
                process.join(1.0)
                if process.is_alive():
                    process.kill()
                    process.join(1.0)

    def wait(self, ms: int) -> bool:
        try:
            return bool(self._reader.wait(max(0, int(ms))))
        except RuntimeError:  # the thread object is gone already (interpreter shutdown)
            return True

    def is_running(self) -> bool:
        try:
            return self._reader.isRunning()
        except RuntimeError:  # deleted at shutdown: nothing runs any more
            return False

    def set_preview_size(self, width: int, height: int) -> None:
        self._preview_size = (max(16, width), max(16, height))
        self._send(PreviewSize(*self._preview_size))

    def preview_shown(self) -> None:
        self._send(PreviewShown(self._gen))

    def _send(self, command: Command) -> None:
        with self._send_lock:
            if self._commands is None:
                return
            with contextlib.suppress(OSError, ValueError):  # ended: the reader reports it
                self._commands.send(command)

    def _reader_done(self) -> None:
        if self._kill_timer is not None:  # ended in time: nothing to terminate
            self._kill_timer.cancel()
            self._kill_timer = None
        self._preview_buffers = [bytearray() for _ in range(PREVIEW_BUFFERS)]
        lost = not self._stopping
        self._stopping = True
        self.released = True
        _live.discard(self)
        release_memory()  # the previews' buffers
        if lost:
            self.failed.emit(QCoreApplication.translate("CameraScanner", CHILD_LOST), "lost")
        self.stopped.emit()

    # --- reader thread ----------------------------------------------------------------------

    def _read_events(self) -> None:
        events, previews = self._events, self._previews
        assert events is not None and previews is not None and self._process is not None
        pipes = [events, previews]
        while pipes:
            for pipe in wait(pipes):
                assert isinstance(pipe, Connection)
                try:
                    event, data = self._receive(pipe)
                except (EOFError, OSError):  # the process has ended (or is ending)
                    pipes.remove(pipe)
                    pipe.close()
                    continue
                self._dispatch(event, data)
        process = self._process
        process.join(KILL_AFTER_S)
        if process.is_alive():
            self.terminate()
        with contextlib.suppress(ValueError):  # still running after a kill: left to the OS
            process.close()

    def _receive(self, pipe: Connection) -> tuple[Event, bytes | memoryview]:
        """The next event on ``pipe``, and a preview's pixels after its header."""
        event: Event = pipe.recv()
        return event, self._receive_preview(pipe) if isinstance(event, Preview) else b""

    def _receive_preview(self, pipe: Connection) -> memoryview:
        """The preview's pixels, into the next of the reused buffers (no allocation and no copy
        per frame; a buffer grows only for a larger preview than before).

        Read from the pipe's descriptor straight into the buffer (``Connection`` frames a
        message as a 4-byte length, then the bytes, and reads no further ahead): a 1-3 MB
        preview in one to three ``readv`` calls, each waiting without the GIL.
        ``recv_bytes_into`` gathers the chunks in a ``BytesIO`` and copies them twice, holding
        the GIL, which the GUI thread then waits for -- longer when the machine has preempted
        this thread meanwhile (``benchmarks/bench_scan_loop.py``: the GUI thread's stalls).
        """
        index = self._next_buffer
        if _readv is None or not isinstance(pipe, Connection):  # Windows' pipes: their own framing
            try:
                size = pipe.recv_bytes_into(self._preview_buffers[index])
            except BufferTooShort as short:  # a larger preview than before: a new buffer
                whole = short.args[0]
                self._preview_buffers[index] = bytearray(whole)
                size = len(whole)
            return memoryview(self._preview_buffers[index])[:size]
        fd = pipe.fileno()
        (size,) = _LENGTH.unpack(_read_exactly(fd, _LENGTH.size))
        if size == -1:  # the frame of a message over 2 GiB: never a preview, but framed so
            (size,) = _LONG_LENGTH.unpack(_read_exactly(fd, _LONG_LENGTH.size))
        if len(self._preview_buffers[index]) < size:  # a larger preview than before
            self._preview_buffers[index] = bytearray(size)
        view = memoryview(self._preview_buffers[index])[:size]
        got = 0
        while got < size:
            n = _readv(fd, [view[got:]])
            if n == 0:
                raise EOFError
            got += n
        return view

    def _dispatch(self, event: Event, data: bytes | memoryview) -> None:
        """Turn one event into a signal (reader thread): events of a source switched away
        from, or after ``stop``, are dropped."""
        if isinstance(event, CamerasListed):
            self.cameras_listed.emit(event.cameras)
            return
        if isinstance(event, Released):
            if event.gen == self._gen:
                self.released = True
            return
        if event.gen != self._gen or self._stopping:
            return
        match event:
            case Preview(width=pw, height=ph):
                if len(data) < pw * ph * PREVIEW_CHANNELS:
                    return
                # the image shares the buffer (and keeps it alive); the next previews go to others
                image = QImage(data, pw, ph, pw * PREVIEW_CHANNELS, PREVIEW_FORMAT)
                self._next_buffer = (self._next_buffer + 1) % PREVIEW_BUFFERS
                self.preview_ready.emit(image, event.frame_width, event.frame_height)
            case CodesFound():
                self.codes_found.emit(event.codes, event.frame_width, event.frame_height)
            case Failed():
                self.failed.emit(event.message, event.reason)
            case Opened():
                self.opened.emit(event.label)
            case Ended():
                self.ended.emit()
