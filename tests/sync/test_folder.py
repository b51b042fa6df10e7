"""The folder adapter: which names are the engines' conflict copies, which are temp files."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.sync import FOLDER_FILE
from desktop_app.sync.folder import (
    FolderUnreachable,
    conflict_copy,
    is_temp_name,
    move_to_backup,
    scan,
)

STEM = "desktop-authenticator-vault"


@pytest.mark.parametrize(
    ("name", "engine", "origin", "when"),
    [
        (
            f"{STEM}.sync-conflict-20261207-153602-LYULD5M.json",
            "syncthing",
            "LYULD5M",
            "20261207-153602",
        ),
        (f"{STEM} (conflicted copy 2026-12-07 153602).json", "nextcloud", "", "2026-12-07 153602"),
        (
            f"{STEM} (conflicted copy jane 2026-12-07 153602).json",
            "nextcloud",
            "jane",
            "2026-12-07 153602",
        ),
        (f"{STEM}_conflict-20261207-153602.json", "nextcloud", "", "20261207-153602"),
        (f"{STEM} (laptop's conflicted copy 2026-12-07).json", "dropbox", "laptop", "2026-12-07"),
        (
            f"{STEM} (Jane Doe's conflicted copy 2026-12-07 1).json",
            "dropbox",
            "Jane Doe",
            "2026-12-07",
        ),
        (f"{STEM} (conflicted copy 2026-12-07).json", "dropbox", "", "2026-12-07"),
    ],
)
def test_the_engines_conflict_copies_are_recognised(name, engine, origin, when) -> None:
    copy = conflict_copy(Path("/f") / name)
    assert copy is not None
    assert (copy.engine, copy.origin, copy.when) == (engine, origin, when)


@pytest.mark.parametrize(
    "name",
    [
        FOLDER_FILE,
        f"{STEM}.sync-conflict-2026127-153602-LYULD5M.json",  # a digit short
        f"{STEM}.sync-conflict-20261207-153602-lyuld5m.json",  # Syncthing ids are upper case
        f"{STEM}.sync-conflict-20261207-153602-LYULD5M.txt",  # another extension
        "other.sync-conflict-20261207-153602-LYULD5M.json",  # another file's copy
        f"{STEM} (conflicted copy 2026-1207).json",
        f"{STEM}.json.sync-conflict-20261207-153602-LYULD5M",
        "notes (laptop's conflicted copy 2026-12-07).json",
        f"{STEM} copy.json",
    ],
)
def test_other_names_are_not_conflict_copies(name: str) -> None:
    assert conflict_copy(Path("/f") / name) is None


@pytest.mark.parametrize(
    "name",
    [
        f".syncthing.{FOLDER_FILE}.tmp",
        f"~syncthing~{FOLDER_FILE}.tmp",
        f".{FOLDER_FILE}.~1a2b3c",
        f".{FOLDER_FILE}.0badf00d.tmp",
        f".syncthing.{STEM}.sync-conflict-20261207-153602-LYULD5M.json.tmp",
    ],
)
def test_temp_names_are_ignored(name: str, tmp_path: Path) -> None:
    assert is_temp_name(name)
    (tmp_path / name).write_text("partial")
    found = scan(tmp_path)
    assert found.vault_file is None and found.copies == ()


def test_scan_finds_the_file_and_its_copies_and_skips_the_rest(tmp_path: Path) -> None:
    (tmp_path / FOLDER_FILE).write_text("{}")
    st = tmp_path / f"{STEM}.sync-conflict-20261207-153602-LYULD5M.json"
    st.write_text("{}")
    nc = tmp_path / f"{STEM} (conflicted copy 2026-12-07 153602).json"
    nc.write_text("{}")
    (tmp_path / f".syncthing.{FOLDER_FILE}.tmp").write_text("")
    (tmp_path / "notes.txt").write_text("")
    found = scan(tmp_path)
    assert found.vault_file == tmp_path / FOLDER_FILE
    assert sorted(c.path for c in found.copies) == sorted([st, nc])
    assert {c.engine for c in found.copies} == {"syncthing", "nextcloud"}


def test_a_missing_folder_is_unreachable(tmp_path: Path) -> None:
    with pytest.raises(FolderUnreachable):
        scan(tmp_path / "gone")


def test_copies_are_moved_to_the_backup_folder_never_deleted(tmp_path: Path) -> None:
    name = f"{STEM}.sync-conflict-20261207-153602-LYULD5M.json"
    backups = tmp_path / "backups"
    first = tmp_path / "sync" / name
    first.parent.mkdir()
    first.write_text("one")
    moved = move_to_backup(first, backups)
    first.write_text("two")  # the same name again, later
    moved_again = move_to_backup(first, backups)
    assert not first.exists()
    assert moved.read_text() == "one" and moved_again.read_text() == "two"
    assert moved != moved_again and moved_again.parent == backups
