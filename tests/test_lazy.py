"""What a light import does not load: the vault's entry model without pyotp, the scanning
package's OpenCV-free submodules without OpenCV (its re-exports load on first use)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
import desktop_app.otp.model
assert "pyotp" not in sys.modules and "desktop_app.otp.codes" not in sys.modules
import desktop_app.scanning.frames
import desktop_app.scanning as scanning
assert "cv2" not in sys.modules and "desktop_app.scanning.decoders" not in sys.modules
assert "decode" in dir(scanning)
decode = scanning.decode
assert "cv2" in sys.modules and scanning.__dict__["decode"] is decode
print("ok")
"""


def test_light_imports_load_no_heavy_module() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_an_unknown_name_is_an_attribute_error() -> None:
    import desktop_app.scanning as scanning

    with pytest.raises(AttributeError, match="no_such_name"):
        _ = scanning.no_such_name  # type: ignore[attr-defined]
