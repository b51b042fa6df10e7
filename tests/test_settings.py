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


def _setting_names_used_in_code() -> list[tuple[str, int, str]]:
    """Every setting name the app's code spells out: ``<...>settings.get/set/reset("name")``
    calls, and the names compared in ``_apply_setting`` handlers."""
    import ast

    root = Path(__file__).resolve().parents[1] / "desktop_app"
    found: list[tuple[str, int, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        where = str(path.relative_to(root))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("get", "set", "reset")
                and ast.unparse(node.func.value).split(".")[-1] == "settings"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((where, node.lineno, node.args[0].value))
            if isinstance(node, ast.FunctionDef) and node.name == "_apply_setting":
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Compare) and ast.unparse(sub.left) == "name":
                        for c in sub.comparators:
                            if isinstance(c, ast.Constant) and isinstance(c.value, str):
                                found.append((where, sub.lineno, c.value))
    return found


def test_every_setting_name_in_the_code_is_declared() -> None:
    used = _setting_names_used_in_code()
    assert len(used) > 20  # the scan finds the app's uses (it would pass vacuously otherwise)
    unknown = [f"{where}:{line}: {name!r}" for where, line, name in used if name not in BY_NAME]
    assert unknown == []


def test_unknown_name_is_refused_with_its_name(tmp_path: Path) -> None:
    s = Settings(tmp_path)
    with pytest.raises(SettingError, match="sort_ordr"):
        s.get("sort_ordr")
    with pytest.raises(SettingError, match="sort_ordr"):
        s.set("sort_ordr", "name")
    assert not (tmp_path / Settings.FILE).exists()
