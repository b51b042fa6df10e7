"""The clock check: timedate1's NTPSynchronized (a stand-in on the private bus), the SNTP client
against loopback responders, the code correction, and ``desktop-authenticator time``."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from desktop_app import clock
from desktop_app.otp.codes import code_at
from desktop_app.otp.uri import parse_uri
from desktop_app.paths import AppPaths
from desktop_app.settings import TIME_CHECK_DAILY, TIME_SERVER, Settings
from tests.clock.helpers import Responder, good_reply, standin_timedate
from tests.fast_kdf import FAST_CLI

ROOT = Path(__file__).resolve().parents[2]
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


# --- timedate1 -------------------------------------------------------------------------------


@pytest.mark.parametrize("synced", [True, False])
def test_ntp_synchronized_is_read_from_timedate1(synced: bool) -> None:
    with standin_timedate(synced) as standin:
        assert clock.system_synchronised("SESSION") is synced
        standin.set_synced(not synced)
        assert clock.system_synchronised("SESSION") is (not synced)


def test_absent_timedate1_is_unknown() -> None:
    assert clock.system_synchronised("SESSION") is None  # the bus is there, the service not


def test_absent_bus_is_unknown(tmp_path: Path) -> None:
    assert clock.system_synchronised(f"unix:path={tmp_path / 'no-bus'}") is None


def test_the_bus_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.ENV_TIMEDATE_BUS, raising=False)
    assert clock.timedate_bus() == "SYSTEM"
    monkeypatch.setenv(clock.ENV_TIMEDATE_BUS, "SESSION")
    with standin_timedate(False):
        assert clock.system_synchronised() is False


# --- SNTP ------------------------------------------------------------------------------------


@pytest.mark.parametrize("offset", [42.5, -3600.25, 0.0])
def test_offset_from_a_responder(offset: float) -> None:
    with Responder("offset", offset) as server:
        result = clock.query_offset(server.address, timeout=2)
    assert result.offset == pytest.approx(offset, abs=0.05)
    assert 0 <= result.delay < 1 and result.stratum == 2
    request = server.requests[0]
    assert len(request) == 48 and request[0] & 7 == 3 and (request[0] >> 3) & 7 == 4


def test_silent_server_times_out_with_one_clear_line() -> None:
    with Responder("silent") as server, pytest.raises(clock.ClockError) as caught:
        clock.query_offset(server.address, timeout=0.3)  # without a timeout: never returns
    assert str(caught.value) == f"The time server {server.address} did not answer within 0.3 s."
    assert len(server.requests) == 1


def _reply_with(first: int | None = None, stratum: int = 2, cut: int = 48) -> tuple[bytes, bytes]:
    # the originate field cannot match a request we do not know yet: parse_reply is given it
    request = clock.request_packet(time.time())
    packet = bytearray(good_reply(request, 0.0, stratum=stratum))
    if first is not None:
        packet[0] = first
    return bytes(packet[:cut]), request


@pytest.mark.parametrize(
    ("first", "stratum", "cut", "expected"),
    [
        (None, 2, 20, "20 bytes"),
        (0x23, 2, 48, "mode 3"),
        (0x24, 0, 48, "kiss-o'-death"),
        (0x24, 16, 48, "stratum 16"),
        (0x3C, 2, 48, "version 7"),
        (0xE4, 2, 48, "is not synchronised itself"),
    ],
)
def test_invalid_replies_are_refused(first, stratum, cut, expected) -> None:
    packet, request = _reply_with(first, stratum, cut)
    with pytest.raises(clock.ClockError, match=expected) as caught:
        clock.parse_reply(packet, request, time.time(), "srv")
    assert "\n" not in str(caught.value)


def test_reply_to_another_request_is_refused() -> None:
    packet, _ = _reply_with()
    other = clock.request_packet(time.time() - 5)
    with pytest.raises(clock.ClockError, match="does not answer this request"):
        clock.parse_reply(packet, other, time.time(), "srv")


@pytest.mark.parametrize("garbage", [b"\x00junk", bytes(48), b"\xff" * 300])
def test_garbage_answer_is_one_clear_line(garbage: bytes) -> None:
    with Responder("garbage", reply=garbage) as server, pytest.raises(clock.ClockError) as caught:
        clock.query_offset(server.address, timeout=2)
    message = str(caught.value)
    assert message.startswith(f"{server.address} sent an answer that is not a valid time reply")
    assert "\n" not in message


@pytest.mark.parametrize("text", ["", "host:", "host:99999", "[::1", "a b", "h:x"])
def test_bad_server_address_is_refused(text: str) -> None:
    with pytest.raises(clock.ClockError, match="not valid"):
        clock.query_offset(text)


def test_unknown_host_is_one_line() -> None:
    with pytest.raises(clock.ClockError, match="could not be found"):
        clock.query_offset("no-such-host.invalid")


def test_split_server() -> None:
    assert clock.split_server("pool.ntp.org") == ("pool.ntp.org", 123)
    assert clock.split_server("127.0.0.1:1234") == ("127.0.0.1", 1234)
    assert clock.split_server("[::1]:5") == ("::1", 5)


# --- the correction ----------------------------------------------------------------------------


def test_corrected_clock_follows_the_setting(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    now = clock.corrected_clock(lambda: 1000.0, settings)
    assert now() == 1000.0
    settings.set(clock.OFFSET_SETTING, 45_500)
    assert now() == 1045.5
    settings.set(clock.OFFSET_SETTING, -30_000)
    assert now() == 970.0


def test_default_server_and_daily_check_are_declared(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert settings.value(TIME_SERVER) == "pool.ntp.org"
    assert settings.value(TIME_CHECK_DAILY) is False
    assert settings.value(clock.OFFSET_SETTING) == 0


# --- the command line --------------------------------------------------------------------------


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    def run(*args: str, bus: str = "SESSION") -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "DESKTOP_AUTHENTICATOR_PASSWORD": "cli-test-password",
            clock.ENV_TIMEDATE_BUS: bus,
        }
        return subprocess.run(
            [*FAST_CLI, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
        )

    return run


@pytest.mark.parametrize(
    ("synced", "expected"),
    [(True, "System clock: synchronised"), (False, "System clock: NOT synchronised")],
)
def test_time_prints_the_sync_state(cli, synced: bool, expected: str) -> None:
    with standin_timedate(synced):
        r = cli("time")
    assert (r.returncode, r.stdout.splitlines()[0], r.stderr) == (
        0,
        expected + " with a time server",
        "",
    )


def test_time_without_timedate1_says_unknown(cli) -> None:
    r = cli("time")
    assert r.returncode == 0 and r.stdout.startswith("System clock: unknown")


def test_time_check_prints_the_offset(cli) -> None:
    with Responder("offset", 120.0) as server:
        r = cli("time", "--check", "--server", server.address)
    assert r.returncode == 0, r.stderr
    assert f"Time server {server.address}: this computer is 120.0 s behind" in r.stdout


def test_time_check_uses_the_setting(cli, data_dir: Path) -> None:
    with Responder("offset", -15.0) as server:
        Settings(AppPaths.resolve(str(data_dir)).config_dir).set(TIME_SERVER, server.address)
        r = cli("time", "--check")
    assert r.returncode == 0, r.stderr
    assert "this computer is 15.0 s ahead" in r.stdout


def test_time_check_silent_server_is_one_line(cli) -> None:
    with Responder("silent") as server:
        r = cli("time", "--check", "--server", server.address)
    assert r.returncode == 1
    assert r.stderr == (
        f"desktop-authenticator: The time server {server.address} did not answer within 3 s.\n"
    )


def test_time_check_garbage_is_one_line(cli) -> None:
    with Responder("garbage") as server:
        r = cli("time", "--check", "--server", server.address)
    assert r.returncode == 1 and r.stderr.count("\n") == 1
    assert "not a valid time reply" in r.stderr


def test_list_codes_are_computed_with_the_correction(cli, data_dir: Path) -> None:
    assert cli("add", f"otpauth://totp/ACME:bob?secret={SECRET}").returncode == 0
    settings = Settings(AppPaths.resolve(str(data_dir)).config_dir)
    settings.set(clock.OFFSET_SETTING, 3_600_000)  # an hour: surely another time step
    before = time.time()
    r = cli("list", "--codes", "--json")
    after = time.time()
    assert r.returncode == 0, r.stderr
    code = json.loads(r.stdout)[0]["code"]
    entry = parse_uri(f"otpauth://totp/ACME:bob?secret={SECRET}")
    assert code in {code_at(entry, before + 3600), code_at(entry, after + 3600)}
    assert code not in {code_at(entry, before), code_at(entry, after)}


def test_time_resets_the_correction_once_synchronised(cli, data_dir: Path) -> None:
    config = AppPaths.resolve(str(data_dir)).config_dir
    Settings(config).set(clock.OFFSET_SETTING, 42_000)
    with standin_timedate(False):
        r = cli("time")
    assert "codes in this app are computed +42.0 s" in r.stdout
    assert Settings(config).value(clock.OFFSET_SETTING) == 42_000
    with standin_timedate(True):
        r = cli("time")
    assert "Code correction: reset" in r.stdout
    assert Settings(config).value(clock.OFFSET_SETTING) == 0
