"""The security-events tool of the emnify pane, without Qt: the signed-in user's sign-ins and
two-factor changes, newest first, a page at a time ("Older" adds the next page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desktop_app.errors import AppError
from desktop_app.portal.admin import AdminTools, EventPage, SecurityEvent, is_admin_refusal
from desktop_app.ui.emnify.ports import Kind, Runner
from desktop_app.ui.emnify.texts import Translate

PER_PAGE = 25


class EventsView(Protocol):
    def show_events(self, events: list[SecurityEvent], more: bool) -> None: ...
    def feedback(self, kind: Kind, text: str = "") -> None: ...


class EventsPresenter:
    def __init__(
        self, view: EventsView, tools: Callable[[], AdminTools], run: Runner, translate: Translate
    ) -> None:
        self.view = view
        self.tools = tools
        self._start = run
        self.translate = translate
        self.busy = False
        self.events: list[SecurityEvent] = []
        self.page = 0
        self.more = False

    def load(self, *, older: bool = False) -> None:
        """The first page, or (``older``) the next one after those shown."""
        if self.busy or (older and not self.more):
            return
        page = self.page + 1 if older else 1
        tools = self.tools()
        self.busy = True
        self.view.feedback("busy", self.translate("EmnifyPane", "Loading the security events…"))

        def shown(result: EventPage) -> None:
            self.busy = False
            self.page, self.more = result.page, result.has_more
            seen = {e.id for e in self.events} if older else set()
            self.events = (self.events if older else []) + [
                e for e in result.events if e.id not in seen
            ]
            self.view.show_events(self.events, self.more)
            if self.events:
                self.view.feedback("clear")
            else:
                self.view.feedback(
                    "info", self.translate("EmnifyPane", "No sign-ins or two-factor changes yet.")
                )

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.view.feedback("error", self.message_for(exc))

        self._start(
            lambda: tools.security_events("my", page=page, per_page=PER_PAGE), shown, failed
        )

    def message_for(self, exc: BaseException) -> str:
        if is_admin_refusal(exc):
            return self.translate("EmnifyPane", "The portal does not show these events to you.")
        if isinstance(exc, AppError):
            return str(exc)
        return self.translate("EmnifyPane", "Something went wrong. The log file has the details.")
