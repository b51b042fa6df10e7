"""What a controller may ask of the window it works for -- and nothing more.

    adding = AddingController(port, services)      # port: a WindowPort (the MainWindow is one)

The controllers never see the window itself: they tell the person something (``notice``,
``inform``, ``ask``, ``show_error``), open a dialog, show what was added, read the current
entry and reload the list. Everything else they need comes from :class:`AppServices` (vault,
settings) or is handed to them by name. Tests can drive a controller with any object that has
these methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication

from desktop_app.errors import AppError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop_app.app import AppServices
    from desktop_app.otp.model import Entry
    from desktop_app.vault import Vault


class WindowPort(Protocol):
    def dialog_parent(self) -> QWidget:
        """The widget dialogs, file dialogs and other windows are parented to."""
        ...

    def notice(self, text: str) -> None:
        """A short notice that goes away by itself."""
        ...

    def inform(self, title: str, text: str, *, warning: bool = False) -> None:
        """A message the person must read."""
        ...

    def ask(self, title: str, text: str, ok_label: str, *, destructive: bool = False) -> bool:
        """A confirmation whose button names the action."""
        ...

    def show_error(self, title: str, exc: BaseException) -> None: ...

    def open_dialog(self, dialog: QWidget) -> None:
        """Open a window-modal dialog that deletes itself when closed."""
        ...

    def show_added(self, last_uuid: str | None) -> None:
        """After accounts were added: the full list, the last one selected."""
        ...

    def current_entry(self) -> Entry | None: ...

    def select_uuid(self, uuid: str) -> bool: ...

    def reload(self) -> None:
        """Re-read the entries from the vault."""
        ...

    def focus_list(self) -> None: ...


def open_vault(services: AppServices) -> Vault:
    """``services.vault``, or an :class:`AppError` saying the vault is locked."""
    vault = services.vault
    if vault is None:
        raise AppError(QCoreApplication.translate("MainWindow", "The vault is locked."))
    return vault


def unavailable(port: WindowPort, text: str) -> None:
    """Say that a part of the app is not in this build (its module failed to import)."""
    port.inform(QCoreApplication.translate("WindowPort", "Not available"), text)
