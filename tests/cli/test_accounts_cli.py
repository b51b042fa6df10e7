"""The command line, run as a real process: code, add, list, remove, exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.fast_kdf import FAST_CLI

ROOT = Path(__file__).resolve().parents[2]
SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@pytest.fixture
def cli(data_dir: Path):
    env = {
        **os.environ,
        "DESKTOP_AUTHENTICATOR_DATA_DIR": str(data_dir),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "DESKTOP_AUTHENTICATOR_PASSWORD": "cli-test-password",
    }

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*FAST_CLI, *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            input=stdin,
            timeout=60,
        )

    return run


def test_code_at_a_given_time(cli) -> None:
    r = cli("code", f"otpauth://totp/x?secret={SECRET}&digits=8", "--at", "59")
    assert (r.returncode, r.stdout.strip()) == (0, "94287082")


def test_code_bad_input(cli) -> None:
    r = cli("code", "otpauth://totp/x?secret=JBSW")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "too short" in r.stderr


def test_add_list_remove(cli, data_dir: Path) -> None:
    r = cli("add", f"otpauth://totp/ACME:bob@example.com?secret={SECRET}")
    assert r.returncode == 0, r.stderr
    uid = r.stdout.split("\t")[0]
    r = cli("add", "-", stdin="otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=3\n")
    assert r.returncode == 0, r.stderr
    r = cli("list", "--json")
    rows = json.loads(r.stdout)
    assert [(x["issuer"], x["type"]) for x in rows] == [("ACME", "totp"), ("Bank", "hotp")]
    assert rows[1]["counter"] == 3
    assert SECRET not in r.stdout and "JBSWY3DPEHPK3PXP" not in r.stdout
    assert all("secret" not in row for row in rows)
    r = cli("remove", uid[:8])
    assert r.returncode == 0
    assert [x["issuer"] for x in json.loads(cli("list", "--json").stdout)] == ["Bank"]
    r = cli("remove", uid)
    assert r.returncode == 1 and "No account" in r.stderr


def test_add_refuses_non_keys_and_duplicates(cli) -> None:
    r = cli("add", "https://example.com")
    assert r.returncode == 2 and "web link" in r.stderr
    assert cli("add", f"otpauth://totp/A:b?secret={SECRET}").returncode == 0
    r = cli("add", f"otpauth://totp/A:b?secret={SECRET}")
    assert r.returncode == 1 and "already present" in r.stderr


def test_add_google_export(cli) -> None:
    uri = (
        "otpauth-migration://offline?data=CjYKEExyJfPiZeroMa/MdF%2BnkTISE2pvaG5kb2VAZXhhbXBsZS5jb20a"
        "B0Rpc2NvcmQgASgBMAIQARgBIAA%3D"
    )
    r = cli("add", uri)
    assert r.returncode == 0 and "Discord: johndoe@example.com" in r.stdout


def test_version(cli) -> None:
    r = cli("--version")
    assert r.returncode == 0 and r.stdout.startswith("desktop-authenticator ")


def test_no_secret_in_any_file_after_cli_use(cli, data_dir: Path) -> None:
    cli("add", f"otpauth://totp/ACME:bob?secret={SECRET}")
    cli("list", "--json")
    cli("code", f"otpauth://totp/x?secret={SECRET}")
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "vault.json" for p in files)
    for p in files:
        raw = p.read_bytes()
        for needle in (SECRET, SECRET.lower(), "cli-test-password"):
            assert needle.encode() not in raw, p


def test_list_writes_its_log_only_when_it_logs_a_line(cli, data_dir: Path) -> None:
    """``list`` sets its log file up at the first line logged (desktop_app.logs): none for a
    plain listing, and a line that is logged still lands in the file, not on the terminal."""
    log_file = data_dir / "logs" / "desktop-authenticator.log"
    for issuer, secret in (("First", SECRET), ("Second", "JBSWY3DPEHPK3PXP")):
        # two saves: a previous generation to fall back on
        r = cli("add", f"otpauth://totp/{issuer}:me?secret={secret}&issuer={issuer}")
        assert r.returncode == 0, r.stderr
    before = log_file.read_text("utf-8") if log_file.exists() else ""
    r = cli("list", "--json")
    assert r.returncode == 0 and r.stderr == ""
    assert (log_file.read_text("utf-8") if log_file.exists() else "") == before

    vault_file = data_dir / "vault.json"
    doc = json.loads(vault_file.read_text("utf-8"))
    doc["ciphertext"] = doc["ciphertext"][:-8] + (
        "A" * 8 if doc["ciphertext"][-8:] != "A" * 8 else "B" * 8
    )
    vault_file.write_text(json.dumps(doc), "utf-8")
    r = cli("list", "--json")
    assert r.returncode == 0, r.stderr
    assert [row["issuer"] for row in json.loads(r.stdout)] == ["First"]  # the previous file
    assert "WARNING" not in r.stderr  # the notice, not the log line
    assert (
        "WARNING desktop_app.vault.store: vault opened from vault.json.prev"
        in log_file.read_text("utf-8")
    )


def test_list_json_is_one_account_a_line_fields_in_order_non_ascii_kept(cli) -> None:
    """``list --json``: one JSON array, each account an object on a line of its own (greppable),
    its fields in the documented order, non-ASCII text as it is (not ``\\u`` escapes)."""
    r = cli("list", "--json")
    assert (r.returncode, r.stdout) == (0, "[]\n")
    for link in (
        f"otpauth://totp/Caf%C3%A9%20M%C3%BCller:j%C3%BCrgen?secret={SECRET}",
        "otpauth://hotp/Bank:me?secret=JBSWY3DPEHPK3PXP&counter=3",
    ):
        assert cli("add", link).returncode == 0
    r = cli("list", "--json")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and r.stdout.endswith("]\n")
    body = [line.strip().removesuffix(",") for line in lines[1:-1]]
    assert len(body) == 2
    assert lines[1].endswith(",") and not lines[2].endswith(",")
    first, second = (json.loads(line) for line in body)
    assert json.loads(r.stdout) == [first, second]
    assert list(first) == ["id", "type", "issuer", "name", "algorithm", "digits", "group", "period"]
    assert list(second)[-1] == "counter" and second["counter"] == 3
    assert "Café Müller" in lines[1] and "jürgen" in lines[1]
    assert (first["issuer"], first["name"]) == ("Café Müller", "jürgen")


def test_list_turns_the_collector_off_only_while_it_runs(monkeypatch) -> None:
    """``list`` runs without the cycle collector (it makes no cycles); a caller in the same
    process gets the collector back as it was, also when the command fails."""
    import argparse
    import gc

    from desktop_app.cli import accounts

    seen: list[bool] = []

    def fake_list(args: argparse.Namespace) -> int:
        seen.append(gc.isenabled())
        if getattr(args, "fail", False):
            raise RuntimeError("boom")
        return 0

    monkeypatch.setattr(accounts, "_list", fake_list)
    assert gc.isenabled()
    assert accounts.cmd_list(argparse.Namespace()) == 0
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        accounts.cmd_list(argparse.Namespace(fail=True))
    assert gc.isenabled()
    gc.disable()
    try:
        accounts.cmd_list(argparse.Namespace())
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False, False, False]


@pytest.fixture
def german_system(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.setenv(name, "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")


def test_messages_stay_english_on_a_german_system(german_system, cli, tmp_path: Path) -> None:
    """The core's messages are marked for translation, but the command line says them in
    English (the words its scripts and its manual use), whatever the system's language."""
    r = cli("add", "otpauth://totp/X:y?secret=JBSWY3DP")
    assert r.returncode == 2
    assert r.stderr.strip().endswith("The secret is too short (at least 16 Base32 characters)."), (
        r.stderr
    )
    r = cli("add", "otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=3")
    assert r.returncode == 2
    assert "This authenticator link is invalid: Digits must be between 6 and 10." in r.stderr
    doc = {
        "version": 1,
        "header": {"slots": None, "params": None},
        "db": {
            "version": 3,
            "entries": [
                {"type": "totp", "name": "a", "issuer": "Hash", "info": {
                    "secret": SECRET, "algo": "MD5", "digits": 6, "period": 30}},
                {"type": "totp", "name": "b", "issuer": "Broken", "info": {
                    "secret": SECRET, "algo": "SHA1", "digits": "x", "period": 30}},
            ],
        },
    }  # fmt: skip
    path = tmp_path / "aegis.json"
    path.write_text(json.dumps(doc))
    r = cli("import", str(path))
    assert "cannot import Hash: a: Its algorithm MD5 is not supported" in r.stderr, r.stderr
    assert "cannot import Broken: b: Its digits is not a whole number" in r.stderr, r.stderr
    r = cli("import", str(path), "--dry-run", "--json")
    reasons = [s["reason"] for s in json.loads(r.stdout)["skipped"]]
    assert reasons == ["Its algorithm MD5 is not supported", "Its digits is not a whole number"]


def test_vault_messages_stay_english_on_a_german_system(german_system, cli, data_dir) -> None:
    """A damaged vault is told in English on the command line, though its message is marked."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "vault.json").write_text("not json")
    r = cli("list")
    assert r.returncode != 0
    assert "The vault file is damaged (not JSON)." in r.stderr, r.stderr
    assert "Tresor" not in r.stderr
