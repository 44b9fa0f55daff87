"""What the outbox does after a failed attempt to send an item: send it again by itself, wait for
the user's decision, or hand it back to the form.

The rule that matters: an update is resent without asking only when it provably did not reach
the server (nothing listened, DNS failed, TLS failed, the connection could not be opened or the
connect timed out), when the server itself asked us to come back (429 / 503), or when a resend
cannot notify anybody twice (notify off: the PUT is idempotent). Anything that may have reached
the server with notify on waits for the user, because the server may already have texted people;
so does a new ticket, because a second POST would create a second ticket.
"""

from __future__ import annotations

import enum
import math
import random
from typing import NamedTuple

from gui.core import errors
from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message, plain

#: The context of this module's sentences with a number (lupdate reads it by this name).
retry = Context("retry")

#: The longest backoff between two attempts, in seconds (a server's Retry-After may ask for more).
MAX_BACKOFF = 300.0
#: The longest wait a server's Retry-After is honoured for, in seconds: a server asking for more
#: (a typo, a far-future date) gets its next try after an hour, not in a millennium.
MAX_RETRY_AFTER = 3600.0
#: The shortest wait before an automatic resend, in seconds.
MIN_BACKOFF = 1.0

#: Failures after which the request provably did not reach the server.
_NOT_SENT: tuple[type[errors.TicketError], ...] = (
    errors.ConnectionRefused,
    errors.HostNotFound,
    errors.TlsFailed,
    errors.Unreachable,
)
#: Failures that cannot be mended by resending: the user has to fix Settings first.
_SETTINGS: tuple[type[errors.TicketError], ...] = (
    errors.TokenRejected,
    errors.KeysRejected,
    errors.ConfigurationError,
    errors.InvalidCredentials,
    errors.KeychainError,
)
#: Gateway answers: a proxy gave up on the server, which may have applied the update.
_GATEWAY_STATUSES = (502, 504)


class Action(enum.StrEnum):
    """What to do with an item after a failed attempt."""

    RETRY = "retry"  # send again on its own at `delay` seconds from now
    DECIDE = "decide"  # wait for the user: Resend or Discard (the server may have applied it)
    REFUSED = "refused"  # the server refused the values (4xx): not queued, back to the form


class Verdict(NamedTuple):
    action: Action
    delay: float | None  # seconds, for RETRY only
    reason: str  # one plain sentence for the outbox panel (a Message the UI translates)
    #: Seconds the server asked to wait (Retry-After, at most `MAX_RETRY_AFTER`); None when it
    #: asked nothing. The backoff (`delay`) may be cut short by a user's explicit send; this not.
    asked: float | None = None


def backoff(attempts: int, *, rng: random.Random | None = None) -> float:
    """Seconds to wait after the `attempts`-th failed attempt (1 for the first failure).

    Exponential with "equal jitter": a base of ``2 ** (attempts - 1)`` seconds capped at 300,
    and a random delay in ``[base / 2, base]``, never below 1 s nor above 300 s. The jitter
    keeps many clients that failed together from coming back together.
    """
    exponent = min(max(attempts, 1) - 1, 16)  # 2 ** 16 is far above the cap already
    base = min(MAX_BACKOFF, float(2**exponent))
    # Jitter, not cryptography: the module's generator is the right tool.
    uniform = rng.uniform if rng is not None else random.uniform  # nosec B311
    return min(MAX_BACKOFF, max(MIN_BACKOFF, uniform(base / 2, base)))


def decide(
    error: Exception,
    *,
    notify: bool,
    attempts: int,
    creates: bool = False,
    rng: random.Random | None = None,
) -> Verdict:
    """What to do after `error` ended the `attempts`-th attempt to send an item.

    `notify` is the item's notify flag: with it off, resending cannot notify anybody twice.
    `creates` says the item is a new ticket, which is never resent without asking when the
    server may have created it.
    """
    if isinstance(error, errors.ServerBusy):
        asked = float(error.retry_after or 0)
        delay = min(MAX_RETRY_AFTER, max(backoff(attempts, rng=rng), asked))
        if asked > MAX_RETRY_AFTER:  # said, since the next try comes before the server asked
            busy = QT_TRANSLATE_NOOP(
                "retry", "Particle Space is busy (HTTP {status}) and asked to wait {wait}"
            ).format(status=error.status, wait=duration(asked))
        else:
            busy = QT_TRANSLATE_NOOP("retry", "Particle Space is busy (HTTP {status})").format(
                status=error.status
            )
        return _retry(busy, delay)._replace(asked=min(MAX_RETRY_AFTER, asked) or None)

    if isinstance(error, _NOT_SENT) or (
        isinstance(error, errors.TimedOut) and not error.may_have_reached_server
    ):
        return _retry(_not_sent_reason(error), backoff(attempts, rng=rng))

    ambiguous = _ambiguous_reason(error)
    if ambiguous is not None:
        if creates:
            return Verdict(
                Action.DECIDE,
                None,
                QT_TRANSLATE_NOOP(
                    "retry",
                    "{reason}, so the ticket may already have been created: check, then resend "
                    "or discard it.",
                ).format(reason=ambiguous),
            )
        if notify:
            return Verdict(
                Action.DECIDE,
                None,
                QT_TRANSLATE_NOOP(
                    "retry",
                    "{reason}, so people may already have been notified: resend or discard it.",
                ).format(reason=ambiguous),
            )
        safe = QT_TRANSLATE_NOOP("retry", "{reason}; without notifications it is safe to resend")
        return _retry(safe.format(reason=ambiguous), backoff(attempts, rng=rng))

    if isinstance(error, errors.Redirected):
        return Verdict(
            Action.DECIDE,
            None,
            QT_TRANSLATE_NOOP(
                "retry",
                "The server redirected the request (HTTP {status}), so nothing was applied: "
                "check the API address in Settings, then resend.",
            ).format(status=error.status),
        )
    if isinstance(error, errors.ServerFailed):
        return Verdict(
            Action.DECIDE,
            None,
            QT_TRANSLATE_NOOP(
                "retry",
                "Particle Space had a problem (HTTP {status}) and may have applied the "
                "update: check the ticket, then resend or discard it.",
            ).format(status=error.status),
        )
    if isinstance(error, errors.TicketNotFound | errors.RejectedByServer):
        message = error.message
        return Verdict(
            Action.REFUSED, None, message if isinstance(message, Message) else plain(message)
        )
    if isinstance(error, _SETTINGS):
        return Verdict(
            Action.DECIDE, None, SETTINGS_PROBLEM.format(problem=_settings_problem(error))
        )
    return Verdict(
        Action.DECIDE,
        None,
        QT_TRANSLATE_NOOP(
            "retry", "Sending failed unexpectedly ({error}): resend or discard it."
        ).format(error=plain(type(error).__name__)),
    )


