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

Only keys of the TOTP type are looked at or acted on (an e-mail entry in the user's ``mfa`` list
is never deleted). The password is proven with ``/authenticate`` before ``POST /user/mfa`` unless
the caller has just proven it (a sign-in), so a typo costs no key and is never sent as typed.

The vault is reached through a :data:`VaultSource`: an open :class:`Vault` (the GUI keeps it open)
or a callable that opens it for one step and closes it again (the CLI), so that no vault lock is
held while the portal is asked anything.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from desktop_app.errors import OtpError, VaultError
from desktop_app.i18n import N_
from desktop_app.intake import PayloadKind, classify, with_pack_icons
from desktop_app.otp.codes import code_at
from desktop_app.otp.model import Entry, OtpType, normalize_secret
from desktop_app.portal.client import MfaKey, PortalClient, whole_number
from desktop_app.portal.errors import (
    ActiveKeyExistsError,
    ConflictError,
    ForbiddenError,
    InvalidCredentialsError,
    KeyStateUnknownError,
    NotFoundError,
    PasswordRejectedError,
    PortalError,
    PortalProtocolError,
    WrongCodeError,
    is_enforced_refusal,
)
from desktop_app.portal.marks import STATE_KEY
from desktop_app.portal.mfa import MfaApi
from desktop_app.vault import Vault

log = logging.getLogger(__name__)

META_STATE = STATE_KEY
META_KEY_ID = "emnify.key_id"
META_USER = "emnify.user"
META_URL = "emnify.url"
META_CREATED = "emnify.created"


VaultSource = Vault | Callable[[], AbstractContextManager[Vault]]


def vault_session(source: VaultSource) -> AbstractContextManager[Vault]:
    """The vault for one step: an open vault as is, else opened now and closed after."""
    if isinstance(source, Vault):
        return contextlib.nullcontext(source)
    return source()


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


def active_key_entry(entries: Iterable[Entry], user: str, url: str) -> Entry | None:
    """The entry whose code may fill in the sign-in's second step: one this app enrolled for
    ``user`` on ``url`` and last saw ACTIVE on the portal. Never a pending, inactive or
    hand-added entry (that would waste one of the three attempts before a lockout)."""
    found = [
        e
        for e in entries
        if e.meta.get(META_STATE) == KeyState.ACTIVE
        and _same_user(e.meta.get(META_USER, ""), user)
        and _same_url(e.meta.get(META_URL, ""), url)
        and e.type is OtpType.TOTP
    ]
    return max(found, key=lambda e: e.created) if found else None


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


Method = Literal["app_here", "app_elsewhere", "pending", "key_unknown", "email", "none", "unknown"]


@dataclass(frozen=True)
class KeyView:
    """The TOTP-relevant keys of a user's ``mfa`` list, sorted by what may be done with them.

    ``unknown`` keys lack a type or a status (or carry a status id the status list does not
    name): they may be a phone's active key, so nothing is ever done to them."""

    active: list[MfaKey]
    pending: list[MfaKey]
    unknown: list[MfaKey]
    email_listed: bool


def sort_keys(mfa: MfaApi, all_keys: list[MfaKey]) -> KeyView:
    type_id = mfa.totp_type_id()
    active_id = mfa.active_status_id()
    known_status = {s.id for s in mfa.mfa_statuses()} | {active_id}
    active: list[MfaKey] = []
    pending: list[MfaKey] = []
    unknown: list[MfaKey] = []
    for key in all_keys:
        if key.type is not None and not key.is_type(type_id):
            continue  # e-mail codes or another kind: never acted on
        if key.type is None or key.status is None or key.status.id not in known_status:
            unknown.append(key)
        elif key.is_active(active_id):
            active.append(key)
        else:
            pending.append(key)
    return KeyView(active, pending, unknown, mfa.has_email_mfa_entry(all_keys))


