"""SIGKILL the real app mid-request and mid-draft-write, start it again, and find everything there.

The app runs in a child process (tests/e2e/drive_outbox.py) on a loopback `SandboxServer` that
lives in this process as the Particle Space stand-in; the parent kills the child with a real
SIGKILL (`Popen.kill`) at the moment it wants, then starts a second child on the same data folder.
Nothing waits by sleeping: the parent reads the child's printed markers from a pipe (with a
deadline), waits on the sandbox's own condition (`wait_for_requests`), and looks for the draft
file between markers, under a bounded deadline.
"""

from __future__ import annotations

import collections
import json
import os
import selectors
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gui.sandbox import Behaviour, SandboxServer

HERE = Path(__file__).parent
DRIVER = HERE / "drive_outbox.py"
TIMEOUT = 60.0  # seconds any child may take for anything
TITLE = "Leaking faucet after the kill"
DRAFT_TEXT = " ".join(f"note{number}" for number in range(2000))
ATTEMPTS_AT_A_TORN_WRITE = 5  # kills, until one lands in the middle of a draft write


def child_environment(tmp_path: Path) -> dict[str, str]:
    """This environment without PARTICLESPACE_* and proxies, with the test's own folders."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PARTICLESPACE_") and not name.lower().endswith("_proxy")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        NO_PROXY="*",  # requests talks to the sandbox on 127.0.0.1 directly, never via a proxy
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",  # never the user's keychain
        PYTHONFAULTHANDLER="1",
    )
    return env


class App:
    """One run of the driver: its stdout read line by line with a deadline, stderr in a file."""

    def __init__(self, tmp_path: Path, api_base: str, *args: str) -> None:
        tmp_path.mkdir(parents=True, exist_ok=True)
        self._stderr_path = tmp_path / f"stderr-{time.monotonic_ns()}.txt"
        with open(self._stderr_path, "wb") as stderr:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    str(DRIVER),
                    "--api-base",
                    api_base,
                    "--token",
                    SandboxServer.TOKEN,
                    *args,
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=child_environment(tmp_path),
            )
        self._buffer = b""
        self._selector = selectors.DefaultSelector()
        assert self.process.stdout is not None
        self._selector.register(self.process.stdout, selectors.EVENT_READ)
        self.lines: list[str] = []
        self.folder = Path(self.expect("folder ").removeprefix("folder "))

    def expect(self, prefix: str, timeout: float = TIMEOUT) -> str:
        """The next line that starts with `prefix` (earlier lines are kept in `lines`)."""
        deadline = time.monotonic() + timeout
        while True:
            line = self._next_line(deadline)
            if line is None:
                raise AssertionError(
                    f"the app never printed {prefix!r}; it printed {self.lines}{self.stderr()}"
                )
            if line.startswith(prefix):
                return line

    def _next_line(self, deadline: float) -> str | None:
        assert self.process.stdout is not None
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not self._selector.select(remaining):
                return None
            data = os.read(self.process.stdout.fileno(), 65536)
            if not data:
                return None  # the app ended
            self._buffer += data
        line, self._buffer = self._buffer.split(b"\n", 1)
        text = line.decode("utf-8", errors="replace")
        self.lines.append(text)
        return text

    def kill(self) -> None:
        """SIGKILL, then reap it."""
        self.process.kill()
        self.close()

    def close(self) -> int:
        try:
            code = self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=TIMEOUT)
            self._selector.close()
            assert self.process.stdout is not None
            self.process.stdout.close()
        return code

    def stderr(self) -> str:
        text = self._stderr_path.read_text("utf-8", errors="replace").strip()
        return f"\nits stderr:\n{text}" if text else ""


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[list[App]]:
    """Every app a test starts ends with it, even when the test fails."""
    started: list[App] = []
    yield started
    for app in started:
        if app.process.poll() is None:
            app.kill()


def start(apps: list[App], tmp_path: Path, api_base: str, *args: str) -> App:
    app = App(tmp_path, api_base, *args)
    apps.append(app)
    return app


def reopen(apps: list[App], tmp_path: Path, api_base: str, *args: str) -> dict[str, Any]:
    """Start the app again on the same folders, let it settle, read what it shows, quit."""
    app = start(apps, tmp_path, api_base, "--just-open", *args)
    shown = json.loads(app.expect("{"))
    assert app.close() == 0, app.stderr()
    assert "Traceback" not in app.stderr(), app.stderr()
    return shown


def puts(sandbox: SandboxServer) -> list[str]:
    return [dict(r.form).get("title", "") for r in sandbox.requests if r.method == "PUT"]


def kill_while_the_put_is_in_flight(
    apps: list[App], tmp_path: Path, sandbox: SandboxServer, *flags: str
) -> None:
    sandbox.behaviour = Behaviour.SLOW  # the sandbox sits on the PUT for a minute
    app = start(apps, tmp_path, sandbox.url, "--send", "--title", TITLE, *flags)
    app.expect("queued")
    sandbox.wait_for_requests(1, timeout=TIMEOUT)  # the PUT has arrived: it is in flight
    app.kill()
    assert puts(sandbox) == [TITLE]


@pytest.fixture
def slow_sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=("tic_1001",), slow_seconds=TIMEOUT) as server:
        yield server


def test_killed_mid_request_with_notify_waits_for_a_decision_and_is_not_resent(
    apps: list[App], tmp_path: Path, slow_sandbox: SandboxServer
) -> None:
    kill_while_the_put_is_in_flight(apps, tmp_path, slow_sandbox, "--notify")
    slow_sandbox.behaviour = Behaviour.NORMAL  # it would answer now, if it were asked

    shown = reopen(apps, tmp_path, slow_sandbox.url)

    (item,) = shown["items"]  # there, exactly once
    assert (item["ticket"], item["title"], item["state"]) == ("tic_1001", TITLE, "needs_decision")
    assert item["attempts"] == 1
    assert "may have arrived" in item["last_error"]
    assert puts(slow_sandbox) == [TITLE]  # people may have been notified: not sent again


def test_killed_mid_request_without_notify_is_resent_once_at_restart(
    apps: list[App], tmp_path: Path, slow_sandbox: SandboxServer
) -> None:
    kill_while_the_put_is_in_flight(apps, tmp_path, slow_sandbox)
    slow_sandbox.behaviour = Behaviour.NORMAL

    shown = reopen(apps, tmp_path, slow_sandbox.url, "--until-empty")

    assert shown["items"] == []  # delivered, nothing left behind
    assert puts(slow_sandbox) == [TITLE, TITLE]  # the first try, then the one safe resend
    assert slow_sandbox.tickets["tic_1001"]["title"] == TITLE
    again = reopen(apps, tmp_path, slow_sandbox.url)  # and a later start sends nothing more
    assert again["items"] == []
    assert puts(slow_sandbox) == [TITLE, TITLE]


def test_killed_while_the_draft_is_written_the_draft_comes_back(
    apps: list[App], tmp_path: Path, slow_sandbox: SandboxServer
) -> None:
    # The keeper writes back to back, so most kills land inside a write (its temporary file is
    # left behind); kill again on a fresh folder, a few times at most, until one did. Every
    # kill's folder is checked at restart.
    for attempt in range(1, ATTEMPTS_AT_A_TORN_WRITE + 1):
        folders = tmp_path / f"attempt-{attempt}"
        app = start(apps, folders, slow_sandbox.url, "--type-draft", DRAFT_TEXT)
        draft = app.folder / "draft.json"
        for _ in range(3):
            app.expect("typing ")
        deadline = time.monotonic() + TIMEOUT
        while not draft.exists():  # written since the first characters; bounded, no sleep
            assert time.monotonic() < deadline, f"no draft was written{app.stderr()}"
            app.expect("typing ")
        app.kill()
        torn = [path.name for path in app.folder.iterdir() if path.name.endswith(".tmp")]

        shown = reopen(apps, folders, slow_sandbox.url)

        restored = shown["description"]
        assert len(restored) >= 40 and DRAFT_TEXT.startswith(restored), restored
        assert shown["banner"] == "Restored your unsent draft."
        left = sorted(path.name for path in app.folder.iterdir())
        assert not [name for name in left if ".corrupt-" in name or name.endswith(".tmp")], left
        if torn:
            break  # this kill interrupted a write, and the draft still came back whole
    assert puts(slow_sandbox) == []


class HoldingSandbox(SandboxServer):
    """Answers at once, except a PUT to `held`, which it holds until `release` is set."""

    def __init__(self, held: str, **options: Any) -> None:
        super().__init__(**options)
        self.held = held
        self.release = threading.Event()

    def _update_ticket(self, ticket_id: str, request: Any) -> Any:
        if ticket_id == self.held:
            self.release.wait(TIMEOUT)
        return super()._update_ticket(ticket_id, request)


def kill_mid_drain(
    apps: list[App], tmp_path: Path, sandbox: HoldingSandbox, updates: list[tuple[str, str]]
) -> list[Any]:
    """Queue `updates` (ticket, title) in a new app's outbox, start it draining, kill it while
    the first PUT to `sandbox.held` is held, then start it again until the outbox is empty.
    Returns the history the store then has."""
    from gui.core.config import Connection
    from gui.core.credentials import Credentials
    from gui.core.destination import destination_of
    from gui.core.outbox import OutboxStore
    from gui.core.ticket import TicketUpdate

    here = destination_of(Connection(sandbox.url, Credentials(token=SandboxServer.TOKEN)))
    first = start(apps, tmp_path, sandbox.url, "--just-open")
    json.loads(first.expect("{"))
    assert first.close() == 0, first.stderr()
    outbox = first.folder / "outbox.sqlite3"
    store = OutboxStore(outbox)
    for ticket, title in updates:
        update = TicketUpdate(ticket, title, "Pipe fixed.", "ON_HOLD", automated=False)
        store.add(update, destination=here)
    store.close_all()
    held = 1 + next(n for n, (ticket, _title) in enumerate(updates) if ticket == sandbox.held)

    app = start(apps, tmp_path, sandbox.url, "--just-open", "--until-empty")
    sandbox.wait_for_requests(held, timeout=TIMEOUT)  # the ones before answered, one held
    app.kill()
    sandbox.release.set()
    assert puts(sandbox)[:held] == [title for _ticket, title in updates[:held]]

    shown = reopen(apps, tmp_path, sandbox.url, "--until-empty")

    assert shown["items"] == []
    store = OutboxStore(outbox)
    try:
        return store.history(limit=1000)
    finally:
        store.close_all()


def test_killed_mid_drain_every_update_arrives_and_none_goes_twice_unexplained(
    apps: list[App], tmp_path: Path
) -> None:
    """A drain claims the updates that are safe to send twice in groups, one commit each
    (gui/ui/dispatcher.py): killed while one of a group is in flight, the answers before it and
    the claims after it were never recorded. The next start must send every one of them, and
    send one more than once only when it recorded why (its STOPPED_RESENDING entry)."""
    from gui.core.outbox import STOPPED_RESENDING

    tickets = [f"tic_{number}" for number in range(1, 9)]
    titles = [f"Drained update {ticket}" for ticket in tickets]
    with HoldingSandbox("tic_4", tickets=tickets) as sandbox:
        # tic_1 to tic_3 answered, tic_4 held at the kill
        entries = kill_mid_drain(apps, tmp_path, sandbox, list(zip(tickets, titles, strict=True)))
    sent = collections.Counter(entry.ticket_id for entry in entries if entry.outcome == "sent")
    resent = collections.Counter(
        entry.ticket_id for entry in entries if entry.message == STOPPED_RESENDING
    )
    received = collections.Counter(puts(sandbox))
    assert sent == dict.fromkeys(tickets, 1)  # each recorded as sent exactly once
    assert resent["tic_4"] == 1  # in flight at the kill: sent again, and said so
    for ticket, title in zip(tickets, titles, strict=True):
        assert 1 <= received[title] <= 1 + resent[ticket], (ticket, received, resent)
        assert sandbox.tickets[ticket]["title"] == title


def test_killed_mid_group_a_ticket_s_updates_still_end_in_their_order(
    apps: list[App], tmp_path: Path
) -> None:
    """A group may hold several updates of one ticket, in order. Killed while the first of
    tic_3's is in flight, the answers of tic_1's second and both of tic_2's were never
    recorded: the next start sends them again, in their order, so each ticket ends with its
    last update, and each is recorded as sent once."""
    tickets = ["tic_1", "tic_2", "tic_3"]
    titles = [(ticket, f"{which} update of {ticket}") for ticket in tickets for which in "AB"]
    with HoldingSandbox("tic_3", tickets=tickets) as sandbox:
        entries = kill_mid_drain(apps, tmp_path, sandbox, titles)  # tic_3's A held at the kill
        ends = {ticket: sandbox.tickets[ticket]["title"] for ticket in tickets}
    assert ends == {ticket: f"B update of {ticket}" for ticket in tickets}
    sent = collections.Counter(
        dict(entry.fields)["title"] for entry in entries if entry.outcome == "sent"
    )
    assert sent == {title: 1 for _ticket, title in titles}
    arrived = puts(sandbox)
    for ticket in tickets:  # the last PUT to each ticket is its B update
        last = [title for title in arrived if title.endswith(ticket)][-1]
        assert last == f"B update of {ticket}", arrived
