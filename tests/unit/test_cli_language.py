"""Every sentence the command line says goes through its catalogue: the help, argparse's own
words, every outcome of every command, the progress line.

The Spanish of the command line's newest sentences is written after they are (the lead runs
`packaging/translations.py update`), so these tests do not read core_es.qm: a stand-in
catalogue "translates" every word of every sentence it is asked for into ·word, and the commands
run in-process with LANG=es_ES.UTF-8. A word on stdout or stderr without its · did not go
through the catalogue.

What stays as it is on purpose (`unmarked` leaves it out): data (ticket ids, outbox ids, dates,
addresses, e-mail addresses, file names, keys), the names of flags, metavars, environment
variables, commands and the program, the API's field names before a field's error
("title: …"), the --type choices (email, sms), the outbox's state names in `outbox list`
(those of --json), and --json documents, which stay English for scripts
(`test_json_stays_english`). The core's own plain-text sentences that the command line passes
on (an unreadable CSV file, a --time that is no date) are the core's to mark, and no test here
reaches them.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.cli import language
from gui.cli.environment import Environment
from gui.cli.main import main
from gui.core.app_folders import OUTBOX_FILE_NAME, SANDBOX_FOLDER_NAME
from gui.core.catalogue import Catalogue
from gui.core.config import Connection
from gui.core.credentials import Credentials
from gui.core.delivery import STOPPED_WAITING
from gui.core.destination import destination_of
from gui.core.fields import FIELD_TABLE
from gui.core.messages import Message
from gui.core.outbox import OutboxStore
from gui.core.ticket import TicketUpdate
from gui.sandbox import SandboxServer

MARK = "·"
QUIET = ["--title", "Leak", "--description", "Sink", "--status", "ON_HOLD"]
HEADER = "ticketId,title,description,status,notify,type,contacts,time,automated\n"
SANDBOX_DESTINATION = destination_of(
    Connection("", Credentials(token=SandboxServer.TOKEN), sandbox=True)
)
ELSEWHERE = destination_of(
    Connection("https://elsewhere.example.com/v1", Credentials(token="sk_test_ab12"))
)

#: A placeholder, or a word: each word of a source becomes ·word.
_TOKEN = re.compile(r"\{[^}]*\}|%\([^)]*\)[sr]|%[snr]|--?[A-Za-z][\w-]*|[A-Za-z]+")


def marked(text: str) -> str:
    return _TOKEN.sub(lambda m: MARK + m[0] if m[0][0].isalpha() else m[0], text)


class Marking(Catalogue):
    """A catalogue with a "translation" of everything: each word marked."""

    def __init__(self) -> None:
        super().__init__({})
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context: str, source: str, comment: str = "", n: int = -1) -> str:
        self.asked.add((context, source))
        text = marked(source)
        return text.replace("%n", str(n)) if n >= 0 else text


#: What is data, or a name, and stays as it is (see the module's docstring).
_DATA = re.compile(
    r"https?://\S+|\S+@\S+|\btic_\w+|\b[sp]k_\w+|\S*/\S+|\S+\.csv\b|'[^']*'"
    r"|--?[A-Za-z][\w-]*( [A-Z][A-Z0-9_]*\b)?"  # a flag, and its metavar
    r"|\b(ID|COMMAND|ACTION|TICKET_ID)\b|\bPARTICLESPACE_\w+"
)
_NAMES = {
    *("particle", "tickets", "update", "new", "outbox", "list", "send", "discard"),
    *("email", "sms", "waiting", "needs", "sending"),
    *(field.name for field in FIELD_TABLE),
}


def unmarked(line: str) -> list[str]:
    """The words of `line` that did not go through the catalogue."""
    words = re.findall(rf"(?<![{MARK}\w])[A-Za-z]{{2,}}", _DATA.sub(" ", line))
    return [word for word in words if word not in _NAMES]


@pytest.fixture
def catalogue(monkeypatch: pytest.MonkeyPatch) -> Iterator[Marking]:
    """The stand-in catalogue as core_es.qm; the language chosen afresh, and forgotten after."""
    marking = Marking()
    monkeypatch.setattr(Catalogue, "load", classmethod(lambda cls, path: marking))
    monkeypatch.setattr(language, "_catalogue", [None])
    monkeypatch.setattr(language, "_code", [None])
    yield marking


class Spanish:
    """Runs a command in-process with LANG=es_ES.UTF-8 (the sandbox of --demo in its data
    folder); keeps every line it printed, argparse's included."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys
        self.env = Environment(
            environ={"LANG": "es_ES.UTF-8"},
            stored=dict,
            keychain=Credentials,
            data_folder=lambda: folder,
        )
        self.lines: list[str] = []

    def __call__(self, *argv: str) -> tuple[int, list[str]]:
        try:
            code = main(list(argv), env=self.env)
        except SystemExit as leaving:  # argparse: --help, a mistake
            code = int(leaving.code or 0)
        out, err = self.capsys.readouterr()
        lines = [line for line in (out + err).splitlines() if line.strip()]
        self.lines += lines
        return code, lines

    def store(self, *, demo: bool = True) -> OutboxStore:
        folder = self.folder / SANDBOX_FOLDER_NAME if demo else self.folder
        folder.mkdir(parents=True, exist_ok=True)
        return OutboxStore(folder / OUTBOX_FILE_NAME)


