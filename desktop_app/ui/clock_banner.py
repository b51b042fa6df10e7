"""The clock banner of the main window: says when the system clock is not synchronised, checks a
time server on request ("Check now", and once a day when the setting asks for it) and offers to
correct the codes of this app when the clock is more than 10 s off.

The system state (``NTPSynchronized``) is read at start and every hour, in a worker; so is the
time server. The correction is the ``clock_offset_ms`` setting, which the window's model adds to
its clock (:func:`desktop_app.clock.corrected_clock`); it is reset when the system clock is
synchronised again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop_app import clock
from desktop_app.settings import TIME_CHECK_DAILY, TIME_LAST_CHECK, TIME_SERVER, Settings
from desktop_app.ui.i18n import number
from desktop_app.ui.theme import banner_css, themed
from desktop_app.ui.workers import Job, one_line

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

HOUR_MS = 3600 * 1000
DAY_SECONDS = 24 * 3600


def _css() -> str:
    return banner_css().replace("#demo_banner", "#clock_banner")


class ClockBanner(QFrame):
    """The strip under the search field; hidden while there is nothing to say."""

    def __init__(
        self,
        parent: QWidget,
        settings: Settings,
        *,
        synchronised: Callable[[], bool | None] = clock.system_synchronised,
        query: Callable[[str], clock.SntpResult] = clock.query_offset,
        wall: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clock_banner")
        self.setAccessibleName(self.tr("Clock notice"))
        self.settings = settings
        self._synchronised = synchronised
        self._query = query
        self._wall = wall
        self.synced: bool | None = None
        self.measured: float | None = None  # the last offset a time server gave
        self._quiet = False  # the daily check says nothing when the clock is close enough

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.text = QLabel(self)
        self.text.setObjectName("clock_text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.text)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addStretch(1)
        self.check_button = self._button(self.tr("Check now"), lambda: self.check_now())
        self.correct_button = self._button(self.tr("Correct the codes in this app"), self.correct)
        self.stop_button = self._button(self.tr("Stop correcting"), self.stop_correcting)
        for button in (self.correct_button, self.stop_button, self.check_button):
            row.addWidget(button)
        column.addLayout(row)
        themed(self, _css)

        self._sync_job = Job(self)
        self._ntp_job = Job(self)
        self._ntp_job.busy_changed.connect(self._on_checking)
        self.timer = QTimer(self)  # every hour: is the system clock synchronised (again)?
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(self.refresh)
        self._show()

    def _button(self, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        button.setVisible(False)
        return button

    # --- the system state ------------------------------------------------------------------

    def start(self) -> None:
        """Read the system state now and then every hour."""
        self.timer.start()
        self.refresh()

    def refresh(self) -> None:
        self._sync_job.start(self._synchronised, on_done=self._on_synchronised)

    def _on_synchronised(self, synced: bool | None) -> None:
        self.synced = synced
        if synced and clock.correction(self.settings):
            self.settings.reset(clock.OFFSET_SETTING)  # the system clock is right again
        if synced:
            self.measured = None
        self._show()
        if self.settings.value(TIME_CHECK_DAILY) and (
            self._wall() - int(self.settings.value(TIME_LAST_CHECK)) >= DAY_SECONDS
        ):
            self.check_now(quiet=True)

    # --- the time server -------------------------------------------------------------------

    def check_now(self, *, quiet: bool = False) -> None:
        self._quiet = quiet
        server = str(self.settings.value(TIME_SERVER))
        self._ntp_job.start(
            self._query, server, on_done=self._on_offset, on_error=self._on_check_failed
        )

    def _on_checking(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)
        self.check_button.setText(self.tr("Checking…") if busy else self.tr("Check now"))

    def _on_offset(self, result: clock.SntpResult) -> None:
        self.settings.set(TIME_LAST_CHECK, int(self._wall()))
        self.measured = result.offset
        self._show(server=result.server)

    def _on_check_failed(self, exc: BaseException) -> None:
        self.measured = None
        self._show(error=one_line(exc, self.tr("The time server could not be asked ({kind}).")))

    # --- the correction --------------------------------------------------------------------

    def _correctable(self) -> bool:
        limit = clock.OFFSET_SETTING.maximum or 0
        return (
            self.measured is not None
            and clock.CORRECTION_THRESHOLD < abs(self.measured) <= limit / 1000
        )

    def correct(self) -> None:
        if self.measured is not None and self._correctable():
            self.settings.set(clock.OFFSET_SETTING, round(self.measured * 1000))
        self._show()

    def stop_correcting(self) -> None:
        self.settings.reset(clock.OFFSET_SETTING)
        self._show()

    # --- what the banner says --------------------------------------------------------------

    def _show(self, *, server: str = "", error: str = "") -> None:
        correction = clock.correction(self.settings)
        parts: list[str] = []
        if self.synced is False:
            parts.append(
                self.tr(
                    "<b>The clock of this computer is not synchronised</b> with a time server; "
                    "codes may be refused."
                )
            )
        close = self.measured is not None and abs(self.measured) <= clock.CORRECTION_THRESHOLD
        if error:
            parts.append(error)
        elif self.measured is not None and not (close and self._quiet and self.synced is not False):
            name = server or str(self.settings.value(TIME_SERVER))
            offset = number(abs(self.measured), 1)  # "2,5" in German (issue 24)
            if abs(self.measured) <= clock.CORRECTION_THRESHOLD:
                parts.append(
                    self.tr(
                        "According to {server}, the clock is {offset} s off: close enough."
                    ).format(server=name, offset=offset)
                )
            elif self.measured > 0:
                parts.append(
                    self.tr("According to {server}, the clock is {offset} s <b>behind</b>.").format(
                        server=name, offset=offset
                    )
                )
            else:
                parts.append(
                    self.tr("According to {server}, the clock is {offset} s <b>ahead</b>.").format(
                        server=name, offset=offset
                    )
                )
        if correction:
            parts.append(
                self.tr("Codes in this app are corrected by {offset} s.").format(
                    offset=f"{correction:+.1f}"
                )
            )
        self.text.setText(" ".join(parts))
        corrected = bool(correction)
        same = self.measured is not None and round(self.measured * 1000) == round(correction * 1000)
        self.check_button.setVisible(bool(parts))  # whenever there is something to say
        self.correct_button.setVisible(self._correctable() and not same)
        self.stop_button.setVisible(corrected)
        self.setVisible(bool(parts))
