"""Every setting, declared once: name, type, default, description (and section, choices, range).

The settings pane is built from :data:`SETTINGS`; the values live in ``settings.json`` in the
config folder. No secret is ever a setting.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from desktop_app.errors import AppError
from desktop_app.i18n import N_, QT_TRANSLATE_NOOP, marked_in
from desktop_app.logs import get_logger

log = get_logger(__name__)

SettingValue = bool | int | str | dict[str, int]
T = TypeVar("T")


class Setting(Generic[T]):
    """One declared setting; typed, so ``settings.value(AUTO_LOCK_MINUTES)`` is an ``int``.

    Each is declared once, below, and compared by identity. A plain class, not a dataclass
    (benchmarks/README.md, "Decisions": no dataclass type on every command's path)."""

    __slots__ = (  # noqa: RUF023 (in __init__'s order)
        "name",
        "type",
        "default",
        "label",
        "description",
        "section",
        "choices",
        "minimum",
        "maximum",
        "kind",
        "internal",
    )
    name: str
    type: type
    default: T
    label: str
    description: str
    section: str
    choices: tuple[tuple[str, str], ...]
    minimum: int | None
    maximum: int | None
    kind: str
    internal: bool

    def __init__(
        self,
        name: str,
        type: builtins.type,
        default: T,
        label: str,
        description: str,
        section: str = "General",
        choices: tuple[tuple[str, str], ...] = (),  # (value, label) for str choices
        minimum: int | None = None,
        maximum: int | None = None,
        kind: str = "",  # "folder" or "url" refine str settings for the pane
        internal: bool = False,  # remembered by the app itself, not shown in the settings pane
    ) -> None:
        _set = object.__setattr__  # immutable: set once here
        _set(self, "name", name)
        _set(self, "type", type)
        _set(self, "default", default)
        _set(self, "label", label)
        _set(self, "description", description)
        _set(self, "section", section)
        _set(self, "choices", choices)
        _set(self, "minimum", minimum)
        _set(self, "maximum", maximum)
        _set(self, "kind", kind)
        _set(self, "internal", internal)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __repr__(self) -> str:
        return f"Setting({self.name!r})"

    def _shown_label(self) -> str:
        """The label for a message: translated in the GUI (context "Settings"), as it is here."""
        return marked_in("Settings", self.label)

    def coerce(self, value: Any) -> T:
        """Validate ``value`` for this setting; raise :class:`SettingError` if it cannot be."""
        return cast(T, self._coerce(value))

    def _coerce(self, value: Any) -> SettingValue:
        if self.type is dict:
            if isinstance(value, str):  # stored as JSON inside a string before; read once
                try:
                    value = json.loads(value or "{}")
                except (ValueError, RecursionError):
                    raise SettingError(
                        N_("{setting}: expected a mapping.", setting=self._shown_label())
                    ) from None
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
                for k, v in value.items()
            ):
                raise SettingError(
                    N_(
                        "{setting}: expected a mapping of names to numbers.",
                        setting=self._shown_label(),
                    )
                )
            return dict(value)
        if self.type is bool:
            if isinstance(value, bool):
                return value
            raise SettingError(N_("{setting}: expected yes or no.", setting=self._shown_label()))
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise SettingError(
                    N_("{setting}: expected a whole number.", setting=self._shown_label())
                )
            if self.minimum is not None and value < self.minimum:
                raise SettingError(
                    N_("{setting}: at least {n}.", setting=self._shown_label(), n=self.minimum)
                )
            if self.maximum is not None and value > self.maximum:
                raise SettingError(
                    N_("{setting}: at most {n}.", setting=self._shown_label(), n=self.maximum)
                )
            return value
        if not isinstance(value, str):
            raise SettingError(N_("{setting}: expected text.", setting=self._shown_label()))
        if self.choices and value not in {c for c, _ in self.choices}:
            raise SettingError(
                N_("{setting}: not one of the offered choices.", setting=self._shown_label())
            )
        if self.kind == "url" and value and not value.startswith(("https://", "http://")):
            raise SettingError(
                N_("{setting}: must start with https://.", setting=self._shown_label())
            )
        return value


