"""Desktop entry, AppStream metadata, icons and the PyInstaller spec.

The validators (desktop-file-validate, appstreamcli) are skipped only when their binary is not
installed; when present their verdict is the test's verdict.
"""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from desktop_app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP_FILE = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
SPEC = ROOT / "packaging" / "desktop-authenticator.spec"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def test_desktop_file_validates() -> None:
    tool = _tool("desktop-file-validate")
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_metainfo_validates() -> None:
    tool = _tool("appstreamcli")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_launches_the_command_with_the_app_icon() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP_FILE, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Exec"].split()[0] == PYPROJECT["name"]
    assert PYPROJECT["scripts"][entry["Exec"].split()[0]] == "desktop_app.cli:main"
    assert entry["Icon"] == APP_ID
    assert entry["Type"] == "Application"


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert root.find("content_rating") is not None
    assert root.findtext("project_license") == PYPROJECT["license"]
    versions = [r.get("version") for r in root.iter("release")]
    assert versions and versions[0] == PYPROJECT["version"]
    description = root.find("description")
    assert description is not None and len(list(description)) >= 2


def test_metainfo_screenshots_are_the_committed_ones() -> None:
    root = ET.parse(METAINFO).getroot()
    shots = root.findall("screenshots/screenshot")
    assert len(shots) >= 3
    assert [s.get("type") for s in shots].count("default") == 1
    folder = RESOURCES / "screenshots"
    for shot in shots:
        assert (shot.findtext("caption") or "").strip()
        image = shot.find("image")
        assert image is not None and image.text is not None
        assert image.text.startswith("https://")
        png = folder / image.text.rsplit("/", 1)[1]
        assert png.is_file(), f"{png.name} is not in resources/screenshots/"
        assert _png_size(png) == (int(image.get("width", 0)), int(image.get("height", 0)))
    # every committed screenshot is used (the screenshot script writes exactly this set)
    named = {s.find("image").text.rsplit("/", 1)[1] for s in shots}  # type: ignore[union-attr]
    assert named == {p.name for p in folder.glob("*.png")}


def test_release_notes_match_the_version_and_the_debian_changelog() -> None:
    root = ET.parse(METAINFO).getroot()
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == PYPROJECT["version"]
    notes = newest.find("description")
    assert notes is not None and len("".join(notes.itertext()).split()) >= 20
    changelog = (ROOT / "packaging" / "debian" / "changelog").read_text("utf-8")
    first = changelog.splitlines()[0]
    assert first.startswith(f"{PYPROJECT['name']} ({PYPROJECT['version']}-")
    assert first.endswith("urgency=medium") or "urgency=" in first


def test_lintian_overrides_each_have_a_reason() -> None:
    lines = (ROOT / "packaging" / "debian" / "lintian-overrides").read_text("utf-8").splitlines()
    overrides = [i for i, line in enumerate(lines) if line and not line.startswith("#")]
    assert overrides
    for i in overrides:
        assert lines[i].startswith(f"{PYPROJECT['name']}: "), lines[i]
        assert lines[i - 1].startswith("#") or lines[i - 1].startswith(f"{PYPROJECT['name']}: ")
        # the comment block right above the override (or its group) explains it
        j = i - 1
        while j >= 0 and lines[j].startswith(f"{PYPROJECT['name']}: "):
            j -= 1
        assert j >= 0 and lines[j].startswith("# ") and len(lines[j]) > 20, lines[i]


