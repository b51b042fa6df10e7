"""What the emnify pane's admin tools (application tokens, lost-phone recovery, security
events) share, without Qt: one portal call at a time through the injected runner, its progress
and its error as one sentence in the tool's message line, the view marked busy meanwhile.

A tool's presenter subclasses :class:`AdminPresenter` and says in :meth:`admin_refusal` what a
person who is not an Administrator is told instead of the portal's 403 (translated there, with
its literal, so lupdate sees it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from desktop_app.errors import AppError
from desktop_app.i18n import translated
from desktop_app.portal.admin import (
    AdminTools,
    UserNotFoundError,
    UserNotReachableError,
    is_admin_refusal,
)
from desktop_app.ui.emnify.ports import Kind, Runner
from desktop_app.ui.emnify.texts import Translate


class AdminView(Protocol):
    def feedback(self, kind: Kind, text: str = "") -> None: ...
    def set_busy(self, busy: bool) -> None: ...
    def confirm(self, title: str, text: str) -> bool: ...


class AdminPresenter:
    def __init__(
        self, view: AdminView, tools: Callable[[], AdminTools], run: Runner, translate: Translate
    ) -> None:
        self.view = view
        self.tools = tools
        self._start = run
        self.translate = translate
        self.busy = False

    def _run(self, label: str, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """``fn`` in the runner (nothing when a call is under way); ``label`` while it runs,
        then ``on_done(result)`` or the error as a sentence."""
        if self.busy:
            return
        self.busy = True
        self.view.set_busy(True)
        self.view.feedback("busy", label)

        def done(result: Any) -> None:
            self.busy = False
            self.view.set_busy(False)
            self.view.feedback("clear")
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self.view.set_busy(False)
            self.view.feedback("error", self.message_for(exc))

        self._start(fn, done, failed)

    def admin_refusal(self) -> str:
        """What a person who is not an Administrator is told (the portal answered 403)."""
        raise NotImplementedError

    def message_for(self, exc: BaseException) -> str:
        if isinstance(exc, UserNotFoundError):  # a user looked up by e-mail (recovery, events)
            return self.translate(
                "EmnifyPane", "The portal knows no user with the e-mail address {email}."
            ).format(email=exc.email)
        if isinstance(exc, UserNotReachableError):
            return self.translate(
                "EmnifyPane",
                "The portal does not let you reach {email}: only an Administrator can, and "
                "only for users of their own organisation.",
            ).format(email=exc.email)
        if is_admin_refusal(exc):
            return self.admin_refusal()
        if isinstance(exc, AppError):
            return translated(exc, self.translate)
        return self.translate("EmnifyPane", "Something went wrong. The log file has the details.")
