"""``python -m desktop_app.portal.emulator``."""

import sys

from desktop_app.portal.emulator.cli import main

sys.exit(main())
