"""The command line: `particle-tickets update|new|outbox …` on the window's core, without Qt.

It validates with the window's rules and messages, signs in with the window's credentials
(options, environment, the OS keychain) and sends through the window's outbox, item by item
with `gui.core.delivery.deliver`. It never imports Qt, not even QtCore: the window's folders
come from `gui.core.app_folders` and its stored connection values from
`gui.core.stored_connection`, which reads the settings.ini QSettings writes.
"""

#: The first arguments that select the command line instead of the window.
COMMANDS = ("update", "new", "outbox")
