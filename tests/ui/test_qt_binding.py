"""The Qt binding itself: a known-bad release must not slip back in through an upgrade."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    happened = Signal()


def test_emitting_a_signal_does_not_eat_references_to_true() -> None:
    # PySide6 6.12.0 decrements True's reference count on every emit(); on Python 3.11 the
    # interpreter then aborts with "bool_dealloc" at some later, unrelated moment.
    emitter = _Emitter()
    received = []
    emitter.happened.connect(lambda: received.append(True))
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.happened.emit()
    assert len(received) == 200
    assert sys.getrefcount(True) >= before + 200  # the list holds 200 more references
