"""Dates in the sync history and Recently Deleted: the locale's short form where the system names
a locale; ISO 8601 under C/POSIX, where Qt would write "7 12 2026" (or, once the GUI's English is
set up, the US "12/7/26"), which a reader cannot tell from 12 July."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from desktop_app.ui.i18n import has_regional_formats, short_datetime

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def moment() -> int:
    """7 December 2026, 14:00 local time."""
    return QDateTime(QDate(2026, 12, 7), QTime(14, 0)).toMSecsSinceEpoch()


@pytest.fixture
def default_locale():
    saved = QLocale()
    yield QLocale.setDefault
    QLocale.setDefault(saved)


def test_no_real_locale_gives_iso(moment, default_locale) -> None:
    default_locale(QLocale("en_US"))  # what the GUI's English sets under C
    assert not has_regional_formats(QLocale.c())
    assert short_datetime(moment, QLocale.c()) == "2026-12-07 14:00"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("de_DE", "07.12.26 14:00"), ("en_GB", "07/12/2026 14:00"), ("en_US", "12/7/26 2:00\u202fPM")],
)
def test_a_real_locale_gives_its_short_form(moment, default_locale, name, expected) -> None:
    default_locale(QLocale(name))
    assert has_regional_formats(QLocale(name))
    assert short_datetime(moment, QLocale(name)) == expected


CHILD = textwrap.dedent(
    """
    import json, sys, tempfile
    from pathlib import Path
    from desktop_app.otp.model import Entry
    from desktop_app.settings import Settings
    from desktop_app.ui.application import create_app
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.recently_deleted import RecentlyDeletedDialog
    from desktop_app.vault import KeyStore, Vault

    app = create_app([sys.argv[0]])
    install_translations(app, "system")  # as the app's start does
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault.open(Path(folder), keystore=KeyStore.memory())
        entry = vault.add(Entry("JBSWY3DPEHPK3PXP", "GitHub", "octocat"))
        vault.remove(entry.uuid)
        dialog = RecentlyDeletedDialog(None, vault)
        item = dialog.tree.topLevelItem(0)
        print(json.dumps([item.text(0), item.text(1)]))
        vault.close()
    """
)


def _deleted_row(lang: str, tmp_path: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    ("lang", "pattern"),
    [
        ("C", r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"),
        ("POSIX", r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"),
        ("C.UTF-8", r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}"),
        ("de_DE.UTF-8", r"\d{2}\.\d{2}\.\d{2} \d{2}:\d{2}"),
        ("en_GB.UTF-8", r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}"),
    ],
)
def test_recently_deleted_dates_follow_the_system_locale(lang, pattern, tmp_path) -> None:
    label, when = _deleted_row(lang, tmp_path)
    assert label == "GitHub: octocat"
    assert re.fullmatch(pattern, when), when
