"""The window against the embedded sandbox over a real loopback socket, as `--demo` runs it."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

from tests.ui.conftest import VENDOR, click, fill


def test_update_a_ticket_in_the_demo(qtbot, make_window) -> None:
    window = make_window(argv=["--demo", "--ticket", "tic_1001"])
    notice = window.findChild(QLabel, "sandboxNotice")
    assert notice.isVisible()
    assert notice.text() == "Sandbox — nothing is sent to Particle Space"
    assert window.windowTitle() == "Particle Tickets — Sandbox"

    fill(qtbot, window, notify=True, **{**VENDOR, "ticketId": "tic_1001"})
    window.form.type.setCurrentIndex(window.form.type.findData("sms"))
    fill(qtbot, window, contacts="(202) 555-0123; +1 202.555.0188", notifyMessage="On it.")
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)

    (request,) = window.sandbox.requests
    assert request.method == "PUT"
    assert request.path == "/api/v1/ticket/tic_1001"
    assert request.header("Authorization") == "Bearer sandbox-token"
    assert request.form == [
        ("title", "Leaking faucet"),
        ("description", "Leak under the kitchen sink in 1A requires new part."),
        ("status", "ON_HOLD"),
        ("notify", "1"),
        ("time", ""),
        ("type", "sms"),
        ("contacts", "2025550123,2025550188"),
        ("notifyMessage", "On it."),
        ("automated", "0"),
    ]
    assert window.sandbox.tickets["tic_1001"]["status"] == "ON_HOLD"
    assert re.match(r"Ticket tic_1001 updated at .+ · SMS to 2 people\.", window.banner.text())


def test_unknown_ticket_in_the_demo_is_reported_at_the_ticket_id(qtbot, make_window) -> None:
    window = make_window(argv=["--demo"])
    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_missing"})
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {"ticketId": "No ticket with this id."}
    assert window.banner.text() == "Particle Space has no ticket “tic_missing”."
