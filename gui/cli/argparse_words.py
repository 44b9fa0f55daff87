"""argparse in the command line's language: its own words ("usage:", "error:", "options", "the
following arguments are required: …") and the help texts of `gui.cli.arguments`.

argparse takes its words from gettext, calling ``argparse._`` each time it needs one; this module
replaces that one name, once, when it is first imported (the only change to argparse anywhere):
each word the command line can meet becomes a Message of the catalogue (context "cli"), said in
the language of `gui.cli.language` when argparse fills it in with ``%`` or prints it. A word
argparse has only for a programming mistake (a conflicting option string, …), and any word of a
later Python that this table does not know, stays argparse's English.

The help texts are Messages until `HelpFormatter` formats them, so building a parser reads no
catalogue (the window's start-up builds one and never shows its help).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from gui.cli.language import say
from gui.core.messages import QT_TRANSLATE_NOOP, Message

#: argparse's words a user can meet, as argparse writes them (without the spaces around them),
#: and the command line's Messages for them (the same %-placeholders).
_WORDS: dict[str, Message] = {
    "usage:": QT_TRANSLATE_NOOP("cli", "usage:"),
    "%(prog)s: error: %(message)s": QT_TRANSLATE_NOOP("cli", "%(prog)s: error: %(message)s"),
    "positional arguments": QT_TRANSLATE_NOOP("cli", "positional arguments"),
    "options": QT_TRANSLATE_NOOP("cli", "options"),
    "show this help message and exit": QT_TRANSLATE_NOOP("cli", "show this help message and exit"),
    "argument %(argument_name)s: %(message)s": QT_TRANSLATE_NOOP(
        "cli", "argument %(argument_name)s: %(message)s"
    ),
    "the following arguments are required: %s": QT_TRANSLATE_NOOP(
        "cli", "the following arguments are required: %s"
    ),
    "unrecognized arguments: %s": QT_TRANSLATE_NOOP("cli", "unrecognized arguments: %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": QT_TRANSLATE_NOOP(
        "cli", "invalid choice: %(value)r (choose from %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": QT_TRANSLATE_NOOP(
        "cli", "invalid %(type)s value: %(value)r"
    ),
    "expected one argument": QT_TRANSLATE_NOOP("cli", "expected one argument"),
    "expected at most one argument": QT_TRANSLATE_NOOP("cli", "expected at most one argument"),
    "expected at least one argument": QT_TRANSLATE_NOOP("cli", "expected at least one argument"),
    "ignored explicit argument %r": QT_TRANSLATE_NOOP("cli", "ignored explicit argument %r"),
    "ambiguous option: %(option)s could match %(matches)s": QT_TRANSLATE_NOOP(
        "cli", "ambiguous option: %(option)s could match %(matches)s"
    ),
    "unexpected option string: %s": QT_TRANSLATE_NOOP("cli", "unexpected option string: %s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": QT_TRANSLATE_NOOP(
        "cli", "unknown parser %(parser_name)r (choices: %(choices)s)"
    ),
    "not allowed with argument %s": QT_TRANSLATE_NOOP("cli", "not allowed with argument %s"),
    "one of the arguments %s is required": QT_TRANSLATE_NOOP(
        "cli", "one of the arguments %s is required"
    ),
}


class _Words(str):
    """One of argparse's words: its English, as argparse wrote it, until it is said (`said`,
    or ``%`` filling it in, which also says each Message among the values)."""

    message: Message

    def __new__(cls, english: str, message: Message) -> _Words:
        self = super().__new__(cls, english)
        self.message = message
        return self

    def said(self) -> str:
        """The words in the language in use, with argparse's spaces and newlines around them."""
        text = str(self)
        before = text[: len(text) - len(text.lstrip())]
        after = text[len(text.rstrip()) :]
        return before + say(self.message) + after

    def __mod__(self, values: Any) -> str:
        if isinstance(values, dict):
            values = {name: said(value) for name, value in values.items()}
        elif isinstance(values, tuple):
            values = tuple(said(value) for value in values)
        else:
            values = said(values)
        text: str = self.said() % values
        return text


def gettext(text: str) -> str:
    """argparse's `_`: its word as a `_Words`; any other text (a help text of ours, a word
    of a programming mistake, None) as it is."""
    if isinstance(text, str) and not isinstance(text, Message):
        message = _WORDS.get(text.strip())
        if message is not None:
            return _Words(text, message)
    return text


def said(text: Any) -> Any:
    """`text` in the language in use: argparse's words, a Message; anything else as it is."""
    if isinstance(text, _Words):
        return text.said()
    if isinstance(text, Message):
        return say(text)
    return text


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """The help of every parser: each help text, section heading and "usage:" said as it is
    formatted; the description and epilog as they were given (already said, see
    `gui.cli.arguments`)."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(said(heading))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text: str | None = said(action.help)
        return text

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        if prefix is None:
            prefix = said(gettext("usage: "))
        return super()._format_usage(usage, actions, groups, prefix)


# The one change to argparse (see the module's docstring): its words from the catalogue.
argparse._ = gettext  # type: ignore[attr-defined]
