"""Google Authenticator export payloads (otpauth-migration://)."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.errors import OtpError
from desktop_app.otp.codes import code_at
from desktop_app.otp.migration import build_migration_uris, parse_migration_uri
from desktop_app.otp.model import Entry, OtpType

KNOWN = (
    "otpauth-migration://offline?data=CjYKEExyJfPiZeroMa/MdF%2BnkTISE2pvaG5kb2VAZXhhbXBsZS5jb20a"
    "B0Rpc2NvcmQgASgBMAIQARgBIAA%3D"
)


def test_known_vector() -> None:
    batch = parse_migration_uri(KNOWN)
    assert len(batch.entries) == 1
    e = batch.entries[0]
    assert (e.issuer, e.name, e.secret, e.algorithm, e.digits, e.type) == (
        "Discord",
        "johndoe@example.com",
        "JRZCL47CMXVOQMNPZR2F7J4RGI",
        "SHA1",
        6,
        OtpType.TOTP,
    )
    assert (batch.batch_size, batch.batch_index) == (1, 0)


def _entries(n: int) -> list[Entry]:
    out = []
    for i in range(n):
        out.append(
            Entry(
                secret=base64.b32encode(bytes([i + 1]) * 10).decode().rstrip("="),
                issuer=f"Issuer {i}",
                name=f"user{i}@example.com",
                algorithm=("SHA1", "SHA256", "SHA512")[i % 3],
                digits=(6, 8)[i % 2],
                type=OtpType.HOTP if i % 5 == 4 else OtpType.TOTP,
                counter=i * 7 if i % 5 == 4 else 0,
            )
        )
    return out


def _essence(e: Entry) -> tuple:
    return (e.secret, e.issuer, e.name, e.type, e.algorithm, e.digits, e.period, e.counter)


def test_multi_batch_round_trip() -> None:
    entries = _entries(23)
    uris, left_out = build_migration_uris(entries, batch_id=77)
    assert left_out == []
    assert len(uris) == 3
    batches = [parse_migration_uri(u) for u in uris]
    assert [b.batch_index for b in batches] == [0, 1, 2]
    assert {b.batch_size for b in batches} == {3}
    assert {b.batch_id for b in batches} == {77}
    got = [e for b in batches for e in b.entries]
    assert [_essence(e) for e in got] == [_essence(e) for e in entries]


def test_export_refuses_what_the_format_cannot_carry() -> None:
    steam = Entry(secret="63BEDWCQZKTQWPESARIERL5DTTQFCJTK", type=OtpType.STEAM, digits=5)
    seven = Entry(secret="JBSWY3DPEHPK3PXP", digits=7)
    slow = Entry(secret="JBSWY3DPEHPK3PXP", period=60)
    ok = Entry(secret="JBSWY3DPEHPK3PXP", issuer="OK")
    uris, left_out = build_migration_uris([steam, seven, ok, slow])
    assert [e for e, _ in left_out] == [steam, seven, slow]
    assert all(reason for _, reason in left_out)
    (batch,) = [parse_migration_uri(u) for u in uris]
    assert [e.issuer for e in batch.entries] == ["OK"]


def test_issuer_split_from_name() -> None:
    e = Entry(secret="JBSWY3DPEHPK3PXP", issuer="", name="GitHub:octocat")
    (uri,), _ = build_migration_uris([e])
    got = parse_migration_uri(uri).entries[0]
    assert (got.issuer, got.name) == ("GitHub", "octocat")
    assert code_at(got, 1000) == code_at(e, 1000)


@pytest.mark.parametrize(
    "uri",
    [
        "otpauth-migration://offline",
        "otpauth-migration://offline?data=",
        "otpauth-migration://offline?data=%%%",
        "otpauth-migration://offline?data=CjYKEExy",  # truncated
        "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP",
    ],
)
def test_malformed_exports_raise_otp_error(uri: str) -> None:
    with pytest.raises(OtpError):
        parse_migration_uri(uri)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=200))
def test_fuzzed_payloads_only_raise_otp_error(data: bytes) -> None:
    uri = "otpauth-migration://offline?data=" + base64.b64encode(data).decode()
    try:
        batch = parse_migration_uri(uri)
    except OtpError:
        return
    for skipped in batch.skipped:
        assert skipped.reason
