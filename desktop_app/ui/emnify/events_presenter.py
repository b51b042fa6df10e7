"""The security-events tool of the emnify pane, without Qt: sign-ins and two-factor changes,
newest first, a page at a time ("Older" adds the next page), of one of three scopes -- the
signed-in user's own ("mine"), the whole organisation's, or another user's found by e-mail.
The last two are for Administrators; anyone else gets one sentence, as from the CLI's
``portal events --organisation`` / ``--for``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Protocol

from desktop_app.portal.admin import AdminTools, EventPage, SecurityEvent
from desktop_app.ui.emnify.admin_presenter import AdminPresenter, AdminView
from desktop_app.ui.emnify.ports import Runner
from desktop_app.ui.emnify.texts import Translate

PER_PAGE = 25

Scope = Literal["mine", "organisation", "user"]


class EventsView(AdminView, Protocol):
    def scope(self) -> Scope: ...
    def email(self) -> str: ...
    def show_events(self, events: list[SecurityEvent], more: bool, with_user: bool) -> None: ...


class EventsPresenter(AdminPresenter):
    def __init__(
        self, view: EventsView, tools: Callable[[], AdminTools], run: Runner, translate: Translate
    ) -> None:
        super().__init__(view, tools, run, translate)
        self.view: EventsView = view
        self.events: list[SecurityEvent] = []
        self.page = 0
        self.more = False
        self.scope: Scope = "mine"  # of the events shown (or being loaded)
        self.email = ""  # the user's, for the "user" scope

    def load(self, *, older: bool = False) -> None:
        """The first page of the scope the view shows, or (``older``) the next page of the
        events shown."""
        if self.busy or (older and not self.more):
            return
        if not older:
            scope, email = self.view.scope(), self.view.email().strip()
            if scope == "user" and not email:
                self.view.feedback(
                    "error", self.translate("EmnifyPane", "Type the user's e-mail address.")
                )
                return
            self.scope, self.email = scope, email
            self.events, self.page, self.more = [], 0, False
            self.view.show_events([], False, scope != "mine")  # nothing of another scope stays
        page = self.page + 1 if older else 1
        scope, email = self.scope, self.email
        tools = self.tools()

        def fetch() -> EventPage:
            target: int | str | None = "my"
            if scope == "organisation":
                target = None
            elif scope == "user":
                target = tools.find_user(email).id
            return tools.security_events(target, page=page, per_page=PER_PAGE)

        def shown(result: EventPage) -> None:
            self.page, self.more = result.page, result.has_more
            seen = {e.id for e in self.events} if older else set()
            self.events = (self.events if older else []) + [
                e for e in result.events if e.id not in seen
            ]
            self.view.show_events(self.events, self.more, scope != "mine")
            if not self.events:
                self.view.feedback("info", self._nothing())

        self._run(self.translate("EmnifyPane", "Loading the security events…"), fetch, shown)

    def _nothing(self) -> str:
        if self.scope == "organisation":
            return self.translate(
                "EmnifyPane", "No sign-ins or two-factor changes in the organisation yet."
            )
        if self.scope == "user":
            return self.translate(
                "EmnifyPane", "No sign-ins or two-factor changes of {email} yet."
            ).format(email=self.email)
        return self.translate("EmnifyPane", "No sign-ins or two-factor changes yet.")

    def admin_refusal(self) -> str:
        if self.scope == "organisation":
            return self.translate(
                "EmnifyPane",
                "Only an Administrator of the organisation can see the organisation's "
                "security events.",
            )
        if self.scope == "user":
            return self.translate(
                "EmnifyPane",
                "Only an Administrator of the organisation can see another user's security events.",
            )
        return self.translate("EmnifyPane", "The portal does not show these events to you.")
