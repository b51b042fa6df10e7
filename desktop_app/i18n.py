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


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Mark ``text`` for translation in ``context``; translate it where it is shown."""
    return text


class Text(str):
    """An English message of the core that keeps its template and arguments, so that the GUI
    can show it in the person's language (:func:`desktop_app.ui.i18n.core_text`). It *is* the
    English text (a ``str``): logs, the command line and tests see English."""

    template: str
    arguments: tuple[tuple[str, object], ...]

    def __new__(cls, template: str, arguments: dict[str, object]) -> Text:
        self = super().__new__(cls, template.format(**arguments) if arguments else template)
        self.template = template
        self.arguments = tuple(arguments.items())
        return self

    def __reduce__(self) -> tuple[object, ...]:  # pickles (worker processes) keep the template
        return (Text, (self.template, dict(self.arguments)))


def N_(template: str, /, **arguments: object) -> Text:  # the name the extractor reads
    """Mark a core message for translation: ``N_("The {label} file is damaged.", label=x)``.

    ``template`` is a literal (``scripts/update-translations.sh`` collects every one into the
    "Core" context of the core catalogue, ``resources/translations/core_<lang>.ts``); the
    arguments fill its ``{name}`` fields (a Text argument is translated too)."""
    return Text(template, arguments)


#: the catalogue context of every N_() message
CORE_CONTEXT = "Core"
