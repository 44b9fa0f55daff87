"""`Outcome[T]`: how a piece of blocking work ended, an answer or an error, in one typed value.

Background jobs (gui/ui/worker.py) and outbox deliveries (gui/core/delivery.py) hand their
result back as one of these instead of an untyped object, so a receiver matches on the type:

    match outcome:
        case Succeeded(value):
            ...
        case Failed(error):
            ...
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Succeeded(Generic[T]):
    """The work returned `value`."""

    value: T


@dataclass(frozen=True, slots=True)
class Failed:
    """The work raised `error`."""

    error: Exception


#: An answer or an error.
Outcome = Succeeded[T] | Failed
