"""Decode rate and speed: each decoder alone vs the pipeline, at 640x480 and 1280x720.

    .venv/bin/python benchmarks/bench_decode.py [--corpus DIR] [--per-category N]

Generates the corpus (benchmarks/decode_corpus.py) into a temp folder unless --corpus points at
one, then prints, per resolution, for zxing-cpp, pyzbar, OpenCV's QRCodeDetector and the
pipeline (desktop_app.scanning.decode): codes decoded, rate, median / 90th percentile ms per
image, and median ms on frames without a code. Targets: pipeline >= best single decoder; median
<= 2 ms at 640x480 and <= 5 ms at 1280x720.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.decode_corpus import CATEGORIES, generate
from desktop_app.scanning import decode as pipeline_decode
from desktop_app.scanning.decoders import (
    opencv_detect,
    pyzbar_available,
    pyzbar_detect,
    zxing_detect,
)


def _zxing(img: np.ndarray) -> list[str]:
    return [d.text for d in zxing_detect(img)]


def _pyzbar(img: np.ndarray) -> list[str]:
    return [d.text for d in pyzbar_detect(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))]


def _opencv(img: np.ndarray) -> list[str]:
    return [d.text for d in opencv_detect(img)]


DECODERS: dict[str, Callable[[np.ndarray], list[str]]] = {
    "zxing-cpp": _zxing,
    "pyzbar": _pyzbar,
    "opencv": _opencv,
    "pipeline": pipeline_decode,
}


def _ms(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return float(np.percentile(values, q))


def run(corpus: Path) -> int:
    items = json.loads((corpus / "manifest.json").read_text())["items"]
    images = {it["file"]: cv2.imread(str(corpus / it["file"]), cv2.IMREAD_COLOR) for it in items}
    if not pyzbar_available():
        print("note: pyzbar/libzbar not available; pyzbar column will be 0")
    status = 0
    for res in ("640x480", "1280x720"):
        sel = [it for it in items if it["resolution"] == res]
        coded = [it for it in sel if it["text"]]
        empty = [it for it in sel if not it["text"]]
        print(f"\n== {res}: {len(coded)} images with a code, {len(empty)} without ==")
        print(
            f"{'decoder':<10} {'decoded':>9} {'rate':>7} {'median ms':>10} {'p90 ms':>8} "
            f"{'empty ms':>9} {'false+':>7}"
        )
        per_cat: dict[str, dict[str, int]] = defaultdict(dict)
        counts: dict[str, int] = {}
        for name, fn in DECODERS.items():
            fn(images[sel[0]["file"]])  # warm up (lazy imports, allocations)
            times, empty_times, ok, false_pos = [], [], 0, 0
            cats: dict[str, int] = defaultdict(int)
            for it in coded:
                t0 = time.perf_counter()
                texts = fn(images[it["file"]])
                times.append((time.perf_counter() - t0) * 1000)
                if it["text"] in texts:
                    ok += 1
                    cats[it["category"]] += 1
            for it in empty:
                t0 = time.perf_counter()
                texts = fn(images[it["file"]])
                empty_times.append((time.perf_counter() - t0) * 1000)
                false_pos += bool(texts)
            counts[name] = ok
            per_cat[name] = dict(cats)
            print(
                f"{name:<10} {ok:>4}/{len(coded):<4} {100 * ok / len(coded):>6.1f}% "
                f"{statistics.median(times):>10.2f} {_ms(times, 90):>8.2f} "
                f"{statistics.median(empty_times) if empty_times else float('nan'):>9.2f} "
                f"{false_pos:>7}"
            )
        best_single = max(v for k, v in counts.items() if k != "pipeline")
        verdict = "OK" if counts["pipeline"] >= best_single else "BELOW best single decoder"
        print(f"pipeline {counts['pipeline']} vs best single {best_single}: {verdict}")
        if counts["pipeline"] < best_single:
            status = 1
        print("per category (decoded of", len(coded) // len(CATEGORIES), "each):")
        print("  " + f"{'category':<14}" + "".join(f"{n:>11}" for n in DECODERS))
        for cat in CATEGORIES:
            print("  " + f"{cat:<14}" + "".join(f"{per_cat[n].get(cat, 0):>11}" for n in DECODERS))
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="an existing corpus folder")
    parser.add_argument("--per-category", type=int, default=14)
    args = parser.parse_args(argv)
    cv2.setNumThreads(1)  # like the scan worker: one core for decoding, the other for the GUI
    if args.corpus:
        return run(args.corpus)
    with tempfile.TemporaryDirectory(prefix="qr-corpus-") as tmp:
        t0 = time.perf_counter()
        generate(Path(tmp), args.per_category)
        print(f"corpus generated in {time.perf_counter() - t0:.1f} s")
        return run(Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
