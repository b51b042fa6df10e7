"""Issue 13's benchmark set in one command, briefly (small run counts), as one table.

    python benchmarks/run_issue13.py [--root CHECKOUT] [--only NAME ...]

Runs bench_startup, bench_cli_list, bench_vault, bench_decode, bench_video_cli, bench_scan_loop,
bench_memory and bench_idle of ``--root`` (default: this checkout; another one, e.g. an older
commit's worktree, runs that checkout's own scripts on its own code), each in a fresh process,
and prints figure / floor / ratio / target per line. A script the checkout does not have, or one
that fails, is said so in the table. Asserts nothing. ``bench_cli_list`` reads the OS keyring: run
it where a Secret Service answers (see benchmarks/README.md). Takes a few minutes of CPU; the
figures are briefer, so noisier, than each script's own default run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

Row = tuple[str, str, str, str, str]  # figure, value, floor, ratio, target
Reader = Callable[[str], list[Row]]


def _find(pattern: str, text: str) -> tuple[str, ...]:
    found = re.search(pattern, text, re.MULTILINE)
    return found.groups() if found else ()


def _row(name: str, pattern: str, text: str, target: str, shape: Callable[..., Row]) -> Row:
    groups = _find(pattern, text)
    return shape(*groups) if groups else (name, "not printed", "", "", target)


def startup(out: str) -> list[Row]:
    return [
        _row(
            "start-up to first paint, wall",
            r"first paint\): ([\d.]+) s median\n.*?: ([\d.]+) s median; ratio ([\d.]+)x",
            out,
            "<= 1.8x",
            lambda v, f, r: (
                "start-up to first paint, wall",
                f"{v} s",
                f"{f} s",
                f"{r}x",
                "<= 1.8x",
            ),
        ),
        _row(
            "start-up to first paint, CPU",
            r"CPU time to first paint: ([\d.]+) s median, floor ([\d.]+) s; ratio ([\d.]+)x",
            out,
            "<= 1.8x",
            lambda v, f, r: (
                "start-up to first paint, CPU",
                f"{v} s",
                f"{f} s",
                f"{r}x",
                "<= 1.8x",
            ),
        ),
    ]


def cli_list(out: str) -> list[Row]:
    cmd = _find(r"^\s+list --json:?\s+([\d.]+) ms median", out)
    # the floor writing the same JSON (since issue 24's last stop; before it "floor (secretstorage
    # ...)" read only) and the read-only floor printed beside it
    floor = _find(r"^\s+floor \((?:read \+|secretstorage)[^)]*\)\s+([\d.]+) ms median", out)
    read_only = _find(r"^\s+read-only floor[^)]*\)\s+([\d.]+) ms median", out)
    # through keyring's backend: "old floor (keyring's ...)", before 7d61f2e "floor (keyring read ...):"
    old = _find(
        r"^\s+(?:old floor \(keyring|floor \(keyring read)[^)]*\):?\s+([\d.]+) ms median", out
    )
    rows: list[Row] = []
    for name, got in (
        ("list --json, lean floor", floor),
        ("list --json, read-only floor", read_only),
        ("list --json, keyring floor", old),
    ):
        if cmd and got:
            ratio = float(cmd[0]) / float(got[0])
            rows.append((name, f"{cmd[0]} ms", f"{got[0]} ms", f"{ratio:.2f}x", "<= 1.2x"))
    return rows or [("list --json", "not printed", "", "", "<= 1.2x")]


def vault(out: str) -> list[Row]:
    rows = []
    for label, floor_re, add_re in (
        ("vault.add of 1 in 10,000, durable", r"durable  floor.*?([\d.]+) ms", r"durable  vault.add.*?([\d.]+) ms"),
        ("vault.add of 1 in 10,000, no fsync", r"no fsync floor:\s+([\d.]+) ms", r"no fsync vault.add:\s+([\d.]+) ms"),
    ):  # fmt: skip
        floor, add = _find(floor_re, out), _find(add_re, out)
        if floor and add:
            ratio = float(add[0]) / float(floor[0])
            rows.append((label, f"{add[0]} ms", f"{floor[0]} ms", f"{ratio:.2f}x", "<= 2x"))
    return rows or [("vault.add", "not printed", "", "", "<= 2x")]


def decode(out: str) -> list[Row]:
    return [
        _row(
            "decode pipeline, read rate",
            r"pipeline ([\d.]+)% \(target >= 96%\), (\d+) wrong reads.*zxing-cpp alone ([\d.]+)%",
            out,
            ">= 96 %, 0 wrong",
            lambda p, w, z: (
                "decode pipeline, read rate",
                f"{p} % ({w} wrong)",
                f"{z} % (zxing-cpp)",
                "",
                ">= 96 %, 0 wrong",
            ),
        )
    ]


def video_cli(out: str) -> list[Row]:
    return [
        _row(
            "decode --video",
            r"decode --video: ([\d.]+) frames/s vs floor ([\d.]+) frames/s = (\d+)%",
            out,
            ">= 75 %",
            lambda v, f, r: (
                "decode --video",
                f"{v} frames/s",
                f"{f} frames/s",
                f"{r} %",
                ">= 75 %",
            ),
        )
    ]


def scan_loop(out: str) -> list[Row]:
    paced = out.split("== camera (paced at 30 fps) ==")[-1]
    attempts = _find(r"decode attempts/s\s+([\d.]+)", paced)
    stall = _find(r"longest stall ms\s+([\d.]+)", paced)
    floor_stall = _find(r"stall floor \(the ticker, no scan\): longest ([\d.]+) ms", out)
    rows: list[Row] = [
        ("scan loop, paced", f"{attempts[0]} attempts/s" if attempts else "not printed", "", "", ">= 30/s"),
        ("scan loop, longest GUI stall", f"{stall[0]} ms" if stall else "not printed",
         f"{floor_stall[0]} ms" if floor_stall else "", "", "<= 20 ms"),
    ]  # fmt: skip
    opened = _find(
        r"floor \(spawn[^)]*\)\s+(\d+) ms\n\s+scan window\s+(\d+) ms\n\s+ratio\s+([\d.]+)x", out
    )
    if opened:
        f, v, r = opened
        rows.append(("scan window open -> first preview", f"{v} ms", f"{f} ms", f"{r}x", "<= 1.3x"))
    else:
        rows.append(("scan window open -> first preview", "not printed", "", "", "<= 1.3x"))
    return rows


def memory(out: str) -> list[Row]:
    before = _find(r"floor \(idle, before the scan window\):\s+([\d.]+) MB", out)
    after = _find(r"after closing it:\s+([\d.]+) MB\s+\(\+([\d.-]+) MB", out)
    if not (before and after):
        return [("memory after the scan window", "not printed", "", "", "<= +25 MB")]
    return [
        ("memory after the scan window", f"{after[0]} MB (+{after[1]})", f"{before[0]} MB", "",
         "<= +25 MB"),
        ("memory idle, 100 accounts", f"{before[0]} MB", "", "", "< 150 MB"),
    ]  # fmt: skip


def idle(out: str) -> list[Row]:
    cpu = _find(r"CPU ([\d.]+) % of one core", out)
    rss = _find(r"resident memory: (\d+) MB", out)
    return [
        ("idle CPU, 100 codes", f"{cpu[0]} %" if cpu else "not printed", "", "", "< 0.5 %"),
        ("idle memory, 100 codes", f"{rss[0]} MB" if rss else "not printed", "", "", "< 150 MB"),
    ]


@dataclass(frozen=True)
class Bench:
    script: str
    args: tuple[str, ...]
    read: Reader


SET = (
    Bench("bench_startup.py", ("--runs", "3"), startup),
    Bench("bench_cli_list.py", ("--runs", "3"), cli_list),
    Bench("bench_vault.py", ("--rounds", "3"), vault),
    Bench("bench_decode.py", ("--per-category", "4"), decode),
    Bench("bench_video_cli.py", ("--seconds", "2", "--runs", "1"), video_cli),
    Bench("bench_scan_loop.py", ("--seconds", "2"), scan_loop),
    Bench("bench_memory.py", ("--seconds", "2"), memory),
    Bench("bench_idle.py", ("--seconds", "5"), idle),
)


def run(bench: Bench, root: Path, log: Path | None) -> tuple[list[Row], float]:
    script = root / "benchmarks" / bench.script
    if not script.exists():
        return [(bench.script, "no such benchmark in this checkout", "", "", "")], 0.0
    env = dict(os.environ, PYTHONPATH=str(root))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(script), *bench.args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    took = time.monotonic() - started
    if log is not None:
        with log.open("a", encoding="utf-8") as f:
            f.write(f"===== {bench.script} (exit {done.returncode}, {took:.0f} s)\n")
            f.write(done.stdout + done.stderr + "\n")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no output)"])[-1][:80]
        return [(bench.script, f"failed: {last}", "", "", "")], took
    return bench.read(done.stdout), took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=HERE, help="the checkout to measure")
    parser.add_argument("--only", nargs="*", help="script names (bench_startup ...) to run")
    parser.add_argument("--log", type=Path, help="append each script's whole output here")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    chosen = [b for b in SET if not args.only or b.script.removesuffix(".py") in args.only]
    rows: list[Row] = []
    for bench in chosen:
        got, took = run(bench, root, args.log)
        print(f"{bench.script}: {took:.0f} s", file=sys.stderr)
        rows.extend(got)
    head: Row = ("figure", "value", "floor", "ratio", "target")
    widths = [max(len(r[i]) for r in (head, *rows)) for i in range(5)]
    commit = subprocess.run(
        ["git", "-C", str(root), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    print(f"issue 13 set, {root} ({commit or 'no git'}), {os.cpu_count()} cores")
    for row in (head, tuple("-" * w for w in widths), *rows):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
