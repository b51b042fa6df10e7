"""``python -m desktop_app.ui.clipboard_owner SECONDS``: reads a code from stdin, puts it on the
clipboard, prints ``ready``, and keeps it there (X11 and Wayland clipboards live as long as
their owner) until ``SECONDS`` pass or something else is copied; then clears it if it is still
ours and exits. Used by ``desktop-authenticator copy`` without a window."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication

    from desktop_app.ui.clipboard import ClipboardGuard

    seconds = max(1, int(argv[0])) if argv else 30
    code = sys.stdin.readline().strip()
    app = QGuiApplication([sys.argv[0]])
    guard = ClipboardGuard()
    guard.copy(code, seconds)
    guard.cleared.connect(app.quit)
    guard._timer.timeout.connect(app.quit)
    app.clipboard().dataChanged.connect(
        lambda: app.quit() if app.clipboard().text() != code else None
    )
    print("ready", flush=True)
    sys.stdout.close()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
