"""`ListCompleter`: completes the entry being typed in a comma-separated list."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

_SEPARATOR = re.compile(r"[,;]\s*")


class ListCompleter(QCompleter):
    """Completes the last entry of "a@x.com, b@" and keeps the entries before it."""

    def __init__(self, model: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def splitPath(self, path: str) -> list[str]:
        return [_SEPARATOR.split(path)[-1].lstrip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        completion = str(super().pathFromIndex(index))
        editor = self.widget()
        if not isinstance(editor, QLineEdit):
            return completion
        earlier = _SEPARATOR.split(editor.text())[:-1]
        return ", ".join([*(entry.strip() for entry in earlier if entry.strip()), completion])
