"""`TicketSender`, and the rules about what importing the core costs (no Qt, no heavy imports)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from gui.core.abort import Abort
from gui.core.client import UpdateResult
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.errors import Cancelled, ConfigurationError, TimedOut
from gui.core.fields import ContactType
from gui.core.sender import TicketSender
from gui.core.ticket import Notification, TicketUpdate
from tests.unit.loopback import LoopbackServer, answering, silent

UPDATE = TicketUpdate(
    ticket_id="tic_42",
    title="Leaking faucet",
    description="Leak",
    status="ON_HOLD",
    automated=True,
    notification=Notification(type=ContactType.SMS, contacts=("2025550123", "2025550124")),
)
#: What sending needs; TicketSender.warm_up loads them on a worker thread.
SENDING = ("requests", "urllib3", "email_validator", "phonenumbers", "gui.core.client")
#: Never imported at start-up: each loads on a worker thread when first needed (the keychain,
#: the outbox's database, the log file's handler).
HEAVY = (*SENDING, "keyring", "sqlite3", "logging.handlers")


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter (this one has imported everything already)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_core_imports_no_qt() -> None:
    result = run_python(
        "import gui.core.client, gui.core.validation, gui.core.sender, gui.core.config, sys; "
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    assert result.returncode == 0, result.stderr


def test_start_up_imports_nothing_heavy() -> None:
    result = run_python(
        f"""
        import sys
        import gui.core.sender, gui.core.validation, gui.core.config, gui.core.keychain
        import gui.core.credentials, gui.core.redaction
        loaded = [name for name in {HEAVY!r} if name in sys.modules]
        assert not loaded, loaded
        """
    )
    assert result.returncode == 0, result.stderr


def test_warm_up_stops_between_two_imports_once_the_window_closes() -> None:
    result = run_python(
        f"""
        import sys
        from gui.core.config import Connection
        from gui.core.credentials import Credentials
        from gui.core.sender import TicketSender
        asked = []
        def stopped():
            asked.append(len(asked))
            return len(asked) > 3  # the window closed during the third import
        TicketSender(Connection("https://api.example.com", Credentials(token="t"))).warm_up(stopped)
        assert len(asked) == 4, asked
        print(",".join(name for name in {SENDING!r} if name in sys.modules))
        """
    )
    assert result.returncode == 0, result.stderr
    # ssl, http.client and urllib3 came in; requests, the validators and the client did not.
    assert result.stdout.strip() == "urllib3"


def test_warm_up_imports_the_heavy_modules() -> None:
    result = run_python(
        f"""
        import sys
        from gui.core.config import Connection
        from gui.core.credentials import Credentials
        from gui.core.sender import TicketSender
        assert not [name for name in {HEAVY!r} if name in sys.modules]
        TicketSender(Connection("https://api.example.com", Credentials(token="t"))).warm_up()
        missing = [name for name in {SENDING!r} if name not in sys.modules]
        assert not missing, missing
        """
    )
    assert result.returncode == 0, result.stderr


def test_warm_up_hands_the_gil_over_every_millisecond_then_puts_the_interval_back() -> None:
    """An import is one long run of Python: while the warm-up imports, a thread asking for the
    GIL (the window's) waits at most 1 ms instead of the interpreter's 5 ms."""
    result = run_python(
        """
        import importlib, sys
        import gui.core.sender as sender
        from gui.core.config import Connection
        from gui.core.credentials import Credentials
        seen = []
        real = importlib.import_module
        def import_module(name):
            seen.append(sys.getswitchinterval())
            return real(name)
        sender.importlib.import_module = import_module
        before = sys.getswitchinterval()
        def stopped():
            return len(seen) == 3
        sender.TicketSender(Connection("https://api.example.com", Credentials(token="t"))).warm_up(
            stopped
        )
        print(before, sorted(set(seen)), sys.getswitchinterval())
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0.005", "[0.001]", "0.005"]


def test_unusable_connection_fails_without_loading_the_client() -> None:
    result = run_python(
        f"""
        import sys
        from gui.core.abort import Abort
        from gui.core.config import Connection
        from gui.core.credentials import Credentials
        from gui.core.errors import ConfigurationError
        from gui.core.sender import TicketSender
        from gui.core.ticket import TicketUpdate
        sender = TicketSender(
            Connection("https://api.example.com", Credentials(), problem="Not signed in.")
        )
        try:
            sender.send(TicketUpdate("tic_1", "T", "D", "NEW", automated=False), Abort())
        except ConfigurationError as error:
            assert error.message == "Not signed in.", error.message
        else:
            raise AssertionError("no ConfigurationError")
        loaded = [name for name in {HEAVY!r} if name in sys.modules]
        assert not loaded, loaded
        """
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("connection", "message"),
    [
        (
            Connection(
                "https://api.example.com", Credentials(), problem="Not signed in: give a token."
            ),
            "Not signed in: give a token.",
        ),
        (
            Connection("http://api.example.com", Credentials(token="t"), problem=""),
            "Sending is not set up.",
        ),
    ],
)
def test_unusable_connection_raises_configuration_error(
    connection: Connection, message: str
) -> None:
    # api.example.com is not loopback: any lookup or connection would fail the test.
    sender = TicketSender(connection)
    with pytest.raises(ConfigurationError) as caught:
        sender.send(UPDATE, Abort())
    assert caught.value.message == message
    sender.close()


def test_send_end_to_end() -> None:
    answer = json.dumps({"data": {"id": "tic_42", "status": "ON_HOLD"}}).encode()
    with LoopbackServer(answering("200 OK", answer)) as server:
        sender = TicketSender(Connection(server.url + "/api/v1", Credentials(token="tok_e2e")))
        try:
            first = sender.send(UPDATE, Abort())
            second = sender.send(UPDATE, Abort())
        finally:
            sender.close()
    assert first == second == UpdateResult("tic_42", 200, {"id": "tic_42", "status": "ON_HOLD"})
    assert len(server.requests) == 2
    assert server.connections == 1  # one client, one kept-alive connection
    request = server.requests[0]
    assert (request.method, request.target) == ("PUT", "/api/v1/ticket/tic_42")
    assert request.headers["authorization"] == "Bearer tok_e2e"
    assert request.body == (
        b"title=Leaking%20faucet&description=Leak&status=ON_HOLD&notify=1&time="
        b"&type=sms&contacts=2025550123%2C2025550124&automated=1"
    )


def test_send_after_close_opens_a_new_client() -> None:
    with LoopbackServer(answering("200 OK")) as server:
        sender = TicketSender(Connection(server.url, Credentials(token="t")))
        try:
            assert sender.send(UPDATE, Abort()).status == 200
            sender.close()
            assert sender.send(UPDATE, Abort()).status == 200
        finally:
            sender.close()
    assert server.connections == 2


def test_send_uses_the_connection_timeouts() -> None:
    with LoopbackServer(silent) as server:
        sender = TicketSender(Connection(server.url, Credentials(token="t"), read_timeout=0.3))
        try:
            with pytest.raises(TimedOut, match=r"within 0\.3 s"):
                sender.send(UPDATE, Abort())
        finally:
            sender.close()


def test_send_honours_abort() -> None:
    abort = Abort()
    abort.abort()
    with LoopbackServer(answering("200 OK")) as server:
        sender = TicketSender(Connection(server.url, Credentials(token="t")))
        try:
            with pytest.raises(Cancelled):
                sender.send(UPDATE, abort)
        finally:
            sender.close()
    assert server.connections == 0
