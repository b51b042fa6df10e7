"""``desktop-authenticator --demo``: a portal emulator on loopback with a demo user. No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.portal.emulator import EmulatorServer

DEMO_USER = "demo@example.com"
DEMO_PASSWORD = "demo-password"
DEMO_APPLICATION_TOKEN = "demo-application-token"


@dataclass
class DemoPortal:
    url: str
    user: str
    password: str
    application_token: str
    server: EmulatorServer = field(repr=False)

    def stop(self) -> None:
        self.server.stop()

    def credentials_text(self) -> str:
        return f"Demo portal {self.url} — e-mail {self.user}, password {self.password}"


def start_demo(host: str = "127.0.0.1", port: int = 0) -> DemoPortal:
    """Start an emulator in a background thread with the demo user; ``stop()`` ends it."""
    server = EmulatorServer(host, port)
    server.add_user(DEMO_USER, DEMO_PASSWORD, application_token=DEMO_APPLICATION_TOKEN)
    server.start()
    return DemoPortal(
        url=server.url,
        user=DEMO_USER,
        password=DEMO_PASSWORD,
        application_token=DEMO_APPLICATION_TOKEN,
        server=server,
    )
