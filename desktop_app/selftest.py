"""``desktop-authenticator --self-test``: check that this installation works, then exit.

Run by the release script on the frozen bundle and by the .deb smoke test on the installed command,
so a Qt plugin, keyring backend, decoder library or data file missing from a bundle fails loudly.
Every check prints one line: ``ok: <check>: <detail>``, ``FAIL: <check>: <reason>`` or
``skipped: <check>: <reason>``. Exit status 0 when no check failed, 1 otherwise.

Everything happens in a temporary folder (a password vault, a tiny video file); the user's own
vault, settings and keyring are never touched. The Qt check lives in ``desktop_app.ui.selftest_qt``
(only ``desktop_app.ui`` imports PySide6).
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import APP_NAME, __version__

DATA_DIR = Path(__file__).resolve().parent / "data"
ICON_SVG = DATA_DIR / "desktop-authenticator.svg"
ICON_PNG = DATA_DIR / "desktop-authenticator-256.png"
QR_IMAGE = DATA_DIR / "selftest-qr.png"

# The bundled QR image (made by packaging/make_selftest_qr.py) holds this URI: an 80-bit secret
# (the ASCII bytes "self-test!") like real services issue.
SELFTEST_SECRET = "ONSWYZRNORSXG5BB"
SELFTEST_URI = (
    "otpauth://totp/Desktop%20Authenticator:self-test"
    f"?secret={SELFTEST_SECRET}&issuer=Desktop%20Authenticator"
)
# RFC 6238 TOTP/SHA1/6 digits/30 s of that secret at this instant, computed independently.
SELFTEST_TIME = 1_700_000_000
SELFTEST_CODE = "414131"
VAULT_PASSWORD = "self-test"


class Skipped(Exception):
    """A check that cannot run in this installation, for a reason that is not a defect."""


@dataclass
class _Context:
    workdir: Path
    uris: list[str]


@dataclass(frozen=True)
class Outcome:
    status: str  # "ok" | "FAIL" | "skipped"
    name: str
    detail: str

    def line(self) -> str:
        return f"{self.status}: {self.name}: {self.detail}"


# --- the checks ------------------------------------------------------------------------------
# Each returns a one-line detail on success, raises Skipped, or raises anything else to fail.


def check_data_files(ctx: _Context) -> str:
    missing = [p.name for p in (ICON_SVG, ICON_PNG, QR_IMAGE) if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"missing from {DATA_DIR}: {', '.join(missing)}")
    return f"{len(list(DATA_DIR.iterdir()))} files in {DATA_DIR}"


def check_qt(ctx: _Context) -> str:
    from desktop_app.ui.selftest_qt import check_qt as check_qt_runtime

    return check_qt_runtime(ICON_SVG, ICON_PNG)


def check_app_modules(ctx: _Context) -> str:
    """Every subcommand module and the window: the CLI imports them with importlib and skips a
    missing one silently, so a bundle that lost one would quietly lose a command."""
    from desktop_app.cli import _COMMAND_MODULES

    names = [*_COMMAND_MODULES, "desktop_app.ui.application", "desktop_app.ui.main_window"]
    missing = []
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            missing.append(name)
    if missing:
        raise ModuleNotFoundError(f"not in this installation: {', '.join(missing)}")
    return f"{len(names)} command and window modules import"


def check_qr_decode(ctx: _Context) -> str:
    from desktop_app.scanning.decoders import decode_file

    uris = list(decode_file(QR_IMAGE))
    if SELFTEST_URI not in uris:
        raise RuntimeError(f"the bundled QR image decoded to {len(uris)} unexpected payload(s)")
    ctx.uris = uris
    return f"desktop_app.scanning decoded {QR_IMAGE.name}"


def check_zxing(ctx: _Context) -> str:
    import cv2
    import zxingcpp

    image = cv2.imread(str(QR_IMAGE), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise RuntimeError(f"OpenCV cannot read {QR_IMAGE.name}")
    texts = [r.text for r in zxingcpp.read_barcodes(image)]
    if SELFTEST_URI not in texts:
        raise RuntimeError("zxing-cpp did not find the self-test QR code")
    return "zxing-cpp read the QR code"


def check_zbar(ctx: _Context) -> str:
    try:
        from pyzbar import pyzbar
    except ImportError as exc:  # pyzbar raises ImportError when libzbar0 is absent
        if "zbar" in str(exc).lower():
            raise Skipped(f"libzbar is not installed (optional fallback decoder): {exc}") from exc
        raise
    import cv2

    image = cv2.imread(str(QR_IMAGE), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise RuntimeError(f"OpenCV cannot read {QR_IMAGE.name}")
    texts = [d.data.decode("utf-8") for d in pyzbar.decode(image)]
    if SELFTEST_URI not in texts:
        raise RuntimeError("zbar did not find the self-test QR code")
    return "pyzbar/libzbar read the QR code"


def check_otp(ctx: _Context) -> str:
    from desktop_app.intake import classify
    from desktop_app.otp.codes import code_at

    text = ctx.uris[0] if ctx.uris else SELFTEST_URI
    payload = classify(text)
    if not payload.is_key or len(payload.entries) != 1:
        raise RuntimeError(f"the self-test URI was not recognised ({payload.kind})")
    entry = payload.entries[0]
    if entry.secret != SELFTEST_SECRET:
        raise RuntimeError("the self-test URI parsed to a different secret")
    code = code_at(entry, SELFTEST_TIME)
    if code != SELFTEST_CODE:
        raise RuntimeError("TOTP code differs from the RFC 6238 reference")
    return "otpauth URI parsed, TOTP code matches the reference"


def check_vault(ctx: _Context) -> str:
    from desktop_app.intake import classify
    from desktop_app.otp.codes import code_at
    from desktop_app.vault import Vault

    folder = ctx.workdir / "vault"
    folder.mkdir()
    entry = classify(SELFTEST_URI).entries[0]
    started = time.perf_counter()
    vault = Vault.open_with_password(folder, VAULT_PASSWORD)
    try:
        vault.add(entry)
    finally:
        vault.close()
    reopened = Vault.open_with_password(folder, VAULT_PASSWORD)
    try:
        stored = reopened.get(entry.uuid)
    finally:
        reopened.close()
    if code_at(stored, SELFTEST_TIME) != SELFTEST_CODE:
        raise RuntimeError("the account read back from the vault gives a different code")
    elapsed = time.perf_counter() - started
    return f"password vault created, saved and reopened in {elapsed:.1f} s"


def check_portal(ctx: _Context) -> str:
    try:
        from desktop_app.portal.emulator import EmulatorServer
    except ImportError as exc:
        # Only a missing module is a skip; a broken import inside the emulator is a failure.
        absent = {"desktop_app.portal", "desktop_app.portal.emulator"}
        if isinstance(exc, ModuleNotFoundError) and exc.name in absent:
            raise Skipped("portal emulator not available") from exc
        raise
    import certifi
    import httpx

    if not Path(certifi.where()).is_file():
        raise RuntimeError("the CA certificate bundle (certifi) is missing")
    with EmulatorServer(host="127.0.0.1", port=0) as srv, httpx.Client(timeout=10) as client:
        response = client.post(
            f"{str(srv.url).rstrip('/')}/api/v1/authenticate",
            json={"username": "self-test@example.invalid", "password": "0" * 40},
        )
    if response.status_code not in (400, 401, 403, 422, 429):
        raise RuntimeError(f"emulator answered a bad login with HTTP {response.status_code}")
    return f"in-process emulator answered HTTP {response.status_code} to a bad login"


#: the image formats ``decode FILE`` promises (cli/scan.py)
IMAGE_FORMATS = (".png", ".jpg", ".webp", ".bmp", ".gif")


def check_image_formats(ctx: _Context) -> str:
    """The self-test QR code saved in every format ``decode`` promises, read back through the
    app's image path: a codec missing from the bundle's OpenCV fails here."""
    import cv2

    from desktop_app.scanning.decoders import decode_file

    image = cv2.imread(str(QR_IMAGE), cv2.IMREAD_COLOR)
    if image is None:
        raise RuntimeError(f"OpenCV cannot read {QR_IMAGE.name}")
    unread = []
    for ext in IMAGE_FORMATS:
        ok, data = cv2.imencode(ext, image)
        path = ctx.workdir / f"qr{ext}"
        if ok:
            path.write_bytes(data.tobytes())
        if not ok or SELFTEST_URI not in decode_file(path):
            unread.append(ext)
    if unread:
        raise RuntimeError(f"the QR code saved as {', '.join(unread)} was not read back")
    return f"the QR code read back from {', '.join(e.lstrip('.').upper() for e in IMAGE_FORMATS)}"


def check_video(ctx: _Context) -> str:
    """An MJPG .avi written with OpenCV and read back through the camera path (a video file
    stands in for the camera, as in the tests); on Linux the V4L2 camera backend is built in."""
    import cv2
    import numpy as np

    from desktop_app.scanning.frames import FrameSource

    path = ctx.workdir / "frames.avi"
    width, height = 64, 48
    # OpenCV's own MJPG writer, whichever other backends (FFmpeg) this OpenCV has
    writer = cv2.VideoWriter(
        str(path), cv2.CAP_OPENCV_MJPEG, cv2.VideoWriter.fourcc(*"MJPG"), 10.0, (width, height)
    )
    if not writer.isOpened():
        raise RuntimeError("cv2.VideoWriter cannot write an MJPG .avi")
    for i in range(5):
        frame = np.full((height, width, 3), 40 * i, dtype=np.uint8)
        writer.write(frame)
    writer.release()
    capture = cv2.VideoCapture(str(path))
    try:
        if not capture.isOpened():
            raise RuntimeError("cv2.VideoCapture cannot open the test video")
        ok, first = capture.read()
        backend = capture.getBackendName()
    finally:
        capture.release()
    if not ok or first is None or first.shape[:2] != (height, width):
        raise RuntimeError("no frame read back from the test video")
    with FrameSource(str(path), loop=False, realtime=False) as frames:
        read = 0
        while frames.read() is not None:
            read += 1
    if read != 5:
        raise RuntimeError(f"the camera path read {read} of the video's 5 frames")
    camera = ""
    if sys.platform.startswith("linux"):
        if not cv2.videoio_registry.hasBackend(cv2.CAP_V4L2):
            raise RuntimeError("this OpenCV has no V4L2 camera backend")
        camera = "; V4L2 camera backend built in"
    return (
        f"OpenCV {cv2.__version__} wrote an MJPG video and read it back via {backend}, "
        f"and through the camera path{camera}"
    )


def _child_echo(conn: Any) -> None:
    """Run in a spawned child by :func:`check_child_process` (a top-level function: picklable)."""
    conn.send(("ok", os.getpid(), bool(getattr(sys, "frozen", False))))
    conn.close()


def check_child_process(ctx: _Context) -> str:
    """A child process started the way the camera process is (multiprocessing, "spawn"): in the
    frozen bundle it is the bundle's own executable, which must run the child's code and exit."""
    spawn = multiprocessing.get_context("spawn")
    ours, theirs = spawn.Pipe(duplex=False)
    child = spawn.Process(target=_child_echo, args=(theirs,), daemon=True)
    started = time.monotonic()
    child.start()
    theirs.close()
    try:
        if not ours.poll(30):
            raise RuntimeError("the child process sent nothing within 30 s")
        status, pid, frozen = ours.recv()
    finally:
        child.join(10)
        if child.is_alive():
            child.kill()
    if status != "ok" or pid == os.getpid() or child.exitcode != 0:
        raise RuntimeError(f"the child process ended with status {child.exitcode}")
    where = "frozen" if frozen else "from source"
    return f"a spawned child ran ({where}) and ended in {time.monotonic() - started:.2f} s"


def check_keyring(ctx: _Context) -> str:
    import keyring
    import keyring.backend

    native = {
        "linux": "keyring.backends.SecretService",
        "darwin": "keyring.backends.macOS",
        "win32": "keyring.backends.Windows",
    }
    platform_key = "linux" if sys.platform.startswith("linux") else sys.platform
    module_name = native.get(platform_key)
    if module_name:
        __import__(module_name)  # raises if the bundle lost the platform's backend
    chosen = keyring.get_keyring()
    name = f"{type(chosen).__module__}.{type(chosen).__qualname__}"
    viable = sorted(
        type(k).__module__.rsplit(".", 1)[-1] for k in keyring.backend.get_all_keyring()
    )
    return f"backend {name} (viable here: {', '.join(viable) or 'none'})"


CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("data files", check_data_files),
    ("Qt", check_qt),
    ("app modules", check_app_modules),
    ("QR decoding", check_qr_decode),
    ("zxing-cpp", check_zxing),
    ("zbar", check_zbar),
    ("OTP", check_otp),
    ("vault", check_vault),
    ("portal emulator", check_portal),
    ("image formats", check_image_formats),
    ("OpenCV video", check_video),
    ("child process", check_child_process),
    ("keyring", check_keyring),
)


def _one_line(exc: BaseException) -> str:
    """An exception message on one line: numpy's and OpenCV's span a dozen, the cause is last."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if len(lines) <= 1:
        return lines[0] if lines else "(no message)"
    return f"{lines[0]} ... {lines[-1]}"


