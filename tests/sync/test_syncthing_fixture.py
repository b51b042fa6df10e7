"""The two-daemon fixture itself: a plain file written on A arrives on B, and a pause holds it."""

from __future__ import annotations

import os

import pytest

from tests.sync.syncthing import SyncthingPair, wait_for

pytestmark = pytest.mark.sync_engine


def test_a_plain_file_written_on_a_appears_on_b(syncthing_pair: SyncthingPair) -> None:
    data = os.urandom(4096)
    (syncthing_pair.a.folder / "plain.bin").write_bytes(data)
    wait_for(
        lambda: (syncthing_pair.b.folder / "plain.bin").read_bytes() == data,
        20,
        "the file on B",
    )


def test_a_paused_peer_gets_the_file_only_after_resume(syncthing_pair: SyncthingPair) -> None:
    syncthing_pair.pause()
    (syncthing_pair.a.folder / "held.txt").write_text("while apart")
    syncthing_pair.a.rescan()
    assert not (syncthing_pair.b.folder / "held.txt").exists()
    syncthing_pair.resume()
    wait_for(
        lambda: (syncthing_pair.b.folder / "held.txt").read_text() == "while apart",
        20,
        "the held file on B after resume",
    )
