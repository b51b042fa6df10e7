"""Frame sources: video files, image folders and patterns through one capture path; cameras."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from desktop_app.errors import ScanError
from desktop_app.scanning import frames as frames_module
from desktop_app.scanning.decoders import decode
from desktop_app.scanning.frames import (
    CameraError,
    FrameSource,
    SourceKind,
    list_cameras,
    parse_source,
)
from tests.scanning.qr_helpers import URI, blank_frame, frame_with, qr_bgr, write_video


def _video(tmp_path: Path, n_blank: int = 3) -> Path:
    frames = [blank_frame(seed=i) for i in range(n_blank)] + [frame_with([qr_bgr(URI, 4)])] * 2
    return write_video(tmp_path / "clip.avi", frames, fps=25)


def test_parse_source(tmp_path: Path) -> None:
    assert parse_source(None).kind is SourceKind.CAMERA
    assert parse_source("2").target == 2
    assert parse_source(1).label == "Camera 1"
    video = _video(tmp_path)
    assert parse_source(str(video)).kind is SourceKind.VIDEO
    assert parse_source(str(tmp_path)).kind is SourceKind.IMAGES
    assert parse_source(str(tmp_path / "img_%03d.png")).kind is SourceKind.IMAGES
    with pytest.raises(CameraError, match="not found"):
        parse_source(str(tmp_path / "missing.avi"))


def test_video_file_frames_then_end(tmp_path: Path) -> None:
    with FrameSource(str(_video(tmp_path))) as source:
        got = []
        while (frame := source.read()) is not None:
            got.append(frame)
        assert source.fps == pytest.approx(25, abs=0.5)
    assert len(got) == 5 and got[0].shape == (480, 640, 3)
    assert decode(got[0]) == [] and decode(got[-1]) == [URI]


def test_loop_restarts_a_file(tmp_path: Path) -> None:
    with FrameSource(str(_video(tmp_path)), loop=True) as source:
        frames = [source.read() for _ in range(12)]
    assert all(f is not None for f in frames)
    assert source.frames_read == 12


def test_realtime_paces_at_the_file_rate(tmp_path: Path) -> None:
    import time

    with FrameSource(str(_video(tmp_path)), realtime=True) as source:
        t0 = time.monotonic()
        for _ in range(5):
            source.read()
        elapsed = time.monotonic() - t0
    assert elapsed >= 4 / 25 - 0.01  # five frames at 25 fps span at least four intervals


class _Clock:
    """time.monotonic and time.sleep for the pacing, on a clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_a_late_reader_loses_frames_as_from_a_camera(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paced at 25 fps (0.04 s a frame): a reader up to two frames late still gets every frame
    (the stand-in keeps the frame due and the next, as a camera's buffers do); one that comes
    four frames late has lost one, and ``frames_dropped`` counts it."""
    clock = _Clock()
    monkeypatch.setattr(frames_module.time, "monotonic", clock.monotonic)
    monkeypatch.setattr(frames_module.time, "sleep", clock.sleep)
    with FrameSource(str(_video(tmp_path)), loop=True, realtime=True) as source:
        for _ in range(5):  # on time
            source.read()
        clock.now += 2 * 0.04
        for _ in range(3):  # the late one, then the next at once, then on time again
            source.read()
        assert source.frames_dropped == 0
        clock.now += 4 * 0.04
        source.read()
        assert source.frames_dropped == 1
        start, read = clock.now, source.frames_read
        for _ in range(10):
            source.read()
    assert source.frames_dropped == 1  # back on time: nothing more lost
    assert source.frames_read - read == 10
    assert clock.now - start == pytest.approx(8 * 0.04, abs=1e-9)  # one came at once


def _write_images(folder: Path, names: list[str]) -> None:
    folder.mkdir()
    for i, name in enumerate(names):
        img = frame_with([qr_bgr(URI, 4)]) if i == len(names) - 1 else blank_frame(seed=i)
        cv2.imwrite(str(folder / name), img)


def test_image_folder_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "shots"
    _write_images(folder, ["a.png", "b.jpg", "c.bmp"])
    (folder / "notes.txt").write_text("not an image")
    (folder / "broken.png").write_bytes(b"garbage")  # skipped, not fatal
    with FrameSource(str(folder)) as source:
        got = [source.read() for _ in range(4)]
    assert got[3] is None
    assert [decode(f) for f in got[:3] if f is not None] == [[], [], [URI]]


def test_image_sequence_pattern_uses_opencv_capture(tmp_path: Path) -> None:
    folder = tmp_path / "seq"
    _write_images(folder, [f"img_{i:03d}.png" for i in range(3)])
    with FrameSource(str(folder / "img_%03d.png")) as source:
        assert isinstance(source._cap, cv2.VideoCapture)
        got = [source.read() for _ in range(3)]
    assert decode(got[2]) == [URI]


def test_empty_folder_and_bad_video(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(CameraError):
        FrameSource(str(tmp_path / "empty")).open()
    bad = tmp_path / "bad.avi"
    bad.write_bytes(b"not a video at all")
    with pytest.raises(ScanError, match="cannot be read"):
        FrameSource(str(bad)).open()


def test_no_camera_gives_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frames_module.sys, "platform", "linux")
    monkeypatch.setattr(frames_module, "_linux_problem", lambda i: "not connected")
    with pytest.raises(CameraError, match="No camera was found") as info:
        FrameSource(0).open()
    assert info.value.reason == "none"
    assert list_cameras() == []


def test_permission_denied(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(frames_module.sys, "platform", "linux")
    monkeypatch.setattr(
        frames_module,
        "_linux_problem",
        lambda i: "permission denied" if i == 0 else "not connected",
    )
    with pytest.raises(CameraError, match="denied") as info:
        FrameSource(0).open()
    assert info.value.reason == "denied"
    (cam,) = list_cameras()
    assert cam.index == 0 and "permission denied" in cam.label


class _FakeCapture:
    def __init__(self, opened: bool, frames: int = 0) -> None:
        self.opened, self.frames, self.released = opened, frames, False

    def isOpened(self) -> bool:  # mirrors cv2.VideoCapture
        return self.opened

    def set(self, *_: object) -> bool:
        return True

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self.frames > 0:
            self.frames -= 1
            return True, blank_frame()
        return False, None

    def release(self) -> None:
        self.released = True


def _fake_camera(monkeypatch: pytest.MonkeyPatch, cap: _FakeCapture) -> None:
    monkeypatch.setattr(frames_module.sys, "platform", "linux")
    monkeypatch.setattr(
        frames_module, "_linux_problem", lambda i: "" if i == 0 else "not connected"
    )
    monkeypatch.setattr(cv2, "VideoCapture", lambda *a: cap)


def test_camera_busy_when_it_cannot_be_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    cap = _FakeCapture(opened=False)
    _fake_camera(monkeypatch, cap)
    with pytest.raises(CameraError, match="in use by another application") as info:
        FrameSource(0).open()
    assert info.value.reason == "busy" and cap.released
    assert list_cameras() == []


def test_camera_busy_when_it_sends_no_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    cap = _FakeCapture(opened=True, frames=0)
    _fake_camera(monkeypatch, cap)
    source = FrameSource(0, first_frame_timeout=0.05)
    with pytest.raises(CameraError, match="no picture") as info:
        source.read()
    assert info.value.reason == "busy"
    source.release()
    assert cap.released


def test_camera_unplugged_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    cap = _FakeCapture(opened=True, frames=2)
    _fake_camera(monkeypatch, cap)
    with FrameSource(0) as source:
        assert source.read() is not None and source.read() is not None
        with pytest.raises(CameraError) as info:
            source.read()
    assert info.value.reason == "lost" and cap.released


def test_list_cameras_finds_an_openable_camera(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_camera(monkeypatch, _FakeCapture(opened=True))
    (cam,) = list_cameras()
    assert cam.index == 0 and not cam.problem


def test_list_cameras_skips_a_camera_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    probed: list[int] = []
    monkeypatch.setattr(frames_module.sys, "platform", "linux")
    monkeypatch.setattr(frames_module, "_linux_problem", lambda i: "" if i < 2 else "not connected")

    def capture(index: int, *_: object) -> _FakeCapture:
        probed.append(index)
        return _FakeCapture(opened=True)

    monkeypatch.setattr(cv2, "VideoCapture", capture)
    assert [c.index for c in list_cameras(skip={0})] == [1]
    assert probed == [1]
