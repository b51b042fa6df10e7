"""The account's icon in the edit dialog: shown, picked from the icon packs or a file, removed.

    field = IconField.add_row(form, entry, vault.data_dir, issuer_edit, dialog)
    field.icon                      # the Icon to save (None: the letter avatar)

"Choose…" opens :class:`IconPickerDialog`: a searchable grid of every icon of the installed packs
(:class:`~desktop_app.icons.IconLibrary`), those matching the issuer first, and "From File…"
(an SVG is kept only as :func:`~desktop_app.icons.svg.sanitise_svg` rewrote it; PNG and JPEG
up to 256 KB). The picture is copied into the account, so it lives in the encrypted vault.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.icons import IconLibrary, IconPackError, PackIcon
from desktop_app.icons.packs import icon_from_file, suggest
from desktop_app.otp.model import Entry, Icon
from desktop_app.ui.account_delegate import icon_image
from desktop_app.ui.i18n import core_text
from desktop_app.ui.theme import error_css, themed

if TYPE_CHECKING:
    from PySide6.QtWidgets import (
        QFormLayout,
    )

PREVIEW = 32  # the edit dialog's preview
CELL = 40  # a picture in the grid
ITEM = QSize(CELL + 68, CELL + 40)  # a picture and two lines of its name
_Index = QModelIndex | QPersistentModelIndex


def icon_pixmap(icon: Icon, size: int, dpr: float = 1.0) -> QPixmap | None:
    """The picture scaled into ``size``×``size`` (keeping its shape), or None."""
    image = icon_image(icon)
    if image is None or image.isNull():
        return None
    side = max(1, round(size * dpr))
    scaled = image.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(dpr)
    return pixmap


def untinted(pixmap: QPixmap) -> QIcon:
    """An icon that looks the same when its row is selected (Qt tints it otherwise)."""
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)
    return icon


def choose_file(parent: QWidget) -> str:
    """The picture file the person chose ("" when cancelled)."""
    title = QCoreApplication.translate("IconField", "Choose an Icon")
    pictures = QCoreApplication.translate("IconField", "Pictures (*.svg *.png *.jpg *.jpeg)")
    name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), pictures)
    return str(name)


class PackIconModel(QAbstractListModel):
    """The icons shown in the grid; pictures are drawn when a row is first shown."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.icons: list[PackIcon] = []
        self._pixmaps: dict[Path, QPixmap | None] = {}
        self.dpr = 1.0

    def show(self, icons: list[PackIcon]) -> None:
        self.beginResetModel()
        self.icons = icons
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.icons)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.icons):
            return None
        item = self.icons[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return item.name
        if role == Qt.ItemDataRole.SizeHintRole:  # every cell alike: names get the width
            return ITEM
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.name} — {item.category}" if item.category else item.name
        if role == Qt.ItemDataRole.DecorationRole:
            if item.path not in self._pixmaps:
                picture = item.load()
                self._pixmaps[item.path] = (
                    icon_pixmap(picture, CELL, self.dpr) if picture is not None else None
                )
            pixmap = self._pixmaps[item.path]
            return untinted(pixmap) if pixmap is not None else None
        return None


def ranked(icons: list[PackIcon], issuer: str, text: str) -> tuple[list[PackIcon], int]:
    """(every icon, those matching ``issuer`` first; how many match it), only those whose name,
    issuer or category contains ``text`` when it is given."""
    suggested = suggest(icons, issuer)
    chosen = set(map(id, suggested))
    ordered = suggested + [i for i in icons if id(i) not in chosen]
    wanted = text.strip().lower()
    if not wanted:
        return ordered, len(suggested)

    def hit(icon: PackIcon) -> bool:
        fields = (icon.name, icon.category, *icon.issuers)
        return any(wanted in f.lower() for f in fields)

    return [i for i in ordered if hit(i)], len(suggested)


