"""`gui.core.messages`, and that the core hands the user nothing but Messages.

The first half tests the Message type itself: formatting, joining, plain text, the JSON kept in
the outbox, pickling. The second half checks the core's real outputs (field errors, banners,
retry reasons) are Messages, by running them, and that the source keeps lupdate able to extract
every text (a string literal straight inside QT_TRANSLATE_NOOP, in its module's context).
"""

from __future__ import annotations

import ast
import copy
import inspect
import json
import pickle
import random
import socket
import string
import xml.etree.ElementTree as ET  # nosec B405 - our own file
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
import responses
import urllib3.exceptions
from keyring.errors import KeyringLocked

import gui.core
from gui.core import errors, messages
from gui.core.client import TicketClient
from gui.core.config import Options, check_api_base, resolve_connection
from gui.core.credentials import Credentials, check_credentials
from gui.core.drafts import DraftCorrupt, DraftStore
from gui.core.fields import ContactType
from gui.core.keychain import Keychain
from gui.core.messages import QT_TRANSLATE_NOOP, Message, from_json, join, plain, to_json
from gui.core.outbox import STOPPED_MAY_HAVE_ARRIVED, STOPPED_RESENDING
from gui.core.retry import Action, decide
from gui.core.sender import TicketSender
from gui.core.ticket import Operation, TicketDraft, TicketUpdate
from gui.core.validation import validate
from tests.memory_keyring import MemoryKeyring

# --- Message -----------------------------------------------------------------------------------


def test_a_message_is_its_english_text() -> None:
    message = QT_TRANSLATE_NOOP("validation", "Enter a title.")
    assert isinstance(message, str)
    assert message == "Enter a title."
    assert (message.context, message.source, message.args) == ("validation", message, {})
    assert hash(message) == hash("Enter a title.")
    assert f"{message}!" == "Enter a title.!"


def test_format_fills_placeholders_and_remembers_the_arguments() -> None:
    template = QT_TRANSLATE_NOOP("validation", "At most {maximum:,}; this one has {count:,}.")
    message = template.format(maximum=1600, count=1601)
    assert message == "At most 1,600; this one has 1,601."
    assert message.source == "At most {maximum:,}; this one has {count:,}."
    assert message.args == {"maximum": 1600, "count": 1601}
    assert template.args == {}  # formatting makes a new Message
    assert message.format(count=2) == "At most 1,600; this one has 2."  # one argument replaced


def test_format_takes_keywords_only() -> None:
    with pytest.raises(TypeError, match="keyword"):
        QT_TRANSLATE_NOOP("retry", "{0} s").format(5)


def test_a_missing_argument_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        QT_TRANSLATE_NOOP("retry", "{seconds} s").format(minutes=5)


def test_join_keeps_each_part_translatable() -> None:
    first = QT_TRANSLATE_NOOP("contacts", "“{entry}” is not a phone number.").format(entry="x")
    second = QT_TRANSLATE_NOOP("contacts", "“{entry}” is not a phone number.").format(entry="y")
    joined = join([first, second])
    assert joined == "“x” is not a phone number. “y” is not a phone number."
    assert joined.context == ""  # the joint itself is never translated
    assert list(joined.args.values()) == [first, second]
    assert all(isinstance(part, Message) for part in joined.args.values())
    assert join([first], separator="; ") == first
    assert join([]) == ""
    assert isinstance(join([]), Message)


def test_join_takes_plain_text_and_any_separator() -> None:
    joined = join(["a {b}", plain("{c}")], separator=" {} ")
    assert joined == "a {b} {} {c}"
    assert join(iter(["x", "y"]), separator="\n") == "x\ny"


def test_plain_text_is_never_translated() -> None:
    said = plain("Title is {too} long")
    assert said == "Title is {too} long"
    assert said.context == ""
    assert said.args == {"text": "Title is {too} long"}


# --- The JSON the outbox keeps ---------------------------------------------------------------


