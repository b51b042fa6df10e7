"""Linux packages of the frozen bundle: a .deb built with dpkg-deb and a portable tarball.

    .venv/bin/python packaging/build_deb.py [--bundle dist/desktop-authenticator] [--out dist]
    .venv/bin/python packaging/build_deb.py --depends-only   # print the computed Depends line

Normally run by ``packaging/release.py`` after the bundle passed its self-test.

The .deb installs the bundle under /opt/desktop-authenticator, ``/usr/bin/desktop-authenticator``
(a symlink; the PyInstaller bootloader resolves it), the .desktop entry, the icon in the hicolor
sizes and the AppStream metadata, and what a distribution's package has: the man page (generated
by packaging/manpage.py), ``changelog.Debian.gz`` and the DEP-5 ``copyright`` (from
packaging/debian/) and the lintian overrides for the tags inherent to a bundle in /opt. Shared
libraries are installed 0644 and RUNPATHs naming the build machine's folders are removed
(patchelf), so lintian reports nothing else (packaging/deb_smoke_test.sh checks). No maintainer scripts and no conffiles: ``dpkg -r`` removes the
package completely (the hicolor and desktop-database caches are refreshed by dpkg triggers). Its
Depends line is computed from the bundle: every shared
library an ELF file in it needs that the bundle does not carry is looked up with ``ldconfig`` and
``dpkg -S`` (the spec leaves the system's own libraries out of the bundle on purpose), plus the
minimum glibc version from the symbol versions the binaries use.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
DEBIAN_FILES = ROOT / "packaging" / "debian"  # changelog, copyright, lintian-overrides
APP_ID = "net.emnify.DesktopAuthenticator"
INSTALL_DIR = "opt/desktop-authenticator"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
DEB_REVISION = "1"
# Used when pyproject.toml's first author has no e-mail address (dpkg needs one).
FALLBACK_EMAIL = "maintainers@example.invalid"
# Loaded with dlopen/ctypes (not visible in NEEDED) or useful but optional.
RECOMMENDS = ["libzbar0"]
SUGGESTS = ["gnome-keyring"]
LDCONFIG_ARCH = {"amd64": "x86-64", "arm64": "AArch64", "i386": "libc6)", "armhf": "hard-float"}


class PackagingError(Exception):
    pass


def project() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    author = (data.get("authors") or [{}])[0]
    maintainer = f"{author.get('name', data['name'])} <{author.get('email', FALLBACK_EMAIL)}>"
    homepage = next(iter(data.get("urls", {}).values()), "")
    return {
        "name": data["name"],
        "version": data["version"],
        "description": data["description"],
        "maintainer": maintainer,
        "homepage": homepage,
    }


def run(cmd: list[str], **kw: object) -> str:
    result = subprocess.run(cmd, check=False, capture_output=True, text=True, **kw)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise PackagingError(f"{' '.join(cmd)} failed: {result.stderr.strip()}")
    return str(result.stdout)


def dpkg_architecture() -> str:
    return run(["dpkg", "--print-architecture"]).strip()


# --- dependency discovery ----------------------------------------------------------------------


def elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as fh:
            if fh.read(4) == b"\x7fELF":
                yield path


def needed_libraries(elf: Path) -> set[str]:
    out = run(["readelf", "-d", "-W", str(elf)])
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


def glibc_versions(elf: Path) -> set[tuple[int, ...]]:
    out = run(["readelf", "-V", "-W", str(elf)])
    return {tuple(int(p) for p in v.split(".")) for v in re.findall(r"Name: GLIBC_([0-9.]+)", out)}


def ldconfig_paths(arch: str) -> dict[str, str]:
    """soname -> path of the system's copy for this architecture (``ldconfig -p``)."""
    tag = LDCONFIG_ARCH.get(arch, "")
    found: dict[str, str] = {}
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    for line in run([ldconfig, "-p"]).splitlines()[1:]:
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if not match:
            continue
        soname, flags, path = match.groups()
        if tag and tag not in flags and not (arch == "i386" and "x86-64" not in flags):
            continue
        found.setdefault(soname, path)
    return found


