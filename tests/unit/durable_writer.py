"""A child process for the SIGKILL tests: it writes to an outbox or a draft file in a loop and says
on stdout what it has committed, so that the test can kill it at a random moment mid-write.

    python durable_writer.py add DB COUNT START
                                               add COUNT updates numbered from START, printing
                                               "<id> <number>" after each
    python durable_writer.py claim DB          add two updates (notify off, on), claim both, print
                                               "claimed <id> <id>", then wait on stdin to be killed
    python durable_writer.py drafts FILE COUNT save COUNT drafts, printing "<index>" after each
    python durable_writer.py crash FILE POINT  save draft 0, print "0", then SIGKILL itself while
                                               saving draft 1, at POINT: "write" (half the bytes
                                               written), "fsync" (written, before the rename) or
                                               "replace" (renamed, before the folder's fsync)

`Child` is the parent's side: it starts the script, reads its lines with a deadline (no sleeps),
kills it with SIGKILL and collects what it printed before dying.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from gui.core.destination import Destination
from gui.core.drafts import DraftStore
from gui.core.fields import ContactType
from gui.core.outbox import OutboxStore
from gui.core.ticket import Notification, TicketDraft, TicketUpdate

HERE = Destination("https://api.example.com/api/v1", "acct-a")  # where these items are for

ROOT = Path(__file__).resolve().parents[2]


def update(index: int, *, ticket: str | None = None, notify: bool = False) -> TicketUpdate:
    notification = (
        Notification(type=ContactType.SMS, contacts=("2025550123",), message="Water is off")
        if notify
        else None
    )
    return TicketUpdate(
        ticket_id=ticket or f"tic_{index % 7}",
        title=f"update {index}",
        description=f"Leak under the sink, note {index}.",
        status="ON_HOLD",
        automated=False,
        notification=notification,
    )


def draft(index: int) -> TicketDraft:
    # Big enough (about 256 KB) that a kill often lands in the middle of writing it.
    return TicketDraft(
        ticket_id="tic_1001",
        title=f"draft {index}",
        description=draft_description(index),
        status="NEW",
    )


def draft_description(index: int) -> str:
    return f"{index:08d}|" * 28_000


def _main(argv: list[str]) -> int:
    mode, path = argv[0], Path(argv[1])
    if mode == "add":
        store = OutboxStore(path)
        start = int(argv[3])
        for index in range(start, start + int(argv[2])):
            item = store.add(update(index), destination=HERE)
            print(item.id, index, flush=True)
        store.close()
        print("done", flush=True)
    elif mode == "claim":
        store = OutboxStore(path)
        store.add(update(0, ticket="tic_quiet", notify=False), destination=HERE)
        store.add(update(1, ticket="tic_loud", notify=True), destination=HERE)
        first, second = store.claim_next(HERE), store.claim_next(HERE)
        assert first is not None and second is not None
        print("claimed", first.id, second.id, flush=True)
        sys.stdin.read()  # "in flight" until the parent kills us
        store.close()
    elif mode == "drafts":
        drafts = DraftStore(path)
        for index in range(int(argv[2])):
            drafts.save(draft(index))
            print(index, flush=True)
        print("done", flush=True)
    elif mode == "crash":
        drafts = DraftStore(path)
        drafts.save(draft(0))
        print(0, flush=True)
        _crash_at(argv[2])
        drafts.save(draft(1))
        print("survived", flush=True)
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _crash_at(point: str) -> None:
    """Make the next draft save SIGKILL this process at `point` (see the module docstring)."""
    import builtins

    from gui.core import durable  # where DraftStore.save writes (write_atomically)

    if point == "write":

        class HalfWriter:
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                self._file = builtins.open(*args, **kwargs)  # noqa: SIM115 - see __exit__

            def __enter__(self) -> HalfWriter:
                return self

            def __exit__(self, *exc_info: object) -> None:
                self._file.close()

            def write(self, data: bytes) -> int:
                self._file.write(data[: len(data) // 2])
                self._file.flush()
                _die()
                return 0

        durable.open = HalfWriter  # type: ignore[attr-defined]  # shadows the builtin there
    elif point == "fsync":
        os.fsync = lambda descriptor: _die()
    elif point == "replace":
        real_replace = os.replace

        def replace_then_die(source: Any, target: Any) -> None:
            real_replace(source, target)
            _die()

        os.replace = replace_then_die
    else:
        raise SystemExit(f"unknown crash point {point!r}")


class Child:
    """The writer as a real process, read line by line with a deadline."""

    def __init__(self, *args: str) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1")
        self.process = subprocess.Popen(
            [sys.executable, "-W", "error", __file__, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
            cwd=ROOT,
            env=env,
        )
        self._buffer = b""

    def read_line(self, timeout: float = 60.0) -> str:
        """The next line the child printed; fails the test if none comes within `timeout`."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self.kill()
                raise AssertionError("the child printed nothing in time")
            ready, _, _ = select.select([self.process.stdout], [], [], remaining)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 65536)
                if not chunk:
                    _, stderr = self.process.communicate(timeout=30)
                    raise AssertionError(f"the child ended early: {stderr.decode()}")
                self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode()

    def kill(self) -> list[str]:
        """SIGKILL the child, wait for it, and return the whole lines it printed that were not
        read yet (a line cut off by the kill is dropped)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        return self.wait()

    def wait(self, timeout: float = 60.0) -> list[str]:
        """Wait for the child to end by itself (killing it if it does not in time) and return
        the whole lines it printed that were not read yet."""
        try:
            stdout, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate(timeout=30)
            raise AssertionError("the child did not end in time") from None
        data = self._buffer + stdout
        self._buffer = b""
        *lines, _partial = data.split(b"\n")
        return [line.decode() for line in lines]


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
