"""Builds the services once (paths, settings, keystore, vault) and hands them to the UI or CLI."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import logs
from desktop_app.otp.model import Entry, OtpType
from desktop_app.paths import AppPaths
from desktop_app.settings import PORTAL_URL, Settings
from desktop_app.vault import KeyStore, Vault
from desktop_app.vault.store import PasswordProvider

if TYPE_CHECKING:  # heavy or optional parts, imported only when used
    import argparse
    import tempfile

    from desktop_app.exporters.autobackup import AutoBackup
    from desktop_app.portal.demo import DemoPortal

log = logs.get_logger(__name__)
PASSWORD_ENV = "DESKTOP_AUTHENTICATOR_PASSWORD"  # for scripted use of a password-mode vault
#: how long a caller that cannot show a "waiting" notice (the GUI start, unlock) waits for the vault
QUIET_LOCK_WAIT = 2.0


class AppServices:
    """What the UI and the CLI share: built once by :func:`build_services`. (A plain class, not
    a dataclass: benchmarks/README.md, "Decisions".)"""

    def __init__(
        self,
        paths: AppPaths,
        settings: Settings,
        keystore: KeyStore,
        vault: Vault | None = None,  # None until unlocked (the GUI may unlock it interactively)
        portal_url: str | None = None,
        # A portal address typed in the emnify pane whose sign-in has not succeeded (yet):
        # shown again when Settings reopen, for this run only (a sign-in saves the one that
        # worked).
        portal_url_typed: str | None = None,
        camera_source: str | None = None,
        demo: bool = False,
        password_mode: bool = False,
        demo_info: DemoPortal | None = None,  # the portal emulator of --demo mode
        auto_backup: AutoBackup | None = None,  # automatic backups of the open vault
        cleanup: list[Callable[[], None]] | None = None,
    ) -> None:
        self.paths = paths
        self.settings = settings
        self.keystore = keystore
        self.vault = vault
        self.portal_url = portal_url
        self.portal_url_typed = portal_url_typed
        self.camera_source = camera_source
        self.demo = demo
        self.password_mode = password_mode
        self.demo_info = demo_info
        self.auto_backup = auto_backup
        self.cleanup: list[Callable[[], None]] = [] if cleanup is None else cleanup

    def stop_auto_backup(self) -> None:
        if self.auto_backup is not None:
            self.auto_backup.close()
            self.auto_backup = None

    def effective_portal_url(self) -> str:
        return self.portal_url or str(self.settings.value(PORTAL_URL))

    def close(self) -> None:
        self.stop_auto_backup()
        if self.vault is not None:
            self.vault.close()
            self.vault = None
        for fn in reversed(self.cleanup):
            try:
                fn()
            except Exception:
                log.exception("cleanup failed")
        self.cleanup.clear()


def setup_logging(paths: AppPaths, verbose: bool = False, *, on_first_line: bool = False) -> None:
    """Log to a rotating file in the log folder (:mod:`desktop_app.logfile`). Log lines never
    carry secrets. ``on_first_line``: set the file up only when a line is first logged through
    :func:`desktop_app.logs.get_logger` (a command whose code loads nothing that logs through
    :mod:`logging` directly; at once if it is loaded already)."""

    def install() -> None:
        from desktop_app.logfile import install_file_log

        install_file_log(paths, verbose)

    if on_first_line:
        logs.before_first_line(install)
    else:
        install()


def setup_command_logging(args: argparse.Namespace) -> None:
    """Logging for a command that opens no vault (``import --dry-run``, ``decode``): the same
    log file as every command, so nothing reaches the terminal but the command's own lines."""
    paths = AppPaths.resolve(getattr(args, "data_dir", None))
    paths.ensure()
    setup_logging(paths)


