"""A local emnify portal emulator: a real HTTP server that behaves like the real portal.

For tests and for ``desktop-authenticator --demo`` / ``desktop-authenticator portal-emulator``
(``python -m desktop_app.portal.emulator`` runs the same command line). Stdlib
``ThreadingHTTPServer`` in a background thread; all state in memory. It follows
../shared/specs/emnify-portal-api.md, section "How real accounts behave" first.

In-process API (stable; tests and the demo use it)::

    with EmulatorServer(account_kind="paid", outbox=tmp_path / "outbox.jsonl") as emu:
        emu.add_user("ann@example.com", "secret", application_token="app-tok")
        client = PortalClient(emu.url)
        client.login_with_password(...)            # -> {"mfa_token"}: a code was "e-mailed"
        code = emu.last_email_code("ann@example.com")   # or read_outbox(path)[-1]["code"]
        emu.app_token_may_manage_mfa = False       # app-token sessions may not manage MFA keys
        emu.advance_clock(241 * 60)                # expire the auth tokens
        emu.inject_fault("activate_key", "error", status=503)

* ``EmulatorServer(host="127.0.0.1", port=0, users=None, *, account_kind="paid", outbox=None,
  on_email=None, app_token_may_manage_mfa=True, empty_401_bodies=True,
  retry_after_header=False, ...)``; ``start()`` / ``stop()`` or ``with``; ``url``. The
  defaults are the real portal's behaviour; ``EmulatorServer(account_kind="trial",
  empty_401_bodies=False, retry_after_header=True)`` is the first version's emulator.
* Users: ``add_user(email, password, *, application_token=None, mfa_mandatory=False,
  account_kind=None)`` (``account_kind`` overrides the server's for this user);
  ``add_application_token(email, token=None, *, expires_in=None, workspace=None)``;
  ``add_workspace(email, name, *, workspace_id=None)``; ``add_active_key(email)``; ``keys()``,
  ``active_keys()``, ``devices()``, ``workspaces()``.
* "E-mails": every code sent is one :class:`EmulatorEmail` (``to``, ``code``, ``purpose``,
  ``sent_at``, ``valid_until``): kept in ``emu.emails``, appended as one JSON line to ``outbox``
  (a path) and passed to ``on_email`` (a callback, called from a server thread);
  ``last_email_code(email)``; :func:`read_outbox` reads an outbox file.

Account kinds (``account_kind``; ``--account-kind``), as real emnify accounts are:

* ``paid`` (default): **e-mail MFA is always on** and cannot be switched off. A password login
  answers ``{"mfa_token"}`` unless the device is trusted; without an active TOTP key a code is
  "e-mailed" (valid 20 minutes, 6 characters of upper-case letters and digits, at least one
  letter; checked case-insensitively, spaces and hyphens ignored). Adding and activating a TOTP
  key makes the authenticator app the method (the MFA step then wants the TOTP code and no e-mail
  is sent); deleting it falls back to e-mailed codes.
* ``trial``: no MFA at all until a TOTP key is activated (then TOTP, as above).
* ``enforced``: like ``paid``, and the organisation enforces MFA with an authenticator app: the
  emulator **refuses to delete the last active TOTP key** with ``403`` ``{"error_code": 1104,
  "error_token": "Forbidden", "message": "Multi-factor authentication is mandatory in your
  organisation: ..."}`` (the same refusal as a user with ``mfa_mandatory=True``). A pending key
  can still be deleted (cancelling an enrolment).

What it answers (paths of the spec):

* ``POST /api/v1/authenticate``: application token (-> ``{"auth_token"}`` only; tokens may
  expire); user credentials (password = lower-case hex SHA-1) -> ``{"auth_token",
  "refresh_token"}`` or ``{"mfa_token"}``; the MFA step ``{"mfa_token", "code",
  "trusted_device"?}`` (a trusted ``fingerprint`` skips the step for 90 days); refresh
  (-> ``{"auth_token"}``). Auth, refresh and MFA tokens are HS256 JWTs signed with a per-instance
  key; auth tokens live ``token_lifetime`` (240 min) with claims ``sub`` (e-mail), ``esc.org``,
  ``esc.orgName``, ``iat``, ``exp``, ``jti`` (no user-id claim: resolve the user by e-mail).
  MFA tokens live 20 min (e-mail) or 5 min (TOTP) and are reusable until the step succeeds.
* Failed logins (unknown user, wrong password, wrong code, bad or expired application token):
  **401 with an empty body** (``empty_401_bodies=False`` sends InvalidCredentials 1101 bodies).
  Lockout: the 3rd failure in a row locks the account for 5 minutes; that answer and every login
  while locked is 401 with a TooManyRequests (1105) body (the spec allows 401 or 429).
* Rate limits per client IP over ``rate_window`` (300 s): ``auth_rate_limit`` (100) on
  ``/authenticate``, ``overall_rate_limit`` (2000) on everything; over it 429 with a
  TooManyRequests (1105) body. **No ``Retry-After`` header** (none is documented);
  ``retry_after_header=True`` adds one to 429s and to lockout answers.
* ``POST /api/v1/authenticate/workspace`` ``{"target_organisation": {"id"}}`` -> ``{"auth_token"}``
  for that workspace (user-credential sessions only; an application-token session gets 403/1104;
  a workspace the user is not in 422/1401). ``GET /api/v2/user/{id|e-mail|my}/workspace`` lists
  ``[{"id", "name", "status": {"status": {"id"}}, "roles": [{"id", "name"}], "owner",
  "default_workspace"}]`` (the published shape); ``PUT
  /api/v2/user/{...}/default_organisation/{id}`` -> 200 ``{}``.
  Each user starts in one workspace ("<name>'s organisation").
* Two-factor keys: types ``[{"id": 0, "description": "Time-Based One-Time Password"}]``
  (``email_type_listed=True`` adds ``{"id": 1, "description": "E-Mail"}`` and lists the e-mail
  method as an entry of the user's ``mfa``); statuses ``[{"id": 0, "description": "Activation
  Pending"}, {"id": 1, "description": "Active"}]`` (ids configurable). One TOTP key per user
  (another create is 409). Activation ``PATCH /api/v1/user/mfa/{id}`` needs **both**
  ``status.id == 1`` and a string ``code`` at the top level; the code is checked with one step of
  drift. Trusted devices at ``/api/v1/user/{id|e-mail|my}/mfa/trusted_device`` and
  ``/api/v1/user/mfa/trusted_device`` (items ``{id, operating_system, browser,
  activation_date}``). ``GET /api/v1/user/{id|e-mail|my}`` -> ``{id, username, name, created,
  status, organisation, roles, mfa}``.
* Application-token sessions may create, activate and delete MFA keys unless
  ``app_token_may_manage_mfa`` is False: then 403 ``{"error_code": 1104, "error_token":
  "Forbidden", ...}``.
* **Readings of the spec's unsure points:** the ``POST /user/mfa`` password must be **SHA-1
  hashed** (``mfa_password_form="plain"`` or ``"either"`` switch this); the activation ``code`` is
  accepted **only at the top level** (the published OpenAPI); the e-mail method is **not** listed
  in ``mfa`` unless ``email_type_listed``.
* Request bodies with a ``null`` anywhere are refused: 400 ``{"error_code": 1403,
  "error_token": "InvalidFormat"}`` (the real API documents no nullable request field).
* Other errors use the documented bodies: 1102 1103 1104 1105 1201 1400 (wrong password / wrong
  code, with nested ``errors``) 1401 1402 1403, 409 (a key exists / already active), 400.
* A client that disconnects mid-request is no error: no traceback, nothing logged above DEBUG.

Test switches (methods, the control endpoint ``/_emulator/...`` or command-line flags):

* ``number_form="float"`` (``--number-form float``): every ``id`` in an answer is sent as a
  JSON float (``103.0``; the published schema types ids as ``number``, emnify's SDK models them
  as ``float``); ids in paths (``/user/mfa/103.0``) and request bodies are read either way.
* ``mfa_item_omit=("status", "type", "creation_date", "description")`` (``--mfa-item-omit``):
  those fields are left out of the user's ``mfa[]`` items (their schema is not published).
* ``wrong_code_status=400|422``: a wrong second-step code is answered as invalid input
  (1400) instead of 401; the lockout after the third is unchanged.
* ``last_headers[call]``: the request headers of the last call of each kind (lower-case names).
* Administrators: ``add_user(..., admin=False, colleague_of=EMAIL)`` adds an Observer to the
  default workspace of ``EMAIL``. Administrators reach other users of their workspace
  (``/user/{id|e-mail}``, their keys and trusted devices); application tokens
  (``/api/v1/application_token``) and security events (``/api/v1/user/{id}/event``,
  ``/api/v1/event``) are in :mod:`.admin` (``emu.admin.record(user, kind, text)`` adds one).

* ``inject_fault(call, kind, status=503, delay=1.0, times=1)``: ``kind`` is ``delay`` (sleep, then
  answer), ``error`` (answer ``status`` with an error body), ``drop`` (close the connection without
  answering, before handling), ``drop_after`` (handle the call, then close without answering).
  ``call`` is one of :data:`CALLS` or ``*``.
* ``advance_clock(seconds)`` / ``set_clock_offset(seconds)``: the emulator's own clock (tokens,
  TOTP, e-mailed codes, lockouts, rate windows, trusted devices) so tests never sleep.
* ``set_rate_limits(auth=, overall=, window=)``.
* ``observers``: callables given every answered API call as an :class:`Exchange` (from a server
  thread), e.g. to check every answer against the JSON schemas under tests/portal/schemas/.
* Control endpoint (no auth; **refused with 403 to any peer that is not loopback**, even when the
  server is bound wider, see :func:`control_allowed`): ``GET /_emulator/state``,
  ``GET /_emulator/outbox``, ``POST /_emulator/fault`` ``{"call", "kind", "status"?, "delay"?,
  "times"?}``, ``POST /_emulator/clear-faults``, ``POST /_emulator/clock`` ``{"advance"?: s,
  "offset"?: s}``, ``POST /_emulator/rate-limit`` ``{"auth"?, "overall"?, "window"?}``,
  ``POST /_emulator/settings`` ``{"app_token_may_manage_mfa"?: bool}``.
"""

