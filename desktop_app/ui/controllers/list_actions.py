"""What is done to the accounts in the list: copy a code, next code, HOTP step, edit, delete,
show as QR, reorder, and the row's context menu.

    actions = ListActions(port, services, view=view, model=model, proxy=proxy,
                          clipboard=guard, row_menu=commands.row_menu)

``port`` is what it may ask of the window (:class:`~desktop_app.ui.controllers.port.WindowPort`);
the list's view, models and clipboard guard are handed to it, not reached through the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.errors import AppError
from desktop_app.otp.model import Entry, OtpType
from desktop_app.settings import CLIPBOARD_CLEAR_SECONDS, USAGE_COUNTS
from desktop_app.ui.accounts_model import ROLE_ENTRY, ROLE_RAW_CODE, ROLE_RAW_NEXT, retired
from desktop_app.ui.controllers.port import WindowPort, open_vault, unavailable

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPoint
    from PySide6.QtWidgets import QMenu

    from desktop_app.app import AppServices
    from desktop_app.ui.accounts_model import AccountsFilter, AccountsModel
    from desktop_app.ui.accounts_view import AccountsView
    from desktop_app.ui.clipboard import ClipboardGuard


class ListActions(QObject):
    def __init__(
        self,
        port: WindowPort,
        services: AppServices,
        *,
        view: AccountsView,
        model: AccountsModel,
        proxy: AccountsFilter,
        clipboard: ClipboardGuard,
        row_menu: Callable[[Entry], QMenu],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.services = services
        self.view = view
        self.model = model
        self.proxy = proxy
        self.clipboard = clipboard
        self.row_menu = row_menu

    # --- copy & codes -----------------------------------------------------------------------

    def copy_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        entry: Entry = index.data(ROLE_ENTRY)
        self._copy(entry, str(index.data(ROLE_RAW_CODE)), self.tr("Code for {who} copied"))

    def copy_uuid(self, uuid: str) -> bool:
        """Copy the current code of the account ``uuid`` (the tray menu does), searched or not."""
        row = self.model.row_of(uuid)
        if row < 0:
            return False
        index = self.model.index(row)
        self._copy(
            index.data(ROLE_ENTRY), str(index.data(ROLE_RAW_CODE)), self.tr("Code for {who} copied")
        )
        return True

    def usage(self) -> dict[str, int]:
        return self.services.settings.value(USAGE_COUNTS)

    def most_used(self, limit: int = 5) -> list[Entry]:
        """The accounts whose codes were copied most often (most first; never-copied last)."""
        vault = self.services.vault
        if vault is None:
            return []
        counts = self.usage()
        used = [e for e in vault.entries() if counts.get(e.uuid, 0) > 0]
        used.sort(key=lambda e: -counts[e.uuid])
        return used[:limit]

    def _record_use(self, uuid: str) -> None:
        counts = self.usage()
        counts[uuid] = counts.get(uuid, 0) + 1
        vault = self.services.vault
        if vault is not None and len(counts) > 200:  # forget deleted accounts
            alive = {e.uuid for e in vault.entries()}
            counts = {k: v for k, v in counts.items() if k in alive}
        self.services.settings.set(USAGE_COUNTS, counts)

    def _copy(self, entry: Entry, code: str, what: str) -> None:
        self._record_use(entry.uuid)
        seconds = int(self.services.settings.value(CLIPBOARD_CLEAR_SECONDS))
        self.clipboard.copy(code, seconds)
        who = entry.issuer or entry.name or self.tr("account")
        tail = self.tr(" — clears in {seconds} s").format(seconds=seconds) if seconds else ""
        self.port.notice(what.format(who=who) + tail)

    def copy_current(self) -> None:
        self.copy_index(self.view.currentIndex())

    def copy_next_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._copy(
                index.data(ROLE_ENTRY),
                str(index.data(ROLE_RAW_NEXT)),
                self.tr("Next code for {who} copied"),
            )

    def toggle_next_current(self) -> None:
        entry = self.port.current_entry()
        if entry is not None:
            self.model.toggle_next(entry.uuid)

    def hotp_next_current(self) -> None:
        self.hotp_next_index(self.view.currentIndex())

    def hotp_next_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry: Entry = index.data(ROLE_ENTRY)
        if entry.type is not OtpType.HOTP:
            return
        try:
            open_vault(self.services).increment_counter(entry.uuid)
        except AppError as exc:
            self.port.show_error(self.tr("The counter could not be saved"), exc)
            return
        self.port.reload()
        self.port.select_uuid(entry.uuid)
        who = entry.issuer or entry.name or self.tr("account")
        self.port.notice(self.tr("New code for {who}").format(who=who))

    # --- edit / delete / QR -----------------------------------------------------------------

    def edit_current(self) -> None:
        entry = self.port.current_entry()
        if entry is None:
            return
        from desktop_app.ui.edit_dialog import EditDialog

        dialog = EditDialog(self.port.dialog_parent(), open_vault(self.services), entry)
        dialog.saved.connect(lambda _e: self.port.reload())
        dialog.saved.connect(
            lambda e: self.port.notice(
                self.tr("Saved {label}").format(label=e.label or self.tr("account"))
            )
        )
        dialog.remove_requested.connect(self.delete_entry)
        self.port.open_dialog(dialog)

    def show_recently_deleted(self) -> None:
        """Edit → Recently Deleted…: restore an account deleted in the last 30 days."""
        # under the 5 ms rule (1.0 ms, 5.3 M instructions with the history view), but at the
        # top it would be on the window's first paint, which issue 20 is bringing back down
        from desktop_app.ui.recently_deleted import RecentlyDeletedDialog

        dialog = RecentlyDeletedDialog(self.port.dialog_parent(), open_vault(self.services))

        def restored(entry: Entry) -> None:
            self.port.reload()
            self.port.select_uuid(entry.uuid)
            self.port.notice(
                self.tr("Restored {label}").format(label=entry.label or self.tr("account"))
            )

        dialog.restored.connect(restored)
        self.port.open_dialog(dialog)

    def delete_current(self) -> None:
        entry = self.port.current_entry()
        if entry is not None:
            self.delete_entry(entry)

    def delete_entry(self, entry: Entry) -> None:
        """Delete ``entry`` (the current row) after asking."""
        label = entry.label or self.tr("this account")
        if retired(entry):
            question = self.tr(
                "Remove “{label}” from this app?\n\nThe key was turned off on emnify: its codes "
                "no longer sign you in."
            ).format(label=label)
        else:
            question = self.tr(
                "Delete “{label}”?\n\nYou will no longer get codes for it. Make sure you can "
                "still sign in to the service (for example with another authenticator or backup "
                "codes) before deleting."
            ).format(label=label)
        if not self.port.ask(
            self.tr("Delete account?"), question, self.tr("Delete"), destructive=True
        ):
            return
        row = self.view.currentIndex().row()
        try:
            open_vault(self.services).remove(entry.uuid)
        except AppError as exc:
            self.port.show_error(self.tr("The account could not be deleted"), exc)
            return
        self.port.reload()
        proxy = self.proxy
        if proxy.rowCount():
            self.view.setCurrentIndex(proxy.index(min(row, proxy.rowCount() - 1), 0))
        self.port.notice(self.tr("Deleted {label}").format(label=label))

    def show_qr_current(self) -> None:
        entry = self.port.current_entry()
        if entry is None:
            return
        try:
            from desktop_app.ui.export_dialog import show_entry_qr
        except ImportError:
            unavailable(self.port, self.tr("Showing QR codes is not available in this build."))
            return
        show_entry_qr(self.port.dialog_parent(), entry)

    # --- order ------------------------------------------------------------------------------

    def move_current(self, delta: int) -> None:
        proxy = self.proxy
        index = self.view.currentIndex()
        entry = self.port.current_entry()
        if entry is None or proxy.sort_by_name or proxy.query:
            return
        target = index.row() + delta
        if not (0 <= target < proxy.rowCount()):
            return
        self.move_to(entry.uuid, target + (1 if delta > 0 else 0))

    def move_to(self, uuid: str, target_row: int) -> None:
        """Custom order: put ``uuid`` before the row now at ``target_row`` (view order)."""
        proxy = self.proxy
        order = [proxy.index(r, 0).data(ROLE_ENTRY).uuid for r in range(proxy.rowCount())]
        if uuid not in order:
            return
        source = order.index(uuid)
        order.remove(uuid)
        if target_row > source:
            target_row -= 1
        order.insert(max(0, min(target_row, len(order))), uuid)
        try:
            open_vault(self.services).reorder(order)
        except AppError as exc:
            self.port.show_error(self.tr("The order could not be saved"), exc)
            return
        self.port.reload()
        self.port.select_uuid(uuid)

    # --- context menu -----------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> None:
        view = self.view
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        entry: Entry = index.data(ROLE_ENTRY)
        menu = self.row_menu(entry)
        menu.popup(view.viewport().mapToGlobal(pos))
