"""The one argument parser of `particle-tickets`: the window's options, and the `update`, `new`
and `outbox` commands, which do the window's work from a script.

Without a command the window opens. The connection options (--api-base, --token, --secret-key,
--publish-key, --demo) belong to the window and to every command, before or after the command's
name; --ticket and --self-test are the window's alone. The ticket options of `update` and
`new` come from the field table (gui/core/fields.py), in form order.

Building the parser costs no module beyond argparse, so the window and `--help` start fast.

Every text of the help is a Message (context "cli"), said in the command line's language
(`gui.cli.language`): the help texts and headings as argparse formats them, argparse's own words
as it uses them (gui/cli/argparse_words.py), the descriptions and epilogs, which are wrapped
after they are said, when the commands' parsers are built (only then is there a help to show).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import gui
from gui.cli.argparse_words import HelpFormatter
from gui.cli.help_texts import ENVIRONMENT, exit_statuses, wrapped
from gui.cli.language import say
from gui.core.fields import FIELD_TABLE, TICKET_ID, ContactType, Field, Kind, Operation
from gui.core.messages import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from gui.core.config import Options
    from gui.core.errors import FieldError
    from gui.core.ticket import TicketDraft

PROG = "particle-tickets"
#: The commands; without one, the window opens.
COMMANDS = ("update", "new", "outbox")

#: The fields given as options, by option (--title …), in form order; the notify-only ones
#: only count with --notify, and are None when not given.
TICKET_FLAGS: dict[str, Field] = {
    field.flag: field for field in FIELD_TABLE if field.flag is not None
}
#: The connection options and --json: (destination, value when not given). They may be given
#: on either side of a command's name, so argparse leaves them out until given (SUPPRESS),
#: and `parse` fills in what was not.
_SHARED_DEFAULTS: dict[str, object] = {
    "api_base": None,
    # Option names with nothing in them (bandit B105 reads "token" as a password).
    "token": None,  # nosec B105
    "secret_key": None,  # nosec B105
    "publish_key": None,
    "demo": False,
    "json": False,
}
#: Arguments that need the commands' parsers (a command, or the help that lists them; argparse
#: also takes "--he" for "--help", and "-vh" for "-v -h").
_NEEDS_COMMANDS = frozenset(COMMANDS)
#: The same usage line whether or not the commands' parsers were built.
_USAGE = (
    "%(prog)s [-h] [--version] [--api-base URL] [--token TOKEN] [--secret-key KEY]\n"
    "       [--publish-key KEY] [--ticket ID] [--demo] [--self-test] [COMMAND ...]"
)
#: The window's own options, which mean nothing to a command.
_WINDOW_ONLY = {"ticket": "--ticket", "self_test": "--self-test"}
#: What --demo cannot go with in a command: the sandbox signs itself in, at its own address.
_NOT_WITH_DEMO = {
    "api_base": "--api-base",
    "token": "--token",  # nosec B105 - an option's name
    "secret_key": "--secret-key",  # nosec B105 - an option's name
    "publish_key": "--publish-key",
}


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The command line (without the program name) as one namespace; ``command`` is None for
    the window. Exits on --help, --version and mistakes, as argparse does (status 2).

    The commands' parsers are built only when a command's name or --help is among the
    arguments: the window's start-up does not pay for eight parsers it will not use (argparse
    looks up a translation of every help text it is given).
    """
    arguments = list(argv)
    parser = build_parser(commands=any(_needs_commands(arg) for arg in arguments))
    namespace = parser.parse_args(arguments)
    namespace.command = getattr(namespace, "command", None)
    for name, default in _SHARED_DEFAULTS.items():
        if not hasattr(namespace, name):
            setattr(namespace, name, default)
    if namespace.command is not None:
        given = [flag for name, flag in _WINDOW_ONLY.items() if getattr(namespace, name)]
        if given:
            parser.error(
                QT_TRANSLATE_NOOP(
                    "cli", "{options}: an option of the window, not of a command"
                ).format(options=", ".join(given))
            )
        if namespace.demo:
            given = [flag for name, flag in _NOT_WITH_DEMO.items() if getattr(namespace, name)]
            if given:
                parser.error(
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "--demo sends to the built-in sandbox, which signs itself in: leave out "
                        "{options}",
                    ).format(options=", ".join(given))
                )
    return namespace


