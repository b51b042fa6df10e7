"""Text from outside (a server's message, a name in a file) made fit to show. No Qt.

:func:`shown_text` is the one place that does it, for the CLI and the GUI alike: control
characters (terminal escape sequences whole, C0, DEL, C1, and the Unicode bidi controls that
reorder a line) become spaces, runs
of whitespace become one space, and the text is capped at :data:`MAX_SHOWN` characters with
"…". So a portal message with ESC, BEL, CR or newlines cannot rewrite a terminal, and a 10 MB
message is one short line.
"""

from __future__ import annotations

import re

MAX_SHOWN = 300

# C0 controls, DEL, C1 controls; bidi embeddings/overrides/isolates; line/paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")
_SPACES = re.compile(r"\s{2,}")
# Terminal escape sequences as a whole (CSI "ESC [ ... final", OSC "ESC ] ... BEL/ST", others).
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")


def shown_text(value: object, limit: int = MAX_SHOWN) -> str:
    """``value`` as one line of at most ``limit`` characters ("" for None)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit * 4:
        text = text[: limit * 4]  # the rest is cut anyway: no work on megabytes
    text = _SPACES.sub(" ", _CONTROL.sub(" ", _ESCAPES.sub(" ", text))).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
