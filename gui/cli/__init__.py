"""The command line: `particle-tickets update|new|outbox …` on the window's core, without Qt.

It validates with the window's rules and messages, signs in with the window's credentials
(options, environment, the OS keychain) and sends through the window's outbox, item by item
with `gui.core.delivery.deliver`. It never imports Qt, not even QtCore: the window's folders
come from `gui.core.app_folders` and its stored connection values from `gui.core.preferences`.

- arguments.py: the one parser of `particle-tickets` (the window's options and the commands);
  help_texts.py (its longer help texts), argparse_words.py (argparse's words and help in the
  command line's language);
- main.py: running a command; tickets.py (`update`, `new`), outbox_commands.py (`outbox`),
  session.py (what they share), environment.py (where they find things);
- results.py (how each ticket ended, exit codes), output.py (text or --json), sending.py
  (draining the outbox, progress); language.py (the language: Spanish from core_es.qm);
  remedies.py (the command line's own remedies for the window's sentences).
"""
