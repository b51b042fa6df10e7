"""Turning two-factor authentication on and off for an emnify user, with the key in the vault.

The rule that matters: **the portal must never hold an active key that the vault lacks.** So:

1. create the key on the portal (status "activation pending"; the secret comes once, now);
2. ``vault.add`` an entry for it with ``meta["emnify.state"] = "pending"`` — a durable, fsynced
   save — *before* anything else; if that save fails, the pending key is deleted on the portal;
3. compute the current code and activate the key (refused? once more with the next time step);
4. mark the entry ``active``.

If anything fails after step 2 the entry stays ``pending`` and can be finished
(:meth:`EnrolmentService.activate`) or cancelled (:meth:`EnrolmentService.cancel_pending`).
Disabling deletes the key on the portal and marks the local entry ``inactive`` (kept, with an
offer to remove it). :meth:`EnrolmentService.status` reconciles the vault with the portal.

Entries carry ``emnify.state``, ``emnify.key_id``, ``emnify.user``, ``emnify.url`` and
``emnify.created`` in their ``meta``.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from desktop_app.errors import OtpError, VaultError
from desktop_app.intake import PayloadKind, classify
from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry, OtpType, normalize_secret
from desktop_app.portal.client import MfaKey, PortalClient
from desktop_app.portal.errors import (
    ConflictError,
    NotFoundError,
    PortalError,
    PortalProtocolError,
    WrongCodeError,
)
from desktop_app.vault import Vault

log = logging.getLogger(__name__)

META_STATE = "emnify.state"
META_KEY_ID = "emnify.key_id"
META_USER = "emnify.user"
META_URL = "emnify.url"
META_CREATED = "emnify.created"


class KeyState(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    INACTIVE = "inactive"


def _same_user(a: str, b: str) -> bool:
    return a.strip().lower() == b.strip().lower()


def _same_url(a: str, b: str) -> bool:
    return a.rstrip("/").lower() == b.rstrip("/").lower()


def find_emnify_entry(
    entries: Iterable[Entry],
    user: str,
    url: str | None = None,
    states: tuple[KeyState, ...] = (KeyState.ACTIVE, KeyState.PENDING),
) -> Entry | None:
    """The vault entry holding the emnify key of ``user``.

    First an entry whose ``emnify.user`` matches (case-insensitive) in one of ``states`` (active
    before pending; one of ``url`` before others); else one whose issuer contains "emnify" and
    whose account name is the e-mail address (added by hand or from a QR code).
    """
    entries = list(entries)
    tagged = [
        e
        for e in entries
        if _same_user(e.meta.get(META_USER, ""), user) and e.meta.get(META_STATE) in states
    ]

    def rank(e: Entry) -> tuple[int, int, float]:
        state_rank = states.index(KeyState(e.meta[META_STATE]))
        url_rank = 0 if url is None or _same_url(e.meta.get(META_URL, ""), url) else 1
        return (url_rank, state_rank, -e.created)

    if tagged:
        return sorted(tagged, key=rank)[0]
    for e in entries:
        if META_STATE in e.meta:
            continue
        if "emnify" in e.issuer.lower() and _same_user(e.name, user) and e.type is OtpType.TOTP:
            return e
    return None


def entries_of(vault: Vault, user: str, url: str) -> list[Entry]:
    """Entries enrolled by this app for ``user`` on ``url``."""
    return [
        e
        for e in vault.entries()
        if META_STATE in e.meta
        and _same_user(e.meta.get(META_USER, ""), user)
        and _same_url(e.meta.get(META_URL, url), url)
    ]


def code_for(entry: Entry, at: float | None = None, step_offset: int = 0) -> str:
    return code_at(entry, at, step_offset=step_offset)


@dataclass
class TwoFactorStatus:
    state: Literal["on", "off", "pending"]
    key_id: int | None = None
    created: str = ""
    local: Entry | None = None  # the vault entry of the key (active or pending)
    remote_keys: list[MfaKey] = field(default_factory=list)
    inactive_entries: list[Entry] = field(default_factory=list)  # offer to remove these

    @property
    def local_missing(self) -> bool:
        """2FA is on with a key this vault does not hold (set up elsewhere)."""
        return self.state == "on" and self.local is None

    def text(self) -> str:
        since = f", since {self.created[:10]}" if self.created else ""
        if self.state == "on":
            where = (
                "key in this app's vault"
                if self.local is not None
                else "key NOT in this app's vault — set up elsewhere"
            )
            return f"Two-factor authentication is on (key {self.key_id}{since}; {where})."
        if self.state == "pending":
            return (
                f"Two-factor activation is pending (key {self.key_id}{since}): finish the "
                "activation or cancel it."
            )
        return "Two-factor authentication is off."


class EnrolmentService:
    """Orchestrates 2FA for one signed-in user; used by the settings pane and the CLI."""

    def __init__(
        self,
        client: PortalClient,
        vault: Vault,
        user: str,
        url: str | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.vault = vault
        self.user = user
        self.url = url or client.base_url
        self.clock = clock

    # --- status ----------------------------------------------------------------------------

    def status(self) -> TwoFactorStatus:
        keys = self.client.mfa_keys(self.client.user_ref())
        active_id = self.client.active_status_id()
        by_id = {k.id: k for k in keys}
        local = entries_of(self.vault, self.user, self.url)
        for entry in local:  # reconcile the vault with what the portal says
            state = entry.meta.get(META_STATE)
            kid = _key_id(entry)
            key = by_id.get(kid) if kid is not None else None
            if state in (KeyState.PENDING, KeyState.ACTIVE) and key is None:
                self.vault.set_meta(entry.uuid, **{META_STATE: KeyState.INACTIVE.value})
            elif state == KeyState.PENDING and key is not None and key.is_active(active_id):
                self.vault.set_meta(entry.uuid, **{META_STATE: KeyState.ACTIVE.value})
        local = entries_of(self.vault, self.user, self.url)
        local_by_key = {
            _key_id(e): e
            for e in local
            if e.meta.get(META_STATE) in (KeyState.ACTIVE, KeyState.PENDING)
        }
        inactive = [e for e in local if e.meta.get(META_STATE) == KeyState.INACTIVE]
        for key in keys:
            if key.is_active(active_id):
                holder = local_by_key.get(key.id)
                if holder is None:
                    fallback = find_emnify_entry(self.vault.entries(), self.user, self.url)
                    if fallback is not None and META_STATE not in fallback.meta:
                        holder = fallback
                return TwoFactorStatus(
                    "on", key.id, key.creation_date, holder, keys, inactive_entries=inactive
                )
        for key in keys:
            if key.id in local_by_key:
                return TwoFactorStatus(
                    "pending",
                    key.id,
                    key.creation_date,
                    local_by_key[key.id],
                    keys,
                    inactive_entries=inactive,
                )
        return TwoFactorStatus("off", remote_keys=keys, inactive_entries=inactive)

    def pending_entry(self) -> Entry | None:
        for e in entries_of(self.vault, self.user, self.url):
            if e.meta.get(META_STATE) == KeyState.PENDING:
                return e
        return None

    # --- enabling --------------------------------------------------------------------------

    def _entry_from_key(self, key: MfaKey) -> Entry:
        entry: Entry | None = None
        if key.otpauth:
            payload = classify(key.otpauth)
            if payload.kind is PayloadKind.OTPAUTH and payload.entries:
                entry = payload.entries[0]
            else:
                log.warning("the portal's otpauth link is unusable; using secret_key")
        if entry is None:
            try:
                secret = normalize_secret(key.secret_key)
            except OtpError:
                raise PortalProtocolError("The portal sent an unusable secret key.") from None
            entry = Entry(secret=secret, issuer="emnify", name=self.user)
        if entry.type is not OtpType.TOTP:
            raise PortalProtocolError("The portal's key is not a time-based (TOTP) key.")
        return entry.with_changes(
            issuer=entry.issuer or "emnify",
            name=entry.name or self.user,
            meta={
                **entry.meta,
                META_STATE: KeyState.PENDING.value,
                META_KEY_ID: str(key.id),
                META_USER: self.user,
                META_URL: self.url,
                META_CREATED: key.creation_date or _iso_now(self.clock()),
            },
        )

    def create_key(self, password: str) -> Entry:
        """Create a key on the portal and store it in the vault, pending. Returns the entry."""
        try:
            key = self.client.create_mfa_key(password)
        except ConflictError as conflict:
            key = self._resolve_conflict(password, conflict)
        entry = self._entry_from_key(key)
        try:
            return self.vault.add(entry)
        except Exception:
            # The secret could not be kept: the key must never become active. Remove it.
            try:
                self.client.delete_mfa_key(key.id)
            except PortalError:
                log.warning("could not delete the unsaved pending key %s", key.id)
            raise

    def _resolve_conflict(self, password: str, conflict: ConflictError) -> MfaKey:
        keys = self.client.mfa_keys(self.client.user_ref())
        active_id = self.client.active_status_id()
        if any(k.is_active(active_id) for k in keys):
            raise ConflictError(
                "Two-factor authentication is already on for this account. Disable it first if "
                "this app should hold the key.",
                status=conflict.status,
                error_code=conflict.error_code,
                server_message=conflict.server_message,
            )
        pending_local = {_key_id(e) for e in entries_of(self.vault, self.user, self.url)}
        if any(k.id in pending_local for k in keys):
            raise ConflictError(
                "An activation is already pending: finish it or cancel it first.",
                status=conflict.status,
                server_message=conflict.server_message,
            )
        # Pending keys whose secret never reached this vault are useless: remove them, retry.
        for k in keys:
            with contextlib.suppress(NotFoundError):
                self.client.delete_mfa_key(k.id)
        return self.client.create_mfa_key(password)

    def activate(self, entry_uuid: str) -> Entry:
        """Activate the pending key of a vault entry; marks the entry active."""
        entry = self.vault.get(entry_uuid)
        key_id = _key_id(entry)
        if key_id is None:
            raise VaultError("This account has no emnify key id.")
        now = self.clock()
        try:
            try:
                self.client.activate_mfa_key(key_id, code_for(entry, now))
            except WrongCodeError:
                # Clock drift between this computer and the portal: try the next step once.
                self.client.activate_mfa_key(key_id, code_for(entry, now, step_offset=1))
        except WrongCodeError as exc:
            raise WrongCodeError(
                "The portal refused the code twice. Check that this computer's clock is right "
                "(within about 30 seconds; turn on automatic time), then choose 'Finish "
                "activation'. The key is kept in the vault, pending.",
                status=exc.status,
                error_code=exc.error_code,
                error_token=exc.error_token,
                server_message=exc.server_message,
                errors=exc.errors,
            ) from None
        except ConflictError:
            # Already active (an earlier answer was lost): fine if the portal says so.
            keys = {k.id: k for k in self.client.mfa_keys(self.client.user_ref())}
            key = keys.get(key_id)
            if key is None or not key.is_active(self.client.active_status_id()):
                raise
        except NotFoundError:
            self.vault.set_meta(entry_uuid, **{META_STATE: KeyState.INACTIVE.value})
            raise NotFoundError(
                "The portal no longer has this pending key; start again with 'Enable'."
            ) from None
        return self.vault.set_meta(entry_uuid, **{META_STATE: KeyState.ACTIVE.value})

    def enable(self, password: str) -> Entry:
        entry = self.create_key(password)
        return self.activate(entry.uuid)

    def cancel_pending(self, entry_uuid: str) -> None:
        """Delete the pending key on the portal, then its vault entry."""
        entry = self.vault.get(entry_uuid)
        key_id = _key_id(entry)
        if key_id is not None:
            with contextlib.suppress(NotFoundError):
                self.client.delete_mfa_key(key_id)
        self.vault.remove(entry_uuid)

    # --- disabling -------------------------------------------------------------------------

    def disable(self) -> list[Entry]:
        """Delete the active key(s) on the portal; mark their vault entries inactive (kept).
        Returns those entries (offer to remove them)."""
        keys = self.client.mfa_keys(self.client.user_ref())
        active_id = self.client.active_status_id()
        active = [k for k in keys if k.is_active(active_id)]
        if not active:
            raise NotFoundError("Two-factor authentication is already off.")
        marked: list[Entry] = []
        for key in active:
            self.client.delete_mfa_key(key.id)
            for e in entries_of(self.vault, self.user, self.url):
                if _key_id(e) == key.id and e.meta.get(META_STATE) != KeyState.INACTIVE:
                    marked.append(
                        self.vault.set_meta(e.uuid, **{META_STATE: KeyState.INACTIVE.value})
                    )
        if not marked:
            fallback = find_emnify_entry(self.vault.entries(), self.user, self.url)
            if fallback is not None and META_STATE not in fallback.meta:
                marked.append(
                    self.vault.set_meta(fallback.uuid, **{META_STATE: KeyState.INACTIVE.value})
                )
        return marked

    def remove_local(self, entry_uuid: str) -> None:
        self.vault.remove(entry_uuid)


def _key_id(entry: Entry) -> int | None:
    raw = entry.meta.get(META_KEY_ID, "")
    return int(raw) if raw.isdigit() else None


def _iso_now(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))
