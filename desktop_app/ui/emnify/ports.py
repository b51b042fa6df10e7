"""What the emnify pane's presenter and its parts share: the view's port (:class:`PaneView`),
the values it shows (:class:`PaneState`) and reads (:class:`SignInForm`), the runner of portal
calls, and the presenter's face to its step classes (:class:`PresenterPort`). No Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

from desktop_app.ui.emnify.texts import CardTexts, Translate

if TYPE_CHECKING:
    from desktop_app.app import AppServices
    from desktop_app.otp.model import Entry
    from desktop_app.portal.account import PortalAccount
    from desktop_app.portal.enrolment import TwoFactorStatus

Area = Literal["sign_in", "action", "extra"]  # where progress and errors are shown
Field = Literal["password", "token", "code", "enable_password"]
Kind = Literal["busy", "info", "error", "clear"]
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


@dataclass(frozen=True)
class SignInForm:
    url: str
    user: str
    password: str
    token: str
    use_token: bool
    keep: bool  # "keep me signed in", when it can be
    trust: bool  # "trust this device", when it can be


@dataclass(frozen=True)
class CardState:
    account: str  # "Signed in as … · workspace"
    texts: CardTexts
    enabling: bool  # the password step and "show the QR code" belong to Enable
    needs_password: bool
    several_workspaces: bool
    can_switch: bool
    has_devices: bool
    # False when the portal refused the workspace list (it lists them to Administrators only):
    # the organisation-wide tools are then shown disabled, with the reason
    admin_tools: bool = True


@dataclass(frozen=True)
class PaneState:
    idle: bool
    waiting_for_code: bool
    keyring: bool
    card: CardState | None  # None: signed out


class PaneView(Protocol):
    def sign_in_form(self) -> SignInForm: ...
    def code(self) -> str: ...
    def enable_password(self) -> str: ...
    def show_qr(self) -> bool: ...
    def chosen_workspace(self) -> int | None: ...
    def chosen_device(self) -> tuple[int, str] | None: ...
    def clear_field(self, name: Field) -> None: ...
    def focus_field(self, name: Field, select: bool = False) -> None: ...
    def feedback(self, area: Area, kind: Kind, text: str = "") -> None: ...
    def show_address(self) -> None: ...
    def show_state(self, state: PaneState) -> None: ...
    def show_lists(
        self,
        devices: list[tuple[int | None, str]],
        workspaces: list[tuple[int, str]],
        current: int | None,
    ) -> None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def confirm_disable(self, text: str) -> tuple[bool, bool]: ...
    def show_key(self, entry: Entry) -> bool: ...


class PresenterPort(Protocol):
    """What :class:`~desktop_app.ui.emnify.steps.TwoFactorSteps` uses of the presenter."""

    view: PaneView
    services: AppServices
    translate: Translate
    account: PortalAccount | None
    two_factor: TwoFactorStatus | None
    busy: bool

    def run(
        self,
        area: Area,
        label: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None: ...
    def refresh(self, note: str = "") -> None: ...
    def render(self) -> None: ...
    def set_status(self, status: TwoFactorStatus) -> None: ...
    def is_enforced(self) -> bool: ...
