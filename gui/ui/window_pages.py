"""`add_ticket_page`: the window's ticket page (`TicketPage`) in its stack of pages, its parts
on the window by name (`PARTS`), and Tab's order through it.

The window builds it with its first frame, except when that frame is a first start's sign-in
page (no keys anywhere: `sign_in_flow.sign_in_page_wanted`): then the page, hidden behind it,
comes on the turn after the first paint (`MainWindow(controllers_after_first_paint=True)`),
and that frame does not pay for building it (10 ms) or for its modules (imported here). A part
asked for before then is built there and then (`MainWindow.__getattr__`).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gui.ui.main_window import MainWindow
    from gui.ui.ticket_page import TicketPage

#: The page's parts the window (and tests, tools and automation) reach by name.
PARTS = (
    "page",
    "banner",
    "form",
    "submit_button",
    "cancel_button",
    "busy_indicator",
    "test_mode_badge",
    "open_settings_button",
    "discard_draft_button",
    "update_created_button",
    "sandbox_notice",
)


def add_ticket_page(window: MainWindow, *, ticket_id: str | None) -> TicketPage:
    """Build `window`'s ticket page first in its stack (`window.pages`; the page shown stays
    shown), with the form on `ticket_id` and, when it is the only page, the cursor in its first
    field left to fill (not behind a sign-in page, whose field has it); set each of `PARTS` on
    the window and lead Tab from the banner's buttons through the form to Cancel, Update and
    the status bar's count (hidden widgets are skipped)."""
    from gui.ui.ticket_page import TicketPage  # here: not in a first start's first frame

    page = TicketPage(  # its notification's rows come with the controllers
        statuses=window.settings.statuses(),
        sandbox=window.sandbox is not None,
        notify_rows_later=True,
    )
    alone = window.pages.count() == 0
    window.pages.insertWidget(0, page)
    for name in PARTS:
        setattr(window, name, page if name == "page" else getattr(page, name))
    form = page.form
    if ticket_id:
        form.ticket_id.setText(ticket_id)
    chain = [
        *page.banner_buttons,
        form.ticket_id,
        form.automated,  # the form's own order in between
        page.cancel_button,
        page.submit_button,
        window.outbox_status,
    ]
    for before, after in itertools.pairwise(chain):
        if before is not form.ticket_id:
            window.setTabOrder(before, after)
    if alone:
        (form.title if ticket_id else form.ticket_id).setFocus()
    return page