def _same(read: str, written: Message) -> None:
    assert isinstance(read, Message)
    assert read == written
    assert (read.context, read.source) == (written.context, written.source)
    assert to_json(read) == to_json(written)


def test_json_round_trip() -> None:
    message = QT_TRANSLATE_NOOP("retry", "{minutes} min {seconds} s").format(minutes=2, seconds=5)
    stored = to_json(message)
    assert json.loads(stored) == {
        "args": {"minutes": 2, "seconds": 5},
        "context": "retry",
        "source": "{minutes} min {seconds} s",
    }
    _same(from_json(stored), message)


def test_json_round_trip_of_nested_messages() -> None:
    reason = QT_TRANSLATE_NOOP("retry", "Particle Space is busy (HTTP {status})").format(status=429)
    delay = QT_TRANSLATE_NOOP("retry", "{seconds} s").format(seconds=8)
    message = join(
        [
            QT_TRANSLATE_NOOP("retry", "{reason}; next try in {delay}.").format(
                reason=reason, delay=delay
            ),
            plain("{server} said: no"),
            QT_TRANSLATE_NOOP("outbox", "x {rate}").format(rate=0.5),
        ]
    )
    read = from_json(to_json(message))
    _same(read, message)
    assert isinstance(read, Message)
    inner = read.args["p0"]
    assert isinstance(inner, Message)
    assert isinstance(inner.args["reason"], Message)
    assert inner.args["reason"].args == {"status": 429}
    assert inner.args["delay"].context == "retry"
    assert read.args["p1"].context == ""
    assert read.args["p2"].args == {"rate": 0.5}


def test_arguments_of_other_types_are_kept_as_their_text() -> None:
    message = QT_TRANSLATE_NOOP("outbox", "It was kept as {name}, {flag}.").format(
        name=Path("draft.json.corrupt-1"), flag=True
    )
    read = from_json(to_json(message))
    assert isinstance(read, Message)
    assert read == message == "It was kept as draft.json.corrupt-1, True."
    assert read.args == {"name": "draft.json.corrupt-1", "flag": "True"}


def test_text_that_is_not_a_message_is_stored_as_it_is() -> None:
    for text in ("", "Sent.", '{"a": 1}', "title: Leak"):
        assert to_json(text) == text
        read = from_json(text)
        assert read == text
        assert not isinstance(read, Message)


@pytest.mark.parametrize(
    "text",
    [
        '{"context"',  # not JSON
        '{"context": "retry", "source": "x"}',  # no args
        '{"context": "retry", "source": "x", "args": "y"}',
        '{"context": "retry", "source": "x", "args": ["y"]}',
        '{"context": 1, "source": "x", "args": {}}',
        '{"context": "retry", "source": null, "args": {}}',
        '{"context": "retry", "source": "{a}", "args": {"b": 1}}',
        '{"context": "retry", "source": "{0}", "args": {"a": 1}}',
        '{"context": "retry", "source": "{a:d}", "args": {"a": "x"}}',
        '{"context": "retry", "source": "x", "args": {"a": true}}',
        '{"context": "retry", "source": "x", "args": {"a": null}}',
        '{"context": "retry", "source": "x", "args": {"a": [1]}}',
        '{"context": "retry", "source": "x", "args": {"a": {"text": "y"}}}',
        '{"context": "retry", "source": "x", "args": {"a": {"message": 5}}}',
        '{"a":' * 100_000,  # nested too deep for the parser
    ],
)
def test_damaged_json_reads_back_as_the_text_it_is(text: str) -> None:
    read = from_json(text)
    assert read == text
    assert not isinstance(read, Message)


def test_pickling_and_copying_keep_the_message() -> None:
    message = join(
        [
            QT_TRANSLATE_NOOP("client", "Particle Space had a problem ({label}).").format(
                label=plain("HTTP 500")
            ),
            QT_TRANSLATE_NOOP("retry", "{seconds} s").format(seconds=3),
        ]
    )
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        _same(pickle.loads(pickle.dumps(message, protocol)), message)
    _same(copy.copy(message), message)
    _same(copy.deepcopy(message), message)
    loaded = pickle.loads(pickle.dumps(message))
    assert isinstance(loaded.args["p0"].args["label"], Message)


