"""The security-events presenter without Qt: which portal call each scope makes, that "Older"
stays in the scope shown, and what a refusal says for each scope."""

from __future__ import annotations

from typing import Any

from desktop_app.portal.admin import EventPage, OrgUser, SecurityEvent, UserNotFoundError
from desktop_app.portal.errors import ForbiddenError
from desktop_app.ui.emnify.events_presenter import EventsPresenter, Scope


def _event(n: int, user: str = "ann@example.com") -> SecurityEvent:
    return SecurityEvent(n, f"2026-12-0{n}T10:00:00Z", f"event {n}", None, user)


class Tools:
    """Stands in for AdminTools: records the calls, answers from a script."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.refuse: BaseException | None = None

    def find_user(self, email: str) -> OrgUser:
        self.calls.append(("find_user", email))
        if email == "nobody@example.com":
            raise UserNotFoundError("none", email=email)
        return OrgUser(id=42, username=email, name="", keys=[])

    def security_events(self, user_id: Any, *, page: int, per_page: int) -> EventPage:
        self.calls.append(("events", (user_id, page)))
        if self.refuse is not None:
            raise self.refuse
        return EventPage([_event(page)], page, page < 2, 1)


class View:
    def __init__(self) -> None:
        self.chosen: Scope = "mine"
        self.typed = ""
        self.shown: list[tuple[list[str], bool, bool]] = []
        self.messages: list[tuple[str, str]] = []

    def scope(self) -> Scope:
        return self.chosen

    def email(self) -> str:
        return self.typed

    def show_events(self, events: list[SecurityEvent], more: bool, with_user: bool) -> None:
        self.shown.append(([e.description for e in events], more, with_user))

    def feedback(self, kind: str, text: str = "") -> None:
        self.messages.append((kind, text))

    def set_busy(self, busy: bool) -> None:
        pass

    def confirm(self, title: str, text: str) -> bool:
        return False


def _run(fn: Any, done: Any, failed: Any) -> None:
    try:
        result = fn()
    except Exception as exc:
        failed(exc)
        return
    done(result)


def _presenter() -> tuple[EventsPresenter, View, Tools]:
    view, tools = View(), Tools()
    presenter = EventsPresenter(view, lambda: tools, _run, lambda _ctx, text: text)  # type: ignore[arg-type]
    return presenter, view, tools


def test_each_scope_asks_the_portal_for_its_own_events() -> None:
    presenter, view, tools = _presenter()
    presenter.load()
    view.chosen = "organisation"
    presenter.load()
    view.chosen, view.typed = "user", " bob@example.com "
    presenter.load()
    assert tools.calls == [
        ("events", ("my", 1)),
        ("events", (None, 1)),
        ("find_user", "bob@example.com"),
        ("events", (42, 1)),
    ]
    assert [who for events, _more, who in view.shown if events] == [False, True, True]


def test_older_stays_in_the_scope_shown_and_appends() -> None:
    presenter, view, tools = _presenter()
    view.chosen = "organisation"
    presenter.load()
    view.chosen = "mine"  # changed in the view, not yet loaded
    presenter.load(older=True)
    assert tools.calls[-1] == ("events", (None, 2))
    assert view.shown[-1] == (["event 1", "event 2"], False, True)
    presenter.load(older=True)  # no more pages: nothing asked
    assert len(tools.calls) == 2


def test_a_user_scope_without_an_address_asks_for_one_and_calls_nothing() -> None:
    presenter, view, tools = _presenter()
    view.chosen = "user"
    presenter.load()
    assert tools.calls == [] and view.messages[-1] == ("error", "Type the user's e-mail address.")


def test_refusals_are_a_sentence_for_the_scope() -> None:
    presenter, view, tools = _presenter()
    tools.refuse = ForbiddenError("Forbidden", status=403, error_code=1104)
    said = {}
    for scope in ("mine", "organisation", "user"):
        view.chosen, view.typed = scope, "bob@example.com"  # type: ignore[assignment]
        presenter.load()
        kind, said[scope] = view.messages[-1]
        assert kind == "error" and "403" not in said[scope] and "Forbidden" not in said[scope]
    assert said["mine"] == "The portal does not show these events to you."
    assert "organisation's security events" in said["organisation"]
    assert "another user's security events" in said["user"]
    tools.refuse = None
    view.typed = "nobody@example.com"
    presenter.load()
    assert view.messages[-1] == (
        "error",
        "The portal knows no user with the e-mail address nobody@example.com.",
    )
    assert view.shown[-1] == ([], False, True)  # nothing of the earlier scope stays
