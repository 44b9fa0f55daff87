"""The log: every secret redacted before any handler writes, a private rotating file, and a whole
scripted session after which no byte on disk holds a key or a token."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail

from gui.core import errors
from gui.core.abort import Abort
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.keychain import Keychain
from gui.core.logs import LOG_FILE, setup_logging, start_logging
from gui.core.redaction import REDACTED, SecretRedactor, redactor
from gui.core.sender import TicketSender
from gui.core.ticket import TicketUpdate
from gui.sandbox import Behaviour, SandboxServer

SECRET_KEY = "sk_test_LogSecret0123456789abcdef"
PUBLISH_KEY = "pk_test_LogPublish0123456789abcdef"


@pytest.fixture
def fresh() -> SecretRedactor:
    return SecretRedactor()


@pytest.fixture
def root_logging() -> Iterator[logging.Logger]:
    """The root logger, put back as it was: handlers `setup_logging` adds are closed, removed."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in [handler for handler in root.handlers if handler not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def log_through(redacting: SecretRedactor) -> tuple[logging.Logger, io.StringIO]:
    """A logger whose one handler, with the redactor, writes to a string."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(redacting)
    logger = logging.Logger("test-logs")  # not registered: nothing else sees its records
    logger.addHandler(handler)
    return logger, out


# --- SecretRedactor ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        (f"keys {SECRET_KEY} and {PUBLISH_KEY}", f"keys {REDACTED} and {REDACTED}"),
        ("live: sk_live_Abc-12_3, pk_live_x", f"live: {REDACTED}, {REDACTED}"),
        ("Authorization: Bearer abc.DEF-123/+=", f"Authorization: Bearer {REDACTED}"),
        ('{"Authorization": "bearer  abc"}', f'{{"Authorization": "bearer  {REDACTED}"}}'),
        (
            "secret_key=abc%2B1&publish_key=def&title=Leak",
            f"secret_key={REDACTED}&publish_key={REDACTED}&title=Leak",
        ),
        ("GET /x?token=abc123 HTTP/1.1", f"GET /x?token={REDACTED} HTTP/1.1"),
        ('{"data": {"token": "abc.def"}}', f'{{"data": {{"token": "{REDACTED}"}}}}'),
        ('{"secret_key":"abc","title":"Leak"}', f'{{"secret_key":"{REDACTED}","title":"Leak"}}'),
        ("nothing secret: sk_other, tic_1001, Token rejected", None),
    ],
)
def test_patterns_are_redacted(fresh: SecretRedactor, text: str, redacted: str | None) -> None:
    assert fresh.redact(text) == (text if redacted is None else redacted)


def test_remembered_secrets_are_redacted_wherever_they_appear(fresh: SecretRedactor) -> None:
    fresh.remember("opaque-t0ken-Xyz", "", "abc")  # blank and very short values are skipped
    assert fresh.redact("x=opaque-t0ken-Xyz;(opaque-t0ken-Xyz)") == f"x={REDACTED};({REDACTED})"
    assert fresh.redact("abc") == "abc"


def test_longer_secrets_are_redacted_first(fresh: SecretRedactor) -> None:
    fresh.remember("secret", "secret-and-more")
    assert fresh.redact("secret-and-more") == REDACTED


def test_records_are_redacted_before_the_handler_formats_them(fresh: SecretRedactor) -> None:
    fresh.remember("opaque-t0ken-Xyz")
    logger, out = log_through(fresh)
    logger.warning("signed in with %s, token %s", SECRET_KEY, "opaque-t0ken-Xyz")
    assert out.getvalue() == f"signed in with {REDACTED}, token {REDACTED}\n"


def test_tracebacks_are_redacted(fresh: SecretRedactor) -> None:
    fresh.remember("opaque-t0ken-Xyz")
    logger, out = log_through(fresh)
    try:
        raise RuntimeError(f"Bearer opaque-t0ken-Xyz refused for {SECRET_KEY}")
    except RuntimeError:
        logger.exception("request failed")
    written = out.getvalue()
    assert "Traceback (most recent call last)" in written
    assert "RuntimeError: Bearer [redacted] refused for [redacted]" in written
    assert "opaque-t0ken-Xyz" not in written
    assert SECRET_KEY not in written


def test_chained_exceptions_and_stacks_are_redacted(fresh: SecretRedactor) -> None:
    logger, out = log_through(fresh)
    try:
        try:
            raise ValueError(f"form secret_key={SECRET_KEY}&publish_key={PUBLISH_KEY}")
        except ValueError as error:
            raise RuntimeError("sign-in failed") from error
    except RuntimeError:
        logger.error("with %s", PUBLISH_KEY, exc_info=True, stack_info=True)
    written = out.getvalue()
    assert "The above exception was the direct cause" in written
    assert "Stack (most recent call last)" in written
    assert SECRET_KEY not in written
    assert PUBLISH_KEY not in written


def test_the_app_redactor_is_one_for_the_process() -> None:
    assert isinstance(redactor, SecretRedactor)


# --- setup_logging ----------------------------------------------------------------------------


def test_setup_logging_writes_a_private_file_through_the_redactor(
    tmp_path: Path, root_logging: logging.Logger
) -> None:
    folder = tmp_path / "data" / "logs"
    log_file = setup_logging(folder)
    assert log_file == folder / LOG_FILE
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    added = [handler for handler in root_logging.handlers if redactor in handler.filters]
    [to_file] = [h for h in added if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert Path(to_file.baseFilename) == log_file
    [to_stderr] = [h for h in added if not isinstance(h, logging.FileHandler)]
    assert isinstance(to_stderr, logging.StreamHandler)
    logging.getLogger("gui.test").info("keys %s %s", SECRET_KEY, PUBLISH_KEY)
    for handler in added:
        handler.flush()
    written = log_file.read_text("utf-8")
    assert f"INFO gui.test: keys {REDACTED} {REDACTED}" in written
    assert SECRET_KEY not in written


def test_the_log_stays_private_after_a_rollover(
    tmp_path: Path, root_logging: logging.Logger
) -> None:
    log_file = setup_logging(tmp_path / "logs")
    assert log_file is not None
    [handler] = [
        handler
        for handler in root_logging.handlers
        if isinstance(handler, logging.handlers.RotatingFileHandler) and redactor in handler.filters
    ]
    logging.getLogger("gui.test").info("before the rollover")
    handler.doRollover()
    logging.getLogger("gui.test").info("after the rollover")
    modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in log_file.parent.iterdir()}
    assert modes == {LOG_FILE: 0o600, LOG_FILE + ".1": 0o600}


def test_setup_logging_without_a_folder_logs_to_stderr_only(
    root_logging: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    assert setup_logging(None) is None
    logging.getLogger("gui.test").warning("with %s", PUBLISH_KEY)
    err = capsys.readouterr().err
    assert f"WARNING gui.test: with {REDACTED}" in err
    assert PUBLISH_KEY not in err


def test_an_unwritable_folder_gives_no_file(tmp_path: Path, root_logging: logging.Logger) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    assert setup_logging(blocker / "logs") is None


# --- A whole session, then every byte on disk -------------------------------------------------

UPDATE = TicketUpdate("tic_1001", "Leaking faucet", "Leak under the sink.", "ON_HOLD", False)


def private_folders() -> list[Path]:
    return [
        Path(os.environ[name])
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
    ]


def test_no_secret_on_disk_or_in_the_log_after_a_session(
    root_logging: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    data = Path(os.environ["XDG_DATA_HOME"]) / "Particle Tickets"
    log_file = setup_logging(data / "logs", level=logging.DEBUG)  # urllib3's lines too
    assert log_file is not None
    keys = Credentials(secret_key=SECRET_KEY, publish_key=PUBLISH_KEY)
    log = logging.getLogger("gui.test.session")

    with SandboxServer() as sandbox:
        # Where no keychain exists the keys stay in memory: this writes nothing.
        keychain = Keychain(fail.Keyring())
        keychain.save(keys)
        connection = Connection(sandbox.url, keychain.load())
        log.info("connection: %r", connection)  # a careless line: the repr holds the keys
        sender = TicketSender(connection)
        try:
            said = sender.check_connection(Abort())
            assert said == f"Signed in to {sandbox.url.split('/')[2]} with your test keys."
            assert sender.send(UPDATE, Abort()).status == 200
            sandbox.behaviour = Behaviour.SERVER_ERROR
            with pytest.raises(errors.ServerFailed) as caught:
                sender.send(UPDATE, Abort())
            try:
                raise RuntimeError(f"{caught.value.message} ({connection.credentials})")
            except RuntimeError:
                log.exception("send failed")
            sandbox.behaviour = Behaviour.NORMAL
            assert sender.send(UPDATE, Abort()).status == 200  # the retry
        finally:
            sender.close()
    keychain.delete()

    recorded = sandbox.requests
    assert [(request.method, request.path) for request in recorded] == [
        ("POST", "/api/v1/authenticate"),
        ("PUT", "/api/v1/ticket/tic_1001"),
        ("PUT", "/api/v1/ticket/tic_1001"),
        ("PUT", "/api/v1/ticket/tic_1001"),
    ]
    scheme, _, token = (recorded[1].header("Authorization") or "").partition(" ")
    assert scheme == "Bearer"
    assert len(token) >= 16
    secrets = {"secret key": SECRET_KEY, "publishable key": PUBLISH_KEY, "token": token}

    for handler in root_logging.handlers:
        handler.flush()
    logged = log_file.read_text("utf-8")
    for line in ("POST /authenticate: HTTP 200", "PUT /ticket/tic_1001: HTTP 500", "send failed"):
        assert line in logged  # the log says what happened...
    files = [path for folder in private_folders() for path in folder.rglob("*") if path.is_file()]
    assert files == [log_file]  # ...and is the only file the session wrote
    stderr = capsys.readouterr().err
    assert "send failed" in stderr
    for name, secret in secrets.items():
        for path in files:
            assert secret.encode() not in path.read_bytes(), f"the {name} is in {path}"
        assert secret not in stderr, f"the {name} went to stderr"


# --- start_logging: the file opened later (the window's start-up) ----------------------------


def test_what_is_logged_before_the_file_opens_is_written_first_in_order_and_redacted(
    tmp_path: Path, root_logging: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data" / "logs"
    later = start_logging(folder)
    log = logging.getLogger("gui.test")
    for number in range(3):
        log.info("before %d with %s", number, SECRET_KEY)
    assert not folder.exists()  # nothing on disk yet
    assert "before 2" in capsys.readouterr().err  # stderr had them at once

    assert later.open() == folder / LOG_FILE
    log.info("after with %s", PUBLISH_KEY)
    later.flush()

    written = (folder / LOG_FILE).read_text("utf-8")
    lines = [line.split(" INFO ", 1)[1] for line in written.splitlines()]
    assert lines == [
        f"gui.test: before 0 with {REDACTED}",
        f"gui.test: before 1 with {REDACTED}",
        f"gui.test: before 2 with {REDACTED}",
        f"gui.test: after with {REDACTED}",
    ]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / LOG_FILE).stat().st_mode) == 0o600
    assert later.open() == folder / LOG_FILE  # again: the same file, nothing written twice
    later.flush()
    assert (folder / LOG_FILE).read_text("utf-8") == written


def test_threads_opening_it_together_get_one_file_and_each_record_once(
    tmp_path: Path, root_logging: logging.Logger
) -> None:
    import threading

    later = start_logging(tmp_path / "logs")
    log = logging.getLogger("gui.test")
    log.info("held")
    start = threading.Barrier(4)
    opened: list[Path | None] = []

    def open_it() -> None:
        start.wait()
        opened.append(later.open())

    def keep_logging(name: str) -> None:
        start.wait()
        for number in range(200):
            log.info("%s %d", name, number)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    threads += [threading.Thread(target=keep_logging, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    later.flush()
    assert opened == [tmp_path / "logs" / LOG_FILE] * 2
    lines = [
        line.split(": ", 1)[1] for line in (tmp_path / "logs" / LOG_FILE).read_text().splitlines()
    ]
    assert lines[0] == "held"
    assert sorted(lines[1:]) == sorted(f"{name} {n}" for name in "ab" for n in range(200))


def test_without_a_writable_folder_the_held_records_go_to_stderr_only(
    tmp_path: Path, root_logging: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    later = start_logging(blocker / "logs")
    logging.getLogger("gui.test").info("kept on stderr")
    assert later.open() is None
    logging.getLogger("gui.test").info("still on stderr")
    err = capsys.readouterr().err
    assert "kept on stderr" in err and "still on stderr" in err
    assert "WARNING gui.core.logs: no log file in" in err
    assert start_logging(None).open() is None


def test_at_most_so_many_records_are_held(tmp_path: Path, root_logging: logging.Logger) -> None:
    later = start_logging(tmp_path / "logs")
    for number in range(later.HELD_RECORDS + 50):
        logging.getLogger("gui.test").info("line %d", number)
    later.open()
    later.flush()
    lines = (tmp_path / "logs" / LOG_FILE).read_text().splitlines()
    assert len(lines) == later.HELD_RECORDS
    assert lines[-1].endswith(f"line {later.HELD_RECORDS - 1}")


def test_a_text_any_pattern_would_change_has_a_clue() -> None:
    """`redact` skips the patterns for a text without one of `_CLUES`: that must never skip a
    text one of them changes. Every pattern's matches, in any case, and texts built of their
    fragments."""
    import itertools
    import re

    from gui.core.redaction import _CLUES, _PATTERNS

    fragments = [
        "sk_test_a",
        "pk_live_B-1",
        "SK_TEST_x",
        "Bearer x",
        "bEaReR\tabc",
        "secret_key=1",
        "PUBLISH_KEY=2",
        "Token=3",
        '"token": "x"',
        "'Secret_Key':'y'",
        "tic_1001",
        "sk_other",
        " ",
        "=",
        '"',
    ]
    texts = ["".join(pair) for pair in itertools.product(fragments, repeat=2)]
    for text in texts:
        if any(re.search(pattern, text) for pattern in _PATTERNS):
            assert _CLUES.search(text), text
    assert sum(1 for text in texts if _CLUES.search(text) is None) > 10  # some are skipped