from __future__ import annotations

from desktop_app.portal.emulator.cli import add_arguments, build_from_args, main, parse_fault, serve
from desktop_app.portal.emulator.model import (
    ACCOUNT_KINDS,
    EMAIL_CODE_LIFETIME,
    FAULT_KINDS,
    LOCK_SECONDS,
    MAX_FAILURES,
    MFA_TOKEN_LIFETIME,
    REFRESH_LIFETIME,
    TOKEN_LIFETIME,
    TRUST_LIFETIME,
    ApplicationToken,
    EmulatorDevice,
    EmulatorEmail,
    EmulatorKey,
    EmulatorUser,
    EmulatorWorkspace,
    Exchange,
    Fault,
    control_allowed,
    error_body,
    find_null,
    iso,
    read_outbox,
    sha1_hex,
)
from desktop_app.portal.emulator.server import CALLS, EmulatorServer

__all__ = [
    "ACCOUNT_KINDS",
    "CALLS",
    "EMAIL_CODE_LIFETIME",
    "FAULT_KINDS",
    "LOCK_SECONDS",
    "MAX_FAILURES",
    "MFA_TOKEN_LIFETIME",
    "REFRESH_LIFETIME",
    "TOKEN_LIFETIME",
    "TRUST_LIFETIME",
    "ApplicationToken",
    "EmulatorDevice",
    "EmulatorEmail",
    "EmulatorKey",
    "EmulatorServer",
    "EmulatorUser",
    "EmulatorWorkspace",
    "Exchange",
    "Fault",
    "add_arguments",
    "build_from_args",
    "control_allowed",
    "error_body",
    "find_null",
    "iso",
    "main",
    "parse_fault",
    "read_outbox",
    "serve",
    "sha1_hex",
]
