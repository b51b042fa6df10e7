"""Render the review of new accounts (ui/candidate_review.py) into PNGs, to look at.

    xvfb-run -a python benchmarks/review_shots.py OUT_DIR

Light and dark, at 100 % and 200 % (QT_SCALE_FACTOR=2), English and German (child processes):
the add dialog's review of several accounts (a duplicate key, a name already saved with another
key, a name repeated in the list, long names, a group) and the import dialog's preview of a file
with the same accounts and skipped entries.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import _entries, _secret, _services, main_over_variants  # noqa: E402


def candidates():  # type: ignore[no-untyped-def]
    """Rows that use every status the review writes, with long names and a group."""
    from desktop_app.otp.model import Entry, OtpType

    saved = _entries()
    return [
        Entry(_secret("gh2"), "GitHub", "octocat@example.com"),  # same name, another key
        saved[1].with_changes(uuid="dup-1", issuer="Google (old phone)"),  # the same key
        Entry(_secret("d1"), "Dropbox", "jane@example.com", group="Work"),
        Entry(_secret("d2"), "Dropbox", "jane@example.com"),  # repeats the row above's name
        Entry(
            _secret("aws2"),
            "Amazon Web Services",
            "deploy-bot (prod-eu-central-1)",
            group="Infrastructure",
        ),
        Entry(_secret("hb"), "Hetzner", "billing", type=OtpType.HOTP, counter=3),
    ]


def skipped():  # type: ignore[no-untyped-def]
    """Entries an import leaves out, with the reasons the importer contract gives them (core
    messages: the German shot shows them translated)."""
    from desktop_app.importers.contract import Collector, make_entry, otp_type

    out = Collector()
    out.add("Legacy VPN", lambda: make_entry(secret=_secret("vpn"), issuer="VPN", algorithm="MD5"))
    out.add("Yandex: mail", lambda: otp_type("yandex"))
    list(out.objects([{}, 42], "Entry"))  # a list item that is not an account
    return out.skipped


def render(out: Path, suffix: str, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from desktop_app.importers.aegis import LABEL as AEGIS_LABEL
    from desktop_app.importers.contract import ImportResult
    from desktop_app.ui.application import create_app
    from desktop_app.ui.confirm_dialog import ConfirmDialog
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.import_dialog import ImportDialog
    from desktop_app.ui.theme import apply_theme

    app = create_app([sys.argv[0]])
    install_translations(app, language)
    saved: list[Path] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        for _ in range(4):
            QApplication.processEvents()
        path = out / f"{name}_{language}_{suffix}.png"
        widget.grab().save(str(path))
        saved.append(path)

    with tempfile.TemporaryDirectory() as folder:
        services = _services(Path(folder))
        assert services.vault is not None
        services.vault.add_many(_entries())
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            review = ConfirmDialog(None, services.vault, candidates())
            save(review, f"review_many_{theme}")
            review.close()
            dialog = ImportDialog(services)
            dialog.show_result(
                ImportResult(
                    entries=candidates(),
                    skipped=skipped(),
                    format_label=AEGIS_LABEL,
                )
            )
            save(dialog, f"import_preview_{theme}")
            dialog.close()
        services.close()
    return saved


def main() -> int:
    return main_over_variants(__file__, __doc__ or "", render)


if __name__ == "__main__":
    raise SystemExit(main())
