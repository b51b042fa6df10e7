"""Text lists of otpauth:// links, Google migration links, ente Auth plain exports, QR images."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from desktop_app import importers
from desktop_app.errors import ImportFormatError
from desktop_app.exporters.google import qr_png
from desktop_app.otp.migration import build_migration_uris
from desktop_app.otp.uri import build_uri

GOOGLE_VECTOR = (
    "otpauth-migration://offline?data=CjYKEExyJfPiZeroMa/MdF%2BnkTISE2pvaG5kb2VAZXhhbXBsZS5jb20"
    "aB0Rpc2NvcmQgASgBMAIQARgBIAA%3D"
)


def test_otpauth_lines_with_odd_labels(samples, assert_same_accounts) -> None:
    lines = ["# exported list", ""] + [build_uri(e) for e in samples]
    lines.append("otpauth://totp/Caf%C3%A9%3Aowner%2Bx?secret=JBSWY3DPEHPK3PXP")
    lines.append("otpauth://totp/Bad:one?secret=!!!")
    lines.append("hello world")
    data = ("\ufeff" + "\r\n".join(lines)).encode()
    result = importers.load(data)
    assert result.format_name == "otpauth"
    assert_same_accounts(result.entries[:6], samples)
    cafe = result.entries[6]
    assert (cafe.issuer, cafe.name) == ("Café", "owner+x")
    assert [s.label for s in result.skipped] == ["Bad:one", "Line 11"]
    assert "Base32" in result.skipped[0].reason


def test_google_migration_vector_and_missing_codes(samples) -> None:
    result = importers.load((GOOGLE_VECTOR + "\n").encode())
    assert result.format_name == "google"
    (e,) = result.entries
    assert (e.issuer, e.name, e.secret) == (
        "Discord",
        "johndoe@example.com",
        "JRZCL47CMXVOQMNPZR2F7J4RGI",
    )
    many = [s.with_changes(issuer=f"{s.issuer} {i}") for i in range(4) for s in samples[:3]]
    uris, _ = build_migration_uris(many, per_code=5)
    assert len(uris) == 3
    partial = importers.load("\n".join([uris[0], uris[2]]).encode())
    assert len(partial.entries) == 7
    assert [s.label for s in partial.skipped] == ["Google export code 2 of 3"]
    full = importers.load("\n".join(uris).encode())
    assert len(full.entries) == 12 and full.skipped == []


def test_ente_plain_export_tags_and_trash(samples) -> None:
    def ente_line(e, display: dict) -> str:
        return build_uri(e) + "&codeDisplay=" + quote(json.dumps(display, separators=(",", ":")))

    lines = [
        ente_line(samples[0], {"pinned": False, "trashed": False, "tags": ["Work", "B"]}),
        ente_line(samples[1], {"pinned": True, "trashed": True, "tags": []}),
        ente_line(samples[5], {"pinned": False, "trashed": False, "tags": []}),
    ]
    result = importers.load("\n".join(lines).encode())
    assert result.format_name == "ente"
    assert [e.issuer for e in result.entries] == ["Exämple Bank", "Steam"]
    assert result.entries[0].group == "Work"
    assert result.skipped[0].label == "A:B Corp: x+y@z.org"
    assert "trash" in result.skipped[0].reason


def test_ente_encrypted_export_with_impossible_parameters_is_refused() -> None:
    doc = {
        "version": 1,
        "kdfParams": {"memLimit": 1, "opsLimit": 1, "salt": "x"},
        "encryptedData": "abc",
        "encryptionNonce": "def",
    }
    with pytest.raises(ImportFormatError, match="key-derivation parameters"):
        importers.load(json.dumps(doc).encode(), "pw")


def test_qr_image_takes_the_scanning_path(samples) -> None:
    result = importers.load(qr_png(build_uri(samples[1])))
    assert result.format_name == "image"
    assert result.entries[0].issuer == "A:B Corp"
    with pytest.raises(ImportFormatError):
        importers.load(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
