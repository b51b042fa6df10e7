"""The portal client against the emulator over real HTTP (no Qt): forms, tokens, every error."""

from __future__ import annotations

import datetime
import ipaddress
import ssl
import threading
from pathlib import Path

import httpx
import pytest

from desktop_app.errors import AppError
from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal import errors as E
from desktop_app.portal.client import (
    LoginResult,
    PortalClient,
    hash_password,
    jwt_claims,
    jwt_expiry,
    normalize_base_url,
    parse_retry_after,
)
from desktop_app.portal.emulator import EmulatorServer
from desktop_app.portal.mfa import MfaApi

from .conftest import APP_TOKEN, OTHER_USER, PASSWORD, USER


def test_password_is_sent_as_lower_hex_sha1():
    assert hash_password("password") == "5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8"


def test_base_url_rules():
    assert normalize_base_url("https://cdn.emnify.net/") == "https://cdn.emnify.net"
    assert normalize_base_url("https://cdn.emnify.net/api/v1") == "https://cdn.emnify.net"
    assert normalize_base_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"
    with pytest.raises(E.PortalConfigError):
        normalize_base_url("http://cdn.emnify.net")
    with pytest.raises(E.PortalConfigError):
        normalize_base_url("cdn.emnify.net")


def test_retry_after_forms():
    assert parse_retry_after("120", 0) == 120
    assert parse_retry_after(None, 0) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1445412470.0) == pytest.approx(10)


def test_login_with_password_gives_jwt_with_expiry(emulator, client):
    result = client.login_with_password(USER, PASSWORD)
    assert result.auth_token and result.refresh_token and not result.mfa_required
    claims = jwt_claims(result.auth_token)
    assert claims["sub"] == USER
    assert jwt_expiry(result.auth_token) == claims["iat"] + 240 * 60
    assert "auth_token" not in repr(result) or result.auth_token not in repr(result)
    assert client.get_user()["username"] == USER


def test_application_token_login_has_no_refresh_token(client):
    result = client.login_with_application_token(APP_TOKEN)
    assert result.auth_token and result.refresh_token is None
    assert client.username == USER
    assert client.get_user()["username"] == USER


def test_application_token_session_renews_itself_on_401(emulator, client):
    client.login_with_application_token(APP_TOKEN)
    emulator.advance_clock(241 * 60)
    assert client.get_user()["username"] == USER
    assert emulator.calls["authenticate"] == 2


def test_expired_token_refreshes_once_and_retries(emulator, signed_in):
    emulator.advance_clock(241 * 60)  # the client's clock does not know: it learns from the 401
    assert signed_in.get_user()["username"] == USER
    assert emulator.calls["authenticate"] == 2  # login + one refresh
    assert emulator.calls["get_user"] == 2  # the 401 and the retry


def test_token_renewed_before_expiry_when_the_clock_says_so(emulator):
    with PortalClient(emulator.url, timeout=5.0, clock=emulator.now) as c:
        c.login_with_password(USER, PASSWORD)
        emulator.advance_clock(240 * 60 - 30)  # within the renewal margin
        c.get_user()
        assert emulator.calls["authenticate"] == 2
        assert emulator.calls["get_user"] == 1  # no 401 round trip


def test_refresh_token_expired_means_sign_in_again(emulator, signed_in):
    emulator.advance_clock(31 * 86400)
    with pytest.raises(E.SessionExpiredError) as info:
        signed_in.get_user()
    assert info.value.error_code == 1102
    assert not signed_in.signed_in


def test_1101_wrong_password(client):
    with pytest.raises(E.InvalidCredentialsError) as info:
        client.login_with_password(USER, "wrong")
    assert (info.value.status, info.value.error_code) == (401, 1101)
    assert info.value.error_token == "InvalidCredentials"
    assert "wrong" not in str(info.value)
    assert hash_password("wrong") not in str(info.value)


def test_401_with_empty_body_is_bad_credentials():
    with (
        EmulatorServer(users={USER: PASSWORD}, account_kind="trial", empty_401_bodies=True) as emu,
        PortalClient(emu.url, timeout=5.0) as c,
        pytest.raises(E.InvalidCredentialsError) as info,
    ):
        c.login_with_password(USER, "nope")
    assert info.value.status == 401 and info.value.error_code is None
    assert str(info.value) == E.InvalidCredentialsError.default_message


