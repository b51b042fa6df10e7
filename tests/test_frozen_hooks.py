"""The frozen bundle's late run-time fixes: applied when the module is first imported, once, by
the module's own loader; multiprocessing children recognised from their command line.

The whole chain (the bundle's executable started as a spawned child) is checked by the self-test
of the frozen bundle (``child process``), which the release script and CI run.
"""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[1] / "packaging" / "hooks"
sys.path.insert(0, str(HOOKS))  # bundled as the top-level module frozen_hooks

import frozen_hooks  # noqa: E402
from frozen_hooks import after_import, is_multiprocessing_child  # noqa: E402


@pytest.fixture
def probe_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    name = f"probe_{uuid.uuid4().hex}"
    (tmp_path / f"{name}.py").write_text("VALUE = 1\n\n\ndef hello():\n    return 'hi'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


def test_the_fix_runs_once_right_after_the_first_import(probe_module: str) -> None:
    seen: list[int] = []

    def patch(module) -> None:
        seen.append(module.VALUE)  # the module's own code has run
        module.VALUE = 2

    after_import(probe_module, patch)
    assert probe_module not in sys.modules  # nothing imported yet
    module = __import__(probe_module)
    again = __import__(probe_module)
    assert module is again and module.VALUE == 2 and seen == [1]
    assert not [f for f in sys.meta_path if isinstance(f, frozen_hooks._AfterImport)]
    # the module keeps its real loader: its source and line numbers still resolve
    assert type(module.__loader__).__name__ == "SourceFileLoader"
    assert "return 'hi'" in inspect.getsource(module.hello)


def test_a_module_already_imported_is_fixed_at_once(probe_module: str) -> None:
    module = __import__(probe_module)
    after_import(probe_module, lambda m: setattr(m, "VALUE", 3))
    assert module.VALUE == 3


@pytest.mark.parametrize(
    ("argv", "child"),
    [
        (["app"], False),
        (["app", "--version"], False),
        (["app", "list", "--json"], False),
        (["app", "--multiprocessing-fork", "tracker_fd=5", "pipe_handle=7"], True),
        (
            ["app", "-B", "-s", "-c", "from multiprocessing.resource_tracker import main;main(5)"],
            True,
        ),
        (["app", "-c", "from multiprocessing.forkserver import main; main(1)"], True),
        (["app", "-c", "import os"], False),  # a -c that multiprocessing did not write
        (["app", "-c"], False),
        (["app", "add", "--multiprocessing-fork"], False),  # only as the first argument
    ],
)
def test_multiprocessing_children_are_told_by_their_command_line(argv, child) -> None:
    assert is_multiprocessing_child(argv) is child


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh Python that finds frozen_hooks as the bundle does (top level)."""
    path = os.pathsep.join([str(HOOKS), *filter(None, [os.environ.get("PYTHONPATH")])])
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": path},
    )


def test_patched_freeze_support_runs_a_helper_command_and_exits() -> None:
    """As in the bundle: the process was started with multiprocessing's helper command line;
    freeze_support() runs that command and the process ends there."""
    result = _run(
        """
        import sys
        from subprocess import _args_from_interpreter_flags
        from frozen_hooks import after_import, patch_multiprocessing
        after_import("multiprocessing", patch_multiprocessing)
        import multiprocessing
        helper = "from multiprocessing.resource_tracker import main; print('helper ran')"
        sys.argv = ["app", *_args_from_interpreter_flags(), "-c", helper]
        multiprocessing.freeze_support()
        print("not reached")
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["helper", "ran"]


def test_patched_freeze_support_returns_in_an_ordinary_start() -> None:
    result = _run(
        """
        import sys
        from frozen_hooks import after_import, patch_multiprocessing
        after_import("multiprocessing", patch_multiprocessing)
        import multiprocessing
        sys.argv = ["app", "list", "--json"]
        multiprocessing.freeze_support()
        print("went on", multiprocessing.process.ORIGINAL_DIR)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["went", "on", "None"]


def test_the_entry_script_imports_no_multiprocessing_for_an_ordinary_start() -> None:
    entry = Path(__file__).resolve().parents[1] / "packaging" / "entry.py"
    result = _run(
        f"""
        import runpy, sys
        sys.argv = ["desktop-authenticator", "--version"]
        try:
            runpy.run_path({str(entry)!r}, run_name="__main__")
        except SystemExit as exc:
            print("exit", exc.code, "multiprocessing" in sys.modules)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["exit", "0", "False"]


def test_patched_inspect_resolves_relative_frozen_file_names(tmp_path: Path, monkeypatch) -> None:
    """Frozen code objects carry paths relative to the bundle; getsourcefile makes them absolute
    (inside base_library.zip for the modules kept there)."""
    import types
    import zipfile

    with zipfile.ZipFile(tmp_path / "base_library.zip", "w") as archive:
        archive.writestr("json/decoder.pyc", b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    fake_inspect = types.SimpleNamespace(getfile=lambda obj: obj, getsourcefile=lambda obj: "orig")
    frozen_hooks.patch_inspect(fake_inspect)  # type: ignore[arg-type]
    assert fake_inspect.getsourcefile("json/decoder.py") == str(
        tmp_path / "base_library.zip" / "json" / "decoder.pyc"
    )
    assert fake_inspect.getsourcefile("desktop_app/cli/__init__.py") == str(
        tmp_path / "desktop_app" / "cli" / "__init__.py"
    )
    assert fake_inspect.getsourcefile(str(tmp_path / "x.py")) == str(tmp_path / "x.py")
    assert fake_inspect.getsourcefile("/elsewhere/y.py") == "orig"


def test_the_ctypes_fix_waits_for_ctypes_and_then_finds_bundled_libraries(tmp_path: Path) -> None:
    """The bundle's stand-in for PyInstaller's pyimod03_ctypes: install() at start imports no
    ctypes (nor typing); the first import of ctypes makes CDLL look in the bundle folder."""
    import _ctypes  # a shared object that is surely on this machine: load a copy of it

    shutil.copyfile(_ctypes.__file__, tmp_path / "libbundled-probe.so")
    result = _run(
        f"""
        import sys
        sys._MEIPASS = {str(tmp_path)!r}
        import pyimod03_ctypes
        pyimod03_ctypes.install()
        print("ctypes" in sys.modules, "typing" in sys.modules)
        import ctypes
        print(ctypes.CDLL("libbundled-probe.so")._name)
        try:
            ctypes.cdll.LoadLibrary("libnot-in-the-bundle.so")
        except OSError as exc:
            print(type(exc).__name__)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "False",
        str(tmp_path / "libbundled-probe.so"),
        "PyInstallerImportError",
    ]
