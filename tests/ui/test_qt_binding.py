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


def test_pyside_no_longer_reads_the_source_of_every_imported_module(tmp_path, monkeypatch) -> None:
    """gui/ui/qt_binding.py: PySide's import reads each new module's source (for __feature__,
    which this app never uses). A PySide without the helper it replaces fails here: look at the
    pin in pyproject.toml and at that module again."""
    import inspect

    import gui.ui  # noqa: F401 - applies it
    from gui.ui import qt_binding

    assert qt_binding.skip_feature_scan()  # PySide still has what it replaces
    read: list[object] = []
    real = inspect.getsource
    monkeypatch.setattr(inspect, "getsource", lambda obj: read.append(obj) or real(obj))
    (tmp_path / "freshly_imported.py").write_text("from PySide6.QtCore import QObject\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = __import__("freshly_imported")  # the import statement's way: PySide's hook
    assert module.QObject is QObject
    assert read == []  # imported without PySide reading it


def test_import_statements_no_longer_go_through_pyside_s_feature_hook(tmp_path, monkeypatch):
    """After gui.ui, `__import__` is the import PySide's feature hook wrapped (its lazy import of
    Qt's classes): a module imported then still gets Qt's classes, with Qt's own names."""
    import builtins

    import gui.ui  # noqa: F401 - applies it

    assert hasattr(builtins, "__feature_import__")  # PySide still has the hook it documents
    assert builtins.__import__ is builtins.__orig_import__
    assert builtins.__import__ is not builtins.__feature_import__
    (tmp_path / "imported_after.py").write_text(
        "from PySide6.QtCore import QObject\nnamed = QObject(objectName='seen')\n"
        "text = named.objectName()\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    module = __import__("imported_after")
    assert module.text == "seen"  # camelCase: no feature (snake_case) switched on
