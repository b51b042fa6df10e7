"""The camera process's loop (no Qt): threads over the newest-frame slot, and the pipe protocol."""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_app.scanning import camera_loop as protocol
from desktop_app.scanning.camera_loop import Code, FrameSlot, ScanLoop, child_main, preview_array
from desktop_app.scanning.frames import CameraInfo, parse_source
from tests.scanning.qr_helpers import URI, blank_frame, frame_with, qr_bgr, write_video


@pytest.fixture
def loops() -> Iterator[list[ScanLoop]]:
    """Loops a test starts; stopped after it, whatever happened (no thread outlives a test)."""
    started: list[ScanLoop] = []
    yield started
    for loop in started:
        loop.stop()


def _video(tmp_path: Path) -> str:
    frames = [blank_frame(seed=i) for i in range(3)] + [frame_with([qr_bgr(URI, 4)])] * 3
    return str(write_video(tmp_path / "clip.avi", frames, fps=30))


TAGS = {
    protocol.Opened: "opened",
    protocol.Preview: "preview",
    protocol.Decoded: "decoded",
    protocol.CodesFound: "codes",
    protocol.Failed: "failed",
    protocol.Ended: "ended",
    protocol.Released: "released",
    protocol.CamerasListed: "cameras",
}


def flat(event: protocol.Event) -> tuple[Any, ...]:
    """An event as ``(tag, gen, *fields)``, for compact assertions."""
    return (TAGS[type(event)], *(getattr(event, name) for name in event._fields))


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.payloads: list[np.ndarray] = []
        self.changed = threading.Condition()

    def __call__(self, event: protocol.Event, payload: Any = None) -> None:
        with self.changed:
            kind, _gen, *args = flat(event)
            self.events.append((kind, *args))
            if payload is not None:
                self.payloads.append(np.array(payload))
            self.changed.notify_all()

    def kinds(self) -> list[str]:
        return [e[0] for e in self.events]

    def wait_for(self, kind: str, timeout: float = 10.0) -> tuple[Any, ...]:
        with self.changed:
            self.changed.wait_for(lambda: kind in self.kinds(), timeout)
        return next(e for e in self.events if e[0] == kind)


def test_frame_slot_holds_the_newest_frames_for_the_decoder() -> None:
    slot = FrameSlot(depth=3)
    frames = [np.full((2, 2), i, np.uint8) for i in range(5)]
    for f in frames:
        slot.put(f)
    seq, oldest = slot.take_newer(0)
    assert seq == 3 and oldest is frames[2]  # frames 1 and 2 were dropped, not queued
    assert slot.take_newer(seq)[1] is frames[3]  # the decoder gets every frame still held
    assert slot.take_newest(0) == (5, frames[4])  # the preview gets the newest
    assert slot.take_newer(5, timeout=0.01) is None
    assert slot.take_newest(5, timeout=0.01) is None
    slot.close()
    assert slot.closed and slot.take_newer(3, timeout=0.01) is None


def test_a_closed_slot_keeps_its_frames_only_when_asked() -> None:
    slot = FrameSlot(depth=3)
    for i in range(2):
        slot.put(np.full((2, 2), i, np.uint8))
    slot.close(keep=True)  # a file ended: its last frames are still decoded
    assert [slot.take_newer(s, timeout=0.01)[0] for s in (0, 1)] == [1, 2]
    assert slot.take_newer(2, timeout=0.01) is None


