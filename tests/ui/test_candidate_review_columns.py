"""The review of new accounts: what each row's Kind says, and every column readable (nothing cut
off or hidden past the edge) in English and German, at 100 % and 200 %."""

from __future__ import annotations

import pytest

from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.candidate_review import describe, describe_short
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
