"""Where the app keeps its files. Overridable by ``--data-dir`` / ``DESKTOP_AUTHENTICATOR_DATA_DIR``."""

import contextlib
import os
import sys
from pathlib import Path
from typing import NamedTuple

APP_DIR_NAME = "desktop-authenticator"
ENV_DATA_DIR = "DESKTOP_AUTHENTICATOR_DATA_DIR"


# No ``from __future__ import annotations`` here: typing compiles a NamedTuple's field annotations
# written as strings, and a process's first compile() costs ~10 M instructions (benchmarks/README.md,
# "Decisions").
class AppPaths(NamedTuple):  # not a dataclass: see benchmarks/README.md, "Decisions"
    data_dir: Path  # the vault
    config_dir: Path  # settings (no secrets)
    log_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> "AppPaths":
        chosen = data_dir or os.environ.get(ENV_DATA_DIR)
        if chosen:
            # One self-contained folder: tests and portable installs keep everything together.
            base = Path(chosen).expanduser().resolve()
            return cls(data_dir=base, config_dir=base / "config", log_dir=base / "logs")
        xdg = _xdg_dirs()
        if xdg is not None:
            return cls(*xdg)
        import platformdirs

        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
        )

    def ensure(self) -> None:
        for d in (self.data_dir, self.config_dir, self.log_dir):
            private_dir(d)


def _xdg_dirs() -> tuple[Path, Path, Path] | None:
    """On Linux, the folders platformdirs gives (XDG base directories: data, config, and the
    state folder's ``log``), without importing it: platformdirs pulls in tempfile, shutil and
    random, ~8 ms of every start. None when anything is unusual (HOME not absolute, a relative
    XDG variable, another system): then platformdirs decides. A test checks that both agree."""
    if not sys.platform.startswith("linux"):
        return None
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home):
        return None
    chosen: list[Path] = []
    for variable, default in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        value = os.environ.get(variable, "")
        if value and not os.path.isabs(value):
            return None
        chosen.append(Path(value or os.path.join(home, default)) / APP_DIR_NAME)
    data, config, state = chosen
    return data, config, state / "log"


def private_dir(path: str | os.PathLike[str], *, own: bool = True) -> Path:
    """Create the folder ``path`` readable by the owner only (0700), whatever the umask; parents
    it has to create get 0700 too. ``own``: the folder is the app's own (state, logs), so an
    existing one is set to 0700 as well; a folder the person chose (backups, exports) is only
    made private when the app creates it."""
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        for d in [*missing, *([path] if own and not missing else [])]:
            with contextlib.suppress(OSError):  # not ours to change (a shared folder)
                os.chmod(d, 0o700)
    return path
