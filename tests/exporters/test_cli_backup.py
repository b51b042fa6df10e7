"""``desktop-authenticator import`` / ``export`` end to end (password-mode vault)."""

from __future__ import annotations

import io
import json

import pytest

from desktop_app.cli import main
from desktop_app.exporters.aegis import export_encrypted, export_plain
from desktop_app.exporters.google import qr_paths


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_AUTHENTICATOR_PASSWORD", "vault pw")
    data_dir = tmp_path / "data"

    def run(*argv: str, stdin: str = "") -> int:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return main(["--data-dir", str(data_dir), "--password-mode", *argv])

    return run


def test_dry_run_json_lists_codes_never_secrets(
    cli, samples, sample_codes, tmp_path, capsys
) -> None:
    path = tmp_path / "aegis.json"
    path.write_bytes(export_encrypted(samples, "file pw", scrypt_n=16))
    assert (
        cli(
            "import",
            str(path),
            "--dry-run",
            "--json",
            "--at",
            "59",
            "--password-stdin",
            stdin="file pw\n",
        )
        == 0
    )
    out = capsys.readouterr().out
    for e in samples:
        assert e.secret not in out
    doc = json.loads(out)
    assert doc["format"] == "aegis"
    got = doc["entries"]
    assert [g["code"] for g in got[:3]] == sample_codes[:3]
    assert got[4] == {
        "type": "hotp",
        "issuer": "Counter",
        "name": "c",
        "group": "",
        "algorithm": "SHA1",
        "digits": 6,
        "counter": 12345,
        "code": got[4]["code"],
    }
    assert got[3]["period"] == 60 and got[3]["digits"] == 7
    assert got[5]["type"] == "steam" and len(got[5]["code"]) == 5


def test_import_then_export_round_trip(cli, samples, tmp_path, capsys) -> None:
    path = tmp_path / "plain.json"
    path.write_bytes(export_plain(samples))
    assert cli("import", str(path)) == 0
    assert "Imported 6 account(s)" in capsys.readouterr().out
    assert cli("import", str(path), "--json") == 1  # everything already present
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["duplicates"]) == 6 and doc["added"] == []

    out = tmp_path / "export.json"
    assert (
        cli("export", "--format", "aegis", "--out", str(out), "--password-stdin", stdin="x\n") == 0
    )
    assert "Exported 6 account(s)" in capsys.readouterr().out
    assert cli("import", str(out), "--dry-run", "--json", "--password-stdin", stdin="x\n") == 0
    listed = json.loads(capsys.readouterr().out)["entries"]
    assert [(e["issuer"], e["name"]) for e in listed] == [(e.issuer, e.name) for e in samples]
    assert cli("import", str(out), "--dry-run", "--password-stdin", stdin="wrong\n") == 2
    assert "Wrong password" in capsys.readouterr().err

    assert cli("export", "--format", "otpauth", "--out", str(tmp_path / "links.txt")) == 0
    assert "readable" in capsys.readouterr().err
    assert len((tmp_path / "links.txt").read_text().splitlines()) == 6

    folder = tmp_path / "qr"
    folder.mkdir()
    assert cli("export", "--format", "google-qr", "--out", str(folder)) == 0
    captured = capsys.readouterr()
    assert "left out Steam: gamer" in captured.err
    assert qr_paths(folder, 1)[0].exists()


def test_cli_format_names_match_the_importers_and_exporters() -> None:
    from desktop_app import importers
    from desktop_app.cli.backup import EXPORT_FORMATS, IMPORT_FORMATS
    from desktop_app.exporters import registry as exporters

    assert IMPORT_FORMATS == importers.FORMAT_NAMES
    assert EXPORT_FORMATS == exporters.FORMAT_NAMES


def test_encrypted_file_without_terminal_or_password(cli, samples, tmp_path, capsys) -> None:
    path = tmp_path / "aegis.json"
    path.write_bytes(export_encrypted(samples, "p", scrypt_n=16))
    assert cli("import", str(path), "--dry-run") == 2
    assert "--password-stdin" in capsys.readouterr().err
    assert cli("import", str(tmp_path / "nope.json")) == 2
    assert "no such file" in capsys.readouterr().err


def test_export_never_overwrites_without_force(cli, samples, tmp_path, capsys) -> None:
    path = tmp_path / "plain.json"
    path.write_bytes(export_plain(samples))
    assert cli("import", str(path)) == 0
    out = tmp_path / "links.txt"
    out.write_text("keep me\n")
    assert cli("export", "--format", "otpauth", "--out", str(out)) == 2
    assert "already exists: give --force" in capsys.readouterr().err
    assert out.read_text() == "keep me\n"
    assert cli("export", "--format", "otpauth", "--out", str(out), "--force") == 0
    assert len(out.read_text().splitlines()) == 6
    assert cli("export", "--format", "otpauth", "--out", str(tmp_path)) == 2
    assert "is a folder" in capsys.readouterr().err


def test_google_qr_out_is_the_folder_help_describes(cli, samples, tmp_path, capsys) -> None:
    path = tmp_path / "plain.json"
    path.write_bytes(export_plain(samples))
    before = path.read_bytes()
    assert cli("import", str(path)) == 0
    folder = tmp_path / "new" / "qr"  # missing: made
    assert cli("export", "--format", "google-qr", "--out", str(folder)) == 0
    written = sorted(p.name for p in folder.iterdir())
    assert written == ["google-authenticator-1.png"]
    capsys.readouterr()
    assert cli("export", "--format", "google-qr", "--out", str(folder)) == 2
    assert "google-authenticator-1.png already exists" in capsys.readouterr().err
    assert cli("export", "--format", "google-qr", "--out", str(folder), "--force") == 0
    assert cli("export", "--format", "google-qr", "--out", str(path)) == 2
    assert "is a file" in capsys.readouterr().err
    assert path.read_bytes() == before
