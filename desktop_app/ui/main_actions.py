"""The main window's actions, declared once in a table that everything else reads.

    commands = MainActions(window, window)  # one QAction per row of ACTIONS, run on the targets
    commands.build_menus(window.menuBar())                      # MENUS (and the Add menu)
    commands.update(ActionState(unlocked=..., entry=..., movable=..., can_lock=...))
    commands.all_actions()              # the shortcuts dialog lists these, in table order
    commands.copy                       # one action by its name

Each row says what an action is called, its keys, when it is enabled (:class:`When`) and what it
runs -- a call on the :class:`Targets` (the window's controllers and its few own commands), so
this module never imports the window. The menus, the row's context menu, the empty page's
buttons and the enabled states are all read from these tables.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app.otp.model import Entry, OtpType
from desktop_app.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenuBar, QWidget

    from desktop_app.ui.controllers.adding import AddingController
    from desktop_app.ui.controllers.list_actions import ListActions


class Targets(Protocol):
    """What the actions run: the controllers and the window's own commands."""

    @property
    def adding(self) -> AddingController: ...
    @property
    def lists(self) -> ListActions: ...
    def export_backup(self) -> None: ...
    def show_settings(self) -> None: ...
    def lock(self) -> None: ...
    def quit_app(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def clear_search(self) -> None: ...
    def show_about(self) -> None: ...
    def focus_search(self) -> None: ...
    def set_sort(self, order: str) -> None: ...
    def show_next_all_toggled(self) -> None: ...


class When(enum.Enum):
    """When an action is enabled."""

    ALWAYS = "always"  # never disabled
    UNLOCKED = "unlocked"  # the vault is open
    ENTRY = "entry"  # ... and an account is selected
    HOTP = "hotp"  # ... and it is counter-based
    MOVABLE = "movable"  # ... and the list is in custom order, not searched
    LOCKABLE = "lockable"  # the vault is open and has a password


class ActionState(NamedTuple):
    unlocked: bool
    entry: Entry | None
    movable: bool
    can_lock: bool

    def allows(self, when: When) -> bool:
        has = self.entry is not None and self.unlocked
        return {
            When.ALWAYS: True,
            When.UNLOCKED: self.unlocked,
            When.ENTRY: has,
            When.HOTP: has and self.entry is not None and self.entry.type is OtpType.HOTP,
            When.MOVABLE: has and self.movable,
            When.LOCKABLE: self.unlocked and self.can_lock,
        }[when]


Keys = str | QKeySequence.StandardKey | None


class Act(NamedTuple):
    """One action: ``name`` is its attribute on :class:`MainActions` (and its object name, unless
    ``object_name`` says otherwise); ``text`` and ``tip`` are translated in the "MainWindow"
    context. ``page``/``page_tip``: its button on the empty page, if it has one."""

    name: str
    text: str
    run: Callable[[Targets], object]
    keys: Keys = None
    tip: str = ""
    when: When = When.ALWAYS
    view_only: bool = False  # the shortcut works only while the list has the focus
    checkable: bool = False
    group: str = ""  # checkable actions of one group are exclusive
    object_name: str = ""
    page: str = ""
    page_tip: str = ""


LOCK_TIP = QT_TRANSLATE_NOOP("MainWindow", "Lock the vault")
LOCK_NEEDS_PASSWORD = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Locking needs a vault password: set one in Settings → Security.",
)