def test_1102_invalid_token(emulator, client):
    token = emulator.issue_auth_token(emulator.user(USER))
    client.set_tokens(token[:-6] + "AAAAAA")
    with pytest.raises(E.InvalidTokenError) as info:
        client.get_user()
    assert (info.value.status, info.value.error_code) == (401, 1102)


def test_1103_token_expired_without_refresh_token(emulator, client):
    client.set_tokens(emulator.issue_auth_token(emulator.user(USER)))
    emulator.advance_clock(241 * 60)
    with pytest.raises(E.TokenExpiredError) as info:
        client.get_user()
    assert (info.value.status, info.value.error_code) == (401, 1103)


def test_1104_forbidden_other_user(signed_in):
    with pytest.raises(E.ForbiddenError) as info:
        signed_in.get_user(OTHER_USER)
    assert (info.value.status, info.value.error_code) == (403, 1104)


def test_1104_mandatory_mfa_refuses_delete(emulator, signed_in):
    emulator.user(USER).mfa_mandatory = True
    key = emulator.add_active_key(USER)
    with pytest.raises(E.ForbiddenError) as info:
        MfaApi(signed_in).delete_mfa_key(key.id)
    assert info.value.error_code == 1104
    assert "mandatory" in str(info.value)
    assert emulator.active_keys(USER)


def test_1105_rate_limit_honours_retry_after(emulator, signed_in):
    emulator.set_rate_limits(overall=3, window=300)
    MfaApi(signed_in).mfa_types()
    MfaApi(signed_in).mfa_statuses()
    signed_in.get_user()
    with pytest.raises(E.RateLimitedError) as info:
        signed_in.get_user()
    err = info.value
    assert (err.status, err.error_code) == (429, 1105)
    assert err.retry_after is not None and 200 < err.retry_after <= 300
    assert not isinstance(err, E.AccountLockedError)
    sent = emulator.calls["get_user"]
    with pytest.raises(E.RateLimitedError):  # honoured: not even sent
        signed_in.get_user()
    assert emulator.calls["get_user"] == sent


def test_short_retry_after_is_waited_out_once(emulator, signed_in):
    emulator.set_rate_limits(overall=1, window=2)
    signed_in.get_user()
    before = emulator.now()
    assert signed_in.get_user()["username"] == USER  # 429, waits (on the emulator clock), retry
    assert emulator.now() - before >= 1


def test_rate_limit_on_authenticate(emulator, client):
    emulator.set_rate_limits(auth=2)
    client.login_with_password(USER, PASSWORD)
    client.login_with_password(USER, PASSWORD)
    with pytest.raises(E.RateLimitedError) as info:
        client.login_with_password(USER, PASSWORD)
    assert info.value.status == 429


def test_1105_lockout_after_three_failures_and_its_end(emulator, client):
    for _ in range(2):
        with pytest.raises(E.InvalidCredentialsError):
            client.login_with_password(USER, "bad")
    with pytest.raises(E.AccountLockedError) as info:
        client.login_with_password(USER, "bad")
    assert (info.value.status, info.value.error_code) == (401, 1105)
    assert "locked" in str(info.value).lower()
    with pytest.raises(E.AccountLockedError):  # even the right password
        client.login_with_password(USER, PASSWORD)
    emulator.advance_clock(5 * 60 + 1)
    assert client.login_with_password(USER, PASSWORD).auth_token


def test_1201_not_found(signed_in):
    with pytest.raises(E.NotFoundError) as info:
        MfaApi(signed_in).delete_trusted_device(987654)
    assert (info.value.status, info.value.error_code) == (404, 1201)
    with pytest.raises(E.NotFoundError):
        MfaApi(signed_in).delete_mfa_key(987654)


def test_1400_wrong_password_on_create_key_with_nested_errors(emulator, signed_in):
    with pytest.raises(E.PasswordRejectedError) as info:
        MfaApi(signed_in).create_mfa_key("not the password")
    err = info.value
    assert (err.status, err.error_code, err.error_token) == (422, 1400, "InputValidationFailed")
    assert err.errors and "password" in err.details_text()
    assert "not the password" not in str(err)
    assert emulator.keys(USER) == []


