"""Every window fits its screen (200 % scaling included); Settings opens without scrolling."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QScrollArea

from desktop_app.ui.application import create_app

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]


def test_a_window_larger_than_the_screen_is_shrunk_into_it(qtbot):
    app = create_app()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setMinimumSize(6000, 6000)
    dialog.resize(8000, 7000)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = app.primaryScreen().availableGeometry()
    assert dialog.width() <= area.width() and dialog.height() <= area.height()
    assert area.contains(dialog.geometry())


def test_settings_opens_showing_every_page_without_scrolling(services, qtbot):
    from desktop_app.ui.settings_dialog import SettingsDialog

    create_app()
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for row, section in enumerate(dialog.section_names):
        dialog.nav.setCurrentRow(row)
        area = dialog.pages.currentWidget()
        assert isinstance(area, QScrollArea)
        qtbot.waitUntil(lambda a=area: a.widget().isVisible())
        assert area.verticalScrollBar().maximum() == 0, section
        assert area.horizontalScrollBar().maximum() == 0, section


CHILD = """
import json, sys, tempfile
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from desktop_app.app import AppServices
from desktop_app.paths import AppPaths
from desktop_app.settings import Settings
from desktop_app.vault import KeyStore, Vault
from desktop_app.ui.application import build_window, create_app

app = create_app()
paths = AppPaths.resolve(Path(tempfile.mkdtemp()))
paths.ensure()
keystore = KeyStore.memory()
svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=keystore)
svc.vault = Vault.open(paths.data_dir, keystore=keystore)
from desktop_app.ui.settings_dialog import SettingsDialog
from desktop_app.ui.import_dialog import ImportDialog
win = build_window(svc)
win.show()
out = {"screen": app.primaryScreen().availableGeometry().getRect()}
for name, w in (("main", win), ("settings", SettingsDialog(svc, win)), ("import", ImportDialog(svc, None, win))):
    w.show()
    app.processEvents()
    out[name] = w.frameGeometry().getRect()
    if w is not win:
        w.close()
print(json.dumps(out))
win.close()
svc.close()
"""


def test_at_200_percent_windows_stay_on_a_small_screen(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    env["QT_QPA_OFFSCREEN_GEOMETRY"] = "1000x1000"  # harmless where unsupported
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    sx, sy, sw, sh = result.pop("screen")
    assert sh < 680  # the main window's default would not fit: the clamp is exercised
    for name, (x, y, w, h) in result.items():
        assert w <= sw and h <= sh, (name, w, h, sw, sh)
        assert x >= sx and y >= sy and x + w <= sx + sw and y + h <= sy + sh, name
