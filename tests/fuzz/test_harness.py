"""The fuzz harness itself: it reports memory over the bound, hangs, foreign exceptions and a
dead worker -- and goes on with a fresh worker after one."""

from __future__ import annotations

import pytest

from tests.fuzz.bounded import CASE_MEMORY_BYTES, BoundedRunner, check


def test_memory_bound_is_measured_per_case(runner: BoundedRunner) -> None:
    big = runner.run("tests.fuzz.targets:hog", str(CASE_MEMORY_BYTES // 2**20 + 50).encode())
    assert big.peak_bytes > CASE_MEMORY_BYTES
    with pytest.raises(AssertionError, match="bytes on"):
        check(big, b"hog")
    small = runner.run("tests.fuzz.targets:hog", b"20")  # the earlier peak was reset
    assert small.peak_bytes < CASE_MEMORY_BYTES
    check(small, b"hog")


def test_address_space_cap_stops_runaway_allocation(runner: BoundedRunner) -> None:
    outcome = runner.run("tests.fuzz.targets:hog", b"8192")  # 8 GiB: above the cap
    assert outcome.error == "MemoryError" and not outcome.clean


def test_foreign_exception_is_not_clean(runner: BoundedRunner) -> None:
    outcome = runner.run("tests.fuzz.targets:crash", b"boom")
    assert outcome.error == "KeyError" and not outcome.clean and "Traceback" in outcome.traceback
    with pytest.raises(AssertionError, match="KeyError"):
        check(outcome, b"boom")


def test_hang_and_death_are_reported_and_the_worker_restarts() -> None:
    r = BoundedRunner(hang_guard=3.0)
    try:
        assert r.run("tests.fuzz.targets:hang", b"").died == "hang"
        assert (r.run("tests.fuzz.targets:die", b"").died or "").startswith("crash")
        assert r.run("tests.fuzz.targets:hog", b"1").clean  # a fresh worker took over
    finally:
        r.close()
