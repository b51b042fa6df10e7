"""desktop_app/lazy.py: package re-exports loaded on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
import desktop_app.otp as otp
assert "pyotp" not in sys.modules and "desktop_app.otp.codes" not in sys.modules
assert "code_at" in dir(otp)
code_at = otp.code_at
assert "desktop_app.otp.codes" in sys.modules and otp.__dict__["code_at"] is code_at
import desktop_app.scanning as scanning
assert "cv2" not in sys.modules
print("ok")
"""


def test_names_load_their_submodule_on_first_use_only() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_an_unknown_name_is_an_attribute_error() -> None:
    import desktop_app.scanning as scanning

    with pytest.raises(AttributeError, match="no_such_name"):
        _ = scanning.no_such_name  # type: ignore[attr-defined]
