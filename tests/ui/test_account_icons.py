"""Imported icons are drawn in place of the letter avatar (real view, real delegate, real paint)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from desktop_app.otp.model import Entry, Icon
from desktop_app.ui import accounts_view
from desktop_app.ui.account_delegate import AVATAR, H_PAD
from desktop_app.ui.accounts_model import AccountsModel
from desktop_app.ui.accounts_view import AccountsView
from tests.ui.helpers_main import counting_delegate

pytestmark = pytest.mark.gui

SECRET = "JBSWY3DPEHPK3PXP"


def png(color: str) -> bytes:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data.data())


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<rect width="10" height="10" fill="#00ff00"/></svg>'
)


def test_icon_replaces_the_letter_avatar(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [
        Entry(secret=SECRET, issuer="Red", icon=Icon("image/png", png("#ff0000"))),
        Entry(secret=SECRET, issuer="Green", icon=Icon("image/svg+xml", SVG)),
        Entry(secret=SECRET, issuer="Plain"),
        Entry(secret=SECRET, issuer="Broken", icon=Icon("image/png", b"\x89PNG not really")),
    ]
    model = AccountsModel()
    monkeypatch.setattr(accounts_view, "AccountDelegate", counting_delegate())
    view = AccountsView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.refresh(entries)
    view.resize(420, 400)
    view.show()
    qtbot.waitExposed(view)
    shot = view.viewport().grab().toImage()

    def avatar_center(row: int) -> QColor:
        rect = view.visualRect(model.index(row))
        return shot.pixelColor(rect.left() + H_PAD + AVATAR // 2, rect.center().y() + 1)

    red, green, plain, broken = (avatar_center(r) for r in range(4))
    assert (red.red(), red.green(), red.blue()) == (255, 0, 0)
    assert (green.red(), green.green(), green.blue()) == (0, 255, 0)
    for letter in (plain, broken):  # letter avatars: the palette colours, never pure red/green
        assert (letter.red(), letter.green(), letter.blue()) not in ((255, 0, 0), (0, 255, 0))
    assert view.delegate.icon_paints >= 2
