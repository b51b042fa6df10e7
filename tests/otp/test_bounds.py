"""Size bounds on entries, checked in the one place entries are validated (otp/model.py): a
15 MB Base32 "secret", or an oversized label, group, note or annotation, is refused with one
message naming the field, whatever the source (constructor, link, importer)."""

from __future__ import annotations

import json

import pytest

from desktop_app.errors import OtpError
from desktop_app.otp import model as m
from desktop_app.otp.model import Entry
from desktop_app.otp.uri import parse_uri

SECRET = "JBSWY3DPEHPK3PXP"


def test_fifteen_megabyte_secret_is_refused() -> None:
    huge = "A" * 15_000_000
    with pytest.raises(OtpError) as info:
        Entry(secret=huge)
    assert info.value.field == "secret" and "too long" in str(info.value)
    assert len(str(info.value)) < 200


def test_longest_allowed_secret_and_one_more() -> None:
    assert Entry(secret="A" * m.MAX_SECRET_CHARS).secret == "A" * m.MAX_SECRET_CHARS
    with pytest.raises(OtpError, match="too long"):
        m.normalize_secret("A" * (m.MAX_SECRET_CHARS + 8))
    spaced = " ".join(["AAAA"] * (m.MAX_SECRET_CHARS // 4))  # spaces do not count
    assert len(m.normalize_secret(spaced)) == m.MAX_SECRET_CHARS


@pytest.mark.parametrize(
    "field,limit",
    [
        ("issuer", m.MAX_LABEL_CHARS),
        ("name", m.MAX_LABEL_CHARS),
        ("group", m.MAX_GROUP_CHARS),
        ("note", m.MAX_NOTE_CHARS),
    ],
)
def test_text_fields_are_bounded(field: str, limit: int) -> None:
    assert getattr(Entry(secret=SECRET, **{field: "x" * limit}), field) == "x" * limit
    with pytest.raises(OtpError) as info:
        Entry(secret=SECRET, **{field: "x" * (limit + 1)})
    assert info.value.field == field and "too long" in str(info.value)


def test_annotations_are_bounded() -> None:
    with pytest.raises(OtpError):
        Entry(secret=SECRET, meta={f"k{i}": "v" for i in range(m.MAX_META_ITEMS + 1)})
    with pytest.raises(OtpError):
        Entry(secret=SECRET, meta={"k": "v" * (m.MAX_META_VALUE_CHARS + 1)})
    with pytest.raises(OtpError):
        Entry(secret=SECRET, meta={"k": 1})  # type: ignore[dict-item]


@pytest.mark.parametrize("bad", [{"digits": "6"}, {"period": 30.5}, {"counter": True}])
def test_numbers_must_be_whole_numbers(bad: dict) -> None:
    with pytest.raises(OtpError):
        Entry(secret=SECRET, **bad)


def test_link_with_huge_secret_is_refused_by_length() -> None:
    with pytest.raises(OtpError, match="too long"):
        parse_uri("otpauth://totp/x?secret=" + "A" * 20_000)


def test_importer_skips_an_entry_with_a_huge_secret() -> None:
    from desktop_app.exporters.aegis import export_plain
    from desktop_app.importers import load

    doc = json.loads(export_plain([Entry(secret=SECRET, issuer="Ok"), Entry(secret=SECRET)]))
    doc["db"]["entries"][1]["info"]["secret"] = "A" * 2_000_000
    result = load(json.dumps(doc).encode())
    assert [e.issuer for e in result.entries] == ["Ok"]
    assert len(result.skipped) == 1 and "too long" in result.skipped[0].reason
