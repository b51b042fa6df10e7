"""The GUI's language: German or English, following the system unless the ``language`` setting
says otherwise.

``install_translations(app, "system" | "en" | "de")`` loads, for a German choice, the app's
compiled catalogue ``desktop_app/data/translations/desktop_authenticator_de.qm`` (from
``resources/translations/desktop_authenticator_de.ts``, refreshed by
``scripts/update-translations.sh``) and Qt's own ``qtbase_de.qm`` (standard buttons such as
Cancel and Close). Every GUI string goes through ``self.tr()`` or
``QCoreApplication.translate()``; texts written before a translator exists (module constants)
are marked with :func:`QT_TRANSLATE_NOOP` and translated where they are shown.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale

from desktop_app.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

__all__ = [
    "QT_TRANSLATE_NOOP",
    "core_text",
    "install_translations",
    "resolve",
    "sentence",
    "short_datetime",
]

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parents[1] / "data" / "translations"
CATALOGUE = "desktop_authenticator"
LANGUAGES = ("en", "de")  # English is the source language: it needs no catalogue

_installed: list[QTranslator] = []


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to show for the setting ``choice``: "en" or "de"."""
    if choice in LANGUAGES:
        return choice
    locale = system or QLocale.system()
    for name in [locale.name(), *locale.uiLanguages()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def catalogue_path(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.qm"


def install_translations(app: QApplication, choice: str = "system") -> str:
    """Install the translators for ``choice`` (replacing earlier ones); the language shown."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = resolve(choice)
    _use_number_locale(language)
    if language == "en":
        return language
    # Loaded here, not at import: an English start does not build these Qt types (~5 ms).
    from PySide6.QtCore import QLibraryInfo, QTranslator

    ours = QTranslator(app)
    if not ours.load(str(catalogue_path(language))):
        log.warning("no %s translation found; showing English", language)
        return "en"
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    core = QTranslator(app)  # the core's N_() messages (importer errors ...): core_<lang>.qm
    if core.load(str(TRANSLATIONS / f"core_{language}.qm")):
        app.installTranslator(core)
        _installed.append(core)
    return language


def _use_number_locale(language: str) -> None:
    """Numbers, dates and spin boxes follow the language shown: the system's own locale when it
    speaks that language (its regional formats), else that language's ("2,5 s" in German)."""
    system = QLocale.system()
    if system.name().split("_")[0] == language:
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale(language))


def number(value: float, decimals: int | None = None) -> str:
    """``value`` written as the person's locale writes numbers: "1,234" / "1.234", "2.5" /
    "2,5" (``decimals`` digits after the point; an int without any)."""
    locale = QLocale()
    if decimals is None and isinstance(value, int):
        return locale.toString(value)
    return locale.toString(float(value), "f", 1 if decimals is None else decimals)


#: dates and times where the system names no locale (C, POSIX): ISO 8601, which no reader takes
#: for another day ("7 12 2026" or "12/7/26" could be either)
ISO_DATETIME = "yyyy-MM-dd HH:mm"


def has_regional_formats(system: QLocale | None = None) -> bool:
    """Whether the system names a real locale (not C/POSIX), whose formats the person chose."""
    return (system or QLocale.system()).language() != QLocale.Language.C


def short_datetime(ms: int, system: QLocale | None = None) -> str:
    """A moment (ms since the epoch) as a short local date and time: the locale's own short
    form ("07.12.26 14:00", "07/12/2026 14:00"); ISO ("2026-12-07 14:00") with no real locale."""
    moment = QDateTime.fromMSecsSinceEpoch(int(ms))
    if not has_regional_formats(system):
        return moment.toString(ISO_DATETIME)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def ago(seconds: int) -> str:
    """ "just now", "2 min ago", "3 h ago", "4 days ago" in the GUI's language."""
    from PySide6.QtCore import QCoreApplication

    seconds = max(0, seconds)
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if seconds < 60:
        return QCoreApplication.translate("Time", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("Time", "{n} min ago").format(n=minutes)
    if seconds < 86400:
        return QCoreApplication.translate("Time", "{n} h ago").format(n=hours)
    return QCoreApplication.translate("Time", "{n} day(s) ago").format(n=days)


def core_text(message: object) -> str:
    """A core message (an exception, or text marked with ``N_``) in the GUI's language; any
    other text as it is. A translation that does not fit its arguments shows the English."""
    from PySide6.QtCore import QCoreApplication

    from desktop_app.i18n import translated

    return translated(message, QCoreApplication.translate)


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a full stop (messages of errors)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…:)" else text + "."
