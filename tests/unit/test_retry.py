"""What the outbox does after a failed attempt: the rules of issue 5, one by one."""

from __future__ import annotations

import math
import random
import re

import pytest

from gui.core import errors
from gui.core.errors import FieldError
from gui.core.retry import Action, Verdict, backoff, decide


def base(attempts: int) -> float:
    return float(min(300, 2 ** (attempts - 1)))


# --- Backoff ---------------------------------------------------------------------------------


def test_backoff_stays_within_1_s_and_5_min_with_jitter_in_the_upper_half() -> None:
    rng = random.Random(20261128)
    for attempts in range(1, 60):
        for _ in range(200):
            delay = backoff(attempts, rng=rng)
            assert 1.0 <= delay <= 300.0
            assert max(1.0, base(attempts) / 2) <= delay <= base(attempts)


def test_backoff_grows_until_the_cap() -> None:
    rng = random.Random(7)
    samples = {
        attempts: [backoff(attempts, rng=rng) for _ in range(300)] for attempts in range(1, 15)
    }
    assert samples[1] == [1.0] * 300  # base 1 s: the jitter never goes below the floor
    for attempts in range(1, 9):  # bases 1, 2, 4, … 256: each band starts where the last ended
        assert min(samples[attempts + 1]) >= max(samples[attempts])
        mean_now = sum(samples[attempts]) / 300
        mean_next = sum(samples[attempts + 1]) / 300
        assert mean_next > mean_now
    for attempts in range(10, 15):  # capped: between 150 s and 300 s
        assert all(150.0 <= delay <= 300.0 for delay in samples[attempts])


def test_backoff_is_jittered_and_reproducible_with_a_seed() -> None:
    first = [backoff(6, rng=random.Random(1)) for _ in range(3)]
    assert first == [backoff(6, rng=random.Random(1)) for _ in range(3)]
    rng = random.Random(1)
    assert len({backoff(6, rng=rng) for _ in range(50)}) > 1


@pytest.mark.parametrize("attempts", [0, -3, 1])
def test_backoff_before_or_after_the_first_attempt_is_one_second(attempts: int) -> None:
    assert backoff(attempts, rng=random.Random(3)) == 1.0


def test_backoff_without_an_rng_and_after_very_many_attempts() -> None:
    assert 1.0 <= backoff(3) <= 4.0
    assert 150.0 <= backoff(10**9) <= 300.0


# --- decide ----------------------------------------------------------------------------------

NOT_SENT = [
    errors.ConnectionRefused("refused"),
    errors.HostNotFound("no such host"),
    errors.TlsFailed("bad certificate"),
    errors.Unreachable("network down"),
    errors.TimedOut("connect timeout", may_have_reached_server=False),
]
AMBIGUOUS = [
    errors.TimedOut("read timeout", may_have_reached_server=True),
    errors.ConnectionLost("reset"),
    errors.Cancelled("stopped waiting"),
    errors.ServerFailed("bad gateway", status=502),
    errors.ServerFailed("gateway timeout", status=504),
]
SERVER_FAILED = [
    errors.ServerFailed("internal", status=500),
    errors.ServerFailed("not implemented", status=501),
    errors.ServerFailed("no usable token", status=200),
    errors.Redirected("moved", status=301),
    errors.Redirected("temporary", status=307),
]
REFUSED = [
    errors.RejectedByServer("bad values", status=422, field_errors=[FieldError("title", "x")]),
    errors.RejectedByServer("bad request", status=400),
    errors.TicketNotFound("no ticket", status=404),
]
SETTINGS = [
    errors.TokenRejected("token", status=401),
    errors.TokenRejected("token", status=403),
    errors.KeysRejected("keys", status=401),
    errors.ConfigurationError("plain http"),
    errors.InvalidCredentials([FieldError("secretKey", "Paste the secret key.")]),
]
BUGS: list[Exception] = [
    ValueError("a bug"),
    KeyError("oops"),
    errors.InvalidTicket([FieldError("title", "Enter a title.")]),
]


def name(error: Exception) -> str:
    return f"{type(error).__name__}-{getattr(error, 'status', '')}"


def assert_one_sentence(verdict: Verdict) -> None:
    assert verdict.reason.strip() == verdict.reason
    assert "\n" not in verdict.reason
    assert verdict.reason.endswith(".")
    assert verdict.reason[0].isupper()


def assert_next_try_in_reason(verdict: Verdict) -> None:
    assert verdict.delay is not None
    match = re.search(r"next try in (\d+) s\.$", verdict.reason)
    assert match, verdict.reason
    assert int(match.group(1)) == math.ceil(verdict.delay)


