"""What the window does about PySide6 itself, before its modules load.

PySide6 replaces Python's import with its own, for ``from __feature__ import snake_case``:
after every import, in every module of the process, it reads the new module's source
(`inspect.getsource`) to see whether "PySide6" appears in it, and remembers the answer. That
costs about 0.15 ms a module, some 60 modules at start-up, 8 to 10 ms of a start of about
130 ms (bench/run.py). This app never selects a feature, so every module may be taken as a
PySide user with the default selection, which is what PySide records for the modules that do
use it. `skip_feature_scan` tells PySide so without reading any source.

It replaces a private helper of PySide's (shibokensupport.feature._mod_uses_pyside, present
from 6.2 to at least 6.11); a release without it leaves the import as PySide has it, and
tests/ui/test_qt_binding.py fails so that the pin in pyproject.toml is looked at again.
"""

from __future__ import annotations

import sys


def skip_feature_scan() -> bool:
    """Stop PySide reading each imported module's source; True when that was done."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True


def _uses_pyside(module: object) -> bool:
    """Every module may use PySide, with no feature selected (PySide's select id 0)."""
    return True
