"""Accessible names and descriptions.

``describe(widget, name, description)`` sets both (and the tooltip, unless one is set);
``button(...)`` and ``line_edit(...)`` make the two controls every settings page builds, with
their object name and accessible texts in one call.
``describe_standard_buttons(window)`` gives the standard dialog buttons (Close, Cancel, Save,
OK, ...) a description; the window hooks (ui/startup.py) call it for every window when it is
shown, so that every dialog gets them the same way.
A test walks the QAccessible tree of every window and fails on a control without a name or a
description.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPushButton

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

_B = QDialogButtonBox.StandardButton


def describe(widget: QWidget, name: str, description: str, *, tooltip: bool = True) -> None:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    if tooltip and not widget.toolTip():
        widget.setToolTip(description)


def button(
    parent: QWidget,
    name: str,
    text: str,
    description: str,
    clicked: Callable[[], object] | None = None,
) -> QPushButton:
    """A push button with its object name and accessible description (``text`` is its name)."""
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleDescription(description)
    if clicked is not None:
        widget.clicked.connect(clicked)
    return widget


def line_edit(
    parent: QWidget,
    name: str,
    accessible: str,
    description: str,
    *,
    placeholder: str = "",
    secret: bool = False,
) -> QLineEdit:
    """A line edit with its object name, accessible name and description (a password field
    when ``secret``)."""
    widget = QLineEdit(parent)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setAccessibleDescription(description)
    if placeholder:
        widget.setPlaceholderText(placeholder)
    if secret:
        widget.setEchoMode(QLineEdit.EchoMode.Password)
    return widget


def _standard_descriptions() -> dict[QDialogButtonBox.StandardButton, str]:
    return {
        _B.Close: QCoreApplication.translate("A11y", "Close this window."),
        _B.Cancel: QCoreApplication.translate(
            "A11y", "Close this window without changing anything."
        ),
        _B.Ok: QCoreApplication.translate("A11y", "Confirm and close this window."),
        _B.Save: QCoreApplication.translate("A11y", "Save the changes and close this window."),
        _B.Discard: QCoreApplication.translate("A11y", "Close this window and drop the changes."),
        _B.Apply: QCoreApplication.translate("A11y", "Apply the changes."),
        _B.Help: QCoreApplication.translate("A11y", "Show help for this window."),
    }


def describe_standard_buttons(root: QWidget) -> None:
    """A description for every standard button of the button boxes in ``root`` lacking one."""
    texts = _standard_descriptions()
    for box in root.findChildren(QDialogButtonBox):
        for button in box.buttons():
            kind = box.standardButton(button)
            if kind in texts and not button.accessibleDescription():
                button.setAccessibleDescription(texts[kind])
