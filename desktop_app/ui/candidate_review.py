"""The one review of candidate accounts before they are saved: scanned, pasted, typed, imported.

    review = CandidateReview(parent, existing, candidates, skipped, progress="1 of 2 scanned")
    review.selection_changed.connect(update_button)       # number of checked candidates
    chosen = review.selected()                             # OtpError for a bad edited name

One candidate (``editable_single=True``): its avatar, parameters and editable issuer/name.
Several: a table with a checkbox per account, its parameters and a status column; candidates
whose key is already in the vault (or repeated in the list) are marked and unchecked. Entries
that cannot be added are listed with the reason. Saving is the caller's (one ``vault.add_many``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.intake import find_duplicates
from desktop_app.otp.migration import SkippedEntry
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.account_delegate import avatar_color, initials
from desktop_app.ui.account_fields import label_edits
from desktop_app.ui.i18n import core_text, number
from desktop_app.ui.theme import current_is_dark, error_css, themed, warning_color, warning_css

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QLineEdit

COL_CHECK, COL_ISSUER, COL_NAME, COL_KIND, COL_GROUP, COL_STATUS = range(6)
#: the columns that give up width (their text wraps onto more lines) when not all fit
SHRINKING = (COL_ISSUER, COL_NAME, COL_KIND, COL_GROUP, COL_STATUS)


def share_widths(
    natural: Sequence[int], floors: Sequence[int], fixed: Sequence[bool], space: int
) -> list[int]:
    """Column widths for ``space`` pixels: each column its natural width when all fit (the
    last one takes what is left); else the widest give way first, evenly, none below its floor
    (its longest word) nor a ``fixed`` one below its natural width. Wider than ``space`` only
    when the floors themselves do not fit."""
    if sum(natural) <= space:
        widths = list(natural)
        widths[-1] += space - sum(natural)
        return widths
    low = [n if f else min(fl, n) for n, fl, f in zip(natural, floors, fixed, strict=True)]

    def at(level: int) -> list[int]:
        return [
            n if f else max(lo, min(n, level)) for n, lo, f in zip(natural, low, fixed, strict=True)
        ]

    lo_level, hi_level = 0, max(natural)
    while lo_level < hi_level:  # the highest level whose widths fit
        mid = (lo_level + hi_level + 1) // 2
        if sum(at(mid)) <= space:
            lo_level = mid
        else:
            hi_level = mid - 1
    widths = at(lo_level)
    spare = space - sum(widths)
    for i in sorted(range(len(widths)), key=lambda i: -natural[i]):  # the pixels left over
        if spare <= 0:
            break
        give = min(spare, natural[i] - widths[i])
        widths[i] += give
        spare -= give
    return widths


def widest_unbreakable(text: str, font: QFont) -> int:
    """The width of the widest piece of ``text`` that wrapping cannot break (a word, or the
    part of one up to a hyphen), laid out as the table lays its texts out."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    widest = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(1)  # one unbreakable piece a line
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return math.ceil(widest)


#: where a cell's text can surely break: its spaces and the break after an e-mail's "@"
_BREAKS = re.compile("[ \u200b]")


def shown_text(column: int, text: str) -> str:
    """A cell's text as the table wraps it: a Kind only between its parts ("6 digits", "30 s"
    stay on one line), an e-mail address also after its "@"."""
    if column == COL_KIND:
        return " · ".join(part.replace(" ", "\u00a0") for part in text.split(" · "))
    return text.replace("@", "@\u200b")


class _WrapDelegate(QStyledItemDelegate):
    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = shown_text(index.column(), option.text)


