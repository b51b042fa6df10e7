"""Child processes of the start-up benchmarks run with bytecode, as an installed app does.

A source checkout run with ``PYTHONDONTWRITEBYTECODE=1`` (the test script sets it, and so may a
shell) recompiles every project module at every start: ~0.3 s that no installed copy pays (pip
and the Debian package ship ``.pyc`` files, the frozen bundle a compiled archive). The children
get a private ``PYTHONPYCACHEPREFIX`` instead, and each benchmark makes one uncounted warm-up
run of every command so that both the measured command and its floor start with bytecode.
"""

from __future__ import annotations

import os
import tempfile


def child_env(prefix: str, **extra: str) -> dict[str, str]:
    """The environment for a measured child: bytecode cached under ``prefix``."""
    env = dict(os.environ, **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = prefix
    return env


def cache_dir() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="bench-pycache-")
