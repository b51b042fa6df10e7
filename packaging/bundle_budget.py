"""The frozen bundle's size against its budget (packaging/bundle-budget.toml).

    .venv/bin/python packaging/bundle_budget.py [dist/desktop-authenticator]

Prints the largest files and each budget line (what it matched, its limit), and exits 1 when the
bundle or one line is over. ``release.py`` runs it right after stripping (so does
``deb_smoke_test.sh`` through it), and ``tests/packaging/test_bundle_budget.py`` checks a built
bundle with it.

The budget: ``total`` (MiB, the whole unpacked bundle), and ``[groups]``: a path pattern
(``fnmatch``, relative to the bundle, ``/`` separators) -> the MiB that the files it matches may
take together. A file counts in the first group whose pattern matches it; every file must match
one (the table ends with a catch-all), so a new large file shows up in a line of its own.

Which budget: the bundle itself says which OpenCV it holds. With the wheel's libraries
(``_internal/opencv_python_headless.libs``) it is the ``[wheel]`` budget (CI's bundle, built
without the cached slim OpenCV), else the top-level one (the slim OpenCV releases ship). The
table's first line names it, so a wheel bundle is never reported against the release budget.
"""

from __future__ import annotations

import fnmatch
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

BUDGET_FILE = Path(__file__).resolve().with_name("bundle-budget.toml")
MIB = 2**20
WHEEL_OPENCV_LIBS = "_internal/opencv_python_headless.libs"
FLAVOURS = {
    "slim": "slim OpenCV, what releases ship",
    "wheel": "the wheel's OpenCV (no build/opencv-slim; not what releases ship)",
}


@dataclass
class Group:
    pattern: str
    limit_mib: float
    files: list[tuple[str, int]] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(size for _, size in self.files)

    @property
    def over(self) -> bool:
        return self.size > self.limit_mib * MIB


@dataclass
class Report:
    total: int
    total_limit_mib: float
    groups: list[Group]
    largest: list[tuple[str, int]]
    flavour: str = "slim"

    @property
    def over(self) -> list[str]:
        """One line per budget exceeded (empty: within budget)."""
        lines = [
            f"{g.pattern}: {g.size / MIB:.1f} MiB > {g.limit_mib:g} MiB"
            for g in self.groups
            if g.over
        ]
        if self.total > self.total_limit_mib * MIB:
            lines.insert(0, f"total: {self.total / MIB:.1f} MiB > {self.total_limit_mib:g} MiB")
        return lines

    def table(self) -> str:
        rows = [
            f"bundle: {self.total / MIB:.1f} MiB (budget {self.total_limit_mib:g} MiB;"
            f" {FLAVOURS[self.flavour]})"
        ]
        rows.append("largest files:")
        rows += [f"  {size / MIB:7.1f} MiB  {path}" for path, size in self.largest]
        rows.append("budget lines (MiB used / allowed):")
        for g in self.groups:
            mark = "  OVER" if g.over else ""
            rows.append(
                f"  {g.size / MIB:7.1f} / {g.limit_mib:6g}  {g.pattern} ({len(g.files)} files){mark}"
            )
        return "\n".join(rows)


def flavour(bundle: Path) -> str:
    """ "wheel" when the bundle carries the OpenCV wheel's libraries, else "slim"."""
    return "wheel" if (bundle / WHEEL_OPENCV_LIBS).is_dir() else "slim"


def load_budget(
    path: Path = BUDGET_FILE, which: str = "slim"
) -> tuple[float, list[tuple[str, float]]]:
    """(total, [(pattern, MiB)]) of the top-level budget, or of ``[wheel]``: its lines replace
    the top-level ones of the same pattern, new ones go before the catch-all."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    groups = {str(p): float(v) for p, v in data["groups"].items()}
    if which == "slim":
        return float(data["total"]), list(groups.items())
    if which not in data:
        raise ValueError(f"{path.name} has no [{which}] budget")
    section = data[which]
    for pattern, mib in section.get("groups", {}).items():
        if pattern in groups:
            groups[pattern] = float(mib)
        else:
            catch_all = groups.pop("*", None)
            groups[str(pattern)] = float(mib)
            if catch_all is not None:
                groups["*"] = catch_all
    return float(section["total"]), list(groups.items())


def measure(bundle: Path, budget: tuple[float, list[tuple[str, float]]], top: int = 15) -> Report:
    """Sizes of the bundle's files (symlinks count as their own small size) sorted into the
    budget's groups. A file no pattern matches raises ValueError."""
    total_limit, patterns = budget
    groups = [Group(p, limit) for p, limit in patterns]
    files: list[tuple[str, int]] = []
    for path in sorted(bundle.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        rel = path.relative_to(bundle).as_posix()
        size = path.lstat().st_size
        files.append((rel, size))
        group = next((g for g in groups if fnmatch.fnmatchcase(rel, g.pattern)), None)
        if group is None:
            raise ValueError(f"{rel} matches no line of the bundle budget")
        group.files.append((rel, size))
    largest = sorted(files, key=lambda f: -f[1])[:top]
    return Report(sum(s for _, s in files), total_limit, groups, largest, flavour(bundle))


def check(bundle: Path, budget_file: Path = BUDGET_FILE) -> Report:
    """The bundle against the budget of the OpenCV it holds."""
    return measure(bundle, load_budget(budget_file, flavour(bundle)))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    bundle = (
        Path(args[0])
        if args
        else Path(__file__).resolve().parents[1] / "dist" / "desktop-authenticator"
    )
    if not bundle.is_dir():
        print(f"bundle_budget: no bundle at {bundle}", file=sys.stderr)
        return 2
    report = check(bundle)
    print(report.table())
    for line in report.over:
        print(f"bundle_budget: OVER BUDGET: {line}", file=sys.stderr)
    return 1 if report.over else 0


if __name__ == "__main__":
    sys.exit(main())