# texts are marked for translation in the "MainWindow" context and translated when built
ACTIONS: tuple[Act, ...] = (
    Act(
        "add",
        QT_TRANSLATE_NOOP("MainWindow", "&Enter Setup Key…"),
        lambda t: t.adding.add_manually(),
        "Ctrl+N",
        when=When.UNLOCKED,
        page=QT_TRANSLATE_NOOP("MainWindow", "Enter Setup Key…"),
        page_tip=QT_TRANSLATE_NOOP("MainWindow", "Type the setup key that the website shows."),
    ),
    Act(
        "scan_camera",
        QT_TRANSLATE_NOOP("MainWindow", "Scan QR Code with &Camera…"),
        lambda t: t.adding.scan_camera(),
        "Ctrl+Shift+C",
        when=When.UNLOCKED,
        page=QT_TRANSLATE_NOOP("MainWindow", "Scan QR Code with Camera…"),
        page_tip=QT_TRANSLATE_NOOP("MainWindow", "Hold the QR code in front of your camera."),
    ),
    Act(
        "scan_screen",
        QT_TRANSLATE_NOOP("MainWindow", "Scan QR Code on &Screen"),
        lambda t: t.adding.scan_screen(),
        "Ctrl+Shift+S",
        when=When.UNLOCKED,
        page=QT_TRANSLATE_NOOP("MainWindow", "Scan QR Code on Screen"),
        page_tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Find the QR code shown on your screen, for example on a website."
        ),
    ),
    Act(
        "open_image",
        QT_TRANSLATE_NOOP("MainWindow", "&Open QR Image…"),
        lambda t: t.adding.open_images(),
        "Ctrl+O",
        when=When.UNLOCKED,
        page=QT_TRANSLATE_NOOP("MainWindow", "Open QR Image…"),
        page_tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Read the QR code from a saved picture or screenshot."
        ),
    ),
    Act(
        "paste",
        QT_TRANSLATE_NOOP("MainWindow", "&Paste QR Image or Link"),
        lambda t: t.adding.paste(),
        "Ctrl+V",
        QT_TRANSLATE_NOOP("MainWindow", "Paste a QR image or link"),
        when=When.UNLOCKED,
    ),
    Act(
        "import_backup",
        QT_TRANSLATE_NOOP("MainWindow", "&Import Backup…"),
        lambda t: t.adding.import_backup(),
        "Ctrl+I",
        when=When.UNLOCKED,
        object_name="import",
        page=QT_TRANSLATE_NOOP("MainWindow", "Import Backup…"),
        page_tip=QT_TRANSLATE_NOOP(
            "MainWindow", "Read the accounts of another authenticator's backup file."
        ),
    ),
    Act(
        "export",
        QT_TRANSLATE_NOOP("MainWindow", "E&xport…"),
        lambda t: t.export_backup(),
        "Ctrl+E",
        when=When.UNLOCKED,
    ),
    Act(
        "settings",
        QT_TRANSLATE_NOOP("MainWindow", "Se&ttings…"),
        lambda t: t.show_settings(),
        "Ctrl+,",
        when=When.UNLOCKED,
    ),
    Act(
        "lock",
        QT_TRANSLATE_NOOP("MainWindow", "&Lock"),
        lambda t: t.lock(),
        "Ctrl+L",
        LOCK_TIP,
        When.LOCKABLE,
    ),
    Act("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), lambda t: t.quit_app(), "Ctrl+Q"),
    Act(
        "shortcuts",
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"),
        lambda t: t.show_shortcuts(),
        "F1",
        QT_TRANSLATE_NOOP("MainWindow", "List every keyboard shortcut"),
    ),
    Act(
        "clear_search",
        QT_TRANSLATE_NOOP("MainWindow", "Clear Search"),
        lambda t: t.clear_search(),
        "Esc",
        QT_TRANSLATE_NOOP("MainWindow", "Clear the search, wherever the focus is"),
    ),
    Act("about", QT_TRANSLATE_NOOP("MainWindow", "&About Authenticator"), lambda t: t.show_about()),
    Act(
        "find",
        QT_TRANSLATE_NOOP("MainWindow", "&Find"),
        lambda t: t.focus_search(),
        "Ctrl+F",
        QT_TRANSLATE_NOOP("MainWindow", "Search accounts"),
    ),
    Act(
        "copy",
        QT_TRANSLATE_NOOP("MainWindow", "&Copy Code"),
        lambda t: t.lists.copy_current(),
        "Ctrl+C",
        when=When.ENTRY,
    ),
    Act(
        "copy_next",
        QT_TRANSLATE_NOOP("MainWindow", "Copy &Next Code"),
        lambda t: t.lists.copy_next_current(),
        "Ctrl+Shift+Return",
        when=When.ENTRY,
    ),
    Act(
        "show_next",
        QT_TRANSLATE_NOOP("MainWindow", "Show Ne&xt Code"),
        lambda t: t.lists.toggle_next_current(),
        "Ctrl+J",
        when=When.ENTRY,
    ),
    Act(
        "hotp_next",
        QT_TRANSLATE_NOOP("MainWindow", "&Generate Next Code"),
        lambda t: t.lists.hotp_next_current(),
        "Ctrl+R",
        QT_TRANSLATE_NOOP(
            "MainWindow", "Counter-based accounts: move to the next code (saved at once)"
        ),
        When.HOTP,
    ),
    Act(
        "edit",
        QT_TRANSLATE_NOOP("MainWindow", "&Edit Account…"),
        lambda t: t.lists.edit_current(),
        "F2",
        when=When.ENTRY,
    ),
    Act(
        "show_qr",
        QT_TRANSLATE_NOOP("MainWindow", "Show as &QR Code…"),
        lambda t: t.lists.show_qr_current(),
        "Ctrl+K",
        when=When.ENTRY,
    ),
    Act(
        "delete",
        QT_TRANSLATE_NOOP("MainWindow", "&Delete Account…"),
        lambda t: t.lists.delete_current(),
        QKeySequence.StandardKey.Delete,
        when=When.ENTRY,
        view_only=True,
    ),
    Act(  # issue 21 (syncui): the one hook of the deleted accounts' window
        "recently_deleted",
        QT_TRANSLATE_NOOP("MainWindow", "Recently De&leted…"),
        lambda t: t.lists.show_recently_deleted(),
        "Ctrl+Shift+Z",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Restore an account deleted in the last 30 days"),
        when=When.UNLOCKED,
    ),
    Act(
        "move_up",
        QT_TRANSLATE_NOOP("MainWindow", "Move &Up"),
        lambda t: t.lists.move_current(-1),
        "Ctrl+Up",
        when=When.MOVABLE,
    ),
    Act(
        "move_down",
        QT_TRANSLATE_NOOP("MainWindow", "Move Do&wn"),
        lambda t: t.lists.move_current(1),
        "Ctrl+Down",
        when=When.MOVABLE,
    ),
    Act(
        "sort_custom",
        QT_TRANSLATE_NOOP("MainWindow", "&Custom Order"),
        lambda t: t.set_sort("custom"),
        "Ctrl+1",
        checkable=True,
        group="sort",
    ),
    Act(
        "sort_name",
        QT_TRANSLATE_NOOP("MainWindow", "By &Name"),
        lambda t: t.set_sort("name"),
        "Ctrl+2",
        checkable=True,
        group="sort",
    ),
    Act(
        "next_all",
        QT_TRANSLATE_NOOP("MainWindow", "Always Show Next &Codes"),
        lambda t: t.show_next_all_toggled(),
        "Ctrl+Shift+J",
        checkable=True,
    ),
)