def _needs_commands(argument: str) -> bool:
    """Whether `argument` is a command's name or asks for the help that lists them."""
    if argument in _NEEDS_COMMANDS:
        return True
    if argument.startswith("--"):
        return len(argument) > 3 and "--help".startswith(argument)  # "--he", as argparse takes
    return argument.startswith("-") and "h" in argument[1:] and "=" not in argument


def window_options(namespace: argparse.Namespace) -> Options:
    """The window's options from a parsed command line without a command."""
    from gui.core.config import Options

    return Options(
        api_base=namespace.api_base,
        token=namespace.token,
        secret_key=namespace.secret_key,
        publish_key=namespace.publish_key,
        ticket=namespace.ticket,
        demo=namespace.demo,
        self_test=namespace.self_test,
    )


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """`particle-tickets [window options] | COMMAND …`, every level with its own --help
    (without `commands`, the window's options alone, and no description: argparse asks for
    the commands' parsers whenever it shows the help, see `parse`)."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=_USAGE,
        description=wrapped(
            QT_TRANSLATE_NOOP(
                "cli",
                "Update and create Particle Space maintenance tickets. Without a command the "
                "window opens; the commands do the window's work from a script "
                "(particle-tickets COMMAND --help says more of each).",
            )
        )
        if commands
        else None,
        epilog=f"{wrapped(ENVIRONMENT)}\n\n{exit_statuses()}" if commands else None,
        formatter_class=HelpFormatter,
    )
    _connection_arguments(
        parser, QT_TRANSLATE_NOOP("cli", "connection (for the window and every command)")
    )
    window = parser.add_argument_group(QT_TRANSLATE_NOOP("cli", "the window"))
    window.add_argument(
        "--ticket", metavar="ID", help=QT_TRANSLATE_NOOP("cli", "ticket id to fill in")
    )
    window.add_argument(
        "--self-test",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli",
            "open the window offscreen, send one update to the sandbox, report each step, exit",
        ),
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help=QT_TRANSLATE_NOOP("cli", "show the version and exit"),
    )
    if commands:
        _add_commands(
            parser.add_subparsers(
                dest="command",
                metavar="COMMAND",
                title=QT_TRANSLATE_NOOP("cli", "commands (without one, the window opens)"),
                prog=PROG,  # "particle-tickets update", not the whole usage line before it
            )
        )
    return parser


def _connection_arguments(
    parser: argparse.ArgumentParser, title: str, *, json: bool = False
) -> None:
    """The connection options (and, for a command, --json), left out until given: see
    `_SHARED_DEFAULTS`."""
    group = parser.add_argument_group(title)
    unset = argparse.SUPPRESS
    group.add_argument(
        "--api-base", metavar="URL", default=unset, help=QT_TRANSLATE_NOOP("cli", "API address")
    )
    group.add_argument(
        "--token",
        metavar="TOKEN",
        default=unset,
        help=QT_TRANSLATE_NOOP("cli", "Bearer token for the API"),
    )
    group.add_argument(
        "--secret-key",
        metavar="KEY",
        default=unset,
        help=QT_TRANSLATE_NOOP("cli", "secret key (sk_test_… or sk_live_…)"),
    )
    group.add_argument(
        "--publish-key",
        metavar="KEY",
        default=unset,
        help=QT_TRANSLATE_NOOP("cli", "publishable key (pk_…)"),
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=unset,
        help=QT_TRANSLATE_NOOP(
            "cli",
            "use the built-in sandbox, started in this process, and its own outbox: nothing "
            "leaves this computer",
        ),
    )
    if json:
        group.add_argument(
            "--json",
            action="store_true",
            default=unset,
            help=QT_TRANSLATE_NOOP("cli", "print one JSON document on stdout"),
        )


def _add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def command(
        name: str,
        parent: argparse._SubParsersAction[argparse.ArgumentParser] = commands,
        *,
        help: Message,  # argparse's own name for it
        description: Message | None = None,
    ) -> argparse.ArgumentParser:
        parser = parent.add_parser(
            name,
            help=help,
            description=wrapped(description) if description is not None else None,
            epilog=exit_statuses(),
            formatter_class=HelpFormatter,
        )
        _connection_arguments(
            parser, QT_TRANSLATE_NOOP("cli", "connection (as the window's options)"), json=True
        )
        return parser

    update = command(
        "update",
        help=QT_TRANSLATE_NOOP("cli", "update a ticket (or many, --from-csv)"),
        description=QT_TRANSLATE_NOOP(
            "cli", "Update a ticket, or one ticket per row of a CSV file."
        ),
    )
    update.add_argument(
        "ticket_id",
        metavar="TICKET_ID",
        nargs="?",
        help=QT_TRANSLATE_NOOP("cli", "the ticket, tic_…"),
    )
    _ticket_arguments(update)
    new = command(
        "new",
        help=QT_TRANSLATE_NOOP("cli", "create a ticket (or many, --from-csv)"),
        description=QT_TRANSLATE_NOOP(
            "cli", "Create a ticket, or one ticket per row of a CSV file."
        ),
    )
    _ticket_arguments(new)
    outbox = command(
        "outbox",
        help=QT_TRANSLATE_NOOP("cli", "list, send or discard what waits in the outbox"),
        description=QT_TRANSLATE_NOOP("cli", "The window's outbox: what could not be sent yet."),
    )
    actions = outbox.add_subparsers(dest="action", required=True, metavar="ACTION")
    command(
        "list",
        actions,
        help=QT_TRANSLATE_NOOP("cli", "list the waiting updates and the server each goes to"),
    )
    send = command(
        "send",
        actions,
        help=QT_TRANSLATE_NOOP("cli", "send every waiting update that is safe to send, now"),
        description=QT_TRANSLATE_NOOP(
            "cli",
            "Send now every waiting update that was written for this server and account, "
            "whatever its next try; an update whose server asked to wait (Retry-After) waits "
            "until then, and one that needs a decision goes only with --retry. What was "
            "written for another server or account is listed, never sent.",
        ),
    )
    send.add_argument(
        "--retry",
        metavar="ID",
        type=outbox_id,
        nargs="+",
        default=[],
        help=QT_TRANSLATE_NOOP(
            "cli", "also send these items now, those waiting for a decision included"
        ),
    )
    send.add_argument(
        "--batch",
        metavar="ID",
        type=outbox_id,
        help=QT_TRANSLATE_NOOP("cli", "send only this batch (what one command or CSV file queued)"),
    )
    discard = command("discard", actions, help=QT_TRANSLATE_NOOP("cli", "give up updates"))
    discard.add_argument(
        "ids",
        metavar="ID",
        type=outbox_id,
        nargs="*",
        help=QT_TRANSLATE_NOOP("cli", "outbox item ids"),
    )
    discard.add_argument(
        "--batch",
        metavar="ID",
        type=outbox_id,
        help=QT_TRANSLATE_NOOP("cli", "give up every item of this batch"),
    )


def _ticket_arguments(parser: argparse.ArgumentParser) -> None:
    for flag, field in TICKET_FLAGS.items():
        text = field.flag_help
        if field.kind is Kind.FLAG:
            parser.add_argument(flag, action="store_true", help=text)
        elif field.kind is Kind.CONTACT_TYPE:
            choices = tuple(contact_type.value for contact_type in ContactType)
            parser.add_argument(flag, choices=choices, help=text)
        elif field.kind is Kind.TIME:
            parser.add_argument(flag, metavar="ISO8601", help=text)
        else:  # text: empty unless given; a notify-only one None, to tell it was given
            default = None if field.notify_only else ""
            parser.add_argument(flag, default=default, help=text)
    parser.add_argument(
        "--from-csv",
        metavar="FILE",
        type=Path,
        help=QT_TRANSLATE_NOOP("cli", "one ticket per row"),
    )
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help=QT_TRANSLATE_NOOP("cli", "with --from-csv: send the valid rows even if some are not"),
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli",
            "send it even if exactly this was sent to the same server and account in the last "
            "24 hours, or still waits in the outbox (without it, such a repeat of an update "
            "that notifies people, or of a new ticket, is not sent: exit status 2)",
        ),
    )


#: The largest id SQLite stores (a signed 64-bit integer).
_LARGEST_ID = 2**63 - 1


def outbox_id(text: str) -> int:
    """An outbox item's or batch's id, as typed: a whole number from 1 (argparse turns the
    ValueError into "invalid outbox_id value", so the message says what is wanted; it keeps
    only the text of the error, so the message is said here)."""
    try:
        value = int(text)
    except ValueError:
        message = QT_TRANSLATE_NOOP("cli", "{text} is not an id (a whole number)")
        raise argparse.ArgumentTypeError(say(message.format(text=repr(text)))) from None
    if not 1 <= value <= _LARGEST_ID:
        message = QT_TRANSLATE_NOOP(
            "cli", "{text} is not an id the outbox can hold (a whole number from 1 to {largest})"
        )
        raise argparse.ArgumentTypeError(say(message.format(text=text, largest=_LARGEST_ID)))
    return value


class _VersionAction(argparse.Action):
    """Like argparse's "version", but reads the version only when asked (it costs imports)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        help = kwargs.get("help")  # a Message, said when the help is formatted
        super().__init__(
            option_strings, dest, nargs=0, help=help if isinstance(help, str) else None
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"{PROG} {gui.__version__}")  # stdout, as argparse's own --version
        parser.exit()


