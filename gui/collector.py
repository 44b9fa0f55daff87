"""Python's cyclic garbage collector around the window's start-up (no Qt: imported first).

Until the first window is painted, nearly everything the process makes lives as long as the app
(modules, classes, Qt's wrappers, the window): a collection then frees almost nothing (a few
dozen objects) yet walks everything made since the last one. Four of them ran before a window's
first paint, half a millisecond to a millisecond each (two in PySide's own import).

- `hold_off`: no collection from here (the first line of gui/__main__.py, or of the bundle:
  packaging/rthook_collector.py) until `start_up_done("painted")`; a command or the
  self-test, which build no window, `let_run` it at once;
- `start_up_done(stage)`: once per process at each stage of the first window ("painted",
  "warmed up"), what was made so far goes out of the collector's sight for good (`gc.freeze`),
  and a collector held off runs again. A full collection holds the GIL on whatever thread it
  runs: over everything start-up made, one on the outbox's thread paused the window for
  12-19 ms while a batch went out (8-13 ms once frozen, `bench/batch.py`), and the final ones
  cost a window closed at once 4 ms more at exit than a bare one (`bench/xmap.py`).

The garbage start-up leaves (cycles it made and dropped) is frozen with the rest instead of
being freed: tests/unit/test_collector.py counts it.
"""

import gc

#: Whether `hold_off` stopped the collector (and `start_up_done` has not let it run yet).
_held_off = False
#: The stages already done.
_done: set[str] = set()


def hold_off() -> None:
    """No cyclic collection until the first window has been painted (`start_up_done`)."""
    global _held_off
    if gc.isenabled():
        gc.disable()
        _held_off = True


def let_run() -> None:
    """Undo `hold_off` (a process that opens no window): the collector runs as before."""
    global _held_off
    if _held_off:
        _held_off = False
        gc.enable()


def start_up_done(stage: str) -> None:
    """At `stage` ("painted", "warmed up") of the first window, once each: freeze what exists
    and let a collector held off by `hold_off` run again."""
    global _held_off
    if stage in _done:
        return
    _done.add(stage)
    gc.freeze()
    let_run()
