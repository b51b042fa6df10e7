"""Render the quick-copy window (issue 25) into PNGs, to look at.

    xvfb-run -a python benchmarks/quick_copy_shots.py OUT_DIR

Light and dark, at 100 % and 200 % (QT_SCALE_FACTOR=2), English and German (child processes):
the window with every account, searched, and locked; with a clock correction of 95 s (the codes
shown are the corrected ones); and the Settings line under the shortcut in each state (X11 grab,
bound through the desktop portal, waiting for the desktop, declined, none). The shortcut states
are set directly (no key is grabbed, no portal asked).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import _entries, _services, main_over_variants  # noqa: E402


def render(out: Path, suffix: str, language: str) -> list[Path]:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication, QLabel

    from desktop_app.settings import CLOCK_OFFSET_MS
    from desktop_app.ui import global_shortcut
    from desktop_app.ui.application import create_app
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.quick_copy import QuickCopyWindow
    from desktop_app.ui.settings_dialog import SettingsDialog
    from desktop_app.ui.theme import apply_theme

    app = create_app([sys.argv[0]])
    install_translations(app, language)
    saved: list[Path] = []

    def save(widget: object, name: str) -> None:
        path = out / f"{name}_{language}_{suffix}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        saved.append(path)

    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder), password="shots")
        assert services.vault is not None
        services.vault.add_many(_entries())
        window = MainWindow(services)
        quick = QuickCopyWindow(window)
        themes = ("light", "dark") if language == "en" else ("light",)
        for theme in themes:
            apply_theme(app, theme)
            quick.present()
            QApplication.processEvents()
            save(quick, f"quick_all_{theme}")
            quick.search.setText("goo")
            QApplication.processEvents()
            save(quick, f"quick_search_{theme}")
            quick.close()
            services.settings.set(CLOCK_OFFSET_MS, 95_000)
            quick.present()
            QApplication.processEvents()
            save(quick, f"quick_corrected_{theme}")
            quick.close()
            services.settings.set(CLOCK_OFFSET_MS, 0)
            dialog = SettingsDialog(services)
            dialog.resize(760, 900)
            dialog.show()
            QApplication.processEvents()
            label = dialog.findChild(QLabel, "shortcut_status")
            states = [
                ("x11", global_shortcut.X11, ""),
                ("portal", global_shortcut.PORTAL, "Ctrl+Alt+A"),
                ("pending", global_shortcut.PORTAL_PENDING, ""),
                ("refused", global_shortcut.PORTAL_REFUSED, ""),
                ("none", global_shortcut.OFF, ""),
            ]
            for name, how, trigger in states:
                global_shortcut.state().set(how, trigger)
                QApplication.processEvents()
                if label is not None:  # the shortcut's row and the line under it
                    field = dialog.widgets["quick_copy_shortcut"]
                    top = max(0, field.mapTo(dialog, QPoint(0, 0)).y() - 34)
                    bottom = label.mapTo(dialog, QPoint(0, label.height())).y() + 10
                    path = out / f"settings_shortcut_{name}_{theme}_{language}_{suffix}.png"
                    dialog.grab(QRect(0, top, dialog.width(), bottom - top)).save(str(path))
                    saved.append(path)
            dialog.close()
        window.locking.lock()
        quick.present()
        QApplication.processEvents()
        save(quick, "quick_locked")
        quick.close()
        window.close()
        services.close()
    return saved


def main() -> int:
    return main_over_variants(__file__, __doc__ or "", render)


if __name__ == "__main__":
    raise SystemExit(main())
