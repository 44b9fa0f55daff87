"""Messages for the user that the UI can translate, while the core stays free of Qt.

The core writes every sentence a user may read as

    QT_TRANSLATE_NOOP("validation", "Enter a title.")
    QT_TRANSLATE_NOOP("validation", "This one has {count:,} characters.").format(count=n)

`QT_TRANSLATE_NOOP` is Qt's own marker, so `pyside6-lupdate` finds these texts in the core's
source and puts them in resources/i18n/*.ts with the UI's; here it only returns a `Message`.

A `Message` is a `str` (the English sentence, arguments filled in), so logs, the command line
and every test that compares text keep working; it also remembers its context, its source text
and its arguments, from which `gui.ui.i18n.translated` builds the sentence in the user's
language. Arguments that are Messages themselves are translated too (see `join`).

A sentence with a number in it uses Qt's plural forms, marked with a `Context` named for its
module, the way lupdate reads ``Class.tr(source, disambiguation, n)``:

    reports = Context("reports")
    reports.tr("%n updates waiting", "%n update waiting", count)

The source is the English plural and the disambiguation the English singular (translators see
both); `%n` is the number. The catalogue holds each language's plural forms; English needs none,
since the Message is its own English text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

#: Types an argument may have and still be stored (`to_json`) and read back.
_PLAIN = (str, int, float)


class Message(str):
    """An English sentence that remembers how to build it in another language.

    `n` is set for a sentence with a number (`Context.tr`): `source` is then the English
    plural and `disambiguation` the English singular, each with ``%n`` for the number.
    """

    context: str
    source: str
    args: Mapping[str, object]
    disambiguation: str
    n: int | None  # the number of a sentence with a number (not `count`: str has one)

    def __new__(
        cls,
        context: str,
        source: str,
        args: Mapping[str, object] | None = None,
        *,
        disambiguation: str = "",
        n: int | None = None,
    ) -> Message:
        arguments = dict(args or {})
        english = source
        if n is not None:
            english = (disambiguation if n == 1 else source).replace("%n", str(n))
        self = super().__new__(cls, english.format(**arguments) if arguments else english)
        self.context = context
        self.source = source
        self.args = arguments
        self.disambiguation = disambiguation
        self.n = n
        return self

    def format(self, *args: object, **kwargs: object) -> Message:
        """This message with its `{name}` placeholders filled in (keywords only)."""
        if args:
            raise TypeError("Message.format takes keyword arguments only")
        return Message(
            self.context,
            self.source,
            {**self.args, **kwargs},
            disambiguation=self.disambiguation,
            n=self.n,
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuilt,
            (self.context, self.source, dict(self.args), self.disambiguation, self.n),
        )


def _rebuilt(
    context: str, source: str, args: dict[str, object], disambiguation: str, n: int | None
) -> Message:
    return Message(context, source, args, disambiguation=disambiguation, n=n)


class Context:
    """A translation context for sentences with a number, named for the module that holds it
    (lupdate takes the name before ``.tr`` as the context, so the variable must have it)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, plural: str, singular: str, n: int) -> Message:
        """The sentence for `n` things: `plural` and `singular` are English, with ``%n``."""
        return Message(self.name, plural, disambiguation=singular, n=n)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark `source` for translation in `context` (Qt's name, so that lupdate finds it)."""
    return Message(context, source)


def plain(text: str) -> Message:
    """Text that is never translated (a server's own words, a file name) as a Message."""
    return Message("", "{text}", {"text": text})


def join(parts: Iterable[str], separator: str = " ") -> Message:
    """`parts` joined by `separator`; each part that is a Message is translated on its own."""
    items = list(parts)
    source = (
        separator.replace("{", "{{")
        .replace("}", "}}")
        .join(f"{{p{index}}}" for index in range(len(items)))
    )
    return Message("", source, {f"p{index}": item for index, item in enumerate(items)})


#: Looks a sentence up as QCoreApplication.translate does: (context, source, disambiguation,
#: n) -> the translation with ``%n`` replaced (n >= 0), or the source when there is none.
Translate = Callable[[str, str, str, int], str]


def translated_with(text: str, translate: Translate) -> str:
    """`text` in the language `translate` speaks: a Message is translated (its Message
    arguments too), with the window's rules (gui/ui/i18n.py `translated`): a sentence with a
    number takes its plural form, English when no catalogue has it; a translation with a
    broken placeholder gives way to the English; any other text is as it is. The window
    passes Qt's translate, the command line a `gui.core.catalogue.Catalogue`'s."""
    if not isinstance(text, Message):
        return text
    if text.n is not None:
        found = translate(text.context, text.source, text.disambiguation, text.n)
        no_catalogue = found == text.source.replace("%n", str(text.n))
        source = english(text) if no_catalogue else found
    elif text.context:
        source = translate(text.context, text.source, "", -1)
    else:
        source = text.source
    if not text.args:
        return source
    args = {
        name: translated_with(value, translate) if isinstance(value, str) else value
        for name, value in text.args.items()
    }
    try:
        return source.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return english(text).format(**args)


def english(message: Message) -> str:
    """The English template of `message`: its source, or for a number its singular or plural."""
    if message.n is None:
        return message.source
    form = message.disambiguation if message.n == 1 else message.source
    return form.replace("%n", str(message.n))


def to_json(text: str) -> str:
    """`text` for a database column: a Message keeps its source and arguments."""
    if not isinstance(text, Message):
        return text
    import json  # here, not at the top: the window imports this module at start-up

    return json.dumps(_to_document(text), sort_keys=True, separators=(",", ":"))


def from_json(text: str) -> str:
    """What `to_json` stored: a Message again, or the plain text (older rows hold plain text)."""
    if not text.startswith('{"'):
        return text
    try:
        import json

        return _from_document(json.loads(text))
    # A row that only looks like a stored Message: arguments that are not an object, a source
    # with "{0}" or fields the arguments lack, JSON nested too deep to read.
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return text


def _to_document(message: Message) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for name, value in message.args.items():
        if isinstance(value, Message):
            args[name] = {"message": _to_document(value)}
        elif isinstance(value, _PLAIN) and not isinstance(value, bool):
            args[name] = value
        else:  # a bool, a path, …: kept as the text it showed
            args[name] = str(value)
    document: dict[str, Any] = {"context": message.context, "source": message.source, "args": args}
    if message.n is not None:
        document |= {"n": message.n, "disambiguation": message.disambiguation}
    return document


def _from_document(document: dict[str, Any]) -> Message:
    stored = document["args"]
    if not isinstance(stored, dict):
        raise ValueError("the arguments must be an object")
    args: dict[str, object] = {}
    for name, value in stored.items():
        if isinstance(value, dict):
            args[name] = _from_document(value["message"])
        elif isinstance(value, _PLAIN) and not isinstance(value, bool):
            args[name] = value
        else:
            raise ValueError(f"argument {name!r} cannot be read back")
    context, source = document["context"], document["source"]
    if not isinstance(context, str) or not isinstance(source, str):
        raise ValueError("context and source must be text")
    n, disambiguation = document.get("n"), document.get("disambiguation", "")
    if n is not None and (not isinstance(n, int) or isinstance(n, bool)):
        raise ValueError("the number must be a whole number")
    if not isinstance(disambiguation, str):
        raise ValueError("the disambiguation must be text")
    return Message(context, source, args, disambiguation=disambiguation, n=n)
