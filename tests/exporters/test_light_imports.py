"""The automatic backups load the Aegis writer with the vault, at every start: the writer must
not pull in the importers (all 23 formats, ~75 ms) to share the Aegis key derivation."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import desktop_app.exporters.autobackup
import desktop_app.exporters.registry
assert "desktop_app.exporters.aegis" in sys.modules
leaked = sorted(m for m in sys.modules if m.startswith("desktop_app.importers"))
assert not leaked, leaked
print("ok")
"""


def test_the_aegis_writer_loads_no_importer() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_the_aegis_reader_and_writer_share_the_slot_key() -> None:
    from desktop_app.exporters.aegis import EXTRA_KEY, scrypt_key
    from desktop_app.importers import aegis

    assert aegis.EXTRA_KEY == EXTRA_KEY == "desktop_authenticator"
    salt = bytes(32)
    assert aegis.derive_key("pw", salt, 1024, 8, 1) == scrypt_key("pw", salt, 1024, 8, 1)
