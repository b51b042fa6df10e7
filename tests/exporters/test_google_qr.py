"""vault -> Google migration QR images -> scan -> vault loses nothing the format can carry."""

from __future__ import annotations

from desktop_app.exporters.google import qr_paths
from desktop_app.exporters.registry import write_export
from desktop_app.intake import BatchCollector, PayloadKind, classify
from desktop_app.otp.model import Entry, OtpType
from desktop_app.scanning.decoders import decode_file
from desktop_app.vault import Vault


def test_qr_round_trip_through_the_scanner(vault, samples, tmp_path) -> None:
    many = [s.with_changes(issuer=f"{s.issuer} {i}") for i in range(4) for s in samples]
    vault.add_many(many)
    paths = (tmp_path / "qr").mkdir() or None
    outcome = write_export("google-qr", vault.entries(), tmp_path / "qr")
    carried = [
        e
        for e in vault.entries()
        if e.digits in (6, 8)
        and e.type.value != "steam"
        and (e.type.value == "hotp" or e.period == 30)
    ]
    assert outcome.count == len(carried) == 16
    assert len(outcome.paths) == 2  # about 10 accounts per code
    reasons = {e.issuer: r for e, r in outcome.left_out}
    assert len(outcome.left_out) == 8
    assert "Steam" in reasons["Steam 0"]
    assert "7-digit" in reasons["Seven 0"]

    collector = BatchCollector()
    for path in outcome.paths:
        (text,) = decode_file(path)
        payload = classify(text)
        assert payload.kind is PayloadKind.MIGRATION and payload.batch is not None
        collector.add(payload.batch)
    assert collector.complete
    other = Vault.open_with_password(tmp_path / "second", "pw")
    try:
        other.add_many(collector.entries())
        got = other.entries()
    finally:
        other.close()
    key = lambda e: (e.secret, e.issuer, e.name, e.type, e.algorithm, e.digits, e.period, e.counter)  # noqa: E731
    assert [key(e) for e in got] == [key(e) for e in carried]
    del paths


def test_qr_paths_naming(tmp_path) -> None:
    assert qr_paths(tmp_path, 2) == [
        tmp_path / "google-authenticator-1.png",
        tmp_path / "google-authenticator-2.png",
    ]
    assert qr_paths(tmp_path / "codes.png", 2) == [
        tmp_path / "codes-1.png",
        tmp_path / "codes-2.png",
    ]
    assert qr_paths(tmp_path / "codes", 1) == [tmp_path / "codes-1.png"]


def test_nothing_carried_writes_nothing(tmp_path) -> None:
    steam = Entry(secret="63BEDWCQZKTQWPESARIERL5DTTQFCJTK", type=OtpType.STEAM, digits=5)
    outcome = write_export("google-qr", [steam], tmp_path / "x")
    assert outcome.paths == [] and outcome.count == 0 and len(outcome.left_out) == 1
