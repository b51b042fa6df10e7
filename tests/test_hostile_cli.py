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
from tests.fuzz import bombs

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


@pytest.mark.parametrize("command", ["import", "import --dry-run", "decode"])
@pytest.mark.parametrize("where", ["/dev/zero", "/dev/urandom", "fifo"])
def test_devices_and_fifos_are_one_line(env, tmp_path: Path, command: str, where: str) -> None:
    path = tmp_path / "pipe"
    if where == "fifo":
        os.mkfifo(path)  # no writer: opening it must not wait
    r = run(env, *command.split(), str(path) if where == "fifo" else where)
    assert r.returncode == EXIT_BAD_INPUT
    assert "not a regular file" in _one_clear_line(r)


def test_add_from_endless_stdin_is_one_line(env) -> None:
    with open("/dev/zero", "rb") as zero:
        r = subprocess.run(
            [*FAST_CLI, "add", "-"], env=env, cwd=ROOT, stdin=zero, capture_output=True,
            text=True, timeout=90,
        )  # fmt: skip
    assert r.returncode == EXIT_BAD_INPUT
    assert "too long" in _one_clear_line(r)


_DRY_RUN_FILES = {
    "authy nested 1e5 deep": lambda: bombs.authy_deep(),
    "10,001 settings": lambda: bombs.prefs_file({f"k{i}": "v" for i in range(10_001)}),
    "unknown XML encoding": lambda: bombs.prefs_file({"a": "b"}, "x-mac-klingon"),
    "JSON of empty lists": lambda: bombs.steam_empty_lists(),
}


@pytest.mark.parametrize("name", list(_DRY_RUN_FILES))
def test_dry_run_of_odd_files_is_one_line(env, tmp_path: Path, name: str) -> None:
    path = tmp_path / "odd.file"
    path.write_bytes(_DRY_RUN_FILES[name]())
    r = run(env, "import", "--dry-run", str(path))
    assert r.returncode == EXIT_BAD_INPUT
    _one_clear_line(r)


def test_dry_run_sets_up_logging(env, tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(bombs.prefs_file({"a": "b"}, "x-mac-klingon"))
    r = run(env, "import", "--dry-run", str(path))
    assert r.returncode == EXIT_BAD_INPUT
    assert (data_dir / "logs" / "desktop-authenticator.log").exists()


@pytest.mark.parametrize("command", ["decode", "import --dry-run"])
def test_image_library_warnings_stay_off_the_terminal(env, tmp_path: Path, command: str) -> None:
    path = tmp_path / "chunks.png"
    path.write_bytes(bombs.png_with_bad_chunks(1000))
    r = run(env, *command.split(), str(path))
    assert r.returncode == (1 if command == "decode" else EXIT_BAD_INPUT), r.stderr
    assert "libpng" not in r.stderr
    _one_clear_line(r)


def test_sqlcipher_log_stays_off_the_terminal(env, tmp_path: Path) -> None:
    path = tmp_path / "authplus.db"
    path.write_bytes(bytes(range(256)) * 8 + os.urandom(2048))  # binary, whole 1 KiB pages
    r = subprocess.run(
        [*FAST_CLI, "import", "--dry-run", "--password-stdin", str(path)], env=env, cwd=ROOT,
        input="not-the-password\n", capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    assert r.returncode == EXIT_BAD_INPUT
    assert "ERROR CORE" not in r.stderr and "Wrong password" in _one_clear_line(r)


@pytest.mark.parametrize("period", [121, 3600, 86_400])
def test_long_periods_work_in_every_command(env, tmp_path: Path, period: int) -> None:
    link = f"otpauth://totp/Long:p{period}?secret={SECRET}&period={period}"
    code = run(env, "code", link, "--at", "0")
    assert code.returncode == 0 and code.stdout.strip().isdigit(), code.stderr
    assert run(env, "add", link).returncode == 0
    listed = run(env, "list", "--codes", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row.get("period") for row in json.loads(listed.stdout)] == [period]
    backup = tmp_path / "links.txt"
    backup.write_text(link + "\n")
    dry = run(env, "import", "--dry-run", "--json", "--at", "0", str(backup))
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["entries"][0]["code"] == code.stdout.strip()


@pytest.mark.parametrize("period", [0, 86_401])
def test_periods_out_of_range_are_one_line_at_every_way_in(
    env, tmp_path: Path, period: int
) -> None:
    link = f"otpauth://totp/Long:p?secret={SECRET}&period={period}"
    for args in (("code", link), ("add", link)):
        r = run(env, *args)
        assert r.returncode == EXIT_BAD_INPUT and "period" in _one_clear_line(r)
    backup = tmp_path / "links.txt"
    backup.write_text(link + "\n")
    r = run(env, "import", "--dry-run", str(backup))
    assert r.returncode == 1 and "period" in r.stderr and "Traceback" not in r.stderr