# --- The ticket a command's options give -----------------------------------------------------


def flag_given(namespace: argparse.Namespace, flag: str) -> bool:
    """Whether the ticket option `flag` was given (a notify-only one: even if empty)."""
    value = _flag_value(namespace, flag)
    return value is not None if TICKET_FLAGS[flag].notify_only else bool(value)


def ticket_draft(namespace: argparse.Namespace) -> tuple[TicketDraft, list[FieldError]]:
    """The ticket `update` or `new` was given, as the form would hold it, and what is wrong
    with the options themselves (a notification option without --notify, a bad time)."""
    from gui.core.csv_rows import parse_time
    from gui.core.errors import FieldError
    from gui.core.ticket import draft_from_values

    problems: list[FieldError] = []
    if not namespace.notify:
        for flag, field in TICKET_FLAGS.items():
            if field.notify_only and flag_given(namespace, flag):
                message = QT_TRANSLATE_NOOP(
                    "cli", "{flag} only counts with --notify; add --notify."
                ).format(flag=flag)
                problems.append(FieldError(field.name, message))
    values: dict[str, object] = {TICKET_ID: getattr(namespace, "ticket_id", None) or ""}
    for flag, field in TICKET_FLAGS.items():
        given = _flag_value(namespace, flag)
        if field.kind is Kind.TIME:
            try:
                values[field.name] = parse_time(given if isinstance(given, str) else "")
            except ValueError as error:  # the core's Message, when it gives one
                said = error.args[0] if error.args and isinstance(error.args[0], str) else ""
                problems.append(FieldError(field.name, said or str(error)))
        elif field.kind is Kind.CONTACT_TYPE:
            values[field.name] = ContactType(given) if isinstance(given, str) else ContactType.EMAIL
        else:  # text as given (empty if not), or a flag's True/False
            values[field.name] = given if field.kind is Kind.FLAG else given or ""
    return draft_from_values(values, operation=operation(namespace)), problems


def operation(namespace: argparse.Namespace) -> Operation:
    """What the command does with its ticket: `new` creates one, `update` updates one."""
    return Operation.CREATE if namespace.command == "new" else Operation.UPDATE


def _flag_value(namespace: argparse.Namespace, flag: str) -> object:
    return getattr(namespace, flag.removeprefix("--").replace("-", "_"))
