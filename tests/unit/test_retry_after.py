"""Retry-After is honoured up to an hour, and the messages say what the server asked and when
the next try really is."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from gui.core import errors
from gui.core.api_contract import LONGEST_RETRY_AFTER, retry_after_seconds
from gui.core.client import TicketClient
from gui.core.credentials import Credentials
from gui.core.retry import MAX_BACKOFF, MAX_RETRY_AFTER, MIN_BACKOFF, Action, decide, duration
from gui.core.ticket import TicketUpdate
from tests.unit.loopback import LoopbackServer, answering

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
#: Seconds from NOW to the last moment an HTTP date can name.
FAR_FUTURE = round((datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC) - NOW).total_seconds())
UPDATE = TicketUpdate("tic_1", "Leaking faucet", "Under the sink", "ON_HOLD", automated=False)


def test_the_cap_is_an_hour_and_above_the_backoff() -> None:
    assert MAX_RETRY_AFTER == 3600.0
    assert MAX_BACKOFF <= MAX_RETRY_AFTER


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("99999999999", 99_999_999_999),
        ("0007", 7),
        ("9" * 5000, LONGEST_RETRY_AFTER),  # int() would refuse it: read as "very long"
        ("1" + "0" * 12, LONGEST_RETRY_AFTER),
        ("1" + "0" * 13, LONGEST_RETRY_AFTER),
        ("Fri, 31 Dec 9999 23:59:59 GMT", FAR_FUTURE),
    ],
)
def test_what_the_server_asked_is_read_however_absurd(header: str, seconds: int) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds


@pytest.mark.parametrize(
    "asked", [None, 0, 1, 7, 299, 301, 3599, 3600, 3601, 99_999_999_999, LONGEST_RETRY_AFTER]
)
@pytest.mark.parametrize("attempts", [1, 2, 5, 9, 20, 1000])
def test_decide_never_waits_longer_than_the_cap(asked: int | None, attempts: int) -> None:
    busy = errors.ServerBusy("busy", status=503, retry_after=asked)
    verdict = decide(busy, notify=True, attempts=attempts, rng=random.Random(attempts))
    assert verdict.action is Action.RETRY
    assert verdict.delay is not None
    assert MIN_BACKOFF <= verdict.delay <= MAX_RETRY_AFTER
    if asked is not None and asked <= MAX_RETRY_AFTER:
        assert verdict.delay >= asked  # what the server asked is honoured


def test_a_wait_for_millennia_is_told_and_capped() -> None:
    busy = errors.ServerBusy("busy", status=503, retry_after=99_999_999_999)
    verdict = decide(busy, notify=False, attempts=1)
    assert verdict.delay == MAX_RETRY_AFTER
    assert verdict.reason == (
        "Particle Space is busy (HTTP 503) and asked to wait more than a year; next try in 60 min."
    )


def test_a_wait_longer_than_the_cap_says_the_ask_in_days() -> None:
    busy = errors.ServerBusy("busy", status=429, retry_after=3 * 86400)
    verdict = decide(busy, notify=False, attempts=1)
    assert verdict.reason == (
        "Particle Space is busy (HTTP 429) and asked to wait 3 days; next try in 60 min."
    )


def test_without_retry_after_the_reason_says_the_real_backoff() -> None:
    busy = errors.ServerBusy("busy", status=503, retry_after=None)
    verdict = decide(busy, notify=False, attempts=4, rng=random.Random(1))
    assert verdict.delay is not None and 4 <= verdict.delay <= 8
    assert (
        verdict.reason
        == f"Particle Space is busy (HTTP 503); next try in {duration(verdict.delay)}."
    )


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.2, "1 s"),
        (119, "119 s"),
        (3600, "60 min"),
        (7199, "119 min 59 s"),
        (7200, "2 h"),
        (9000, "2 h 30 min"),
        (2 * 86400, "2 days"),
        (365 * 86400, "365 days"),
        (365 * 86400 + 1, "more than a year"),
        (float(LONGEST_RETRY_AFTER), "more than a year"),
        (1e300, "more than a year"),
    ],
)
def test_durations(seconds: float, text: str) -> None:
    assert duration(seconds) == text


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("99999999999", "Particle Space is busy (HTTP 503) and asked to wait more than a year."),
        (
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Particle Space is busy (HTTP 503) and asked to wait more than a year.",
        ),
        ("9" * 2000, "Particle Space is busy (HTTP 503) and asked to wait more than a year."),
        ("30", "Particle Space is busy (HTTP 503) and asked to wait 30 s."),
    ],
)
def test_a_busy_server_is_told_truthfully_end_to_end(header: str, message: str) -> None:
    reply = answering("503 Service Unavailable", b"", {"Retry-After": header})
    with LoopbackServer(reply) as server:
        client = TicketClient(
            api_base=f"{server.url}/api/v1", credentials=Credentials(token="tok-busy-ab-12")
        )
        try:
            with pytest.raises(errors.ServerBusy) as caught:
                client.update_ticket(UPDATE)
        finally:
            client.close()
    assert caught.value.message == message  # no promise of when: the outbox decides that
    verdict = decide(caught.value, notify=True, attempts=1)
    assert verdict.delay is not None and verdict.delay <= MAX_RETRY_AFTER
    assert verdict.reason.endswith("next try in 60 min." if header != "30" else "next try in 30 s.")
