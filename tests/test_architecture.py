"""Architecture rules: only desktop_app/ui/ imports PySide6; the core imports without Qt or OpenCV."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop_app"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_only_ui_imports_pyside6() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        if any(m == "PySide6" or m.startswith("PySide6.") for m in _imported_modules(path)):
            offenders.append(str(rel))
    assert offenders == []


def test_rule_is_checked_on_a_real_tree() -> None:
    ui_files = list((PACKAGE / "ui").glob("*.py"))
    assert any("PySide6" in str(_imported_modules(p)) for p in ui_files)


def test_core_imports_without_qt_or_opencv() -> None:
    code = (
        "import sys\n"
        "import desktop_app.otp, desktop_app.vault, desktop_app.intake, desktop_app.settings\n"
        "import desktop_app.app, desktop_app.cli\n"
        "desktop_app.cli.build_parser()\n"
        "bad = [m for m in ('PySide6', 'cv2') if m in sys.modules]\n"
        "print(bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
