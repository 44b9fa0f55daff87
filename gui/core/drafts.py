"""The unsent form, kept in one JSON file so that it survives a crash, a kill or a dead battery.

Every save goes through `gui.core.durable.write_atomically` (a temporary file next to the draft,
flushed and fsynced, renamed over it, the folder fsynced where the OS allows), so the file on
disk is always either the previous draft or the new one, never half of each.
"""

from __future__ import annotations

import os
from pathlib import Path

from gui.core.durable import aside_path, fsync_folder, remove_leftovers, write_atomically
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join, plain
from gui.core.private_files import restrict
from gui.core.ticket import TicketDraft, draft_from_json, draft_to_json


class DraftCorrupt(Exception):
    """The saved draft could not be read; it was moved to `moved_to` (None if it could not be
    moved) so that the next start does not trip over it again."""

    def __init__(self, message: str, *, moved_to: Path | None) -> None:
        super().__init__(message)
        self.message = message
        self.moved_to = moved_to


class DraftStore:
    """The unsent form in one JSON file, written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def save(self, draft: TicketDraft) -> None:
        """Replace the saved draft with `draft`; a blank one (an empty form) is no draft and
        clears it. `OSError` (disk full, read-only folder) propagates and leaves the previous
        draft as it was."""
        if draft.blank:
            self.clear()
            return
        write_atomically(self.path, draft_to_json(draft).encode("utf-8"))

    def load(self) -> TicketDraft | None:
        """The saved draft, or None when there is none.

        A file that cannot be read or parsed is renamed ``<name>.corrupt-<UTC timestamp>`` and
        `DraftCorrupt` is raised (the next `load` then finds no draft).
        """
        remove_leftovers(self.path)
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            reason = error.strerror or str(error)
            unreadable = QT_TRANSLATE_NOOP(
                "drafts", "The saved draft could not be read ({reason})."
            )
            raise self._move_aside(unreadable.format(reason=plain(reason))) from None
        try:
            draft = draft_from_json(data.decode("utf-8"))
        except ValueError:  # also UnicodeDecodeError
            raise self._move_aside(
                QT_TRANSLATE_NOOP(
                    "drafts", "The saved draft was damaged and could not be restored."
                )
            ) from None
        return None if draft.blank else draft  # an empty form, as earlier versions saved it

    def clear(self) -> None:
        """Forget the saved draft (no error when there is none)."""
        self.path.unlink(missing_ok=True)
        fsync_folder(self.path.parent)

    def _move_aside(self, message: Message) -> DraftCorrupt:
        target = aside_path(self.path)
        try:
            os.replace(self.path, target)
        except OSError:
            not_moved = QT_TRANSLATE_NOOP("drafts", "It could not be moved aside.")
            return DraftCorrupt(join([message, not_moved]), moved_to=None)
        restrict(target)  # a draft an older version wrote may be readable by others
        fsync_folder(self.path.parent)
        kept = QT_TRANSLATE_NOOP("drafts", "It was kept as {name}.").format(name=target.name)
        return DraftCorrupt(join([message, kept]), moved_to=target)
