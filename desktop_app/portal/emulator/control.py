"""The emulator's control endpoint ``/_emulator/...`` (loopback peers only): state, outbox,
faults, clock, rate limits, settings. It reaches the server only through its public methods."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from desktop_app.portal.emulator.model import (
    control_allowed,
    error_body,
)

if TYPE_CHECKING:
    from desktop_app.portal.emulator.server import EmulatorServer

log = logging.getLogger("desktop_app.portal.emulator")


class ControlApi:
    """See the module docstring."""

    def __init__(self, server: EmulatorServer) -> None:
        self.server = server

    def control_request(self, method: str, action: str, body: Any, peer: str) -> tuple[int, Any]:
        """A call of the control endpoint from ``peer``: refused unless ``peer`` is loopback."""
        if not control_allowed(peer):
            log.warning("emulator: control endpoint refused to a non-loopback client")
            return 403, error_body(1104, "Forbidden", "The control endpoint is loopback only")
        return self.control(method, action, body)

    def control(self, method: str, action: str, body: Any) -> tuple[int, Any]:
        data = body if isinstance(body, dict) else {}
        try:
            if method == "GET" and action == "state":
                with self.server.lock:
                    return 200, {
                        "clock_offset": self.server.clock_offset,
                        "account_kind": self.server.account_kind,
                        "app_token_may_manage_mfa": self.server.app_token_may_manage_mfa,
                        "users": sorted(u.email for u in self.server.accounts.values()),
                        "faults": [vars(f) for f in self.server.faults],
                        "calls": dict(self.server.calls),
                        "emails_sent": len(self.server.emails),
                    }
            if method == "GET" and action == "outbox":
                with self.server.lock:
                    return 200, [m.as_json() for m in self.server.emails]
            if method == "POST" and action == "fault":
                self.server.inject_fault(
                    str(data.get("call", "*")),
                    str(data.get("kind", "error")),
                    status=int(data.get("status", 503)),
                    delay=float(data.get("delay", 1.0)),
                    times=int(data.get("times", 1)),
                )
                return 204, None
            if method == "POST" and action == "clear-faults":
                self.server.clear_faults()
                return 204, None
            if method == "POST" and action == "clock":
                if "offset" in data:
                    self.server.set_clock_offset(float(data["offset"]))
                if "advance" in data:
                    self.server.advance_clock(float(data["advance"]))
                return 200, {"clock_offset": self.server.clock_offset, "now": self.server.now()}
            if method == "POST" and action == "rate-limit":
                self.server.set_rate_limits(
                    auth=int(data["auth"]) if "auth" in data else None,
                    overall=int(data["overall"]) if "overall" in data else None,
                    window=float(data["window"]) if "window" in data else None,
                )
                return 204, None
            if method == "POST" and action == "settings":
                if "app_token_may_manage_mfa" in data:
                    value = data["app_token_may_manage_mfa"]
                    if not isinstance(value, bool):
                        raise ValueError("app_token_may_manage_mfa must be true or false")
                    with self.server.lock:
                        self.server.app_token_may_manage_mfa = value
                return 204, None
        except (TypeError, ValueError) as exc:
            return 400, {"message": str(exc)}
        return 404, {"message": "unknown control action"}
