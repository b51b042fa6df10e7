"""The emulator's workspace calls: switch (``/authenticate/workspace``), list (v2, Administrators
only), set the default. It reaches the server only through its public methods and attributes."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from desktop_app.portal.emulator.model import (
    Reply,
    Session,
    error_body,
    path_id,
    validation,
    whole,
)

if TYPE_CHECKING:
    from desktop_app.portal.emulator.server import EmulatorServer

log = logging.getLogger("desktop_app.portal.emulator")


WORKSPACE_CALLS = ("switch_workspace", "workspaces", "set_default_workspace")


class WorkspaceApi:
    """See the module docstring."""

    def __init__(self, server: EmulatorServer) -> None:
        self.server = server

    def call_switch_workspace(self, s: Session, params: dict[str, str], body: Any) -> Any:
        if s.kind != "user":
            raise Reply(
                403,
                error_body(
                    1104,
                    "Forbidden",
                    "Switching workspaces needs a session signed in with user credentials",
                ),
            )
        if not isinstance(body, dict) or "target_organisation" not in body:
            raise validation(1402, "Required", "may not be null", "target_organisation")
        target = body["target_organisation"]
        target_id = whole(target.get("id")) if isinstance(target, dict) else None
        if target_id is None:
            raise validation(1403, "InvalidFormat", "must be an object with an id", "id")
        if target_id not in s.user.workspaces:
            raise validation(1401, "InvalidReference", "unknown workspace", "target_organisation")
        return {"auth_token": self.server.issue_auth_token(s.user, workspace=target_id)}

    def call_workspaces(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self.server.target_user(s, params.get("user", "my"))
        if not target.admin:
            # Only workspaces where the user is an Administrator are listed; none: 403.
            raise Reply(
                403, error_body(1104, "Forbidden", "Only administrators may list workspaces")
            )
        # The published item shape, including its odd nesting of ``status``.
        return [
            {
                "id": wid,
                "name": self.server.organisations[wid].name,
                "status": {"status": {"id": 1}},
                "roles": [{"id": 1, "name": "Administrator"}],
                "owner": i == 0,
                "default_workspace": wid == target.default_workspace,
            }
            for i, wid in enumerate(target.workspaces)
        ]

    def call_set_default_workspace(self, s: Session, params: dict[str, str], body: Any) -> Any:
        target = self.server.target_user(s, params.get("user", "my"))
        raw = params["org"]
        wid = path_id(raw)
        if wid is None or wid not in target.workspaces:
            raise Reply(404, error_body(1201, "NotFound", "Workspace not found"))
        target.default_workspace = wid
        return {}  # the published answer: 200 with an empty object
