"""`ListCompleter`: completes the entry being typed in a comma-separated list.

Its entries are plain strings (`QStringListModel`, the contacts used before) or, once
`set_completions` is used, `Completion`s: a text shown in the popup, the text inserted when it
is chosen, and the words typing matches (a contact's name, its address or number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

_SEPARATOR = re.compile(r"[,;]\s*")
#: What a `Completion` inserts.
INSERT_ROLE = Qt.ItemDataRole.UserRole
#: What typing is matched against (the completer's completion role once it has Completions).
MATCH_ROLE = Qt.ItemDataRole.UserRole + 1


class Completion(NamedTuple):
    """One entry offered: `shown` in the popup ("María López · (202) 555-0123"), `inserted`
    when chosen ("María López"), found by typing the start of any of `keys`."""

    shown: str
    inserted: str
    keys: tuple[str, ...]


class ListCompleter(QCompleter):
    """Completes the last entry of "a@x.com, b@" and keeps the entries before it."""

    def __init__(self, model: QAbstractItemModel, parent: QObject | None = None) -> None:
        super().__init__(model, parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def set_completions(self, completions: Sequence[Completion]) -> None:
        """Offer `completions` (instead of the model it was built with): one row per key."""
        model = self.model()
        if not isinstance(model, QStandardItemModel):
            model = QStandardItemModel(self)
            self.setModel(model)
            self.setCompletionRole(MATCH_ROLE)
        model.clear()
        for completion in completions:
            for key in dict.fromkeys(k for k in completion.keys if k):
                item = QStandardItem(completion.shown)
                item.setData(completion.inserted, INSERT_ROLE)
                item.setData(key, MATCH_ROLE)
                item.setEditable(False)
                model.appendRow(item)

    def splitPath(self, path: str) -> list[str]:
        return [_SEPARATOR.split(path)[-1].lstrip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        inserted = index.data(INSERT_ROLE)
        completion = str(inserted if inserted is not None else super().pathFromIndex(index))
        editor = self.widget()
        if not isinstance(editor, QLineEdit):
            return completion
        earlier = _SEPARATOR.split(editor.text())[:-1]
        return ", ".join([*(entry.strip() for entry in earlier if entry.strip()), completion])
