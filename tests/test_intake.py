"""The one path from decoded text to candidate accounts."""

from __future__ import annotations

import pytest

from desktop_app.intake import (
    BatchCollector,
    Gatherer,
    PayloadKind,
    classify,
    find_duplicates,
    gather,
    gather_texts,
)
from desktop_app.otp.migration import build_migration_uris
from desktop_app.otp.model import Entry, OtpType

SECRET = "JBSWY3DPEHPK3PXP"


def test_otpauth_is_a_key() -> None:
    p = classify(f"  otpauth://totp/ACME:bob?secret={SECRET}\n")
    assert p.kind is PayloadKind.OTPAUTH and p.is_key
    assert p.entries[0].issuer == "ACME"


def test_non_keys_say_what_they_hold() -> None:
    assert classify("https://example.com/login").kind is PayloadKind.LINK
    assert "web link" in classify("https://example.com/login").message
    assert classify("WIFI:S:home;T:WPA;P:pw;;").kind is PayloadKind.TEXT
    assert "plain text" in classify("hello").message
    assert classify("").kind is PayloadKind.EMPTY
    assert not classify("hello").is_key and classify("hello").entries == ()


def test_broken_key_is_invalid_with_reason() -> None:
    p = classify("otpauth://totp/x?secret=1")
    assert p.kind is PayloadKind.INVALID
    assert "Base32" in p.message


def test_batches_collected_across_scans() -> None:
    entries = [Entry(secret=SECRET + "A" * 8, issuer=f"I{i}", name="n") for i in range(25)]
    uris, _ = build_migration_uris(entries, per_code=10, batch_id=5)
    collector = BatchCollector()
    first = classify(uris[2])
    assert first.kind is PayloadKind.MIGRATION
    assert first.batch is not None and collector.add(first.batch)
    assert collector.progress_text() == "1 of 3 scanned"
    assert collector.missing() == [1, 2]
    assert not collector.complete
    assert collector.entries() == list(first.entries)
    batch0 = classify(uris[0]).batch
    assert batch0 is not None
    assert collector.add(batch0)
    assert not collector.add(batch0)  # same code twice
    batch1 = classify(uris[1]).batch
    assert batch1 is not None
    collector.add(batch1)
    assert collector.complete and collector.missing() == []
    assert [e.issuer for e in collector.entries()] == [e.issuer for e in entries]


def test_new_export_restarts_collection() -> None:
    a, _ = build_migration_uris([Entry(secret=SECRET)] * 11, per_code=10, batch_id=1)
    b, _ = build_migration_uris([Entry(secret=SECRET)] * 11, per_code=10, batch_id=2)
    c = BatchCollector()
    c.add(classify(a[0]).batch)  # type: ignore[arg-type]
    c.add(classify(b[1]).batch)  # type: ignore[arg-type]
    assert c.scanned == 1 and c.missing() == [1]


def test_find_duplicates_by_secret_and_type() -> None:
    existing = [Entry(secret=SECRET, issuer="Old")]
    same = Entry(secret=SECRET, issuer="New")
    other_type = Entry(secret=SECRET, type=OtpType.HOTP)
    fresh = Entry(secret="GEZDGNBVGY3TQOJQ")
    repeat = Entry(secret="GEZDGNBVGY3TQOJQ", issuer="again")
    dupes = find_duplicates(existing, [same, other_type, fresh, repeat])
    assert dupes == {same.uuid: existing[0], repeat.uuid: fresh}


def _secret(i: int) -> str:
    import base64

    return base64.b32encode(bytes([i]) * 20).decode().rstrip("=")


def test_gather_keeps_input_order_and_explains_non_keys() -> None:
    entries = [Entry(secret=_secret(i), issuer=f"I{i}", name="n") for i in range(3)]
    uris, _ = build_migration_uris(entries[1:], per_code=10, batch_id=9)  # one code: complete
    link = f"otpauth://totp/First:a?secret={entries[0].secret}"
    gathered = gather_texts(["https://example.com", link, uris[0], "hello", "https://x.org"])
    assert [e.issuer for e in gathered.entries] == ["First", "I1", "I2"]
    assert [i for i, _p in gathered.rejected] == [0, 3, 4]
    assert len(gathered.messages) == 2  # the same "web link" message is said once
    assert gathered.exports == () and gathered.complete and bool(gathered)
    assert not gather_texts(["hello"])


def test_gatherer_adds_up_codes_of_one_export_across_calls() -> None:
    entries = [Entry(secret=_secret(i), issuer="G", name=f"u{i}") for i in range(25)]
    uris, _ = build_migration_uris(entries, per_code=10, batch_id=5)
    gatherer = Gatherer()
    first = gatherer.gather([classify(uris[2])])
    assert [x.text() for x in first.exports] == ["1 of 3 scanned"]
    assert first.incomplete[0].missing == (1, 2) and not first.complete
    assert [e.name for e in first.entries] == [f"u{i}" for i in range(20, 25)]
    again = gatherer.gather([classify(uris[2]), classify(uris[0])])  # a repeat counts once
    assert again.exports[0].scanned == 2
    assert [e.name for e in again.entries] == [f"u{i}" for i in range(10)] + [
        f"u{i}" for i in range(20, 25)
    ]
    done = gatherer.gather([classify(uris[1])])
    assert done.complete and done.exports[0].missing == ()
    assert [e.name for e in done.entries] == [f"u{i}" for i in range(25)]
    assert [p.batch.batch_index for p in done.keys if p.batch] == [0, 1, 2]
    gatherer.forget_complete()
    assert gatherer.gather([classify(uris[0])]).exports[0].scanned == 1
    # a one-shot gather() remembers nothing
    assert gather([classify(uris[0])]).exports[0].scanned == 1


def test_one_import_is_capped(monkeypatch) -> None:
    from desktop_app import importers, intake
    from desktop_app.errors import ImportFormatError
    from desktop_app.exporters.aegis import export_plain

    monkeypatch.setattr(intake, "MAX_IMPORT_ACCOUNTS", 5)
    secret = "JBSWY3DPEHPK3PXP"
    links = [f"otpauth://totp/I{i}:n?secret={secret}" for i in range(6)]
    assert len(importers.load("\n".join(links[:5]).encode()).entries) == 5
    with pytest.raises(ImportFormatError, match="6 lines; at most 5 accounts"):
        importers.load("\n".join(links).encode())
    entries = [Entry(secret=secret, issuer=f"I{i}") for i in range(6)]
    with pytest.raises(ImportFormatError, match="6 accounts; at most 5"):
        importers.load(export_plain(entries))
    assert len(importers.load(export_plain(entries[:5])).entries) == 5
