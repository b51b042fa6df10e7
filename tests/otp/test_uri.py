"""otpauth:// parsing and building: the spec's cases, and property tests."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.errors import OtpError
from desktop_app.otp.model import Entry, OtpType, normalize_secret
from desktop_app.otp.uri import build_uri, parse_uri

SECRET = "JBSWY3DPEHPK3PXP"  # 80 bits


def test_full_uri() -> None:
    e = parse_uri(
        "otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ"
        "&issuer=ACME%20Co&algorithm=SHA256&digits=8&period=60"
    )
    assert (e.issuer, e.name, e.algorithm, e.digits, e.period) == (
        "ACME Co",
        "john.doe@email.com",
        "SHA256",
        8,
        60,
    )
    assert e.type is OtpType.TOTP


def test_defaults_and_account_only_label() -> None:
    e = parse_uri(f"otpauth://totp/alice?secret={SECRET}")
    assert (e.issuer, e.name, e.algorithm, e.digits, e.period) == ("", "alice", "SHA1", 6, 30)


def test_encoded_colon_and_spaces_after_it() -> None:
    e = parse_uri(f"otpauth://totp/Example%3A%20%20alice%40google.com?secret={SECRET}")
    assert (e.issuer, e.name) == ("Example", "alice@google.com")


def test_plus_in_path_is_plus_and_in_query_is_space() -> None:
    e = parse_uri(f"otpauth://totp/A+B:c+d@x.com?secret={SECRET}&issuer=A+B")
    assert e.name == "c+d@x.com"
    assert e.issuer == "A B"  # the parameter wins; in the query '+' is a space


def test_utf8_label() -> None:
    e = parse_uri(f"otpauth://totp/%C3%9Cber%20Bank:j%C3%B6rg?secret={SECRET}")
    assert (e.issuer, e.name) == ("Über Bank", "jörg")


def test_issuer_parameter_wins_over_label_prefix() -> None:
    e = parse_uri(f"otpauth://totp/Old:bob?secret={SECRET}&issuer=New")
    assert (e.issuer, e.name) == ("New", "bob")


def test_label_prefix_used_without_parameter() -> None:
    assert parse_uri(f"otpauth://totp/Prefix:bob?secret={SECRET}").issuer == "Prefix"


def test_hotp_counter_and_missing_counter() -> None:
    assert parse_uri(f"otpauth://hotp/x?secret={SECRET}&counter=42").counter == 42
    assert parse_uri(f"otpauth://hotp/x?secret={SECRET}").counter == 0


@pytest.mark.parametrize(
    "uri",
    [
        f"otpauth://steam/Steam:me?secret={SECRET}",
        f"otpauth://totp/Steam:me?secret={SECRET}&encoder=steam",
    ],
)
def test_steam_forms(uri: str) -> None:
    e = parse_uri(uri)
    assert e.type is OtpType.STEAM and e.digits == 5


def test_lower_case_spaced_unpadded_secret() -> None:
    e = parse_uri("otpauth://totp/x?secret=jbsw y3dp-ehpk3pxp====")
    assert e.secret == SECRET


def test_unknown_parameters_ignored() -> None:
    e = parse_uri(f"otpauth://totp/x?secret={SECRET}&image=https://x/y.png&color=red&icon=a")
    assert e.secret == SECRET


@pytest.mark.parametrize(
    "uri,field",
    [
        ("otpauth://totp/x?issuer=a", "secret"),
        ("otpauth://totp/x?secret=abc1", "secret"),
        ("otpauth://totp/x?secret=JBSWY3DP", "secret"),  # 40 bits: too short
        (f"otpauth://totp/x?secret={SECRET}&period=0", "period"),
        (f"otpauth://totp/x?secret={SECRET}&digits=3", "digits"),
        (f"otpauth://totp/x?secret={SECRET}&digits=11", "digits"),
        (f"otpauth://totp/x?secret={SECRET}&digits=six", "digits"),
        (f"otpauth://totp/x?secret={SECRET}&algorithm=MD5", "algorithm"),
        (f"otpauth://motp/x?secret={SECRET}", "type"),
        ("https://example.com", "uri"),
        (f"otpauth://totp/%FF?secret={SECRET}", "name"),
    ],
)
def test_bad_uris_name_the_field(uri: str, field: str) -> None:
    with pytest.raises(OtpError) as info:
        parse_uri(uri)
    assert info.value.field == field
    assert SECRET not in str(info.value)


names = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40).map(
    str.strip
)
secrets_ = st.binary(min_size=10, max_size=64).map(
    lambda b: __import__("base64").b32encode(b).decode().rstrip("=")
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    otp_type = draw(st.sampled_from(list(OtpType)))
    digits = 5 if otp_type is OtpType.STEAM else draw(st.integers(6, 10))
    return Entry(
        secret=draw(secrets_),
        issuer=draw(names),
        name=draw(names),
        type=otp_type,
        algorithm="SHA1"
        if otp_type is OtpType.STEAM
        else draw(st.sampled_from(["SHA1", "SHA256", "SHA512"])),
        digits=digits,
        period=draw(st.integers(1, 86400)),
        counter=draw(st.integers(0, 2**40)) if otp_type is OtpType.HOTP else 0,
    )


def _essence(e: Entry) -> tuple:
    period = e.period if e.type is not OtpType.HOTP else 30
    return (e.secret, e.issuer, e.name, e.type, e.algorithm, e.digits, period, e.counter)


@settings(max_examples=300, deadline=None)
@given(entries())
def test_build_parse_round_trip(entry: Entry) -> None:
    assert _essence(parse_uri(build_uri(entry))) == _essence(entry)


@settings(max_examples=200, deadline=None)
@given(entries())
def test_parse_build_parse_is_stable(entry: Entry) -> None:
    once = parse_uri(build_uri(entry))
    assert _essence(parse_uri(build_uri(once))) == _essence(once)


uri_chars = st.text(
    alphabet=st.sampled_from(list("otpauth:/?&=%:+ABCXYZ234567abc-_.@#\u00fc\x00 ")), max_size=80
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(uri_chars, st.text(max_size=80)).map(lambda s: "otpauth://" + s))
def test_fuzzed_uris_only_raise_otp_error(text: str) -> None:
    try:
        entry = parse_uri(text)
    except OtpError:
        return
    assert entry.secret == normalize_secret(entry.secret)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_fuzzed_parameters_only_raise_otp_error(path: str, query: str) -> None:
    with contextlib.suppress(OtpError):
        parse_uri(f"otpauth://totp/{path}?secret={SECRET}&{query}")
