"""The frozen bundle's size against packaging/bundle-budget.toml.

The checker is tested on a tree of real files here; the built bundle itself is checked when one
is there: ``DESKTOP_AUTHENTICATOR_BUNDLE=dist/desktop-authenticator`` (CI sets it after the
freeze, so there the test cannot skip) or ``dist/desktop-authenticator`` of this checkout.
``release.py`` runs the same check right after every freeze, so an over-budget bundle stops a
release (and ``deb_smoke_test.sh``) before any installer is built.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_budget  # noqa: E402

MIB = 2**20


def _file(root: Path, rel: str, mib: float) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        fh.truncate(int(mib * MIB))


def _budget(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "budget.toml"
    path.write_text(text, encoding="utf-8")
    return path


BUDGET = """
total = 10
[groups]
"_internal/big/libhuge*" = 4
"_internal/big/*" = 3
"*" = 2
"""


def test_files_count_in_their_first_line_and_the_largest_are_listed(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    _file(bundle, "_internal/big/libhuge.so.1", 3.5)
    _file(bundle, "_internal/big/sub/other.so", 1.0)
    _file(bundle, "_internal/big/more.so", 1.5)
    _file(bundle, "app", 0.5)
    report = bundle_budget.check(bundle, _budget(tmp_path, BUDGET))
    sizes = {g.pattern: round(g.size / MIB, 2) for g in report.groups}
    assert sizes == {"_internal/big/libhuge*": 3.5, "_internal/big/*": 2.5, "*": 0.5}
    assert report.over == []
    assert [p for p, _ in report.largest] == [
        "_internal/big/libhuge.so.1",
        "_internal/big/more.so",
        "_internal/big/sub/other.so",
        "app",
    ]
    assert "6.5 MiB (budget 10 MiB;" in report.table()


def test_a_line_or_the_total_over_budget_is_reported(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    _file(bundle, "_internal/big/libhuge.so.1", 4.5)
    _file(bundle, "_internal/big/more.so", 2.0)
    _file(bundle, "x/y.bin", 4.0)
    report = bundle_budget.check(bundle, _budget(tmp_path, BUDGET))
    assert report.over == [
        "total: 10.5 MiB > 10 MiB",
        "_internal/big/libhuge*: 4.5 MiB > 4 MiB",
        "*: 4.0 MiB > 2 MiB",
    ]
    assert "OVER" in report.table()


def test_a_file_no_line_matches_is_an_error(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    _file(bundle, "stray.so", 0.1)
    budget = _budget(tmp_path, 'total = 1\n[groups]\n"_internal/*" = 1\n')
    with pytest.raises(ValueError, match=r"stray\.so matches no line"):
        bundle_budget.check(bundle, budget)


def test_the_command_fails_loudly_when_over(tmp_path: Path, capsys) -> None:
    bundle = tmp_path / "bundle"
    _file(bundle, "desktop-authenticator", 300.0)
    assert bundle_budget.main([str(bundle)]) == 1
    err = capsys.readouterr().err
    assert "OVER BUDGET: total: 300.0 MiB > 200 MiB" in err


WHEEL_BUDGET = (
    BUDGET
    + """
[wheel]
total = 30
[wheel.groups]
"_internal/big/*" = 5
"_internal/opencv_python_headless.libs/*" = 12
"""
)


def test_a_bundle_with_the_wheels_opencv_libraries_is_held_to_the_wheel_budget(
    tmp_path: Path,
) -> None:
    slim = tmp_path / "slim"
    _file(slim, "_internal/big/more.so", 4.0)
    wheel = tmp_path / "wheel"
    _file(wheel, "_internal/big/more.so", 4.0)
    _file(wheel, "_internal/opencv_python_headless.libs/libavcodec.so", 11.0)
    budget = _budget(tmp_path, WHEEL_BUDGET)

    slim_report = bundle_budget.check(slim, budget)
    assert slim_report.flavour == "slim"
    assert slim_report.over == ["_internal/big/*: 4.0 MiB > 3 MiB"]
    assert "budget 10 MiB; slim OpenCV, what releases ship" in slim_report.table()

    wheel_report = bundle_budget.check(wheel, budget)
    assert wheel_report.flavour == "wheel"
    assert wheel_report.over == []
    # the [wheel] lines replace the shared one of the same pattern; a new one goes before "*"
    assert [(g.pattern, g.limit_mib) for g in wheel_report.groups] == [
        ("_internal/big/libhuge*", 4.0),
        ("_internal/big/*", 5.0),
        ("_internal/opencv_python_headless.libs/*", 12.0),
        ("*", 2.0),
    ]
    assert "budget 30 MiB; the wheel's OpenCV (no build/opencv-slim; not what releases ship)" in (
        wheel_report.table()
    )


def test_a_wheel_bundle_against_a_budget_without_a_wheel_section_is_an_error(
    tmp_path: Path,
) -> None:
    wheel = tmp_path / "wheel"
    _file(wheel, "_internal/opencv_python_headless.libs/libavcodec.so", 1.0)
    with pytest.raises(ValueError, match=r"no \[wheel\] budget"):
        bundle_budget.check(wheel, _budget(tmp_path, BUDGET))


def test_the_release_budget_totals_at_most_200_mib_and_ends_with_a_catch_all() -> None:
    total, groups = bundle_budget.load_budget()
    assert total <= 200
    assert groups[-1][0] == "*"
    wheel_total, wheel_groups = bundle_budget.load_budget(which="wheel")
    assert wheel_total > total  # the wheel's OpenCV does not fit the release goal
    assert wheel_groups[-1] == groups[-1]


def _built_bundle() -> Path | None:
    named = os.environ.get("DESKTOP_AUTHENTICATOR_BUNDLE")
    if named:
        return Path(named)
    default = ROOT / "dist" / "desktop-authenticator"
    return default if default.is_dir() else None


def test_the_built_bundle_is_within_its_budget() -> None:
    bundle = _built_bundle()
    if bundle is None:
        pytest.skip("no frozen bundle in this checkout (.ci/run runs this test after the freeze)")
    assert bundle.is_dir(), f"DESKTOP_AUTHENTICATOR_BUNDLE names no bundle: {bundle}"
    report = bundle_budget.check(bundle)
    print(report.table())
    assert report.over == [], "\n".join(report.over) + "\n" + report.table()
