"""Where the app keeps its files. Overridable by ``--data-dir`` / ``DESKTOP_AUTHENTICATOR_DATA_DIR``."""

from __future__ import annotations

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
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
