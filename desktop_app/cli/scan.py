"""``decode``: print the QR code payloads found in image files, a video file or a camera.

    desktop-authenticator decode IMAGE...            every payload, one per line
                                                     ("IMAGE: payload" when several files)
    desktop-authenticator decode --video FILE        frames through the camera path until the
                                                     first code; frame figures on stderr
    desktop-authenticator [--camera-source SRC] decode --camera
    desktop-authenticator decode --screen            every payload on all screens (X11 grab,
                                                     or the desktop portal on Wayland)

Exit status: 0 codes found (in every file), 1 nothing found (in some file), 2 unreadable input.
Payloads are printed as they are (they may hold secrets: they go to stdout only).
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_NOT_FOUND, EXIT_OK, CliError
from desktop_app.errors import ScanError

if TYPE_CHECKING:
    from desktop_app.ui.screen_scan import ScreenScanResult


TERMINAL_HINT = "Or save the code as an image and run: desktop-authenticator decode IMAGE"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "decode",
        help="print the QR codes found in images, a video file, the camera or the screen",
        description="Print every QR code payload found in the given image files (PNG, JPEG, "
        "WebP, BMP, GIF), the first one seen in a video / camera, or every one on the screens.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="image files")
    p.add_argument(
        "--video",
        metavar="SOURCE",
        help="read frames from a video file or image folder (or camera number) until a code"
        " (MP4/WebM/MKV need OpenCV's FFmpeg: the Linux installer reads MJPG AVI only)",
    )
    p.add_argument(
        "--camera",
        action="store_true",
        help="read frames from --camera-source (default camera 0) until a code",
    )
    p.add_argument(
        "--screen",
        action="store_true",
        help="print the QR codes shown on all screens",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="give up on a camera or video after this long (default 60)",
    )
    p.set_defaults(handler=cmd_decode)


def cmd_decode(args: argparse.Namespace) -> int:
    video = args.video
    if args.camera:
        video = args.camera_source if args.camera_source else "0"
    if video is not None and args.files:
        raise CliError("give image files, or --video / --camera, not both")
    if args.screen:
        if video is not None or args.files:
            raise CliError("--screen takes no image files, --video or --camera")
        return _decode_screen()
    if video is not None:
        return _decode_video(video, args.timeout)
    if not args.files:
        raise CliError("give at least one image file (or --video FILE)")
    from desktop_app.app import setup_command_logging

    setup_command_logging(args)
    return _decode_files(args.files)


def _decode_files(files: list[str]) -> int:
    from desktop_app.scanning.decoders import decode_file
    from desktop_app.scanning.images import silence_native_warnings

    silence_native_warnings()  # one line per file, never the image libraries' own

    prefix = len(files) > 1
    status = EXIT_OK
    for path in files:
        try:
            texts = decode_file(path)
        except ScanError as exc:
            print(f"desktop-authenticator: {exc}", file=sys.stderr)
            status = EXIT_BAD_INPUT
            continue
        if not texts:
            print(f"desktop-authenticator: {path}: no QR code found", file=sys.stderr)
            if status == EXIT_OK:
                status = EXIT_NOT_FOUND
        for text in texts:
            print(f"{path}: {text}" if prefix else text)
    sys.stdout.flush()
    return status


def _decode_screen() -> int:
    try:  # the Qt part lives in desktop_app.ui (the only package that imports PySide6)
        from desktop_app.ui.screen_scan import scan_screens_cli

        result = scan_screens_cli()
    except ImportError:
        raise CliError("screen scanning is not available in this build") from None
    except ScanError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    for text in result.texts:
        print(text)
    sys.stdout.flush()
    if result.found:
        return EXIT_OK
    print(f"desktop-authenticator: {_terminal_message(result)}", file=sys.stderr)
    return EXIT_NOT_FOUND if result.captured or result.cancelled else EXIT_BAD_INPUT


def _terminal_message(result: ScreenScanResult) -> str:
    """Why nothing was read, and what to do at a terminal (the app's message names buttons)."""
    why = " ".join(result.reason.split()) or "no QR code was read from the screen."
    if result.cancelled:
        return why
    return f"{why} {TERMINAL_HINT}"


def _decode_video(source: str, timeout: float) -> int:
    from desktop_app.scanning.decoders import detect
    from desktop_app.scanning.frames import FrameSource

    try:
        frames = FrameSource(source, loop=False, realtime=False)
        frames.open()
    except ScanError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    found: list[str] = []
    start = time.perf_counter()
    try:
        while time.perf_counter() - start < timeout:
            frame = frames.read()
            if frame is None:
                break
            # the same per-frame work as the scan window: zxing plus one rotating rescue
            found = [d.text for d in detect(frame, rescue=frames.frames_read)]
            if found:
                break
    except ScanError as exc:
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    finally:
        frames.release()
    elapsed = max(time.perf_counter() - start, 1e-9)
    n = frames.frames_read
    print(f"frames read: {n}, {n / elapsed:.1f} frames/s", file=sys.stderr)
    if not found:
        print(f"desktop-authenticator: no QR code found in {n} frames", file=sys.stderr)
        return EXIT_NOT_FOUND
    for text in found:
        print(text)
    return EXIT_OK
