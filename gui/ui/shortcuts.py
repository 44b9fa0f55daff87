"""Every keyboard shortcut of the window, in one place: the window binds them, the help (F1)
lists them, so the two cannot disagree."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

SEND = ("Ctrl+Return", "Ctrl+Enter")  # Enter on the keypad too
CANCEL = "Esc"
NEW_TICKET = "Ctrl+N"
BATCH = "Ctrl+Shift+M"  # File ▸ Many tickets…
TEMPLATES = "Ctrl+Shift+T"  # the Templates button's menu, from anywhere in the window
PREVIEW = "Ctrl+Shift+P"  # what the notification's recipients get (`notificationPreview`)
OUTBOX = "Ctrl+Shift+O"
HISTORY = "Ctrl+Shift+H"
HELP = "F1"


def standard(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for `key`, or `fallback` where it has none: Settings has no standard
    key on Windows or GNOME, Quit none on Windows and on the offscreen platform."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]


def settings() -> list[QKeySequence]:
    return standard(QKeySequence.StandardKey.Preferences, "Ctrl+,")


def quit_app() -> list[QKeySequence]:
    return standard(QKeySequence.StandardKey.Quit, "Ctrl+Q")
