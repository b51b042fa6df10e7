"""Render the main window's clock banner (issue 25) into PNGs, light and dark (and German).

    xvfb-run -a python benchmarks/clock_banner_shots.py OUT_DIR

Three states: the clock is not synchronised; a time server said it is 95 s behind (the offer to
correct the codes); the codes are corrected. The states are fed to the banner directly (the
system bus and the time server are not asked).
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(out: Path) -> None:
    os.environ[  # no system bus asked: a bus address that does not exist
        "DESKTOP_AUTHENTICATOR_TIMEDATE_BUS"
    ] = "unix:path=/nonexistent/bus"
    from PySide6.QtWidgets import QApplication
    from screenshots import _entries, _services

    from desktop_app import clock
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.theme import apply_theme

    app = create_app()
    out.mkdir(parents=True, exist_ok=True)
    for theme, language in (("light", "en"), ("dark", "en"), ("light", "de")):
        install_translations(app, language)
        apply_theme(app, theme)
        svc = _services(Path(tempfile.mkdtemp()) / "full")
        svc.vault.add_many(_entries())
        win = build_window(svc)
        win.resize(560, 520)
        win.show()
        banner = win.clock_banner
        banner.timer.stop()
        while banner._sync_job.busy:  # the start-up check (no bus here: "unknown") ends first
            app.processEvents()
        result = clock.SntpResult("pool.ntp.org", 95.2, 0.03, 2)
        states = {
            "not_synced": partial(banner._on_synchronised, False),
            "offset": partial(banner._on_offset, result),
            "corrected": banner.correct,
        }
        for name, step in states.items():
            step()
            for _ in range(5):
                app.processEvents()
            lang = "" if language == "en" else f"_{language}"
            path = out / f"clock_banner_{name}_{theme}{lang}.png"
            win.grab().save(str(path))
            print(path)
        win.close()
        QApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