class Menu(NamedTuple):
    """A menu: action names, ``None`` for a separator, or a submenu."""

    name: str
    title: str
    items: tuple[str | Menu | None, ...]


#: the ways to add, in the order the empty page offers them (paste has no button there)
ADD_MENU = Menu(
    "add_menu",
    QT_TRANSLATE_NOOP("MainWindow", "&Add Account"),
    ("scan_screen", "scan_camera", "open_image", "paste", None, "add", "import_backup"),
)
MENUS: tuple[Menu, ...] = (
    Menu(
        "file_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        (ADD_MENU, None, "import_backup", "export", None, "lock", "settings", None, "quit"),
    ),
    Menu(
        "edit_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
        (
            *("copy", "copy_next", "show_next", "hotp_next", None),
            *("edit", "show_qr", "delete", "recently_deleted", None),
            *("move_up", "move_down", None, "find"),
        ),
    ),
    Menu(
        "view_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        (
            Menu(
                "sort_menu",
                QT_TRANSLATE_NOOP("MainWindow", "&Sort Accounts"),
                ("sort_custom", "sort_name"),
            ),
            "next_all",
        ),
    ),
    Menu("help_menu", QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("shortcuts", None, "about")),
)
#: a row's context menu; ``hotp_next`` only on counter-based rows
ROW_MENU: tuple[str | None, ...] = (
    *("copy", "copy_next", "show_next", "hotp_next", None),
    *("edit", "show_qr", None, "delete"),
)
#: the empty page's buttons, the first one the primary
EMPTY_PAGE = ("scan_screen", "scan_camera", "open_image", "add", "import_backup")
BY_NAME = {act.name: act for act in ACTIONS}


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainActions:
    def __init__(self, window: QWidget, targets: Targets) -> None:
        """QActions for :data:`ACTIONS`, parented to ``window`` (which also receives their
        shortcuts) and running on ``targets`` (the window's controllers and commands)."""
        self.window = window
        self.targets = targets
        self.actions: dict[str, QAction] = {}
        self.groups: dict[str, QActionGroup] = {}
        for act in ACTIONS:
            self.actions[act.name] = self._action(act)
        self.add_menu = self._menu(ADD_MENU, window)

    def __getattr__(self, name: str) -> QAction:
        try:
            action: QAction = self.__dict__["actions"][name]
        except KeyError:
            raise AttributeError(name) from None
        return action

    def _action(self, act: Act) -> QAction:
        text = _tr(act.text)
        action = QAction(text, self.window)
        action.setObjectName(act.object_name or act.name)
        if act.keys is not None:
            action.setShortcut(QKeySequence(act.keys))
        plain = text.replace("&", "").rstrip("…").strip()
        tip = _tr(act.tip) if act.tip else plain
        action.setToolTip(tip)
        action.setStatusTip(tip)
        runner = self._runner(act)
        action.triggered.connect(lambda _checked=False: runner())
        if act.view_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            self.window.addAction(action)
        if act.checkable:
            action.setCheckable(True)
        if act.group:
            if act.group not in self.groups:
                self.groups[act.group] = QActionGroup(self.window)
            self.groups[act.group].addAction(action)
        return action

    def _menu(self, spec: Menu, parent: QWidget) -> QMenu:
        menu = QMenu(_tr(spec.title), parent)
        menu.setObjectName(spec.name)
        self._fill(menu, spec.items)
        return menu

    def _fill(self, menu: QMenu, items: tuple[str | Menu | None, ...]) -> None:
        for item in items:
            if item is None:
                menu.addSeparator()
            elif isinstance(item, Menu):
                menu.addMenu(self.add_menu if item is ADD_MENU else self._menu(item, menu))
            else:
                menu.addAction(self.actions[item])

    def build_menus(self, bar: QMenuBar) -> None:
        for spec in MENUS:
            menu = bar.addMenu(_tr(spec.title))
            menu.setObjectName(spec.name)
            self._fill(menu, spec.items)

    def all_actions(self) -> list[QAction]:
        """Every action of the window, in table order (the shortcuts list is built from these)."""
        return list(self.actions.values())

    def row_menu(self, entry: Entry) -> QMenu:
        """The context menu of a row."""
        menu = QMenu(self.window)
        hotp = entry.type is OtpType.HOTP
        self._fill(menu, tuple(i for i in ROW_MENU if i != "hotp_next" or hotp))
        return menu

    def empty_page(self) -> list[tuple[str, Callable[[], object], bool, str]]:
        """The empty page's buttons: (text, what it runs, primary, description)."""
        return [
            (_tr(a.page), self._runner(a), i == 0, _tr(a.page_tip))
            for i, a in enumerate(BY_NAME[name] for name in EMPTY_PAGE)
        ]

    def _runner(self, act: Act) -> Callable[[], object]:
        targets, run = self.targets, act.run
        return lambda: run(targets)

    def update(self, state: ActionState) -> None:
        for act in ACTIONS:
            if act.when is not When.ALWAYS:
                self.actions[act.name].setEnabled(state.allows(act.when))
        self._explain_lock(state)

    def _explain_lock(self, state: ActionState) -> None:
        """File → Lock is greyed while the vault has no password (keyring mode): say why."""
        lock = self.actions["lock"]
        needs_password = state.unlocked and not state.can_lock
        tip = _tr(LOCK_NEEDS_PASSWORD if needs_password else LOCK_TIP)
        lock.setToolTip(tip)
        lock.setStatusTip(tip)