def test_copyright_is_machine_readable_and_complete() -> None:
    text = (ROOT / "packaging" / "debian" / "copyright").read_text("utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    header = paragraphs[0]
    assert header.startswith(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    )
    files = [p for p in paragraphs if p.startswith("Files:")]
    standalone = {
        p.splitlines()[0].removeprefix("License:").strip()
        for p in paragraphs
        if p.startswith("License:")
    }
    assert files[0].startswith("Files: *\n")
    assert "License: GPL-3.0-or-later" in files[0]
    used: set[str] = set()
    for paragraph in files:
        fields = [line for line in paragraph.splitlines() if not line.startswith(" ")]
        assert any(f.startswith("Copyright: ") for f in fields), paragraph
        (license_line,) = [f for f in fields if f.startswith("License: ")]
        expression = license_line.removeprefix("License: ")
        names = [n.strip() for part in expression.split(" and ") for n in part.split(" or ")]
        used.update(names)
    assert used <= standalone, used - standalone  # each licence named has its own paragraph
    for name in ("Apache-2.0", "LGPL-3.0-only", "PSF-2.0", "MIT", "BSD-3-Clause"):
        assert name in used  # OpenCV, Qt/PySide6, Python, and the small pure-Python libraries


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_size(size: int) -> None:
    assert _png_size(RESOURCES / "icons" / f"desktop-authenticator-{size}.png") == (size, size)


def test_icon_svg_is_square_svg() -> None:
    root = ET.parse(RESOURCES / "icons" / "desktop-authenticator.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_app_data_carries_the_window_icon_and_selftest_qr() -> None:
    data = ROOT / "desktop_app" / "data"
    for name in ("desktop-authenticator.svg", "desktop-authenticator-256.png", "selftest-qr.png"):
        assert (data / name).is_file(), name
    assert (data / "desktop-authenticator.svg").read_bytes() == (
        RESOURCES / "icons" / "desktop-authenticator.svg"
    ).read_bytes()


def test_committed_pngs_match_the_svg() -> None:
    """The PNGs are what packaging/render_icons.py renders from the SVG today."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "render_icons.py"), "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


# --- the PyInstaller spec ---------------------------------------------------------------------


class _Recorder:
    """Stands in for PyInstaller's build targets; remembers what the spec passed."""

    def __init__(
        self, calls: dict[str, list[Any]], kind: str, binaries: list[Any] | None = None
    ) -> None:
        self.calls, self.kind, self.binaries = calls, kind, binaries

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self.calls.setdefault(self.kind, []).append((args, kwargs))
        binaries = kwargs.get("binaries", []) if self.binaries is None else list(self.binaries)
        return types.SimpleNamespace(
            binaries=binaries,
            datas=kwargs.get("datas", []),
            pure=[],
            scripts=[],
            # PYZ: PyInstaller's bootstrap modules, which EXE puts in the executable
            dependencies=[
                ("pyimod02_importers", "/pyi/localpycs/pyimod02_importers.pyc", "PYMODULE"),
                ("pyimod03_ctypes", "/pyi/localpycs/pyimod03_ctypes.pyc", "PYMODULE"),
            ],
        )


def _run_spec(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    version: str,
    binaries: list[Any] | None = None,
) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """Execute a copy of the spec next to a pyproject.toml saying ``name`` / ``version``."""
    (tmp_path / "packaging").mkdir()
    spec = tmp_path / "packaging" / SPEC.name
    shutil.copyfile(SPEC, spec)
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "{name}"\nversion = "{version}"\n', encoding="utf-8"
    )
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package, **kw: [f"{package}.cli.accounts"]  # type: ignore[attr-defined]
    utils = types.ModuleType("PyInstaller.building.utils")
    utils.compile_pymodule = lambda name, src, workpath, optimize: f"compiled:{src}"  # type: ignore[attr-defined]
    writers = types.ModuleType("PyInstaller.archive.writers")

    class ZlibArchiveWriter:
        _COMPRESSION_LEVEL = 6

        @classmethod
        def _write_entry(cls, fp, entry, code_dict):  # type: ignore[no-untyped-def]
            return (entry[0], cls._COMPRESSION_LEVEL)

    writers.ZlibArchiveWriter = ZlibArchiveWriter  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "PyInstaller.archive.writers", writers)
    for module in (
        "PyInstaller",
        "PyInstaller.utils",
        "PyInstaller.building",
        "PyInstaller.archive",
    ):
        monkeypatch.setitem(sys.modules, module, types.ModuleType(module))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setitem(sys.modules, "PyInstaller.building.utils", utils)
    calls: dict[str, list[Any]] = {}
    namespace: dict[str, Any] = {
        "SPECPATH": str(spec.parent),
        "__file__": str(spec),
        **{k: _Recorder(calls, k) for k in ("PYZ", "EXE", "COLLECT", "BUNDLE")},
        "Analysis": _Recorder(calls, "Analysis", binaries),
    }
    exec(compile(spec.read_text("utf-8"), str(spec), "exec"), namespace)
    return namespace, calls