def owning_package(path: str) -> str | None:
    real = os.path.realpath(path)
    candidates = {path, real}
    for p in list(candidates):  # merged /usr: the dpkg database may list either spelling
        candidates.add(p[4:] if p.startswith("/usr/") else "/usr" + p)
    for candidate in sorted(candidates):
        result = subprocess.run(
            ["dpkg", "-S", candidate], check=False, capture_output=True, text=True
        )
        if result.returncode == 0 and result.stdout:
            package = result.stdout.split(":", 1)[0].strip()
            return package.split(",")[0].strip()
    return None


def compute_depends(bundle: Path, arch: str | None = None) -> tuple[list[str], list[str]]:
    """(Depends entries, sonames nobody provides) for the bundle's ELF files."""
    arch = arch or dpkg_architecture()
    provided = {p.name for p in bundle.rglob("*")}
    needed: set[str] = set()
    glibc: set[tuple[int, ...]] = set()
    for elf in elf_files(bundle):
        needed |= needed_libraries(elf)
        glibc |= glibc_versions(elf)
    system = ldconfig_paths(arch)
    packages: set[str] = set()
    missing: list[str] = []
    for soname in sorted(needed - provided):
        path = system.get(soname)
        package = owning_package(path) if path else None
        if package is None:
            missing.append(soname)
        else:
            packages.add(package)
    depends = []
    for package in sorted(packages):
        if package == "libc6" and glibc:
            depends.append(f"libc6 (>= {'.'.join(map(str, max(glibc)))})")
        else:
            depends.append(package)
    return depends, missing


# --- staging ----------------------------------------------------------------------------------


_SHARED_LIBRARY = re.compile(r"\.so(\.[0-9][0-9A-Za-z.]*)?$")  # libssl-x.so.1.1.1k too


def _normalise_permissions(tree: Path) -> None:
    """Folders and programs 0755, everything else 0644 (shared libraries are not programs)."""
    for path in [tree, *tree.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir() or (mode & stat.S_IXUSR and not _SHARED_LIBRARY.search(path.name)):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def runpath(elf: Path) -> str:
    out = run(["readelf", "-d", "-W", str(elf)])
    match = re.search(r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]*)\]", out)
    return match.group(1) if match else ""


def drop_build_machine_runpaths(tree: Path) -> list[Path]:
    """Remove RUNPATHs that name folders of the build machine (e.g. a pyenv Python's lib/).

    They point outside the bundle, so at best they are dead and at worst they load libraries
    from a folder that exists on the user's machine. ``$ORIGIN``-relative ones (auditwheel) stay.
    """
    changed = []
    patchelf = shutil.which("patchelf")
    for elf in elf_files(tree):
        entries = [e for e in runpath(elf).split(":") if e]
        foreign = [e for e in entries if not e.startswith("$ORIGIN")]
        if not foreign:
            continue
        if patchelf is None:
            raise PackagingError(
                f"{elf.name} has the build machine's RUNPATH {':'.join(foreign)}: "
                "install patchelf (apt-get install patchelf)"
            )
        kept = [e for e in entries if e.startswith("$ORIGIN")]
        if kept:
            run([patchelf, "--set-rpath", ":".join(kept), str(elf)])
        else:
            run([patchelf, "--remove-rpath", str(elf)])
        changed.append(elf)
    return changed


