"""Desktop Authenticator: a two-factor authenticator with an emnify portal client."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("desktop-authenticator")
except _metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.1.0"

APP_NAME = "Desktop Authenticator"
APP_ID = "net.emnify.DesktopAuthenticator"