def test_1400_wrong_code_on_activate(emulator, signed_in):
    key = MfaApi(signed_in).create_mfa_key(PASSWORD)
    good = code_at(Entry(secret=key.secret_key), emulator.now())
    bad = f"{(int(good) + 1) % 1_000_000:06d}"
    with pytest.raises(E.WrongCodeError) as info:
        MfaApi(signed_in).activate_mfa_key(key.id, bad)
    assert (info.value.status, info.value.error_code) == (422, 1400)
    assert emulator.active_keys(USER) == []


def test_1401_invalid_reference(signed_in):
    with pytest.raises(E.ValidationError) as info:
        signed_in._request(
            "POST", "/user/mfa", {"type": {"id": 99}, "password": "x"}, context="create_key"
        )
    assert (info.value.status, info.value.error_code) == (422, 1401)
    assert not isinstance(info.value, E.PasswordRejectedError)


def test_1402_required(signed_in):
    with pytest.raises(E.ValidationError) as info:
        signed_in._request("POST", "/user/mfa", {"type": {"id": 1}}, context="create_key")
    assert (info.value.status, info.value.error_code, info.value.error_token) == (
        422,
        1402,
        "Required",
    )


def test_1403_invalid_format(signed_in):
    key = MfaApi(signed_in).create_mfa_key(PASSWORD)
    with pytest.raises(E.ValidationError) as info:
        MfaApi(signed_in).activate_mfa_key(key.id, "12ab")
    assert (info.value.status, info.value.error_code) == (422, 1403)


def test_409_conflicts(emulator, signed_in):
    key = MfaApi(signed_in).create_mfa_key(PASSWORD)
    with pytest.raises(E.ConflictError) as info:
        MfaApi(signed_in).create_mfa_key(PASSWORD)
    assert info.value.status == 409
    MfaApi(signed_in).activate_mfa_key(
        key.id, code_at(Entry(secret=key.secret_key), emulator.now())
    )
    with pytest.raises(E.ConflictError):
        MfaApi(signed_in).activate_mfa_key(
            key.id, code_at(Entry(secret=key.secret_key), emulator.now())
        )


def test_400_malformed(signed_in):
    with pytest.raises(E.BadRequestError) as info:
        signed_in._request("POST", "/authenticate", {"nothing": 1}, auth=False)
    assert info.value.status == 400


def test_mfa_login_second_step_and_trusted_device(emulator, client):
    key = emulator.add_active_key(USER)
    result = client.login_with_password(USER, PASSWORD, fingerprint="fp-1")
    assert result.mfa_required and result.mfa_token
    from desktop_app.portal.client import TrustedDeviceInfo

    device = TrustedDeviceInfo("fp-1", "Linux", "Desktop Authenticator", "laptop")
    with pytest.raises(E.InvalidCredentialsError):
        client.complete_mfa(
            result.mfa_token,
            "000000" if code_at(Entry(secret=key.secret), emulator.now()) != "000000" else "111111",
        )
    done = client.complete_mfa(
        result.mfa_token, code_at(Entry(secret=key.secret), emulator.now()), device
    )
    assert done.auth_token and done.refresh_token
    devices = MfaApi(client).trusted_devices()
    # the published items carry no name: {id, operating_system, browser, activation_date}
    assert [(d.operating_system, d.browser) for d in devices] == [
        ("Linux", "Desktop Authenticator")
    ]
    again = client.login_with_password(USER, PASSWORD, fingerprint="fp-1")
    assert again.auth_token and not again.mfa_required
    emulator.advance_clock(91 * 86400)  # trust lasts 90 days
    assert client.login_with_password(USER, PASSWORD, fingerprint="fp-1").mfa_required


def test_mfa_types_and_statuses_are_read_not_hard_coded():
    with (
        EmulatorServer(
            users={USER: PASSWORD},
            account_kind="trial",
            totp_type_id=7,
            active_status_id=5,
            pending_status_id=6,
        ) as emu,
        PortalClient(emu.url, timeout=5.0) as c,
    ):
        c.login_with_password(USER, PASSWORD)
        m = MfaApi(c)
        key = m.create_mfa_key(PASSWORD)
        assert key.type is not None and key.type.id == 7
        assert key.status is not None and key.status.id == 6
        m.activate_mfa_key(key.id, code_at(Entry(secret=key.secret_key), emu.now()))
        assert m.mfa_keys()[0].is_active(m.active_status_id()) and m.active_status_id() == 5


