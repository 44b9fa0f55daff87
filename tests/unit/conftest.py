"""Fixtures the core's tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.outbox import OutboxStore
from tests.unit.clocked_store import Clock


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[OutboxStore]:
    """A real outbox file in `tmp_path`, on `clock` (a test module may define its own)."""
    outbox = OutboxStore(tmp_path / "outbox.sqlite3", clock=clock)
    yield outbox
    outbox.close_all()