@pytest.fixture
def spanish(tmp_path: Path, capsys: pytest.CaptureFixture[str], catalogue: Marking) -> Spanish:
    return Spanish(tmp_path / "data", capsys)


def assert_all_marked(lines: list[str]) -> None:
    assert lines
    left = [(line, unmarked(line)) for line in lines if unmarked(line)]
    assert left == []


def update(ticket: str, title: str) -> TicketUpdate:
    return TicketUpdate(ticket, title, "Sink", "NEW", automated=False)


HELP = [
    ["--help"],
    ["-h"],
    ["update", "--help"],
    ["new", "--help"],
    ["outbox", "--help"],
    ["outbox", "list", "--help"],
    ["outbox", "send", "--help"],
    ["outbox", "discard", "--help"],
]


@pytest.mark.parametrize("argv", HELP, ids=" ".join)
def test_every_help_is_said_by_the_catalogue(spanish: Spanish, argv: list[str]) -> None:
    code, lines = spanish(*argv)
    assert code == 0
    assert lines[0].startswith(f"{MARK}usage: particle-tickets")
    assert_all_marked(lines)
    # One line per command or action still: the help of each is on its name's line.
    if argv in (["--help"], ["outbox", "--help"]):
        names = ("update", "new", "outbox") if argv == ["--help"] else ("list", "send", "discard")
        for name in names:
            assert any(re.match(rf"\s+{name}\s{{2,}}{MARK}", line) for line in lines), name


MISTAKES = [
    [],  # no command
    ["update", "--colour"],  # unrecognized arguments
    ["outbox"],  # the following arguments are required
    ["outbox", "tidy"],  # invalid choice
    ["update", "tic_1001", "--type", "fax"],  # invalid choice
    ["update", "--title"],  # expected one argument
    ["outbox", "send", "--retry"],  # expected at least one argument
    ["outbox", "discard", "x"],  # not an id
    ["outbox", "discard", "0"],  # not an id the outbox can hold
    ["update", "--demo=yes"],  # ignored explicit argument
    ["update", "--s", "x"],  # ambiguous option
    ["update", "--demo", "--token", "t"],  # --demo with a token
    ["--ticket", "tic_1", "update"],  # the window's option with a command
]


@pytest.mark.parametrize("argv", MISTAKES, ids=" ".join)
def test_every_mistake_argparse_finds_is_said_by_the_catalogue(
    spanish: Spanish, argv: list[str]
) -> None:
    code, lines = spanish(*argv)
    assert code == 2
    assert lines[-1].startswith("particle-tickets")
    assert f": {MARK}error: " in lines[-1]
    assert_all_marked(lines)


def test_argparse_s_own_words_come_from_the_catalogue(spanish: Spanish, catalogue: Marking) -> None:
    spanish("outbox")
    spanish("update", "--colour")
    spanish("--help")
    for words in (
        "usage:",
        "%(prog)s: error: %(message)s",
        "the following arguments are required: %s",
        "unrecognized arguments: %s",
        "options",
        "show this help message and exit",
    ):
        assert ("cli", words) in catalogue.asked, words


