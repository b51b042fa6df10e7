"""Marking texts for translation without Qt (the core stays Qt-free).

``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged; ``pyside6-lupdate`` (run by
``scripts/update-translations.sh``) collects it into the catalogue under ``context``, and the GUI
shows it through ``QCoreApplication.translate(context, text)``. Used for texts the core writes
for the GUI: setting labels (context "Settings"), export format names ("Exporters").
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """Mark ``text`` for translation in ``context``; translate it where it is shown."""
    return text
