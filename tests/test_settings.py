"""Settings are declared once; values validate and persist without secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import desktop_app.settings as settings_module
from desktop_app.exporters import autobackup
from desktop_app.settings import (
    BY_NAME,
    CLIPBOARD_CLEAR_SECONDS,
    SETTINGS,
    SORT_ORDER,
    THEME,
    USAGE_COUNTS,
    Setting,
    SettingError,
    Settings,
    sections,
    setting,
)


def test_every_setting_is_fully_declared() -> None:
    assert len(BY_NAME) == len(SETTINGS)
    for s in SETTINGS:
        assert s.label and s.description and s.section
        assert s.coerce(s.default) == s.default
    assert sections()[0] == "General"


def test_values_persist(tmp_path: Path) -> None:
    s = Settings(tmp_path)
    assert s.value(CLIPBOARD_CLEAR_SECONDS) == 30
    s.set(CLIPBOARD_CLEAR_SECONDS, 5)
    s.set(SORT_ORDER, "name")
    again = Settings(tmp_path)
    assert again.value(CLIPBOARD_CLEAR_SECONDS) == 5 and again.value(SORT_ORDER) == "name"


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
        s.set(BY_NAME[name], value)
    assert s.value(BY_NAME[name]) == BY_NAME[name].default


def test_damaged_file_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / Settings.FILE).write_text(json.dumps({"clipboard_clear_seconds": "x", "y": 1}))
    assert Settings(tmp_path).value(CLIPBOARD_CLEAR_SECONDS) == 30
    (tmp_path / Settings.FILE).write_text("{{{")
    assert Settings(tmp_path).value(SORT_ORDER) == "custom"


def test_listeners_hear_changes(tmp_path: Path) -> None:
    s = Settings(tmp_path)
    heard: list[tuple[object, object]] = []
    s.add_listener(lambda which, v: heard.append((which, v)))
    s.set(THEME, "dark")
    s.set(THEME, "dark")
    assert heard == [(THEME, "dark")]  # the declared setting itself, not its name


# the functions that hear a changed setting (Settings.add_listener and the window's queued copy)
LISTENERS = ("_apply_setting", "_on_setting", "_on_setting_change")


def _setting_uses_in_code() -> tuple[int, list[str], list[tuple[str, int, str]]]:
    """Scan the app's code: how many ``<...>settings.value/set/reset(...)`` calls there are,
    those that pass a string name instead of a declared :class:`Setting` (``file:line``), and
    what the settings listeners (``_apply_setting``, ``_on_setting``...) compare the changed
    setting with."""
    import ast

    root = Path(__file__).resolve().parents[1] / "desktop_app"
    calls = 0
    stringly: list[str] = []
    compared: list[tuple[str, int, str]] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        where = str(path.relative_to(root))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("get", "value", "set", "reset")
                and ast.unparse(node.func.value).split(".")[-1] == "settings"
                and node.args
            ):
                calls += 1
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    stringly.append(f"{where}:{node.lineno}")
            if isinstance(node, ast.FunctionDef) and node.name in LISTENERS:
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Compare) and ast.unparse(sub.left) == "which":
                        for c in sub.comparators:
                            for one in c.elts if isinstance(c, ast.Tuple) else [c]:
                                compared.append((where, sub.lineno, ast.unparse(one)))
    return calls, stringly, compared


def test_the_code_reads_settings_through_their_declarations() -> None:
    calls, stringly, compared = _setting_uses_in_code()
    assert calls > 20  # the scan finds the app's uses (it would pass vacuously otherwise)
    assert stringly == []
    declared = {name for name, value in vars(settings_module).items() if isinstance(value, Setting)}
    assert all(isinstance(s, Setting) for s in autobackup._WATCHED_SETTINGS)
    allowed = declared | {"_WATCHED_SETTINGS"}
    undeclared = [
        f"{where}:{line}: {what}" for where, line, what in compared if what not in allowed
    ]
    assert len(compared) >= 6 and undeclared == []  # compared with the declared objects only
    assert not hasattr(Settings, "get")  # no untyped ``get(name) -> Any``


def test_unknown_name_is_refused_with_its_name() -> None:
    with pytest.raises(SettingError, match="sort_ordr"):
        setting("sort_ordr")


def test_usage_counts_are_a_mapping_and_old_json_text_is_read_once(tmp_path: Path) -> None:
    (tmp_path / Settings.FILE).write_text(json.dumps({"usage_counts": '{"a": 3, "b": 1}'}))
    s = Settings(tmp_path)
    assert s.value(USAGE_COUNTS) == {"a": 3, "b": 1}
    s.set(USAGE_COUNTS, {"a": 4, "b": 1})
    stored = json.loads((tmp_path / Settings.FILE).read_text())
    assert stored["usage_counts"] == {"a": 4, "b": 1}  # a real mapping now, not JSON in a string
    assert Settings(tmp_path).value(USAGE_COUNTS) == {"a": 4, "b": 1}
    got = s.value(USAGE_COUNTS)
    got["c"] = 9  # a copy: changing it does not change the setting
    assert s.value(USAGE_COUNTS) == {"a": 4, "b": 1}
    with pytest.raises(SettingError):
        s.set(USAGE_COUNTS, {"a": "many"})  # type: ignore[dict-item]
    (tmp_path / Settings.FILE).write_text(json.dumps({"usage_counts": "{not json"}))
    assert Settings(tmp_path).value(USAGE_COUNTS) == {}
