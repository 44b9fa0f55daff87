"""A drain claims the updates that are safe to send twice in groups, and records each group's
answers with the claim of the next in one commit (gui/ui/dispatcher.py); an update that would
notify somebody, or create a ticket, is claimed alone. Driven on the real dispatcher, a real
SQLite file and a loopback sandbox; the commits are counted as the outbox's transactions end.

How many a group holds depends on how fast the server answers (`_group_size`); these tests fix
it at 16, and the slice at a minute, so that what they count does not depend on the machine."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import gui.ui.dispatcher as dispatcher_module
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.delivery import Delivery
from gui.core.destination import destination_of
from gui.core.outbox import ItemState, OutboxStore, database, queue
from gui.core.sender import TicketSender
from gui.sandbox import SandboxServer
from gui.sandbox.replies import json_reply
from gui.ui.dispatcher import OutboxDispatcher, open_outbox
from tests.unit.test_outbox import update

TICKETS = [f"tic_{number}" for number in range(1, 13)]


class Drain:
    """A dispatcher on `path` sending to `sandbox`, with what each write transaction removed
    from the outbox (one entry per COMMIT: how many items it answered)."""

    def __init__(
        self, qtbot: QtBot, path: Path, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.qtbot = qtbot
        self.sender = TicketSender(Connection(sandbox.url, Credentials(token=sandbox.TOKEN)))
        self.dispatcher = OutboxDispatcher(
            store=functools.partial(open_outbox, path), sender=lambda: self.sender
        )
        self.attempts: list[Delivery] = []
        self.dispatcher.attempted.connect(self.attempts.append)
        self.commits: list[int] = []  # items removed, per COMMIT
        removed = 0
        real_transaction, real_remove = database.transaction, queue.remove

        @contextlib.contextmanager
        def transaction(connection: sqlite3.Connection) -> Iterator[None]:
            nonlocal removed
            removed = 0
            with real_transaction(connection):
                yield
            self.commits.append(removed)

        def remove(connection: sqlite3.Connection, item_id: int, **claimed: Any) -> object:
            nonlocal removed
            removed += 1
            return real_remove(connection, item_id, **claimed)

        monkeypatch.setattr(database, "transaction", transaction)
        monkeypatch.setattr(queue, "remove", remove)

    def run(self, expected_attempts: int) -> None:
        """Start the dispatcher, wait for that many attempts, shut it down."""
        try:
            self.dispatcher.start()
            self.qtbot.waitUntil(lambda: len(self.attempts) >= expected_attempts, timeout=20_000)
        finally:
            self.dispatcher.shutdown()
            self.sender.close()

    def groups(self) -> list[int]:
        """How many answers each commit recorded, for the commits that recorded any."""
        return [answers for answers in self.commits if answers]


@pytest.fixture
def fixed_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dispatcher_module, "_group_size", lambda _seconds: 16)
    monkeypatch.setattr(dispatcher_module, "_BATCH_SECONDS", 60.0)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(tickets=TICKETS) as server:
        yield server


def queue_updates(path: Path, sandbox: SandboxServer, *updates: object) -> list[int]:
    here = destination_of(Connection(sandbox.url, Credentials(token=sandbox.TOKEN)))
    store = OutboxStore(path)
    try:
        return [store.add(one, destination=here).id for one in updates]  # type: ignore[arg-type]
    finally:
        store.close_all()


def sent_titles(sandbox: SandboxServer) -> list[str]:
    return [dict(r.form)["title"] for r in sandbox.requests if r.method == "PUT"]


def history(path: Path) -> list[tuple[str, str]]:
    store = OutboxStore(path)
    try:
        return sorted((entry.ticket_id, entry.outcome) for entry in store.history(limit=100))
    finally:
        store.close_all()


def test_twelve_safe_updates_are_recorded_in_two_commits(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: SandboxServer,
    fixed_groups: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "outbox.sqlite3"
    queue_updates(path, sandbox, *(update(ticket, f"note {ticket}") for ticket in TICKETS))
    drain = Drain(qtbot, path, sandbox, monkeypatch)
    drain.run(len(TICKETS))
    # The first item alone (nothing says yet how fast the server answers), then the other
    # eleven in one group: their answers in one commit.
    assert drain.groups() == [1, 11]
    assert sent_titles(sandbox) == [update(t, f"note {t}").title for t in TICKETS]  # once each
    assert all(attempt.succeeded for attempt in drain.attempts)
    assert sorted(a.item.ticket_id for a in drain.attempts) == sorted(TICKETS)
    assert history(tmp_path / "outbox.sqlite3") == sorted((t, "sent") for t in TICKETS)


def test_an_update_that_notifies_is_claimed_alone_in_its_turn(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: SandboxServer,
    fixed_groups: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "outbox.sqlite3"
    updates = [
        update("tic_1"),
        update("tic_2"),
        update("tic_3", notify=True),
        update("tic_4"),
        update("tic_5"),
    ]
    queue_updates(path, sandbox, *updates)
    claimed: list[list[tuple[str, bool]]] = []
    record = OutboxStore.record_answers

    def spying(store: OutboxStore, *args: object, **kwargs: object) -> list[object]:
        group = record(store, *args, **kwargs)  # type: ignore[arg-type]
        claimed.append([(item.ticket_id, item.notify) for item in group])
        return group  # type: ignore[return-value]

    drain = Drain(qtbot, path, sandbox, monkeypatch)
    monkeypatch.setattr(OutboxStore, "record_answers", spying)
    drain.run(len(updates))
    # tic_1 was claimed first, alone; then tic_2 up to the one that notifies, which goes on
    # its own, and only once it is answered the two after it.
    assert claimed[:3] == [
        [("tic_2", False)],
        [("tic_3", True)],
        [("tic_4", False), ("tic_5", False)],
    ]
    assert drain.groups() == [1, 1, 1, 2]
    assert sent_titles(sandbox) == [one.title for one in updates]


def test_a_refused_update_in_a_group_leaves_the_others_to_go(
    qtbot: QtBot, tmp_path: Path, fixed_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SandboxServer(tickets=["tic_1", "tic_2", "tic_4", "tic_5"]) as sandbox:  # no tic_3
        path = tmp_path / "outbox.sqlite3"
        tickets = ["tic_1", "tic_2", "tic_3", "tic_4", "tic_5"]
        queue_updates(path, sandbox, *(update(ticket) for ticket in tickets))
        drain = Drain(qtbot, path, sandbox, monkeypatch)
        drain.run(len(tickets))
        assert len(sent_titles(sandbox)) == 5  # each once
    outcomes = {a.item.ticket_id: a.succeeded for a in drain.attempts}
    assert outcomes == {"tic_1": True, "tic_2": True, "tic_3": False, "tic_4": True, "tic_5": True}
    assert history(path) == [
        ("tic_1", "sent"),
        ("tic_2", "sent"),
        ("tic_3", "refused"),
        ("tic_4", "sent"),
        ("tic_5", "sent"),
    ]
    # tic_1; then the refusal, which removed tic_3 in a commit of its own; then the answers
    # of the other three of its group.
    assert drain.groups() == [1, 1, 3]


class SlowTicketSandbox(SandboxServer):
    """Answers at once, except a PUT to `slow`, which it answers after `seconds`."""

    def __init__(self, slow: str, seconds: float, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.slow, self.seconds = slow, seconds
        self._not_yet = threading.Event()

    def _update_ticket(self, ticket_id: str, request: object) -> object:
        if ticket_id == self.slow:
            self._not_yet.wait(self.seconds)
        return super()._update_ticket(ticket_id, request)  # type: ignore[arg-type]

    def stop(self) -> None:
        self._not_yet.set()  # a request it still holds is answered now, to nobody
        super().stop()


def test_the_end_of_a_slice_gives_back_the_items_claimed_but_not_sent(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slice ends while tic_2 is answered slowly: the rest of its group goes back to wait,
    without the attempt its claim counted, and goes out in a later slice, once."""
    monkeypatch.setattr(dispatcher_module, "_group_size", lambda _seconds: 16)
    monkeypatch.setattr(dispatcher_module, "_BATCH_SECONDS", 0.2)
    tickets = TICKETS[:4]
    with SlowTicketSandbox("tic_2", 0.4, tickets=tickets) as sandbox:
        path = tmp_path / "outbox.sqlite3"
        ids = queue_updates(path, sandbox, *(update(ticket) for ticket in tickets))
        drain = Drain(qtbot, path, sandbox, monkeypatch)
        released: list[tuple[int, ItemState, int]] = []
        record = OutboxStore.record_answers

        def spying(store: OutboxStore, answers: object, **kwargs: object) -> list[object]:
            group = record(store, answers, **kwargs)  # type: ignore[arg-type]
            by_id = {item.id: item for item in store.items()}
            for item_id in kwargs.get("release") or []:  # type: ignore[attr-defined]
                released.append((item_id, by_id[item_id].state, by_id[item_id].attempts))
            return group  # type: ignore[return-value]

        monkeypatch.setattr(OutboxStore, "record_answers", spying)

        drain.run(len(tickets))
        assert sent_titles(sandbox) == [update(ticket).title for ticket in tickets]  # once each
    assert released == [(ids[2], ItemState.WAITING, 0), (ids[3], ItemState.WAITING, 0)]
    assert [a.item.attempts for a in drain.attempts] == [1, 1, 1, 1]  # no attempt counted twice
    assert history(path) == sorted((ticket, "sent") for ticket in tickets)


