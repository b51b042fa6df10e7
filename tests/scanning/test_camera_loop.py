"""The camera process's loop (no Qt): threads over the newest-frame slot, and the pipe protocol."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_app.scanning.camera_loop import Code, FrameSlot, ScanLoop, child_main
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


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[Any, ...]] = []
        self.payloads: list[np.ndarray] = []
        self.changed = threading.Condition()

    def __call__(self, kind: str, *args: Any, payload: Any = None) -> None:
        with self.changed:
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


def test_frame_slot_keeps_only_the_newest_frame() -> None:
    slot = FrameSlot()
    frames = [np.full((2, 2), i, np.uint8) for i in range(3)]
    for f in frames:
        slot.put(f)
    seq, newest = slot.take_newer(0)
    assert seq == 3 and newest is frames[2]  # frames 1 and 2 were dropped, not queued
    assert slot.take_newer(seq, timeout=0.01) is None
    slot.close()
    assert slot.closed


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
    assert sent.payloads[0].shape == (240, 320, 3)
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
        event = events.recv()
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
    commands_w.send(("open", 1, video, True, True, True, (320, 240)))
    assert _until(events_r, "codes")[-1][1] == 1
    header = previews_r.recv()
    assert header[:2] == ("preview", 1) and len(previews_r.recv_bytes()) == 320 * 240 * 3
    commands_w.send(("open", 2, str(tmp_path / "missing.avi"), True, True, True, (320, 240)))
    seen = _until(events_r, "failed")
    assert ("released", 1) in seen  # the first source was closed before the second was tried
    assert seen[-1][:2] == ("failed", 2)
    commands_w.send(("list", ()))
    assert isinstance(_until(events_r, "cameras")[-1][2], list)
