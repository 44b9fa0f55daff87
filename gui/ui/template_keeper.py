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
from gui.core.outcome import Failed, Outcome, Succeeded
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from gui.core.outbox import OutboxStore
    from gui.core.outbox.templates import Imported, Saved, TemplateStore
    from gui.core.templates import Template
    from gui.ui.dispatcher import OutboxDispatcher

log = logging.getLogger(__name__)

T = TypeVar("T")

#: How long shutting down waits for the keeper's thread.
_SHUTDOWN_WAIT_MS = 3000


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
        self._outbox = outbox
        self._opened: TemplateStore | None = None
        self._jobs = JobRunner(threads=1, keep_thread=True, parent=self) if not outbox else None
        self._stopped = False

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
        if self._stopped:
            return
        self._stopped = True
        if self._jobs is None:
            return
        self._jobs.run(self._close, lambda _result: None, lambda _error: None)
        if not self._jobs.wait(_SHUTDOWN_WAIT_MS):
            log.warning("the templates' worker was still busy when the window closed")

    # --- On the worker thread ----------------------------------------------------------------

    def _own_store(self) -> TemplateStore:
        if self._opened is None:
            from gui.ui.dispatcher import import_outbox

            import_outbox()  # never at the same time as the window's outbox thread
            from gui.core.outbox.templates import TemplateStore

            self._opened = TemplateStore(self.path)
        return self._opened

    def _close(self) -> None:
        if self._opened is not None:
            self._opened.close()

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
        if self._stopped:
            return

        def failed(error: Exception) -> None:
            why = _describe(error)
            if on_refused is not None:
                on_refused(why)
            else:
                self.failed.emit(why)

        if self._jobs is not None:
            self._jobs.run(lambda: function(self._own_store()), on_result, failed)
            return

        def guarded(store: OutboxStore) -> Outcome[T]:
            # The dispatcher's own failures go to the banner; a template's are said here.
            try:
                return Succeeded(function(store.templates))
            except Exception as error:  # handed back to the GUI thread, as a Job does
                return Failed(error)

        def settle(outcome: Outcome[T]) -> None:
            match outcome:
                case Succeeded(value):
                    on_result(value)
                case Failed(error):
                    failed(error)

        if self._outbox is None:  # neither jobs nor an outbox: built without a way to run
            raise RuntimeError("TemplateKeeper needs an outbox or jobs of its own")
        self._outbox.run_on_store(guarded, settle)


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
