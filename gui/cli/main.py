"""Running one command: `particle-tickets update|new|outbox …`, the window's work from a script.

Exit status: 0 sent; 2 invalid input, nothing sent; 3 could not be sent now and waits in the
outbox; 1 any other failure (the server refused it, no credentials, the outbox unusable, …).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from gui.cli.environment import Environment, default_environment
from gui.cli.output import Output
from gui.cli.results import EXIT_FAILED, EXIT_INVALID, EXIT_SENT, EXIT_WAITING, STOPPED
from gui.core.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.cli.session import Session

__all__ = ["EXIT_FAILED", "EXIT_INVALID", "EXIT_SENT", "EXIT_WAITING", "main", "run"]


def main(
    argv: Sequence[str] | None = None,
    *,
    env: Environment | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Parse `argv` (a command and its options) and run it; returns the exit status."""
    import os

    from gui.cli.arguments import build_parser, parse
    from gui.cli.language import install

    install(env.environ if env is not None else os.environ)  # the help's and mistakes' too
    args = parse(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        build_parser().error(QT_TRANSLATE_NOOP("cli", "a command is needed: update, new or outbox"))
    return run(args, env=env, stdout=stdout, stderr=stderr)


def run(
    args: argparse.Namespace,
    *,
    env: Environment | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command `args` gives (see `gui.cli.arguments.parse`); returns the exit status."""
    from gui.cli.language import install

    out = Output(stdout or sys.stdout, stderr or sys.stderr, as_json=args.json)
    environment = env or default_environment()
    install(environment.environ)  # the language of what the command says
    command: Session | None = None
    try:
        if args.command == "outbox":
            from gui.cli.outbox_commands import OutboxCommand

            command = OutboxCommand(args, environment, out)
        else:
            from gui.cli.tickets import TicketCommand

            command = TicketCommand(args, environment, out)
        return command.run()
    except KeyboardInterrupt:
        out.problem(STOPPED)
        return EXIT_FAILED
    except Exception as error:  # the outbox unusable (disk full, damaged file), and the like
        out.problem(_describe_failure(error))
        return EXIT_FAILED
    finally:
        if command is not None:
            command.close()  # the sandbox of --demo


def _describe_failure(error: Exception) -> str:
    """What went wrong, in the command line's words; the system's and the exception's own
    words (its type, its text) are arguments, as they are."""
    import sqlite3

    from gui.core.errors import TicketError

    if isinstance(error, TicketError):
        from gui.cli.remedies import for_command_line

        return for_command_line(error.message)
    if isinstance(error, OSError):
        return QT_TRANSLATE_NOOP("cli", "The outbox could not be used: {error}.").format(
            error=str(error.strerror or error)
        )
    if isinstance(error, sqlite3.Error):
        return QT_TRANSLATE_NOOP(
            "cli", "The outbox could not be used (disk full, read-only or damaged): {error}."
        ).format(error=str(error))
    return QT_TRANSLATE_NOOP("cli", "Something unexpected went wrong: {kind}: {error}").format(
        kind=type(error).__name__, error=str(error)
    )
