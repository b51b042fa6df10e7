"""Run-time fixes of the frozen bundle, applied when the fixed module is first imported.

Bundled as the top-level module ``frozen_hooks`` (packaging/desktop-authenticator.spec); the
run-time hooks in ``rthooks/`` and ``packaging/entry.py`` import it.

PyInstaller's own run-time hooks for ``inspect``, ``multiprocessing`` and ``pkgutil`` (and its
bootstrap, for ``ctypes``: ``pyimod03_ctypes.py`` beside this file takes its place) import those
modules (and ``zipfile``, ``subprocess``, and read the whole name list of ``base_library.zip``)
before the app's first line runs, at every start: about 60 ms of a frozen ``--version`` that the
same code run from source never pays. The bundle replaces them (``packaging/hooks/rthooks.dat``)
with hooks that call :func:`after_import` here: the same fixes, made the moment something
imports the module, and never when nothing does. A multiprocessing child (the camera process)
is recognised from its command line by :func:`is_multiprocessing_child` before anything else.

The fixes themselves are PyInstaller's (Apache-2.0, PyInstaller Development Team), rearranged
to run late. Only standard-library modules that are already loaded are used here.
"""

from __future__ import annotations

import os
import sys

# Annotations only: ``typing`` is not loaded by a command's start from source, so a frozen start
# must not load it either (~12 M instructions, ~2.5 ms).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from types import ModuleType
    from typing import Any

#: the ``-c`` commands multiprocessing passes to helper processes it starts
_HELPER_COMMANDS = (
    "from multiprocessing.resource_tracker import main",
    "from multiprocessing.forkserver import main",
    "import sys; from multiprocessing.forkserver import main",
)


class _PatchingLoader:
    """The module's own loader, which also applies ``patch`` once the module has run."""

    def __init__(self, loader: Any, patch: Callable[[ModuleType], None]) -> None:
        self._loader = loader
        self._patch = patch

    def create_module(self, spec: Any) -> ModuleType | None:
        create = getattr(self._loader, "create_module", None)
        return create(spec) if create is not None else None

    def exec_module(self, module: ModuleType) -> None:
        module.__loader__ = self._loader  # sources and resources come from the real loader
        self._loader.exec_module(module)
        self._patch(module)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._loader, name)


