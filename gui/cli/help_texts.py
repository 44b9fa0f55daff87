"""The longer texts of the command line's help: the environment it reads, the exit statuses
and the help of the ticket options, each a Message (context "cli"). `exit_statuses` and
`wrapped` say them in the command line's language and then wrap them, so a translation is
wrapped as the English is.
"""

from __future__ import annotations

from gui.cli.language import say
from gui.core.messages import QT_TRANSLATE_NOOP, Message

ENVIRONMENT = QT_TRANSLATE_NOOP(
    "cli",
    "Environment: PARTICLESPACE_API_BASE, PARTICLESPACE_TOKEN, PARTICLESPACE_SECRET_KEY, "
    "PARTICLESPACE_PUBLISH_KEY, PARTICLESPACE_CONNECT_TIMEOUT, PARTICLESPACE_READ_TIMEOUT, "
    "PARTICLESPACE_DEADLINE. "
    "Options win over the environment, the environment over the values the window stored. "
    "With --demo none of them counts: the sandbox runs in this process and signs itself in.",
)
#: The exit status of a command, one line each (the README's table says the same).
EXIT_STATUSES = (
    ("0", QT_TRANSLATE_NOOP("cli", "done: sent (outbox list, discard: listed, discarded)")),
    (
        "1",
        QT_TRANSLATE_NOOP(
            "cli",
            "not sent: the server refused it (4xx); the token or keys were rejected (it waits "
            "in the outbox for a decision); not signed in; the outbox unusable; stopped with "
            "Ctrl+C; an item being sent by another process",
        ),
    ),
    (
        "2",
        QT_TRANSLATE_NOOP(
            "cli",
            "invalid input, nothing sent: a mistyped option, a bad field or CSV row, a repeat "
            "(--again sends it), no such outbox item or batch, an item written for another "
            "server or account",
        ),
    ),
    (
        "3",
        QT_TRANSLATE_NOOP(
            "cli",
            "not sent now, it waits in the outbox: the server is down or busy (outbox send "
            "sends it later), or it needs a decision (outbox send --retry ID, or outbox "
            "discard ID)",
        ),
    ),
)


def exit_statuses() -> str:
    """The exit statuses of a command as the help's last paragraph, one status a line."""
    import textwrap

    lines = [say(QT_TRANSLATE_NOOP("cli", "exit status of a command:"))]
    for status, meaning in EXIT_STATUSES:
        lines.append(
            textwrap.fill(
                say(meaning), 79, initial_indent=f"  {status}  ", subsequent_indent=" " * 5
            )
        )
    return "\n".join(lines)


def wrapped(text: Message) -> str:
    """`text` said, in lines of at most 79 characters (the help's own paragraphs keep their
    lines)."""
    import textwrap  # argparse has loaded it already

    return textwrap.fill(say(text), 79)