def test_mfa_password_plain_reading_is_coped_with():
    with (
        EmulatorServer(
            users={USER: PASSWORD}, account_kind="trial", mfa_password_form="plain"
        ) as emu,
        PortalClient(emu.url, timeout=5.0) as c,
    ):
        c.login_with_password(USER, PASSWORD)
        m = MfaApi(c)
        with pytest.raises(E.PasswordRejectedError):  # not proven: never sent as typed
            m.create_mfa_key(PASSWORD)
        assert m.mfa_password_form == "hashed"
        c.verify_password(USER, PASSWORD)
        key = m.create_mfa_key(PASSWORD, password_proven=True)
        assert key.secret_key and m.mfa_password_form == "plain"


def test_code_inside_status_reading_is_coped_with():
    """A server of the older reading (code inside ``status``) says the top-level code is
    missing; the client sends it once more inside ``status``."""
    seen: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        import json

        if request.url.path.endswith("/user/mfa/status"):
            return httpx.Response(200, json=[{"id": 1, "description": "ACTIVE"}])
        body = json.loads(request.content)
        seen.append(body)
        if "code" not in body.get("status", {}):
            return httpx.Response(
                422,
                json={"error_code": 1402, "error_token": "Required", "message": "status.code"},
            )
        return httpx.Response(204)

    with PortalClient("https://portal.test", transport=httpx.MockTransport(handler)) as c:
        c.set_tokens("a.b.c")
        m = MfaApi(c)
        m.activate_mfa_key(5, "123456")
    assert seen == [
        {"status": {"id": 1}, "code": "123456"},
        {"status": {"id": 1, "code": "123456"}},
    ]
    assert m.code_in_status


def test_injected_5xx_drop_and_delay(emulator, signed_in):
    emulator.inject_fault("get_user", "error", status=503)
    with pytest.raises(E.PortalServerError) as info:
        signed_in.get_user()
    assert info.value.status == 503 and "503" not in str(info.value)  # no "(HTTP 503)"
    emulator.inject_fault("get_user", "drop")
    with pytest.raises(E.PortalConnectionError):
        signed_in.get_user()
    assert signed_in.get_user()["username"] == USER  # faults are used up


def test_timeout_is_enforced(emulator):
    emulator.inject_fault("authenticate", "delay", delay=2.0)
    with PortalClient(emulator.url, timeout=0.3) as c, pytest.raises(E.PortalTimeoutError):
        c.login_with_password(USER, PASSWORD)


def test_server_down_is_offline_error():
    emu = EmulatorServer(users={USER: PASSWORD}, account_kind="trial").start()
    url = emu.url
    emu.stop()
    with PortalClient(url, timeout=2.0) as c, pytest.raises(E.PortalConnectionError) as info:
        c.login_with_password(USER, PASSWORD)
    assert not isinstance(info.value, E.PortalTlsError)
    assert isinstance(info.value, AppError)


def _self_signed(tmp: Path) -> ssl.SSLContext:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    (tmp / "c.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp / "k.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(tmp / "c.pem", tmp / "k.pem")
    return ctx


def test_untrusted_certificate_is_a_tls_error(tmp_path):
    with EmulatorServer(
        users={USER: PASSWORD}, account_kind="trial", ssl_context=_self_signed(tmp_path)
    ) as emu:
        assert emu.url.startswith("https://")
        with PortalClient(emu.url, timeout=5.0) as c, pytest.raises(E.PortalTlsError) as info:
            c.login_with_password(USER, PASSWORD)
    assert "certificate" in str(info.value).lower()


def test_client_is_thread_safe_on_refresh(emulator, signed_in):
    emulator.advance_clock(241 * 60)
    errors: list[BaseException] = []

    def call() -> None:
        try:
            signed_in.get_user()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_login_result_repr_hides_tokens():
    r = LoginResult(auth_token="AAA.BBB.CCC", refresh_token="RRR", mfa_token=None)
    assert "AAA" not in repr(r) and "RRR" not in repr(r)