def terminal_password_provider() -> PasswordProvider:
    """Password from $DESKTOP_AUTHENTICATOR_PASSWORD, else asked on the terminal."""

    def provide(creating: bool) -> str | None:
        import getpass

        env = os.environ.get(PASSWORD_ENV)
        if env:
            return env
        if not sys.stdin or not sys.stdin.isatty():
            return None
        if creating:
            first = getpass.getpass("New vault password: ")
            if first != getpass.getpass("Repeat the password: "):
                print("The passwords differ.", file=sys.stderr)
                return None
            return first
        return getpass.getpass("Vault password: ")

    return provide


def build_services(
    args: argparse.Namespace,
    *,
    interactive: bool,
    password_provider: PasswordProvider | None = None,
    open_vault: bool = True,
    reads_only: bool = False,
) -> AppServices:
    """Resolve paths and settings; open the vault unless ``open_vault`` is False (the GUI opens
    it itself so that it can ask for a password in a dialog). ``reads_only``: a command that
    only reads the vault (``list``) -- nothing that acts on saves is attached to it (see
    :func:`open_vault_for`), and the log file is set up only if a line is logged
    (:func:`setup_logging`)."""
    demo = bool(getattr(args, "demo", False))
    data_dir = getattr(args, "data_dir", None)
    demo_dir: tempfile.TemporaryDirectory[str] | None = None
    if demo and not data_dir:
        # The demo never touches the person's real vault or keyring.
        import tempfile

        demo_dir = tempfile.TemporaryDirectory(prefix="desktop-authenticator-demo-")
        data_dir = demo_dir.name
    paths = AppPaths.resolve(data_dir)
    paths.ensure()
    setup_logging(paths, on_first_line=reads_only)
    services = AppServices(
        paths=paths,
        settings=Settings(paths.config_dir),
        keystore=KeyStore.memory() if demo_dir else KeyStore(),
        portal_url=getattr(args, "portal_url", None),
        camera_source=getattr(args, "camera_source", None),
        demo=demo,
        password_mode=bool(getattr(args, "password_mode", False)),
    )
    if demo_dir is not None:
        services.cleanup.append(demo_dir.cleanup)
    if demo:
        start_demo_portal(services)
    if open_vault and not interactive:
        services.vault = open_vault_for(
            services,
            password_provider or terminal_password_provider(),
            on_lock_wait=_tell_stderr,
            on_saves=not reads_only,
        )
    return services


def start_demo_portal(services: AppServices) -> None:
    """Start the emnify portal emulator in the background with a demo user (``--demo``)."""
    from desktop_app.portal.demo import start_demo

    demo = start_demo()
    services.demo_info = demo
    services.portal_url = demo.url
    services.cleanup.append(demo.stop)
    log.info("demo portal emulator at %s", demo.url)


def _tell_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def open_vault_for(
    services: AppServices,
    password_provider: PasswordProvider,
    *,
    on_lock_wait: Callable[[str], None] | None = None,
    on_saves: bool = True,
) -> Vault:
    """Open the vault and attach what acts on its saves (automatic backups, the sync folder's
    writer) unless ``on_saves`` is False (a command that only reads). When another process
    holds the vault, this waits for it: the full wait (``LOCK_WAIT_SECONDS``) when
    ``on_lock_wait`` can tell the person that it waits, else only :data:`QUIET_LOCK_WAIT`
    seconds (enough for a command's save; another window keeps the vault for good)."""
    vault = Vault.open(
        Path(services.paths.data_dir),
        keystore=services.keystore,
        password_provider=password_provider,
        prefer="password" if services.password_mode else "auto",
        lock_wait=None if on_lock_wait is not None else QUIET_LOCK_WAIT,
        on_lock_wait=on_lock_wait,
    )
    if vault.notice and on_lock_wait is not None:  # the window shows it itself
        on_lock_wait(vault.notice)
    services.stop_auto_backup()
    if on_saves:
        from desktop_app.exporters.autobackup import AutoBackup
        from desktop_app.sync import is_synced

        services.auto_backup = AutoBackup(vault, services.settings, services.keystore).install()
        if is_synced(services.paths.data_dir):  # every save also writes the sync folder
            from desktop_app.sync.service import attach

            attach(vault, Path(services.paths.data_dir), services.keystore)
    if services.demo and len(vault) == 0:
        vault.add_many(demo_entries())
    return vault


