"""Desktop Authenticator: a two-factor authenticator with an emnify portal client."""

# Kept equal to pyproject.toml's version by tests/test_version.py; a literal, because
# importlib.metadata costs ~25 ms of start-up.
__version__ = "0.1.0"

APP_NAME = "Desktop Authenticator"
APP_ID = "net.emnify.DesktopAuthenticator"
