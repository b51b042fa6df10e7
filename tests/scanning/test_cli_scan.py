"""``desktop-authenticator decode``: files and video through the CLI entry point."""

from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from desktop_app.cli import main
from tests.scanning.qr_helpers import URI, URI_2, blank_frame, frame_with, qr_bgr, write_video


def _img(path: Path, *codes: str) -> str:
    frame = frame_with([qr_bgr(c, 3) for c in codes], (900, 480)) if codes else blank_frame()
    cv2.imwrite(str(path), frame)
    return str(path)


def test_one_file_prints_payloads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decode", _img(tmp_path / "a.png", URI, URI_2)]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == sorted([URI, URI_2])


def test_several_files_are_prefixed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _img(tmp_path / "a.png", URI), _img(tmp_path / "b.jpg", URI_2)
    assert main(["decode", a, b]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{a}: {URI}", f"{b}: {URI_2}"]


def test_nothing_found_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decode", _img(tmp_path / "none.png")]) == 1
    out = capsys.readouterr()
    assert out.out == "" and "no QR code found" in out.err


def test_unreadable_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.png"
    bad.write_text("hello")
    good = _img(tmp_path / "good.png", URI)
    assert main(["decode", str(bad), good]) == 2
    out = capsys.readouterr()
    assert f"{good}: {URI}" in out.out and "bad.png" in out.err
    assert main(["decode", str(tmp_path / "missing.png")]) == 2


def test_no_arguments_is_bad_input(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["decode"]) == 2
    assert "image file" in capsys.readouterr().err


def test_video_reads_until_first_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frames = [blank_frame(seed=i) for i in range(6)] + [frame_with([qr_bgr(URI, 4)])] * 3
    video = write_video(tmp_path / "v.avi", frames)
    assert main(["decode", "--video", str(video)]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == [URI]
    assert "frames read: 7," in out.err and "frames/s" in out.err


def test_video_without_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    video = write_video(tmp_path / "v.avi", [blank_frame(seed=i) for i in range(4)])
    assert main(["decode", "--video", str(video)]) == 1
    assert "frames read: 4," in capsys.readouterr().err


def test_camera_source_option_and_unreadable_video(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "frames"
    folder.mkdir()
    _img(folder / "1.png")
    _img(folder / "2.png", URI_2)
    assert main(["--camera-source", str(folder), "decode", "--camera"]) == 0
    assert capsys.readouterr().out.splitlines() == [URI_2]
    assert main(["decode", "--video", str(tmp_path / "missing.avi")]) == 2
    assert "not found" in capsys.readouterr().err