class SettingError(AppError, ValueError):
    pass


DEFAULT_PORTAL_URL = "https://cdn.emnify.net"
#: the largest settings file read (the app writes about 1 KB)
MAX_FILE_BYTES = 1 << 20

CLIPBOARD_CLEAR_SECONDS: Setting[int] = Setting(
    "clipboard_clear_seconds",
    int,
    30,
    QT_TRANSLATE_NOOP("Settings", "Clear copied codes after (seconds)"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "A copied code is removed from the clipboard after this many seconds, if the clipboard "
        "still holds it. 0 keeps it.",
    ),
    minimum=0,
    maximum=600,
)
SORT_ORDER: Setting[str] = Setting(
    "sort_order",
    str,
    "custom",
    QT_TRANSLATE_NOOP("Settings", "Sort accounts"),
    QT_TRANSLATE_NOOP("Settings", "Show accounts by name or in your own order (drag to arrange)."),
    choices=(
        ("custom", QT_TRANSLATE_NOOP("Settings", "Custom order")),
        ("name", QT_TRANSLATE_NOOP("Settings", "By name")),
    ),
)
SHOW_NEXT_CODE: Setting[bool] = Setting(
    "show_next_code",
    bool,
    False,
    QT_TRANSLATE_NOOP("Settings", "Always show the next code"),
    QT_TRANSLATE_NOOP("Settings", "Show the code of the next time step beside the current one."),
)
HIDE_CODES: Setting[bool] = Setting(
    "hide_codes",
    bool,
    False,
    QT_TRANSLATE_NOOP("Settings", "Hide codes until clicked"),
    QT_TRANSLATE_NOOP("Settings", "Codes are shown as dots until the row is selected."),
)
THEME: Setting[str] = Setting(
    "theme",
    str,
    "system",
    QT_TRANSLATE_NOOP("Settings", "Appearance"),
    QT_TRANSLATE_NOOP("Settings", "Follow the system's light or dark palette, or force one."),
    choices=(
        ("system", QT_TRANSLATE_NOOP("Settings", "Follow the system")),
        ("light", QT_TRANSLATE_NOOP("Settings", "Light")),
        ("dark", QT_TRANSLATE_NOOP("Settings", "Dark")),
    ),
)
TRAY_ICON: Setting[bool] = Setting(
    "tray_icon",
    bool,
    False,
    QT_TRANSLATE_NOOP("Settings", "Show an icon in the system tray"),
    QT_TRANSLATE_NOOP("Settings", "Keep running in the tray when the window is closed."),
)
QUICK_COPY_SHORTCUT: Setting[str] = Setting(
    "quick_copy_shortcut",
    str,
    "Ctrl+Alt+A",
    QT_TRANSLATE_NOOP("Settings", "Quick-copy shortcut"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "Opens the quick-copy window from any program (on Wayland the desktop asks to "
        "confirm the key). Empty: no shortcut.",
    ),
)
LANGUAGE: Setting[str] = Setting(
    "language",
    str,
    "system",
    QT_TRANSLATE_NOOP("Settings", "Language"),
    QT_TRANSLATE_NOOP(
        "Settings", "Follow the system's language, or choose one. Applies at the next start."
    ),
    choices=(
        ("system", QT_TRANSLATE_NOOP("Settings", "Follow the system")),
        ("en", "English"),
        ("de", "Deutsch"),
    ),
)
LAST_FOLDER: Setting[str] = Setting(
    "last_folder",
    str,
    "",
    "Last folder",
    "The folder the last file dialog was in; the next one opens there.",
    internal=True,
)
WINDOW_GEOMETRY: Setting[str] = Setting(
    "window_geometry",
    str,
    "",
    "Window size and position",
    "The main window's size and position when it was last closed (Qt's encoding).",
    internal=True,
)
SETTINGS_PAGE: Setting[str] = Setting(
    "settings_page",
    str,
    "",
    "Settings page",
    "The page Settings showed when it was last closed; it opens there again.",
    internal=True,
)
USAGE_COUNTS: Setting[dict[str, int]] = Setting(
    "usage_counts",
    dict,
    {},
    "Copies per account",
    "How often each account's code was copied (account id to count), for the tray menu.",
    internal=True,
)
TRAY_NOTICE_SHOWN: Setting[bool] = Setting(
    "tray_notice_shown",
    bool,
    False,
    "Tray notice shown",
    "Whether the notice that the app keeps running in the tray was shown once.",
    internal=True,
)
AUTO_LOCK_MINUTES: Setting[int] = Setting(
    "auto_lock_minutes",
    int,
    0,
    QT_TRANSLATE_NOOP("Settings", "Lock after idle minutes"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "With a vault password, lock the window after this many idle minutes. Off (0) never locks.",
    ),
    section=QT_TRANSLATE_NOOP("Settings", "Security"),
    minimum=0,
    maximum=1440,
)
BACKUP_ENABLED: Setting[bool] = Setting(
    "backup_enabled",
    bool,
    False,
    QT_TRANSLATE_NOOP("Settings", "Automatic encrypted backups"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "After each change, write an encrypted backup (Aegis format) to the backup folder.",
    ),
    section=QT_TRANSLATE_NOOP("Settings", "Backups"),
)
BACKUP_FOLDER: Setting[str] = Setting(
    "backup_folder",
    str,
    "",
    QT_TRANSLATE_NOOP("Settings", "Backup folder"),
    QT_TRANSLATE_NOOP("Settings", "Where automatic backups are written."),
    section=QT_TRANSLATE_NOOP("Settings", "Backups"),
    kind="folder",
)
BACKUP_KEEP: Setting[int] = Setting(
    "backup_keep",
    int,
    10,
    QT_TRANSLATE_NOOP("Settings", "Backups to keep"),
    QT_TRANSLATE_NOOP(
        "Settings", "The newest backups kept in the backup folder; older ones are deleted."
    ),
    section=QT_TRANSLATE_NOOP("Settings", "Backups"),
    minimum=1,
    maximum=1000,
)
TIME_SERVER: Setting[str] = Setting(
    "time_server",
    str,
    "pool.ntp.org",
    QT_TRANSLATE_NOOP("Settings", "Time server"),
    QT_TRANSLATE_NOOP(
        "Settings", "The SNTP server asked when the clock is checked (host or host:port)."
    ),
    section=QT_TRANSLATE_NOOP("Settings", "Clock"),
)
TIME_CHECK_DAILY: Setting[bool] = Setting(
    "time_check_daily",
    bool,
    False,
    QT_TRANSLATE_NOOP("Settings", "Check the clock once a day"),
    QT_TRANSLATE_NOOP(
        "Settings", "Once a day, ask the time server how far this computer's clock is off."
    ),
    section=QT_TRANSLATE_NOOP("Settings", "Clock"),
)
CLOCK_OFFSET_MS: Setting[int] = Setting(
    "clock_offset_ms",
    int,
    0,
    "Code time correction (ms)",
    "Added to the clock when codes are computed; set from a time-server check, reset when "
    "the system clock is synchronised again.",
    minimum=-86_400_000,
    maximum=86_400_000,
    internal=True,
)
TIME_LAST_CHECK: Setting[int] = Setting(
    "time_last_check",
    int,
    0,
    "Last clock check",
    "When the time server was last asked (seconds since 1970), for the daily check.",
    internal=True,
)
PORTAL_URL: Setting[str] = Setting(
    "portal_url",
    str,
    DEFAULT_PORTAL_URL,
    QT_TRANSLATE_NOOP("Settings", "Portal address"),
    QT_TRANSLATE_NOOP("Settings", "The emnify portal API address."),
    section=QT_TRANSLATE_NOOP("Settings", "emnify account"),
    kind="url",
)
PORTAL_USER: Setting[str] = Setting(
    "portal_user",
    str,
    "",
    QT_TRANSLATE_NOOP("Settings", "E-mail address"),
    QT_TRANSLATE_NOOP("Settings", "The e-mail address of the emnify account last signed in."),
    section=QT_TRANSLATE_NOOP("Settings", "emnify account"),
)

