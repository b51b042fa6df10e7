"""Issue 22's administrator tools against the emulator over loopback: application tokens,
lost-phone recovery for another user, security events (paged, newest first, filtered)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry
from desktop_app.portal import errors as E
from desktop_app.portal.admin import AdminTools, UserNotReachableError, is_admin_refusal
from desktop_app.portal.client import PortalClient
from desktop_app.portal.emulator import EmulatorServer

from .conftest import PASSWORD, USER

COLLEAGUE = "carl@example.com"
COLLEAGUE_PW = "carl-pw"
STRANGER = "dora@example.org"


@pytest.fixture
def org() -> Iterator[EmulatorServer]:
    with EmulatorServer(account_kind="trial") as emu:
        emu.add_user(USER, PASSWORD)
        emu.add_user(COLLEAGUE, COLLEAGUE_PW, admin=False, colleague_of=USER)
        emu.add_user(STRANGER, "dora-pw")
        yield emu


def _tools(emu: EmulatorServer, user: str, password: str) -> Iterator[AdminTools]:
    with PortalClient(emu.url, timeout=5.0) as client:
        client.login_with_password(user, password)
        yield AdminTools(client)


@pytest.fixture
def admin(org) -> Iterator[AdminTools]:
    yield from _tools(org, USER, PASSWORD)


@pytest.fixture
def observer(org) -> Iterator[AdminTools]:
    yield from _tools(org, COLLEAGUE, COLLEAGUE_PW)


def test_token_create_list_revoke(org, admin):
    assert admin.application_tokens() == []
    created = admin.create_application_token(
        "CI runner", expiry_date="2099-01-01T00:00:00Z", ip="10.0.0.0/8"
    )
    assert created.token and created.token not in repr(created)
    (info,) = admin.application_tokens()
    assert info.description == "CI runner" and info.status_text == "active"
    assert info.expiry_date.startswith("2099-01-01") and info.ip == "10.0.0.0/8"
    assert info.creator == USER and info.created
    with PortalClient(org.url, timeout=5.0) as other:
        assert other.login_with_application_token(created.token).auth_token
    admin.revoke_application_token(info.id)
    (info,) = admin.application_tokens()
    assert info.revoked and info.status_text == "revoked"
    with PortalClient(org.url, timeout=5.0) as other, pytest.raises(E.InvalidCredentialsError):
        other.login_with_application_token(created.token)


def test_token_input_is_checked(admin):
    with pytest.raises(E.ValidationError):
        admin.create_application_token("x", ip="not an address")
    with pytest.raises(E.ValidationError):
        admin.create_application_token("x", expiry_date="2001-01-01T00:00:00Z")
    with pytest.raises(E.NotFoundError):
        admin.revoke_application_token(999999)


def test_non_admin_gets_403_everywhere(org, observer):
    for call in (
        observer.application_tokens,
        lambda: observer.create_application_token("x"),
        lambda: observer.security_events(None),
    ):
        with pytest.raises(E.ForbiddenError) as info:
            call()
        assert is_admin_refusal(info.value)
    # Another user: one 403 for "not an Administrator" and "of another organisation", said
    # as such (naming the user), not as an admin-only refusal.
    with pytest.raises(UserNotReachableError) as info:
        observer.find_user(USER)
    assert info.value.email == USER and not is_admin_refusal(info.value)
    assert "only an Administrator can" in str(info.value)
    # Their own events are theirs to read.
    page = observer.security_events("my")
    assert page.events and all(e.user == COLLEAGUE for e in page.events)


def test_lost_phone_recovery_for_a_colleague(org, admin):
    phone = org.add_active_key(COLLEAGUE)
    with PortalClient(org.url, timeout=5.0) as carl:
        first = carl.login_with_password(COLLEAGUE, COLLEAGUE_PW)
        assert first.mfa_token
        from desktop_app.portal.client import TrustedDeviceInfo

        carl.complete_mfa(
            first.mfa_token,
            code_at(Entry(secret=phone.secret), org.now()),
            TrustedDeviceInfo("fp-carl", "Linux", "Firefox"),
        )
    user = admin.find_user(COLLEAGUE)
    assert user.username == COLLEAGUE and [k.id for k in user.keys] == [phone.id]
    (device,) = admin.user_trusted_devices(user.id)
    assert device.operating_system == "Linux"
    admin.delete_user_key(user.id, phone.id)
    admin.delete_user_trusted_device(user.id, device.id)
    assert org.keys(COLLEAGUE) == [] and org.devices(COLLEAGUE) == []
    assert admin.find_user(COLLEAGUE).keys == []
    # Someone of another organisation is out of reach.
    with pytest.raises(E.ForbiddenError):
        admin.find_user(STRANGER)
    with pytest.raises(E.NotFoundError):
        admin.find_user("nobody@example.com")


def test_events_newest_first_paged_and_filtered(org, admin):
    for _ in range(7):
        org.admin.record(org.user(USER), "login", "User login")
        org.advance_clock(1)
        org.admin.record(org.user(USER), "other", "Endpoint renamed")
        org.advance_clock(1)
    org.admin.record(org.user(USER), "mfa", "MFA key with Id '1' deleted")
    first = admin.security_events("my", per_page=5)
    assert first.has_more and first.scanned == 5
    assert first.events[0].description == "MFA key with Id '1' deleted"
    assert all("Endpoint" not in e.description for e in first.events)
    stamps = [e.timestamp for e in first.events]
    assert stamps == sorted(stamps, reverse=True)
    pages = [first]
    while pages[-1].has_more:
        pages.append(admin.security_events("my", page=pages[-1].page + 1, per_page=5))
    seen = [e.id for p in pages for e in p.events]
    assert len(seen) == len(set(seen)) == 9  # 7 sign-ins by the fixture's 1 + 1 MFA change + 1
    everything = admin.security_events("my", per_page=100, only_security=False)
    assert any("Endpoint" in e.description for e in everything.events)


def test_events_of_the_organisation_and_of_others(org, admin):
    with PortalClient(org.url, timeout=5.0) as carl, pytest.raises(E.InvalidCredentialsError):
        carl.login_with_password(COLLEAGUE, "wrong")
    page = admin.security_events(None, per_page=100)
    users = {e.user for e in page.events}
    assert {USER, COLLEAGUE} <= users and STRANGER not in users
    carl_id = admin.find_user(COLLEAGUE).id
    carl_events = admin.security_events(carl_id, per_page=100).events
    assert any("failed" in e.description for e in carl_events)
    assert admin.security_events(987654321).events == []  # documented: 200 [] for unknown
