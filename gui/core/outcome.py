"""`Outcome[T]`: how a piece of blocking work ended, an answer or an error, in one typed value.

Background jobs (gui/ui/worker.py) and outbox deliveries (gui/core/delivery.py) hand their
result back as one of these instead of an untyped object, so a receiver matches on the type:

    match outcome:
        case Succeeded(value):
            ...
        case Failed(error):
            ...

Plain classes rather than dataclasses: the window imports this at start-up, and the dataclasses
module costs more to import than these two classes are long.
"""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class Succeeded(Generic[T]):
    """The work returned `value`."""

    __slots__ = ("value",)
    __match_args__ = ("value",)

    def __init__(self, value: T) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Succeeded) and other.value == self.value

    def __hash__(self) -> int:
        return hash((Succeeded, self.value))

    def __repr__(self) -> str:
        return f"Succeeded({self.value!r})"


class Failed:
    """The work raised `error`."""

    __slots__ = ("error",)
    __match_args__ = ("error",)

    def __init__(self, error: Exception) -> None:
        self.error = error

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Failed) and other.error is self.error

    def __hash__(self) -> int:
        return hash((Failed, id(self.error)))

    def __repr__(self) -> str:
        return f"Failed({self.error!r})"


#: An answer or an error.
Outcome = Succeeded[T] | Failed