@pytest.mark.parametrize(
    ("seconds", "size"),
    [(0.0, 1), (0.0002, 32), (0.0006, 32), (0.004, 5), (0.01, 2), (0.02, 1), (2.5, 1)],
)
def test_a_group_holds_as_many_as_fit_in_a_fiftieth_of_a_second(seconds: float, size: int) -> None:
    assert dispatcher_module._group_size(seconds) == size


class FailsOnceSandbox(SandboxServer):
    """Answers 503 (come back later) to the first PUT to `failing`, at once to the rest."""

    def __init__(self, failing: str, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.failing = failing
        self._failed = False

    def _update_ticket(self, ticket_id: str, request: object) -> object:
        if ticket_id == self.failing and not self._failed:
            self._failed = True
            return json_reply(503, {"errors": [{"message": "busy"}]})
        return super()._update_ticket(ticket_id, request)  # type: ignore[arg-type]


def test_after_a_failure_in_a_group_its_ticket_s_later_update_is_not_sent(
    qtbot: QtBot, tmp_path: Path, fixed_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tic_2's two updates are claimed in one group, in order. Its first is answered 503 and
    waits for its next try: its second must not overtake it, so it is given back unsent, while
    the rest of the group goes."""
    tickets = ["tic_1", "tic_2", "tic_3", "tic_2", "tic_4"]
    with FailsOnceSandbox("tic_2", tickets=TICKETS[:4]) as sandbox:
        path = tmp_path / "outbox.sqlite3"
        ids = queue_updates(path, sandbox, *(update(t, f"note {n}") for n, t in enumerate(tickets)))
        drain = Drain(qtbot, path, sandbox, monkeypatch)
        drain.run(4)
        puts = [r.path.rsplit("/", 1)[-1] for r in sandbox.requests if r.method == "PUT"]
    assert puts == ["tic_1", "tic_2", "tic_3", "tic_4"]  # tic_2's second update was not sent
    assert [(a.item.ticket_id, a.succeeded) for a in drain.attempts] == [
        ("tic_1", True),
        ("tic_2", False),
        ("tic_3", True),
        ("tic_4", True),
    ]
    store = OutboxStore(path)
    try:
        left = {item.id: (item.state, item.attempts) for item in store.items()}
    finally:
        store.close_all()
    # the first waits for its next try; the second, as if never claimed, behind it
    assert left == {ids[1]: (ItemState.WAITING, 1), ids[3]: (ItemState.WAITING, 0)}


def readings(
    monkeypatch: pytest.MonkeyPatch, *, read_seconds: float, batches: int, every: float
) -> tuple[list[bool], bool, int]:
    """Whether `_list_for_panel` read the outbox at the end of each of `batches` batches,
    `every` seconds apart, when reading it takes `read_seconds` (on a made-up clock); then
    whether it read it once the drain was over, and how many readings there were."""
    now = [100.0]
    monkeypatch.setattr(dispatcher_module.time, "monotonic", lambda: now[0])
    reads = 0

    class SlowToRead:
        def items(self) -> list[object]:
            nonlocal reads
            reads += 1
            now[0] += read_seconds
            return []

    store: Any = SlowToRead()
    dispatcher = OutboxDispatcher(store=lambda: store, sender=lambda: None)  # type: ignore[arg-type, return-value]
    try:
        listed = []
        for _batch in range(batches):
            listed.append(dispatcher._list_for_panel(store, finished=False) is not None)
            now[0] += every
        finished = dispatcher._list_for_panel(store, finished=True) is not None
    finally:
        dispatcher.shutdown()
    return listed, finished, reads


def test_a_long_outbox_is_read_for_the_panel_less_often_while_it_drains(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reading the whole outbox for the panel at the end of every quarter-second batch would
    cost a long outbox several percent of its drain; it is read at most once per fifty times
    its last reading took, and always when the drain is over."""
    listed, finished, reads = readings(monkeypatch, read_seconds=0.010, batches=8, every=0.3)
    # read every other time: 0.3 s after a 10 ms reading is too soon, 0.6 s is not
    assert listed == [True, False, True, False, True, False, True, False]
    assert finished and reads == 5


def test_a_very_long_outbox_is_still_read_once_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    """The status bar's count of waiting updates comes from that reading: however long the
    outbox (fifty times a 100 ms reading would be five seconds), it is at most a second old
    while it drains."""
    batch = dispatcher_module._BATCH_SECONDS  # a batch ends every quarter of a second
    listed, _finished, _reads = readings(monkeypatch, read_seconds=0.1, batches=9, every=batch)
    # read at the end of the first batch, then of every third: 0.85 s apart
    assert listed == [True, False, False, True, False, False, True, False, False]


def test_closing_mid_group_records_the_answers_and_gives_back_the_rest(
    qtbot: QtBot, tmp_path: Path, fixed_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window closes while tic_3's request is in flight: the answers before it are
    recorded, tic_3 stays "sending" for the next start to settle (it may have arrived), and
    the items after it, claimed with it but never sent, wait again as if never claimed."""
    tickets = TICKETS[:6]
    with SlowTicketSandbox("tic_3", 30.0, tickets=tickets) as sandbox:
        path = tmp_path / "outbox.sqlite3"
        ids = queue_updates(path, sandbox, *(update(ticket) for ticket in tickets))
        drain = Drain(qtbot, path, sandbox, monkeypatch)
        drain.dispatcher.start()
        # tic_1 and tic_2 answered, tic_3 in flight
        qtbot.waitUntil(lambda: len(sandbox.requests) >= 3, timeout=10_000)
        drain.dispatcher.shutdown()
        drain.sender.close()
        # what the worker announced as it stopped reaches the GUI thread at its next turn
        qtbot.waitUntil(lambda: len(drain.attempts) == 2, timeout=5000)
    store = OutboxStore(path)
    try:
        left = {item.id: (item.state, item.attempts) for item in store.items()}
    finally:
        store.close_all()
    assert left == {
        ids[2]: (ItemState.SENDING, 1),
        **{item_id: (ItemState.WAITING, 0) for item_id in ids[3:]},
    }
    assert history(path) == [("tic_1", "sent"), ("tic_2", "sent")]
    assert [a.item.ticket_id for a in drain.attempts if a.succeeded] == ["tic_1", "tic_2"]


def test_a_success_is_said_at_once_even_when_the_next_request_of_its_group_hangs(
    qtbot: QtBot, tmp_path: Path, fixed_groups: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tic_2's answer waits for its group's commit, which waits for tic_3's request; the
    window must hear that tic_2 arrived without waiting for tic_3 (the form would otherwise
    say it had no answer)."""
    tickets = TICKETS[:4]
    with SlowTicketSandbox("tic_3", 30.0, tickets=tickets) as sandbox:
        path = tmp_path / "outbox.sqlite3"
        queue_updates(path, sandbox, *(update(ticket) for ticket in tickets))
        drain = Drain(qtbot, path, sandbox, monkeypatch)
        try:
            drain.dispatcher.start()
            qtbot.waitUntil(lambda: len(drain.attempts) == 2, timeout=10_000)
            assert [a.item.ticket_id for a in drain.attempts] == ["tic_1", "tic_2"]
            assert len(sandbox.requests) == 3  # tic_3 is still held
            assert drain.groups() == [1]  # only tic_1's answer is recorded yet
        finally:
            drain.dispatcher.shutdown()
            drain.sender.close()


def test_the_attempts_are_said_before_the_outbox_that_follows_them(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: SandboxServer,
    fixed_groups: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Attempts reach the GUI thread on a timer while the outbox drains; the end of a batch
    says the ones not yet said before it lists the outbox, so that no listing ever shows an
    item gone whose attempt the window has not heard of."""
    path = tmp_path / "outbox.sqlite3"
    queue_updates(path, sandbox, *(update(ticket) for ticket in TICKETS[:6]))
    drain = Drain(qtbot, path, sandbox, monkeypatch)
    said: list[str] = []
    drain.dispatcher.attempted.connect(lambda a: said.append(a.item.ticket_id))
    gone_unheard: list[str] = []

    def on_changed(items: list[Any]) -> None:
        left = {item.ticket_id for item in items}
        gone_unheard.extend(t for t in TICKETS[:6] if t not in left and t not in said)
        said.append("listed")

    drain.dispatcher.changed.connect(on_changed)
    drain.run(6)
    qtbot.waitUntil(lambda: said[-1:] == ["listed"], timeout=5000)
    assert gone_unheard == []
    assert sorted(t for t in said if t != "listed") == TICKETS[:6]


def test_a_pump_asked_while_a_batch_runs_is_not_lost(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch that found nothing due and nothing to wake for is still running when another
    connection adds an update to the file and the window is asked to send: the update goes
    out once that batch is over, instead of waiting for some later event."""
    path = tmp_path / "outbox.sqlite3"
    queue_updates(path, sandbox)  # an empty outbox file
    drain = Drain(qtbot, path, sandbox, monkeypatch)
    looked, go_on = threading.Event(), threading.Event()
    real = OutboxDispatcher._drain

    def slow_to_end(dispatcher: OutboxDispatcher) -> Any:
        drained = real(dispatcher)  # nothing due, nothing waits: it will not wake by itself
        looked.set()
        go_on.wait(10)
        return drained

    monkeypatch.setattr(OutboxDispatcher, "_drain", slow_to_end)
    try:
        drain.dispatcher.start()
        qtbot.waitUntil(looked.is_set, timeout=5000)
        monkeypatch.setattr(OutboxDispatcher, "_drain", real)
        queue_updates(path, sandbox, update("tic_1", "added meanwhile"))
        drain.dispatcher.pump()  # while the batch still runs
        go_on.set()
        qtbot.waitUntil(lambda: len(drain.attempts) == 1, timeout=5000)
    finally:
        go_on.set()
        drain.dispatcher.shutdown()
        drain.sender.close()
    assert sent_titles(sandbox) == [update("tic_1", "added meanwhile").title]