def _install(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def stage_desktop_files(share: Path) -> None:
    """The .desktop entry, AppStream metadata and icons under ``share`` (a usr/share folder)."""
    _install(
        RESOURCES / f"{APP_ID}.desktop",
        share / "applications" / f"{APP_ID}.desktop",
    )
    _install(
        RESOURCES / f"{APP_ID}.metainfo.xml",
        share / "metainfo" / f"{APP_ID}.metainfo.xml",
    )
    icons = RESOURCES / "icons"
    for size in ICON_SIZES:
        _install(
            icons / f"desktop-authenticator-{size}.png",
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
        )
    _install(
        icons / "desktop-authenticator.svg",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    )


def _gzip(data: bytes) -> bytes:
    """gzip -9n: maximal compression, no name or time stamp (reproducible, as lintian asks)."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def changelog_version(changelog: str) -> str:
    match = re.match(r"\S+ \(([^)]+)\)", changelog)
    if not match:
        raise PackagingError("packaging/debian/changelog does not start with an entry")
    return match.group(1)


def stage_docs(usr: Path, meta: dict[str, str]) -> None:
    """copyright, changelog.Debian.gz, the man page and the lintian overrides under ``usr``."""
    name = meta["name"]
    changelog = (DEBIAN_FILES / "changelog").read_text(encoding="utf-8")
    version = f"{meta['version']}-{DEB_REVISION}"
    if changelog_version(changelog) != version:
        raise PackagingError(
            f"packaging/debian/changelog's newest entry is {changelog_version(changelog)}, "
            f"the package is {version}: add an entry for it"
        )
    doc = usr / "share" / "doc" / name
    doc.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DEBIAN_FILES / "copyright", doc / "copyright")
    (doc / "changelog.Debian.gz").write_bytes(_gzip(changelog.encode("utf-8")))
    if str(ROOT / "packaging") not in sys.path:
        sys.path.insert(0, str(ROOT / "packaging"))
    import manpage  # packaging/manpage.py: the man page from the argparse parser

    man1 = usr / "share" / "man" / "man1"
    man1.mkdir(parents=True, exist_ok=True)
    (man1 / f"{name}.1.gz").write_bytes(_gzip(manpage.render().encode("utf-8")))
    overrides = usr / "share" / "lintian" / "overrides"
    overrides.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DEBIAN_FILES / "lintian-overrides", overrides / name)


def _md5sums(staging: Path) -> str:
    lines = []
    for path in sorted(staging.rglob("*")):
        if (
            path.is_symlink()
            or not path.is_file()
            or path.relative_to(staging).parts[0] == "DEBIAN"
        ):
            continue
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {path.relative_to(staging).as_posix()}\n")
    return "".join(lines)


def _control(meta: dict[str, str], arch: str, depends: Iterable[str], installed_kb: int) -> str:
    long_description = (
        " Generates TOTP, HOTP and Steam Guard codes, scans QR codes from the webcam,\n"
        " image files, the screen and the clipboard, imports authenticator backups\n"
        " and turns on two-factor authentication for emnify portal accounts. The\n"
        " accounts are kept in an encrypted vault whose key lives in the system\n"
        " keyring (Secret Service) or behind a password."
    )
    fields = {
        "Package": meta["name"],
        "Version": f"{meta['version']}-{DEB_REVISION}",
        "Architecture": arch,
        "Maintainer": meta["maintainer"],
        "Installed-Size": str(installed_kb),
        "Depends": ", ".join(depends),
        "Recommends": ", ".join(RECOMMENDS),
        "Suggests": ", ".join(SUGGESTS),
        "Section": "utils",
        "Priority": "optional",
        "Homepage": meta["homepage"],
        "Description": "two-factor authenticator with QR scanning and emnify portal support\n"
        + long_description,
    }
    return "".join(f"{k}: {v}\n" for k, v in fields.items() if v)


# dpkg-deb compression: xz -6 is the smallest (84 MiB here) but takes ~3.5 min on 2 cores.
# "fast" (the smoke test's) is gzip -1: lintian (Debian 12) rejects zstd members as a malformed
# archive, and on the 309 MiB bundle gzip -1 took 28 s (131 MiB) against zstd -9's 38 s (102 MiB).
COMPRESSION = {"best": ["-Zxz", "-z6"], "fast": ["-Zgzip", "-z1"]}


def build_deb(
    bundle: Path,
    out_dir: Path,
    *,
    allow_missing: bool = False,
    compression: str = "best",
    work: Path | None = None,
) -> Path:
    meta = project()
    arch = dpkg_architecture()
    executable = bundle / meta["name"]
    if not executable.is_file():
        raise PackagingError(f"{executable} not found: freeze the app first (packaging/release.py)")
    depends, missing = compute_depends(bundle, arch)
    if missing and not allow_missing:
        raise PackagingError(
            "no installed Debian package provides "
            + ", ".join(missing)
            + ": install them on the build machine (or pass --allow-missing)"
        )

    staging = (
        (work or ROOT / "build") / "deb" / f"{meta['name']}_{meta['version']}-{DEB_REVISION}_{arch}"
    )
    if staging.exists():
        shutil.rmtree(staging)
    shutil.copytree(bundle, staging / INSTALL_DIR, symlinks=True)
    usr = staging / "usr"
    (usr / "bin").mkdir(parents=True)
    (usr / "bin" / meta["name"]).symlink_to(f"/{INSTALL_DIR}/{meta['name']}")
    stage_desktop_files(usr / "share")
    stage_docs(usr, meta)
    drop_build_machine_runpaths(staging / INSTALL_DIR)
    _normalise_permissions(staging)

    installed_kb = sum(
        (p.lstat().st_size + 1023) // 1024 for p in staging.rglob("*") if not p.is_dir()
    )
    debian = staging / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(_control(meta, arch, depends, installed_kb), encoding="utf-8")
    (debian / "md5sums").write_text(_md5sums(staging), encoding="utf-8")  # for dpkg --verify
    (debian / "md5sums").chmod(0o644)

    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{staging.name}.deb"
    run(
        [
            "dpkg-deb",
            "--root-owner-group",
            *COMPRESSION[compression],
            "--build",
            str(staging),
            str(deb),
        ]
    )
    shutil.rmtree(staging)
    return deb


def build_tarball(
    bundle: Path, out_dir: Path, depends: Iterable[str] = (), work: Path | None = None
) -> Path:
    """``desktop-authenticator-<version>-linux-<machine>.tar.gz``: the bundle plus share/."""
    meta = project()
    machine = os.uname().machine
    top = f"{meta['name']}-{meta['version']}"
    staging = (work or ROOT / "build") / "tarball" / top
    if staging.parent.exists():
        shutil.rmtree(staging.parent)
    shutil.copytree(bundle, staging, symlinks=True)
    drop_build_machine_runpaths(staging)
    stage_desktop_files(staging / "share")
    packages = ", ".join(depends) or "(see the .deb's Depends)"
    (staging / "README.txt").write_text(
        f"Desktop Authenticator {meta['version']} - portable build for Linux ({machine})\n\n"
        f"Run ./{meta['name']} (no arguments opens the window; --help lists the commands;\n"
        f"--self-test checks this copy). On Debian/Ubuntu these system packages are needed:\n"
        f"{packages}\n"
        "Optional: libzbar0 (second QR decoder), a Secret Service keyring (gnome-keyring).\n"
        "To add a menu entry, copy share/ into ~/.local/share/ and set Exec= in the\n"
        "applications/*.desktop file to the full path of the program.\n",
        encoding="utf-8",
    )
    _normalise_permissions(staging)
    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{top}-linux-{machine}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=top)
    shutil.rmtree(staging.parent)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb and the portable tarball.")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / project()["name"])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--depends-only", action="store_true", help="print Depends and exit")
    parser.add_argument("--no-tarball", action="store_true")
    parser.add_argument("--allow-missing", action="store_true")
    parser.add_argument("--fast", action="store_true", help="quick gzip -1 compression of the .deb")
    args = parser.parse_args(argv)
    try:
        depends, missing = compute_depends(args.bundle)
        if args.depends_only:
            print("Depends: " + ", ".join(depends))
            if missing:
                print("not provided by any installed package: " + ", ".join(missing))
            return 1 if missing else 0
        deb = build_deb(
            args.bundle,
            args.out,
            allow_missing=args.allow_missing,
            compression="fast" if args.fast else "best",
        )
        print(f"built {deb} ({deb.stat().st_size / 2**20:.1f} MiB)")
        if not args.no_tarball:
            archive = build_tarball(args.bundle, args.out, depends)
            print(f"built {archive} ({archive.stat().st_size / 2**20:.1f} MiB)")
    except PackagingError as exc:
        print(f"build_deb: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
