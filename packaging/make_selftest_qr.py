"""Write ``desktop_app/data/selftest-qr.png``: the QR code the self-test decodes.

    .venv/bin/python packaging/make_selftest_qr.py

The URI (an otpauth link with an 80-bit test secret) is defined once, in
``desktop_app.selftest.SELFTEST_URI``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import segno

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.selftest import QR_IMAGE, SELFTEST_URI  # noqa: E402


def main() -> int:
    qr = segno.make_qr(SELFTEST_URI, error="m")
    QR_IMAGE.parent.mkdir(parents=True, exist_ok=True)
    qr.save(str(QR_IMAGE), kind="png", scale=4, border=4)
    print(
        f"wrote {QR_IMAGE.relative_to(ROOT)} (QR version {qr.version}, {QR_IMAGE.stat().st_size} bytes)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
