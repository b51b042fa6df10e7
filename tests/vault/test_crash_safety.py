"""Crash safety: a child saves in a loop and is killed with SIGKILL at random moments; the vault
always opens and holds every entry whose save had returned."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.vault import Vault

ROOT = Path(__file__).resolve().parents[2]
CHILD = r"""
import base64, os, sys
from tests import fast_kdf
fast_kdf.install()
from desktop_app.otp.model import Entry
from desktop_app.vault import Vault
v = Vault.open_with_password(sys.argv[1], "crash")
i = 0
while True:
    e = v.add(Entry(secret=base64.b32encode(os.urandom(10)).decode(), issuer=f"I{i}", name="n"))
    if i % 3 == 2:  # updates and removals are saves too
        v.update(e.with_changes(note="x" * (i % 50)))
    sys.stdout.write(e.uuid + "\n")
    sys.stdout.flush()
    i += 1
"""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX SIGKILL semantics")
def test_sigkill_never_loses_a_returned_save(tmp_path: Path) -> None:
    rng = random.Random(20261128)
    vault_dir = tmp_path / "crashvault"
    confirmed: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _round in range(25):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(vault_dir)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()  # it is saving now
        assert first, child.stderr.read() if child.stderr else ""
        confirmed.add(first.strip())
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        confirmed.update(line for line in out.splitlines() if len(line) == 36)
        with Vault.open_with_password(vault_dir, "crash") as v:
            present = {e.uuid for e in v.entries()}
        missing = confirmed - present
        assert not missing, f"round {_round}: {len(missing)} confirmed saves lost"
    # a killed writer may leave a temp file; opening the vault (under its lock) sweeps it away
    assert [p.name for p in vault_dir.iterdir() if p.name.endswith(".tmp")] == []
    assert len(confirmed) > 25
