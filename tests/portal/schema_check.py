"""Check emulator answers (and request bodies) against the JSON schemas in tests/portal/schemas/.

The schemas are written from the published emnify OpenAPI description and the shapes quoted in
../shared/specs/emnify-portal-api.md (see each file's ``$comment``). Each schema document
validates one exchange ``{"status": int, "body": ...}`` of one operation; its ``x-responses``
lists the documented statuses and ``x-request`` (when present) the request body.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from desktop_app.portal.emulator import CALLS, Exchange

SCHEMA_DIR = Path(__file__).parent / "schemas"

# emulator call name -> schema file (stem)
CALL_SCHEMAS = {
    "authenticate": "authenticate",
    "switch_workspace": "authenticate_workspace",
    "mfa_types": "mfa_types",
    "mfa_statuses": "mfa_statuses",
    "create_key": "create_key",
    "activate_key": "activate_key",
    "get_user": "get_user",
    "delete_key": "delete_key",
    "trusted_devices": "trusted_devices",
    "delete_trusted_device": "delete_trusted_device",
    "workspaces": "workspaces",
    "set_default_workspace": "set_default_workspace",
    "application_tokens": "application_tokens",
    "create_application_token": "create_application_token",
    "revoke_application_token": "revoke_application_token",
    "user_events": "user_events",
    "org_events": "org_events",
}
assert set(CALL_SCHEMAS) == set(CALLS), "every emulator call needs a schema"


def load_documents() -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(SCHEMA_DIR.glob("*.json"))}


class SchemaChecker:
    """An emulator observer: validates every answer, remembers what it saw and what failed."""

    def __init__(self) -> None:
        self.documents = load_documents()
        self.registry: Registry = Registry().with_resources(
            (doc["$id"], Resource.from_contents(doc)) for doc in self.documents.values()
        )
        self._validators = {
            stem: Draft202012Validator(doc, registry=self.registry)
            for stem, doc in self.documents.items()
        }
        self._request_validators = {
            stem: Draft202012Validator(
                {**doc["x-request"], "$id": doc["$id"] + "#request"}, registry=self.registry
            )
            for stem, doc in self.documents.items()
            if "x-request" in doc
        }
        self._lock = threading.Lock()
        self.seen: set[tuple[str, int]] = set()
        self.checked = 0
        self.violations: list[str] = []

    def response_problems(self, call: str, status: int, body: Any) -> list[str]:
        stem = CALL_SCHEMAS[call]
        documented = self.documents[stem]["x-responses"]
        if str(status) not in documented:
            return [f"{call}: HTTP {status} is not a documented answer ({sorted(documented)})"]
        error = best_match(self._validators[stem].iter_errors({"status": status, "body": body}))
        return (
            [] if error is None else [f"{call} HTTP {status}: {error.message} at {error.json_path}"]
        )

    def request_problems(self, call: str, body: Any) -> list[str]:
        validator = self._request_validators.get(CALL_SCHEMAS[call])
        if validator is None:
            return [] if body is None else [f"{call}: takes no request body"]
        error = best_match(validator.iter_errors(body))
        return [] if error is None else [f"{call} request: {error.message} at {error.json_path}"]

    def __call__(self, exchange: Exchange) -> None:
        if exchange.injected or exchange.call not in CALL_SCHEMAS:
            return
        problems = self.response_problems(exchange.call, exchange.status, exchange.response)
        with self._lock:
            self.checked += 1
            self.seen.add((exchange.call, exchange.status))
            self.violations.extend(problems)

    def check_all(self, exchanges: Iterable[Exchange]) -> None:
        for exchange in exchanges:
            self(exchange)
