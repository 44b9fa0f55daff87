"""`TicketSender`: sends updates for one connection from worker threads.

Importing this module is cheap. `requests` and the contact validators are loaded by `warm_up`
or by the first `send`, both meant to run off the GUI thread, so the window opens fast and the
GUI thread never waits on an import.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import gui
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.core.redaction import redactor

if TYPE_CHECKING:
    from gui.core.abort import Abort
    from gui.core.client import TicketClient, UpdateResult
    from gui.core.config import Connection
    from gui.core.ticket import TicketUpdate

#: Modules the first send or validation needs; `warm_up` loads them ahead of time, one at a
#: time, in this order: the libraries requests is made of come first, so that no one import
#: takes long (at most ~17 ms, urllib3's, on the development machine) and a window closed
#: during the warm-up waits for one of them only.
_HEAVY_MODULES = (
    "ssl",
    "http.client",
    "urllib3",
    "idna",
    "charset_normalizer",
    "requests",
    "gui.core.ticket",
    "gui.core.sms",
    "gui.core.validation",
    "gui.core.address_book",
    "gui.core.client",
    "email_validator",
    "phonenumbers",
)

#: How long the warm-up's thread may keep the GIL when another thread asks for it (seconds).
_WARM_UP_GIL_TURN = 0.001

#: What the user reads when sending is attempted without a usable connection (and no reason).
_NOT_SET_UP = QT_TRANSLATE_NOOP("sender", "Sending is not set up.")


def warm_up(stopped: Callable[[], bool] = lambda: False) -> None:
    """Load what sending and validation need (blocking: call it on a worker thread), one
    module at a time, until `stopped()` says the window is closing.

    Meanwhile the interpreter offers the GIL to other threads every `_WARM_UP_GIL_TURN`
    seconds instead of every 5 ms: an import is one long run of Python (email_validator's
    13 ms), and the window's thread would otherwise wait up to 5 ms for each turn."""
    turn = sys.getswitchinterval()
    sys.setswitchinterval(min(turn, _WARM_UP_GIL_TURN))
    try:
        for name in _HEAVY_MODULES:
            if stopped():
                return
            importlib.import_module(name)
        _ = gui.__version__  # read once here: it costs the importlib.metadata machinery
    finally:
        sys.setswitchinterval(turn)


class TicketSender:
    """Owns the `TicketClient` for one `Connection`; safe to call from any thread."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        redactor.remember(*connection.credentials.secrets())
        self._lock = threading.Lock()  # guards _client
        self._sending = threading.Lock()  # one request at a time on the shared session
        self._client: TicketClient | None = None

    def warm_up(self, stopped: Callable[[], bool] = lambda: False) -> None:
        """`warm_up`, for a sender at hand."""
        warm_up(stopped)

    def send(self, update: TicketUpdate, abort: Abort) -> UpdateResult:
        """Blocking PUT (or POST for a new ticket) of `update`; raises a `TicketError` with the
        user's message."""
        if not self.connection.usable:
            from gui.core.errors import ConfigurationError

            raise ConfigurationError(self.connection.problem or _NOT_SET_UP)
        client = self._get_client()
        # One request at a time: a send that starts while a cancelled one is still unwinding
        # (its socket already shut down by `abort`) waits the moment that takes.
        with self._sending:
            return client.send(update, abort=abort)

    def check_connection(self, abort: Abort) -> str:
        """Blocking check of the credentials against the server, as a sentence for the user."""
        if not self.connection.usable:
            from gui.core.errors import ConfigurationError

            raise ConfigurationError(self.connection.problem or _NOT_SET_UP)
        with self._sending:
            return self._get_client().check_connection(abort=abort)

    def close(self) -> None:
        with self._lock:
            client, self._client = self._client, None
        if client is not None:
            client.close()

    def _get_client(self) -> TicketClient:
        with self._lock:
            if self._client is None:
                from gui.core.client import TicketClient

                connection = self.connection
                self._client = TicketClient(
                    api_base=connection.api_base,
                    credentials=connection.credentials,
                    connect_timeout=connection.connect_timeout,
                    read_timeout=connection.read_timeout,
                    ca_bundle=connection.ca_bundle,
                )
            return self._client
