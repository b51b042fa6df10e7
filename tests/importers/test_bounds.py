"""#11: a hostile file cannot make an import run a key derivation for minutes or swallow memory:
parameters beyond a margin above what each app writes are refused with one clear line, before
any derivation runs. (The formats added in #10 have their own cases in their test files.)"""

from __future__ import annotations

import json
import struct

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.importers.contract import MAX_ENTRIES
from tests.importers.test_aegis import aegis_entry, content, encrypted_file


@pytest.mark.parametrize(("key", "value"), [("n", 1 << 22), ("r", 64), ("p", 16), ("n", 1 << 18)])
def test_aegis_scrypt_beyond_aegis_parameters_is_refused(samples, key, value) -> None:
    doc = json.loads(encrypted_file(content([aegis_entry(samples[0])]), "pw", n=2))
    slot = doc["header"]["slots"][1]
    slot[key] = value
    with pytest.raises(ImportFormatError, match="key-derivation parameters"):
        importers.load(json.dumps(doc).encode(), "pw")


def test_aegis_many_password_slots_are_refused(samples) -> None:
    doc = json.loads(encrypted_file(content([aegis_entry(samples[0])]), "pw", n=2))
    slot = doc["header"]["slots"][1]
    doc["header"]["slots"] = [dict(slot, uuid=str(i)) for i in range(50)]
    with pytest.raises(ImportFormatError, match="key-derivation parameters"):
        importers.load(json.dumps(doc).encode(), "pw")


def test_aegis_default_parameters_still_read(samples) -> None:
    data = encrypted_file(content([aegis_entry(samples[0])]), "pw", n=32768)
    assert importers.load(data, "pw").entries[0].issuer == samples[0].issuer


def test_andotp_huge_iteration_count_is_never_run() -> None:
    data = struct.pack(">I", 2_000_000_000) + b"s" * 12 + b"i" * 12 + b"x" * 40
    with pytest.raises(WrongPasswordError):
        importers.load(data, "pw")


def test_entry_count_and_size_are_bounded() -> None:
    many = [{"secret": "JBSWY3DPEHPK3PXP", "type": "TOTP"}] * (MAX_ENTRIES + 1)
    with pytest.raises(ImportFormatError, match="too many"):
        importers.load(json.dumps(many).encode())
    with pytest.raises(ImportFormatError, match="too large"):
        importers.load(b"[" + b" " * (17 * 1024 * 1024) + b"]")
    deep = b"[" * 100_000 + b"]" * 100_000
    with pytest.raises(ImportFormatError):
        importers.load(deep)


def test_importers_keep_long_periods_and_skip_out_of_range_ones() -> None:

    from desktop_app.exporters.aegis import export_plain
    from desktop_app.otp.codes import code_at
    from desktop_app.otp.model import Entry

    doc = json.loads(
        export_plain([Entry(secret="JBSWY3DPEHPK3PXP", issuer=f"P{i}") for i in range(3)])
    )
    for entry, period in zip(doc["db"]["entries"], (3600, 86_401, 0), strict=True):
        entry["info"]["period"] = period
    result = importers.load(json.dumps(doc).encode())
    assert [(e.issuer, e.period) for e in result.entries] == [("P0", 3600)]
    assert code_at(result.entries[0], 0).isdigit()
    assert sorted(s.label for s in result.skipped) == ["P1", "P2"]
    assert all("period" in s.reason.lower() for s in result.skipped)
