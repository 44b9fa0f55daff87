"""`DraftKeeper`: the unsent form saved within a second of every edit, and restored at start."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from gui.core.messages import QT_TRANSLATE_NOOP, join, plain
from gui.ui.worker import JobRunner

if TYPE_CHECKING:
    from gui.core.drafts import DraftStore
    from gui.core.ticket import TicketDraft
    from gui.ui.ticket_form import TicketForm

T = TypeVar("T")

log = logging.getLogger(__name__)

#: How long after the last keystroke the draft is written.
SAVE_DELAY_MS = 700
_SHUTDOWN_WAIT_MS = 3000


class DraftKeeper(QObject):
    """Watches the form and keeps a copy of it in a `DraftStore`.

    Writes run in order on a pool of one thread (a later draft never lands before an earlier
    one), never on the GUI thread.

    Signals:
        restored(TicketDraft): the draft of the last run, put back into the form.
        restore_finished(): looking for a draft is done (whether there was one or not).
        problem(Message): the draft could not be read or written; says what happened.
    """

    restored = Signal(object)
    restore_finished = Signal()
    problem = Signal(object)

    def __init__(
        self, *, store: Callable[[], DraftStore], form: TicketForm, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._open_store = store  # called on the worker thread, not at start-up
        self._opened: DraftStore | None = None
        self._form = form
        self._jobs = JobRunner(threads=1, parent=self)  # one thread: saves land in order
        self._stopped = False
        self._failing = False
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        form.edited.connect(self._on_edited)

    def _on_edited(self) -> None:
        # Not a restart on every keystroke: someone typing steadily must be saved too, within
        # SAVE_DELAY_MS of the first change that is not on disk yet.
        if not self._timer.isActive():
            self._timer.start()

    @property
    def writing(self) -> bool:
        """Whether a draft is being read or written right now."""
        return self._jobs.busy

    def restore(self) -> None:
        """Load the last run's draft; `restored` fills the form with it."""
        self._run(lambda: self._store.load(), self._on_loaded)

    def save_now(self) -> None:
        self._timer.stop()
        draft = self._form.draft()
        self._run(lambda: self._store.save(draft), self._on_saved)

    def discard(self) -> None:
        """Forget the draft (after a successful send, or when the user discards it)."""
        self._timer.stop()
        self._run(lambda: self._store.clear(), self._on_saved)

    def shutdown(self) -> None:
        """Write what is pending, then stop (bounded)."""
        if self._stopped:
            return
        if self._timer.isActive():
            self.save_now()
        self._stopped = True
        if not self._jobs.wait(_SHUTDOWN_WAIT_MS):
            log.warning("the draft was still being written when the window closed")

    @property
    def _store(self) -> DraftStore:
        if self._opened is None:
            self._opened = self._open_store()
        return self._opened

    def _on_loaded(self, draft: TicketDraft | None) -> None:
        if draft is not None:
            self.restored.emit(draft)
        self.restore_finished.emit()

    def _on_saved(self, _result: None) -> None:
        if self._failing:
            self._failing = False
            log.info("the draft can be written again")

    def _run(self, function: Callable[[], T], on_result: Callable[[T], None]) -> None:
        if not self._stopped:
            self._jobs.run(function, on_result, self._on_failed)

    def _on_failed(self, error: Exception) -> None:
        from gui.core.drafts import DraftCorrupt

        if isinstance(error, DraftCorrupt):
            # The store's own sentence says what was wrong and where the file went.
            lead = QT_TRANSLATE_NOOP("DraftKeeper", "Your unsent draft could not be read.")
            self.problem.emit(join([lead, error.message]))
            return
        if self._failing:
            return  # said once; the form still holds everything
        self._failing = True
        log.warning("could not save the draft: %s", error)
        reason = getattr(error, "strerror", None) or str(error)
        self.problem.emit(
            QT_TRANSLATE_NOOP(
                "DraftKeeper",
                "Your draft cannot be saved ({reason}): the disk may be full or the data folder "
                "read-only. The form keeps what you typed; do not close the app until it is sent.",
            ).format(reason=plain(reason))
        )


def open_drafts(path: Path) -> DraftStore:
    """The draft file at `path` (for `DraftKeeper(store=partial(open_drafts, path))`)."""
    from gui.core.drafts import DraftStore

    return DraftStore(path)
