"""``python -m desktop_app.portal.emulator``."""

import sys

from desktop_app.portal.emulator.cli import main

if __name__ == "__main__":
    sys.exit(main())