def run_checks(verbose: bool = False) -> list[Outcome]:
    """Run every check, printing one line per check as it finishes."""
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="desktop-authenticator-selftest-") as tmp:
        ctx = _Context(workdir=Path(tmp), uris=[])
        for name, check in CHECKS:
            try:
                outcome = Outcome("ok", name, check(ctx))
            except Skipped as exc:
                outcome = Outcome("skipped", name, str(exc))
            except Exception as exc:
                outcome = Outcome("FAIL", name, f"{type(exc).__name__}: {_one_line(exc)}")
                if verbose:
                    traceback.print_exc()
            print(outcome.line(), flush=True)
            outcomes.append(outcome)
    return outcomes


def run_self_test(args: argparse.Namespace) -> int:
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"{APP_NAME} {__version__} self-test ({frozen}, Python {sys.version.split()[0]})")
    outcomes = run_checks(verbose=bool(os.environ.get("DESKTOP_AUTHENTICATOR_SELFTEST_VERBOSE")))
    failed = [o for o in outcomes if o.status == "FAIL"]
    skipped = [o for o in outcomes if o.status == "skipped"]
    print(
        f"self-test {'FAILED' if failed else 'passed'}: {len(outcomes) - len(failed) - len(skipped)}"
        f" ok, {len(failed)} failed, {len(skipped)} skipped"
    )
    return 1 if failed else 0
