"""Contacts from vCard files (2.1, 3.0 and 4.0, as phones and mail programs export them), and
`people_of_file`, which tells a vCard file from a contacts CSV file.

The parsing is `vobject`'s (line folding, quoted-printable and its charsets, escaping); it is
imported on the worker thread that imports a file, never at start-up. Of each card the book
takes the name (FN, or N's given and family names), the first EMAIL, one TEL (a cell phone's
if the card marks one, else the first) and CATEGORIES as the groups.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gui.core.address_book import (
    CSV_ROW_PROBLEM,
    FILE_NOT_UTF8,
    FILE_TOO_LARGE,
    MAX_CSV_BYTES,
    ContactError,
    Person,
    from_csv,
)
from gui.core.messages import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from gui.core.messages import Message

log = logging.getLogger(__name__)

#: The largest vCard file read: the same as a CSV file's.
MAX_VCARD_BYTES = MAX_CSV_BYTES

_BEGIN = b"BEGIN:VCARD"
_BYTE_ORDER_MARK = b"\xef\xbb\xbf"

#: The message a card's problems are said in (`gui.core.address_book.merged`'s `row_message`).
CARD_PROBLEM = QT_TRANSLATE_NOOP("vcards", "Card {row}: {problem}")
_EMPTY = QT_TRANSLATE_NOOP("vcards", "The file is empty.")
_NOT_VCARD = QT_TRANSLATE_NOOP(
    "vcards", "The file is not a vCard file: it does not begin with BEGIN:VCARD."
)
_UNREADABLE_AT = QT_TRANSLATE_NOOP(
    "vcards", "The file could not be read as vCard (at line {line}). Nothing was imported."
)
_UNREADABLE = QT_TRANSLATE_NOOP(
    "vcards", "The file could not be read as vCard. Nothing was imported."
)
_NO_CARDS = QT_TRANSLATE_NOOP("vcards", "The file has no contact cards.")

#: TEL types that say the number is a mobile phone's (vCard 2.1 writes CELL bare, 3.0 and 4.0
#: as TYPE=CELL or TYPE=cell; some exporters write "mobile").
_CELL_TYPES = frozenset({"cell", "mobile"})


def is_vcard(data: bytes) -> bool:
    """Whether `data` is a vCard file: its first non-blank bytes (after a UTF-8 byte order
    mark) are ``BEGIN:VCARD``, in any case. The file's name does not matter."""
    start = data[:1024].removeprefix(_BYTE_ORDER_MARK).lstrip()
    return start[: len(_BEGIN)].upper() == _BEGIN


def people_of_file(data: bytes) -> tuple[list[tuple[int, Person]], Message]:
    """The people of a contacts file, by its content (`is_vcard`): a vCard file's cards
    (`from_vcard`), else a CSV file's rows (`gui.core.address_book.from_csv`); with the message
    a problem of one of them is said in ("Card 3: …" or "Row 3: …"). `ContactError` for a file
    that is empty or cannot be read so."""
    if not data.removeprefix(_BYTE_ORDER_MARK).strip():
        raise ContactError(_EMPTY)
    if is_vcard(data):
        return from_vcard(data), CARD_PROBLEM
    return from_csv(data), CSV_ROW_PROBLEM


def from_vcard(data: bytes) -> list[tuple[int, Person]]:
    """The people of a vCard file, each with its card's number in the file (1 is the first),
    as `gui.core.address_book.from_csv` gives a CSV file's; a card's own problems (no name, a
    bad number) are `merged`'s to say. UTF-8, with or without a byte order mark (a vCard 2.1
    value in quoted-printable may name another CHARSET). `ContactError`, in words, for a file
    that is empty, too large, not UTF-8, not a vCard file or not one vobject can read; what
    vobject said goes to the log."""
    if len(data) > MAX_VCARD_BYTES:
        raise ContactError(FILE_TOO_LARGE.format(megabytes=MAX_VCARD_BYTES // (1024 * 1024)))
    if not data.removeprefix(_BYTE_ORDER_MARK).strip():
        raise ContactError(_EMPTY)
    if not is_vcard(data):
        raise ContactError(_NOT_VCARD)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContactError(FILE_NOT_UTF8) from None
    cards = _read_cards(text)
    if not cards:
        raise ContactError(_NO_CARDS)
    return [(number, _person(card)) for number, card in enumerate(cards, start=1)]


def _read_cards(text: str) -> list[Any]:
    """The VCARD components of `text` (other components, such as a VCALENDAR, are left out)."""
    import vobject  # type: ignore[import-untyped]  # it ships no type hints

    try:
        # allowQP: vCard 2.1's quoted-printable values may go on over soft line breaks ("=").
        components = list(vobject.readComponents(text, allowQP=True))
    except vobject.base.ParseError as error:
        log.info("a vCard file vobject cannot read: %s", error)
        line = getattr(error, "lineNumber", None)
        if isinstance(line, int):
            raise ContactError(_UNREADABLE_AT.format(line=line)) from None
        raise ContactError(_UNREADABLE) from None
    except Exception as error:  # a charset it does not know, a value it cannot decode, …
        log.info("a vCard file vobject cannot read", exc_info=error)
        raise ContactError(_UNREADABLE) from None
    return [component for component in components if str(component.name).upper() == "VCARD"]


def _person(card: Any) -> Person:
    lines = card.contents
    name = _name(lines.get("fn", ()), lines.get("n", ()))
    emails = [_text(line.value) for line in lines.get("email", ())]
    phones = [line for line in lines.get("tel", ()) if _phone(line.value)]
    cells = [line for line in phones if _CELL_TYPES & _types(line)]
    phone = _phone((cells or phones)[0].value) if phones else ""
    groups: list[str] = []
    for line in lines.get("categories", ()):
        values = line.value if isinstance(line.value, list) else [line.value]
        groups.extend(_text(value) for value in values)
    return Person(
        name,
        email=next((email for email in emails if email), ""),
        phone=phone,
        groups=tuple(group for group in groups if group),
    )


def _name(full_names: Iterable[Any], names: Iterable[Any]) -> str:
    """FN, or N's given and family names when FN is missing or holds a comma or semicolon
    (an escaped "Park\\, Joe", which the contacts field would split): "Joe Park"."""
    full = next((_text(line.value) for line in full_names if _text(line.value)), "")
    if full and not set(full) & set(",;"):
        return full
    for line in names:
        value = line.value
        parts = [_text(getattr(value, part, "")) for part in ("given", "family")]
        built = " ".join(part for part in parts if part)
        if built:
            return built
    return full


def _phone(value: Any) -> str:
    """A TEL's number: vCard 4.0 may give it as a URI (``tel:+1-202-555-0123;ext=5``)."""
    number = _text(value)
    if number[:4].casefold() == "tel:":
        number = number[4:].split(";", 1)[0]
    return number.strip()


def _types(line: Any) -> set[str]:
    """A line's types in lower case: TYPE=CELL,VOICE (3.0), TYPE=cell (4.0), bare CELL (2.1)."""
    found: set[str] = set()
    for value in (*line.params.get("TYPE", ()), *line.singletonparams):
        found.update(part.strip().casefold() for part in str(value).split(","))
    return found


def _text(value: Any) -> str:
    """A value as text: vobject gives lists for N's parts with several names, bytes for a value
    it could not decode."""
    if isinstance(value, list | tuple):
        return " ".join(_text(part) for part in value if _text(part))
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").strip()
    return str(value).strip()
