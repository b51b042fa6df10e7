"""The webcam scan window: live preview, camera picker, a frame around detected codes.

    window = ScanWindow(parent, camera_source)     # camera_source: --camera-source or None
    window.payloads_found.connect(handle)           # list[desktop_app.intake.Payload], keys only
    window.show()

Capture, decoding and the camera listing run in the camera process of a
:class:`~desktop_app.ui.camera_worker.CameraScanner` (one per window; it ends when the window
closes, and with it all the memory the scan used); the GUI thread only paints previews and
gathers new texts (``desktop_app.intake.Gatherer``). As soon
as an authenticator key is read the camera is released, the window closes and
``payloads_found`` is emitted (the main window then asks for confirmation and saves). A Google
export spread over several codes is collected first ("2 of 3 scanned"); the payloads of all its
batches are emitted together. Codes that are not keys are explained in the window.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QPolygonF, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.intake import ExportProgress, Gatherer, Payload, classify
from desktop_app.scanning.frames import CameraInfo, SourceKind, parse_source
from desktop_app.ui.camera_worker import CameraScanner
from desktop_app.ui.geometry import fit_to_screen
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP, core_text

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QPaintEvent, QResizeEvent

    from desktop_app.scanning.camera_loop import Code

OVERLAY_HOLD_MS = 400  # how long the frame around a code stays after the code was last seen
NO_CAMERA_TEXT = QT_TRANSLATE_NOOP(
    "ScanWindow",
    "No camera was found. Connect a camera and reopen this window, or read the QR code another "
    "way:",
)
ALTERNATIVES = ("image", "paste", "screen")  # what ``alternative_chosen`` names


class CameraPreview(QWidget):
    """Paints the newest preview frame, letterboxed, with frames drawn around detected codes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Camera preview"))
        self.setAccessibleDescription(
            self.tr("Live picture from the camera; hold a QR code in view.")
        )
        self.setMinimumSize(QSize(480, 270))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # every pixel is painted here (picture and bars): Qt need not paint what lies under it
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.image: QImage | None = None
        self.frame_size = (0, 0)
        self.polygons: list[list[tuple[float, float]]] = []
        self.frames_shown = 0
        self.placeholder = self.tr("Starting the camera…")
        self._overlay_timer = QTimer(self)
        self._overlay_timer.setSingleShot(True)
        self._overlay_timer.timeout.connect(self.clear_overlay)

    def set_frame(self, image: QImage, frame_w: int, frame_h: int) -> None:
        self.image = image
        self.frame_size = (frame_w, frame_h)
        self.frames_shown += 1
        self.update()

    def set_detections(self, detections: list[Code], frame_w: int, frame_h: int) -> None:
        self.polygons = [list(d.points) for d in detections if len(d.points) >= 3]
        self.frame_size = (frame_w, frame_h)
        self._overlay_timer.start(OVERLAY_HOLD_MS)
        self.update()

    def clear_overlay(self) -> None:
        self.polygons = []
        self.update()

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.image = None
        self.polygons = []
        self.update()

    def _target(self) -> QRectF:
        assert self.image is not None
        iw, ih = self.image.width(), self.image.height()
        scale = min(self.width() / iw, self.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        background = QColor(20, 20, 20)
        if self.image is None or self.image.isNull():
            painter.fillRect(self.rect(), background)
            painter.setPen(QColor(230, 230, 230))
            painter.drawText(
                self.rect().adjusted(24, 24, -24, -24),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
            painter.end()
            return
        iw, ih = self.image.width(), self.image.height()
        width, height = self.width(), self.height()
        if (iw == width and ih <= height) or (ih == height and iw <= width):
            whole = QRect((width - iw) // 2, (height - ih) // 2, iw, ih)
            target = QRectF(whole)
        else:
            target = self._target()
            whole = QRect()
        if not whole.isEmpty():
            # the preview comes at the widget's size: one copy, and only the bars are filled
            # (30 times a second, the GUI thread's main cost during a scan)
            painter.drawImage(whole.topLeft(), self.image)
            for bar in (
                QRect(0, 0, width, whole.top()),  # above, below, left, right of the picture
                QRect(0, whole.bottom() + 1, width, height - whole.bottom() - 1),
                QRect(0, whole.top(), whole.left(), whole.height()),
                QRect(whole.right() + 1, whole.top(), width - whole.right() - 1, whole.height()),
            ):
                if not bar.isEmpty():
                    painter.fillRect(bar, background)
        else:
            painter.fillRect(self.rect(), background)
            painter.drawImage(target, self.image)
        fw, fh = self.frame_size
        if self.polygons and fw and fh:
            sx, sy = target.width() / fw, target.height() / fh
            pen = QPen(QColor(40, 220, 90), 4)
            painter.setPen(pen)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            for poly in self.polygons:
                points = [QPointF(target.x() + x * sx, target.y() + y * sy) for x, y in poly]
                painter.drawPolygon(QPolygonF(points))
        painter.end()


class ScanWindow(QDialog):
    """Scan QR codes with a camera (or a video file / image folder standing in for one)."""

    payloads_found = Signal(list)
    alternative_chosen = Signal(str)  # "image", "paste" or "screen": the window has closed

    def __init__(self, parent: QWidget | None = None, camera_source: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan QR Code with Camera"))
        self.setAccessibleName(self.tr("Scan QR code with camera"))
        self.setModal(False)
        fit_to_screen(self, 760, 580)
        self.camera_source = camera_source
        self.scanner: CameraScanner | None = None
        # the camera process starts first: its start-up (~200 ms: Python, OpenCV, the source)
        # then runs while the widgets below are built (its signals arrive once they exist)
        self._session()
        self.gatherer = Gatherer()  # collects the codes of a Google export spread over several
        self._seen: set[str] = set()
        self._delivered = False
        self._closing = False
        self._cameras_listed = False
        self._source_error = ""
        self._source_started = False

        self.picker = QComboBox(self)
        self.picker.setAccessibleName(self.tr("Camera"))
        self.picker.setToolTip(self.tr("Choose the camera to scan with"))
        self.picker.setMinimumContentsLength(28)
        picker_label = QLabel(self.tr("&Camera:"), self)
        picker_label.setBuddy(self.picker)
        self.preview = CameraPreview(self)
        self.status = QLabel(self.tr("Starting the camera…"), self)
        self.status.setAccessibleName(self.tr("Scan status"))
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QLabel("", self)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setVisible(False)
        self.progress.setStyleSheet("font-weight: bold;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.reject)

        top = QHBoxLayout()
        top.addWidget(picker_label)
        top.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self._build_alternatives())
        layout.addWidget(buttons)

        self._add_initial_source()
        self.picker.currentIndexChanged.connect(self._picker_changed)
        self._list_cameras()

    def _build_alternatives(self) -> QWidget:
        """Buttons for the other ways to read a QR code, shown when there is no camera."""
        box = QWidget(self)
        box.setObjectName("no_camera_alternatives")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.alternative_buttons: dict[str, QPushButton] = {}
        for key, text, description in (
            (
                "image",
                self.tr("Open QR Image…"),
                self.tr("Read the QR code from a saved picture or screenshot."),
            ),
            (
                "paste",
                self.tr("Paste QR Image or Link"),
                self.tr("Read a QR image or an otpauth:// link from the clipboard."),
            ),
            (
                "screen",
                self.tr("Scan QR Code on Screen"),
                self.tr("Find the QR code shown on your screen, for example on a website."),
            ),
        ):
            button = QPushButton(text, box)
            button.setObjectName(f"alternative_{key}")
            button.setAccessibleName(text.rstrip("…"))
            button.setAccessibleDescription(description)
            button.setToolTip(description)
            button.clicked.connect(lambda _c=False, k=key: self._choose_alternative(k))
            row.addWidget(button)
            self.alternative_buttons[key] = button
        row.addStretch(1)
        box.hide()
        self.alternatives = box
        return box

    def _choose_alternative(self, key: str) -> None:
        self.reject()
        self.alternative_chosen.emit(key)

    # --- sources ----------------------------------------------------------------------------

    def _add_initial_source(self) -> None:
        src = (self.camera_source or "").strip()
        if not src:
            return
        try:
            spec = parse_source(src)
        except Exception as exc:  # keep the reason on screen; the picker offers the cameras
            self._source_error = str(exc)
            self.picker.addItem(self.tr("Choose a camera…"), None)
            self.preview.set_placeholder(self.tr("No picture"))
            self._show_error(self._source_error)
            return
        self.picker.addItem(spec.label, src)
        self._start(src)

    def _session(self) -> CameraScanner:
        """The window's camera process (started on first use, ended when the window closes)."""
        if self.scanner is None:
            scanner = CameraScanner(loop=True, realtime=True)
            scanner.preview_ready.connect(self._on_preview)
            scanner.codes_found.connect(self._on_codes)
            # queued: a process that cannot be started says so at once, from __init__'s start
            scanner.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
            scanner.opened.connect(self._on_opened)
            scanner.ended.connect(self._on_ended)
            scanner.cameras_listed.connect(self._cameras_found)
            self.scanner = scanner
            # a window deleted without being closed must still release the camera
            self.destroyed.connect(lambda *_: scanner.stop(0))
            scanner.start()
        return self.scanner

    def _list_cameras(self) -> None:
        src = (self.camera_source or "").strip()
        in_use = {int(src)} if src.isdigit() else set()
        self._session().list_cameras(skip=in_use)

    def _cameras_found(self, cameras: list[CameraInfo]) -> None:
        self._cameras_listed = True
        if self._closing:
            return
        self.picker.blockSignals(True)
        existing = {self.picker.itemData(i) for i in range(self.picker.count())}
        for cam in cameras:
            if str(cam.index) not in existing:
                self.picker.addItem(cam.label, str(cam.index))
        self.picker.blockSignals(False)
        if self._source_started or self._source_error:
            return  # a source runs already, or the given one failed: the person picks
        if self.picker.count() == 0:
            self._stop_scanner()  # nothing to scan: the camera process is not kept
            self.picker.addItem(self.tr("No camera found"), None)
            self.picker.setEnabled(False)
            self.preview.set_placeholder(self.tr("No camera"))
            self._show_error(self.tr(NO_CAMERA_TEXT))
            self.alternatives.show()
            self.alternative_buttons["image"].setFocus()
            return
        self._picker_changed(self.picker.currentIndex())

    def _picker_changed(self, index: int) -> None:
        source = self.picker.itemData(index)
        if source is not None and not self._closing:
            self._start(str(source))

    def _start(self, source: str) -> None:
        spec = parse_source(source) if source else None
        is_file = spec is not None and spec.kind is not SourceKind.CAMERA
        self._source_started = True
        self.preview.set_placeholder(
            self.tr("Reading the video…") if is_file else self.tr("Starting the camera…")
        )
        self._set_status(self.tr("Starting…"))
        scanner = self._session()
        scanner.set_preview_size(*self._preview_pixels())
        scanner.open(source)

    def _stop_scanner(self) -> None:
        scanner, self.scanner = self.scanner, None
        if scanner is not None:
            for signal in (
                scanner.preview_ready,
                scanner.codes_found,
                scanner.failed,
                scanner.opened,
                scanner.ended,
                scanner.cameras_listed,
            ):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()
            scanner.stop(wait_ms=0)  # the process ends on its own; the GUI does not wait

    def _preview_pixels(self) -> tuple[int, int]:
        ratio = self.preview.devicePixelRatioF()
        return round(self.preview.width() * ratio), round(self.preview.height() * ratio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.scanner is not None:
            self.scanner.set_preview_size(*self._preview_pixels())

    # --- scanner signals --------------------------------------------------------------------

    def _on_opened(self, label: str) -> None:
        if not self.progress.isVisible():
            self._set_status(
                self.tr("{camera}: hold the QR code in front of the camera.").format(camera=label)
            )

    def _on_ended(self) -> None:
        """A video file (or image folder) read to its end without a key being found."""
        if self._delivered or self._closing:
            return
        self.preview.set_placeholder(self.tr("The video has ended"))
        self._set_status(
            self.tr(
                "The video has ended without an authenticator key. Choose another source or "
                "close this window."
            )
        )

    def _on_preview(self, image: QImage, frame_w: int, frame_h: int) -> None:
        self.preview.set_frame(image, frame_w, frame_h)
        if self.scanner is not None:
            self.scanner.preview_shown()

    def _on_failed(self, message: str, reason: str) -> None:
        placeholders = {
            "none": self.tr("No camera"),
            "denied": self.tr("Camera access denied"),
            "busy": self.tr("Camera busy"),
        }
        self.preview.set_placeholder(placeholders.get(reason, self.tr("No picture")))
        self._show_error(message)

    def _on_codes(self, detections: list[Code], frame_w: int, frame_h: int) -> None:
        if self._delivered:
            return
        self.preview.set_detections(detections, frame_w, frame_h)
        fresh = [d.text for d in detections if d.text not in self._seen]
        self._seen.update(fresh)
        if not fresh:
            return
        gathered = self.gatherer.gather(classify(t) for t in fresh)
        for message in gathered.messages:
            self._show_error(core_text(message))
        waiting = gathered.incomplete
        if waiting:
            export = waiting[0]
            missing = ", ".join(str(i) for i in export.missing)
            self.progress.setText(
                self.tr("Google Authenticator export: {progress}").format(
                    progress=core_text(export.text())
                )
            )
            self.progress.setVisible(True)
            self._set_status(
                self.tr("Now show code {missing} of the export.").format(missing=missing)
            )
        # Keys are delivered once nothing read is waiting for more codes of its export.
        ready = [p for p in gathered.keys if not self._waiting_for(p, waiting)]
        if ready:
            self._deliver(ready)

    @staticmethod
    def _waiting_for(payload: Payload, waiting: list[ExportProgress]) -> bool:
        batch = payload.batch
        return batch is not None and any(x.batch_id == batch.batch_id for x in waiting)

    def _deliver(self, keys: list[Payload]) -> None:
        self._delivered = True
        n = sum(len(p.entries) for p in keys)
        self._set_status(
            self.tr("Found 1 account.") if n == 1 else self.tr("Found {n} accounts.").format(n=n)
        )
        self._stop_scanner()
        self.accept()
        self.payloads_found.emit(keys)

    # --- status -----------------------------------------------------------------------------

    def _set_status(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _show_error(self, text: str) -> None:
        from desktop_app.ui.theme import error_css

        self.status.setStyleSheet(error_css())
        self.status.setText(text)

    # --- closing ----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._closing = True
        self._stop_scanner()
        self.preview.image = None  # the last preview frame is not kept while the window is hidden
        super().done(result)
