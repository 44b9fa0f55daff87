"""A clock the test moves, for an outbox whose answers depend on when things were sent (the
`clock` and `store` fixtures in tests/unit/conftest.py)."""

from __future__ import annotations

START = 1_800_000_000.0  # 2027-01-15: epoch seconds the tests' clocks start at


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now
