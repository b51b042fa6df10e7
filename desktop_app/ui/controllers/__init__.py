"""The main window's controllers, one job each (the window only builds and wires them).

They never see the window: each gets a :class:`~.port.WindowPort` (tell the person, ask, open a
dialog, show what was added, the current entry, reload) plus ``AppServices``, and what else it
needs by name -- so none of them imports ``main_window``.

* :mod:`.adding` -- every way to add accounts: typed keys, images, clipboard, screen, camera,
  backups; all through ``desktop_app.intake`` and the one candidate review.
* :mod:`.locking` -- lock, unlock and auto-lock after idle time.
* :mod:`.list_actions` -- what is done to the selected account: copy, next code, HOTP step,
  edit, delete, QR, reorder, the context menu.
* :mod:`.pages` -- the pages of the window (list, empty, no match, locked), the demo banner and
  the toast notices.
"""
