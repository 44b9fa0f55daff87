"""The app's one way to run blocking work: a `Job` on a `QThreadPool`.

A job takes plain data in (a callable with its arguments bound) and hands plain data out through
the signals of `JobSignals`, which lives in the thread that created the job (the GUI thread), so
receivers run there. The callable never touches a widget. Every signal carries the job's
`request_id`, so a receiver can drop answers to requests it no longer waits for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal, SignalInstance

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """Signals of one `Job`.

    Signals:
        succeeded(request_id, result): the callable returned `result`.
        failed(request_id, error): the callable raised `error` (an Exception).
        finished(request_id): after either of the above; the job is done with its thread.
    """

    succeeded = Signal(int, object)
    failed = Signal(int, object)
    finished = Signal(int)


class Job(QRunnable):
    """Runs `function()` on a pool thread and reports through `signals`."""

    def __init__(self, function: Callable[[], Any], *, request_id: int = 0) -> None:
        super().__init__()
        # Python owns the job: whoever starts it keeps a reference until `finished`.
        self.setAutoDelete(False)
        self.request_id = request_id
        self.signals = JobSignals()
        self._function = function

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # handed to the GUI thread, which decides what to show
            self._emit(self.signals.failed, error)
        else:
            self._emit(self.signals.succeeded, result)
        finally:
            self._emit(self.signals.finished)

    def _emit(self, signal: SignalInstance, *payload: object) -> None:
        try:
            signal.emit(self.request_id, *payload)
        except RuntimeError:  # the signals object is gone: nobody is left to tell
            log.debug("job %d ended after its owner was destroyed", self.request_id)
