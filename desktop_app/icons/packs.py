"""Aegis icon packs: read one safely, keep it in the data folder, find the icon of an issuer.

An icon pack (Aegis's docs/iconpacks.md) is a .zip with ``pack.json``::

    {"uuid": "...", "name": "Aegis Icons", "version": 12,
     "icons": [{"filename": "SVG/GitHub.svg", "name": "GitHub", "category": "Development",
                "issuer": ["github"]}, ...]}

    library = IconLibrary(data_dir / "icons")
    pack = library.install(Path("aegis-icons.zip"))   # IconPackError: one line, nothing kept
    icon = library.match("GitHub")                     # desktop_app.otp.model.Icon or None

Reading is bounded: the zip's size, its number of members, each icon's bytes and the total are
capped, and sizes are counted while decompressing (the zip's headers are not trusted). Names in
``pack.json`` must be plain relative paths inside the zip (no ``..``, no absolute path, no
backslash); members that are links or encrypted are refused. Icons are stored under names of
our own (``0.svg``, ``1.png`` ...) with an ``index.json``, in ``icons/{uuid}/{version}/``; an
SVG is kept only as :func:`~desktop_app.icons.svg.sanitise_svg` rewrote it.

Matching is Aegis's (``IconPack.Icon.getMatchFor``): case-insensitive; an icon whose issuer
contains the account's issuer matches first, one whose issuer the account's issuer contains
after it. Here an equal issuer comes before both, so "Google" picks "google" over "google
cloud".
"""

from __future__ import annotations

import io
import json
import logging
import os
import secrets
import shutil
import stat
import uuid as _uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.errors import AppError
from desktop_app.files import read_limited
from desktop_app.i18n import N_
from desktop_app.icons.svg import PictureRefused, sanitise_svg
from desktop_app.otp.model import MAX_ICON_BYTES, Icon
from desktop_app.paths import private_dir

log = logging.getLogger(__name__)

MAX_PACK_BYTES = 64 * 2**20  # the .zip (aegis-icons' release: ~10 MB)
MAX_PACK_MEMBERS = 20_000  # members in the zip's directory
MAX_PACK_ICONS = 10_000  # icons listed in pack.json (aegis-icons: ~1,500)
MAX_PACK_JSON_BYTES = 8 * 2**20
MAX_PACK_TOTAL = 128 * 2**20  # every icon, decompressed
MAX_RASTER_SIDE = 2048  # pixels of a PNG icon
MAX_TEXT_CHARS = 256  # a pack's or an icon's name, a category, one issuer
MAX_ISSUERS = 64
#: Aegis's IconType, by file name ending
MIMES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
INDEX = "index.json"
_CHUNK = 64 * 1024


class IconPackError(AppError):
    """An icon pack cannot be imported (or removed); the message is one line."""


@dataclass(frozen=True)
class PackIcon:
    """One icon of an installed pack."""

    pack: str  # the pack's uuid
    path: Path  # the stored (sanitised) file
    name: str
    category: str
    issuers: tuple[str, ...]

    @property
    def mime(self) -> str:
        return MIMES[self.path.suffix]

    def load(self) -> Icon | None:
        """The picture, ready for an Entry (None when the file went missing or grew)."""
        try:
            with open(self.path, "rb") as fh:
                data = fh.read(MAX_ICON_BYTES + 1)
        except OSError:
            return None
        return Icon(self.mime, data) if 0 < len(data) <= MAX_ICON_BYTES else None


@dataclass(frozen=True)
class InstalledPack:
    uuid: str
    name: str
    version: int
    icons: tuple[PackIcon, ...]
    folder: Path


# --- reading a pack ---------------------------------------------------------------------------


def _text(value: Any, what: str, *, optional: bool = False) -> str:
    if value is None and optional:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT_CHARS or (not value and not optional):
        raise IconPackError(N_("pack.json is not an icon pack: {what} is wrong.", what=what))
    return value


def safe_member_name(name: str) -> bool:
    """A plain relative path inside the zip: no ``..``, no absolute path, no drive, no
    backslash, no control character (a "zip slip" never gets a file name of ours anyway)."""
    if not name or len(name) > 1024 or name.startswith("/") or "\\" in name:
        return False
    if any(ord(c) < 32 for c in name) or (len(name) > 1 and name[1] == ":"):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


@dataclass(frozen=True)
class _Listed:
    filename: str
    name: str
    category: str
    issuers: tuple[str, ...]


