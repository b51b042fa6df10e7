"""Icon packs (Aegis's format): :mod:`desktop_app.icons.packs` reads, keeps and matches them;
:mod:`desktop_app.icons.svg` makes their SVG pictures safe."""

from __future__ import annotations

from desktop_app.icons.packs import (
    IconLibrary,
    IconPackError,
    InstalledPack,
    PackIcon,
    looks_like_pack,
)

__all__ = ["IconLibrary", "IconPackError", "InstalledPack", "PackIcon", "looks_like_pack"]