def test_spec_takes_name_and_version_from_pyproject(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    namespace, calls = _run_spec(tmp_path, monkeypatch, "some-app", "9.8.7")
    assert namespace["APP_NAME"] == "some-app"
    assert namespace["APP_VERSION"] == "9.8.7"
    assert calls["EXE"][0][1]["name"] == "some-app"
    assert calls["COLLECT"][0][1]["name"] == "some-app"
    assert "0.1.0" not in SPEC.read_text("utf-8")  # no second copy of the version


def test_spec_hidden_imports_and_excludes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, calls = _run_spec(tmp_path, monkeypatch, PYPROJECT["name"], PYPROJECT["version"])
    analysis = calls["Analysis"][0][1]
    hidden = set(analysis["hiddenimports"])
    for module in (
        "desktop_app.cli.accounts",  # from collect_submodules("desktop_app")
        "keyring.backends.SecretService",
        "keyring.backends.macOS",
        "keyring.backends.Windows",
        "keyring.backends.fail",
        "keyring.backends.chainer",
        "secretstorage",
        "jeepney",
        "zxingcpp",
        "pyzbar",
        "cv2",
    ):
        assert module in hidden, module
    assert {"PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf", "PySide6.QtDesigner"} <= set(
        analysis["excludes"]
    )
    assert any(dest == "desktop_app/data" for _, dest in analysis["datas"])


def test_spec_file_filter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    namespace, _ = _run_spec(tmp_path, monkeypatch, PYPROJECT["name"], PYPROJECT["version"])
    keep = namespace["_keep"]
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/imageformats/libqjpeg.so")
    assert keep("PySide6/Qt/plugins/iconengines/libqsvgicon.so")
    assert keep("PySide6/Qt/lib/libQt6Svg.so.6")
    assert keep("opencv_python_headless.libs/libavcodec-c4204469.so.62.28.101")
    assert not keep("PySide6/Qt/lib/libQt6Qml.so.6")
    assert not keep("PySide6/Qt/lib/libQt6QuickControls2.so.6")
    assert not keep("PySide6/Qt/lib/libQt6Pdf.so.6")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/qml/QtQuick/Controls/qmldir")
    assert not keep("PySide6/Qt/translations/designer_de.qm")
    assert keep("PySide6/Qt/translations/qtbase_de.qm")  # the German UI's standard buttons
    system = namespace["_is_system_library"]
    assert system("/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    assert system("/lib/x86_64-linux-gnu/libz.so.1")
    assert not system("/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so")
    assert not system(str(ROOT / ".venv" / "lib" / "libfoo.so"))


@pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps PyInstaller's ctypes hook")
def test_spec_swaps_in_the_lazy_ctypes_bootstrap_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    namespace, _ = _run_spec(tmp_path, monkeypatch, PYPROJECT["name"], PYPROJECT["version"])
    deps = dict((name, src) for name, src, _ in namespace["pyz"].dependencies)
    ours = tmp_path / "packaging" / "hooks" / "pyimod03_ctypes.py"
    assert deps == {
        "pyimod02_importers": "/pyi/localpycs/pyimod02_importers.pyc",
        "pyimod03_ctypes": f"compiled:{ours}",
    }


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the slim OpenCV is Linux's")
def test_spec_takes_the_slim_opencv_and_drops_the_wheels_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slim = tmp_path / "slim-cv2.abi3.so"
    slim.write_bytes(b"\x7fELF")
    wheel = "/venv/site-packages"
    binaries = [
        ("cv2/cv2.abi3.so", f"{wheel}/cv2/cv2.abi3.so", "EXTENSION"),
        ("opencv_python_headless.libs/libavcodec-1.so.62", f"{wheel}/x/libavcodec.so", "BINARY"),
        ("numpy.libs/libscipy_openblas64_-1.so", f"{wheel}/numpy.libs/o.so", "BINARY"),
    ]
    monkeypatch.setenv("DESKTOP_AUTHENTICATOR_SLIM_CV2", str(slim))
    namespace, _ = _run_spec(tmp_path, monkeypatch, "x", "1", binaries)
    assert namespace["a"].binaries == [
        ("cv2/cv2.abi3.so", str(slim), "EXTENSION"),
        ("numpy.libs/libscipy_openblas64_-1.so", f"{wheel}/numpy.libs/o.so", "BINARY"),
    ]
    monkeypatch.setenv("DESKTOP_AUTHENTICATOR_SLIM_CV2", str(tmp_path / "none.so"))
    (tmp_path / "again").mkdir()
    namespace, _ = _run_spec(tmp_path / "again", monkeypatch, "x", "1", binaries)
    assert namespace["a"].binaries == binaries  # no slim build: the wheel's, as it was


def test_spec_stores_the_modules_a_start_loads_uncompressed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _run_spec(tmp_path, monkeypatch, PYPROJECT["name"], PYPROJECT["version"])
    writer = sys.modules["PyInstaller.archive.writers"].ZlibArchiveWriter  # type: ignore[attr-defined]
    levels = {
        name: writer._write_entry(None, (name, "src.py", "PYMODULE"), {})[1]
        for name in ("json.decoder", "desktop_app.cli", "secretstorage.item", "numpy.linalg")
    }
    assert levels == {
        "json.decoder": 0,
        "desktop_app.cli": 0,
        "secretstorage.item": 0,
        "numpy.linalg": 6,
    }
    assert writer._COMPRESSION_LEVEL == 6  # restored after each entry