@dataclass
class TwoFactorStatus:
    """What protects the account's sign-in, reconciled with the vault. ``state`` is the TOTP
    key's ("on" | "off" | "pending"); :attr:`method` says what a person needs to know."""

    state: Literal["on", "off", "pending", "unknown"]
    key_id: int | None = None
    created: str = ""
    local: Entry | None = None  # the vault entry of the key (active or pending)
    remote_keys: list[MfaKey] = field(default_factory=list)
    inactive_entries: list[Entry] = field(default_factory=list)  # offer to remove these
    email_codes: bool | None = None  # e-mail codes on the account: known yes/no, or unknown
    maybe_local: Entry | None = None  # a hand-added emnify entry that may hold a key set elsewhere

    @property
    def local_missing(self) -> bool:
        """2FA is on with a key this vault does not hold (set up elsewhere)."""
        return self.state == "on" and self.local is None

    @property
    def method(self) -> Method:
        if self.state == "on":
            return "app_here" if self.local is not None else "app_elsewhere"
        if self.state == "pending":
            return "pending"
        if self.state == "unknown":
            return "key_unknown"
        if self.email_codes is True:
            return "email"
        if self.email_codes is False:
            return "none"
        return "unknown"

    @property
    def since(self) -> str:
        """The key's creation day (YYYY-MM-DD), or empty."""
        return self.created[:10]

    def text(self) -> str:
        """One line for the CLI and the status card (no ids)."""
        since = f", since {self.since}" if self.since else ""
        method = self.method
        if method == "app_here":
            where = f"entry “{self.local.label}”" if self.local is not None else "this app"
            return f"Sign-in codes: authenticator app (this app's vault, {where}{since})."
        if method == "app_elsewhere":
            return (
                f"Sign-in codes: authenticator app set up elsewhere{since}; this app's vault "
                "does not hold its key."
            )
        if method == "pending":
            return (
                "Sign-in codes: authenticator app pending; the key is saved in this app but not "
                "activated yet: finish the activation or cancel it."
            )
        if method == "key_unknown":
            return (
                f"Sign-in codes: unknown; the portal lists a two-factor key{since} without "
                "saying whether it is active. Nothing is changed on it: check it in the emnify "
                "Portal."
            )
        if method == "email":
            return "Sign-in codes: by e-mail (can't be turned off on this account)."
        if method == "none":
            return "Sign-in codes: none; this account has no two-factor authentication."
        return (
            "Sign-in codes: no authenticator app (codes come by e-mail if the account uses them)."
        )


