"""The application-tokens tool of the emnify pane, without Qt: list the organisation's tokens,
create one (its text is shown once and never kept), revoke one after a yes.

Portal calls go through the injected runner one at a time (the pane's worker threads); a
person who is not an Administrator gets one sentence, not the server's 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desktop_app.portal.admin import (
    AdminTools,
    ApplicationTokenInfo,
    CreatedToken,
    token_refusal_field,
)
from desktop_app.portal.errors import BadRequestError, ValidationError
from desktop_app.ui.emnify.admin_presenter import AdminPresenter, AdminView
from desktop_app.ui.emnify.ports import Runner
from desktop_app.ui.emnify.texts import Translate


class TokensView(AdminView, Protocol):
    def description(self) -> str: ...
    def expiry_date(self) -> str | None: ...
    def ip_range(self) -> str: ...
    def created_token(self) -> str: ...
    def close_after_use(self) -> None: ...
    def chosen_token(self) -> ApplicationTokenInfo | None: ...
    def show_tokens(self, tokens: list[ApplicationTokenInfo]) -> None: ...
    def show_created(self, token: str) -> None: ...


class TokensPresenter(AdminPresenter):
    def __init__(
        self,
        view: TokensView,
        tools: Callable[[], AdminTools],
        run: Runner,
        translate: Translate,
        use_token: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(view, tools, run, translate)
        self.view: TokensView = view
        self.use_token = use_token
        self.tokens: list[ApplicationTokenInfo] = []

    def admin_refusal(self) -> str:
        return self.translate(
            "EmnifyPane",
            "Only an Administrator of the organisation can see and manage application tokens.",
        )

    def message_for(self, exc: BaseException) -> str:
        if isinstance(exc, ValidationError | BadRequestError):
            return self.refusal(exc)
        return super().message_for(exc)

    def refusal(self, exc: ValidationError | BadRequestError) -> str:
        """The portal's refusal of a new token as one sentence naming the field at fault."""
        field = token_refusal_field(exc)
        if field == "expiry":
            return self.translate(
                "EmnifyPane", "The portal refused the expiry date: choose a day in the future."
            )
        if field == "ip":
            return self.translate(
                "EmnifyPane",
                "The portal refused the IP restriction: type an address or range such as "
                "203.0.113.0/24.",
            )
        return self.translate("EmnifyPane", "The portal refused the new token.")

    def load(self, note: str = "") -> None:
        def shown(tokens: list[ApplicationTokenInfo]) -> None:
            self.tokens = sorted(tokens, key=lambda t: t.created, reverse=True)
            self.view.show_tokens(self.tokens)
            if note:
                self.view.feedback("info", note)

        self._run(
            self.translate("EmnifyPane", "Loading the application tokens…"),
            self.tools().application_tokens,
            shown,
        )

    def create(self) -> None:
        description = self.view.description().strip()
        if not description:
            self.view.feedback(
                "error",
                self.translate(
                    "EmnifyPane", "Describe what the token is for (for example, “backup script”)."
                ),
            )
            return
        expiry, ip = self.view.expiry_date(), self.view.ip_range().strip()
        tools = self.tools()

        def made(created: CreatedToken) -> None:
            self.view.show_created(created.token)
            self.load(
                self.translate(
                    "EmnifyPane",
                    "Token created. Copy it now: the portal shows it only this once, and this "
                    "app does not keep it.",
                )
            )

        self._run(
            self.translate("EmnifyPane", "Creating the token…"),
            lambda: tools.create_application_token(description, expiry_date=expiry, ip=ip or None),
            made,
        )

    def use_as_sign_in(self) -> None:
        """Hand the token just created to the pane, which signs in with it; the dialog closes."""
        token = self.view.created_token().strip()
        if self.use_token is None or not token or self.busy:
            return
        self.use_token(token)
        self.view.close_after_use()

    def revoke(self) -> None:
        token = self.view.chosen_token()
        if token is None or token.revoked:
            return
        name = token.description or self.translate("EmnifyPane", "(no description)")
        if not self.view.confirm(
            self.translate("EmnifyPane", "Revoke the token?"),
            self.translate(
                "EmnifyPane",
                "Revoke the application token “{name}”? Scripts and apps using it can no longer "
                "sign in.",
            ).format(name=name),
        ):
            return
        tools = self.tools()
        self._run(
            self.translate("EmnifyPane", "Revoking the token…"),
            lambda: tools.revoke_application_token(token.id),
            lambda _r: self.load(self.translate("EmnifyPane", "The token was revoked.")),
        )
