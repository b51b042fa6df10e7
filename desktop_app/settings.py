"""Every setting, declared once: name, type, default, description (and section, choices, range).

The settings pane is built from :data:`SETTINGS`; the values live in ``settings.json`` in the
config folder. No secret is ever a setting.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app.errors import AppError

log = logging.getLogger(__name__)

SettingValue = bool | int | str


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: SettingValue
    label: str
    description: str
    section: str = "General"
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for str choices
    minimum: int | None = None
    maximum: int | None = None
    kind: str = ""  # "folder" or "url" refine str settings for the pane

    def coerce(self, value: Any) -> SettingValue:
        """Validate ``value`` for this setting; raise :class:`SettingError` if it cannot be."""
        if self.type is bool:
            if isinstance(value, bool):
                return value
            raise SettingError(f"{self.label}: expected yes or no.")
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingError(f"{self.label}: expected a whole number.")
            if self.minimum is not None and value < self.minimum:
                raise SettingError(f"{self.label}: at least {self.minimum}.")
            if self.maximum is not None and value > self.maximum:
                raise SettingError(f"{self.label}: at most {self.maximum}.")
            return value
        if not isinstance(value, str):
            raise SettingError(f"{self.label}: expected text.")
        if self.choices and value not in {c for c, _ in self.choices}:
            raise SettingError(f"{self.label}: not one of the offered choices.")
        if self.kind == "url" and value and not value.startswith(("https://", "http://")):
            raise SettingError(f"{self.label}: must start with https://.")
        return value


class SettingError(AppError, ValueError):
    pass


DEFAULT_PORTAL_URL = "https://cdn.emnify.net"

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "clipboard_clear_seconds",
        int,
        30,
        "Clear copied codes after (seconds)",
        "A copied code is removed from the clipboard after this many seconds, if the clipboard "
        "still holds it. 0 keeps it.",
        minimum=0,
        maximum=600,
    ),
    Setting(
        "sort_order",
        str,
        "custom",
        "Sort accounts",
        "Show accounts by name or in your own order (drag to arrange).",
        choices=(("custom", "Custom order"), ("name", "By name")),
    ),
    Setting(
        "show_next_code",
        bool,
        False,
        "Always show the next code",
        "Show the code of the next time step beside the current one.",
    ),
    Setting(
        "hide_codes",
        bool,
        False,
        "Hide codes until clicked",
        "Codes are shown as dots until the row is selected.",
    ),
    Setting(
        "theme",
        str,
        "system",
        "Appearance",
        "Follow the system's light or dark palette, or force one.",
        choices=(("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")),
    ),
    Setting(
        "tray_icon",
        bool,
        False,
        "Show an icon in the system tray",
        "Keep running in the tray when the window is closed.",
    ),
    Setting(
        "auto_lock_minutes",
        int,
        0,
        "Lock after idle minutes",
        "With a vault password, lock the window after this many idle minutes. 0 never locks.",
        section="Security",
        minimum=0,
        maximum=1440,
    ),
    Setting(
        "backup_enabled",
        bool,
        False,
        "Automatic encrypted backups",
        "After each change, write an encrypted backup (Aegis format) to the backup folder.",
        section="Backups",
    ),
    Setting(
        "backup_folder",
        str,
        "",
        "Backup folder",
        "Where automatic backups are written.",
        section="Backups",
        kind="folder",
    ),
    Setting(
        "backup_keep",
        int,
        10,
        "Backups to keep",
        "The newest backups kept in the backup folder; older ones are deleted.",
        section="Backups",
        minimum=1,
        maximum=1000,
    ),
    Setting(
        "portal_url",
        str,
        DEFAULT_PORTAL_URL,
        "Portal address",
        "The emnify portal API address.",
        section="emnify account",
        kind="url",
    ),
    Setting(
        "portal_user",
        str,
        "",
        "E-mail address",
        "The e-mail address of the emnify account last signed in.",
        section="emnify account",
    ),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    """The declaration of ``name``; :class:`SettingError` for a name that is not declared
    (a test checks every name the code spells out, so this is a programming error)."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise SettingError(f"There is no setting named {name[:60]!r}.") from None


def sections() -> list[str]:
    seen: list[str] = []
    for s in SETTINGS:
        if s.section not in seen:
            seen.append(s.section)
    return seen


class Settings:
    """Values of the declared settings, saved as JSON (atomically) in the config folder."""

    FILE = "settings.json"

    def __init__(self, config_dir: Path | None) -> None:
        self._path = config_dir / self.FILE if config_dir else None
        self._values: dict[str, SettingValue] = {}
        self._lock = threading.Lock()
        self._listeners: list[Callable[[str, SettingValue], None]] = []
        self._load()

    def _load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            raw = json.loads(self._path.read_text("utf-8"))
        except (OSError, ValueError):
            log.warning("settings file unreadable; using defaults")
            return
        if not isinstance(raw, dict):
            return
        for name, value in raw.items():
            setting = BY_NAME.get(name)
            if setting is None:
                continue
            try:
                self._values[name] = setting.coerce(value)
            except SettingError:
                log.warning("setting %s has an invalid stored value; using default", name)

    def get(self, name: str) -> Any:
        return self._values.get(name, setting(name).default)

    def set(self, name: str, value: Any) -> None:
        coerced = setting(name).coerce(value)
        with self._lock:
            if self.get(name) == coerced and name in self._values:
                return
            self._values[name] = coerced
            self._save()
        for callback in list(self._listeners):
            callback(name, coerced)

    def reset(self, name: str) -> None:
        self.set(name, setting(name).default)

    def add_listener(self, callback: Callable[[str, SettingValue], None]) -> None:
        self._listeners.append(callback)

    def as_dict(self) -> dict[str, SettingValue]:
        return {s.name: self.get(s.name) for s in SETTINGS}

    def _save(self) -> None:
        if self._path is None:
            return
        from desktop_app.vault.store import atomic_write

        self._path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self._path, json.dumps(self._values, indent=2, sort_keys=True).encode())
