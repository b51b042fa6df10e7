"""An image file holding QR codes (a screenshot of an account's code or of a Google export).

Decoded with :func:`desktop_app.scanning.decoders.decode` and then read like a text file of links, so a
dropped picture takes the same path into the vault as the camera.
"""

from __future__ import annotations

from desktop_app.errors import ImportFormatError, ScanError
from desktop_app.i18n import N_
from desktop_app.importers.contract import ImportResult, PlainImporter
from desktop_app.importers.readers import IMAGE_MAGIC
from desktop_app.importers.text import parse_lines

NAME = "image"
LABEL: str = N_("Image with QR codes")


class QrImageImporter(PlainImporter):
    name = NAME
    label = LABEL
    app = "Any app"
    export_hint = "A text file of otpauth:// links, or a picture of a QR code."

    def detect(self, data: bytes) -> bool:
        return data.startswith(IMAGE_MAGIC[:5])  # PNG, JPEG, GIF, BMP, WebP (RIFF)

    def parse(self, data: bytes, password: str | None) -> ImportResult:
        from desktop_app.scanning.decoders import decode
        from desktop_app.scanning.images import decode_image_bytes

        try:
            texts = decode(decode_image_bytes(data, "The image"))
        except ScanError as exc:
            raise ImportFormatError(str(exc)) from None
        if not texts:
            raise ImportFormatError(N_("No QR code was found in the image."))
        return parse_lines("\n".join(texts).encode("utf-8"), LABEL, NAME)
