"""The list of accounts as a Qt model, and the search/sort proxy in front of it.

One timer (in :class:`AccountsModel`) ticks once a second, aligned to the wall-clock second. On
each tick the model emits ``dataChanged`` only for rows whose shown countdown or code changed, in
contiguous ranges; codes themselves are computed lazily in :meth:`AccountsModel.data`, so only
rows that are painted (visible) ever run HMAC.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)

from desktop_app.otp.codes import code_at, group_code
from desktop_app.otp.model import Entry, OtpType
from desktop_app.otp.search import matches, search_terms
from desktop_app.portal.marks import retired, retired_since

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

ROLE_ENTRY = Qt.ItemDataRole.UserRole + 1
ROLE_CODE = Qt.ItemDataRole.UserRole + 2  # grouped current code
ROLE_NEXT = Qt.ItemDataRole.UserRole + 3  # grouped next code, "" unless shown
ROLE_REMAINING = Qt.ItemDataRole.UserRole + 4  # whole seconds until the code changes (0: HOTP)
ROLE_UUID = Qt.ItemDataRole.UserRole + 5
ROLE_RAW_CODE = Qt.ItemDataRole.UserRole + 6  # ungrouped current code (for copying)
ROLE_RAW_NEXT = Qt.ItemDataRole.UserRole + 7  # ungrouped next code (for copying)
ROLE_NOTE = Qt.ItemDataRole.UserRole + 8  # shown after the account name ("" for most rows)
ROLE_RETIRED = Qt.ItemDataRole.UserRole + 9  # True: the key no longer works (painted dimmed)

MIME_ROWS = "application/x-desktop-authenticator-uuids"
WARN_SECONDS = 5  # the code turns red from here on
# A new code (or the switch to the warning colour) repaints the row; a countdown step only
# repaints the ring (the view turns a ROLE_REMAINING-only change into a small update region).
CODE_ROLES = [ROLE_CODE, ROLE_NEXT, ROLE_REMAINING, Qt.ItemDataRole.AccessibleTextRole]
RING_ROLES = [ROLE_REMAINING]

AnyIndex = QModelIndex | QPersistentModelIndex


def remaining_whole(entry: Entry, now: float) -> int:
    """Seconds shown on the countdown (1..period) for time-based entries; 0 for HOTP."""
    if entry.type is OtpType.HOTP:
        return 0
    return max(1, math.ceil(entry.period - (now % entry.period)))


def shown_day(seconds: float) -> str:
    """A day as the rows write it ("3 Dec 2026")."""
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(int(seconds)).date(), "d MMM yyyy")


def _twin_key(entry: Entry) -> tuple[str, str, str]:
    state = entry.meta.get("emnify.state", "")
    return entry.issuer.strip().casefold(), entry.name.strip().casefold(), state


def twins(entries: Sequence[Entry]) -> set[str]:
    """The uuids of entries that read like another one: the same issuer and account name, and
    the same emnify state (which the row says)."""
    seen: dict[tuple[str, str, str], list[str]] = {}
    for e in entries:
        seen.setdefault(_twin_key(e), []).append(e.uuid)
    return {uuid for uuids in seen.values() if len(uuids) > 1 for uuid in uuids}


def note(entry: Entry, twin: bool) -> str:
    """What the row says after the account name: the key's emnify state, and for one of two
    rows that read the same, when it was added (so they can be told apart)."""
    parts = []
    state = entry.meta.get("emnify.state")
    if state == "pending":
        parts.append(QCoreApplication.translate("AccountDelegate", "activation pending"))
    elif state == "inactive":
        since = retired_since(entry)
        if since is None:
            parts.append(QCoreApplication.translate("AccountsModel", "no longer active on emnify"))
        else:
            parts.append(
                QCoreApplication.translate(
                    "AccountsModel", "not active on emnify since {date}"
                ).format(date=shown_day(since))
            )
    if twin:
        day = shown_day(entry.created)
        parts.append(QCoreApplication.translate("AccountsModel", "added {date}").format(date=day))
    return "  ·  ".join(parts)


def _step(entry: Entry, now: float) -> int:
    return entry.counter if entry.type is OtpType.HOTP else int(now // entry.period)


def _shown(entry: Entry, now: float) -> tuple[int, bool, int]:
    """What a row shows that changes with time: (time step, warning colour, countdown)."""
    remaining = remaining_whole(entry, now)
    warn = entry.type is not OtpType.HOTP and remaining <= WARN_SECONDS
    return _step(entry, now), warn, remaining


class AccountsModel(QAbstractListModel):
    """Entries in custom order. ``refresh(entries)`` replaces them (keeps rows when it can)."""

    def __init__(self, parent: QObject | None = None, clock: Callable[[], float] = time.time):
        super().__init__(parent)
        self._clock = clock
        self._entries: list[Entry] = []
        self._row_of: dict[str, int] = {}
        self._twins: set[str] = set()  # uuids of rows that read like another row
        self._codes: dict[tuple[str, int, int], str] = {}  # (uuid, step, offset) -> code
        self._shown: list[tuple[int, bool, int]] = []  # last announced per row (see _shown)
        self._reveal_next: set[str] = set()
        self._show_next_all = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer)

    # --- content ---------------------------------------------------------------------------

    def refresh(self, entries: Sequence[Entry]) -> None:
        new = list(entries)
        was_twin, self._twins = self._twins, twins(new)
        if [e.uuid for e in new] == [e.uuid for e in self._entries]:
            for row, (old, cur) in enumerate(zip(self._entries, new, strict=True)):
                if old != cur or (cur.uuid in was_twin) != (cur.uuid in self._twins):
                    self._entries[row] = cur
                    self._drop_cache(cur.uuid)
                    idx = self.index(row)
                    self.dataChanged.emit(idx, idx)
            self._reset_shown()
            return
        self.beginResetModel()
        self._entries = new
        self._row_of = {e.uuid: i for i, e in enumerate(new)}
        alive = set(self._row_of)
        self._codes = {k: v for k, v in self._codes.items() if k[0] in alive}
        self._reveal_next &= alive
        self._reset_shown()
        self.endResetModel()

    def _reset_shown(self) -> None:
        now = self._clock()
        self._shown = [_shown(e, now) for e in self._entries]

    def _drop_cache(self, uuid: str) -> None:
        self._codes = {k: v for k, v in self._codes.items() if k[0] != uuid}

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def ring_state(self, row: int) -> tuple[int, int] | None:
        """(seconds shown on the countdown, period) of a time-based row; None for HOTP."""
        entry = self._entries[row]
        if entry.type is OtpType.HOTP:
            return None
        return self._shown[row][2], entry.period

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    def row_of(self, uuid: str) -> int:
        return self._row_of.get(uuid, -1)

    # --- next code on request --------------------------------------------------------------

    def set_show_next_all(self, show: bool) -> None:
        if show != self._show_next_all:
            self._show_next_all = show
            self._emit_all([ROLE_NEXT])

    def toggle_next(self, uuid: str) -> bool:
        """Show or hide the next code of one row; returns whether it is now shown."""
        if uuid in self._reveal_next:
            self._reveal_next.discard(uuid)
        else:
            self._reveal_next.add(uuid)
        row = self.row_of(uuid)
        if row >= 0:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [ROLE_NEXT])
        return uuid in self._reveal_next

    def next_shown(self, uuid: str) -> bool:
        return self._show_next_all or uuid in self._reveal_next

    # --- codes -----------------------------------------------------------------------------

    def code(self, entry: Entry, offset: int = 0, now: float | None = None) -> str:
        now = self._clock() if now is None else now
        key = (entry.uuid, _step(entry, now), offset)
        code = self._codes.get(key)
        if code is None:
            if len(self._codes) > 4 * len(self._entries) + 64:
                self._codes.clear()  # old time steps
            code = code_at(entry, now, step_offset=offset)
            self._codes[key] = code
        return code

    # --- the one timer ---------------------------------------------------------------------

    def start(self) -> None:
        self._arm()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _arm(self) -> None:
        now = self._clock()
        self._timer.start(1000 - int((now % 1.0) * 1000) + 3)

    def _on_timer(self) -> None:
        self.tick()
        self._arm()

    def tick(self) -> list[tuple[int, int]]:
        """Announce rows whose code or countdown changed; returns the emitted row ranges.

        Rows whose code (or warning colour) changed are emitted with :data:`CODE_ROLES`, rows
        whose countdown alone changed with :data:`RING_ROLES`, each in contiguous ranges.
        """
        now = self._clock()
        kinds: list[int] = []  # per row: 0 unchanged, 1 ring only, 2 code
        for row, entry in enumerate(self._entries):
            shown = _shown(entry, now)
            old = self._shown[row]
            if shown == old:
                kinds.append(0)
                continue
            self._shown[row] = shown
            kinds.append(2 if shown[:2] != old[:2] else 1)
        emitted: list[tuple[int, int]] = []
        for kind, roles in ((2, CODE_ROLES), (1, RING_ROLES)):
            start = -1
            for row, k in enumerate([*kinds, 0]):
                if k == kind and start < 0:
                    start = row
                elif k != kind and start >= 0:
                    self.dataChanged.emit(self.index(start), self.index(row - 1), roles)
                    emitted.append((start, row - 1))
                    start = -1
        return sorted(emitted)

    def _emit_all(self, roles: list[int]) -> None:
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1), roles)

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.label or "(unnamed)"
        if role == ROLE_ENTRY:
            return entry
        if role == ROLE_UUID:
            return entry.uuid
        if role == ROLE_RAW_CODE:
            return self.code(entry)
        if role == ROLE_CODE:
            return group_code(self.code(entry))
        if role == ROLE_RAW_NEXT:
            return self.code(entry, 1)
        if role == ROLE_NEXT:
            return group_code(self.code(entry, 1)) if self.next_shown(entry.uuid) else ""
        if role == ROLE_REMAINING:
            return remaining_whole(entry, self._clock())
        if role == ROLE_NOTE:
            return note(entry, entry.uuid in self._twins)
        if role == ROLE_RETIRED:
            return retired(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "AccountsModel", "Click or press Enter to copy the code."
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(entry)
        return None

    def _accessible_text(self, entry: Entry) -> str:
        who = ", ".join(p for p in (entry.issuer, entry.name) if p) or QCoreApplication.translate(
            "AccountsModel", "Unnamed account"
        )
        spelled = " ".join(self.code(entry))
        if retired(entry):
            since = retired_since(entry)
            if since is not None:
                return QCoreApplication.translate(
                    "AccountsModel",
                    "{who}. Not active on emnify since {date}: its codes do not work.",
                ).format(who=who, date=shown_day(since))
            return QCoreApplication.translate(
                "AccountsModel", "{who}. No longer active on emnify: its codes do not work."
            ).format(who=who)
        if entry.type is OtpType.HOTP:
            return QCoreApplication.translate(
                "AccountsModel", "{who}. Code {code}. Counter based."
            ).format(who=who, code=spelled)
        return QCoreApplication.translate(
            "AccountsModel", "{who}. Code {code}. {n} seconds left."
        ).format(who=who, code=spelled, n=remaining_whole(entry, self._clock()))

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_ROWS]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        uuids = [self._entries[i.row()].uuid for i in indexes if i.isValid()]
        data.setData(MIME_ROWS, "\n".join(uuids).encode("ascii"))
        return data


class AccountsFilter(QSortFilterProxyModel):
    """Search (every word must appear in issuer or name) and sort (custom order or by name)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self._by_name = False
        self.setDynamicSortFilter(False)  # ticks never re-filter; we invalidate on real changes

    @property
    def query(self) -> str:
        return " ".join(self._terms)

    def set_query(self, text: str) -> None:
        terms = search_terms(text)
        if terms == self._terms:
            return
        self.beginFilterChange()
        self._terms = terms
        self.endFilterChange()

    def set_sort_by_name(self, by_name: bool) -> None:
        self._by_name = by_name
        self.resort()

    @property
    def sort_by_name(self) -> bool:
        return self._by_name

    def resort(self) -> None:
        if self._by_name:
            self.sort(0, Qt.SortOrder.AscendingOrder)
            self.invalidate()
        else:
            self.sort(-1)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._terms:
            return True
        model = self.sourceModel()
        entry: Entry = model.data(model.index(source_row, 0, source_parent), ROLE_ENTRY)
        return matches(entry, self._terms)  # the rule `copy QUERY` uses too

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a: Entry = left.data(ROLE_ENTRY)
        b: Entry = right.data(ROLE_ENTRY)
        return (a.issuer.casefold(), a.name.casefold(), a.order) < (
            b.issuer.casefold(),
            b.name.casefold(),
            b.order,
        )
