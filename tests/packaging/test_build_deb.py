"""The .deb and tarball builder, on a stand-in bundle (a copy of /bin/true as the program)."""

from __future__ import annotations

import io
import os
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


def _extract(deb: Path, into: Path) -> Path:
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    return into


def _gunzip_checked(path: Path) -> bytes:
    """Contents of a gzip file made like ``gzip -9n``: no name, no time stamp, best level."""
    raw = path.read_bytes()
    assert raw[:2] == b"\x1f\x8b"
    flags, mtime, xfl = raw[3], raw[4:8], raw[8]
    assert flags & 0x08 == 0, f"{path.name} stores a file name"
    assert mtime == b"\0\0\0\0", f"{path.name} stores a time stamp"
    assert xfl == 2, f"{path.name} is not compressed at the maximum level"
    import gzip

    return gzip.decompress(raw)


def test_deb_carries_copyright_changelog_man_page_and_overrides(
    bundle: Path, tmp_path: Path
) -> None:
    import manpage

    deb = build_deb.build_deb(bundle, tmp_path / "out", compression="fast", work=tmp_path / "w")
    root = _extract(deb, tmp_path / "x")
    doc = root / "usr" / "share" / "doc" / NAME
    debian = ROOT / "packaging" / "debian"
    assert (doc / "copyright").read_bytes() == (debian / "copyright").read_bytes()
    assert _gunzip_checked(doc / "changelog.Debian.gz") == (debian / "changelog").read_bytes()
    page = _gunzip_checked(root / "usr" / "share" / "man" / "man1" / f"{NAME}.1.gz")
    assert page.decode("utf-8") == manpage.render()
    overrides = root / "usr" / "share" / "lintian" / "overrides" / NAME
    assert overrides.read_bytes() == (debian / "lintian-overrides").read_bytes()
    for path in (doc / "copyright", overrides):
        assert path.stat().st_mode & 0o777 == 0o644


def test_libraries_lose_exec_bits_and_build_machine_runpaths(bundle: Path, tmp_path: Path) -> None:
    patchelf = shutil.which("patchelf")
    if patchelf is None:
        pytest.skip("patchelf is not installed")
    internal = bundle / "_internal"
    lib = internal / "libstandin.so.1.1.1k"
    tool = internal / "helper"
    for path, rpath in ((lib, "/root/.pyenv/versions/3.11.7/lib:$ORIGIN/../deps"), (tool, "/b")):
        shutil.copyfile("/bin/true", path)
        path.chmod(0o755)
        subprocess.run([patchelf, "--set-rpath", rpath, str(path)], check=True)
    deb = build_deb.build_deb(bundle, tmp_path / "out", compression="fast", work=tmp_path / "w")
    root = _extract(deb, tmp_path / "x") / "opt" / "desktop-authenticator"
    assert (root / "_internal" / "libstandin.so.1.1.1k").stat().st_mode & 0o777 == 0o644
    assert (root / "_internal" / "helper").stat().st_mode & 0o777 == 0o755
    assert (root / NAME).stat().st_mode & 0o777 == 0o755
    assert build_deb.runpath(root / "_internal" / "libstandin.so.1.1.1k") == "$ORIGIN/../deps"
    assert build_deb.runpath(root / "_internal" / "helper") == ""
    assert (
        build_deb.runpath(lib) == "/root/.pyenv/versions/3.11.7/lib:$ORIGIN/../deps"
    )  # bundle kept


def test_changelog_must_have_an_entry_for_the_package_version(
    bundle: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_deb, "DEB_REVISION", "99")
    with pytest.raises(build_deb.PackagingError, match=r"0\.1\.0-99: add an entry"):
        build_deb.build_deb(bundle, tmp_path / "out", compression="fast", work=tmp_path / "w")


@pytest.mark.slow  # lintian takes ~20 s even on this small package
def test_lintian_finds_no_error_or_warning(bundle: Path, tmp_path: Path) -> None:
    lintian = shutil.which("lintian")
    if lintian is None:
        if os.environ.get("DESKTOP_AUTHENTICATOR_REQUIRE_KEYRING") == "1":
            pytest.fail("lintian is missing: scripts/run-tests.sh installs it (SYSTEM_PACKAGES)")
        pytest.skip("lintian is not installed")
    deb = build_deb.build_deb(bundle, tmp_path / "out", compression="fast", work=tmp_path / "w")
    result = subprocess.run(
        [lintian, "--fail-on", "error,warning", "--tag-display-limit", "0", str(deb)],
        capture_output=True,
        text=True,
    )
    problems = [line for line in result.stdout.splitlines() if line[:2] in ("E:", "W:")]
    assert problems == [] and result.returncode == 0, result.stdout + result.stderr
