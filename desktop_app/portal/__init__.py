"""emnify portal: API client, session/token store, 2FA enrolment, emulator and demo. No Qt.

* :mod:`~desktop_app.portal.client` — httpx client (``PortalClient``), typed errors in
  :mod:`~desktop_app.portal.errors`;
* :mod:`~desktop_app.portal.mfa` — the user's own two-factor keys and trusted devices
  (``MfaApi``); :mod:`~desktop_app.portal.admin` — an administrator's tools;
* :mod:`~desktop_app.portal.marks` — what a vault entry says of its emnify key (no network);
* :mod:`~desktop_app.portal.session` — refresh token and device fingerprint in the OS keyring;
* :mod:`~desktop_app.portal.enrolment` — enable / finish / cancel / disable 2FA with the vault;
* :mod:`~desktop_app.portal.account` — ``PortalAccount``, what the settings pane and CLI use;
* :mod:`~desktop_app.portal.emulator` — a local emulator of the portal; :mod:`.demo` — ``--demo``.
"""
