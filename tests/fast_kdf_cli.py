"""``python tests/fast_kdf_cli.py ARGS``: the command line with the tests' cheap scrypt cost."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import fast_kdf

fast_kdf.install()

from desktop_app.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
