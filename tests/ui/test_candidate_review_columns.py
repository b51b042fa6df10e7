"""The review of new accounts: what each row's Kind says, and every column readable (nothing cut
off or hidden past the edge) in English and German, at 100 % and 200 %."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop_app.importers.contract import ImportResult
from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui import i18n
from desktop_app.ui.candidate_review import (
    COL_CHECK,
    COL_STATUS,
    ReviewTable,
    describe,
    describe_short,
    share_widths,
    shown_text,
)
from desktop_app.ui.confirm_dialog import ConfirmDialog
from desktop_app.ui.import_dialog import ImportDialog
from tests.ui.helpers_main import secret_for

pytestmark = pytest.mark.gui


def test_kind_long_and_short_for_every_type() -> None:
    totp = Entry(secret_for("t"), algorithm="SHA256", digits=8, period=60)
    hotp = Entry(secret_for("h"), type=OtpType.HOTP, counter=7)
    steam = Entry(secret_for("s"), type=OtpType.STEAM, digits=5)
    assert describe(totp) == "Time-based (TOTP) · SHA-256 · 8 digits · every 60 s"
    assert describe_short(totp) == "TOTP · SHA-256 · 8 digits · 60 s"
    assert describe(hotp) == "Counter-based (HOTP) · SHA-1 · 6 digits · counter 7"
    assert describe_short(hotp) == "HOTP · SHA-1 · 6 digits · counter 7"
    assert describe(steam) == "Steam Guard · 5 characters · every 30 s"
    assert describe_short(steam) == "Steam · 5 characters · 30 s"


def test_share_widths_gives_way_from_the_widest_and_keeps_the_floors() -> None:
    natural, floors = [30, 100, 200, 300], [30, 50, 60, 80]
    fixed = [True, False, False, False]
    assert share_widths(natural, floors, fixed, 700) == [30, 100, 200, 370]  # slack to the last
    assert share_widths(natural, floors, fixed, 630) == [30, 100, 200, 300]
    assert share_widths(natural, floors, fixed, 430) == [30, 100, 150, 150]  # widest first
    assert share_widths(natural, floors, fixed, 250) == [30, 70, 70, 80]  # 80: a floor
    assert share_widths(natural, floors, fixed, 100) == [30, 50, 60, 80]  # never below a floor
    assert share_widths([50, 10, 400], [50, 10, 100], [True, False, False], 200) == [50, 10, 140]


def _rows():  # type: ignore[no-untyped-def]
    """Every status the review writes, long names, a group, the three kinds."""
    return [
        Entry(secret_for("gh2"), "GitHub", "octocat@example.com"),  # same name, another key
        Entry(secret_for("saved-2"), "Google (old phone)", "copy"),  # the same key as a saved one
        Entry(secret_for("d1"), "Dropbox", "jane@example.com", group="Work"),
        Entry(secret_for("d2"), "Dropbox", "jane@example.com"),  # repeats the row above's name
        Entry(
            secret_for("aws"),
            "Amazon Web Services",
            "deploy-bot (prod-eu-central-1)",
            group="Infrastructure",
        ),
        Entry(secret_for("hb"), "Hetzner", "billing", type=OtpType.HOTP, counter=3),
        Entry(secret_for("st"), "Steam", "gaben", type=OtpType.STEAM, digits=5),
    ]


def pieces(text: str, font: QFont) -> list[str]:
    """The pieces wrapping cannot break, as Qt breaks lines (at spaces, after hyphens...)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    found = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(1)
        found.append(text[line.textStart() : line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return found


def unreadable(table: ReviewTable) -> list[str]:
    """What cannot be read in ``table`` as it is shown: a column past the right edge, a word
    wider than its column (it would be cut with "…"), a wrapped text taller than its row, a
    heading wider than its column."""
    problems: list[str] = []
    header = table.horizontalHeader()
    widths = [table.columnWidth(c) for c in range(table.columnCount())]
    if sum(widths) > table.viewport().width() or table.horizontalScrollBar().isVisible():
        problems.append(f"columns {widths} wider than {table.viewport().width()}")
    fm = table.fontMetrics()
    for c in range(table.columnCount()):
        if header.sectionSizeHint(c) > widths[c]:
            problems.append(f"heading {c} cut")
        delegate = table.itemDelegateForColumn(c) or table.itemDelegate()
        for r in range(table.rowCount()):
            item = table.item(r, c)
            if item is None or not item.text():
                continue
            text = shown_text(c, item.text())
            index = table.model().index(r, c)
            option = QStyleOptionViewItem()
            table.initViewItemOption(option)
            padding = delegate.sizeHint(option, index).width() - fm.horizontalAdvance(text)
            room = widths[c] - 1 - padding  # the grid line, the margins and the icon
            for word in pieces(text, table.font()):
                if fm.horizontalAdvance(word) > room:
                    problems.append(f"row {r} column {c}: {word!r} cut")
            option.rect = QRect(0, 0, widths[c] - 1, 1)
            needed = delegate.sizeHint(option, index).height()
            if needed > table.rowHeight(r):
                problems.append(
                    f"row {r} column {c}: {needed} px tall in a {table.rowHeight(r)} px row"
                )
    return problems


@pytest.fixture(params=["en", "de"])
def language(request, qapp) -> Iterator[str]:
    assert i18n.install_translations(qapp, request.param) == request.param
    yield request.param
    i18n.install_translations(qapp, "en")


# At 200 % the fonts are as many logical pixels as at 100 %, and the screen half as wide: a
# 1280 px wide screen gives a dialog of at most 614 logical pixels (geometry.fit_to_screen).
@pytest.mark.parametrize("width", [None, 614], ids=["100%", "200%"])
def test_every_column_of_the_add_review_is_readable(qtbot, vault, language, width) -> None:
    vault.add(Entry(secret_for("gh"), "GitHub", "octocat@example.com"))
    vault.add(Entry(secret_for("saved-2"), "Google", "jane.doe@gmail.com"))
    dialog = ConfirmDialog(None, vault, _rows())
    qtbot.addWidget(dialog)
    if width is not None:
        dialog.resize(width, 480)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.review.table
    assert table is not None
    statuses = [table.item(r, COL_STATUS).text() for r in range(table.rowCount())]
    assert sum(bool(s) for s in statuses) == 3, statuses
    if language == "de":
        assert table.horizontalHeaderItem(COL_CHECK).text() == "Hinzufügen"
        assert statuses[1].startswith("Bereits in Ihren Konten")
    assert unreadable(table) == []
    if width is None:  # opened wide enough for every text on one line (the screen allows it)
        assert dialog.width() >= table.wanted_width()
        assert all(table.rowHeight(r) == table.rowHeight(0) for r in range(table.rowCount()))
    else:  # narrower: texts wrap, and their rows grow
        assert max(table.rowHeight(r) for r in range(table.rowCount())) > table.rowHeight(2)


def test_the_import_preview_is_readable_and_follows_a_resize(qtbot, services, language) -> None:
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.show_result(ImportResult(entries=_rows(), skipped=[], format_label="Aegis"))
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.review.table
    assert table is not None
    assert unreadable(table) == []
    dialog.resize(600, dialog.height())
    qtbot.waitUntil(lambda: table.viewport().width() < 600)
    assert unreadable(table) == []
