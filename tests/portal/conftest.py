"""Fixtures for the portal tests: a real emulator on loopback, clients and accounts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop_app.portal.account import PortalAccount
from desktop_app.portal.client import PortalClient
from desktop_app.portal.emulator import EmulatorServer

from .schema_check import SchemaChecker

USER = "ann@example.com"
PASSWORD = "correct horse battery staple"
OTHER_USER = "bob@example.com"
OTHER_PASSWORD = "bob-password"
APP_TOKEN = "app-token-123"


@pytest.fixture(autouse=True, params=["int", "float"], ids=["ids-int", "ids-float"])
def number_form(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every portal test runs twice: the emulator sends ids as ``103`` and as ``103.0`` (the
    published schema types them as ``number``; emnify's SDK models them as ``float``). A test
    that picks a form itself (``number_form=``) keeps it."""
    form = str(request.param)
    init = EmulatorServer.__init__

    def init_with_form(self: EmulatorServer, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("number_form", form)
        init(self, *args, **kwargs)

    monkeypatch.setattr(EmulatorServer, "__init__", init_with_form)
    return form


@pytest.fixture(autouse=True)
def schema_checked_answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[SchemaChecker]:
    """Every emulator started by a portal test has every answer checked against the JSON
    schemas of tests/portal/schemas/ (the published shapes); a test fails on any mismatch."""
    checker = SchemaChecker()
    start = EmulatorServer.start

    def checked_start(self: EmulatorServer) -> EmulatorServer:
        if checker not in self.observers:
            self.observers.append(checker)
        return start(self)

    monkeypatch.setattr(EmulatorServer, "start", checked_start)
    yield checker
    assert not checker.violations, "emulator answers off the published schemas:\n" + "\n".join(
        checker.violations
    )


@pytest.fixture
def emulator() -> Iterator[EmulatorServer]:
    """A ``trial`` account with error bodies on 401s: the first version's portal (no e-mail MFA).
    The account kinds of real portals are in tests/portal/test_emulator_kinds.py."""
    with EmulatorServer(
        account_kind="trial", empty_401_bodies=False, retry_after_header=True
    ) as emu:
        emu.add_user(USER, PASSWORD, application_token=APP_TOKEN)
        emu.add_user(OTHER_USER, OTHER_PASSWORD)
        yield emu


@pytest.fixture
def client(emulator: EmulatorServer) -> Iterator[PortalClient]:
    """A client whose clock is the real one (so an expired token is learnt through a 401)."""
    with PortalClient(emulator.url, timeout=5.0, sleep=emulator.advance_clock) as c:
        yield c


@pytest.fixture
def signed_in(client: PortalClient) -> PortalClient:
    client.login_with_password(USER, PASSWORD)
    return client


@pytest.fixture
def account(emulator: EmulatorServer, vault, memory_keystore) -> Iterator[PortalAccount]:
    """An account on the emulator whose clock follows the emulator's (codes match)."""
    acc = PortalAccount(emulator.url, memory_keystore, vault, timeout=5.0, clock=emulator.now)
    yield acc
    acc.close()
