"""Fuzz suites: hypothesis cases run one by one in a bounded worker process (bounded.py).

``--hypothesis-profile=fuzz-long`` runs many more cases (the figures in the issue notes).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.bounded import BoundedRunner

_COMMON = {
    "deadline": None,  # the worker's hang guard bounds time, not hypothesis
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "database": None,
}
settings.register_profile("fuzz-long", max_examples=1500, **_COMMON)


@pytest.fixture(scope="module")
def runner() -> Iterator[BoundedRunner]:
    r = BoundedRunner()
    yield r
    r.close()