def test_every_frame_of_a_paced_source_is_decoded_when_decoding_keeps_up(
    tmp_path: Path, loops: list[ScanLoop], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A decode slower than one frame interval now and then (here the first, until three more
    frames have arrived) loses no frame: the decoder catches up on the frames held for it."""
    from desktop_app.scanning import decoders

    frames = [blank_frame(seed=i) for i in range(12)]
    video = str(write_video(tmp_path / "paced.avi", frames, fps=10))
    loop: ScanLoop | None = None
    seen: list[int | None] = []
    arrived = threading.Event()

    def detect(frame: np.ndarray, rescue: int | None = None) -> list[Any]:
        seen.append(rescue)
        if len(seen) == 1:  # a slow decode: three more frames arrive meanwhile
            assert loop is not None
            while loop.frames_read < 4 and not arrived.wait(0.01):
                pass
        return []

    monkeypatch.setattr(decoders, "detect", detect)
    sent = Recorder()
    loop = ScanLoop(video, sent, loop=False, realtime=True, preview=False)
    loops.append(loop)
    loop.start()
    sent.wait_for("ended")
    with sent.changed:
        sent.changed.wait_for(lambda: sent.kinds().count("decoded") >= 12, 10.0)
    assert loop.frames_read == 12
    assert sent.kinds().count("decoded") == 12 and len(seen) == 12
    decoded_reads = [e[1] for e in sent.events if e[0] == "decoded"]
    assert decoded_reads[0] >= 4  # the first decode did wait for three more frames


@pytest.mark.parametrize(
    ("size", "shape"),
    [((960, 540), (540, 960, 4)), ((712, 400), (400, 711, 4)), ((4000, 4000), (1080, 1920, 4))],
)
def test_previews_are_bgra_at_the_window_s_size(
    size: tuple[int, int], shape: tuple[int, int, int]
) -> None:
    frame = np.zeros((1080, 1920, 3), np.uint8)
    frame[:, :960] = (10, 20, 30)  # left half coloured, right half black
    small = preview_array(frame, size)
    assert small.shape == shape and small.flags.c_contiguous
    assert tuple(small[shape[0] // 2, 5]) == (10, 20, 30, 255)
    assert tuple(small[shape[0] // 2, -5]) == (0, 0, 0, 255)


def test_scan_loop_reports_codes_and_previews_and_releases_the_source(
    tmp_path: Path, loops: list[ScanLoop]
) -> None:
    sent = Recorder()
    loop = ScanLoop(_video(tmp_path), sent, loop=True, realtime=True, preview_size=(320, 240))
    loops.append(loop)
    loop.start()
    _, codes, fw, fh = sent.wait_for("codes")
    assert (fw, fh) == (640, 480)
    assert [c.text for c in codes] == [URI] and len(codes[0].points) == 4
    assert isinstance(codes[0], Code)
    _, pw, ph, w, h, _frames = sent.wait_for("preview")
    assert (pw, ph, w, h) == (320, 240, 640, 480)
    assert sent.payloads[0].shape == (240, 320, 4)  # B, G, R, 255: QImage's Format_RGB32
    assert (sent.payloads[0][..., 3] == 255).all()
    assert loop.stop()
    assert sent.kinds()[0] == "opened" and sent.kinds()[-1] == "released"
    assert "decoded" in sent.kinds()


def test_one_preview_until_the_window_has_painted_it(tmp_path: Path, loops: list[ScanLoop]) -> None:
    sent = Recorder()
    loop = ScanLoop(_video(tmp_path), sent, loop=True, realtime=False)
    loops.append(loop)
    loop.start()
    sent.wait_for("preview")
    with sent.changed:  # many frames are read and decoded meanwhile
        sent.changed.wait_for(lambda: sent.kinds().count("decoded") >= 5, 10.0)
    assert sent.kinds().count("preview") == 1
    loop.preview_shown()
    with sent.changed:
        sent.changed.wait_for(lambda: sent.kinds().count("preview") >= 2, 10.0)
    loop.stop()
    assert sent.kinds().count("preview") >= 2


def test_a_source_that_cannot_be_read_is_reported(tmp_path: Path, loops: list[ScanLoop]) -> None:
    sent = Recorder()
    bad = tmp_path / "broken.avi"
    bad.write_bytes(b"not a video")
    loop = ScanLoop(str(bad), sent)
    loops.append(loop)
    loop.start()
    _, message, reason = sent.wait_for("failed")
    assert "cannot be read" in message and reason == "missing"
    assert loop.stop()
    assert sent.kinds()[-1] == "released"


def _pipes() -> tuple[Connection, Connection, Connection, Connection, Connection, Connection]:
    ctx = multiprocessing.get_context("spawn")
    commands_r, commands_w = ctx.Pipe(duplex=False)
    events_r, events_w = ctx.Pipe(duplex=False)
    previews_r, previews_w = ctx.Pipe(duplex=False)
    return commands_r, commands_w, events_r, events_w, previews_r, previews_w


def _until(events: Connection, kind: str) -> list[tuple[Any, ...]]:
    seen = []
    while True:
        assert events.poll(10.0), f"no {kind!r} event"
        event = flat(events.recv())
        seen.append(event)
        if event[0] == kind:
            return seen


def test_child_switches_sources_and_ends_when_the_window_closes_its_pipe(tmp_path: Path) -> None:
    commands_r, commands_w, events_r, events_w, previews_r, previews_w = _pipes()
    child = threading.Thread(target=child_main, args=(commands_r, events_w, previews_w))
    child.start()
    try:
        _talk_to_the_child(tmp_path, commands_w, events_r, previews_r)
    finally:
        commands_w.close()  # the window (or the whole app) is gone
        child.join(10.0)
    assert not child.is_alive()
    while events_r.poll(1.0):  # what was on its way, then the end of the pipe
        try:
            events_r.recv()
        except EOFError:
            break
    else:
        raise AssertionError("the child did not close its events pipe")
    for end in (commands_r, events_r, previews_r):
        end.close()


def _talk_to_the_child(
    tmp_path: Path, commands_w: Connection, events_r: Connection, previews_r: Connection
) -> None:
    video = _video(tmp_path)
    commands_w.send(protocol.OpenSource(1, video, True, True, True, (320, 240)))
    assert _until(events_r, "codes")[-1][1] == 1
    header = flat(previews_r.recv())
    assert header[:2] == ("preview", 1) and len(previews_r.recv_bytes()) == 320 * 240 * 4
    commands_w.send(
        protocol.OpenSource(2, str(tmp_path / "missing.avi"), True, True, True, (320, 240))
    )
    seen = _until(events_r, "failed")
    assert ("released", 1) in seen  # the first source was closed before the second was tried
    assert seen[-1][:2] == ("failed", 2)
    commands_w.send(protocol.ListCameras(()))
    assert isinstance(_until(events_r, "cameras")[-1][2], list)


CAMERA_PROCESS_IMPORTS = """
import sys
import desktop_app.scanning.camera_loop
heavy = {"cv2", "numpy", "dataclasses", "desktop_app.scanning.decoders"} & set(sys.modules)
print(sorted(heavy))
"""


def test_the_camera_process_protocol_loads_no_opencv_and_no_dataclasses() -> None:
    """What the camera process imports before it opens a source (benchmarks/README.md: its
    message types are NamedTuples; OpenCV comes with the first capture, the decoder after the
    first picture)."""
    out = subprocess.run(
        [sys.executable, "-c", CAMERA_PROCESS_IMPORTS], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stderr


def test_every_message_crosses_the_pipe_as_its_own_type() -> None:
    """The protocol's messages keep their class and fields through pickling (the pipes)."""
    messages = [
        protocol.OpenSource(3, parse_source("2"), True, False, True, (640, 360)),
        protocol.PreviewShown(3),
        protocol.PreviewSize(640, 360),
        protocol.ListCameras((0, 2)),
        protocol.Quit(),
        protocol.Opened(3, "Camera 2"),
        protocol.Preview(3, 640, 360, 1920, 1080, 7),
        protocol.Decoded(3, 7, 1, 0.012),
        protocol.CodesFound(3, [Code(URI, ((0.0, 0.0), (1.0, 0.0)))], 1920, 1080),
        protocol.Failed(3, "Camera 2 cannot be opened.", "busy"),
        protocol.Ended(3),
        protocol.Released(3),
        protocol.CamerasListed(0, [CameraInfo(2, "USB camera", "permission denied")]),
    ]
    for message in messages:
        back = pickle.loads(pickle.dumps(message))
        assert type(back) is type(message) and back._asdict() == message._asdict()
    assert back.cameras[0].label == "USB camera — permission denied"
