"""The security-events tool of the emnify pane, without Qt: the signed-in user's sign-ins and
two-factor changes, newest first, a page at a time ("Older" adds the next page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desktop_app.portal.admin import AdminTools, EventPage, SecurityEvent
from desktop_app.ui.emnify.admin_presenter import AdminPresenter, AdminView
from desktop_app.ui.emnify.ports import Runner
from desktop_app.ui.emnify.texts import Translate

PER_PAGE = 25


class EventsView(AdminView, Protocol):
    def show_events(self, events: list[SecurityEvent], more: bool) -> None: ...


class EventsPresenter(AdminPresenter):
    def __init__(
        self, view: EventsView, tools: Callable[[], AdminTools], run: Runner, translate: Translate
    ) -> None:
        super().__init__(view, tools, run, translate)
        self.view: EventsView = view
        self.events: list[SecurityEvent] = []
        self.page = 0
        self.more = False

    def load(self, *, older: bool = False) -> None:
        """The first page, or (``older``) the next one after those shown."""
        if self.busy or (older and not self.more):
            return
        page = self.page + 1 if older else 1
        tools = self.tools()

        def shown(result: EventPage) -> None:
            self.page, self.more = result.page, result.has_more
            seen = {e.id for e in self.events} if older else set()
            self.events = (self.events if older else []) + [
                e for e in result.events if e.id not in seen
            ]
            self.view.show_events(self.events, self.more)
            if not self.events:
                self.view.feedback(
                    "info", self.translate("EmnifyPane", "No sign-ins or two-factor changes yet.")
                )

        self._run(
            self.translate("EmnifyPane", "Loading the security events…"),
            lambda: tools.security_events("my", page=page, per_page=PER_PAGE),
            shown,
        )

    def admin_refusal(self) -> str:
        return self.translate("EmnifyPane", "The portal does not show these events to you.")