def looks_like_pack(path: str | Path) -> bool:
    """True when ``path`` is a zip with ``pack.json`` at its top: an icon pack, not a backup
    (dropped on the window, it is offered for installing). Reads only the zip's directory;
    never raises."""
    try:
        with zipfile.ZipFile(path) as zf:
            return any(info.filename == "pack.json" for info in zf.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def parse_pack_json(data: bytes) -> tuple[str, str, int, list[_Listed]]:
    """(uuid, name, version, icons) of a ``pack.json``, or IconPackError."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise IconPackError(N_("pack.json is not UTF-8 text.")) from None
    except json.JSONDecodeError as exc:
        raise IconPackError(
            N_("pack.json is not valid JSON (line {line}: {msg}).", line=exc.lineno, msg=exc.msg)
        ) from None
    if not isinstance(doc, dict):
        raise IconPackError(N_("pack.json is not an icon pack: it holds no object."))
    try:
        pack_uuid = str(_uuid.UUID(_text(doc.get("uuid"), "uuid")))
    except ValueError:
        raise IconPackError(N_("pack.json is not an icon pack: uuid is wrong.")) from None
    name = _text(doc.get("name"), "name").strip()
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 0 <= version < 2**31:
        raise IconPackError(N_("pack.json is not an icon pack: version is wrong."))
    icons = doc.get("icons")
    if not isinstance(icons, list) or len(icons) > MAX_PACK_ICONS:
        raise IconPackError(
            N_(
                "pack.json is not an icon pack: icons is not a list of at most {n}.",
                n=MAX_PACK_ICONS,
            )
        )
    listed = []
    for raw in icons:
        if not isinstance(raw, dict):
            raise IconPackError(N_("pack.json is not an icon pack: an icon is not an object."))
        filename = _text(raw.get("filename"), "an icon's filename")
        if not safe_member_name(filename):
            raise IconPackError(
                N_(
                    "The pack names a file outside itself: {name}.",
                    name=filename[:80],
                )
            )
        issuers = raw.get("issuer")
        if issuers is None:
            issuers = []
        if not isinstance(issuers, list) or len(issuers) > MAX_ISSUERS:
            raise IconPackError(
                N_("pack.json is not an icon pack: issuer of {name} is wrong.", name=filename[:80])
            )
        stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        listed.append(
            _Listed(
                filename,
                _text(raw.get("name"), "an icon's name", optional=True) or stem,
                _text(raw.get("category"), "an icon's category", optional=True),
                tuple(_text(i, "an issuer") for i in issuers),
            )
        )
    return pack_uuid, name, version, listed


def _read_member(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The member's bytes, counted while decompressing: IconPackError past ``limit``."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise IconPackError(
            N_("pack.json names {name}, which is not in the pack.", name=name[:80])
        ) from None
    if stat.S_ISLNK(info.external_attr >> 16) or info.flag_bits & 0x1 or info.is_dir():
        raise IconPackError(
            N_("{name} in the pack is a link, a folder or encrypted.", name=name[:80])
        )
    out = bytearray()
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                out += chunk
                if len(out) > limit:
                    raise IconPackError(
                        N_(
                            "{name} in the pack is larger than {kb} KB once unpacked.",
                            name=name[:80],
                            kb=limit // 1024,
                        )
                    )
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise IconPackError(
            N_("{name} in the pack is damaged ({error}).", name=name[:80], error=type(exc).__name__)
        ) from None
    return bytes(out)


def clean_picture(data: bytes, suffix: str) -> bytes:
    """The icon as it is kept: SVG rewritten safely, PNG/JPEG checked to be what they say;
    :class:`PictureRefused` (its ``reason``) when it cannot be kept."""
    if suffix == ".svg":
        clean = sanitise_svg(data)
        if len(clean) > MAX_ICON_BYTES:  # written out again, it may grow a little
            raise PictureRefused(N_("it is larger than {kb} KB", kb=MAX_ICON_BYTES // 1024))
        return clean
    if suffix == ".png":
        if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
            raise PictureRefused(N_("it is not a PNG picture"))
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        if not (0 < width <= MAX_RASTER_SIDE and 0 < height <= MAX_RASTER_SIDE):
            raise PictureRefused(
                N_("it is {w}×{h} pixels, more than {m}×{m}", w=width, h=height, m=MAX_RASTER_SIDE)
            )
        return data
    if not data.startswith(b"\xff\xd8\xff"):
        raise PictureRefused(N_("it is not a JPEG picture"))
    return data


def picture_suffix(filename: str) -> str:
    """The kind of picture a file name says (".svg", ".png" or ".jpg" for .jpg and .jpeg), or ""
    when it is none of those."""
    suffix = os.path.splitext(filename)[1].lower()
    suffix = ".jpg" if suffix == ".jpeg" else suffix
    return suffix if suffix in MIMES else ""


def icon_from_file(path: Path) -> Icon:
    """An account icon from a picture file of the person's (SVG, PNG, JPEG; cleaned as pack
    icons are), or IconPackError in one line."""
    suffix = picture_suffix(path.name)
    if not suffix:
        raise IconPackError(N_("{name} is not an SVG, PNG or JPEG file.", name=path.name[:80]))
    data = read_limited(path, MAX_ICON_BYTES, IconPackError, kind="picture")
    try:
        return Icon(MIMES[suffix], clean_picture(data, suffix))
    except PictureRefused as exc:
        raise IconPackError(
            N_(
                "{name} cannot be used as an icon: {reason}.",
                name=path.name[:80],
                reason=exc.reason,
            )
        ) from None


@dataclass(frozen=True)
class PackContent:
    uuid: str
    name: str
    version: int
    icons: list[tuple[_Listed, str, bytes]]  # (listing, suffix, cleaned bytes)


def read_pack(data: bytes) -> PackContent:
    """Everything of a pack (its bytes), checked and cleaned, or IconPackError (one line)."""
    if len(data) > MAX_PACK_BYTES:
        raise IconPackError(N_("The pack is larger than {mb} MB.", mb=MAX_PACK_BYTES // 2**20))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise IconPackError(
            N_("This is not an icon pack: an Aegis icon pack is a .zip file with a pack.json.")
        ) from None
    with zf:
        if len(zf.infolist()) > MAX_PACK_MEMBERS:
            raise IconPackError(N_("The pack holds more than {n} files.", n=MAX_PACK_MEMBERS))
        if "pack.json" not in zf.namelist():
            raise IconPackError(N_("This zip file has no pack.json: it is not an Aegis icon pack."))
        pack_uuid, name, version, listed = parse_pack_json(
            _read_member(zf, "pack.json", MAX_PACK_JSON_BYTES)
        )
        total = 0
        seen: dict[str, tuple[str, bytes]] = {}
        icons = []
        for item in listed:
            suffix = picture_suffix(item.filename)
            if not suffix:
                raise IconPackError(
                    N_(
                        "{name} in the pack is not an SVG, PNG or JPEG file.",
                        name=item.filename[:80],
                    )
                )
            if item.filename not in seen:
                raw = _read_member(zf, item.filename, MAX_ICON_BYTES)
                total += len(raw)
                if total > MAX_PACK_TOTAL:
                    raise IconPackError(
                        N_("The pack unpacks to more than {mb} MB.", mb=MAX_PACK_TOTAL // 2**20)
                    )
                try:
                    seen[item.filename] = (suffix, clean_picture(raw, suffix))
                except PictureRefused as exc:
                    raise IconPackError(
                        N_(
                            "{name} in the pack was refused: {reason}.",
                            name=item.filename[:80],
                            reason=exc.reason,
                        )
                    ) from None
            icons.append((item, *seen[item.filename]))
    return PackContent(pack_uuid, name, version, icons)


# --- the installed packs ------------------------------------------------------------------------


def _rank(issuer: str, icon: PackIcon) -> tuple[int, int] | None:
    """(0, 0) an equal issuer, (1, 0) the icon's issuer contains the account's, (2, -length)
    the account's issuer contains the icon's (the longest, most specific, first), or None."""
    best: tuple[int, int] | None = None
    for candidate in icon.issuers:
        c = candidate.strip().lower()  # aegis-icons has "IFTTT "
        if not c:
            continue
        if c == issuer:
            return (0, 0)
        rank = (1, 0) if issuer in c else (2, -len(c)) if c in issuer else None
        if rank is not None and (best is None or rank < best):
            best = rank
    return best


def suggest(icons: Sequence[PackIcon], issuer: str) -> list[PackIcon]:
    """The icons whose issuer list matches ``issuer``, best first (none for "").

    Among equally good direct matches the one listed *last* comes first, as in Aegis
    (``getSuggestedIcons`` puts each direct match at the front): aegis-icons lists its
    ``SVG/.Outdated/`` and ``SVG/.Variations/`` icons before the current ones."""
    key = issuer.strip().lower()
    if not key:
        return []
    ranked = []
    for i, icon in enumerate(icons):
        rank = _rank(key, icon)
        if rank is not None:
            ranked.append(((*rank, -i if rank[0] < 2 else i), icon))
    return [icon for _key, icon in sorted(ranked, key=lambda t: t[0])]


class IconLibrary:
    """The icon packs kept in ``root`` (the data folder's ``icons``)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @classmethod
    def of(cls, data_dir: Path) -> IconLibrary:
        return cls(Path(data_dir) / "icons")

    def packs(self) -> list[InstalledPack]:
        """The installed packs by name (the newest version of each uuid)."""
        found: dict[str, InstalledPack] = {}
        try:
            folders = [p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")]
        except OSError:
            return []
        for folder in folders:
            for pack in self._versions(folder):
                if pack.uuid not in found or pack.version > found[pack.uuid].version:
                    found[pack.uuid] = pack
        return sorted(found.values(), key=lambda p: (p.name.lower(), p.uuid))

    def _versions(self, folder: Path) -> Iterable[InstalledPack]:
        try:
            versions = [v for v in folder.iterdir() if v.name.isdigit()]
        except OSError:
            return
        for v in versions:
            pack = self._load(v)
            if pack is not None:
                yield pack

    def _load(self, folder: Path) -> InstalledPack | None:
        try:
            with open(folder / INDEX, "rb") as fh:
                doc = json.loads(fh.read(MAX_PACK_JSON_BYTES))
            icons = tuple(
                PackIcon(
                    doc["uuid"], folder / i["file"], i["name"], i["category"], tuple(i["issuer"])
                )
                for i in doc["icons"]
                if safe_member_name(i["file"]) and os.path.splitext(i["file"])[1] in MIMES
            )
            return InstalledPack(doc["uuid"], doc["name"], int(doc["version"]), icons, folder)
        except (OSError, ValueError, KeyError, TypeError):
            log.warning("icon pack in %s is damaged; left out", folder)
            return None

    def icons(self) -> list[PackIcon]:
        return [icon for pack in self.packs() for icon in pack.icons]

    def suggest(self, issuer: str) -> list[PackIcon]:
        """The icons of every pack matching ``issuer``, best first (:func:`suggest`)."""
        return suggest(self.icons(), issuer)

    def match(self, issuer: str) -> Icon | None:
        """The picture of the best match for ``issuer``, or None."""
        for icon in self.suggest(issuer):
            picture = icon.load()
            if picture is not None:
                return picture
        return None

    def install_file(self, path: Path) -> InstalledPack:
        data = read_limited(
            path,
            MAX_PACK_BYTES,
            IconPackError,
            kind="icon pack",
            too_large=N_("The pack is larger than {mb} MB.", mb=MAX_PACK_BYTES // 2**20),
        )
        return self.install(data)

    def install(self, data: bytes) -> InstalledPack:
        """Check, clean and keep a pack (its zip bytes); a newer version of an installed pack
        replaces it. IconPackError when the same or a newer version is installed."""
        content = read_pack(data)
        for pack in self.packs():
            if pack.uuid != content.uuid:
                continue
            if pack.version == content.version:
                raise IconPackError(
                    N_(
                        "{name} version {version} is already installed.",
                        name=pack.name,
                        version=pack.version,
                    )
                )
            if pack.version > content.version:
                raise IconPackError(
                    N_(
                        "A newer version ({version}) of {name} is already installed.",
                        name=pack.name,
                        version=pack.version,
                    )
                )
        private_dir(self.root)
        staging = self.root / f".incoming-{secrets.token_hex(6)}"
        try:
            private_dir(staging)
            index = []
            stored: dict[bytes, str] = {}
            for n, (item, suffix, picture) in enumerate(content.icons):
                file = stored.get(picture)
                if file is None or not file.endswith(suffix):
                    file = f"{n}{suffix}"
                    (staging / file).write_bytes(picture)
                    stored[picture] = file
                index.append(
                    {
                        "file": file,
                        "name": item.name,
                        "category": item.category,
                        "issuer": list(item.issuers),
                    }
                )
            doc = {
                "uuid": content.uuid,
                "name": content.name,
                "version": content.version,
                "icons": index,
            }
            (staging / INDEX).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
            home = private_dir(self.root / content.uuid)
            target = home / str(content.version)
            if target.exists():  # left over by an interrupted remove
                shutil.rmtree(target)
            os.replace(staging, target)
        except OSError as exc:
            raise IconPackError(
                N_(
                    "The pack cannot be kept in {folder}: {error}.",
                    folder=str(self.root),
                    error=exc.strerror or type(exc).__name__,
                )
            ) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        for old in home.iterdir():
            if old != target:
                shutil.rmtree(old, ignore_errors=True)
        installed = self._load(target)
        assert installed is not None
        return installed

    def remove(self, pack_uuid: str) -> InstalledPack:
        """Delete an installed pack (every version); IconPackError when there is none."""
        for pack in self.packs():
            if pack.uuid == pack_uuid.strip().lower():
                try:
                    shutil.rmtree(pack.folder.parent)
                except OSError as exc:
                    raise IconPackError(
                        N_(
                            "{name} cannot be removed: {error}.",
                            name=pack.name,
                            error=exc.strerror or type(exc).__name__,
                        )
                    ) from None
                return pack
        raise IconPackError(
            N_("No icon pack with the uuid {uuid} is installed.", uuid=pack_uuid[:80])
        )
