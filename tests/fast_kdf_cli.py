"""``python tests/fast_kdf_cli.py [--lock-wait=S] ARGS``: the command line with the tests' cheap
scrypt cost (and optionally a shorter wait for a busy vault)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import fast_kdf

fast_kdf.install()
if len(sys.argv) > 1 and sys.argv[1].startswith("--lock-wait="):
    from desktop_app.vault import lock

    lock.LOCK_WAIT_SECONDS = float(sys.argv.pop(1).split("=", 1)[1])

from desktop_app.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
