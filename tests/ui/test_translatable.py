"""Every user-visible string in desktop_app/ui goes through Qt's translation system.

An AST scan: a string literal (or f-string, or a literal joined with + or %) passed to a call that
shows text -- setText, QLabel(...), setToolTip, addAction, QMessageBox..., notice/inform/ask --
must be wrapped in ``self.tr(...)``, ``QCoreApplication.translate(...)`` or
``QT_TRANSLATE_NOOP(...)``. Strings built in advance are marked where they are written.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui  # lives with the Qt tests; the .ts checks beside it need Qt

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "desktop_app" / "ui"
# The self-test prints to a terminal (English by design).
NOT_SCANNED = {"selftest_qt.py"}
NOT_SCANNED_DIRS: set[str] = set()

SHOWS_TEXT = {
    # Qt widgets and their setters
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QToolButton",
    "QMessageBox",
    "QLineEdit",
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "addAction",
    "addMenu",
    "addItem",
    "addItems",
    "addTab",
    "setTabText",
    "setTabToolTip",
    "addButton",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "setInformativeText",
    "setDetailedText",
    "setHeaderLabels",
    "setLabelText",
    "showMessage",
    "addRow",
    "setPlainText",
    "setHtml",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "getOpenFileName",
    "getOpenFileNames",
    "getSaveFileName",
    "getExistingDirectory",
    # the app's own seams that put text on screen
    "notice",
    "inform",
    "ask",
    "show_text",
    "show_error",
    "set_placeholder",
    "_set_status",
    "_message",
    "_done",
    "confirm",
    "unlock_failed",
}
LOGGERS = {"log", "logger", "logging"}  # log lines stay English (and hold no secrets)


def _words(text: str) -> bool:
    """Whether ``text`` holds words (HTML tags alone are not words)."""
    return any(c.isalpha() for c in re.sub(r"<[^>]*>", "", text))


def _name(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def _untranslated(node: ast.AST) -> list[ast.AST]:
    """Literal text in ``node`` that reaches the screen as it is."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node] if _words(node.value) else []
    if isinstance(node, ast.JoinedStr):
        literal = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return [node] if _words(literal) else []
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) + _untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) + _untranslated(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [n for v in node.values for n in _untranslated(v)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "format":  # "...".format(): the template itself must be marked
            return _untranslated(node.func.value)
        if node.func.attr == "join":
            return [n for a in node.args for n in _untranslated(a)]
    return []


def scan(source: str, filename: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call) or _name(node) not in SHOWS_TEXT:
            continue
        f = node.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in LOGGERS:
            continue
        args = list(node.args) + [k.value for k in node.keywords]
        for arg in args:
            for lit in _untranslated(arg):
                text = ast.unparse(lit)[:60]
                found.append(f"{filename}:{lit.lineno}: {_name(node)}({text})")
    return found


def ui_files() -> list[Path]:
    return [
        p
        for p in sorted(UI.rglob("*.py"))
        if p.name not in NOT_SCANNED and not NOT_SCANNED_DIRS & set(p.relative_to(UI).parts)
    ]


def test_the_scan_catches_unmarked_text():
    bad = (
        "def f(self, n):\n"
        "    self.label.setText('Hello')\n"
        "    QPushButton(f'Delete {n}', self)\n"
        "    self.w.notice('Added ' + str(n))\n"
        "    self.box.setToolTip('{n} left'.format(n=n))\n"
        "    self.a.addAction('Quit' if n else 'Exit')\n"
        "    log.warning('not shown: %s', n)\n"
    )
    assert len(scan(bad, "bad.py")) == 6
    good = (
        "def f(self, n):\n"
        "    self.label.setText(self.tr('Hello'))\n"
        "    QPushButton(self.tr('Delete {n}').format(n=n), self)\n"
        "    self.w.notice(QCoreApplication.translate('X', 'Added {n}').format(n=n))\n"
        "    self.label.setText('')\n"
        "    self.label.setText(name)\n"
        "    self.label.setText(f'{a} — {b}')\n"
    )
    assert scan(good, "good.py") == []


def test_every_gui_string_is_marked_for_translation():
    files = ui_files()
    assert len(files) > 20
    found = [hit for p in files for hit in scan(p.read_text("utf-8"), str(p.relative_to(ROOT)))]
    assert not found, "\n".join(found)


def test_tr_is_called_on_self_only():
    # lupdate names the context after the variable (``parent.tr`` -> "parent") while Qt looks it
    # up under the object's class: such a string is never translated
    import re

    pattern = re.compile(r"\b(?!self\b)[a-z_]\w*\.tr\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "desktop_app" / "ui").rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []
