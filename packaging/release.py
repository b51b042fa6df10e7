"""The one release command: freeze, smoke-test the frozen app, then build the installers.

    .venv/bin/python packaging/release.py                 # everything for this platform
    .venv/bin/python packaging/release.py --skip-freeze   # reuse dist/desktop-authenticator
    .venv/bin/python packaging/release.py --no-installers # freeze + self-test only

Steps (each timed):
0. the installed runtime packages must be exactly the versions pinned in constraints.txt (the
   ones the suite passed with; install them with ``pip install -c constraints.txt ".[package]"``);
1. icons for the platform (macOS: .icns with iconutil; Windows: .ico with Pillow) in build/;
2. Linux: which OpenCV. ``--slim-opencv`` (releases): the slim extension, built by
   packaging/build_slim_opencv.sh into build/opencv-slim/ when it is not there (~25 min, once per
   OpenCV pin; the release workflow caches it). Without a flag: the slim one when
   build/opencv-slim/cv2.abi3.so is there, else the wheel's (CI, a clean clone: seconds, not
   25 min; the budget check then reads the wheel's budget and says it is not what releases
   ship). ``--wheel-opencv``: the wheel's, always;
3. PyInstaller with packaging/desktop-authenticator.spec -> dist/desktop-authenticator/ (onedir);
4. Linux: strip debug symbols from the binaries that are not from auditwheel-repaired wheels,
   then the size budget (packaging/bundle_budget.py: the largest files, over budget stops here);
5. ``dist/desktop-authenticator/desktop-authenticator --self-test`` (offscreen without a display);
   a failure stops here, before any installer is built;
6. installers: Linux .deb + portable tarball (packaging/build_deb.py); Windows Inno Setup
   (packaging/windows/desktop-authenticator.iss, needs ISCC.exe); macOS .app (made by the spec) + .dmg
   (hdiutil).
Everything lands in dist/. Name and version come from pyproject.toml.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "desktop-authenticator.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
ICONS = ROOT / "resources" / "icons"
APP_DISPLAY_NAME = "Desktop Authenticator"
IS_WIN = sys.platform == "win32"
IS_MAC = sys.platform == "darwin"
IS_LINUX = sys.platform.startswith("linux")
SELF_TEST_TIMEOUT = 300
CONSTRAINTS = ROOT / "constraints.txt"

TIMINGS: list[tuple[str, float]] = []


class ReleaseError(Exception):
    pass


def project() -> tuple[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return data["name"], data["version"]


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_constraints(path: Path = CONSTRAINTS) -> dict[str, str]:
    """{canonical name: pinned version} of constraints.txt (``name==version`` lines)."""
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            if not sep:
                raise ReleaseError(f"{path.name}: not a pin: {line!r}")
            pins[_canonical(name)] = version.strip()
    return pins


def check_constraints(pins: dict[str, str] | None = None) -> list[str]:
    """Raise ReleaseError unless every pinned package that is installed has its pinned version;
    the project's own dependencies must be installed. Returns the checked names."""
    from importlib import metadata

    pins = read_constraints() if pins is None else pins
    required = {
        _canonical(re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0])
        for r in metadata.requires(project()[0]) or []
        if "extra ==" not in r
    }
    wrong, checked = [], []
    for name, pinned in sorted(pins.items()):
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            if name in required:
                wrong.append(f"{name} is not installed (constraints.txt pins {pinned})")
            continue
        checked.append(name)
        if installed != pinned:
            wrong.append(f"{name} {installed} is installed, constraints.txt pins {pinned}")
    if wrong:
        raise ReleaseError(
            "the build environment is not the tested one: "
            + "; ".join(wrong)
            + '. Run: python -m pip install -c constraints.txt ".[package]"'
        )
    return checked


@contextmanager
def step(title: str) -> Iterator[None]:
    print(f"==> {title}", flush=True)
    started = time.perf_counter()
    yield
    elapsed = time.perf_counter() - started
    TIMINGS.append((title, elapsed))
    print(f"    {title}: {elapsed:.1f} s", flush=True)


def run(cmd: list[str], **kw: object) -> None:
    print("    $ " + " ".join(str(c) for c in cmd), flush=True)
    result = subprocess.run(cmd, check=False, **kw)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise ReleaseError(f"{Path(str(cmd[0])).name} exited with status {result.returncode}")


def du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


# --- icons ------------------------------------------------------------------------------------


