"""The user's language: translating the core's `Message`s (more to come: translators, locale)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.core.messages import Message


def translated(text: str) -> str:
    """`text` in the user's language: a Message is translated (its Message arguments too);
    any other text is shown as it is."""
    if not isinstance(text, Message):
        return text
    source = QCoreApplication.translate(text.context, text.source) if text.context else text.source
    if not text.args:
        return source
    args = {
        name: translated(value) if isinstance(value, str) else value
        for name, value in text.args.items()
    }
    try:
        return source.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return text.source.format(**args)