@pytest.mark.parametrize("notify", [False, True])
@pytest.mark.parametrize("error", NOT_SENT, ids=name)
def test_not_sent_is_retried_on_its_own_even_with_notify(error: Exception, notify: bool) -> None:
    verdict = decide(error, notify=notify, attempts=3, rng=random.Random(5))
    assert verdict.action is Action.RETRY
    assert verdict.delay == backoff(3, rng=random.Random(5))
    assert_one_sentence(verdict)
    assert_next_try_in_reason(verdict)
    assert "nothing was sent" in verdict.reason


@pytest.mark.parametrize("error", AMBIGUOUS, ids=name)
def test_ambiguous_with_notify_waits_for_a_decision(error: Exception) -> None:
    verdict = decide(error, notify=True, attempts=1)
    assert verdict.action is Action.DECIDE
    assert verdict.delay is None
    assert "notified" in verdict.reason
    assert_one_sentence(verdict)


@pytest.mark.parametrize("error", AMBIGUOUS, ids=name)
def test_ambiguous_without_notify_is_retried_because_a_put_is_idempotent(
    error: Exception,
) -> None:
    verdict = decide(error, notify=False, attempts=4, rng=random.Random(9))
    assert verdict.action is Action.RETRY
    assert verdict.delay == backoff(4, rng=random.Random(9))
    assert_one_sentence(verdict)
    assert_next_try_in_reason(verdict)


@pytest.mark.parametrize("notify", [False, True])
@pytest.mark.parametrize("error", SERVER_FAILED, ids=name)
def test_other_server_failures_and_redirects_always_wait_for_a_decision(
    error: Exception, notify: bool
) -> None:
    verdict = decide(error, notify=notify, attempts=1)
    assert verdict == Verdict(Action.DECIDE, None, verdict.reason)
    assert f"HTTP {getattr(error, 'status', '')}" in verdict.reason
    assert_one_sentence(verdict)


@pytest.mark.parametrize("notify", [False, True])
@pytest.mark.parametrize("error", REFUSED, ids=name)
def test_4xx_answers_are_refused_back_to_the_form(error: errors.ApiError, notify: bool) -> None:
    verdict = decide(error, notify=notify, attempts=1)
    assert verdict == Verdict(Action.REFUSED, None, error.message)


@pytest.mark.parametrize("notify", [False, True])
@pytest.mark.parametrize("error", SETTINGS, ids=name)
def test_settings_problems_wait_for_the_user_to_fix_settings(
    error: Exception, notify: bool
) -> None:
    verdict = decide(error, notify=notify, attempts=2)
    assert verdict.action is Action.DECIDE
    assert verdict.delay is None
    assert "Settings" in verdict.reason
    assert "nothing was applied" in verdict.reason
    assert_one_sentence(verdict)


@pytest.mark.parametrize("notify", [False, True])
@pytest.mark.parametrize("error", BUGS, ids=name)
def test_anything_else_waits_for_a_decision(error: Exception, notify: bool) -> None:
    verdict = decide(error, notify=notify, attempts=1)
    assert verdict.action is Action.DECIDE
    assert verdict.delay is None
    assert type(error).__name__ in verdict.reason
    assert_one_sentence(verdict)


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("notify", [False, True])
def test_busy_without_retry_after_backs_off(status: int, notify: bool) -> None:
    busy = errors.ServerBusy("busy", status=status, retry_after=None)
    verdict = decide(busy, notify=notify, attempts=5, rng=random.Random(2))
    assert verdict.action is Action.RETRY
    assert verdict.delay == backoff(5, rng=random.Random(2))
    assert f"HTTP {status}" in verdict.reason
    assert_next_try_in_reason(verdict)


def test_retry_after_is_honoured_in_full_even_beyond_five_minutes() -> None:
    busy = errors.ServerBusy("busy", status=503, retry_after=1200)
    verdict = decide(busy, notify=True, attempts=1)
    assert verdict.action is Action.RETRY
    assert verdict.delay == 1200.0
    assert verdict.reason.endswith("next try in 20 min.")


def test_retry_after_shorter_than_the_backoff_gives_the_backoff() -> None:
    busy = errors.ServerBusy("busy", status=429, retry_after=2)
    verdict = decide(busy, notify=False, attempts=8, rng=random.Random(4))
    assert verdict.delay == backoff(8, rng=random.Random(4))
    assert verdict.delay is not None and verdict.delay >= 64


def test_retry_after_longer_than_the_backoff_wins() -> None:
    busy = errors.ServerBusy("busy", status=429, retry_after=45)
    verdict = decide(busy, notify=False, attempts=1)
    assert verdict.delay == 45.0
    assert verdict.reason == "Particle Space is busy (HTTP 429); next try in 45 s."


def test_timed_out_is_judged_by_its_own_may_have_reached_server() -> None:
    read_timeout = errors.TimedOut("x", may_have_reached_server=True)
    connect_timeout = errors.TimedOut("x", may_have_reached_server=False)
    assert decide(read_timeout, notify=True, attempts=1).action is Action.DECIDE
    assert decide(connect_timeout, notify=True, attempts=1).action is Action.RETRY