def _retry(what: Message, delay: float) -> Verdict:
    return Verdict(
        Action.RETRY,
        delay,
        QT_TRANSLATE_NOOP("retry", "{reason}; next try in {delay}.").format(
            reason=what, delay=duration(delay)
        ),
    )


def _not_sent_reason(error: Exception) -> Message:
    if isinstance(error, errors.ConnectionRefused):
        return QT_TRANSLATE_NOOP("retry", "The server refused the connection, so nothing was sent")
    if isinstance(error, errors.HostNotFound):
        return QT_TRANSLATE_NOOP("retry", "Could not find the server (DNS), so nothing was sent")
    if isinstance(error, errors.TlsFailed):
        return QT_TRANSLATE_NOOP("retry", "Could not connect securely (TLS), so nothing was sent")
    if isinstance(error, errors.TimedOut):
        return QT_TRANSLATE_NOOP(
            "retry", "The server did not accept the connection in time, so nothing was sent"
        )
    return QT_TRANSLATE_NOOP("retry", "Could not reach the server, so nothing was sent")


def _ambiguous_reason(error: Exception) -> Message | None:
    """Why the server may have applied the update although we got no answer; None if not."""
    if isinstance(error, errors.TimedOut) and error.may_have_reached_server:
        return QT_TRANSLATE_NOOP("retry", "No answer in time after the update was sent")
    if isinstance(error, errors.ConnectionLost):
        return QT_TRANSLATE_NOOP("retry", "The connection broke after the update was sent")
    if isinstance(error, errors.Cancelled):
        return QT_TRANSLATE_NOOP(
            "retry", "Sending was stopped, but the update may already have arrived"
        )
    if isinstance(error, errors.ServerFailed) and error.status in _GATEWAY_STATUSES:
        return QT_TRANSLATE_NOOP(
            "retry", "A gateway between here and Particle Space failed (HTTP {status})"
        ).format(status=error.status)
    return None


#: The verdict on an update that the credentials or the configuration kept from being applied.
SETTINGS_PROBLEM = QT_TRANSLATE_NOOP(
    "retry", "{problem}: nothing was applied; fix it in Settings, then resend."
)
TOKEN_REJECTED = QT_TRANSLATE_NOOP("retry", "The token was rejected")
KEYS_REJECTED = QT_TRANSLATE_NOOP("retry", "The keys were rejected")


def _settings_problem(error: Exception) -> Message:
    if isinstance(error, errors.TokenRejected):
        return TOKEN_REJECTED
    if isinstance(error, errors.KeysRejected):
        return KEYS_REJECTED
    if isinstance(error, errors.KeychainError):
        return QT_TRANSLATE_NOOP("retry", "The keychain could not be read")
    return QT_TRANSLATE_NOOP("retry", "Sending is not set up correctly")


def duration(seconds: float) -> Message:
    """``8 s``, ``95 s``, ``5 min``, ``3 h 20 min``, ``12 days``, ``more than a year``: whole
    seconds rounded up, minutes from 2 min on, hours from 2 h on, days from 2 days on."""
    whole = max(1, math.ceil(min(seconds, 1e12)))
    if whole < 120:
        return QT_TRANSLATE_NOOP("retry", "{seconds} s").format(seconds=whole)
    if whole < 2 * 3600:
        minutes, rest = divmod(whole, 60)
        if rest == 0:
            return QT_TRANSLATE_NOOP("retry", "{minutes} min").format(minutes=minutes)
        return QT_TRANSLATE_NOOP("retry", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=rest
        )
    if whole < 2 * 86400:
        hours, rest = divmod(whole // 60, 60)
        if rest == 0:
            return QT_TRANSLATE_NOOP("retry", "{hours} h").format(hours=hours)
        return QT_TRANSLATE_NOOP("retry", "{hours} h {minutes} min").format(
            hours=hours, minutes=rest
        )
    if whole <= 365 * 86400:
        return retry.tr("%n days", "%n day", whole // 86400)
    return QT_TRANSLATE_NOOP("retry", "more than a year")
