"""``desktop-authenticator --demo``: a portal emulator on loopback with a demo user. No Qt.

The demo account is a ``paid`` one by default (as real emnify accounts are: codes come by
e-mail until an authenticator key is active). Its "e-mails" stay in the process: the UI shows
them in a small "demo inbox" notice::

    demo = start_demo(on_email=lambda mail: print(mail.to, mail.code))   # called off the GUI thread
    demo.subscribe(callback)          # more listeners, any time
    demo.last_code()                  # the latest e-mailed code, or None
    demo.inbox                        # every EmulatorEmail sent, oldest first

Listeners run in the emulator's server thread: a Qt listener must hand the message to the GUI
thread (a queued signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.portal.emulator import EmulatorEmail, EmulatorServer

DEMO_USER = "demo@example.com"
DEMO_PASSWORD = "demo-password"
DEMO_APPLICATION_TOKEN = "demo-application-token"

EmailListener = Callable[[EmulatorEmail], None]


@dataclass
class DemoPortal:
    url: str
    user: str
    password: str
    application_token: str
    server: EmulatorServer = field(repr=False)
    account_kind: str = "paid"
    _listeners: list[EmailListener] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def stop(self) -> None:
        self.server.stop()

    def credentials_text(self) -> str:
        return f"Demo portal {self.url} — e-mail {self.user}, password {self.password}"

    @property
    def inbox(self) -> list[EmulatorEmail]:
        """Every code the demo portal has "e-mailed", oldest first."""
        return list(self.server.emails)

    def last_code(self) -> str | None:
        return self.server.last_email_code(self.user)

    def subscribe(self, listener: EmailListener) -> Callable[[], None]:
        """Call ``listener`` for every e-mail sent from now on; returns an unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _deliver(self, mail: EmulatorEmail) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(mail)


def start_demo(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    account_kind: str = "paid",
    on_email: EmailListener | None = None,
    outbox: str | Path | None = None,
) -> DemoPortal:
    """Start an emulator in a background thread with the demo user; ``stop()`` ends it."""
    server = EmulatorServer(host, port, account_kind=account_kind, outbox=outbox)
    server.add_user(DEMO_USER, DEMO_PASSWORD, application_token=DEMO_APPLICATION_TOKEN)
    demo = DemoPortal(
        url="",
        user=DEMO_USER,
        password=DEMO_PASSWORD,
        application_token=DEMO_APPLICATION_TOKEN,
        server=server,
        account_kind=account_kind,
    )
    if on_email is not None:
        demo.subscribe(on_email)
    server.on_email = demo._deliver
    server.start()
    demo.url = server.url
    return demo
