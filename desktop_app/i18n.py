"""Marking texts for translation without Qt (the core stays Qt-free).

Two markers: ``QT_TRANSLATE_NOOP`` for fixed texts the GUI shows (collected by lupdate into the
GUI's catalogue), and :func:`N_` for the core's messages -- errors with arguments, such as the
importers' -- which stay English strings in the core and are translated at the UI boundary.

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``pyside6-lupdate`` (run by
``scripts/update-translations.sh``) collects it into the catalogue under ``context``, and the GUI
shows it through ``QCoreApplication.translate(context, text)``. Used for texts the core writes
for the GUI: setting labels (context "Settings"), export format names ("Exporters").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Mark ``text`` for translation in ``context``; translate it where it is shown."""
    return text


def reason_form(text: str) -> str:
    """``text`` as the reason of a skipped entry says it: no surrounding space, no closing full
    stop, a capital first letter ("its type is unknown." -> "Its type is unknown")."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:]


class Text(str):
    """An English message of the core that keeps its template and arguments, so that the GUI
    can show it in the person's language (:func:`desktop_app.ui.i18n.core_text`). It *is* the
    English text (a ``str``): logs, the command line and tests see English.

    A Text made by :meth:`as_reason` is the message in :func:`reason_form` (a skipped entry's
    reason); its translation is put in the same form."""

    template: str
    arguments: tuple[tuple[str, object], ...]
    reason: bool
    context: str

    def __new__(
        cls,
        template: str,
        arguments: dict[str, object],
        reason: bool = False,
        context: str = "Core",
    ) -> Text:
        text = template.format(**arguments) if arguments else template
        self = super().__new__(cls, reason_form(text) if reason else text)
        self.template = template
        self.arguments = tuple(arguments.items())
        self.reason = reason
        self.context = context
        return self

    def __reduce__(self) -> tuple[object, ...]:  # pickles (worker processes) keep the template
        return (Text, (self.template, dict(self.arguments), self.reason, self.context))

    def as_reason(self) -> Text:
        """This message in :func:`reason_form`, still translatable."""
        return Text(self.template, dict(self.arguments), True, self.context)


def N_(template: str, /, **arguments: object) -> Text:  # the name the extractor reads
    """Mark a core message for translation: ``N_("The {label} file is damaged.", label=x)``.

    ``template`` is a literal (``scripts/update-translations.sh`` collects every one into the
    "Core" context of the core catalogue, ``resources/translations/core_<lang>.ts``); the
    arguments fill its ``{name}`` fields (a Text argument is translated too)."""
    return Text(template, arguments)


#: the catalogue context of every N_() message
CORE_CONTEXT = "Core"


def marked_in(context: str, text: str) -> Text:
    """``text`` (a literal marked with ``QT_TRANSLATE_NOOP(context, ...)`` where it is written,
    such as a setting's label) as a Text that the GUI translates in ``context``: for a message's
    argument ("{setting}: expected a whole number.")."""
    return Text(text, {}, context=context)


def translated(message: object, translate: Callable[[str, str], str]) -> str:
    """A core message (an exception, or text marked with :func:`N_`) translated by
    ``translate(context, text)`` (``QCoreApplication.translate`` in the GUI); any other text
    as it is. A translation that does not fit its arguments gives the English."""
    if isinstance(message, BaseException):
        message = message.args[0] if len(message.args) == 1 else str(message)
    if not isinstance(message, Text):
        return str(message)
    arguments = {
        k: translated(v, translate) if isinstance(v, Text) else v for k, v in message.arguments
    }
    try:
        shown = translate(message.context, message.template).format(**arguments)
    except (KeyError, IndexError, ValueError):
        return str(message)
    return reason_form(shown) if message.reason else shown
