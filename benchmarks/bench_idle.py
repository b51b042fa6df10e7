"""Idle CPU and memory with 100 codes on screen (offscreen).

    python benchmarks/bench_idle.py [--seconds 20] [--accounts 100]

Opens the main window tall enough to show every account, lets it idle (the one-second timer
ticks, visible rows repaint), and prints the CPU used as a percentage of one core, the resident
memory, the number of ticks and row paints, and whether OpenCV got imported. Asserts nothing.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def count_paints_and_ticks() -> dict[str, int]:
    """Count full row paints, countdown-ring paints and timer ticks from outside the product
    classes (their methods wrapped in this process); the counts are read from the dict."""
    from desktop_app.ui.account_delegate import AccountDelegate
    from desktop_app.ui.accounts_model import AccountsModel

    counts = {"paints": 0, "rings": 0, "ticks": 0}

    def counted(cls: type, name: str, key: str) -> None:
        original = getattr(cls, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            counts[key] += 1
            return original(*args, **kwargs)

        setattr(cls, name, wrapper)

    counted(AccountDelegate, "paint_row", "paints")
    counted(AccountDelegate, "paint_ring_only", "rings")
    counted(AccountsModel, "tick", "ticks")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--accounts", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop, QTimer

    from desktop_app.app import AppServices
    from desktop_app.otp.model import Entry
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.theme import apply_theme
    from desktop_app.vault import KeyStore, Vault

    tmp = Path(tempfile.mkdtemp())
    paths = AppPaths.resolve(tmp)
    paths.ensure()
    keystore = KeyStore.memory()
    services = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=keystore)
    services.vault = Vault.open(tmp, keystore=keystore)
    services.vault.add_many(
        [
            Entry(
                base64.b32encode(hashlib.sha1(f"idle{i}".encode()).digest()).decode().rstrip("="),
                f"Service {i:03d}",
                f"user{i}@example.com",
                period=30 if i % 3 else 60,
            )
            for i in range(args.accounts)
        ]
    )
    app = create_app()
    apply_theme(app, "light")
    counting = count_paints_and_ticks()
    window = build_window(services)
    row_h = window.view.sizeHintForRow(0)
    window.resize(560, row_h * args.accounts + 140)
    window.show()
    app.processEvents()
    visible = sum(
        1
        for r in range(window.proxy.rowCount())
        if window.view.viewport()
        .rect()
        .intersects(window.view.visualRect(window.proxy.index(r, 0)))
    )
    # settle, then measure
    loop = QEventLoop()  # app.quit() would close the window (Qt 6)
    if os.environ.get("BENCH_NO_TIMER"):
        window.model.stop()
    QTimer.singleShot(1500, loop.quit)
    loop.exec()
    paints0, rings0, ticks0 = counting["paints"], counting["rings"], counting["ticks"]
    cpu0, wall0 = cpu_seconds(), time.monotonic()
    QTimer.singleShot(int(args.seconds * 1000), loop.quit)
    loop.exec()
    cpu1, wall1 = cpu_seconds(), time.monotonic()
    paints = counting["paints"] - paints0
    rings = counting["rings"] - rings0
    ticks = counting["ticks"] - ticks0
    wall = wall1 - wall0
    print(
        f"accounts: {args.accounts}, rows visible on screen: {visible}, window {window.width()}x{window.height()}"
    )
    print(
        f"idle for {wall:.1f} s: CPU {100 * (cpu1 - cpu0) / wall:.2f} % of one core (target < 0.5 %)"
    )
    print(
        f"  timer ticks: {ticks} ({ticks / wall:.2f}/s); full row paints: {paints}, "
        f"countdown-ring paints: {rings} ({rings / max(ticks, 1):.0f} per tick)"
    )
    print(f"  resident memory: {rss_mb():.0f} MB (target < 150 MB)")
    print(
        f"  cv2 imported: {'cv2' in sys.modules}; desktop_app.scanning imported: {'desktop_app.scanning' in sys.modules}"
    )
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
