"""`take_into_place`: a part of a form built after its window, put where Tab finds it.

Qt keeps every widget of a window in one ring, the focus chain, which Tab and Shift+Tab follow.
A widget that joins a window after it was built joins at the ring's end, with its descendants
in their own order behind it. `QWidget.setTabOrder` moves a widget that takes focus, and a
compound one (whose focus proxy is a descendant) together with its descendants up to the last
that takes focus, but it ignores one that does not take focus: a part built later (the
notification's rows, ticket_form.py) is moved whole, as one compound widget, for the time of
the move. Left at the ring's end, its containers with focus proxies (the time field's, the
message's viewport) would catch Tab or Shift+Tab there.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def take_into_place(part: QWidget, *, after: QWidget, first: QWidget, last: QWidget) -> None:
    """Move `part`, just added to a window (so at the end of its focus chain), with all its
    descendants, to right after `after`. `first` and `last` are its first and last
    descendants in the chain (the first and last widgets added to it). Nothing else of them
    changes: Python reads no other widget of the window (PySide would build a wrapper, and
    its class, for each Qt widget it meets: 12 ms for the ticket window's)."""
    kept = [(widget, widget.focusPolicy()) for widget in (part, last)]
    proxy = part.focusProxy()
    part.setFocusProxy(first)  # compound: setTabOrder moves it with its descendants …
    for widget, _policy in kept:  # … up to the last that takes focus: `last`
        widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    QWidget.setTabOrder(after, part)
    for widget, policy in kept:
        widget.setFocusPolicy(policy)
    part.setFocusProxy(proxy)  # type: ignore[arg-type]  # None, as it most often is, is none