def test_what_the_ticket_commands_say(spanish: Spanish, tmp_path: Path) -> None:
    assert spanish("update", "tic_1001", *QUIET, "--demo")[0] == 0
    invalid = ["update", "tic_1001", "--description", "d", "--status", "NEW", "--demo"]
    assert spanish(*invalid)[0] == 2
    time_alone = ["update", "tic_1001", *QUIET, "--time", "2026-12-01T09:00", "--demo"]
    assert spanish(*time_alone)[0] == 2
    notify = [*QUIET, "--notify", "--contacts", "someone@example.com", "--demo"]
    assert spanish("update", "tic_1002", *notify)[0] == 0
    assert spanish("update", "tic_1002", *notify)[0] == 2  # a repeat
    assert spanish("new", "--title", "Door", "--status", "NEW", "--demo")[0] == 0
    assert spanish("new", "--title", "Door", "--status", "NEW", "--demo")[0] == 2  # a repeat
    # A CSV file: progress through a pipe, the summary; an invalid row; and what is refused.
    rows = tmp_path / "rows.csv"
    rows.write_text(HEADER + "".join(f",Door {n},,NEW,0,,,,0\n" for n in range(12)), "utf-8")
    code, lines = spanish("new", "--from-csv", str(rows), "--demo")
    assert code == 0
    assert lines[0] == f"12 {MARK}rows: 12 {MARK}sent."  # stdout, then stderr:
    assert lines[1:] == [f"{MARK}sent {n}/12" for n in (2, 3, 4, 5, 6, 8, 9, 10, 11, 12)]
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "tic_1001,A,d,NEW,0,,,,0\ntic_1002,,d,NEW,0,,,,0\n", "utf-8")
    assert spanish("update", "--from-csv", str(bad), "--demo")[0] == 2
    assert spanish("update", "--from-csv", str(bad), "--skip-invalid", "--demo")[0] == 0
    assert spanish("update", "--from-csv", str(bad), "--title", "t", "--demo")[0] == 2
    empty = tmp_path / "empty.csv"
    empty.write_text(HEADER, "utf-8")
    assert spanish("update", "--from-csv", str(empty), "--demo")[0] == 2
    assert_all_marked(spanish.lines)
    assert f"title: {MARK}Enter {MARK}a {MARK}title." in spanish.lines


def test_what_the_outbox_commands_say(spanish: Spanish) -> None:
    empty = (0, [f"{MARK}The {MARK}outbox {MARK}is {MARK}empty."])
    assert spanish("outbox", "list", "--demo") == empty
    code, lines = spanish("outbox", "send", "--demo")  # nothing due
    assert (code, len(lines)) == (0, 1)
    store = spanish.store()
    try:
        first = store.add(update("tic_1001", "One"), destination=SANDBOX_DESTINATION)
        assert store.claim_next(SANDBOX_DESTINATION) == store.get(first.id)
        store.hold(first.id, error=STOPPED_WAITING)  # it needs a decision
        asked = store.add(update("tic_1003", "Three"), destination=SANDBOX_DESTINATION)
        assert store.claim_next(SANDBOX_DESTINATION) == store.get(asked.id)
        store.reschedule(asked.id, delay=600, error=STOPPED_WAITING, asked=600)  # Retry-After
        second = store.add(update("tic_1001", "Two"), destination=SANDBOX_DESTINATION)
        store.add(update("tic_1002", "Four"), destination=SANDBOX_DESTINATION)
        elsewhere = store.add(update("tic_1001", "There"), destination=ELSEWHERE)
    finally:
        store.close()
    assert spanish("outbox", "list", "--demo")[0] == 0
    # The second goes after the first, which needs a decision; the fourth is sent; the third
    # waits for the time its server asked; the one for another server is only counted.
    assert spanish("outbox", "send", "--demo", "--retry", str(second.id))[0] == 3
    assert spanish("outbox", "send", "--demo", "--retry", "999")[0] == 2
    assert spanish("outbox", "send", "--demo", "--batch", "999")[0] == 2
    assert spanish("outbox", "send", "--demo", "--retry", str(elsewhere.id))[0] == 2
    code, lines = spanish("outbox", "send", "--demo", "--retry", str(first.id))
    assert code == 3
    assert f"{MARK}sent 2/2" in lines  # the progress line
    assert spanish("outbox", "send", "--demo")[0] == 3  # only what waits for its server's time
    store = spanish.store()
    try:
        batch = store.add_batch([update("tic_1006", "Six")], destination=SANDBOX_DESTINATION)
        assert store.claim_next(SANDBOX_DESTINATION) is not None  # being sent
    finally:
        store.close()
    assert spanish("outbox", "discard", "--demo", str(batch.items[0].id))[0] == 1
    assert spanish("outbox", "discard", "--demo", str(elsewhere.id), "999")[0] == 2
    assert spanish("outbox", "discard", "--demo")[0] == 2  # no ids
    assert spanish("outbox", "discard", "--demo", "--batch", str(batch.id))[0] in (0, 1)
    assert spanish("outbox", "discard", "--demo", "--batch", "999")[0] == 2
    assert_all_marked(spanish.lines)
    said = "\n".join(spanish.lines)
    for words in ("·Sent 1 ·of 1 ·attempted", "·the ·server ·asked ·to ·wait", "·goes ·after"):
        assert words.replace("·", MARK) in said, words
    assert re.search(rf"^{MARK}ID +{MARK}TICKET +{MARK}STATE", said, re.MULTILINE)


