"""PyInstaller entry point: the same ``desktop_app.cli:main`` as the installed command.

No arguments start the window; ``--self-test`` checks the bundle; any subcommand runs the CLI.
"""

import multiprocessing
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a dependency spawns processes
    sys.exit(main())
