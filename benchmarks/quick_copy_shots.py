"""Render the quick-copy window (issue 25) into PNGs, light and dark, searched and locked.

xvfb-run -a python benchmarks/quick_copy_shots.py OUT_DIR
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import _entries, _services  # noqa: E402


def main(out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.application import create_app
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.quick_copy import QuickCopyWindow
    from desktop_app.ui.theme import apply_theme

    out.mkdir(parents=True, exist_ok=True)
    app = create_app([sys.argv[0]])
    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder), password="shots")
        assert services.vault is not None
        services.vault.add_many(_entries())
        window = MainWindow(services)
        quick = QuickCopyWindow(window)
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            quick.present()
            QApplication.processEvents()
            quick.grab().save(str(out / f"quick-all-{theme}.png"))
            quick.search.setText("goo")
            QApplication.processEvents()
            quick.grab().save(str(out / f"quick-search-{theme}.png"))
            quick.close()
        from desktop_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(services)  # no grab in this process: the commands to bind
        dialog.resize(760, 900)
        dialog.show()
        QApplication.processEvents()
        dialog.grab().save(str(out / "settings-shortcut-dark.png"))
        dialog.close()
        window.locking.lock()
        quick.present()
        QApplication.processEvents()
        quick.grab().save(str(out / "quick-locked-dark.png"))
        quick.close()
        window.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/quick-shots")))