class ReviewTable(QTableWidget):
    """The review's table: its columns share the width so that every text can be read; a text
    that does not fit on one line wraps, and its row grows (nothing is cut off or pushed past
    the right edge)."""

    def __init__(self, rows: int, columns: int, parent: QWidget) -> None:
        super().__init__(rows, columns, parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # only if a single word is too long
        self.setItemDelegate(_WrapDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        self._fitted_for = -1
        self._row_height = self.verticalHeader().defaultSectionSize()
        self._rows_grown = False
        self._measured: tuple[list[int], list[int]] | None = None

    def measure(self) -> tuple[list[int], list[int]]:
        """Each column's natural width (every text on one line, and its heading) and its
        floor (its longest unbreakable piece on a line), over all rows. The margins and the
        icon are the same on every row of a column: one cell's size hint gives them."""
        if self._measured is not None:
            return self._measured
        fm = self.fontMetrics()
        header = self.horizontalHeader()
        grid = 1 if self.showGrid() else 0
        natural = [header.sectionSizeHint(c) for c in range(self.columnCount())]
        floors = list(natural)
        for c in range(self.columnCount()):
            widths: dict[str, tuple[int, int]] = {}  # shown text -> (its width, a row with it)
            for r in range(self.rowCount()):
                item = self.item(r, c)
                text = shown_text(c, item.text() if item is not None else "")
                if text not in widths:
                    widths[text] = (fm.horizontalAdvance(text), r)
            if not widths:
                continue
            widest, row = max(widths.values())
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            delegate = self.itemDelegateForColumn(c) or self.itemDelegate()
            cell = delegate.sizeHint(option, self.model().index(row, c)).width() + grid
            padding = cell - widest  # the margins, the icon, the grid line
            natural[c] = max(natural[c], cell)
            piece = 0
            for text, (width, _r) in sorted(widths.items(), key=lambda t: -t[1][0]):
                if width <= piece:
                    break  # no piece of a narrower text is wider
                words = _BREAKS.split(text)  # a piece is never wider than the word it is in
                if max(fm.horizontalAdvance(w) for w in words) > piece:
                    piece = max(piece, widest_unbreakable(text, self.font()))
            floors[c] = max(floors[c], piece + padding + 2)  # 2: the text's width rounded
        floors = [min(f, n) for f, n in zip(floors, natural, strict=True)]
        self._measured = (natural, floors)
        return self._measured

    def fit_columns(self) -> None:
        space = self.viewport().width()
        if space <= 0 or space == self._fitted_for:
            return
        self._fitted_for = space
        natural, floors = self.measure()
        fixed = [c not in SHRINKING for c in range(self.columnCount())]
        header = self.horizontalHeader()
        widths = share_widths(natural, floors, fixed, space)
        for c, w in enumerate(widths):
            header.resizeSection(c, w)
        wraps = any(w < n for w, n in zip(widths, natural, strict=True))
        if wraps or self._rows_grown:  # else every row is one line high, as it was made
            self.resizeRowsToContents()
            for r in range(self.rowCount()):  # never tighter than a row of one line was
                if self.rowHeight(r) < self._row_height:
                    self.setRowHeight(r, self._row_height)
        self._rows_grown = wraps

    def wanted_width(self) -> int:
        """The width at which no text wraps (frame and vertical scroll bar included)."""
        extra = 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        return sum(self.measure()[0]) + extra

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)


def _label_key(entry: Entry) -> tuple[str, str]:
    return (" ".join(entry.issuer.split()).casefold(), " ".join(entry.name.split()).casefold())


def same_label_other_key(
    existing: Sequence[Entry], candidates: Sequence[Entry], duplicates: dict[str, Entry]
) -> dict[str, Entry]:
    """Each candidate (not a duplicate key) whose issuer and account name are those of a saved
    account or an earlier candidate with another key: candidate uuid -> that account."""
    seen: dict[tuple[str, str], Entry] = {}
    for e in existing:
        if e.issuer.strip() or e.name.strip():
            seen.setdefault(_label_key(e), e)
    found: dict[str, Entry] = {}
    for c in candidates:
        if c.uuid in duplicates or not (c.issuer.strip() or c.name.strip()):
            continue
        key = _label_key(c)
        if key in seen:
            found[c.uuid] = seen[key]
        else:
            seen[key] = c
    return found


def _kind_text(entry: Entry, steam: str, hotp: str, totp: str) -> str:
    """The template of ``entry``'s kind (already translated), filled in."""
    template = {OtpType.STEAM: steam, OtpType.HOTP: hotp}.get(entry.type, totp)
    return template.format(
        alg=entry.algorithm.replace("SHA", "SHA-"),
        digits=entry.digits,
        period=entry.period,
        counter=entry.counter,
    )


def describe(entry: Entry) -> str:
    """'Time-based (TOTP) · SHA-1 · 6 digits · every 30 s'."""
    return _kind_text(
        entry,
        QCoreApplication.translate(
            "CandidateReview", "Steam Guard · 5 characters · every {period} s"
        ),
        QCoreApplication.translate(
            "CandidateReview", "Counter-based (HOTP) · {alg} · {digits} digits · counter {counter}"
        ),
        QCoreApplication.translate(
            "CandidateReview", "Time-based (TOTP) · {alg} · {digits} digits · every {period} s"
        ),
    )


def describe_short(entry: Entry) -> str:
    """'TOTP · SHA-1 · 6 digits · 30 s' (for tables)."""
    return _kind_text(
        entry,
        QCoreApplication.translate("CandidateReview", "Steam · 5 characters · {period} s"),
        QCoreApplication.translate(
            "CandidateReview", "HOTP · {alg} · {digits} digits · counter {counter}"
        ),
        QCoreApplication.translate(
            "CandidateReview", "TOTP · {alg} · {digits} digits · {period} s"
        ),
    )


def avatar_pixmap(entry: Entry, size: int, dpr: float = 1.0) -> QPixmap:
    pm = QPixmap(int(size * dpr), int(size * dpr))
    pm.setDevicePixelRatio(dpr)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    app = QApplication.instance()
    dark = isinstance(app, QApplication) and current_is_dark(app)
    p.setBrush(avatar_color(entry.issuer or entry.name, dark))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    font.setPixelSize(int(size * 0.45))
    font.setWeight(QFont.Weight.DemiBold)
    p.setFont(font)
    p.setPen(QColor("white"))
    p.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(entry))
    p.end()
    return pm


