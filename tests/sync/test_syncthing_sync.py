"""Two computers syncing through two real Syncthing daemons on loopback (issue 21's engine tests).

Each computer is the real command line on its own data dir, using its daemon's copy of the folder.
Syncthing itself carries the file and makes the conflict copies.
"""

from __future__ import annotations

import hashlib
import signal
import time
from pathlib import Path

import pytest

from desktop_app.sync import FOLDER_FILE
from desktop_app.sync.folder import scan
from tests.sync.helpers import Computer, otpauth
from tests.sync.syncthing import SyncthingPair, wait_for
from tests.sync.test_sync_cli import edit_issuer, history_of

pytestmark = pytest.mark.sync_engine


def digest(folder: Path) -> str:
    try:
        return hashlib.sha256((folder / FOLDER_FILE).read_bytes()).hexdigest()
    except OSError:
        return ""


def in_step(pair: SyncthingPair) -> bool:
    """Both copies of the folder hold the same vault file and no conflict copy."""
    a, b = digest(pair.a.folder), digest(pair.b.folder)
    return bool(a) and a == b and not scan(pair.a.folder).copies and not scan(pair.b.folder).copies


@pytest.fixture
def computers(syncthing_pair: SyncthingPair, tmp_path: Path) -> tuple[Computer, Computer]:
    """The laptop set up with one account, the desktop joined: both in step."""
    laptop = Computer("laptop", tmp_path / "laptop", syncthing_pair.a.folder)
    desktop = Computer("desktop", tmp_path / "desktop", syncthing_pair.b.folder)
    laptop.ok("add", otpauth("GitHub"))
    laptop.setup()
    wait_for(lambda: digest(desktop.folder) == digest(laptop.folder), 20, "the vault on B")
    desktop.join()
    wait_for(lambda: in_step(syncthing_pair), 20, "the joined vault back on A")
    return laptop, desktop


def carried(pair: SyncthingPair) -> None:
    """Wait until Syncthing has made both copies of the folder alike (conflict copies too)."""
    wait_for(
        lambda: (
            digest(pair.a.folder) == digest(pair.b.folder)
            and {c.path.name for c in scan(pair.a.folder).copies}
            == {c.path.name for c in scan(pair.b.folder).copies}
        ),
        30,
        "Syncthing to carry the folder",
    )


def converge(pair: SyncthingPair, laptop: Computer, desktop: Computer, rounds: int = 4) -> None:
    """Each computer in turn merges what its folder holds (as the window does when the folder
    changes), until a round changes nothing."""
    for _ in range(rounds):
        carried(pair)
        before = digest(pair.a.folder)
        had_copies = bool(scan(pair.a.folder).copies)
        laptop.ok("sync", "now")
        carried(pair)
        desktop.ok("sync", "now")
        carried(pair)
        if not had_copies and digest(pair.a.folder) == before and in_step(pair):
            return
    raise AssertionError("the two computers did not converge")


def test_an_add_on_a_appears_on_b(syncthing_pair, computers) -> None:
    laptop, desktop = computers
    laptop.ok("add", otpauth("Added"))  # the command writes the folder
    wait_for(lambda: digest(desktop.folder) == digest(laptop.folder), 20, "the add on B")
    desktop.ok("sync", "now")
    assert desktop.issuers() == ["Added", "GitHub"]
    assert desktop.status()["last_change"]["device"] == "laptop"


def test_concurrent_edits_while_apart_converge_with_the_loser_in_history(
    syncthing_pair, computers
) -> None:
    laptop, desktop = computers
    uuid = laptop.accounts()[0]["id"]
    syncthing_pair.pause()
    edit_issuer(laptop, uuid, "GitHub work")
    laptop.ok("sync", "now")
    edit_issuer(desktop, uuid, "GitHub home")  # the later edit
    desktop.ok("sync", "now")
    syncthing_pair.resume()
    # Syncthing itself makes the conflict copy (maxConflicts 10)
    wait_for(
        lambda: scan(laptop.folder).copies or scan(desktop.folder).copies,
        30,
        "Syncthing's conflict copy",
    )
    converge(syncthing_pair, laptop, desktop)
    assert laptop.issuers() == desktop.issuers() == ["GitHub home"]
    assert "GitHub work" in history_of(laptop, uuid)
    assert "GitHub work" in history_of(desktop, uuid)
    for c in (laptop, desktop):
        assert "1 account changed on both computers" in c.ok("sync", "status")
    moved = [
        p for c in (laptop, desktop) for p in (c.data_dir / "sync" / "conflict-copies").glob("*")
    ]
    assert moved, "the conflict copy is kept in a backup folder"


def test_delete_on_a_against_a_later_edit_on_b(syncthing_pair, computers) -> None:
    laptop, desktop = computers
    laptop.ok("add", otpauth("Other"))
    wait_for(lambda: in_step(syncthing_pair), 20, "the add on B")
    desktop.ok("sync", "now")
    uuid = next(a["id"] for a in laptop.accounts() if a["issuer"] == "GitHub")
    syncthing_pair.pause()
    laptop.ok("remove", uuid)
    edit_issuer(desktop, uuid, "GitHub edited")  # newer than the deletion: brings it back
    desktop.ok("sync", "now")
    syncthing_pair.resume()
    converge(syncthing_pair, laptop, desktop)
    assert laptop.issuers() == desktop.issuers() == ["GitHub edited", "Other"]


def test_a_kill_during_a_merge_loses_nothing(syncthing_pair, computers) -> None:
    laptop, desktop = computers
    for i in range(5):
        desktop.ok("add", otpauth(f"FromB{i}"))
    wait_for(lambda: in_step(syncthing_pair), 20, "B's adds on A")
    for delay in (0.05, 0.2, 0.35, 0.5, 0.8):
        proc = laptop.popen("sync", "now")
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    laptop.ok("sync", "now")
    converge(syncthing_pair, laptop, desktop)
    expected = sorted(["GitHub", *(f"FromB{i}" for i in range(5))])
    assert laptop.issuers() == desktop.issuers() == expected


def test_the_folder_renamed_away_and_back(syncthing_pair, computers) -> None:
    laptop, desktop = computers
    away = laptop.folder.with_name("folder-a-away")
    laptop.folder.rename(away)
    laptop.ok("add", otpauth("WhileAway"))
    assert "not reachable" in laptop.ok("sync", "status")
    away.rename(laptop.folder)
    laptop.ok("sync", "now")
    assert laptop.status()["problem"] == ""
    wait_for(lambda: in_step(syncthing_pair), 30, "the add on B after the folder came back")
    desktop.ok("sync", "now")
    assert desktop.issuers() == ["GitHub", "WhileAway"]
