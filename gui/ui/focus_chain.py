"""`take_into_place`: widgets added to a window that is already built, put where Tab finds them.

Qt keeps every widget of a window in one ring, the focus chain, which Tab and Shift+Tab follow.
A widget that joins a window after it was built joins at the ring's end, after the last
widget of the window; `QWidget.setTabOrder` moves widgets that take focus, but it ignores the
ones that do not (``Qt.NoFocus``), and a container of those left at the end still takes Tab
there when it has a focus proxy (the time field's). So a part of a form built later (the
notification's rows, ticket_form.py) is taken into place whole, containers and all.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def take_into_place(container: QWidget) -> None:
    """Put `container`'s descendants right after it in its window's focus chain, in the order
    they have there now: as if they had been in it since the window was built."""
    widgets = [container, *descendants_in_chain(container)]
    # setTabOrder moves only widgets that take focus, and through their focus proxies: for the
    # time of the moves, every widget of the block takes it itself.
    kept = [(widget, widget.focusPolicy(), widget.focusProxy()) for widget in widgets]
    for widget, policy, proxy in kept:
        if proxy is not None:
            widget.setFocusProxy(None)  # type: ignore[arg-type]  # None is Qt's "no proxy"
        if policy == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for before, after in pairwise(widgets):
        QWidget.setTabOrder(before, after)
    for widget, policy, proxy in kept:
        widget.setFocusPolicy(policy)
        if proxy is not None:
            widget.setFocusProxy(proxy)


def descendants_in_chain(container: QWidget) -> list[QWidget]:
    """`container`'s descendants in the order of its window's focus chain."""
    found: list[QWidget] = []
    window = container.window()
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        if container.isAncestorOf(widget):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found