#: every setting, in the order the pane shows them
SETTINGS: tuple[Setting[Any], ...] = (
    CLIPBOARD_CLEAR_SECONDS,
    SORT_ORDER,
    SHOW_NEXT_CODE,
    HIDE_CODES,
    THEME,
    TRAY_ICON,
    QUICK_COPY_SHORTCUT,
    LANGUAGE,
    LAST_FOLDER,
    WINDOW_GEOMETRY,
    SETTINGS_PAGE,
    USAGE_COUNTS,
    TRAY_NOTICE_SHOWN,
    AUTO_LOCK_MINUTES,
    BACKUP_ENABLED,
    BACKUP_FOLDER,
    BACKUP_KEEP,
    TIME_SERVER,
    TIME_CHECK_DAILY,
    CLOCK_OFFSET_MS,
    TIME_LAST_CHECK,
    PORTAL_URL,
    PORTAL_USER,
)

# Section titles the pane shows (marked here for translation; "General" is the default section).
SECTION_TITLES = (
    QT_TRANSLATE_NOOP("Settings", "General"),
    QT_TRANSLATE_NOOP("Settings", "Security"),
    QT_TRANSLATE_NOOP("Settings", "Backups"),
    QT_TRANSLATE_NOOP("Settings", "Clock"),
    QT_TRANSLATE_NOOP("Settings", "emnify account"),
)

