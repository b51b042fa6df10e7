"""Small widgets of the emnify pane: inline feedback next to an action, the status card frame,
the dialog that shows a new key as a QR code, the disable confirmation and the demo inbox."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.otp.model import Entry
from desktop_app.ui.theme import error_css

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    """A QR code of ``text`` rendered by segno (PNG bytes) as a pixmap."""
    import segno

    buf = io.BytesIO()
    segno.make(text, error="m").save(buf, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(buf.getvalue(), "PNG")
    return pixmap


def grouped_secret(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class Feedback(QWidget):
    """Progress and messages of one action, shown right beside it: a busy bar with what is
    being done, then the outcome (information or an error in the error colour)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(48)
        self.bar.setMaximumHeight(10)
        self.bar.hide()
        self.label = QLabel(self)
        self.label.setObjectName(name)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.bar)
        lay.addWidget(self.label, 1)
        self.is_error = False

    def text(self) -> str:
        return self.label.text()

    def busy(self, text: str) -> None:
        self.bar.show()
        self._set(text, error=False)

    def info(self, text: str) -> None:
        self.bar.hide()
        self._set(text, error=False)

    def error(self, text: str) -> None:
        self.bar.hide()
        self._set(text, error=True)

    def clear(self) -> None:
        self.bar.hide()
        self._set("", error=False)

    def _set(self, text: str, *, error: bool) -> None:
        self.is_error = error and bool(text)
        self.label.setStyleSheet(error_css() if self.is_error else "")
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.label.setVisible(bool(text))


class Card(QFrame):
    """A framed box drawn from the palette (right in light and dark)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ border: 1px solid palette(mid); border-radius: 8px;"
            " background: palette(base); }"
        )


def accept_or_cancel(dialog: QDialog, lay: QVBoxLayout, verb: str) -> QPushButton:
    """A confirmation's buttons at the bottom of ``lay``: ``verb`` (accepts) and Cancel."""
    buttons = QDialogButtonBox(dialog)
    accept = buttons.addButton(verb, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    lay.addWidget(buttons)
    return accept


class KeyDialog(QDialog):
    """Shows the new key as a QR code and as text, before it is activated."""

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop_app.otp.uri import build_uri

        self.setWindowTitle(self.tr("Add the key to a phone as well"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The key is saved in this app. To have it on a phone as well, scan this code "
                "with the phone's authenticator app now: the portal will not show it again."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.qr_label = QLabel(self)
        self.qr_label.setObjectName("emnify_qr")
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setPixmap(qr_pixmap(build_uri(entry)))
        self.qr_label.setAccessibleName(self.tr("QR code of the new key"))
        lay.addWidget(self.qr_label)
        self.secret_edit = QLineEdit(grouped_secret(entry.secret), self)
        self.secret_edit.setReadOnly(True)
        self.secret_edit.setAccessibleName(self.tr("Secret key"))
        self.secret_edit.setMinimumWidth(
            self.secret_edit.fontMetrics().horizontalAdvance(self.secret_edit.text()) + 24
        )
        form = QFormLayout()
        form.addRow(self.tr("Secret key:"), self.secret_edit)
        lay.addLayout(form)
        self.activate_button = accept_or_cancel(self, lay, self.tr("Activate now"))


class DisableDialog(QDialog):
    """One confirmation for turning the authenticator app off, with "also remove the key"."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Turn off the authenticator app"))
        lay = QVBoxLayout(self)
        label = QLabel(text, self)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.remove_check = QCheckBox(self.tr("Also remove the key from this app"), self)
        self.remove_check.setObjectName("emnify_remove_local")
        lay.addWidget(self.remove_check)
        self.ok_button = accept_or_cancel(self, lay, self.tr("Turn off"))
        from desktop_app.ui.confirm_dialog import fit_title  # issue 24: the title is not cut

        fit_title(self, 420)


class InboxBridge(QObject):
    """Carries the demo portal's "e-mails" (sent from its server thread) to the GUI thread."""

    received = Signal(str, str)  # to, code

    def deliver(self, mail: Any) -> None:
        self.received.emit(str(getattr(mail, "to", "")), str(getattr(mail, "code", "")))
