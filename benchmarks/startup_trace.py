"""Where bench_startup's child spends its instructions up to the window shown: by stage and by module.

    python benchmarks/startup_trace.py [--root OTHER_CHECKOUT] [--qt-first] OUT.json
    python benchmarks/startup_trace.py --compare BASE.json HEAD.json

Runs ``bench_startup.py``'s child (500 accounts, ``PYTHONHASHSEED=0``, with bytecode) once under
callgrind and stops it right after ``window.show()``, before the event loop: the count is then
the same from one run to the next (±0.1 M), unlike a run to the first paint (±7 M). Every
module's import is bracketed by a call of ``os.getppid()``, and callgrind closes a part of its
count before each such call (``--dump-before=getppid``), so each part is the work of the module
innermost at that time: its own body, its classes and the Qt types it is the first to name
(PySide builds a class's Python type, enums included, the first time Python meets it). What runs
outside any import (opening the vault, building the window) is ``<main>``.

``--qt-first`` builds the Python type of every class of QtCore, QtGui and QtWidgets before
anything else (in the ``start`` stage), so that the modules' own costs compare between two
checkouts even where another module is now the first to name a Qt class.
``--compare`` prints the stages and the modules that differ by more than 0.7 M. Needs valgrind.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: with --qt-first: every class of these modules gets its Python type before anything else runs
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
QT_FIRST = (
    "import importlib as _il\n"
    f"for _m in {QT_MODULES!r}:\n"
    "    _mod = _il.import_module(_m)\n"
    "    [getattr(_mod, _n) for _n in dir(_mod) if _n.startswith('Q')]"
)
#: (the child's line after which a stage begins, the stage)
STAGES = (
    ("t_start =", "core imports"),
    ("t_imports_core =", "ui imports"),
    ("t_imports =", "application"),
    ("t_app =", "vault open"),
    ("t_vault =", "build_window"),
    ("window = build_window", "show"),
)
MARKS = r"""
import os as _os, importlib._bootstrap as _boot
_marks = []
_load_unlocked = _boot._load_unlocked
def _load(spec):
    _marks.append(("in", spec.name)); _os.getppid()
    try:
        return _load_unlocked(spec)
    finally:
        _marks.append(("out", spec.name)); _os.getppid()
_boot._load_unlocked = _load
"""


def child_code(bench: Any, qt_first: bool) -> str:
    lines = [*MARKS.splitlines(), *str(bench.CHILD).splitlines()]
    out: list[str] = []
    for line in lines:
        out.append(line)
        if line.startswith("t_start =") and qt_first:
            out += QT_FIRST.splitlines()
        for after, stage in STAGES:
            if line.startswith(after):
                out.append(f"_marks.append(('stage', {stage!r})); _os.getppid()")
        if line.startswith("t_show ="):
            out.append("_marks.append(('stage', 'end')); _os.getppid()")  # closes "show"
            out.append("open(_os.environ['TRACE_MARKS'], 'w').write(json.dumps(_marks))")
            out.append("sys.stdout.flush(); _os._exit(0)")
            break
    return "\n".join(out)


def trace(root: Path, qt_first: bool) -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("bench", root / "benchmarks/bench_startup.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    code = child_code(bench, qt_first)
    with tempfile.TemporaryDirectory(prefix="startup-trace-") as tmp:
        folder = Path(tmp) / "data"
        item, key = bench.build_vault(folder, 500)
        marks_file = os.path.join(tmp, "marks.json")
        env = bench.child_env(
            os.path.join(tmp, "pyc"),
            QT_QPA_PLATFORM="offscreen",
            BENCH_ROOT=str(root),
            BENCH_DIR=str(folder),
            BENCH_ITEM=item,
            BENCH_KEY=key,
            PYTHONHASHSEED="0",
            TRACE_MARKS=marks_file,
        )
        env["PYTHONPATH"] = str(root)
        env["BENCH_T0"] = repr(time.time())
        subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
        out = os.path.join(tmp, "cg.out")
        valgrind = ["valgrind", "--tool=callgrind", "--dump-instr=no", "--dump-before=getppid"]
        subprocess.run(
            [*valgrind, f"--callgrind-out-file={out}", sys.executable, "-c", code],
            env=env,
            check=True,
            capture_output=True,
        )
        marks = json.loads(Path(marks_file).read_text())
        parts: dict[int, int] = {}
        for name in glob.glob(out + ".*"):
            found = re.search(r"^(?:summary|totals): (\d+)", Path(name).read_text(), re.M)
            parts[int(name.rsplit(".", 1)[1])] = int(found.group(1)) if found else 0
    counts = [parts[k] for k in sorted(parts)]  # part k: what ran before the k-th mark
    stack, stage = ["<main>"], "start" + (" and qt types" if qt_first else "")
    modules: dict[str, int] = {}
    stages: dict[str, int] = {}
    for cost, (kind, name) in zip(counts, marks, strict=True):
        modules[stack[-1]] = modules.get(stack[-1], 0) + cost
        stages[stage] = stages.get(stage, 0) + cost
        if kind == "in":
            stack.append(name)
        elif kind == "out":
            stack.pop()
        else:
            stage = name
    return {"total": sum(counts), "stages": stages, "modules": modules}


def compare(base: dict[str, dict[str, int]], head: dict[str, dict[str, int]]) -> None:
    def m(n: int) -> str:
        return f"{n / 1e6:8.1f}"

    print(f"{'M instructions':32s} {'base':>8s} {'head':>8s} {'diff':>8s}")
    for what in ("stages", "modules"):
        b, h = base[what], head[what]
        names = (
            list(b)
            if what == "stages"
            else sorted(b.keys() | h.keys(), key=lambda k: -abs(h.get(k, 0) - b.get(k, 0)))
        )
        for name in names:
            diff = h.get(name, 0) - b.get(name, 0)
            if what == "stages" or abs(diff) >= 700_000:
                print(f"{name[:32]:32s} {m(b.get(name, 0))} {m(h.get(name, 0))} {m(diff)}")
        print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?")
    parser.add_argument("--root", type=Path, default=ROOT)
    parser.add_argument("--qt-first", action="store_true")
    parser.add_argument("--compare", nargs=2, metavar=("BASE", "HEAD"))
    args = parser.parse_args()
    if args.compare:
        base, head = (json.loads(Path(p).read_text()) for p in args.compare)
        compare(base, head)
        return 0
    if not args.out:
        parser.error("OUT.json is needed")
    result = trace(args.root.resolve(), args.qt_first)
    Path(args.out).write_text(json.dumps(result, indent=1))
    print(f"{result['total'] / 1e6:.1f} M instructions to the window shown; {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