class _AfterImport:
    """A finder consulted first for one module name: it finds the module the normal way, then
    wraps its loader so that ``patch`` runs right after the module's own code."""

    def __init__(self, name: str, patch: Callable[[ModuleType], None]) -> None:
        self.name = name
        self.patch = patch

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)  # once: the module is being imported now
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(fullname, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _PatchingLoader(spec.loader, self.patch)
                return spec
        return None


def after_import(name: str, patch: Callable[[ModuleType], None]) -> None:
    """Call ``patch(module)`` as soon as the top-level module ``name`` has been imported (at
    once if it already is)."""
    module = sys.modules.get(name)
    if module is not None:
        patch(module)
    else:
        sys.meta_path.insert(0, _AfterImport(name, patch))


def is_multiprocessing_child(argv: Sequence[str]) -> bool:
    """This process was started by multiprocessing: a spawned worker or one of its helpers."""
    if len(argv) >= 2 and argv[1] == "--multiprocessing-fork":
        return True
    if "-c" in argv:
        i = list(argv).index("-c")
        return i + 1 < len(argv) and argv[i + 1].startswith(_HELPER_COMMANDS)
    return False


# --- the fixes (PyInstaller's run-time hooks) ------------------------------------------------


def patch_inspect(inspect: ModuleType) -> None:
    """``inspect.getsourcefile`` resolves the relative file names of frozen code objects."""
    prefix = os.path.normpath(getattr(sys, "_MEIPASS", ""))
    base_library = os.path.join(prefix, "base_library.zip")
    in_base_library: set[str] | None = None  # read at the first call, not at start-up
    original = inspect.getsourcefile

    def getsourcefile(obj: object) -> str | None:
        nonlocal in_base_library
        filename = os.path.normpath(inspect.getfile(obj))
        if not os.path.isabs(filename):
            main_file = getattr(sys.modules.get("__main__"), "__file__", None)
            if main_file and filename == os.path.basename(main_file):
                return str(main_file)
            if in_base_library is None:
                in_base_library = _zip_names(base_library)
            if filename + "c" in in_base_library:
                return os.path.normpath(os.path.join(base_library, filename + "c"))
            return os.path.normpath(os.path.join(prefix, filename))
        if filename.startswith(prefix):
            return filename
        result: str | None = original(obj)
        return result

    inspect.getsourcefile = getsourcefile  # type: ignore[attr-defined]


def _zip_names(path: str) -> set[str]:
    if not os.path.isfile(path):
        return set()
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {os.path.normpath(name) for name in archive.namelist()}


def patch_multiprocessing(multiprocessing: ModuleType) -> None:
    """``freeze_support()`` runs the worker or helper a frozen child was started for, and exits;
    ``spawn`` does not try to re-run the frozen entry script in the child."""
    import multiprocessing.spawn as spawn

    multiprocessing.process.ORIGINAL_DIR = None

    def run_helper() -> None:
        from subprocess import _args_from_interpreter_flags  # type: ignore[attr-defined]

        argv = sys.argv
        if "-c" not in argv:
            return
        i = argv.index("-c")
        if set(argv[1:i]) != set(_args_from_interpreter_flags()) or len(argv) <= i + 1:
            return
        command = argv[i + 1]
        if command.startswith(_HELPER_COMMANDS):
            exec(command)  # multiprocessing's own helper code, as python -c would run it
            sys.exit()

    def freeze_support() -> None:
        run_helper()
        if spawn.is_forking(sys.argv):
            kwds: dict[str, int | None] = {}
            for arg in sys.argv[2:]:
                name, value = arg.split("=")
                kwds[name] = None if value == "None" else int(value)
            spawn.spawn_main(**kwds)  # type: ignore[arg-type]
            sys.exit()

    multiprocessing.freeze_support = freeze_support  # type: ignore[attr-defined]
    spawn.freeze_support = freeze_support


def patch_pkgutil(pkgutil: ModuleType) -> None:
    """``pkgutil.iter_modules`` lists the modules inside the bundle's archive."""
    import pyimod02_importers  # PyInstaller's bootstrap

    def frozen_modules(finder: Any, prefix: str = "") -> Any:
        node = pyimod02_importers.get_pyz_toc_tree()
        for part in finder._pyz_entry_prefix.split(".") if finder._pyz_entry_prefix else []:
            node = node.get(part)
            if not isinstance(node, dict):
                node = {}
                break
        for name, data in node.items():
            yield prefix + name, isinstance(data, dict)
        if finder.fallback_finder is not None:
            yield from pkgutil.iter_importer_modules(finder.fallback_finder, prefix)

    pkgutil.iter_importer_modules.register(pyimod02_importers.PyiFrozenFinder, frozen_modules)


def patch_ctypes(ctypes: ModuleType) -> None:
    """``ctypes.CDLL``/``PyDLL`` (and ``cdll``/``pydll``) look for a bare library name in the
    bundle's folder first (PyInstaller's ``pyimod03_ctypes``, POSIX part: the bundle is built
    for Linux and macOS here; Windows keeps PyInstaller's own, see ``pyimod03_ctypes.py``)."""

    def frozen_name(name: Any) -> Any:
        if name and not os.path.isfile(name):
            candidate = os.path.join(sys._MEIPASS, os.path.basename(name))  # type: ignore[attr-defined]
            if os.path.isfile(candidate):
                name = candidate
        return name

    class PyInstallerImportError(OSError):
        def __init__(self, name: Any) -> None:
            self.msg = (
                f"Failed to load dynlib/dll {name!r}. Most likely this dynlib/dll was not found "
                "when the application was frozen."
            )
            self.args = (self.msg,)

    class PyInstallerCDLL(ctypes.CDLL):  # type: ignore[name-defined]
        def __init__(self, name: Any, *args: Any, **kwargs: Any) -> None:
            name = frozen_name(name)
            try:
                super().__init__(name, *args, **kwargs)
            except Exception as base_error:
                raise PyInstallerImportError(name) from base_error

    class PyInstallerPyDLL(ctypes.PyDLL):  # type: ignore[name-defined]
        def __init__(self, name: Any, *args: Any, **kwargs: Any) -> None:
            name = frozen_name(name)
            try:
                super().__init__(name, *args, **kwargs)
            except Exception as base_error:
                raise PyInstallerImportError(name) from base_error

    ctypes.CDLL = PyInstallerCDLL  # type: ignore[attr-defined]
    ctypes.cdll = ctypes.LibraryLoader(PyInstallerCDLL)  # type: ignore[attr-defined]
    ctypes.PyDLL = PyInstallerPyDLL  # type: ignore[attr-defined]
    ctypes.pydll = ctypes.LibraryLoader(PyInstallerPyDLL)  # type: ignore[attr-defined]