def demo_entries() -> list[Entry]:
    """A few made-up accounts so that the demo shows rolling codes (random secrets)."""
    import base64
    import secrets

    def secret() -> str:
        return base64.b32encode(secrets.token_bytes(20)).decode("ascii").rstrip("=")

    return [
        Entry(secret=secret(), issuer="GitHub", name="octocat@example.com"),
        Entry(secret=secret(), issuer="Example Bank", name="card 1234", digits=8),
        Entry(secret=secret(), issuer="Steam", name="gamer", type=OtpType.STEAM, digits=5),
    ]


# --- is there a display? (before the QApplication: Qt aborts with a message about a library) ---

#: the libraries Qt's X11 platform plugin loads (Qt 6.5+ refuses to start without xcb-cursor)
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
)
_NO_WINDOW_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """What keeps the window from opening, in one line with how to fix it; None when a display
    is reachable (or the platform is not X11/Wayland: Qt decides there). Checked without Qt:
    the variables, the Wayland socket, a connection to the X server, the X11 libraries."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip().lower()
    if platform in _NO_WINDOW_PLATFORMS or platform not in ("", "xcb", "wayland"):
        return None  # another platform was chosen on purpose
    wayland = env.get("WAYLAND_DISPLAY", "")
    x11 = env.get("DISPLAY", "")
    if not wayland and not x11:
        return (
            "No display: neither DISPLAY nor WAYLAND_DISPLAY is set. Start the app from a "
            "desktop session (or over ssh -X); the commands work without one, see --help."
        )
    if wayland and platform != "xcb" and _wayland_reachable(wayland, env):
        return None
    if not x11:
        return (
            f"The Wayland display {wayland!r} cannot be reached (no socket). Start the app "
            "from your desktop session, or set DISPLAY for an X server."
        )
    if not _x11_reachable(x11):
        return (
            f"The X server of DISPLAY={x11} cannot be reached. Check that it runs and that "
            "DISPLAY is right (start the app from your desktop session)."
        )
    missing = [package for soname, package in XCB_LIBRARIES if not _loadable(soname)]
    if missing:
        return (
            "Qt needs X11 libraries that are not installed. Install them, e.g.: "
            f"sudo apt install {' '.join(missing)}"
        )
    return None


def _wayland_reachable(name: str, env: dict[str, str] | os._Environ[str]) -> bool:
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if not os.path.isabs(name) and not runtime:
        return False
    return (Path(name) if os.path.isabs(name) else Path(runtime) / name).exists()


def _x11_reachable(display: str) -> bool:
    """Whether the X server of ``display`` ("[host]:N[.S]") accepts a connection."""
    import socket

    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    if not number.isdigit():
        return False
    if host.startswith("/"):  # a launchd-style socket path (macOS XQuartz)
        return os.path.exists(host + ":" + rest)
    timeout = 2.0
    try:
        if host in ("", "unix"):
            path = f"/tmp/.X11-unix/X{number}"
            for address in (path, "\0" + path):  # the file, then Linux's abstract socket
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
                    sock.settimeout(timeout)
                    try:
                        sock.connect(address)
                    except OSError:
                        continue
                    return True
            return False
        with socket.create_connection((host, 6000 + int(number)), timeout=timeout):
            return True
    except OSError:
        return False


def _loadable(soname: str) -> bool:
    """The shared library can be loaded (by soname, or from the bundle's own folders)."""
    import ctypes

    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        pass
    bundle = getattr(sys, "_MEIPASS", None)
    roots = [Path(bundle) if bundle else Path(sys.executable).parent]
    roots += [Path(p) for p in sys.path if p.endswith("site-packages")]
    for root in roots:
        for candidate in (root / soname, root / "PySide6" / "Qt" / "lib" / soname):
            if candidate.exists():
                return True
    return False
