"""What is done to the accounts in the list: copy a code, next code, HOTP step, edit, delete,
show as QR, reorder, and the row's context menu.

    actions = ListActions(window)     # window: the MainWindow (view, proxy, model, vault, ...)
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop_app.errors import AppError
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.accounts_model import ROLE_ENTRY, ROLE_RAW_CODE, ROLE_RAW_NEXT

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPoint

    from desktop_app.ui.main_window import MainWindow


class ListActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    # --- copy & codes -----------------------------------------------------------------------

    def copy_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.w.view.setCurrentIndex(index)
        entry: Entry = index.data(ROLE_ENTRY)
        self._copy(entry, str(index.data(ROLE_RAW_CODE)), self.tr("Code for {who} copied"))

    def copy_uuid(self, uuid: str) -> bool:
        """Copy the current code of the account ``uuid`` (the tray menu does), searched or not."""
        row = self.w.model.row_of(uuid)
        if row < 0:
            return False
        index = self.w.model.index(row)
        self._copy(
            index.data(ROLE_ENTRY), str(index.data(ROLE_RAW_CODE)), self.tr("Code for {who} copied")
        )
        return True

    def usage(self) -> dict[str, int]:
        try:
            raw = json.loads(str(self.w.settings.get("usage_counts") or "{}"))
        except ValueError:
            return {}
        if not isinstance(raw, dict):
            return {}
        return {str(k): int(v) for k, v in raw.items() if isinstance(v, int)}

    def most_used(self, limit: int = 5) -> list[Entry]:
        """The accounts whose codes were copied most often (most first; never-copied last)."""
        vault = self.w.services.vault
        if vault is None:
            return []
        counts = self.usage()
        used = [e for e in vault.entries() if counts.get(e.uuid, 0) > 0]
        used.sort(key=lambda e: -counts[e.uuid])
        return used[:limit]

    def _record_use(self, uuid: str) -> None:
        counts = self.usage()
        counts[uuid] = counts.get(uuid, 0) + 1
        vault = self.w.services.vault
        if vault is not None and len(counts) > 200:  # forget deleted accounts
            alive = {e.uuid for e in vault.entries()}
            counts = {k: v for k, v in counts.items() if k in alive}
        self.w.settings.set("usage_counts", json.dumps(counts, sort_keys=True))

    def _copy(self, entry: Entry, code: str, what: str) -> None:
        self._record_use(entry.uuid)
        seconds = int(self.w.settings.get("clipboard_clear_seconds"))
        self.w.clipboard_guard.copy(code, seconds)
        who = entry.issuer or entry.name or self.tr("account")
        tail = self.tr(" — clears in {seconds} s").format(seconds=seconds) if seconds else ""
        self.w.notice(what.format(who=who) + tail)

    def copy_current(self) -> None:
        self.copy_index(self.w.view.currentIndex())

    def copy_next_current(self) -> None:
        index = self.w.view.currentIndex()
        if index.isValid():
            self._copy(
                index.data(ROLE_ENTRY),
                str(index.data(ROLE_RAW_NEXT)),
                self.tr("Next code for {who} copied"),
            )

    def toggle_next_current(self) -> None:
        entry = self.w.current_entry()
        if entry is not None:
            self.w.model.toggle_next(entry.uuid)

    def hotp_next_current(self) -> None:
        self.hotp_next_index(self.w.view.currentIndex())

    def hotp_next_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        entry: Entry = index.data(ROLE_ENTRY)
        if entry.type is not OtpType.HOTP:
            return
        try:
            self.w.vault.increment_counter(entry.uuid)
        except AppError as exc:
            self.w.show_error(self.tr("The counter could not be saved"), exc)
            return
        self.w.reload()
        self.w.select_uuid(entry.uuid)
        who = entry.issuer or entry.name or self.tr("account")
        self.w.notice(self.tr("New code for {who}").format(who=who))

    # --- edit / delete / QR -----------------------------------------------------------------

    def edit_current(self) -> None:
        entry = self.w.current_entry()
        if entry is None:
            return
        from desktop_app.ui.edit_dialog import EditDialog

        dialog = EditDialog(self.w, self.w.vault, entry)
        dialog.saved.connect(lambda _e: self.w.reload())
        dialog.saved.connect(
            lambda e: self.w.notice(
                self.tr("Saved {label}").format(label=e.label or self.tr("account"))
            )
        )
        self.w.open_dialog(dialog)

    def delete_current(self) -> None:
        entry = self.w.current_entry()
        if entry is None:
            return
        label = entry.label or self.tr("this account")
        if not self.w.ask(
            self.tr("Delete account?"),
            self.tr(
                "Delete “{label}”?\n\nYou will no longer get codes for it. Make sure you can "
                "still sign in to the service (for example with another authenticator or backup "
                "codes) before deleting."
            ).format(label=label),
            self.tr("Delete"),
            destructive=True,
        ):
            return
        row = self.w.view.currentIndex().row()
        try:
            self.w.vault.remove(entry.uuid)
        except AppError as exc:
            self.w.show_error(self.tr("The account could not be deleted"), exc)
            return
        self.w.reload()
        proxy = self.w.proxy
        if proxy.rowCount():
            self.w.view.setCurrentIndex(proxy.index(min(row, proxy.rowCount() - 1), 0))
        self.w.notice(self.tr("Deleted {label}").format(label=label))

    def show_qr_current(self) -> None:
        entry = self.w.current_entry()
        if entry is None:
            return
        try:
            from desktop_app.ui.export_dialog import show_entry_qr
        except ImportError:
            self.w.inform(
                self.tr("Not available"),
                self.tr("Showing QR codes is not available in this build."),
            )
            return
        show_entry_qr(self.w, entry)

    # --- order ------------------------------------------------------------------------------

    def move_current(self, delta: int) -> None:
        proxy = self.w.proxy
        index = self.w.view.currentIndex()
        entry = self.w.current_entry()
        if entry is None or proxy.sort_by_name or proxy.query:
            return
        target = index.row() + delta
        if not (0 <= target < proxy.rowCount()):
            return
        self.move_to(entry.uuid, target + (1 if delta > 0 else 0))

    def move_to(self, uuid: str, target_row: int) -> None:
        """Custom order: put ``uuid`` before the row now at ``target_row`` (view order)."""
        proxy = self.w.proxy
        order = [proxy.index(r, 0).data(ROLE_ENTRY).uuid for r in range(proxy.rowCount())]
        if uuid not in order:
            return
        source = order.index(uuid)
        order.remove(uuid)
        if target_row > source:
            target_row -= 1
        order.insert(max(0, min(target_row, len(order))), uuid)
        try:
            self.w.vault.reorder(order)
        except AppError as exc:
            self.w.show_error(self.tr("The order could not be saved"), exc)
            return
        self.w.reload()
        self.w.select_uuid(uuid)

    # --- context menu -----------------------------------------------------------------------

    def context_menu(self, pos: QPoint) -> None:
        view = self.w.view
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        entry: Entry = index.data(ROLE_ENTRY)
        menu = self.w.commands.row_menu(entry)
        menu.popup(view.viewport().mapToGlobal(pos))