class CandidateReview(QWidget):
    """Candidates with checkboxes (or one editable candidate), duplicates and skipped entries."""

    selection_changed = Signal(int)

    def __init__(
        self,
        parent: QWidget | None,
        existing: Sequence[Entry],
        candidates: Sequence[Entry],
        skipped: Sequence[SkippedEntry] = (),
        *,
        progress: str | None = None,
        heading: str | None = None,
        editable_single: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("candidate_review")
        self.candidates = list(candidates)
        self.skipped = list(skipped)
        self.duplicates = find_duplicates(existing, self.candidates)
        self.same_label = same_label_other_key(existing, self.candidates, self.duplicates)
        self.progress_text = progress or ""
        self.issuer_edit: QLineEdit | None = None
        self.name_edit: QLineEdit | None = None
        self.table: ReviewTable | None = None
        n = len(self.candidates)
        self.editing = editable_single and n == 1

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        if heading is None:
            if n == 0:
                heading = self.tr("No account can be added")
            elif n == 1:
                heading = self.tr("Add this account?")
            else:
                heading = self.tr("{n} accounts found").format(n=number(n))
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.heading.setVisible(bool(heading))
        lay.addWidget(self.heading)
        if progress:
            prog = QLabel(progress, self)
            prog.setObjectName("progress")
            prog.setWordWrap(True)
            prog.setStyleSheet(
                "background: palette(alternate-base); border-radius: 6px; padding: 6px 10px;"
            )
            lay.addWidget(prog)

        if self.editing:
            lay.addWidget(self._single(self.candidates[0]))
        elif n:
            lay.addWidget(self._table(), 1)
            lay.addLayout(self._select_buttons())

        if self.skipped:
            k = len(self.skipped)
            box = QLabel(self.tr("Cannot be added ({k}):").format(k=number(k)), self)
            box.setObjectName("skipped")
            themed(box, lambda: warning_css() + " font-weight: 600;")
            lay.addWidget(box)
            self.skipped_list = QListWidget(self)
            self.skipped_list.setObjectName("skipped-entries")
            self.skipped_list.setAccessibleName(self.tr("Entries that cannot be added"))
            self.skipped_list.setAccessibleDescription(
                self.tr("Entries found that this app cannot use, each with the reason.")
            )
            self.skipped_list.setMaximumHeight(min(110, 22 * len(self.skipped) + 10))
            for s in self.skipped:
                label = core_text(s.label) or self.tr("Unnamed")
                self.skipped_list.addItem(f"{label} — {core_text(s.reason)}")
            lay.addWidget(self.skipped_list)

        self.error_label = QLabel("", self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        themed(self.error_label, error_css)
        self.error_label.hide()
        lay.addWidget(self.error_label)

    # --- building ---------------------------------------------------------------------------

    def _single(self, entry: Entry) -> QWidget:
        box = QFrame(self)
        box.setObjectName("single")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(box)
        head = QHBoxLayout()
        avatar = QLabel(box)
        avatar.setPixmap(avatar_pixmap(entry, 40, self.devicePixelRatioF()))
        avatar.setFixedSize(40, 40)
        head.addWidget(avatar)
        details = QLabel(describe(entry), box)
        details.setStyleSheet("color: palette(placeholder-text);")
        details.setWordWrap(True)
        head.addWidget(details, 1)
        lay.addLayout(head)
        form = QFormLayout()
        self.issuer_edit, self.name_edit = label_edits(entry, box)
        form.addRow(self.tr("&Issuer:"), self.issuer_edit)
        form.addRow(self.tr("&Account:"), self.name_edit)
        lay.addLayout(form)
        dup = self.duplicates.get(entry.uuid)
        if dup is not None:
            warn = QLabel(
                self.tr(
                    "⚠ The same key is already saved as “{label}”. "
                    "Adding it again creates a second copy."
                ).format(label=dup.label or self.tr("an unnamed account")),
                box,
            )
            warn.setObjectName("duplicate_warning")
            warn.setWordWrap(True)
            themed(warn, lambda: warning_css())
            lay.addWidget(warn)
        elif entry.uuid in self.same_label:
            warn = QLabel(
                self.tr(
                    "⚠ An account named “{label}” with another key is already saved. Both "
                    "are kept: rename one to tell them apart, and delete the old one when it "
                    "no longer works."
                ).format(label=self.same_label[entry.uuid].label),
                box,
            )
            warn.setObjectName("same_label_warning")
            warn.setWordWrap(True)
            themed(warn, lambda: warning_css())
            lay.addWidget(warn)
        return box

    def label_warning(self, entry: Entry) -> str:
        """The row's warning when another key already has its label ("" when none)."""
        other = self.same_label.get(entry.uuid)
        if other is None:
            return ""
        if any(other is e for e in self.candidates):
            return self.tr("Same name as a row above, another key")
        return self.tr("Same name as a saved one, another key")

    def status_of(self, entry: Entry) -> str:
        dupe = self.duplicates.get(entry.uuid)
        if dupe is None:
            return ""
        label = dupe.label or self.tr("an unnamed account")
        if any(dupe is e for e in self.candidates):
            return self.tr("Repeats {label} in this list").format(label=label)
        return self.tr("Already in your accounts ({label})").format(label=label)

    def _table(self) -> ReviewTable:
        columns = (
            self.tr("Add"),
            self.tr("Issuer"),
            self.tr("Account"),
            self.tr("Kind"),
            self.tr("Group"),
            self.tr("Status"),
        )
        table = ReviewTable(len(self.candidates), len(columns), self)
        self.table = table
        table.setObjectName("candidates")
        table.setAccessibleName(self.tr("Accounts found"))
        table.setAccessibleDescription(
            self.tr("The accounts read; the checked ones are added. Space checks a row.")
        )
        table.setHorizontalHeaderLabels(columns)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        dpr = self.devicePixelRatioF()
        warn = QColor(warning_color())
        for row, entry in enumerate(self.candidates):
            status = self.status_of(entry)
            label_warning = self.label_warning(entry)  # still checked: a second account
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked if status else Qt.CheckState.Checked)
            check.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("Add {label}").format(label=entry.label or self.tr("Unnamed account")),
            )
            table.setItem(row, COL_CHECK, check)
            texts = (
                entry.issuer,
                entry.name,
                describe_short(entry),
                entry.group,
                status or label_warning,
            )
            for col, text in enumerate(texts, start=COL_ISSUER):
                item = QTableWidgetItem(text)
                item.setToolTip(describe(entry) if col == COL_KIND else text)
                if col == COL_ISSUER:
                    item.setIcon(QIcon(avatar_pixmap(entry, 20, dpr)))
                if col == COL_STATUS and (status or label_warning):
                    item.setForeground(warn)
                table.setItem(row, col, item)
        table.setCurrentCell(-1, -1)  # no focus frame on a cell until the person moves there
        table.itemChanged.connect(lambda _item: self.selection_changed.emit(self.checked_count()))
        table.setMinimumHeight(min(360, 34 * len(self.candidates) + 40))
        return table

    def _select_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, text, on in (
            ("select-all", self.tr("Select all"), True),
            ("select-none", self.tr("Select none"), False),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setAccessibleDescription(
                self.tr("Check every account in the list.")
                if on
                else self.tr("Uncheck every account in the list.")
            )
            button.clicked.connect(lambda _c=False, on=on: self.set_all_checked(on))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def wanted_width(self) -> int:
        """The width at which the table's texts need not wrap (0 without a table): a dialog
        opens this wide when the screen allows."""
        return self.table.wanted_width() if self.table is not None else 0

    # --- state ------------------------------------------------------------------------------

    def is_checked(self, row: int) -> bool:
        if self.editing:
            return True
        item = self.table.item(row, COL_CHECK) if self.table is not None else None
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def set_checked(self, row: int, checked: bool) -> None:
        item = self.table.item(row, COL_CHECK) if self.table is not None else None
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_all_checked(self, checked: bool) -> None:
        for row in range(len(self.candidates)):
            self.set_checked(row, checked)

    def checked_count(self) -> int:
        return sum(1 for row in range(len(self.candidates)) if self.is_checked(row))

    def selected(self) -> list[Entry]:
        """The checked candidates (the single one with its edited names; OtpError if invalid)."""
        if self.editing:
            assert self.issuer_edit is not None and self.name_edit is not None
            return [
                self.candidates[0].with_changes(
                    issuer=self.issuer_edit.text().strip(), name=self.name_edit.text().strip()
                )
            ]
        return [e for row, e in enumerate(self.candidates) if self.is_checked(row)]

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