class IconPickerDialog(QDialog):
    """Pick an icon from the installed packs, or from a file. ``chosen`` holds the result."""

    def __init__(self, parent: QWidget | None, library: IconLibrary, issuer: str) -> None:
        super().__init__(parent)
        self.setObjectName("IconPickerDialog")
        self.setWindowTitle(self.tr("Choose an Icon"))
        self.library = library
        self.issuer = issuer
        self.chosen: Icon | None = None
        self.icons = library.icons()  # read once; the search filters these
        lay = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("icon_search")
        self.search.setPlaceholderText(self.tr("Search icons by name or issuer"))
        self.search.setAccessibleName(self.tr("Search icons"))
        self.search.setAccessibleDescription(
            self.tr("Show only the icons whose name, issuer or category contains this text.")
        )
        self.search.setClearButtonEnabled(True)
        lay.addWidget(self.search)
        self.grid = QListView(self)
        self.grid.setObjectName("icon_grid")
        self.grid.setAccessibleName(self.tr("Icons"))
        self.grid.setAccessibleDescription(
            self.tr("The icons of the installed packs; those matching the issuer come first.")
        )
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setWordWrap(True)
        self.grid.setIconSize(QSize(CELL, CELL))
        self.grid.setSpacing(6)
        self.model = PackIconModel(self)
        self.model.dpr = self.devicePixelRatioF()
        self.grid.setModel(self.model)
        self.grid.selectionModel().currentChanged.connect(self._update_ok)
        lay.addWidget(self.grid, 1)
        self.status = QLabel("", self)
        self.status.setObjectName("icon_status")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.file_button = QPushButton(self.tr("From &File…"), self)
        self.file_button.setObjectName("icon_from_file")
        self.file_button.setAccessibleDescription(
            self.tr("Use an SVG, PNG or JPEG picture of your own.")
        )
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.file_button.clicked.connect(self.from_file)
        lay.addWidget(self.buttons)
        self.search.textChanged.connect(self.refresh)
        self.grid.doubleClicked.connect(lambda _i: self.accept())
        self.refresh()
        self.resize(620, 480)

    def refresh(self) -> None:
        icons, matching = ranked(self.icons, self.issuer, self.search.text())
        self.model.show(icons)
        if icons:
            self.grid.setCurrentIndex(self.model.index(0))
        self._update_ok()
        suggested = matching if not self.search.text() else 0
        if not self.icons:
            self.status.setText(
                self.tr(
                    "No icon pack is installed: import one in Settings → Icon packs (for example "
                    "the aegis-icons release), or use a picture file."
                )
            )
        elif not icons:
            self.status.setText(self.tr("No icon matches."))
        elif suggested:
            self.status.setText(
                self.tr("{n} icons match the issuer; they come first.").format(n=suggested)
                if suggested != 1
                else self.tr("One icon matches the issuer; it comes first.")
            )
        else:
            self.status.setText(self.tr("{n} icons").format(n=len(icons)))
        themed(self.status, lambda: "color: palette(placeholder-text);")

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.grid.currentIndex().isValid())

    def current(self) -> PackIcon | None:
        index = self.grid.currentIndex()
        return self.model.icons[index.row()] if index.isValid() else None

    def accept(self) -> None:
        item = self.current()
        if item is None:
            return
        picture = item.load()
        if picture is None:
            self._error(self.tr("This icon's file cannot be read any more."))
            return
        self.chosen = picture
        super().accept()

    def from_file(self) -> None:
        name = choose_file(self)
        if not name:
            return
        try:
            self.chosen = icon_from_file(Path(name))
        except IconPackError as exc:
            self._error(core_text(exc))
            return
        if icon_image(self.chosen) is None:
            self.chosen = None
            self._error(self.tr("This picture cannot be shown."))
            return
        super().accept()

    def _error(self, text: str) -> None:
        self.status.setText(text)
        themed(self.status, error_css)


class IconField(QWidget):
    """The edit dialog's "Icon:" row: the picture (or "None"), Choose…, Remove."""

    def __init__(
        self, entry: Entry, data_dir: Path, issuer_edit: QLineEdit, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("icon_field")
        self.icon: Icon | None = entry.icon
        self.library = IconLibrary.of(data_dir)
        self.issuer_edit = issuer_edit
        self.picker: IconPickerDialog | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(self)
        self.preview.setObjectName("icon_preview")
        self.preview.setMinimumSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("color: palette(placeholder-text);")
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.setObjectName("choose_icon")
        self.choose_button.setAccessibleName(self.tr("Choose an icon"))
        self.choose_button.setAccessibleDescription(
            self.tr("Pick the account's icon from the icon packs or from a picture file.")
        )
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("remove_icon")
        self.remove_button.setAccessibleName(self.tr("Remove the icon"))
        self.remove_button.setAccessibleDescription(
            self.tr("Show the letter of the issuer instead of an icon.")
        )
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self._show()

    @classmethod
    def add_row(
        cls,
        form: QFormLayout,
        entry: Entry,
        data_dir: Path,
        issuer_edit: QLineEdit,
        parent: QWidget,
    ) -> IconField:
        """The field, added to ``form`` as the "Icon:" row."""
        field = cls(entry, data_dir, issuer_edit, parent)
        label = QLabel(QCoreApplication.translate("IconField", "Icon:"), parent)
        label.setBuddy(field.choose_button)
        # the row is as tall as the preview: centre the label on it, as the buttons are (a form
        # puts a label at the top of its row)
        label.setAlignment(
            form.labelAlignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
            | Qt.AlignmentFlag.AlignVCenter
        )
        label.setMinimumHeight(field.sizeHint().height())
        form.addRow(label, field)
        return field

    def _show(self) -> None:
        pixmap = (
            icon_pixmap(self.icon, PREVIEW, self.devicePixelRatioF())
            if self.icon is not None
            else None
        )
        if pixmap is not None:
            self.preview.setPixmap(pixmap)
            self.preview.setToolTip("")
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("None") if self.icon is None else "?")
        self.remove_button.setEnabled(self.icon is not None)

    def open_picker(self) -> IconPickerDialog:
        dialog = IconPickerDialog(self.window(), self.library, self.issuer_edit.text())
        dialog.accepted.connect(lambda: self.set_icon(dialog.chosen))
        self.picker = dialog
        dialog.open()
        return dialog

    def choose(self) -> None:
        self.open_picker()

    def set_icon(self, icon: Icon | None) -> None:
        if icon is not None:
            self.icon = icon
            self._show()

    def remove(self) -> None:
        self.icon = None
        self._show()
