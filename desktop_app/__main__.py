"""``python -m desktop_app``: same entry point as the ``desktop-authenticator`` command."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