# --- The core gives the user Messages ----------------------------------------------------------

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
GOOD = TicketDraft(ticket_id="tic_1", title="Leak", description="Sink", status="ON_HOLD")


def _is_message(text: object, what: str) -> None:
    assert isinstance(text, Message), f"{what}: {text!r} is not a Message"
    for name, value in text.args.items():  # nested Messages are checked too
        if isinstance(value, Message):
            _is_message(value, f"{what} / {name}")


def _field_errors(draft: TicketDraft) -> list[errors.FieldError]:
    with pytest.raises(errors.InvalidTicket) as caught:
        validate(draft, now=NOW)
    _is_message(caught.value.message, "the banner")
    return list(caught.value.field_errors)


def _notify(**changes: Any) -> TicketDraft:
    base = dict(notify=True, type=ContactType.EMAIL, contacts="a@example.com")
    return TicketDraft(**{**GOOD.__dict__, **base, **changes})


BAD_DRAFTS = [
    TicketDraft(),
    TicketDraft(ticket_id="tic/1", title="a\nb", description=" ", status="x\x01"),
    TicketDraft(ticket_id="tic?1", title="t", description="d", status="s"),
    TicketDraft(ticket_id="tic#1", title="t", description="d", status="s"),
    TicketDraft(ticket_id="tic 1", title="t\x07", description="d", status="s\n"),
    TicketDraft(ticket_id="tic\x011", title="t", description="d", status=""),
    TicketDraft(ticket_id="..", title="t", description="d", status="s"),
    TicketDraft(ticket_id="tic_1", operation=Operation.CREATE),
    _notify(type=None),
    _notify(contacts=""),
    _notify(type=ContactType.SMS, contacts=""),
    _notify(contacts="not-an-email, also@bad@example.com, fine@example.com"),
    _notify(type=ContactType.SMS, contacts="12, +1 202 555 0123 ext. 5, 999"),
    _notify(time=NOW - timedelta(minutes=1)),
    _notify(notify_subject="two\nlines"),
    _notify(notify_subject="bell\x07"),
    _notify(type=ContactType.SMS, contacts="+1 202 555 0123", notify_message="x" * 1601),
]


@pytest.mark.parametrize("draft", BAD_DRAFTS)
def test_every_field_error_of_validation_is_a_message(draft: TicketDraft) -> None:
    problems = _field_errors(draft)
    assert problems
    for problem in problems:
        _is_message(problem.message, problem.field)


def test_the_banner_counts_one_field_and_many_fields() -> None:
    with pytest.raises(errors.InvalidTicket) as one:
        validate(TicketDraft(ticket_id="tic_1", description="d", status="s"), now=NOW)
    assert one.value.message == "1 field needs your attention."
    assert one.value.message.source == "%n fields need your attention."
    assert one.value.message.n == 1
    with pytest.raises(errors.InvalidTicket) as many:
        validate(TicketDraft(), now=NOW)
    assert many.value.message == "4 fields need your attention."
    assert many.value.message.n == 4


def test_contact_problems_are_joined_messages() -> None:
    (problem,) = _field_errors(_notify(contacts="nobody, +1 202 555 0123 ext. 5"))
    message = problem.message
    assert isinstance(message, Message)
    parts = list(message.args.values())
    assert len(parts) == 2
    assert parts[0].context == "contacts"
    assert parts[0].args["entry"] == "nobody"
    # email-validator's own English words stay an argument a translation may leave out
    assert isinstance(parts[0].args["detail"], Message)
    assert parts[0].args["detail"].context == ""
    assert parts[0] == f"“nobody” is not a valid email address: {parts[0].args['detail']}"


