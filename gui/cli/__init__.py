"""The command line: `particle-tickets update|new|outbox …` on the window's core, no Qt widgets.

It validates with the window's rules and messages, signs in with the window's credentials
(options, environment, the OS keychain) and sends through the window's outbox, item by item
with `gui.core.delivery.deliver`. Only `gui.ui.settings` (PySide6.QtCore, for QSettings and
QStandardPaths) is used from the UI; QtWidgets and QtGui are never imported.
"""

#: The first arguments that select the command line instead of the window.
COMMANDS = ("update", "new", "outbox")