class EnrolmentService:
    """Orchestrates 2FA for one signed-in user; used by the settings pane and the CLI."""

    def __init__(
        self,
        client: PortalClient,
        vault: VaultSource,
        user: str,
        url: str | None = None,
        *,
        clock: Callable[[], float] = time.time,
        email_codes: bool | None = None,
        trusted_fingerprint: str | None = None,
        mfa: MfaApi | None = None,
    ) -> None:
        self.client = client
        self.mfa = mfa or MfaApi(client)  # the account's, so what it learnt is kept
        self.trusted_fingerprint = trusted_fingerprint
        self.vault = vault
        self.user = user
        self.url = url or client.base_url
        self.clock = clock
        self.email_codes = email_codes

    def _vault(self) -> AbstractContextManager[Vault]:
        return vault_session(self.vault)

    def _refused(self, exc: ForbiddenError) -> ForbiddenError:
        """A refusal to change keys, told as what the server said (its words are quoted, never
        replaced by a guess); without words, what may be the reason."""
        server = exc.server_message
        low = server.lower()
        if is_enforced_refusal(exc):
            text = (
                "Your organisation requires two-factor authentication with an authenticator "
                f"app, so the portal refused to remove the key. The portal said: {server}"
            )
        elif server and "application token" in low:
            text = (
                "The portal does not let an application-token session change two-factor "
                f"authentication; sign in with your e-mail address and password for this. The "
                f"portal said: {server}"
            )
        elif server:
            text = f"The portal refused this change. The portal said: {server}"
        elif self.client.session_kind == "app_token":
            text = (
                "The portal refused this change without saying why. It may not let an "
                "application-token session change two-factor authentication, or your "
                "organisation may require it."
            )
        else:
            text = (
                "The portal refused this change without saying why (your organisation may "
                "require two-factor authentication)."
            )
        return type(exc)(
            text,
            status=exc.status,
            error_code=exc.error_code,
            error_token=exc.error_token,
            server_message=server,
            errors=exc.errors,
        )

    # --- status ----------------------------------------------------------------------------

    def status(self) -> TwoFactorStatus:
        with self.client.operation():
            all_keys = self.mfa.mfa_keys(self.client.user_ref())
            view = sort_keys(self.mfa, all_keys)
        keys = view.active + view.pending + view.unknown
        email = True if view.email_listed else self.email_codes
        by_id = {k.id: k for k in keys}
        active_ids = {k.id for k in view.active}
        unknown_ids = {k.id for k in view.unknown}
        with self._vault() as vault:
            for entry in entries_of(vault, self.user, self.url):  # reconcile with the portal
                state = entry.meta.get(META_STATE)
                kid = _key_id(entry)
                if kid in unknown_ids:
                    continue  # the portal did not say: leave the entry as it is
                key = by_id.get(kid) if kid is not None else None
                if state in (KeyState.PENDING, KeyState.ACTIVE) and key is None:
                    vault.set_meta(entry.uuid, **{META_STATE: KeyState.INACTIVE.value})
                elif state == KeyState.PENDING and kid in active_ids:
                    vault.set_meta(entry.uuid, **{META_STATE: KeyState.ACTIVE.value})
                elif state == KeyState.ACTIVE and key is not None and kid not in active_ids:
                    vault.set_meta(entry.uuid, **{META_STATE: KeyState.PENDING.value})
            local = entries_of(vault, self.user, self.url)
            untagged = find_emnify_entry(vault.entries(), self.user, self.url, states=())
        local_by_key = {
            _key_id(e): e
            for e in local
            if e.meta.get(META_STATE) in (KeyState.ACTIVE, KeyState.PENDING)
        }
        inactive = [e for e in local if e.meta.get(META_STATE) == KeyState.INACTIVE]

        def made(
            state: Literal["on", "off", "pending", "unknown"],
            key: MfaKey | None = None,
            maybe_local: Entry | None = None,
        ) -> TwoFactorStatus:
            return TwoFactorStatus(
                state,
                key.id if key is not None else None,
                key.creation_date if key is not None else "",
                local_by_key.get(key.id) if key is not None else None,
                keys,
                inactive_entries=inactive,
                email_codes=email,
                maybe_local=maybe_local,
            )

        if view.active:
            return made("on", view.active[0], untagged)
        if view.unknown:
            return made("unknown", view.unknown[0])
        for key in view.pending:
            if key.id in local_by_key:
                return made("pending", key)
        return made("off")

    def pending_entry(self) -> Entry | None:
        with self._vault() as vault:
            for e in entries_of(vault, self.user, self.url):
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
                raise PortalProtocolError(N_("The portal sent an unusable secret key.")) from None
            entry = Entry(secret=secret, issuer="emnify", name=self.user)
        if entry.type is not OtpType.TOTP:
            raise PortalProtocolError(N_("The portal's key is not a time-based (TOTP) key."))
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

    def prove_password(self, password: str) -> None:
        """``/authenticate`` with the password: a typo is caught here (and never sent in plain
        text to ``/user/mfa``)."""
        try:
            self.client.verify_password(self.user, password, self.trusted_fingerprint)
        except InvalidCredentialsError as exc:
            raise PasswordRejectedError(
                N_("The password is wrong; nothing was changed."),
                **exc.details(),
            ) from None

    def create_key(
        self,
        password: str,
        *,
        password_proven: bool = False,
        replace_key_id: int | None = None,
    ) -> Entry:
        """Create a key on the portal and store it in the vault, pending. Returns the entry.
        Unless ``password_proven`` (a sign-in with it just succeeded) the password is proven
        with ``/authenticate`` first when that e-mails no code (:attr:`proof_sends_no_email`).

        An **active** key this vault does not hold is never deleted unasked: it raises
        :class:`ActiveKeyExistsError` (its ``key_id`` and ``created`` name it, its message is
        the question). Only when the person said yes, call again with ``replace_key_id`` set to
        that ``key_id``: that one key is then deleted and replaced. A key whose type or status
        the portal does not say raises :class:`KeyStateUnknownError` (nothing is deleted)."""
        with self.client.operation():
            if not password_proven and self.proof_sends_no_email:
                self.prove_password(password)
                password_proven = True
            try:
                if replace_key_id is not None:
                    key = self._resolve_conflict(password, None, replace_key_id, password_proven)
                else:
                    key = self.mfa.create_mfa_key(password, password_proven=password_proven)
            except ConflictError as conflict:
                if isinstance(conflict, ActiveKeyExistsError | KeyStateUnknownError):
                    raise
                key = self._resolve_conflict(password, conflict, replace_key_id, password_proven)
            except ForbiddenError as exc:
                raise self._refused(exc) from None
            except PasswordRejectedError as exc:
                raise PasswordRejectedError(
                    N_("The portal did not accept the password; nothing was changed."),
                    **exc.details(),
                ) from None
        entry = self._entry_from_key(key)
        try:
            with self._vault() as vault:
                # the icon packs' emnify logo, as every new account gets (issue 25)
                return vault.add(with_pack_icons([entry], vault.data_dir)[0])
        except Exception:
            # The secret could not be kept: the key must never become active. Remove it.
            try:
                with self.client.operation():
                    self.mfa.delete_mfa_key(key.id)
            except PortalError:
                log.warning("could not delete the unsaved pending key")
            raise

    @property
    def proof_sends_no_email(self) -> bool:
        """Whether proving the password with ``/authenticate`` is harmless: on an account with
        e-mail codes a sign-in from an untrusted device e-mails a code the person did not ask
        for. So the proof is made only with a trusted device's fingerprint, or on an account
        known to have no e-mail codes; otherwise the hashed password goes to ``/user/mfa``
        alone (a typo is then refused there, and never retried in plain text)."""
        return self.trusted_fingerprint is not None or self.email_codes is False

    def _resolve_conflict(
        self,
        password: str,
        conflict: ConflictError | None,
        replace_key_id: int | None,
        password_proven: bool = True,
    ) -> MfaKey:
        """After a 409 (or before replacing a confirmed key): only pending keys whose secret
        never reached this vault, and the one active key the person agreed to replace, are
        deleted; then the key is created again."""
        view = sort_keys(self.mfa, self.mfa.mfa_keys(self.client.user_ref()))
        status = conflict.status if conflict is not None else None
        server = conflict.server_message if conflict is not None else ""
        with self._vault() as vault:
            held = {
                _key_id(e)
                for e in entries_of(vault, self.user, self.url)
                if e.meta.get(META_STATE) in (KeyState.ACTIVE, KeyState.PENDING)
            }
        for k in view.unknown:
            raise KeyStateUnknownError(
                _unknown_key(k.creation_date),
                key_id=k.id,
                created=k.creation_date,
                status=status,
                server_message=server,
            )
        for k in view.active:
            if k.id in held:
                raise ConflictError(
                    N_("Two-factor authentication is already on with the key in this app's vault."),
                    status=status,
                    server_message=server,
                )
            if k.id != replace_key_id:
                raise ActiveKeyExistsError(
                    _active_elsewhere(k.creation_date),
                    key_id=k.id,
                    created=k.creation_date,
                    status=status,
                    error_code=conflict.error_code if conflict is not None else None,
                    server_message=server,
                )
        if any(k.id in held for k in view.pending):
            raise ConflictError(
                N_("An activation is already pending: finish it or cancel it first."),
                status=status,
                server_message=server,
            )
        # The confirmed active key, and pending TOTP keys whose secret never reached this
        # vault (useless): remove them, then create the key again.
        for k in view.active + view.pending:
            with contextlib.suppress(NotFoundError):
                self.mfa.delete_mfa_key(k.id)
        return self.mfa.create_mfa_key(password, password_proven=password_proven)

    def activate(self, entry_uuid: str) -> Entry:
        """Activate the pending key of a vault entry; marks the entry active."""
        with self._vault() as vault:
            entry = vault.get(entry_uuid)
        key_id = _key_id(entry)
        if key_id is None:
            raise VaultError(N_("This account has no emnify key id."))
        now = self.clock()
        first, second = code_for(entry, now), code_for(entry, now, step_offset=1)
        try:
            with self.client.operation():
                try:
                    self.mfa.activate_mfa_key(key_id, first)
                except WrongCodeError:
                    # Clock drift between this computer and the portal: the next step, once.
                    self.mfa.activate_mfa_key(key_id, second)
        except WrongCodeError as exc:
            raise WrongCodeError(
                N_(
                    "The portal refused the code twice. Check that this computer's clock is right "
                    "(within about 30 seconds; turn on automatic time), then choose 'Finish "
                    "activation'. The key is kept in the vault, pending."
                ),
                **exc.details(),
            ) from None
        except ConflictError:
            # Already active (an earlier answer was lost): fine if the portal says so.
            with self.client.operation():
                keys = {k.id: k for k in self.mfa.totp_keys(self.client.user_ref())}
                active = self.mfa.active_status_id()
            key = keys.get(key_id)
            if key is None or not key.is_active(active):
                raise
        except NotFoundError:
            with self._vault() as vault:
                vault.set_meta(entry_uuid, **{META_STATE: KeyState.INACTIVE.value})
            raise NotFoundError(
                N_("The portal no longer has this pending key; start again with 'Enable'.")
            ) from None
        with self._vault() as vault:
            return vault.set_meta(entry_uuid, **{META_STATE: KeyState.ACTIVE.value})

    def enable(self, password: str, *, password_proven: bool = False) -> Entry:
        entry = self.create_key(password, password_proven=password_proven)
        return self.activate(entry.uuid)

    def cancel_pending(self, entry_uuid: str) -> None:
        """Delete the pending key on the portal, then its vault entry."""
        with self._vault() as vault:
            entry = vault.get(entry_uuid)
        key_id = _key_id(entry)
        if key_id is not None:
            with self.client.operation(), contextlib.suppress(NotFoundError):
                self.mfa.delete_mfa_key(key_id)
        with self._vault() as vault:
            vault.remove(entry_uuid)

    # --- disabling -------------------------------------------------------------------------

    def disable(self, *, remove_local: bool = False) -> list[Entry]:
        """Delete the active TOTP key(s) on the portal; mark their vault entries inactive
        (kept), or remove them with ``remove_local``. Returns those entries."""
        with self.client.operation():
            view = sort_keys(self.mfa, self.mfa.mfa_keys(self.client.user_ref()))
            active = view.active
            if not active and view.unknown:
                k = view.unknown[0]
                raise KeyStateUnknownError(
                    _unknown_key(k.creation_date),
                    key_id=k.id,
                    created=k.creation_date,
                )
            if not active:
                raise NotFoundError(N_("No authenticator app is set up for this account."))
            for key in active:
                try:
                    self.mfa.delete_mfa_key(key.id)
                except ForbiddenError as exc:
                    raise self._refused(exc) from None
        deleted = {k.id for k in active}
        marked: list[Entry] = []
        with self._vault() as vault:
            for e in entries_of(vault, self.user, self.url):
                if _key_id(e) in deleted and e.meta.get(META_STATE) != KeyState.INACTIVE:
                    marked.append(vault.set_meta(e.uuid, **{META_STATE: KeyState.INACTIVE.value}))
            if remove_local and marked:
                vault.remove_many([e.uuid for e in marked])
        return marked

    def remove_local(self, entry_uuid: str) -> None:
        with self._vault() as vault:
            vault.remove(entry_uuid)


def _key_id(entry: Entry) -> int | None:
    """The portal key id kept in the entry ("103"; "103.0" from a portal that sent a float)."""
    raw = entry.meta.get(META_KEY_ID, "").strip()
    if raw.isdigit():
        return int(raw)
    try:
        return whole_number(float(raw))
    except ValueError:
        return None


def _unknown_key(created: str) -> str:
    """A key whose state the portal does not say, with the day it was set up when known."""
    if day := created[:10]:
        return N_(
            "The portal lists a two-factor key set up on {day} without saying whether it is "
            "active; nothing was changed. Check the key in the emnify Portal.",
            day=day,
        )
    return N_(
        "The portal lists a two-factor key without saying whether it is active; nothing was "
        "changed. Check the key in the emnify Portal."
    )


def _active_elsewhere(created: str) -> str:
    """The question before replacing an active key this vault does not hold."""
    if day := created[:10]:
        return N_(
            "An authenticator set up on {day} is active on this account; replacing it stops "
            "the codes of the phone or app that has it. Replace it?",
            day=day,
        )
    return N_(
        "An authenticator is active on this account; replacing it stops the codes of the "
        "phone or app that has it. Replace it?"
    )


def _iso_now(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))