API_BASE = "https://api.particlespace.com/api/v1"
TICKET_URL = f"{API_BASE}/ticket/tic_1"
UPDATE = TicketUpdate(ticket_id="tic_1", title="t", description="d", status="s", automated=False)


@pytest.fixture
def client() -> Iterator[TicketClient]:
    ticket_client = TicketClient(api_base=API_BASE, credentials=Credentials(token="tk-1234567"))
    yield ticket_client
    ticket_client.close()


def _wrapped(reason: Exception, cause: BaseException | None = None) -> requests.ConnectionError:
    reason.__cause__ = cause
    retry = urllib3.exceptions.MaxRetryError(None, TICKET_URL, reason)  # type: ignore[arg-type]
    return requests.exceptions.ConnectionError(retry)


ANSWERS: list[dict[str, Any]] = [
    {"status": 404, "json": {"message": "Not found"}},
    {"status": 401, "json": {"error": "bad token"}},
    {"status": 403},
    {"status": 422, "json": {"errors": {"title": ["is too long"], "colour": "is not a field"}}},
    {"status": 422, "json": {"errors": [{"field": "status", "message": "unknown status"}]}},
    {"status": 400, "json": {"message": "Bad request"}},
    {"status": 409, "body": b"<html><body>Conflict</body></html>", "content_type": "text/html"},
    {"status": 429, "headers": {"Retry-After": "30"}},
    {"status": 503},
    {"status": 500, "json": {"message": "database down"}},
    {"status": 500, "body": b"<html><h1>Internal Server Error</h1></html>"},
    {"status": 502, "body": b"<html>Bad gateway</html>", "content_type": "text/html"},
    {"status": 302, "headers": {"Location": "https://elsewhere.example/login"}},
    {"status": 307},
    {"status": 100},
    {"body": requests.exceptions.ConnectTimeout("x")},
    {"body": requests.exceptions.ReadTimeout("x")},
    {"body": requests.exceptions.SSLError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate")},
    {"body": requests.exceptions.SSLError("[SSL: WRONG_VERSION_NUMBER] wrong version")},
    {"body": requests.exceptions.ChunkedEncodingError("x")},
    {"body": requests.exceptions.InvalidHeader("x")},
    {
        "body": _wrapped(
            urllib3.exceptions.NewConnectionError(None, "refused"),  # type: ignore[arg-type]
            ConnectionRefusedError(111, "Connection refused"),
        )
    },
    {
        "body": _wrapped(
            urllib3.exceptions.NewConnectionError(None, "unreachable"),  # type: ignore[arg-type]
            OSError(101, "Network is unreachable"),
        )
    },
    {
        "body": _wrapped(
            urllib3.exceptions.NameResolutionError(  # type: ignore[arg-type]
                "api.particlespace.com", None, socket.gaierror(-2, "Name unknown")
            )
        )
    },
]


def _caught(client: TicketClient, answer: dict[str, Any], *, creating: bool = False) -> Exception:
    update = UPDATE
    url = TICKET_URL
    if creating:
        update = TicketUpdate(
            ticket_id="",
            title="t",
            description="",
            status="s",
            automated=False,
            operation=Operation.CREATE,
        )
        url = f"{API_BASE}/ticket/new"
    with responses.RequestsMock() as mock:
        mock.add("POST" if creating else "PUT", url, **answer)
        with pytest.raises(errors.TicketError) as caught:
            client.send(update)
    return caught.value


@pytest.mark.parametrize("answer", ANSWERS)
def test_every_client_error_is_a_message(client: TicketClient, answer: dict[str, Any]) -> None:
    error = _caught(client, answer)
    _is_message(error.message, type(error).__name__)
    for problem in error.field_errors:
        _is_message(problem.message, problem.field)


def test_a_new_tickets_404_is_a_message(client: TicketClient) -> None:
    error = _caught(client, {"status": 404}, creating=True)
    assert isinstance(error, errors.RejectedByServer)
    _is_message(error.message, "404 on create")


def test_the_servers_words_are_plain_arguments(client: TicketClient) -> None:
    error = _caught(client, {"status": 500, "json": {"message": "database down"}})
    assert isinstance(error.message, Message)
    had_problem, said, _may = error.message.args.values()
    assert had_problem.args["label"] == "HTTP 500 Internal Server Error"
    assert had_problem.args["label"].context == ""
    assert said.args["said"] == "database down"
    assert said.args["said"].context == ""

    refused = _caught(client, {"status": 422, "json": {"errors": {"title": "too long"}}})
    (problem,) = refused.field_errors
    assert problem == errors.FieldError("title", "too long")
    assert isinstance(problem.message, Message)
    assert problem.message.context == ""


def test_sign_in_failures_and_checks_are_messages() -> None:
    keys = Credentials(secret_key="sk_test_abc", publish_key="pk_test_abc")
    for answer in ({"status": 401}, {"status": 200, "json": {"data": {}}}):
        client = TicketClient(api_base=API_BASE, credentials=keys)
        try:
            with responses.RequestsMock() as mock:
                mock.post(f"{API_BASE}/authenticate", **answer)
                with pytest.raises(errors.TicketError) as caught:
                    client.check_connection()
            _is_message(caught.value.message, f"sign-in {answer}")
        finally:
            client.close()
    for credentials in (keys, Credentials(token="tk-1234567")):
        client = TicketClient(api_base=API_BASE, credentials=credentials)
        try:
            with responses.RequestsMock() as mock:
                mock.post(f"{API_BASE}/authenticate", json={"data": {"token": "tk-999999"}})
                mock.get(API_BASE, json={})
                mock.assert_all_requests_are_fired = False
                _is_message(client.check_connection(), "check_connection")
        finally:
            client.close()


_ERRORS: list[Exception] = [
    errors.ServerBusy(plain("busy"), status=429, retry_after=30),
    errors.ConnectionRefused(plain("x")),
    errors.HostNotFound(plain("x")),
    errors.TlsFailed(plain("x")),
    errors.Unreachable(plain("x")),
    errors.TimedOut(plain("x"), may_have_reached_server=False),
    errors.TimedOut(plain("x"), may_have_reached_server=True),
    errors.ConnectionLost(plain("x")),
    errors.Cancelled(plain("x")),
    errors.ServerFailed(plain("x"), status=502),
    errors.ServerFailed(plain("x"), status=500),
    errors.Redirected(plain("x"), status=302),
    errors.TicketNotFound(QT_TRANSLATE_NOOP("client", "No ticket with this id."), status=404),
    errors.RejectedByServer("refused in plain text", status=400),
    errors.TokenRejected(plain("x"), status=401),
    errors.KeysRejected(plain("x"), status=401),
    errors.ConfigurationError(plain("x")),
    errors.KeychainError(plain("x")),
    errors.InvalidCredentials([]),
    RuntimeError("boom"),
]


@pytest.mark.parametrize("error", _ERRORS, ids=lambda error: type(error).__name__)
@pytest.mark.parametrize(("notify", "creates"), [(False, False), (True, False), (False, True)])
def test_every_retry_reason_is_a_message(error: Exception, notify: bool, creates: bool) -> None:
    for attempts in (1, 8, 20):
        verdict = decide(
            error, notify=notify, creates=creates, attempts=attempts, rng=random.Random(attempts)
        )
        _is_message(verdict.reason, f"{type(error).__name__} after {attempts}")
        if verdict.action is Action.RETRY:
            delay = verdict.reason.args["delay"]
            assert delay.context == "retry"


def test_retry_durations_are_messages_in_each_unit() -> None:
    from gui.core.retry import duration as _duration

    assert [(str(d), d.source) for d in map(_duration, (0.2, 95, 120, 125))] == [
        ("1 s", "{seconds} s"),
        ("95 s", "{seconds} s"),
        ("2 min", "{minutes} min"),
        ("2 min 5 s", "{minutes} min {seconds} s"),
    ]


def test_configuration_keys_keychain_drafts_and_sender_speak_in_messages(tmp_path: Path) -> None:
    said: list[tuple[str, object]] = []
    for url in ("http://example.com", "ftp://x", "https://a\x01b"):
        with pytest.raises(errors.ConfigurationError) as caught:
            check_api_base(url)
        said.append((url, caught.value.message))
    for environ in ({}, {"PARTICLESPACE_TOKEN": "t-1", "PARTICLESPACE_CONNECT_TIMEOUT": "x"}):
        connection = resolve_connection(Options(), environ, {})
        said.append((f"connection {environ}", connection.problem))
    connection = resolve_connection(Options(token="t-1"), {"PARTICLESPACE_READ_TIMEOUT": "999"}, {})
    said.append(("read timeout", connection.problem))
    for credentials in (
        Credentials(token="a b"),
        Credentials(secret_key="nope", publish_key="nope"),
        Credentials(secret_key="sk_live_a", publish_key="pk_test_b"),
        Credentials(secret_key="sk_test_a", publish_key="pk_live_b"),
    ):
        with pytest.raises(errors.InvalidCredentials) as invalid:
            check_credentials(credentials)
        said.append((repr(credentials), invalid.value.message))
        said += [(problem.field, problem.message) for problem in invalid.value.field_errors]

    class Locked(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            raise KeyringLocked("locked")

    with pytest.raises(errors.KeychainError) as keychain:
        Keychain(Locked()).load()
    said.append(("keychain", keychain.value.message))

    draft = tmp_path / "draft.json"
    draft.write_text("{not json", encoding="utf-8")
    with pytest.raises(DraftCorrupt) as corrupt:
        DraftStore(draft).load()
    said.append(("draft", corrupt.value.message))

    sender = TicketSender(resolve_connection(Options(), {}, {}))
    with pytest.raises(errors.ConfigurationError) as unusable:
        sender.send(UPDATE, abort=None)  # type: ignore[arg-type]
    said.append(("sender", unusable.value.message))

    said += [("stopped", STOPPED_MAY_HAVE_ARRIVED), ("resending", STOPPED_RESENDING)]
    for what, text in said:
        _is_message(text, what)


# --- The source: what lupdate needs to extract every text -------------------------------------

CORE = Path(gui.core.__file__).parent
#: Constructors whose text argument the user reads, and that argument's position.
_SHOWN: dict[str, int] = {
    name: 0
    for name, value in vars(errors).items()
    if inspect.isclass(value) and issubclass(value, errors.TicketError)
}
_SHOWN |= {"FieldError": 1, "DraftCorrupt": 0, "OutboxCorrupt": 0, "Verdict": 2}


#: The command line: its texts are in the core's catalogue too (packaging/translations.py), all
#: in the context "cli".
CLI = CORE.parent / "cli"


def _core_modules() -> list[Path]:
    # rglob: the core has packages too (gui/core/outbox/).
    core = sorted(path for path in CORE.rglob("*.py") if path != CORE / "messages.py")
    return core + sorted(CLI.glob("*.py"))


def _module_id(path: Path) -> str:
    return path.relative_to(CORE.parent).as_posix()


def _called(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def _is_literal_text(node: ast.expr) -> bool:
    """A sentence written in place: a literal, an f-string, or text glued with + or %."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        # "…".format(…) or " ".join(…) on a literal
        return _is_literal_text(node.func.value)
    return False


@pytest.mark.parametrize("path", _core_modules(), ids=_module_id)
def test_no_sentence_for_the_user_is_written_unwrapped(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    unwrapped = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _called(node) not in _SHOWN:
            continue
        position = _SHOWN[_called(node)]
        argument = node.args[position] if len(node.args) > position else None
        argument = argument or next(
            (keyword.value for keyword in node.keywords if keyword.arg == "message"), None
        )
        if argument is not None and _is_literal_text(argument):
            unwrapped.append(f"{path.name}:{node.lineno} {_called(node)}")
    assert unwrapped == []


def _plurals(tree: ast.AST) -> Iterator[tuple[ast.Call, str]]:
    """Each ``<context>.tr(plural, singular, n)`` of a module, with the name of its context."""
    contexts = {
        target.id: node.value.args[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Call)
        and _called(node.value) == "Context"
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and isinstance(node.func.value, ast.Name)
        ):
            name = contexts.get(node.func.value.id)
            assert isinstance(name, ast.Constant), f"{node.lineno}: tr() on an unknown context"
            yield node, str(name.value)


@pytest.mark.parametrize("path", _core_modules(), ids=_module_id)
def test_every_marked_text_is_a_literal_in_its_modules_context(path: Path) -> None:
    # A module's context is its name; the modules of a package (outbox/) share the package's.
    cli = path.is_relative_to(CLI)
    expected = "cli" if cli else Path(path.relative_to(CORE).parts[0]).stem
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called(node) == "QT_TRANSLATE_NOOP":
            where = f"{path.name}:{node.lineno}"
            context, source = node.args
            assert isinstance(context, ast.Constant), where
            assert context.value == expected, where
            # lupdate reads only a string literal (adjacent literals are one Constant)
            assert isinstance(source, ast.Constant), where
            assert isinstance(source.value, str), where
            assert source.value.strip() == source.value, where
    for node, context_name in _plurals(tree):
        where = f"{path.name}:{node.lineno}"
        # lupdate takes the variable's name for the context: it must be the Context's name
        assert isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
        assert node.func.value.id == context_name == expected, where
        plural, singular, _count = node.args
        for text in (plural, singular):
            assert isinstance(text, ast.Constant) and isinstance(text.value, str), where
            assert text.value.strip() == text.value, where
        assert isinstance(plural, ast.Constant) and "%n" in plural.value, where


def test_the_messages_module_stays_small_and_free_of_qt() -> None:
    text = Path(messages.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in text
    assert "shiboken" not in text


# --- The Spanish catalogue -----------------------------------------------------------------------

TS_FILE = CORE.parents[1] / "resources" / "i18n" / "core_es.ts"


def _marked_in_source() -> set[tuple[str, str]]:
    marked = set()
    for path in _core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) == "QT_TRANSLATE_NOOP":
                context, source = node.args
                assert isinstance(context, ast.Constant)
                assert isinstance(source, ast.Constant)
                marked.add((context.value, source.value))
        for node, context_name in _plurals(tree):
            plural = node.args[0]
            assert isinstance(plural, ast.Constant)
            marked.add((context_name, plural.value))
    return marked


def _catalogue() -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(TS_FILE).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _fields(text: str) -> set[tuple[str, str]]:
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


def test_the_spanish_catalogue_has_every_core_message_and_no_other() -> None:
    # After changing a core message, update the catalogue (lupdate keeps what is translated):
    #   ./tools/i18n   (packaging/translations.py: lupdate on every .py under gui/core)
    # then translate what it marks unfinished.
    assert set(_catalogue()) == _marked_in_source()


def test_every_spanish_translation_is_finished_and_keeps_its_placeholders() -> None:
    for (context, source), message in _catalogue().items():
        where = f"{context}: {source}"
        translation = message.find("translation")
        assert translation is not None, where
        assert translation.get("type") is None, where  # not "unfinished", "vanished", …
        forms = [form.text or "" for form in translation.iter("numerusform")]
        if message.get("numerus") == "yes":
            assert len(forms) == 2 and "%n" in forms[1], where  # Spanish: one, and the others
        for text in forms or [translation.text or ""]:
            assert text.strip(), where
            assert _fields(text) <= _fields(source), where  # the same names and format specs
            if not source.endswith("{detail}"):  # only email-validator's English may be out
                assert _fields(text) == _fields(source), where
            assert "“" not in text and "”" not in text, where  # «» in Spanish
