"""The .deb and tarball builder, on a stand-in bundle (a copy of /bin/true as the program)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build_deb  # noqa: E402

from desktop_app import APP_ID  # noqa: E402

NAME = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["name"]


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    for tool in ("dpkg-deb", "dpkg", "readelf"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    folder = tmp_path / "bundle"
    (folder / "_internal").mkdir(parents=True)
    shutil.copyfile("/bin/true", folder / NAME)
    (folder / NAME).chmod(0o755)
    (folder / "_internal" / "data.txt").write_text("x", encoding="utf-8")
    return folder


def test_depends_come_from_the_binaries(bundle: Path) -> None:
    depends, missing = build_deb.compute_depends(bundle)
    assert missing == []
    assert any(d.startswith("libc6 (>= 2.") for d in depends)


def test_deb_layout(bundle: Path, tmp_path: Path) -> None:
    deb = build_deb.build_deb(bundle, tmp_path / "out", compression="fast", work=tmp_path / "w")
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    paths = {line.split()[5].lstrip(".") for line in contents.splitlines()}
    assert f"/opt/desktop-authenticator/{NAME}" in paths
    assert f"/usr/share/applications/{APP_ID}.desktop" in paths
    assert f"/usr/share/metainfo/{APP_ID}.metainfo.xml" in paths
    assert f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in paths
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in paths
    link = next(line for line in contents.splitlines() if f"/usr/bin/{NAME}" in line)
    assert link.startswith("l") and link.endswith(f"-> /opt/desktop-authenticator/{NAME}")
    assert all(" root/root " in line for line in contents.splitlines())

    control = subprocess.run(
        ["dpkg-deb", "--field", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    assert f"Package: {NAME}" in control
    assert "Depends: libc6 (>= 2." in control
    assert "Recommends: libzbar0" in control
    control_files = subprocess.run(
        ["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(control_files)) as tar:
        members = {m.name.lstrip("./") for m in tar.getmembers() if m.isfile()}
    assert members == {"control", "md5sums"}  # no maintainer scripts: dpkg -r leaves nothing
    assert not (tmp_path / "w" / "deb").exists() or not any((tmp_path / "w" / "deb").iterdir())


def test_tarball_layout(bundle: Path, tmp_path: Path) -> None:
    archive = build_deb.build_tarball(bundle, tmp_path / "out", ["libc6"], work=tmp_path / "w")
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    top = archive.name.split("-linux-")[0]
    assert f"{top}/{NAME}" in names
    assert f"{top}/README.txt" in names
    assert f"{top}/share/applications/{APP_ID}.desktop" in names
    assert f"{top}/share/icons/hicolor/48x48/apps/{APP_ID}.png" in names
