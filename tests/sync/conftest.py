"""Sync fixtures: two real Syncthing daemons on loopback (tests/sync/syncthing.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.syncthing import SYNCTHING, SyncthingPair


@pytest.fixture
def syncthing_pair(tmp_path: Path) -> Iterator[SyncthingPair]:
    """Two connected daemons, ``pair.a`` and ``pair.b``, sharing ``pair.a.folder`` /
    ``pair.b.folder``; stopped afterwards. Tests using it are marked ``sync_engine``."""
    if SYNCTHING is None:
        pytest.fail("syncthing is not installed (scripts/run-tests.sh installs it when root)")
    pair = SyncthingPair(tmp_path / "syncthing")
    pair.start()
    try:
        yield pair
    finally:
        pair.stop()
