"""Hostile input and faults at the command line, run as real processes: one line and a clear
status instead of a traceback; parallel writers wait for each other; "busy" has its own status."""

from __future__ import annotations

import base64
import json
import os
import shlex
import subprocess
import time
from pathlib import Path

import pytest

from desktop_app.cli import EXIT_BAD_INPUT, EXIT_BUSY, EXIT_PIPE_CLOSED
from desktop_app.otp.model import Entry
from desktop_app.vault import Vault
from tests.fast_kdf import FAST_CLI

ROOT = Path(__file__).resolve().parents[1]
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
PASSWORD = "hostile-cli-password"


@pytest.fixture
def env(data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "DESKTOP_AUTHENTICATOR_PASSWORD": PASSWORD,
        "PYTHONIOENCODING": "utf-8",
    }


def run(env: dict[str, str], *args: str, pre: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*FAST_CLI, *pre, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=90
    )


def _one_clear_line(r: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    assert r.stderr.count("\n") == 1, r.stderr
    return r.stderr


@pytest.mark.parametrize("at", ["nan", "inf", "-inf", "-1", "1e300"])
def test_code_at_bad_times_is_one_line(env, at: str) -> None:
    r = run(env, "code", f"otpauth://totp/x?secret={SECRET}", f"--at={at}")
    assert r.returncode == EXIT_BAD_INPUT
    assert "time" in _one_clear_line(r)


def test_code_at_zero_still_works(env) -> None:
    r = run(env, "code", f"otpauth://totp/x?secret={SECRET}&digits=8", "--at", "0")
    assert (r.returncode, r.stdout.strip()) == (0, "84755224")  # RFC 4226 counter 0, 8 digits


def test_lone_surrogate_in_json_output(env, data_dir: Path) -> None:
    with Vault.open_with_password(data_dir, PASSWORD) as v:
        v.add(Entry(secret=SECRET, issuer="bad\udcff", name="x\ud800y"))
    r = run(env, "list", "--json")
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert (row["issuer"], row["name"]) == ("bad\udcff", "x\ud800y")  # escaped, round-trips
    r = run(env, "list")
    assert r.returncode == 0 and "bad" in r.stdout, r.stderr


def test_lone_surrogate_in_a_link_is_refused_clearly(env) -> None:
    r = run(env, "add", f"otpauth://totp/A\udcff:b?secret={SECRET}")
    assert r.returncode == EXIT_BAD_INPUT
    assert "not valid text" in _one_clear_line(r)


def test_list_into_head_has_no_broken_pipe(env, data_dir: Path, tmp_path: Path) -> None:
    with Vault.open_with_password(data_dir, PASSWORD) as v:
        v.add_many(
            [Entry(secret=SECRET, issuer=f"Issuer {i:05d}", name="n" * 40) for i in range(3000)]
        )
    err = tmp_path / "stderr.txt"
    status = tmp_path / "status.txt"
    cmd = (
        f"{shlex.join(FAST_CLI)} list 2>{shlex.quote(str(err))} | head -1; "
        f'echo "${{PIPESTATUS[0]}}" > {shlex.quote(str(status))}'
    )
    r = subprocess.run(
        ["bash", "-c", cmd], env=env, cwd=ROOT, capture_output=True, text=True, timeout=90
    )
    assert r.stdout.count("\n") == 1 and "Issuer 00000" in r.stdout
    assert err.read_text() == ""  # no BrokenPipeError, no "Exception ignored"
    assert int(status.read_text()) == EXIT_PIPE_CLOSED


def test_parallel_adds_all_succeed(env, data_dir: Path) -> None:
    Vault.open_with_password(data_dir, PASSWORD).close()
    secrets = [base64.b32encode(os.urandom(20)).decode().rstrip("=") for _ in range(8)]
    procs = [
        subprocess.Popen(
            [*FAST_CLI, "add", f"otpauth://totp/P{i}:user?secret={s}"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i, s in enumerate(secrets)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert [status for status, _, _ in results] == [0] * 8, results
    with Vault.open_with_password(data_dir, PASSWORD) as v:
        assert sorted(e.issuer for e in v.entries()) == sorted(f"P{i}" for i in range(8))


def _hold_lock(data_dir: Path):  # what another process's save holds, for as long as we like
    from desktop_app.vault.lock import FileLock
    from desktop_app.vault.store import LOCK_FILE

    Vault.open_with_password(data_dir, PASSWORD).close()
    lock = FileLock(data_dir / LOCK_FILE)
    lock.acquire()
    return lock


def test_writer_waits_for_the_lock_and_says_so(env, data_dir: Path) -> None:
    held = _hold_lock(data_dir)
    child = subprocess.Popen(
        [*FAST_CLI, "add", f"otpauth://totp/Late:user?secret={SECRET}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stderr is not None
        notice = child.stderr.readline()  # blocks until the waiting child tells the person
    finally:
        held.release()  # now it can go on
    out, err = child.communicate(timeout=90)
    assert "waiting" in notice
    assert child.returncode == 0, notice + err
    assert "Late: user" in out
    with Vault.open_with_password(data_dir, PASSWORD) as v:
        assert [e.issuer for e in v.entries()] == ["Late"]


def test_busy_vault_has_its_own_exit_status(env, data_dir: Path) -> None:
    held = _hold_lock(data_dir)
    try:
        assert run(env, "list", pre=("--lock-wait=1.5",)).returncode == 0  # reading never waits
        started = time.monotonic()
        r = run(env, "add", f"otpauth://totp/Busy:user?secret={SECRET}", pre=("--lock-wait=1.5",))
        waited = time.monotonic() - started
    finally:
        held.release()
    assert r.returncode == EXIT_BUSY, r.stderr
    assert "in use by another" in r.stderr and "Traceback" not in r.stderr
    assert waited >= 1.5  # it did wait (a lower bound, not a speed assertion)
