"""The frozen command against the same code run from source: start-up of the CLI.

    .venv/bin/python benchmarks/bench_frozen.py [--bundle dist/desktop-authenticator] [--runs 7]

The bundle is what ``packaging/release.py`` (or ``packaging/deb_smoke_test.sh``) freezes into
``dist/desktop-authenticator/``; measure it against the checkout it was frozen from. Times fresh
processes, alternating, in the same run:

* ``--version`` (nothing but the entry point and argument check);
* ``list --json`` with 500 accounts, when a Secret Service answers on the session bus (run it as
  ``benchmarks/bench_cli_list.py`` says), else left out with a line saying so.

The source runs are ``python -m desktop_app ...`` with bytecode (benchmarks/bytecode.py). Prints
medians and the ratio frozen / source for each (aim: <= 1x, the frozen app no slower than the
source it was built from). Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bytecode import cache_dir, child_env  # noqa: E402


def _secret_service_answers() -> bool:
    from desktop_app.vault.secret_service import SecretServiceStore

    return SecretServiceStore.usable()


def _time(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:3])} ... failed ({out.returncode}): {out.stderr[-400:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "desktop-authenticator")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--accounts", type=int, default=500)
    args = parser.parse_args()
    exe = args.bundle / "desktop-authenticator"
    if not exe.exists():
        print(f"no frozen bundle at {exe}: build one with packaging/release.py", file=sys.stderr)
        return 2
    commands: dict[str, list[str]] = {"--version": ["--version"]}
    with tempfile.TemporaryDirectory() as tmp, cache_dir() as pycache:
        if _secret_service_answers():
            from benchmarks.bench_cli_list import build

            folder = Path(tmp) / "data"
            build(folder, args.accounts)
            commands["list --json"] = ["--data-dir", str(folder), "list", "--json"]
        else:
            print("no Secret Service on the session bus: list --json left out")
        env = child_env(pycache, QT_QPA_PLATFORM="offscreen", HOME=os.environ.get("HOME", tmp))
        source = [sys.executable, "-m", "desktop_app"]
        times: dict[tuple[str, str], list[float]] = {}
        for run in range(args.runs + 1):  # run 0 writes the bytecode and warms the page cache
            for name, words in commands.items():
                for kind, head in (("source", source), ("frozen", [str(exe)])):
                    elapsed = _time([*head, *words], env)
                    if run:
                        times.setdefault((name, kind), []).append(elapsed)
    print(f"bundle: {args.bundle}, runs: {args.runs}")
    for name in commands:
        src = statistics.median(times[(name, "source")])
        frz = statistics.median(times[(name, "frozen")])
        print(
            f"  {name:12s} source {src * 1000:6.1f} ms   frozen {frz * 1000:6.1f} ms   "
            f"ratio frozen/source {frz / src:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
