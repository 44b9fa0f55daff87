"""The backoff and the server's Retry-After kept apart (schema 5): the window's dispatcher and a
command's own drain wait for the backoff, a user's explicit `outbox send` does not, and nobody
sends before the moment the server asked for."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from gui.core import errors
from gui.core.destination import Destination
from gui.core.outbox import SCHEMA_VERSION, ItemState, OutboxStore
from gui.core.outbox.schema import MIGRATIONS
from gui.core.retry import MAX_RETRY_AFTER, Action, decide
from gui.core.ticket import TicketUpdate, update_to_json
from tests.unit.clocked_store import START, Clock

HERE = Destination("https://api.example.com/api/v1", "acct-a")


def update(ticket: str = "tic_1") -> TicketUpdate:
    return TicketUpdate(ticket, "Leak", "Sink", "NEW", automated=False)


def make_store(path: Path, clock: Clock) -> OutboxStore:
    return OutboxStore(path, clock=clock)


def test_an_explicit_send_takes_an_item_whose_backoff_has_not_run_out(
    tmp_path: Path,
) -> None:
    clock = Clock()
    store = make_store(tmp_path / "outbox.sqlite3", clock)
    try:
        item = store.add(update(), destination=HERE)
        claimed = store.claim_next(HERE)
        assert claimed is not None
        store.reschedule(claimed.id, delay=200.0, error="down")  # a backoff, nobody asked
        clock.now += 5
        assert store.claim_next(HERE) is None  # the dispatcher and a command's drain wait
        again = store.claim_next(HERE, whatever_backoff=True)
        assert again is not None and again.id == item.id and again.attempts == 2
    finally:
        store.close_all()


def test_nobody_sends_before_the_moment_the_server_asked_for(tmp_path: Path) -> None:
    clock = Clock()
    store = make_store(tmp_path / "outbox.sqlite3", clock)
    try:
        store.add(update(), destination=HERE)
        claimed = store.claim_next(HERE)
        assert claimed is not None
        store.reschedule(claimed.id, delay=600.0, error="busy", asked=600.0)
        (waiting,) = store.items()
        assert waiting.not_before == START + 600.0 == waiting.next_try
        clock.now += 599
        assert store.claim_next(HERE, whatever_backoff=True) is None
        clock.now += 1
        assert store.claim_next(HERE, whatever_backoff=True) is not None
    finally:
        store.close_all()


def test_a_shorter_retry_after_than_the_backoff_holds_only_until_it_runs_out(
    tmp_path: Path,
) -> None:
    clock = Clock()
    store = make_store(tmp_path / "outbox.sqlite3", clock)
    try:
        store.add(update(), destination=HERE)
        claimed = store.claim_next(HERE)
        assert claimed is not None
        store.reschedule(claimed.id, delay=120.0, error="busy", asked=7.0)
        clock.now += 7
        assert store.claim_next(HERE) is None  # the backoff for the dispatcher
        assert store.claim_next(HERE, whatever_backoff=True) is not None
    finally:
        store.close_all()


def test_the_verdict_on_a_busy_server_says_what_it_asked_for_capped_at_an_hour() -> None:
    busy = errors.ServerBusy("busy", status=429, retry_after=30)
    verdict = decide(busy, notify=True, attempts=1)
    assert (verdict.action, verdict.asked) == (Action.RETRY, 30.0)
    too_long = errors.ServerBusy("busy", status=503, retry_after=86_400)
    assert decide(too_long, notify=False, attempts=1).asked == MAX_RETRY_AFTER
    silent = errors.ServerBusy("busy", status=503, retry_after=None)
    assert decide(silent, notify=False, attempts=1).asked is None
    down = errors.ConnectionRefused("down")
    assert decide(down, notify=False, attempts=1).asked is None


def test_a_decision_forgets_what_the_server_asked_for(tmp_path: Path) -> None:
    clock = Clock()
    store = make_store(tmp_path / "outbox.sqlite3", clock)
    try:
        store.add(update(), destination=HERE)
        claimed = store.claim_next(HERE)
        assert claimed is not None
        store.reschedule(claimed.id, delay=600.0, error="busy", asked=600.0)
        clock.now += 600
        claimed = store.claim_next(HERE)
        assert claimed is not None
        store.hold(claimed.id, error="unknown")
        (held,) = store.items()
        assert (held.state, held.not_before) == (ItemState.NEEDS_DECISION, None)
    finally:
        store.close_all()


def test_a_version_4_file_is_migrated_and_its_waiting_items_keep_their_backoff(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outbox.sqlite3"
    old = sqlite3.connect(path)
    for step in MIGRATIONS[:4]:
        for statement in step:
            old.execute(statement)
    old.execute(
        "INSERT INTO outbox (ticket_id, payload, state, attempts, created_at, next_try,"
        " api_base, account) VALUES ('tic_1', ?, 'waiting', 1, ?, ?, ?, ?)",
        (update_to_json(update()), START, START + 100, *HERE),
    )
    old.execute("PRAGMA user_version = 4")
    old.commit()
    old.close()
    clock = Clock()
    store = make_store(path, clock)
    try:
        (item,) = store.items()
        assert (item.next_try, item.not_before) == (START + 100, None)
        assert store.claim_next(HERE) is None
        assert store.claim_next(HERE, whatever_backoff=True) is not None
    finally:
        store.close_all()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (7,)
        columns = [row[1] for row in check.execute("PRAGMA table_info(outbox)")]
        assert columns[-1] == "not_before"
    finally:
        check.close()
