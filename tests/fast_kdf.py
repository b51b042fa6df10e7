"""The test suite's cheap scrypt cost, injected into :data:`desktop_app.vault.crypto.KDF_POLICY`.

Production code has no switch for it: in-process tests get it from the autouse fixture in
``tests/conftest.py``; subprocess tests run the command line through ``tests/fast_kdf_cli.py``
(``FAST_CLI``), which installs the same policy before calling ``desktop_app.cli.main``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app.vault import crypto

FAST_COST = crypto.ScryptCost(n=2**10, r=8, p=1)
FAST_POLICY = crypto.KdfPolicy(
    write=FAST_COST, accepted=frozenset({FAST_COST, crypto.PRODUCTION_COST})
)
FAST_CLI = [sys.executable, str(Path(__file__).with_name("fast_kdf_cli.py"))]


def install() -> None:
    crypto.KDF_POLICY = FAST_POLICY
