"""The README promises that no module in gui/ passes 500 lines and no class 400: a reader
finds a behaviour by its name, and a part that grows past that is split (see STYLE)."""

from __future__ import annotations

import ast
from pathlib import Path

import gui

PACKAGE = Path(gui.__file__).parent


def test_no_module_passes_500_lines_and_no_class_400() -> None:
    too_big: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE.parent).as_posix()
        if (lines := len(text.splitlines())) > 500:
            too_big.append(f"{name}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.ClassDef) or node.end_lineno is None:
                continue
            if (size := node.end_lineno - node.lineno + 1) > 400:
                too_big.append(f"{name}: class {node.name}, {size} lines")
    assert not too_big
    assert len(list(PACKAGE.rglob("*.py"))) > 50  # it did look at the package
