"""Format detection, the import path into the vault, and fuzzed files (hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app import importers
from desktop_app.errors import ImportFormatError, WrongPasswordError
from desktop_app.exporters.aegis import export_encrypted, export_plain
from desktop_app.exporters.registry import export_otpauth
from desktop_app.importers.andotp import encrypt as andotp_encrypt
from desktop_app.otp.migration import build_migration_uris


def test_every_format_name_is_reachable() -> None:
    assert set(importers.FORMAT_NAMES) == {
        "aegis",
        "2fas",
        "andotp",
        "authplus",
        "authy",
        "battlenet",
        "bitwarden",
        "bitwarden-csv",
        "duo",
        "ente",
        "freeotp",
        "freeotp-backup",
        "freeotp-xml",
        "google",
        "google-db",
        "image",
        "keepass-csv",
        "microsoft",
        "otpauth",
        "proton",
        "steam",
        "stratum",
        "totpauth",
    }
    with pytest.raises(ImportFormatError, match="Unknown import format"):
        importers.importer_by_name("lastpass")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"just some notes\n", "not recognised"),
        (b'{"hello": 1}', "not recognised"),
        (b'{"header": {"slots": null', "truncated"),
    ],
)
def test_unrecognised_files_are_named(data: bytes, message: str) -> None:
    with pytest.raises(ImportFormatError, match=message):
        importers.load(data)


def test_forced_format_reads_file_as_that(samples) -> None:
    data = export_otpauth(samples[:1])
    assert importers.load(data, format="otpauth").entries[0].issuer == "Exämple Bank"
    with pytest.raises(ImportFormatError):
        importers.load(data, format="aegis")


def test_import_into_skips_duplicates_and_is_all_or_nothing(vault, samples, tmp_path) -> None:
    vault.add(samples[0])
    outcome = importers.import_into(vault, export_plain(samples))
    assert [e.label for e in outcome.duplicates] == [samples[0].label]
    assert len(outcome.added) == len(samples) - 1
    assert len(vault.entries()) == len(samples)
    before = vault.path.read_bytes()
    with pytest.raises(WrongPasswordError):
        importers.import_into(vault, export_encrypted(samples, "pw", scrypt_n=2), "bad")
    assert vault.path.read_bytes() == before


def test_read_file_errors(tmp_path) -> None:
    with pytest.raises(ImportFormatError, match="no such file"):
        importers.load_file(tmp_path / "missing.json")
    with pytest.raises(ImportFormatError, match="folder"):
        importers.load_file(tmp_path)


# --- fuzzing --------------------------------------------------------------------------------

KEYS = [
    "version",
    "header",
    "slots",
    "params",
    "db",
    "entries",
    "groups",
    "type",
    "uuid",
    "name",
    "issuer",
    "info",
    "secret",
    "algo",
    "digits",
    "period",
    "counter",
    "n",
    "r",
    "p",
    "salt",
    "key",
    "key_params",
    "nonce",
    "tag",
    "services",
    "servicesEncrypted",
    "schemaVersion",
    "otp",
    "tokenType",
    "items",
    "encrypted",
    "login",
    "totp",
    "folders",
    "tokens",
    "tokenOrder",
    "label",
    "kdfParams",
    "encryptedData",
    "groupId",
    "tags",
    "algorithm",
    # formats added for issue 10
    "Authenticators",
    "Type",
    "Secret",
    "Issuer",
    "Algorithm",
    "Digits",
    "shared_secret",
    "account_name",
    "accounts",
    "otpGenerator",
    "otpSecret",
    "content",
    "uri",
    "passwordProtected",
    "salt",
    "kdfType",
    "kdfIterations",
    "kdfMemory",
    "kdfParallelism",
    "encKeyValidation_DO_NOT_EDIT",
    "data",
    "memLimit",
    "opsLimit",
    "encryptionNonce",
]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.sampled_from(
        [
            "totp",
            "hotp",
            "steam",
            "SHA1",
            "JBSWY3DPEHPK3PXP",
            "",
            "otpauth://totp/a?secret=JBSWY3DPEHPK3PXP",
        ]
    )
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), children, max_size=6)
    ),
    max_leaves=30,
)


def _valid_files() -> list[bytes]:
    from desktop_app.otp.model import Entry, OtpType

    es = [
        Entry(secret="JBSWY3DPEHPK3PXP", issuer="I", name="n", group="G"),
        Entry(secret="JBSWY3DPEHPK3PXQ", type=OtpType.HOTP, counter=3),
    ]
    services = [{"name": "S", "secret": "JBSWY3DPEHPK3PXP", "otp": {"account": "a"}}]
    return [
        export_plain(es),
        export_encrypted(es, "pw", scrypt_n=2),
        export_otpauth(es),
        "\n".join(build_migration_uris(es)[0]).encode(),
        json.dumps({"services": services, "schemaVersion": 4}).encode(),
        json.dumps([{"secret": "JBSWY3DPEHPK3PXP", "type": "TOTP", "label": "x"}]).encode(),
        andotp_encrypt(
            b'[{"secret": "JBSWY3DPEHPK3PXP", "type": "TOTP"}]', "pw", 1000, b"s" * 12, b"i" * 12
        ),
        json.dumps(
            {"encrypted": False, "items": [{"login": {"totp": "steam://JBSWY3DPEHPK3PXP"}}]}
        ).encode(),
        json.dumps(
            {
                "tokenOrder": [],
                "tokens": [{"secret": [1, -2, 3, 4, 5, 6, 7, 8, 9, 10], "type": "HOTP"}],
            }
        ).encode(),
        *NEW_FORMATS.values(),
    ]


def _new_format_files() -> dict[str, bytes]:
    """One small valid file of every format added for issue 10, by importer name (the cheap
    key-derivation parameters each format allows, so that fuzzing stays fast)."""
    import os
    import sqlite3
    import tempfile
    from pathlib import Path

    from desktop_app.importers.battlenet import SECRET_KEY, mask
    from desktop_app.importers.ente import encrypt as ente_encrypt
    from desktop_app.importers.stratum import encrypt as stratum_encrypt
    from tests.importers.builders import encrypt_protected, totpauth_encrypt
    from tests.importers.test_authy import plain_tokens, prefs
    from tests.importers.test_freeotp2 import freeotp_backup
    from tests.importers.vectors import RFC1, STEAM_RAW, b32, b64

    secret = b32(RFC1)
    uri = f"otpauth://totp/I:n?secret={secret}"
    stratum = json.dumps(
        {
            "Authenticators": [
                {
                    "Type": 2,
                    "Issuer": "I",
                    "Secret": secret,
                    "Algorithm": 0,
                    "Digits": 6,
                    "Period": 30,
                    "Counter": 0,
                }
            ]
        }
    ).encode()

    def db(script: str, insert: str, row: tuple) -> bytes:
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "db"
            con = sqlite3.connect(path)
            con.executescript(script)
            con.execute(insert, row)
            con.commit()
            con.close()
            return path.read_bytes()

    token = json.dumps({"secret": list(RFC1), "type": "TOTP", "issuerExt": "I", "label": "l"})
    tokens_xml = (
        '<?xml version="1.0"?><map><string name="tokenOrder">[]</string>'
        f'<string name="a">{token}</string></map>'
    ).encode()
    with tempfile.TemporaryDirectory() as d:
        from tests.importers.test_authplus import authplus_db

        authplus = authplus_db(Path(d), "pw", [("n", secret, 0, 0, "I", "", "")])
    return {
        "authplus": authplus,
        "authy": prefs(plain_tokens()[:1]),
        "battlenet": (
            f'<map><string name="{SECRET_KEY}">{mask(RFC1.hex())}</string></map>'
        ).encode(),
        "bitwarden": json.dumps(
            encrypt_protected(
                json.dumps({"encrypted": False, "items": [{"login": {"totp": uri}}]}).encode(),
                "pw",
                "salt",
                iterations=1000,
            )
        ).encode(),
        "bitwarden-csv": f"name,login_username,login_totp\nI,n,{secret}\n".encode(),
        "duo": json.dumps([{"name": "D", "otpGenerator": {"otpSecret": secret}}]).encode(),
        "ente": ente_encrypt(uri.encode(), "pw", ops=1, mem=8192 * 1024, salt=bytes(16)),
        "freeotp-backup": freeotp_backup("pw", iterations=1000, orphan=False),
        "freeotp-xml": tokens_xml,
        "google-db": db(
            "CREATE TABLE accounts (email TEXT, secret TEXT, type INTEGER, issuer TEXT,"
            " counter INTEGER)",
            "INSERT INTO accounts VALUES (?,?,?,?,?)",
            ("n", secret, 0, "I", 0),
        ),
        "keepass-csv": f'"Group","Title","Username","TOTP"\n"Root","T","u","{uri}"\n'.encode(),
        "microsoft": db(
            "CREATE TABLE accounts (name TEXT, username TEXT, oath_secret_key TEXT,"
            " account_type INTEGER)",
            "INSERT INTO accounts VALUES (?,?,?,?)",
            ("I", "n", b64(RFC1), 1),
        ),
        "proton": json.dumps(
            {"version": 1, "entries": [{"content": {"uri": uri, "name": "P"}}]}
        ).encode(),
        "steam": json.dumps({"shared_secret": b64(STEAM_RAW), "account_name": "g"}).encode(),
        "stratum": stratum,
        "stratum-encrypted": stratum_encrypt(stratum, "pw", os.urandom(16), os.urandom(12)),
        "totpauth": totpauth_encrypt([{"issuer": "T", "name": "n", "key": secret, "base": 32}]),
    }


NEW_FORMATS = _new_format_files()
VALID = _valid_files()


@pytest.mark.parametrize("name", sorted(NEW_FORMATS))
def test_every_new_format_is_recognised_by_content_and_reads(name) -> None:
    from tests.importers.vectors import assert_codes

    data = NEW_FORMATS[name]
    assert importers.detect_format(data).name == name.removesuffix("-encrypted")
    result = importers.load(data, "pw")
    assert result.skipped == []
    assert_codes(result.entries)


def test_catalogue_names_every_app_with_a_hint() -> None:
    apps = dict(importers.catalogue())
    for app in ("Authenticator Plus", "Authy", "Google Authenticator", "Microsoft Authenticator", "FreeOTP",
                "Stratum / Authenticator Pro", "Steam", "Bitwarden", "ente Auth", "Battle.net "
                "Authenticator", "Duo Mobile", "Proton Authenticator", "FreeOTP+",
                "TOTP Authenticator", "WinAuth", "KeePassXC", "Aegis", "2FAS", "andOTP"):  # fmt: skip
        assert len(apps.pop(app)) > 20, app
    assert list(apps) == ["Any app"]
    with pytest.raises(ImportFormatError, match="Proton Authenticator"):
        importers.load(b"some notes, no accounts\n")


@st.composite
def damaged_files(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID)))
    kind = draw(st.sampled_from(["truncate", "flip", "insert"]))
    pos = draw(st.integers(min_value=0, max_value=max(0, len(data) - 1)))
    if kind == "truncate":
        return bytes(data[:pos])
    if kind == "flip":
        data[pos] ^= draw(st.integers(min_value=1, max_value=255))
        return bytes(data)
    return bytes(data[:pos]) + draw(st.binary(min_size=1, max_size=8)) + bytes(data[pos:])


fuzzed = (
    st.binary(max_size=300)
    | damaged_files()
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.dictionaries(st.sampled_from(KEYS), json_values, max_size=6).map(
        lambda v: json.dumps(v).encode()
    )
)


def _check(vault, data: bytes, password: str | None) -> None:
    before_file = vault.path.read_bytes()
    before = vault.entries()
    try:
        outcome = importers.import_into(vault, data, password)
    except (ImportFormatError, WrongPasswordError) as exc:
        assert str(exc)
        assert vault.path.read_bytes() == before_file
        assert vault.entries() == before
    else:
        # a file that still reads must only add what it reports
        assert len(vault.entries()) == len(before) + len(outcome.added)
        if outcome.added:
            vault.remove_many([e.uuid for e in outcome.added])


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=fuzzed, password=st.sampled_from([None, "pw", "wrong"]))
def test_fuzzed_files_only_raise_clear_errors(vault, data: bytes, password: str | None) -> None:
    _check(vault, data, password)


def test_each_importer_carries_its_app_hint_and_encrypted_flag() -> None:
    from desktop_app.importers import IMPORTERS

    for importer in IMPORTERS:
        assert importer.app and isinstance(importer.encrypted, bool), importer.name
    listed = dict(importers.catalogue())
    assert set(listed) == {i.app for i in IMPORTERS}
    assert all(listed[i.app] for i in IMPORTERS)  # every app has its hint from one importer
    encrypted = {i.name for i in IMPORTERS if i.encrypted}
    assert {"aegis", "2fas", "andotp", "authplus", "freeotp-backup", "stratum"} <= encrypted
    assert not {"google-db", "microsoft", "keepass-csv", "image"} & encrypted


_B32 = "JBSWY3DPEHPK3PXP"
MAFILE_LIKE = {"shared_secret": "AAECAwQFBgcICQoLDA0ODxAREhM=", "account_name": "gamer"}


@pytest.mark.parametrize(
    ("format", "doc", "noun"),
    [
        ("andotp", [{"secret": _B32, "issuer": "A", "label": "a", "type": "TOTP"}, 7], "Entry"),
        ("duo", [{"name": "A", "otpGenerator": {"otpSecret": _B32}}, 7], "Account"),
        (
            "freeotp",
            {"tokenOrder": [], "tokens": [{"issuerExt": "A", "label": "a", "secret": [1] * 10}, 7]},
            "Token",
        ),
        ("2fas", {"schemaVersion": 4, "services": [{"name": "A", "secret": _B32}, 7]}, "Service"),
        (
            "proton",
            {"version": 1, "entries": [{"content": {"uri": f"otpauth://totp/A?secret={_B32}"}}, 7]},
            "Entry",
        ),
        ("steam", {"accounts": {"1": MAFILE_LIKE, "2": 7}}, "Steam account"),
    ],
)
def test_an_item_that_is_not_an_object_is_skipped_with_its_number(format, doc, noun) -> None:
    result = importers.load(json.dumps(doc).encode(), format=format)
    assert len(result.entries) == 1
    assert [(s.label, s.reason) for s in result.skipped] == [(f"{noun} 2", "It is not an object")]


@pytest.mark.parametrize(
    ("format", "doc", "message"),
    [
        ("bitwarden", [], "This is not a Bitwarden export (not a JSON object)."),
        ("freeotp", [], "This is not a FreeOTP+ export (not a JSON object)."),
        ("2fas", [1], "This is not a 2FAS backup (not a JSON object)."),
        ("proton", "x", "This is not a Proton Authenticator export (not a JSON object)."),
        ("duo", {}, "This is not a Duo Mobile account file (not a JSON list)."),
    ],
)
def test_forced_format_names_the_wrong_json_shape(format, doc, message) -> None:
    with pytest.raises(ImportFormatError) as caught:
        importers.load(json.dumps(doc).encode(), format=format)
    assert str(caught.value) == message
