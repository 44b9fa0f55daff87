"""Several stores opening one new outbox file at the same moment (the sandbox window's
templates and contact book both keep theirs in the real file, each on its own thread): every
one of them gets its connection. SQLite answers "database is locked" at once, without its busy
handler, to a second connection switching a new file to WAL; `Database` waits it out."""

from __future__ import annotations

import threading
from pathlib import Path

from gui.core.outbox.database import Database


def test_three_threads_open_a_new_file_together_and_none_is_refused(tmp_path: Path) -> None:
    refused: list[Exception] = []
    for attempt in range(100):  # before the fix, about one round in fifteen failed
        path = tmp_path / f"{attempt}" / "outbox.sqlite3"
        path.parent.mkdir()
        together = threading.Barrier(3)

        def open_it(path: Path = path, together: threading.Barrier = together) -> None:
            database = Database(path)
            together.wait()
            try:
                database.connection().execute("SELECT 1")
            except Exception as error:  # collected, asserted below
                refused.append(error)
            finally:
                database.close_all()

        threads = [threading.Thread(target=open_it) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert refused == []
