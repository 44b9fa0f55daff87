"""What the window does about PySide6 itself, before its modules load.

PySide6 replaces Python's import with its own, for ``from __feature__ import snake_case``.
This app never selects a feature, and the replacement costs every import:

- after each import, in every module of the process, it reads the new module's source
  (`inspect.getsource`) to see whether "PySide6" appears in it, and remembers the answer: about
  0.15 ms a module, some 60 modules at start-up, 8 to 10 ms of a start of about 130 ms
  (bench/run.py). Every module may be taken as a PySide user with the default selection,
  which is what PySide records for the modules that do use it;
- each import statement, even of a module already loaded, runs two Python functions of
  PySide's (is it ``__feature__``? then: is the module new?), some 300 statements before the
  first frame (0.6 ms). With no feature selected anywhere PySide has nothing to switch, so
  ``__import__`` goes back to the import PySide wraps (``__orig_import__``: its own lazy import
  of Qt's classes, which stays).

`skip_feature_scan` does both. It replaces a private helper of PySide's
(shibokensupport.feature._mod_uses_pyside, present from 6.2 to at least 6.11) and the
builtins PySide documents for this (``__feature_import__``, ``__orig_import__``); a release
without them leaves the import as PySide has it, and tests/ui/test_qt_binding.py fails so that
the pin in pyproject.toml is looked at again.
"""

from __future__ import annotations

import builtins
import sys


def skip_feature_scan() -> bool:
    """Stop PySide reading each imported module's source and wrapping each import statement;
    True when that was done."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    wrapped = getattr(builtins, "__orig_import__", None)
    if builtins.__import__ is getattr(builtins, "__feature_import__", None) and callable(wrapped):
        builtins.__import__ = wrapped
    return True


def _uses_pyside(module: object) -> bool:
    """Every module may use PySide, with no feature selected (PySide's select id 0)."""
    return True
