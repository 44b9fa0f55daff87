"""The outbox file as SQLite connections: one per thread, transactions, and damaged files moved
aside.

One file (stdlib `sqlite3`) in WAL mode with ``synchronous=FULL``: once a write transaction has
committed, it is on disk. Every write is one ``BEGIN IMMEDIATE`` transaction, so two threads or
two processes never interleave their writes. Each connection brings the schema up to date
(`gui.core.outbox.schema`) when it opens.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from gui.core.durable import aside_path, fsync_folder
from gui.core.messages import QT_TRANSLATE_NOOP
from gui.core.outbox import schema
from gui.core.private_files import private_database, restrict

log = logging.getLogger(__name__)

#: How long a statement waits for another connection's write lock, in seconds.
BUSY_TIMEOUT = 10.0

# SQLite's primary result codes for a damaged file (extended codes keep these in the low byte).
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class OutboxCorrupt(Exception):
    """The outbox file turned out to be damaged while the app was using it. It was moved to
    `moved_to`; the next call starts a new, empty outbox."""

    def __init__(self, message: str, *, moved_to: Path) -> None:
        super().__init__(message)
        self.message = message
        self.moved_to = moved_to


class _Slot:
    """One thread's connection. When the thread ends, its `threading.local` data goes, and the
    finalizer closes the connection; `close_all` calls the finalizers of every thread."""

    __slots__ = ("__weakref__", "connection", "finalizer", "generation")

    def __init__(self, connection: sqlite3.Connection, generation: int) -> None:
        self.connection = connection
        self.generation = generation
        self.finalizer = weakref.finalize(self, _close_quietly, connection)


def _close_quietly(connection: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        connection.close()


class Database:
    """The SQLite file at `path`, with a connection for each thread that uses it.

    Each thread gets its own connection (a `threading.local`), opened at its first call. The
    first connection checks the file (``PRAGMA quick_check``); a file that is not a database or
    fails the check is renamed ``<name>.corrupt-<UTC timestamp>`` (with its ``-wal`` and
    ``-shm``), a new one is created, and `moved_aside` says where the old one went: that first
    call raises nothing. Damage found later is `guarded` against.

    Connections are opened with ``check_same_thread=False`` only so that `close_all` can close
    other threads' connections at shutdown (sqlite3 refuses even ``close()`` from another thread
    otherwise). A thread never gets another thread's connection.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.moved_aside: Path | None = None
        self._local = threading.local()
        self._lock = threading.Lock()  # guards everything below and opening connections
        self._finalizers: set[weakref.finalize[Any, Any]] = set()
        self._generation = 0  # bumped by close_all: older connections are closed
        self._checked = False  # the file was checked by this database's first connection

    def connection(self) -> sqlite3.Connection:
        """The calling thread's connection, opened (and the file checked) if need be."""
        slot: _Slot | None = getattr(self._local, "slot", None)
        if slot is not None and slot.finalizer.alive and slot.generation == self._generation:
            return slot.connection
        return self._open()

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """The calling thread's connection inside one write `transaction`."""
        connection = self.connection()
        with transaction(connection):
            yield connection

    @contextlib.contextmanager
    def guarded(self) -> Iterator[None]:
        """Turn SQLite's "this file is damaged" into `OutboxCorrupt`, after moving it aside."""
        generation = self._generation
        try:
            yield
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise
            with self._lock:
                if generation != self._generation:
                    moved = self.moved_aside  # another thread handled it already
                else:
                    self._close_all_locked()
                    moved = self._move_aside()
                    self.moved_aside = moved
                    log.warning("the outbox was damaged (%s); moved to %s", error, moved)
            if moved is None:  # close_all ran meanwhile; nothing was moved
                raise
            raise OutboxCorrupt(
                QT_TRANSLATE_NOOP(
                    "outbox",
                    "The outbox file was damaged. It was kept as {name}, and a new, empty "
                    "outbox was started.",
                ).format(name=moved.name),
                moved_to=moved,
            ) from error

    def close(self) -> None:
        """Close the calling thread's connection (the next call from it opens a new one)."""
        slot: _Slot | None = getattr(self._local, "slot", None)
        if slot is not None:
            del self._local.slot
            slot.finalizer()

    def close_all(self, *, then: Callable[[], None] | None = None) -> None:
        """Close every connection this database opened, in every thread; a later call opens a
        new one. `then` runs once they are closed, before any thread can open another."""
        with self._lock:
            self._close_all_locked()
            if then is not None:
                then()
        with contextlib.suppress(AttributeError):
            del self._local.slot

    def _close_all_locked(self) -> None:
        self._generation += 1
        finalizers, self._finalizers = self._finalizers, set()
        for finalizer in finalizers:
            finalizer()

    def _open(self) -> sqlite3.Connection:
        with self._lock:
            old: _Slot | None = getattr(self._local, "slot", None)
            if old is not None:
                del self._local.slot
                old.finalizer()
            if not self._checked:
                self._check_file()
                self._checked = True
            connection = self._connect()
            slot = _Slot(connection, self._generation)
            self._finalizers = {f for f in self._finalizers if f.alive}
            self._finalizers.add(slot.finalizer)
            self._local.slot = slot
            return connection

    def _connect(self) -> sqlite3.Connection:
        private_database(self.path)  # 0600 before SQLite makes -wal, -shm with its mode
        connection = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT,
            isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE … COMMIT
            check_same_thread=False,  # see the class docstring; one thread per connection
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            schema.refuse_newer(connection, self.path)  # before anything changes the file
            _switch_to_wal(connection)
            connection.execute("PRAGMA synchronous = FULL")
            if not schema.is_current(connection):
                with transaction(connection):
                    schema.migrate(connection, self.path)
        except BaseException:
            connection.close()
            raise
        return connection

    def _check_file(self) -> None:
        """Move the file aside if it is not a healthy SQLite database (before anything opens
        it for good)."""
        if not self.path.exists():
            return
        problem = _header_problem(self.path)
        if problem is not None:  # moved before SQLite sees it: it would delete the -wal file
            self.moved_aside = self._move_aside()
            log.warning("the outbox was damaged (%s); moved to %s", problem, self.moved_aside)
            return
        try:
            probe = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT)
            try:
                result = probe.execute("PRAGMA quick_check").fetchall()
            finally:
                probe.close()
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error):
                raise
            problem = str(error)
        else:
            if result == [("ok",)]:
                return
            problem = "; ".join(str(row[0]) for row in result[:5])
        self.moved_aside = self._move_aside()
        log.warning("the outbox was damaged (%s); moved to %s", problem, self.moved_aside)

    def _move_aside(self) -> Path:
        target = aside_path(self.path)
        os.replace(self.path, target)
        restrict(target)  # a file an older version wrote may be readable by others
        for suffix in ("-wal", "-shm", "-journal"):
            companion = self.path.with_name(self.path.name + suffix)
            if companion.exists():
                moved = target.with_name(target.name + suffix)
                os.replace(companion, moved)
                restrict(moved)
        fsync_folder(self.path.parent)
        return target


def _switch_to_wal(connection: sqlite3.Connection) -> None:
    """``PRAGMA journal_mode = WAL``, waiting (up to `BUSY_TIMEOUT`) while another connection
    switches the same new file: SQLite answers "database is locked" at once then, without its
    busy handler, and two stores of one file (the sandbox window's templates and contact book)
    open it together. Callers are worker threads, never the GUI's."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.005)


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` (take the write lock first, so two writers never deadlock) …
    ``COMMIT``, or ``ROLLBACK`` on any error."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise


def _header_problem(path: Path) -> str | None:
    """Why the file cannot be an SQLite database by its first bytes; None if it may be one."""
    with open(path, "rb") as file:
        header = file.read(100)
    if not header:
        return None  # an empty file is an empty database
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return "not an SQLite database"
    return None


def _is_corrupt(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(error).lower()
    return "malformed" in text or "not a database" in text
