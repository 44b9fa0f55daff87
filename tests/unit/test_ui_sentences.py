"""The window's side of "every sentence stays a Message": what crosses a signal or reaches the
banner is a Message (or a server's words through plain()), never a sentence written in place.

A literal or f-string there would be shown in English whatever the language, and not said
again after a switch; tests/unit/test_messages.py checks the same of the core.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "gui" / "ui"
#: Calls whose argument at that position is shown to the user: (name, position).
_SHOWN = {"emit": 0, "show_message": 1, "_say": 1}


def _is_sentence(node: ast.expr) -> bool:
    """A sentence written in place: a literal, an f-string, text glued with + or %, or a
    literal's .format()/.join()."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value.strip())
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_sentence(node.left) or _is_sentence(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return _is_sentence(node.func.value)
    return False


@pytest.mark.parametrize("path", sorted(UI.glob("*.py")), ids=lambda path: path.name)
def test_signals_and_the_banner_carry_messages(path: Path) -> None:
    written_in_place = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        position = _SHOWN.get(node.func.attr)
        if position is not None and len(node.args) > position and _is_sentence(node.args[position]):
            written_in_place.append(f"{path.name}:{node.lineno} {node.func.attr}")
    assert written_in_place == []


def test_the_check_finds_a_sentence_written_in_place() -> None:
    source = 'self.failed.emit(f"The outbox broke: {error}")\nbanner.show_message(kind, "Saved.")'
    calls = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]
    shown = [
        call
        for call in calls
        if isinstance(call.func, ast.Attribute)
        and call.func.attr in _SHOWN
        and _is_sentence(call.args[_SHOWN[call.func.attr]])
    ]
    assert len(shown) == 2
