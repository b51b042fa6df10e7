"""Every way to add accounts: typed keys and links, image files, drops, the clipboard, the screen,
the camera and backups.

    adding = AddingController(port, services)   # port: what it may ask of the window
    adding.handle_texts(["otpauth://..."])    # decoded or pasted texts
    adding.handle_payloads(payloads)          # classified payloads (the camera delivers these)

All of them go the one way: texts -> ``intake.classify`` -> ``intake.Gatherer.gather``
(candidates, skipped entries, progress of a Google export spread over several codes) -> the one
candidate review (:class:`~desktop_app.ui.confirm_dialog.ConfirmDialog`) -> ``vault.add_many``.
Backups go through the import dialog (``importers.load``). Decoding runs in worker threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from desktop_app.errors import AppError, ScanError
from desktop_app.otp.model import Entry
from desktop_app.ui.controllers.port import WindowPort, open_vault, unavailable
from desktop_app.ui.file_dialogs import image_filter, open_files
from desktop_app.ui.i18n import core_text, sentence
from desktop_app.ui.images import qimage_to_array
from desktop_app.ui.workers import one_line, run_in_thread

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QWidget

    from desktop_app.app import AppServices
    from desktop_app.intake import Gatherer, Payload
    from desktop_app.otp.migration import SkippedEntry


log = logging.getLogger(__name__)


class AddingController(QObject):
    accounts_added = Signal(int)

    def __init__(
        self, port: WindowPort, services: AppServices, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.port = port
        self.services = services
        self._gatherer: Gatherer | None = None
        self.scan_window: QWidget | None = None

    # intake (and through it the otpauth and migration parsers) is loaded at the first key
    # added, not while the main window is built: ~10 ms less before the first code is shown.

    @property
    def gatherer(self) -> Gatherer:
        """Remembers the codes of a Google export across scans."""
        if self._gatherer is None:
            from desktop_app.intake import Gatherer

            self._gatherer = Gatherer()
        return self._gatherer

    # --- typed keys -------------------------------------------------------------------------

    def add_manually(self, link: str = "") -> None:
        from desktop_app.ui.add_dialog import AddDialog

        dialog = AddDialog(self.port.dialog_parent(), link=link)
        dialog.candidates_ready.connect(self._on_manual_candidates)
        self.port.open_dialog(dialog)

    def _on_manual_candidates(self, payload: object) -> None:
        from desktop_app.intake import Payload, PayloadKind, find_duplicates

        assert isinstance(payload, Payload)
        if payload.kind is PayloadKind.MIGRATION:
            QTimer.singleShot(0, lambda: self.handle_payloads([payload]))
            return
        entries = list(payload.entries)
        if find_duplicates(open_vault(self.services).entries(), entries):
            QTimer.singleShot(0, lambda: self.confirm(entries))
            return
        self.save_entries(entries)

    def save_entries(self, entries: Sequence[Entry]) -> int:
        from desktop_app.intake import with_pack_icons

        try:
            vault = open_vault(self.services)
            added = vault.add_many(with_pack_icons(entries, vault.data_dir))
        except AppError as exc:
            self.port.show_error(self.tr("The account could not be saved"), exc)
            return 0
        self._after_added(len(added), added[-1].uuid if added else None)
        return len(added)

    def _after_added(self, n: int, last_uuid: str | None) -> None:
        if n <= 0:
            return
        self.port.show_added(last_uuid)
        self.port.notice(
            self.tr("Account added") if n == 1 else self.tr("Added {n} accounts").format(n=n)
        )
        self.accounts_added.emit(n)

    # --- the one review ---------------------------------------------------------------------

    def confirm(
        self,
        candidates: Sequence[Entry],
        skipped: Sequence[SkippedEntry] = (),
        progress: str | None = None,
        on_added: Callable[[int], None] | None = None,
    ) -> None:
        from desktop_app.intake import with_pack_icons
        from desktop_app.ui.confirm_dialog import ConfirmDialog

        vault = open_vault(self.services)
        candidates = with_pack_icons(candidates, vault.data_dir)  # icon packs (issue 25)
        dialog = ConfirmDialog(
            self.port.dialog_parent(), vault, candidates, skipped, progress=progress
        )

        def finished(_result: int) -> None:
            n = dialog.added_count
            if on_added is not None:
                on_added(n)
            last = dialog.added_uuids[-1] if dialog.added_uuids else None
            self._after_added(n, last)

        dialog.finished.connect(finished)
        self.port.open_dialog(dialog)

    def handle_texts(self, texts: Sequence[str], *, nothing_found: str = "") -> None:
        if not texts:
            self.port.inform(
                self.tr("No QR code found"), nothing_found or self.tr("No QR code was found.")
            )
            return
        from desktop_app.intake import classify

        self.handle_payloads([classify(t) for t in texts])

    def handle_payloads(self, payloads: Sequence[Payload]) -> None:
        """Key payloads -> review -> vault.add_many; anything else is explained."""
        gathered = self.gatherer.gather(payloads)
        messages = [core_text(m) for m in gathered.messages]  # in the GUI's language
        progress = None
        waiting = gathered.incomplete
        if gathered.exports:
            export = (waiting or list(gathered.exports))[0]
            progress = core_text(export.text())
            if waiting:
                missing = ", ".join(str(i) for i in export.missing)
                progress += self.tr(" — scan code {missing} too, or add these now").format(
                    missing=missing
                )
                self.port.notice(
                    self.tr("Google Authenticator export: {progress}").format(
                        progress=core_text(export.text())
                    )
                )
        if not gathered:
            self.port.inform(
                self.tr("Nothing to add"),
                "\n".join(messages) or self.tr("No authenticator key found."),
            )
            return
        complete = bool(gathered.exports) and gathered.complete

        def on_added(n: int) -> None:
            if complete and n:
                self.gatherer.forget_complete()

        if messages:
            self.port.notice(messages[0])
        self.confirm(list(gathered.entries), list(gathered.skipped), progress, on_added)

    # --- images and drops -------------------------------------------------------------------

    def open_images(self) -> None:
        paths = open_files(
            self.port.dialog_parent(),
            self.services.settings,
            self.tr("Open QR Code Images"),
            image_filter(),
        )
        if paths:
            self.scan_files(paths)

    def handle_paths(self, paths: Sequence[str]) -> None:
        """Dropped (or pasted) files: images are scanned; anything else is imported."""
        from desktop_app.intake import split_paths as split_image_paths

        images, others = split_image_paths(paths)
        if images:
            self.scan_files(images)
        for path in others[:1]:
            from desktop_app.icons import looks_like_pack

            if looks_like_pack(path):  # an icon pack, not a backup (issue 25)
                self.offer_icon_pack(path)
            else:
                self.import_backup(path)

    def offer_icon_pack(self, path: str) -> None:
        """A dropped icon pack: ask, then install it (in a worker, as Settings → Icon packs)."""
        from desktop_app.icons import IconLibrary

        name = Path(path).name
        if not self.port.ask(
            self.tr("Install the icon pack?"),
            self.tr(
                "{name} is an icon pack, not a backup. Install it? New accounts then get the "
                "icon of their issuer, and the edit dialog offers its icons."
            ).format(name=name),
            self.tr("Install Icon Pack"),
        ):
            return
        self.port.notice(self.tr("Reading {what}…").format(what=name))
        library = IconLibrary.of(Path(self.services.paths.data_dir))
        run_in_thread(
            library.install_file,
            Path(path),
            on_done=lambda pack: self.port.notice(
                self.tr("Installed the icon pack {name} ({n} icons).").format(
                    name=pack.name, n=len(pack.icons)
                )
            ),
            on_error=lambda exc: self.port.inform(
                self.tr("The icon pack could not be installed"),
                one_line(exc, self.tr("The icon pack could not be read ({kind}).")),
                warning=True,
            ),
        )

    def scan_files(self, paths: Sequence[str]) -> None:
        what = (
            Path(paths[0]).name if len(paths) == 1 else self.tr("{n} images").format(n=len(paths))
        )
        self.port.notice(self.tr("Reading {what}…").format(what=what))
        run_in_thread(
            decode_files, list(paths), on_done=self._on_files_decoded, on_error=self._on_scan_error
        )

    def _on_files_decoded(self, result: tuple[list[str], list[str], list[str]]) -> None:
        texts, empty, errors = result
        if not texts:
            lines = [self.tr("No QR code was found in {name}.").format(name=n) for n in empty]
            self.port.inform(
                self.tr("No QR code found"),
                "\n".join(lines + [sentence(e) for e in errors])
                or self.tr("No QR code was found."),
            )
            return
        if errors or empty:
            self.port.notice(
                " ".join(
                    [sentence(e) for e in errors]
                    + [self.tr("No QR code was found in {name}.").format(name=n) for n in empty]
                )
            )
        self.handle_texts(texts)

    def _on_scan_error(self, exc: BaseException) -> None:
        if isinstance(exc, ImportError):
            self.port.inform(
                self.tr("Scanning is not available"), self.tr("The QR scanner is not installed.")
            )
        else:
            self.port.show_error(self.tr("The image could not be read"), exc)

    # --- clipboard --------------------------------------------------------------------------

    def paste(self) -> None:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is None:
            return
        if mime.hasImage():
            image = clipboard.image()
            if not image.isNull():
                self.scan_image(image)
                return
        if mime.hasUrls() and all(u.isLocalFile() for u in mime.urls()) and mime.urls():
            self.handle_paths([u.toLocalFile() for u in mime.urls()])
            return
        text = mime.text().strip()
        if not text:
            self.port.inform(
                self.tr("Nothing to paste"), self.tr("The clipboard holds no image or link.")
            )
            return
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        keyish = ("otpauth://", "otpauth-migration://")
        if len(lines) > 1 and all(ln.lower().startswith(keyish) for ln in lines):
            self.handle_texts(lines)
        else:
            self.handle_texts([text])

    def scan_image(self, image: QImage) -> None:
        array = qimage_to_array(image)  # composites transparency on white (screenshots)
        run_in_thread(
            decode_array, array, on_done=self._on_image_decoded, on_error=self._on_scan_error
        )

    def _on_image_decoded(self, texts: list[str]) -> None:
        self.handle_texts(texts, nothing_found=self.tr("No QR code was found in the pasted image."))

    # --- screen and camera ------------------------------------------------------------------

    def scan_screen(self) -> None:
        try:
            from desktop_app.ui.screen_scan import ScreenScanResult, start_screen_scan
        except ImportError:
            unavailable(self.port, self.tr("Screen scanning is not available in this build."))
            return

        def on_done(result: ScreenScanResult) -> None:  # decoded in a worker thread
            if result.cancelled:
                self.port.notice(result.message)
                return
            self.handle_texts(
                list(result.texts),
                nothing_found=result.message or self.tr("No QR code was found on the screen."),
            )

        start_screen_scan(self.port.dialog_parent(), on_done)

    def scan_camera(self) -> None:
        try:
            from desktop_app.ui.scan_window import ScanWindow
        except ImportError:
            unavailable(self.port, self.tr("Camera scanning is not available in this build."))
            return
        if self.scan_window is not None and self.scan_window.isVisible():
            self.scan_window.raise_()
            self.scan_window.activateWindow()
            return
        window = ScanWindow(self.port.dialog_parent(), self.services.camera_source)
        window.payloads_found.connect(self.handle_payloads)
        window.alternative_chosen.connect(self._camera_alternative)
        window.finished.connect(lambda _result: self._scan_window_closed(window))
        self.scan_window = window
        window.show()

    def _scan_window_closed(self, window: QWidget) -> None:
        """A closed scan window is deleted (its camera process has been told to end)."""
        if self.scan_window is window:
            self.scan_window = None
        window.deleteLater()

    def _camera_alternative(self, key: str) -> None:
        """The scan window found no camera and the person chose another way."""
        actions = {"image": self.open_images, "paste": self.paste, "screen": self.scan_screen}
        QTimer.singleShot(0, actions[key])

    # --- backups ----------------------------------------------------------------------------

    def import_backup(self, path: str | None = None) -> None:
        try:
            from desktop_app.ui.import_dialog import run_import
        except ImportError:
            unavailable(self.port, self.tr("Importing backups is not available in this build."))
            return
        count = run_import(self.port.dialog_parent(), self.services, Path(path) if path else None)
        self.port.reload()
        self.port.focus_list()
        if count:
            self.port.notice(
                self.tr("Imported 1 account")
                if count == 1
                else self.tr("Imported {n} accounts").format(n=count)
            )


# --- worker-thread functions (no Qt) --------------------------------------------------------


def decode_files(paths: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(texts of every QR found, names of files without a code, error lines)."""
    from desktop_app.scanning.decoders import decode_file  # OpenCV

    texts: list[str] = []
    empty: list[str] = []
    errors: list[str] = []
    for path in paths:
        name = Path(path).name
        try:
            found = decode_file(path)
        except ScanError as exc:
            errors.append(f"{name}: {exc}")
            continue
        if not found:
            empty.append(name)
        texts.extend(t for t in found if t not in texts)
    return texts, empty, errors


def decode_array(array: Any) -> list[str]:
    from desktop_app.scanning.decoders import decode  # OpenCV

    return decode(array)
