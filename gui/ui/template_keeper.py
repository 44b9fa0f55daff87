"""`TemplateKeeper`: the window's templates, read and written off the GUI thread.

The templates are in the real outbox file (``data_folder()/outbox.sqlite3``) for the sandbox's
window too: they are the user's, whichever window made them. Particle Space's window reads and
writes them on its outbox dispatcher's thread, with the outbox's own connection
(`OutboxStore.templates`); the sandbox's window, whose outbox is another file, on a thread of
the keeper's own that never expires, with a `TemplateStore` of its own on the real file. Export
and import files are written and read on that thread too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QLocale, QObject, Signal

from gui.core.messages import QT_TRANSLATE_NOOP, Message, plain
from gui.ui.real_file_store import RealFileStore

if TYPE_CHECKING:
    from gui.core.outbox.templates import Imported, Saved, TemplateStore
    from gui.core.templates import Template
    from gui.ui.dispatcher import OutboxDispatcher

log = logging.getLogger(__name__)

T = TypeVar("T")


def current_language() -> str:
    """The language the window speaks now ("en", "es"): the default locale's, which
    `gui.ui.i18n.install_language` sets with the translators."""
    return QLocale().name().split("_")[0]


class TemplateKeeper(QObject):
    """Reads and writes the templates on the thread of `outbox` (whose file holds them), or
    with no `outbox` in the outbox file at `path`, on a thread of its own.

    Signals:
        changed(list): the templates (Template) as the user sees them now, after a load or a
            change; the menu and the Manage dialog show them.
        failed(Message): the templates could not be read or changed (the file cannot be
            used); what was asked did not happen.
    """

    changed = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        *,
        path: Path,
        outbox: OutboxDispatcher | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.templates: list[Template] = []  # the last list `changed` carried
        self._store: RealFileStore[TemplateStore] = RealFileStore(
            path=path,
            outbox=outbox,
            open_own=_open_templates,
            of_outbox=lambda store: store.templates,
            name="templates",
            parent=self,
        )

    def load(self) -> None:
        """Read the templates (in the current language) and announce them."""
        language = current_language()
        self._run(lambda store: store.templates(language), self._on_listed)

    def save(
        self,
        template: Template,
        on_saved: Callable[[Template], None],
        on_refused: Callable[[Message], None],
    ) -> None:
        """Store `template`; then `on_saved(stored)`, or `on_refused(why)` when it could not be
        (a name another template has, meanwhile; the file cannot be written)."""
        language = current_language()

        def saved(result: Saved) -> None:
            self._on_listed(result.templates)
            on_saved(result.template)

        self._run(lambda store: store.save(template, language), saved, on_refused)

    def delete(self, template: Template) -> None:
        language = current_language()
        self._run(lambda store: store.delete(template, language), self._on_listed)

    def import_file(
        self, path: Path, on_done: Callable[[Message], None], on_refused: Callable[[Message], None]
    ) -> None:
        """Add and update the templates of the file at `path`; `on_done(what happened)`, or
        `on_refused(why)` with nothing imported."""
        language = current_language()

        def imported(result: Imported) -> None:
            self._on_listed(result.templates)
            on_done(result.merge.report())

        def read(store: TemplateStore) -> Imported:
            from gui.core.template_files import MAX_FILE_BYTES

            with open(path, "rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)
            return store.import_file(data, language)

        self._run(read, imported, on_refused)

    def export(
        self, path: Path, on_done: Callable[[Message], None], on_refused: Callable[[Message], None]
    ) -> None:
        """Write the templates (as the store has them, in the current language) to the file at
        `path`: all of it, or the file that was there stays as it was (QSaveFile)."""
        language = current_language()

        def write(store: TemplateStore) -> Message:
            from PySide6.QtCore import QIODevice, QSaveFile

            from gui.core.template_files import exported, to_file

            templates = store.templates(language)
            file = QSaveFile(str(path))
            if not file.open(QIODevice.OpenModeFlag.WriteOnly):
                raise OSError(file.errorString())
            file.write(to_file(templates).encode("utf-8"))
            if not file.commit():
                raise OSError(file.errorString())
            return exported(len(templates), path.name)

        self._run(write, on_done, on_refused)

    def shutdown(self) -> None:
        """Close the file on the keeper's own thread and wait (bounded) for it; the outbox's
        thread is the outbox's to end. Idempotent."""
        self._store.shutdown()

    # --- Back on the GUI thread --------------------------------------------------------------

    def _on_listed(self, templates: list[Template]) -> None:
        self.templates = templates
        self.changed.emit(templates)

    def _run(
        self,
        function: Callable[[TemplateStore], T],
        on_result: Callable[[T], None],
        on_refused: Callable[[Message], None] | None = None,
    ) -> None:
        def failed(error: Exception) -> None:
            (on_refused or self.failed.emit)(_describe(error))

        self._store.run(function, on_result, failed)


def _open_templates(path: Path) -> TemplateStore:
    """The templates' own store on the real outbox file (the sandbox window's)."""
    from gui.core.outbox.templates import TemplateStore

    return TemplateStore(path)


def _describe(error: Exception) -> Message:
    """What went wrong, in words: a template or file's own problem, or the file system's."""
    from gui.core.outbox import OutboxCorrupt
    from gui.core.templates import TemplateError

    if isinstance(error, TemplateError | OutboxCorrupt) and isinstance(error.message, Message):
        return error.message
    if isinstance(error, OSError):
        return QT_TRANSLATE_NOOP("TemplateKeeper", "The file could not be used: {error}").format(
            error=plain(error.strerror or str(error))
        )
    log.error("the templates failed", exc_info=error)
    return QT_TRANSLATE_NOOP(
        "TemplateKeeper", "The templates could not be read or saved: {error}"
    ).format(error=plain(str(error)))
