"""Settings → Icon packs: the installed Aegis icon packs, Import…, Remove.

A pack is read, checked and cleaned in a worker (:meth:`IconLibrary.install_file`); a refused
pack is said in one line under the list and nothing is kept. Removing a pack leaves the icons
accounts already have (they are copies inside the vault).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.icons import IconLibrary, InstalledPack
from desktop_app.ui.file_dialogs import open_file
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.icon_picker import icon_pixmap, untinted
from desktop_app.ui.theme import error_css, themed
from desktop_app.ui.workers import Job, one_line

if TYPE_CHECKING:
    from desktop_app.app import AppServices

#: the Settings section (its label translated in the "Settings" context, as the others)
ICON_PACKS_SECTION = QT_TRANSLATE_NOOP("Settings", "Icon packs")
PACK_ROLE = Qt.ItemDataRole.UserRole + 1


class IconPacksPage(QWidget):
    changed = Signal()  # a pack was imported or removed

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("icon_packs_page")
        self.services = services
        self.library = IconLibrary.of(Path(services.paths.data_dir))
        self.job = Job(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "Icon packs in Aegis's format (a .zip file with a pack.json, such as the "
                "aegis-icons release) give new and imported accounts the icon of their issuer. "
                "Pick another one, or a picture of your own, in the account's Edit dialog."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        lay.addSpacing(6)
        self.list = QListWidget(self)
        self.list.setObjectName("icon_packs")
        self.list.setAccessibleName(self.tr("Installed icon packs"))
        self.list.setAccessibleDescription(
            self.tr("The icon packs new accounts take their icons from; select one to remove it.")
        )
        self.list.setIconSize(QSize(28, 28))
        self.list.setMinimumHeight(140)
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import…"), self)
        self.import_button.setObjectName("import_icon_pack")
        self.import_button.setAccessibleDescription(self.tr("Import an icon pack (.zip)."))
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("remove_icon_pack")
        self.remove_button.setAccessibleDescription(
            self.tr("Remove the selected icon pack; accounts keep the icons they have.")
        )
        row.addWidget(self.import_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.status = QLabel("", self)
        self.status.setObjectName("icon_packs_status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.status)
        self.import_button.clicked.connect(self.ask_import)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.job.busy_changed.connect(lambda _b: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        packs = self.library.packs()
        for pack in packs:
            text = self.tr("{name} — version {version}, {n} icons").format(
                name=pack.name, version=pack.version, n=len(pack.icons)
            )
            item = QListWidgetItem(text)
            item.setData(PACK_ROLE, pack.uuid)
            item.setToolTip(pack.uuid)
            sample = next((i.load() for i in pack.icons), None)
            pixmap = icon_pixmap(sample, 28, self.devicePixelRatioF()) if sample else None
            if pixmap is not None:
                item.setIcon(untinted(pixmap))
            self.list.addItem(item)
        if not packs:
            item = QListWidgetItem(self.tr("No icon pack is installed."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        else:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected(self) -> str:
        item = self.list.currentItem()
        return str(item.data(PACK_ROLE) or "") if item is not None else ""

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(not self.job.busy)
        self.remove_button.setEnabled(not self.job.busy and bool(self.selected()))

    def ask_import(self) -> None:
        name = open_file(
            self,
            self.services.settings,
            self.tr("Import an Icon Pack"),
            self.tr("Icon packs (*.zip)") + ";;" + self.tr("All files (*)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self._say(self.tr("Reading {name}…").format(name=path.name))
        self.job.start(
            self.library.install_file, path, on_done=self._imported, on_error=self._failed
        )

    def _imported(self, pack: InstalledPack) -> None:
        self.refresh()
        self._say(
            self.tr("Imported {name} (version {version}, {n} icons).").format(
                name=pack.name, version=pack.version, n=len(pack.icons)
            )
        )
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        text = one_line(exc, self.tr("The icon pack could not be imported ({kind})."))
        self._say(self.tr("Not imported: {error}").format(error=text), error=True)

    def remove_selected(self) -> None:
        uuid = self.selected()
        if not uuid:
            return
        from desktop_app.icons import IconPackError

        try:
            pack = self.library.remove(uuid)
        except IconPackError as exc:
            self._say(one_line(exc, ""), error=True)
            return
        self.refresh()
        self._say(
            self.tr("Removed {name}. Accounts keep the icons they have.").format(name=pack.name)
        )
        self.changed.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        themed(self.status, error_css if error else lambda: "")
