"""Entry model helpers (desktop_app/otp/model.py)."""

from __future__ import annotations

import uuid

from desktop_app.otp.model import new_uuid


def test_new_uuid_is_a_random_rfc4122_version_4_uuid() -> None:
    made = [new_uuid() for _ in range(200)]
    assert len(set(made)) == 200
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text  # canonical lower-case 8-4-4-4-12 form
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