def test_what_a_command_says_without_the_sandbox(spanish: Spanish) -> None:
    """Not signed in; a server that cannot be reached (the update waits), listed and sent."""
    assert spanish("update", "tic_1001", *QUIET)[0] == 1
    with SandboxServer() as server:
        down = ["--api-base", server.url, "--token", SandboxServer.TOKEN]  # gone after this
    assert spanish("update", "tic_1001", *QUIET, *down)[0] == 3
    assert spanish("outbox", "list", *down)[0] == 0
    assert spanish("outbox", "send", *down)[0] == 3
    with SandboxServer() as server:
        up = ["--api-base", server.url, "--token", SandboxServer.TOKEN]
        assert spanish("update", "tic_9999", *QUIET, *up)[0] == 1  # refused: no such ticket
        assert spanish("outbox", "send", *up)[0] == 0
    assert_all_marked(spanish.lines)


def test_json_stays_english(spanish: Spanish) -> None:
    code, lines = spanish("update", "tic_1001", *QUIET, "--demo", "--json")
    assert code == 0
    document = json.loads("\n".join(lines))
    assert (document["status"], document["message"]) == ("sent", "Ticket tic_1001 updated.")


def test_the_checker_finds_english() -> None:
    assert unmarked("Sent 2 of 3 attempted; 1 left in the outbox.") != []
    assert unmarked(f"row 3: title: {MARK}Enter {MARK}a {MARK}title.") == ["row"]
    assert unmarked("  --api-base URL      tic_1001 https://x.example.com/v1") == []


def test_the_help_of_the_ticket_options_is_the_field_table_s_in_the_catalogue() -> None:
    helps = [field.flag_help for field in FIELD_TABLE if field.flag_help]
    assert len(helps) == 10  # every ticket option but the ticket id (a positional)
    assert all(isinstance(text, Message) and text.context == "fields" for text in helps)


# --- The source: no sentence of the command line is written in place --------------------------

CLI = Path(language.__file__).parent
#: Calls whose text the user reads: (name, position of the text) and the keywords that are.
_SAID = {
    "say": 0,
    "problem": 0,
    "error": 0,
    "ArgumentTypeError": 0,
    "add_argument_group": 0,
    "Result": 2,
    "FieldError": 1,
}
_SAID_KEYWORDS = {"help", "description", "epilog", "title", "message"}


def _written_in_place(node: ast.expr) -> bool:
    """A literal with words, an f-string, or text glued with + or % (what lupdate cannot
    find); a Message's `.format(…)` is not."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(re.search("[A-Za-z]{2,}", node.value))
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _written_in_place(node.left) or _written_in_place(node.right)
    return False


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda path: path.name)
def test_no_sentence_of_the_command_line_is_written_in_place(path: Path) -> None:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
        texts = [keyword.value for keyword in node.keywords if keyword.arg in _SAID_KEYWORDS]
        if name in _SAID and len(node.args) > _SAID[name]:
            texts.append(node.args[_SAID[name]])
        found += [f"{path.name}:{node.lineno}" for text in texts if _written_in_place(text)]
    assert found == []
