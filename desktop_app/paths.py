"""Where the app keeps its files. Overridable by ``--data-dir`` / ``DESKTOP_AUTHENTICATOR_DATA_DIR``."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_DIR_NAME = "desktop-authenticator"
ENV_DATA_DIR = "DESKTOP_AUTHENTICATOR_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path  # the vault
    config_dir: Path  # settings (no secrets)
    log_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        chosen = data_dir or os.environ.get(ENV_DATA_DIR)
        if chosen:
            # One self-contained folder: tests and portable installs keep everything together.
            base = Path(chosen).expanduser().resolve()
            return cls(data_dir=base, config_dir=base / "config", log_dir=base / "logs")
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False)),
        )

    def ensure(self) -> None:
        for d in (self.data_dir, self.config_dir, self.log_dir):
            private_dir(d)


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
