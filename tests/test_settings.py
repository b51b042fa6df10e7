"""Settings are declared once; values validate and persist without secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.settings import BY_NAME, SETTINGS, SettingError, Settings, sections


def test_every_setting_is_fully_declared() -> None:
    assert len(BY_NAME) == len(SETTINGS)
    for s in SETTINGS:
        assert s.label and s.description and s.section
        assert s.coerce(s.default) == s.default
    assert sections()[0] == "General"


def test_values_persist(tmp_path: Path) -> None:
    s = Settings(tmp_path)
    assert s.get("clipboard_clear_seconds") == 30
    s.set("clipboard_clear_seconds", 5)
    s.set("sort_order", "name")
    again = Settings(tmp_path)
    assert again.get("clipboard_clear_seconds") == 5 and again.get("sort_order") == "name"


@pytest.mark.parametrize(
    "name,value",
    [
        ("clipboard_clear_seconds", -1),
        ("clipboard_clear_seconds", "10"),
        ("clipboard_clear_seconds", True),
        ("sort_order", "random"),
        ("show_next_code", 1),
        ("portal_url", "ftp://x"),
    ],
)
def test_invalid_values_refused(tmp_path: Path, name: str, value: object) -> None:
    s = Settings(tmp_path)
    with pytest.raises(SettingError):
        s.set(name, value)
    assert s.get(name) == BY_NAME[name].default


def test_damaged_file_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / Settings.FILE).write_text(json.dumps({"clipboard_clear_seconds": "x", "y": 1}))
    assert Settings(tmp_path).get("clipboard_clear_seconds") == 30
    (tmp_path / Settings.FILE).write_text("{{{")
    assert Settings(tmp_path).get("sort_order") == "custom"


def test_listeners_hear_changes(tmp_path: Path) -> None:
    s = Settings(tmp_path)
    heard: list[tuple[str, object]] = []
    s.add_listener(lambda n, v: heard.append((n, v)))
    s.set("theme", "dark")
    s.set("theme", "dark")
    assert heard == [("theme", "dark")]
