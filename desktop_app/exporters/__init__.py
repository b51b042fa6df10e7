"""Exporters: every account back out, in formats other authenticators read.

One contract (:class:`~desktop_app.exporters.base.Exporter`, mirroring the importers'), one
class per format, one registry::

    from desktop_app.exporters.registry import exporter_by_name, write_export

    outcome = write_export("aegis", entries, Path("backup.json"), password)
    exporter_by_name("otpauth").data(entries)        # the bytes of a one-file format

Formats (``--format`` names):

* ``aegis`` -- encrypted Aegis vault (password chosen by the user; scrypt n=32768 r=8 p=1).
* ``aegis-plain`` -- unencrypted Aegis JSON. Secrets are readable.
* ``otpauth`` -- a text file with one ``otpauth://`` link per line. Secrets are readable.
* ``google-qr`` -- Google Authenticator migration QR codes as PNG files, about 10 accounts per
  code; entries the format cannot carry (Steam, 7 digits, periods other than 30 s ...) are left
  out and reported.

Files are written atomically with owner-only permissions. The contract is in :mod:`.base`, the
formats and their registry in :mod:`.registry`; import from those. Opening the vault starts the
automatic backups (:mod:`.autobackup`), which load no format until a backup is written.
"""
