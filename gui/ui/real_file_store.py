"""`RealFileStore`: work on one of the real outbox file's own stores (the templates, the contact
book), off the GUI thread, for either window.

They are the user's, whichever window made them, so both live in the real outbox file
(``data_folder()/outbox.sqlite3``). Particle Space's window reaches them on its outbox
dispatcher's thread, with the outbox's own connection (`OutboxStore.templates`,
`OutboxStore.address_book`); the sandbox's window, whose outbox is another file, on a thread of
the keeper's own that never expires, with a store of its own on the real file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from gui.core.outcome import Failed, Outcome, Succeeded
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from gui.core.outbox import OutboxStore
    from gui.ui.dispatcher import OutboxDispatcher

log = logging.getLogger(__name__)

S = TypeVar("S")
T = TypeVar("T")

#: How long shutting down waits for the keeper's own thread.
_SHUTDOWN_WAIT_MS = 3000


class RealFileStore(Generic[S]):
    """Runs work on a store `S` of the real outbox file: with `outbox` (the window's, on the
    real file) as `of_outbox(store)` on its thread; without, as `open_own(path)`'s store, on a
    thread of its own, owned by `parent` (the keeper). `name` says which, for the log."""

    def __init__(
        self,
        *,
        path: Path,
        outbox: OutboxDispatcher | None,
        open_own: Callable[[Path], S],
        of_outbox: Callable[[OutboxStore], S],
        name: str,
        parent: QObject,
    ) -> None:
        self.path = path
        self._outbox = outbox
        self._open_own = open_own
        self._of_outbox = of_outbox
        self._name = name
        self._opened: S | None = None
        self._jobs = JobRunner(threads=1, keep_thread=True, parent=parent) if not outbox else None
        self.stopped = False

    def run(
        self,
        function: Callable[[S], T],
        on_result: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """`function(store)` off the GUI thread; then `on_result(its value)` or `failed(error)`
        on the GUI thread. Nothing once stopped."""
        if self.stopped:
            return
        if self._jobs is not None:
            self._jobs.run(lambda: function(self._own()), on_result, failed)
            return

        def guarded(store: OutboxStore) -> Outcome[T]:
            # The dispatcher's own failures go to the banner; this store's are the keeper's.
            try:
                return Succeeded(function(self._of_outbox(store)))
            except Exception as error:  # handed back to the GUI thread, as a Job does
                return Failed(error)

        def settle(outcome: Outcome[T]) -> None:
            match outcome:
                case Succeeded(value):
                    on_result(value)
                case Failed(error):
                    failed(error)

        if self._outbox is None:  # neither jobs nor an outbox: built without a way to run
            raise RuntimeError(f"the {self._name} need an outbox or a thread of their own")
        self._outbox.run_on_store(guarded, settle)

    def shutdown(self) -> None:
        """Close the file on the own thread and wait (bounded) for it; the outbox's thread is
        the outbox's to end. Idempotent."""
        if self.stopped:
            return
        self.stopped = True
        if self._jobs is None:
            return
        self._jobs.run(self._close, lambda _result: None, lambda _error: None)
        if not self._jobs.wait(_SHUTDOWN_WAIT_MS):
            log.warning("the %s' worker was still busy when the window closed", self._name)

    # --- On the own thread --------------------------------------------------------------------

    def _own(self) -> S:
        if self._opened is None:
            from gui.ui.dispatcher import import_outbox

            import_outbox()  # never at the same time as the window's outbox thread
            self._opened = self._open_own(self.path)
        return self._opened

    def _close(self) -> None:
        close = getattr(self._opened, "close", None)
        if close is not None:
            close()
