"""The unsent form, kept in one JSON file so that it survives a crash, a kill or a dead battery.

Every save writes a temporary file next to the draft, flushes and fsyncs it, renames it over the
draft (`os.replace`, atomic on every OS we support) and fsyncs the folder where the OS allows, so
the file on disk is always either the previous draft or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from gui.core.messages import QT_TRANSLATE_NOOP, Message, join, plain
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
        """Replace the saved draft with `draft`. `OSError` (disk full, read-only folder) propagates
        and leaves the previous draft as it was."""
        data = draft_to_json(draft).encode("utf-8")
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(
            dir=folder, prefix=self._temp_prefix, suffix=".tmp"
        )
        try:
            with open(descriptor, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        fsync_folder(folder)

    def load(self) -> TicketDraft | None:
        """The saved draft, or None when there is none.

        A file that cannot be read or parsed is renamed ``<name>.corrupt-<UTC timestamp>`` and
        `DraftCorrupt` is raised (the next `load` then finds no draft).
        """
        self._remove_leftovers()
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
            return draft_from_json(data.decode("utf-8"))
        except ValueError:  # also UnicodeDecodeError
            raise self._move_aside(
                QT_TRANSLATE_NOOP(
                    "drafts", "The saved draft was damaged and could not be restored."
                )
            ) from None

    def clear(self) -> None:
        """Forget the saved draft (no error when there is none)."""
        self.path.unlink(missing_ok=True)
        fsync_folder(self.path.parent)

    @property
    def _temp_prefix(self) -> str:
        return f".{self.path.name}."

    def _remove_leftovers(self) -> None:
        """Delete temporary files a killed process left behind (they never hold the only copy)."""
        with contextlib.suppress(OSError):
            for leftover in self.path.parent.glob(f"{self._temp_prefix}*.tmp"):
                with contextlib.suppress(OSError):
                    leftover.unlink()

    def _move_aside(self, message: Message) -> DraftCorrupt:
        target = aside_path(self.path)
        try:
            os.replace(self.path, target)
        except OSError:
            not_moved = QT_TRANSLATE_NOOP("drafts", "It could not be moved aside.")
            return DraftCorrupt(join([message, not_moved]), moved_to=None)
        fsync_folder(self.path.parent)
        kept = QT_TRANSLATE_NOOP("drafts", "It was kept as {name}.").format(name=target.name)
        return DraftCorrupt(join([message, kept]), moved_to=target)


def aside_path(path: Path) -> Path:
    """``<name>.corrupt-<UTC timestamp>`` next to `path`, not yet taken by another file."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    number = 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{number}")
    return candidate


def fsync_folder(folder: Path) -> None:
    """Make a rename or delete in `folder` durable, where the OS allows (not on Windows, where
    a folder cannot be opened, nor on file systems that refuse to fsync one)."""
    if os.name == "nt":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
