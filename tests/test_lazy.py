"""What a light import does not load: the vault's entry model without pyotp, the scanning
package and its OpenCV-free submodules without OpenCV."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import desktop_app.otp.model
assert "pyotp" not in sys.modules and "desktop_app.otp.codes" not in sys.modules
import desktop_app.scanning.frames
import desktop_app.scanning as scanning
assert scanning.IMAGE_SUFFIXES
assert "cv2" not in sys.modules and "desktop_app.scanning.decoders" not in sys.modules
from desktop_app.scanning.decoders import decode
assert "cv2" in sys.modules and callable(decode)
print("ok")
"""


def test_light_imports_load_no_heavy_module() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr
