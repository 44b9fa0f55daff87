"""Sending from the window: what the user sees and what goes over the wire."""

from __future__ import annotations

import re
import socket
from urllib.parse import parse_qsl

import pytest
import responses
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.sandbox import Behaviour, SandboxServer
from gui.ui.settings import AppSettings
from tests.ui.conftest import VENDOR, VENDOR_BODY, WindowFactory, click, fill

API = "https://api.particlespace.com/api/v1"
URL = f"{API}/ticket/TICKET_ID_HERE"


def outbox_states(window) -> list[str]:
    return [item.state.value for item in window.outbox_panel.items]


def fill_vendor_example(qtbot: QtBot, window) -> None:
    fill(qtbot, window, notify=True, **VENDOR)
    click(qtbot, window.form.automated)


def test_vendor_example_goes_out_exactly_as_the_vendor_sends_it(qtbot, make_window) -> None:
    window = make_window(API)
    fill_vendor_example(qtbot, window)
    with responses.RequestsMock() as mock:
        mock.put(URL, json={"data": {"id": "TICKET_ID_HERE", "status": "ON_HOLD"}})
        with qtbot.waitSignal(window.sent, timeout=10_000):
            click(qtbot, window.submit_button)
        request = mock.calls[0].request
    assert request.body.decode() == VENDOR_BODY
    assert request.headers["Authorization"] == f"Bearer {SandboxServer.TOKEN}"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert window.banner.property("kind") == "success"
    assert re.fullmatch(
        r"Ticket TICKET_ID_HERE updated at .+ · email to 1 person\. "
        r"Particle Space now has status ON_HOLD\.",
        window.banner.text(),
    )
    assert window.form.title.text() == "Leaking faucet"  # the form keeps its values
    assert window.submit_button.isEnabled()


def test_notify_off_sends_no_notify_fields_even_if_typed(qtbot, make_window) -> None:
    window = make_window(API)
    fill(qtbot, window, notify=True, **VENDOR, notifySubject="Faucet", notifyMessage="Soon")
    click(qtbot, window.form.notify)  # changed their mind
    with responses.RequestsMock() as mock:
        mock.put(URL, body="")
        with qtbot.waitSignal(window.sent, timeout=10_000):
            click(qtbot, window.submit_button)
        body = mock.calls[0].request.body.decode()
    assert [key for key, _ in parse_qsl(body, keep_blank_values=True)] == [
        "title",
        "description",
        "status",
        "notify",
        "automated",
    ]
    assert "notify=0" in body and "automated=0" in body
    assert re.fullmatch(
        r"Ticket TICKET_ID_HERE updated at .+ · nobody notified\.", window.banner.text()
    )


def test_invalid_form_sends_nothing(qtbot, make_window) -> None:
    window = make_window(API)
    fill(qtbot, window, **{**VENDOR, "title": ""})
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.put(URL)
        click(qtbot, window.submit_button)
        assert not window.busy
        assert len(mock.calls) == 0
    assert window.form.visible_errors() == {"title": "Enter a title."}


@pytest.mark.parametrize(
    ("status", "body", "headers", "field", "text"),
    [
        (404, {"error": "Not found"}, {}, "ticketId", "No ticket with this id."),
        (422, {"errors": {"title": ["Title is too long."]}}, {}, "title", "Title is too long."),
        (422, {"errors": {"contacts": "Bad list."}}, {}, "contacts", "Bad list."),
        (
            400,
            {"errors": [{"field": "notify_subject", "message": "Too long."}]},
            {},
            "notifySubject",
            "Too long.",
        ),
    ],
)
def test_server_field_errors_land_next_to_their_field(
    qtbot, make_window, status, body, headers, field, text
) -> None:
    window = make_window(API)
    fill(qtbot, window, notify=True, **VENDOR)
    with responses.RequestsMock() as mock:
        mock.put(URL, status=status, json=body, headers=headers)
        with qtbot.waitSignal(window.failed, timeout=10_000):
            click(qtbot, window.submit_button)
    assert window.form.visible_errors() == {field: text}
    assert window.banner.property("kind") == "error"


@pytest.mark.parametrize(
    ("status", "kwargs", "expected"),
    [
        (401, {"json": {"error": "Unauthenticated."}}, "The token was rejected (HTTP 401"),
        (403, {"json": {"message": "Forbidden"}}, "The token was rejected (HTTP 403"),
        (429, {"json": {}, "headers": {"Retry-After": "7"}}, "busy (HTTP 429); next try in 7 s."),
        (503, {"body": "", "headers": {"Retry-After": "30"}}, "(HTTP 503); next try in 30 s."),
        (500, {"json": {"message": "Database down"}}, "HTTP 500 Internal Server Error"),
        (
            502,
            {
                "body": "<html><body><h1>502 Bad Gateway</h1>" + "x" * 5000,
                "content_type": "text/html",
            },
            "HTTP 502 Bad Gateway",
        ),
        (422, {"json": {"error": "Status is not a column."}}, "Status is not a column."),
    ],
)
def test_server_errors_show_a_short_banner(qtbot, make_window, status, kwargs, expected) -> None:
    window = make_window(API)
    fill(qtbot, window, **VENDOR)
    with responses.RequestsMock() as mock:
        mock.put(URL, status=status, **kwargs)
        with qtbot.waitSignal(window.failed, timeout=10_000):
            click(qtbot, window.submit_button)
    text = window.banner.text()
    assert expected in text
    assert "<" not in text and len(text) < 400
    assert window.banner.property("kind") == "error"
    assert window.form.title.text() == "Leaking faucet"  # nothing typed is lost


def test_connection_refused_has_its_own_message(qtbot, make_window) -> None:
    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    window = make_window(f"http://127.0.0.1:{port}/api/v1")
    fill(qtbot, window, **VENDOR)
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text() == (
        f"127.0.0.1:{port} refused the connection: the service is down or the address is wrong."
        " The update waits in the outbox and goes out by itself."
    )


def test_while_sending_the_controls_are_locked_and_a_second_press_sends_nothing(
    qtbot: QtBot, make_window: WindowFactory, sandbox: SandboxServer
) -> None:
    sandbox.behaviour = Behaviour.SLOW
    sandbox.slow_seconds = 0.5
    window = make_window(sandbox.url)
    fill(qtbot, window, **VENDOR)
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
        assert not window.submit_button.isEnabled()
        assert window.cancel_button.isEnabled()
        assert window.busy_indicator.isVisible()
        assert not window.form.isEnabled()
        window.submit()  # a double click, or a second Ctrl+Enter
        qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(sandbox.requests) == 1
    assert window.submit_button.isEnabled() and not window.cancel_button.isEnabled()
    assert not window.busy_indicator.isVisible()


def test_ctrl_enter_sends_from_inside_the_description(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_1001"})
    window.form.description.setFocus()
    with qtbot.waitSignal(window.sent, timeout=10_000):
        qtbot.keyClick(
            window.form.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert window.form.description.toPlainText() == VENDOR["description"]  # no newline typed
    assert sandbox.tickets["tic_1001"]["title"] == "Leaking faucet"


def test_esc_cancels_at_once_and_the_late_answer_is_dropped(qtbot, make_window, sandbox) -> None:
    sandbox.behaviour = Behaviour.SLOW
    sandbox.slow_seconds = 5
    window = make_window(sandbox.url)
    fill(qtbot, window, **VENDOR)
    with qtbot.waitSignal(window.cancelled, timeout=10_000):
        click(qtbot, window.submit_button)
        qtbot.waitUntil(lambda: bool(sandbox.requests), timeout=5000)
        qtbot.keyClick(window.cancel_button, Qt.Key.Key_Escape)
    assert window.submit_button.isEnabled() and window.form.isEnabled()
    assert window.banner.property("kind") == "info"
    assert "may already have applied the update" in window.banner.text()
    with qtbot.assertNotEmitted(window.failed), qtbot.assertNotEmitted(window.sent):
        # The aborted attempt ends at once (its socket was shut down); its answer is dropped
        # and the update waits in the outbox for the user: never resent on its own.
        qtbot.waitUntil(lambda: outbox_states(window) == ["needs_decision"], timeout=5000)
    assert "may already have applied the update" in window.banner.text()


def test_a_server_that_drips_forever_is_ended_by_the_deadline(qtbot, make_window, sandbox):
    sandbox.behaviour = Behaviour.DRIP
    window = make_window(sandbox.url, deadline_seconds=0.5)
    fill(qtbot, window, **VENDOR)
    with qtbot.waitSignal(window.cancelled, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text().startswith("No complete answer within 0.5 s")
    assert window.submit_button.isEnabled()
    # The dripping request was ended, not left running. Nobody is notified, so it is safe to
    # send again: it goes out by itself, and once the server answers the banner says so.
    qtbot.waitUntil(lambda: outbox_states(window) == ["waiting"], timeout=5000)
    sandbox.behaviour = Behaviour.NORMAL  # before the resend, a second later (the backoff)
    qtbot.waitUntil(lambda: outbox_states(window) == [], timeout=20_000)
    qtbot.waitUntil(lambda: window.banner.text().startswith("Ticket TICKET_ID_HERE updated"))
    assert len(sandbox.requests) == 2


def test_a_notifying_update_ended_by_the_deadline_waits_for_a_decision(qtbot, make_window, sandbox):
    sandbox.behaviour = Behaviour.DRIP
    window = make_window(sandbox.url, deadline_seconds=0.5)
    fill(qtbot, window, notify=True, **VENDOR)
    with qtbot.waitSignal(window.cancelled, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text().startswith("No complete answer within 0.5 s")
    # It may have arrived and texted people: never resent on its own.
    qtbot.waitUntil(lambda: outbox_states(window) == ["needs_decision"], timeout=5000)
    assert len(sandbox.requests) == 1


def test_closing_the_window_mid_request_ends_the_worker(qtbot, make_window, sandbox) -> None:
    sandbox.behaviour = Behaviour.DRIP
    window = make_window(sandbox.url)
    fill(qtbot, window, **VENDOR)
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: bool(sandbox.requests), timeout=5000)
    window.close()
    assert window.outbox._jobs.pool.activeThreadCount() == 0


def test_typed_statuses_are_offered_again_in_the_next_run(qtbot, make_window, sandbox) -> None:
    window = make_window(sandbox.url)
    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_1001", "status": "WAITING_PARTS"})
    with qtbot.waitSignal(window.sent, timeout=10_000):
        click(qtbot, window.submit_button)
    window.close()
    AppSettings().sync()

    later = make_window(sandbox.url)
    offered = [later.form.status.itemText(i) for i in range(later.form.status.count())]
    assert offered == ["New · NEW", "On hold · ON_HOLD", "WAITING_PARTS"]
    assert later.form.status.codes() == ["NEW", "ON_HOLD", "WAITING_PARTS"]
    assert later.form.status.currentText() == ""


def test_plain_http_to_another_host_is_refused_without_any_lookup(qtbot, make_window) -> None:
    window = make_window(argv=["--api-base", "http://api.example.com/api/v1", "--token", "t0k"])
    assert window.banner.property("kind") == "error"
    assert window.banner.text().startswith("Refusing plain http to api.example.com")
    fill(qtbot, window, **VENDOR)
    click(qtbot, window.submit_button)  # the loopback guard fails the test on any lookup
    assert not window.busy
    assert window.banner.text().startswith("Refusing plain http to api.example.com")


def test_without_a_token_the_window_opens_on_the_sign_in_page(qtbot, make_window) -> None:
    window = make_window(argv=[])
    qtbot.waitUntil(lambda: window.sign_in.keychain_read, timeout=10_000)
    assert window.sign_in_page is not None and window.sign_in_page.isVisible()
    assert window.connection.api_base == API


def test_options_win_over_the_environment(make_window, monkeypatch) -> None:
    monkeypatch.setenv("PARTICLESPACE_API_BASE", "https://env.example.com/api/v1")
    monkeypatch.setenv("PARTICLESPACE_TOKEN", "from-env")
    window = make_window(argv=["--api-base", "https://option.example.com/api/v1"])
    assert window.connection.api_base == "https://option.example.com/api/v1"
    assert window.connection.credentials.token == "from-env"
    assert not window.banner.isVisible()


def test_a_tls_failure_has_its_own_message(qtbot, make_window, sandbox) -> None:
    # https to a server that only speaks plain http: the handshake fails, nothing is sent.
    port = sandbox.url.split(":")[2].split("/")[0]
    window = make_window(f"https://127.0.0.1:{port}/api/v1")
    fill(qtbot, window, **VENDOR)
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text() == (
        f"Could not connect securely to 127.0.0.1:{port}: the secure (TLS) connection failed. "
        "Nothing was sent. The update waits in the outbox and goes out by itself."
    )
    assert all(request.method != "PUT" for request in sandbox.requests)


def test_the_window_waits_at_most_60_seconds_by_default(make_window) -> None:
    window = make_window(API)
    assert window.sending.deadline_seconds == 60


def test_an_unexpected_error_shows_a_plain_banner_and_goes_to_the_log(
    qtbot, make_window, monkeypatch, caplog
) -> None:
    def explode(self, update, abort):
        raise RuntimeError("bug in a library")

    monkeypatch.setattr("gui.core.sender.TicketSender.send", explode)
    window = make_window(API)
    fill(qtbot, window, **VENDOR)
    with qtbot.waitSignal(window.failed, timeout=10_000):
        click(qtbot, window.submit_button)
    assert window.banner.text() == (
        "Something unexpected went wrong (the details are in the log). "
        "Check the ticket before sending the update again. "
        "It waits in the outbox: resend or discard it there."
    )
    assert "bug in a library" in caplog.text  # with its traceback, for support
    assert window.submit_button.isEnabled()
