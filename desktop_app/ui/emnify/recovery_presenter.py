"""Lost-phone recovery for another user of the organisation, without Qt: find the user by
e-mail, see their two-factor keys and trusted devices, remove one after a confirmation that
names the user. Administrators only; anyone else gets one sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desktop_app.portal.admin import AdminTools, OrgUser
from desktop_app.portal.client import MfaKey, TrustedDevice
from desktop_app.ui.emnify.admin_presenter import AdminPresenter, AdminView
from desktop_app.ui.emnify.ports import Runner
from desktop_app.ui.emnify.texts import Translate

Found = tuple[OrgUser, list[TrustedDevice]]


class RecoveryView(AdminView, Protocol):
    def email(self) -> str: ...
    def chosen(self) -> MfaKey | TrustedDevice | None: ...
    def show_user(self, title: str, keys: list[str], devices: list[str]) -> None: ...


class RecoveryPresenter(AdminPresenter):
    def __init__(
        self, view: RecoveryView, tools: Callable[[], AdminTools], run: Runner, translate: Translate
    ) -> None:
        super().__init__(view, tools, run, translate)
        self.view: RecoveryView = view
        self.user: OrgUser | None = None
        self.devices: list[TrustedDevice] = []

    def admin_refusal(self) -> str:
        return self.translate(
            "EmnifyPane",
            "Only an Administrator of the organisation can look up and change another "
            "user's two-factor keys.",
        )

    def find(self, note: str = "") -> None:
        email = self.view.email().strip()
        if not email:
            self.view.feedback(
                "error", self.translate("EmnifyPane", "Type the user's e-mail address.")
            )
            return
        tools = self.tools()

        def load() -> Found:
            user = tools.find_user(email)
            return user, tools.user_trusted_devices(user.id)

        def shown(found: Found) -> None:
            self.user, self.devices = found
            self._show()
            if note:
                self.view.feedback("info", note)

        self._run(self.translate("EmnifyPane", "Looking up the user…"), load, shown)

    def _show(self) -> None:
        user = self.user
        assert user is not None
        keys = [
            self.translate("EmnifyPane", "{type} key, {status}, created {day}").format(
                type=k.type.description
                if k.type is not None
                else self.translate("EmnifyPane", "unknown"),
                status=k.status.description
                if k.status is not None
                else self.translate("EmnifyPane", "?"),
                day=k.creation_date[:10] or "?",
            )
            for k in user.keys
        ]
        devices = [
            self.translate("EmnifyPane", "{what}, trusted since {day}").format(
                what=" / ".join(p for p in (d.operating_system, d.browser) if p)
                or self.translate("EmnifyPane", "device"),
                day=d.activation_date[:10] or "?",
            )
            for d in self.devices
        ]
        who = user.name or user.username
        self.view.show_user(
            self.translate("EmnifyPane", "{who} ({email})").format(who=who, email=user.username),
            keys,
            devices,
        )

    def remove(self) -> None:
        user, chosen = self.user, self.view.chosen()
        if user is None or chosen is None:
            return
        tools = self.tools()
        if isinstance(chosen, MfaKey):
            question = self.translate(
                "EmnifyPane",
                "Remove this two-factor key of {user}? Their sign-in then no longer asks for its "
                "codes.",
            )
            fn: Callable[[], None] = lambda: tools.delete_user_key(user.id, chosen.id)  # noqa: E731
        else:
            question = self.translate(
                "EmnifyPane",
                "Forget this trusted device of {user}? It is asked for a code at the next sign-in.",
            )
            fn = lambda: tools.delete_user_trusted_device(user.id, chosen.id)  # noqa: E731
        if not self.view.confirm(
            self.translate("EmnifyPane", "Change {user}'s sign-in?").format(user=user.username),
            question.format(user=user.username),
        ):
            return
        self._run(
            self.translate("EmnifyPane", "Removing…"),
            fn,
            lambda _r: self.find(self.translate("EmnifyPane", "Removed.")),
        )
