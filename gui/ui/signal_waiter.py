"""Waiting for a signal with a bounded event loop, for code that drives the window from outside
(the self-test, tools/screenshots), where pytest-qt's qtbot is not at hand."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

#: How long a wait lasts at most, in milliseconds.
WAIT_MS = 30_000


def wait_for(signals: Sequence[SignalInstance]) -> tuple[object, ...] | None:
    """Run the event loop until one of `signals` fires (see `SignalWaiter.wait`)."""
    with SignalWaiter(signals) as waiter:
        return waiter.wait()


class SignalWaiter:
    """Listens to `signals` from `__enter__` on; `wait()` runs a bounded event loop."""

    def __init__(self, signals: Sequence[SignalInstance]) -> None:
        self._signals = signals
        self._loop = QEventLoop()
        self._timer = QTimer(singleShot=True, interval=WAIT_MS)
        self._timer.timeout.connect(self._loop.quit)
        self._fired: tuple[object, ...] | None = None

    def _on_signal(self, *args: object) -> None:
        if self._fired is None:
            self._fired = args
        self._loop.quit()

    def __enter__(self) -> SignalWaiter:
        for signal in self._signals:
            signal.connect(self._on_signal)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.stop()
        for signal in self._signals:
            signal.disconnect(self._on_signal)

    def wait(self) -> tuple[object, ...] | None:
        """The arguments of the first of the signals to fire, or None after WAIT_MS."""
        if self._fired is None:
            self._timer.start()
            self._loop.exec()
        return self._fired