def make_icns() -> Path:
    """build/desktop-authenticator.icns from the committed PNGs (macOS iconutil)."""
    iconset = BUILD / "desktop-authenticator.iconset"
    if iconset.exists():
        shutil.rmtree(iconset)
    iconset.mkdir(parents=True)
    for size in (16, 32, 128, 256, 512):
        shutil.copyfile(
            ICONS / f"desktop-authenticator-{size}.png", iconset / f"icon_{size}x{size}.png"
        )
        double = size * 2
        png = ICONS / f"desktop-authenticator-{double}.png"
        if png.exists():
            shutil.copyfile(png, iconset / f"icon_{size}x{size}@2x.png")
    icns = BUILD / "desktop-authenticator.icns"
    run(["iconutil", "-c", "icns", str(iconset), "-o", str(icns)])
    return icns


def make_ico() -> Path:
    """build/desktop-authenticator.ico with every Windows size (needs Pillow at build time)."""
    from PIL import Image

    ico = BUILD / "desktop-authenticator.ico"
    ico.parent.mkdir(parents=True, exist_ok=True)
    sizes = (16, 24, 32, 48, 64, 128, 256)
    images = [Image.open(ICONS / f"desktop-authenticator-{s}.png") for s in sizes]
    # The hand-tuned small renders are used as they are, not downscaled from 256 px.
    images[-1].save(ico, sizes=[(s, s) for s in sizes], append_images=images[:-1])
    return ico


# --- freeze, strip, self-test -----------------------------------------------------------------


SLIM_CV2 = BUILD / "opencv-slim" / "cv2.abi3.so"


def slim_opencv() -> Path:
    """build/opencv-slim/cv2.abi3.so, built from the pinned OpenCV's source when missing."""
    if not SLIM_CV2.is_file():
        run(
            ["sh", str(PACKAGING / "build_slim_opencv.sh"), str(SLIM_CV2.parent)],
            env={**os.environ, "PYTHON": sys.executable},
        )
    return SLIM_CV2


def freeze(*, slim_cv2: bool = True) -> None:
    env = dict(os.environ)
    if not slim_cv2:
        env["DESKTOP_AUTHENTICATOR_SLIM_CV2"] = "/nonexistent"  # the wheel's cv2
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(SPEC),
        ],
        cwd=ROOT,
        env=env,
    )


def strip_bundle(bundle: Path) -> int:
    """Strip symbols from ELF files, except wheel libraries repaired by auditwheel/patchelf.

    Stripping a patchelf-modified library breaks it ("ELF load command address/offset not
    page-aligned"), so files in ``*.libs`` folders and files whose RPATH uses $ORIGIN are left
    alone; they ship stripped anyway. Python's own libpython and extension modules shrink most.
    Returns the bytes saved.
    """
    strip = shutil.which("strip")
    readelf = shutil.which("readelf")
    if not (strip and readelf):
        print("    strip/readelf not found: bundle left unstripped")
        return 0
    before = du(bundle)
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file() or path.parent.name.endswith(".libs"):
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        dynamic = subprocess.run(
            [readelf, "-d", str(path)], check=False, capture_output=True, text=True
        ).stdout
        if "$ORIGIN" in dynamic:
            continue
        sections = subprocess.run(
            [readelf, "-S", "-W", str(path)], check=False, capture_output=True, text=True
        ).stdout
        if ".symtab" not in sections and ".debug_info" not in sections:
            continue
        subprocess.run([strip, "--strip-unneeded", str(path)], check=True)
    return before - du(bundle)


def check_budget(bundle: Path) -> None:
    """The bundle's largest files and budget lines; ReleaseError when over budget."""
    sys.path.insert(0, str(PACKAGING))
    import bundle_budget

    report = bundle_budget.check(bundle)
    print("    " + report.table().replace("\n", "\n    "))
    if report.over:
        raise ReleaseError("the bundle is over its size budget: " + "; ".join(report.over))


def self_test(executable: Path) -> None:
    env = dict(os.environ)
    if IS_LINUX and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    print(f"    $ {executable} --self-test", flush=True)
    try:
        result = subprocess.run(
            [str(executable), "--self-test"], env=env, timeout=SELF_TEST_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ReleaseError(f"the frozen app's self-test hung for {SELF_TEST_TIMEOUT} s") from exc
    if result.returncode != 0:
        raise ReleaseError(
            f"the frozen app failed its self-test (status {result.returncode}); "
            "no installer was built"
        )


# --- installers -------------------------------------------------------------------------------


def linux_installers(bundle: Path, *, fast: bool, tarball: bool) -> list[Path]:
    sys.path.insert(0, str(PACKAGING))
    import build_deb

    artifacts = []
    try:
        with step(".deb"):
            artifacts.append(
                build_deb.build_deb(bundle, DIST, compression="fast" if fast else "best")
            )
        if tarball:
            with step("portable tarball"):
                depends, _ = build_deb.compute_depends(bundle)
                artifacts.append(build_deb.build_tarball(bundle, DIST, depends))
    except build_deb.PackagingError as exc:
        raise ReleaseError(str(exc)) from exc
    return artifacts


def windows_installer(bundle: Path, version: str) -> list[Path]:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    for candidate in (
        Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
        / "Inno Setup 6"
        / "ISCC.exe",
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6" / "ISCC.exe",
    ):
        if not iscc and candidate.exists():
            iscc = str(candidate)
    if not iscc:
        raise ReleaseError("Inno Setup's ISCC.exe not found (choco install innosetup)")
    run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DBundleDir={bundle}",
            f"/DIconFile={BUILD / 'desktop-authenticator.ico'}",
            f"/O{DIST}",
            str(PACKAGING / "windows" / "desktop-authenticator.iss"),
        ]
    )
    return sorted(DIST.glob(f"desktop-authenticator-{version}-windows-*setup.exe"))


