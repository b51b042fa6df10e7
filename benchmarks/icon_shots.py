"""Render the icon-pack windows (issue 25) into PNGs, to look at.

    xvfb-run -a python benchmarks/icon_shots.py OUT_DIR

Light and dark, at 100 % and 200 % (QT_SCALE_FACTOR=2), English and German (child processes):
the icon picker (issuer matches first; a search), Settings → Icon packs (two packs, and a
refused pack's one line), the edit dialog's Icon row, and the main window's rows with icons.
A pack of 28 made-up logos is built on the fly (no network).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.screenshots import main_over_variants  # noqa: E402

LOGOS = [
    ("1Password", "#0572ec", "1P", "Security"),
    ("Amazon", "#232f3e", "a", "Shopping"),
    ("Amazon Web Services", "#ff9900", "aws", "Cloud"),
    ("Apple", "#555555", "", "Technology"),
    ("Battle.net", "#148eff", "B", "Gaming"),
    ("Bitwarden", "#175ddc", "B", "Security"),
    ("Cloudflare", "#f38020", "CF", "Cloud"),
    ("Discord", "#5865f2", "D", "Social"),
    ("Dropbox", "#0061ff", "D", "Cloud"),
    ("emnify", "#00c2a8", "e", "IoT"),
    ("Facebook", "#1877f2", "f", "Social"),
    ("GitHub", "#181717", "GH", "Development"),
    ("GitLab", "#fc6d26", "GL", "Development"),
    ("Google", "#4285f4", "G", "Services"),
    ("Google Cloud", "#34a853", "GC", "Cloud"),
    ("Mastodon", "#6364ff", "M", "Social"),
    ("Microsoft", "#737373", "MS", "Technology"),
    ("Nextcloud", "#0082c9", "N", "Cloud"),
    ("PayPal", "#003087", "P", "Finance"),
    ("Proton", "#6d4aff", "P", "Security"),
    ("Reddit", "#ff4500", "r", "Social"),
    ("Slack", "#4a154b", "S", "Communication"),
    ("Sparkasse", "#ff0000", "S", "Finance"),
    ("Steam", "#1b2838", "S", "Gaming"),
    ("Twitch", "#9146ff", "T", "Gaming"),
    ("Ubiquiti", "#0559c9", "U", "Technology"),
    ("Wikipedia", "#333333", "W", "Reference"),
    ("Zoom", "#0b5cff", "Z", "Communication"),
]


def logo_svg(color: str, letters: str) -> bytes:
    size = 22 if len(letters) <= 1 else 16 if len(letters) == 2 else 12
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">'
        f'<rect width="32" height="32" rx="7" fill="{color}"/>'
        f'<text x="16" y="{16 + size * 0.36:.1f}" font-family="sans-serif" font-weight="bold" '
        f'font-size="{size}" text-anchor="middle" fill="#ffffff">{letters}</text></svg>'
    ).encode()


def pack(uuid: str, name: str, logos: list[tuple[str, str, str, str]], version: int = 3) -> bytes:
    icons = [
        {"filename": f"SVG/{n}.svg", "name": n, "category": c, "issuer": [n.lower()]}
        for n, _col, _l, c in logos
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "pack.json",
            json.dumps({"uuid": uuid, "name": name, "version": version, "icons": icons}),
        )
        for n, col, letters, _c in logos:
            zf.writestr(f"SVG/{n}.svg", logo_svg(col, letters))
    return out.getvalue()


def _secret(seed: str) -> str:
    return base64.b32encode(hashlib.sha1(seed.encode()).digest()).decode().rstrip("=")


def render(out: Path, suffix: str, language: str) -> list[Path]:
    from desktop_app.vault import crypto

    cheap = crypto.ScryptCost(n=2**10, r=8, p=1)
    crypto.KDF_POLICY = crypto.KdfPolicy(write=cheap, accepted=frozenset({cheap}))
    from PySide6.QtWidgets import QWidget

    from desktop_app.app import AppServices
    from desktop_app.icons import IconLibrary
    from desktop_app.intake import with_pack_icons
    from desktop_app.otp.model import Entry
    from desktop_app.paths import AppPaths
    from desktop_app.settings import Settings
    from desktop_app.ui.application import build_window, create_app
    from desktop_app.ui.edit_dialog import EditDialog
    from desktop_app.ui.i18n import install_translations
    from desktop_app.ui.settings_dialog import ICON_PACKS_SECTION, SettingsDialog
    from desktop_app.ui.theme import apply_theme
    from desktop_app.vault import KeyStore, Vault

    app = create_app()
    install_translations(app, language)
    written: list[Path] = []

    def shot(widget: QWidget, name: str) -> None:
        widget.show()
        for _ in range(4):
            app.processEvents()
        path = out / f"{name}_{suffix}.png"
        widget.grab().save(str(path))
        written.append(path)

    for theme in ("light", "dark"):
        apply_theme(app, theme)
        folder = Path(tempfile.mkdtemp())
        paths = AppPaths.resolve(folder)
        paths.ensure()
        keystore = KeyStore.memory()
        svc = AppServices(paths=paths, settings=Settings(paths.config_dir), keystore=keystore)
        svc.vault = Vault.open(folder, keystore=keystore)
        library = IconLibrary.of(folder)
        library.install(pack("6d1a6a8b-0f4e-4f2b-9a57-3c0e8b2f1d11", "Aegis Icons", LOGOS))
        library.install(
            pack("0b3e0a5e-1111-4c1c-8a55-222222222222", "Company logos", LOGOS[9:12], 1)
        )
        entries = [
            Entry(_secret("gh"), "GitHub", "octocat@example.com"),
            Entry(_secret("go"), "Google", "jane.doe@gmail.com"),
            Entry(_secret("em"), "emnify", "ops-team@emnify.com", digits=8),
            Entry(_secret("ms"), "Microsoft", "jane.doe@outlook.com"),
            Entry(_secret("bn"), "Battle.net", "player#1234"),
            Entry(_secret("xx"), "Example Corp VPN", "jane"),
        ]
        svc.vault.add_many(with_pack_icons(entries, folder))
        win = build_window(svc)
        win.resize(560, 520)
        shot(win, f"main_{theme}_{language}")

        github = next(e for e in svc.vault.entries() if e.issuer == "GitHub")
        edit = EditDialog(win, svc.vault, github)
        shot(edit, f"edit_dialog_{theme}_{language}")
        picker = edit.icon_field.open_picker()
        shot(picker, f"picker_{theme}_{language}")
        picker.search.setText("goo")
        shot(picker, f"picker_search_{theme}_{language}")
        picker.reject()
        plain = next(e for e in svc.vault.entries() if e.issuer == "Example Corp VPN")
        edit2 = EditDialog(win, svc.vault, plain)
        shot(edit2, f"edit_dialog_none_{theme}_{language}")
        empty_picker = edit2.icon_field.open_picker()
        empty_picker.search.setText("nothing like this")
        shot(empty_picker, f"picker_nomatch_{theme}_{language}")
        empty_picker.reject()
        edit2.close()
        edit.close()

        settings = SettingsDialog(svc, win)
        settings.show_section(ICON_PACKS_SECTION)
        shot(settings, f"settings_icon_packs_{theme}_{language}")
        evil = folder / "evil.zip"
        bad = io.BytesIO()
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr(
                "pack.json",
                json.dumps(
                    {
                        "uuid": "11111111-2222-4333-8444-555555555555",
                        "name": "Evil",
                        "version": 1,
                        "icons": [{"filename": "../../x.svg", "issuer": ["x"]}],
                    }
                ),
            )
        evil.write_bytes(bad.getvalue())
        page = settings.icon_packs_page
        page.import_file(evil)
        for _ in range(200):
            app.processEvents()
            if not page.job.busy:
                break
            time.sleep(0.01)
        shot(settings, f"settings_icon_packs_refused_{theme}_{language}")
        settings.close()
        win.close()
        svc.close()
    return written


def main() -> int:
    return main_over_variants(__file__, __doc__ or "", render)


if __name__ == "__main__":
    raise SystemExit(main())
