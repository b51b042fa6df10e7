"""Reproducible builds: bounded dependencies, and constraints.txt pinning the runtime closure.

The pins must be the versions installed here (the suite is running on them), satisfy every
bound in pyproject.toml, and cover every runtime dependency; packaging/release.py refuses to
freeze from an environment that differs. Regenerate with scripts/update_constraints.py.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


release = _load("release_for_tests", ROOT / "packaging" / "release.py")
lock = _load("update_constraints_for_tests", ROOT / "scripts" / "update_constraints.py")


def _all_requirements() -> list[Requirement]:
    reqs = [Requirement(r) for r in PYPROJECT["dependencies"]]
    for extra in PYPROJECT["optional-dependencies"].values():
        reqs += [Requirement(r) for r in extra]
    return reqs


def test_every_dependency_has_a_major_upper_bound() -> None:
    for req in _all_requirements():
        uppers = [s for s in req.specifier if s.operator in ("<", "<=", "~=", "==")]
        assert uppers, f"{req.name} has no upper bound"


def test_linters_are_a_dev_extra_and_test_deps_are_used() -> None:
    extras = PYPROJECT["optional-dependencies"]
    names = {k: {canonicalize_name(Requirement(r).name) for r in v} for k, v in extras.items()}
    assert {"ruff", "mypy"} <= names["dev"]
    assert not ({"ruff", "mypy"} & names["test"])
    sources = "\n".join(p.read_text("utf-8") for p in (ROOT / "tests").rglob("*.py"))
    imports = {
        "pytest": "pytest",
        "pytest-qt": "qtbot",
        "hypothesis": "hypothesis",
        "pillow": "PIL",
        "pytest-timeout": None,
        "jsonschema": "jsonschema",
        "emnify-sdk": "from emnify",  # tests/portal/test_emnify_sdk.py
    }
    for name in names["test"]:
        assert name in imports, f"{name}: is it used? (add it here with what uses it)"
        used = imports[name]
        assert used is None or used in sources, f"no test uses {name}"


def test_constraints_pin_the_installed_runtime_closure() -> None:
    pins = release.read_constraints()
    closure = lock.runtime_closure()
    stale = "constraints.txt is stale: run scripts/update_constraints.py"
    assert {name: pins.get(name) for name in closure} == closure, stale
    if sys.platform.startswith("linux"):  # the file is generated on Linux
        assert set(pins) == set(closure), stale
        assert (ROOT / "constraints.txt").read_text("utf-8") == lock.render(closure)


def test_pins_satisfy_the_bounds_in_pyproject() -> None:
    pins = release.read_constraints()
    for req in (Requirement(r) for r in PYPROJECT["dependencies"]):
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is not pinned"
        assert req.specifier.contains(Version(pins[name]), prereleases=True), (name, pins[name])


def test_release_refuses_an_environment_that_differs() -> None:
    pins = release.read_constraints()
    assert "numpy" in release.check_constraints(pins)
    with pytest.raises(
        release.ReleaseError, match=r"numpy .* installed, constraints.txt pins 0\.1"
    ):
        release.check_constraints({**pins, "numpy": "0.1"})
    missing = {k: v for k, v in pins.items() if k != "segno"} | {"no-such-package": "1.0"}
    assert "no-such-package" not in release.check_constraints(missing)  # not needed: ignored
