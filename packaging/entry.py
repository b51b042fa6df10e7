"""PyInstaller entry point: the same ``desktop_app.cli:main`` as the installed command.

No arguments start the window; ``--self-test`` checks the bundle; any subcommand runs the CLI.
A process that multiprocessing started from the bundle (the camera process) runs what it was
started for in ``freeze_support()`` and exits there; other starts never import multiprocessing.
"""

import sys

from frozen_hooks import is_multiprocessing_child

if __name__ == "__main__":
    if is_multiprocessing_child(sys.argv):
        import multiprocessing

        multiprocessing.freeze_support()
    from desktop_app.cli import main

    sys.exit(main())
