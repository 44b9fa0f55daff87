"""`KeychainWriter`: saves or removes the credentials in the OS keychain, off the GUI thread.

Settings' Save and Remove keys, and the window's sign-in page, store the keys through it, so
the keychain is written in one way only: a job on the owner's `JobRunner`, and a deadline of
`KEYCHAIN_WAIT_SECONDS` after which the user is told (a locked keychain may wait for its
unlock prompt for ever) and a late answer is for nobody.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from gui.core.credentials import Credentials
from gui.core.errors import TicketError
from gui.core.keychain import KEYCHAIN_WAIT_SECONDS
from gui.core.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.core.keychain import Keychain
    from gui.ui.worker import JobRunner

log = logging.getLogger(__name__)

#: What the user reads while the keychain is written (each a `Message`).
SAVING = QT_TRANSLATE_NOOP("SettingsDialog", "Saving your keys in the keychain…")
REMOVING = QT_TRANSLATE_NOOP("SettingsDialog", "Removing your keys from the keychain…")


class KeychainWriter(QObject):
    """Stores credentials in `keychain` (or removes them) with a job on `jobs`.

    One write at a time: `save` and `remove` do nothing while one is under way (`busy`).
    `forget` drops the write under way, for an owner that closes: its answer is then ignored.

    Signals:
        saved(Credentials): the keychain now holds these (empty ones after `remove`).
        failed(Message): the keychain refused, or did not answer in time; says why.
        busy_changed(bool): a write started, or ended (or was given up).
    """

    saved = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self, *, keychain: Keychain, jobs: JobRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._keychain = keychain
        self._jobs = jobs
        self._awaiting: object | None = None  # the write whose answer counts
        self._deadline = QTimer(self, singleShot=True, interval=round(KEYCHAIN_WAIT_SECONDS * 1000))
        self._deadline.timeout.connect(self._on_deadline_timeout)

    @property
    def busy(self) -> bool:
        return self._awaiting is not None

    def save(self, credentials: Credentials) -> None:
        """Store `credentials` (entries given empty are deleted); then `saved(credentials)`."""
        self._write(functools.partial(self._keychain.save, credentials), credentials)

    def remove(self) -> None:
        """Remove every stored credential; then `saved(Credentials())`."""
        self._write(self._keychain.delete, Credentials())

    def forget(self) -> None:
        """Stop waiting: the answer of a write under way is for nobody."""
        self._end()

    def _write(self, function: Callable[[], None], credentials: Credentials) -> None:
        if self.busy:
            return
        token = self._awaiting = object()
        self._deadline.start()
        self.busy_changed.emit(True)
        self._jobs.run(
            function,
            lambda _none: self._on_job_succeeded(token, credentials),
            lambda error: self._on_job_failed(token, error),
        )

    def _on_job_succeeded(self, token: object, credentials: Credentials) -> None:
        if token is self._awaiting:
            self._end()
            self.saved.emit(credentials)

    def _on_job_failed(self, token: object, error: Exception) -> None:
        if token is not self._awaiting:
            return
        self._end()
        if isinstance(error, TicketError):
            self.failed.emit(error.message)
            return
        log.error("the keychain write failed", exc_info=error)
        self.failed.emit(
            QT_TRANSLATE_NOOP("SettingsDialog", "Something unexpected went wrong; see the log.")
        )

    def _on_deadline_timeout(self) -> None:
        self._end()
        self.failed.emit(
            QT_TRANSLATE_NOOP(
                "SettingsDialog",
                "The keychain did not answer within {seconds:g} s. It may be waiting for you to "
                "unlock it; try again once it is unlocked.",
            ).format(seconds=KEYCHAIN_WAIT_SECONDS)
        )

    def _end(self) -> None:
        self._deadline.stop()
        if self._awaiting is not None:
            self._awaiting = None
            self.busy_changed.emit(False)