BY_NAME: dict[str, Setting[Any]] = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting[Any]:
    """The declaration of ``name``; :class:`SettingError` for a name that is not declared
    (a test checks every name the code spells out, so this is a programming error)."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise SettingError(N_("There is no setting named {name}.", name=repr(name[:60]))) from None


def sections() -> list[str]:
    """The sections of the settings shown in the pane, in order."""
    seen: list[str] = []
    for s in SETTINGS:
        if s.internal:
            continue
        if s.section not in seen:
            seen.append(s.section)
    return seen


Listener = Callable[["Setting[Any]", SettingValue], None]


class Settings:
    """Values of the declared settings, saved as JSON (atomically) in the config folder."""

    FILE = "settings.json"

    def __init__(self, config_dir: Path | None) -> None:
        self._path = config_dir / self.FILE if config_dir else None
        self._values: dict[str, SettingValue] = {}
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []
        self._load()

    def _load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        from desktop_app.files import read_limited

        try:  # a regular file of at most 1 MiB (the app writes about 1 KB)
            raw = json.loads(read_limited(self._path, MAX_FILE_BYTES, SettingError))
        except (AppError, ValueError, RecursionError):
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

    def value(self, which: Setting[T]) -> T:
        """The value of the declared setting ``which`` (a module constant such as
        :data:`AUTO_LOCK_MINUTES`), typed as declared; a mapping is a copy."""
        found = self._values.get(which.name, which.default)
        if isinstance(found, dict):
            found = dict(found)
        return cast(T, found)

    def set(self, which: Setting[T], value: T) -> None:
        coerced = cast(SettingValue, which.coerce(value))
        name = which.name
        with self._lock:
            if name in self._values and self._values[name] == coerced:
                return
            self._values[name] = coerced
            self._save()
        for callback in list(self._listeners):
            callback(which, coerced)

    def reset(self, which: Setting[Any]) -> None:
        self.set(which, which.default)

    def add_listener(self, callback: Listener) -> None:
        """``callback(setting, value)`` after each change: ``setting`` is the declared object
        (compare it with ``is``, e.g. ``setting is THEME``), ``value`` the new stored value."""
        self._listeners.append(callback)

    def remove_listener(self, callback: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(callback)

    def as_dict(self) -> dict[str, SettingValue]:
        return {s.name: self.value(s) for s in SETTINGS}

    def _save(self) -> None:
        if self._path is None:
            return
        from desktop_app.vault.store import atomic_write

        self._path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self._path, json.dumps(self._values, indent=2, sort_keys=True).encode())