def mac_installer(version: str) -> list[Path]:
    app = DIST / f"{APP_DISPLAY_NAME}.app"
    if not app.is_dir():
        raise ReleaseError(f"{app} was not built")
    staging = BUILD / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    run(["ditto", str(app), str(staging / app.name)])
    (staging / "Applications").symlink_to("/Applications")
    machine = os.uname().machine
    dmg = DIST / f"desktop-authenticator-{version}-macos-{machine}.dmg"
    dmg.unlink(missing_ok=True)
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            f"{APP_DISPLAY_NAME} {version}",
            "-srcfolder",
            str(staging),
            "-fs",
            "HFS+",
            "-format",
            "UDZO",
            "-ov",
            str(dmg),
        ]
    )
    return [dmg]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Freeze, smoke-test and package the app.")
    parser.add_argument("--skip-freeze", action="store_true", help="reuse the existing bundle")
    parser.add_argument("--no-installers", action="store_true", help="stop after the self-test")
    parser.add_argument(
        "--fast", action="store_true", help="Linux: quick .deb compression, no tarball"
    )
    opencv = parser.add_mutually_exclusive_group()
    opencv.add_argument(
        "--slim-opencv",
        action="store_true",
        help="Linux: the slim OpenCV build, built first when build/opencv-slim has none (releases)",
    )
    opencv.add_argument(
        "--wheel-opencv",
        action="store_true",
        help="Linux: freeze the OpenCV wheel's extension and libraries, not the slim build",
    )
    args = parser.parse_args(argv)

    name, version = project()
    bundle = DIST / name
    executable = bundle / (f"{name}.exe" if IS_WIN else name)
    started = time.perf_counter()
    artifacts: list[Path] = []
    try:
        if not args.skip_freeze:
            with step("runtime versions (constraints.txt)"):
                print(f"    {len(check_constraints())} packages as pinned")
            if IS_MAC:
                with step("icon (.icns)"):
                    make_icns()
            if IS_WIN:
                with step("icon (.ico)"):
                    make_ico()
            slim_cv2 = IS_LINUX and not args.wheel_opencv
            if slim_cv2 and args.slim_opencv:
                with step("slim OpenCV (build/opencv-slim)"):
                    print(f"    {slim_opencv()}")
            elif slim_cv2 and not SLIM_CV2.is_file():
                slim_cv2 = False
                print(
                    f"==> OpenCV: the wheel's ({SLIM_CV2.relative_to(ROOT)} is not built;"
                    " --slim-opencv builds it, as releases do)"
                )
            with step("freeze (PyInstaller)"):
                freeze(slim_cv2=slim_cv2)
            if IS_LINUX:
                with step("strip"):
                    saved = strip_bundle(bundle)
                    print(f"    saved {mib(saved)}")
                with step("size budget (packaging/bundle-budget.toml)"):
                    check_budget(bundle)
        if not executable.is_file():
            raise ReleaseError(f"{executable} not found")
        with step("self-test of the frozen app"):
            self_test(executable)
            if IS_MAC:
                self_test(DIST / f"{APP_DISPLAY_NAME}.app" / "Contents" / "MacOS" / name)
        if not args.no_installers:
            if IS_LINUX:
                artifacts = linux_installers(bundle, fast=args.fast, tarball=not args.fast)
            elif IS_WIN:
                with step("installer (Inno Setup)"):
                    artifacts = windows_installer(bundle, version)
            else:
                with step("disk image (.dmg)"):
                    artifacts = mac_installer(version)
    except ReleaseError as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1

    print(f"\n{name} {version}: done in {time.perf_counter() - started:.1f} s")
    for title, elapsed in TIMINGS:
        print(f"  {title:<28} {elapsed:7.1f} s")
    print(f"  bundle {bundle.relative_to(ROOT)}: {mib(du(bundle))}")
    for artifact in artifacts:
        print(f"  {artifact.relative_to(ROOT)}: {mib(du(artifact))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
