"""A window whose vault is not synced and follows no Aegis folder starts its sync parts (the
folder watcher, the status line, the Aegis follower) after its first frame without loading the
sync service, the merge or the Aegis bridge: what they ask then is answered by ``desktop_app.sync``
itself (before this, ~66 M instructions of imports right after the first frame)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

PROBE = r"""
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from desktop_app.app import AppServices, open_vault_for
from desktop_app.paths import AppPaths
from desktop_app.settings import Settings
from desktop_app.ui import startup
from desktop_app.ui.application import build_window, create_app
from desktop_app.vault import KeyStore

paths = AppPaths.resolve(sys.argv[1])
services = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=KeyStore.memory())
app = create_app(window_hooks=False)
services.vault = open_vault_for(services, lambda creating: None)
window = build_window(services)
seen = {}

def after() -> None:  # registered after the window's own hooks: runs after them
    seen["status_ticking"] = window.sync_status._ticker.isActive()  # the line was started
    seen["modules"] = sorted(m for m in sys.modules if m.startswith("desktop_app.sync"))
    app.quit()

startup.after_first_paint(window, lambda: QTimer.singleShot(0, after))
window.show()
app.exec()
print(json.dumps(seen))
services.close()
"""

HEAVY = ("desktop_app.sync.service", "desktop_app.sync.merge", "desktop_app.sync.aegis_bridge")


def _start(data_dir: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["status_ticking"]  # the window's sync parts did start
    modules: list[str] = seen["modules"]
    return modules


def test_a_start_that_is_not_synced_loads_no_merge_code(tmp_path: Path) -> None:
    loaded = _start(tmp_path / "data")
    assert "desktop_app.sync" in loaded  # the light part answered
    for heavy in HEAVY:
        assert heavy not in loaded, heavy
