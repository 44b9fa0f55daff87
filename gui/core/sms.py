"""Counting a text message the way carriers count and bill it.

An SMS goes as GSM-7 when every character is in the GSM 7-bit default alphabet of 3GPP TS
23.038 (§6.2.1, with the extension table of §6.2.1.1, whose characters take an escape and so
two septets): 160 septets in a single message, 153 a part once it is split (the concatenation
header of TS 23.040 §9.2.3.24.1 takes the other 7). One character outside that alphabet makes
the whole message UCS-2: 70 UTF-16 units alone, 67 a part, an emoji taking two. A split never
breaks an escape sequence or a surrogate pair: the part ends one unit early and the character
starts the next part, as carriers and handsets split.

Why the tables are here and not a codec package: the one maintained codec (PyPI's
``gsm0338``) encodes and decodes, but counts nothing, splits nothing and stops at the first
character it cannot encode, while the counter needs every such character on each keystroke of
a 10,000-character message; the two tables below are the spec's, a few lines long.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from gui.core import fields
from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message, join, plain

#: 3GPP TS 23.038 §6.2.1, the GSM 7-bit default alphabet in table order (0x00-0x7F), without
#: the escape at 0x1B. Note what it lacks: á í ó ú, ç (only Ç), ` and the typographic quotes.
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: §6.2.1.1, the default extension table: each is the escape and a septet, two in all.
GSM_EXTENSION = frozenset("\f^{}\\[~]|€")

#: Units in a single message and in each part of a split one.
GSM7_SINGLE, GSM7_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67
#: The most parts a message may take (the form's limits live in gui.core.fields).
MAX_SMS_SEGMENTS = fields.MAX_SMS_SEGMENTS
#: How many of the characters that force Unicode a sentence names before "and N more".
NAMED_CHARACTERS = 3

_ESCAPE = "\x1b"
_NOT_GSM = re.compile("[^" + re.escape("".join(sorted(GSM_BASIC | GSM_EXTENSION))) + "]")
_ESCAPED = str.maketrans({character: _ESCAPE + character for character in GSM_EXTENSION})


class Encoding(enum.StrEnum):
    GSM7 = "gsm7"
    UCS2 = "ucs2"


@dataclass(frozen=True, slots=True)
class SmsLength:
    """How a message goes by SMS.

    `units` are septets for GSM-7 (an extension character is two) and UTF-16 code units for
    UCS-2 (an emoji is two); `per_segment` is what one part holds at this length (160 or 153,
    70 or 67); `unicode_characters` are the characters that make the message UCS-2, each once,
    in the order they first appear (empty for GSM-7)."""

    characters: int
    units: int
    segments: int
    encoding: Encoding
    per_segment: int
    unicode_characters: tuple[str, ...] = ()

    @property
    def too_long(self) -> bool:
        return self.segments > MAX_SMS_SEGMENTS


def sms_length(text: str) -> SmsLength:
    """How many units and parts `text` takes by SMS, and in which encoding."""
    forcing = _NOT_GSM.findall(text)
    if not forcing:
        units = len(text) + sum(text.count(character) for character in GSM_EXTENSION)
        septets = text.translate(_ESCAPED) if units > max(len(text), GSM7_SINGLE) else ""
        segments, per_segment = _split(units, GSM7_SINGLE, GSM7_PART, septets, _ESCAPE)
        return SmsLength(len(text), units, segments, Encoding.GSM7, per_segment)
    encoded = text.encode("utf-16-le", "surrogatepass")
    units = len(encoded) // 2
    # A high surrogate's second byte (little-endian) is 0xD8-0xDB: the part may not end on it.
    high = encoded[1::2] if units != len(text) else b""
    segments, per_segment = _split(units, UCS2_SINGLE, UCS2_PART, high, None)
    return SmsLength(
        len(text), units, segments, Encoding.UCS2, per_segment, tuple(dict.fromkeys(forcing))
    )


def sms_parts(text: str) -> list[str]:
    """`text` cut where a carrier cuts it: one string per part of `sms_length(text)` (a
    character is never cut, so an escape pair or an emoji stays whole in one part)."""
    length = sms_length(text)
    if length.segments <= 1:
        return [text] if text else []
    gsm = length.encoding is Encoding.GSM7
    parts: list[str] = []
    start, used = 0, 0
    for index, character in enumerate(text):
        if gsm:
            cost = 2 if character in GSM_EXTENSION else 1
        else:
            cost = 2 if ord(character) > 0xFFFF else 1
        if used + cost > length.per_segment:
            parts.append(text[start:index])
            start, used = index, 0
        used += cost
    parts.append(text[start:])
    return parts


def _split(
    units: int, single: int, part: int, sequence: str | bytes, escape: str | None
) -> tuple[int, int]:
    """Parts of `units` (0 for none) and the units a part holds. A part that would end on
    the first half of a pair (an escape in `sequence`, or a high surrogate when `sequence`
    is the UTF-16 high bytes) ends one unit early."""
    if units <= single:
        return (1 if units else 0), single
    if not sequence:
        return -(-units // part), part
    segments, start = 0, 0
    while start < units:
        end = start + part
        if end < units and _first_half(sequence[end - 1], escape):
            end -= 1
        segments, start = segments + 1, end
    return segments, part


def _first_half(unit: str | int, escape: str | None) -> bool:
    if escape is not None:
        return unit == escape
    return isinstance(unit, int) and 0xD8 <= unit <= 0xDB


# --- Plain characters for typographic ones ------------------------------------------------------

#: What pasted text often holds that GSM-7 lacks, each for the plain character(s) it stands for.
TYPOGRAPHIC: dict[str, str] = {
    **dict.fromkeys(
        "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
        "\N{DOUBLE LOW-9 QUOTATION MARK}\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE PRIME}"
        "\N{REVERSED DOUBLE PRIME QUOTATION MARK}\N{DOUBLE PRIME QUOTATION MARK}"
        "\N{FULLWIDTH QUOTATION MARK}",
        '"',
    ),
    **dict.fromkeys(
        "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
        "\N{SINGLE LOW-9 QUOTATION MARK}\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}\N{PRIME}"
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
        "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}\N{GRAVE ACCENT}\N{ACUTE ACCENT}"
        "\N{FULLWIDTH APOSTROPHE}",
        "'",
    ),
    **dict.fromkeys(
        "\N{HYPHEN}\N{NON-BREAKING HYPHEN}\N{FIGURE DASH}\N{EN DASH}\N{EM DASH}"
        "\N{HORIZONTAL BAR}\N{MINUS SIGN}\N{SMALL EM DASH}\N{SMALL HYPHEN-MINUS}"
        "\N{FULLWIDTH HYPHEN-MINUS}",
        "-",
    ),
    "\N{HORIZONTAL ELLIPSIS}": "...",
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009", " "),
    **dict.fromkeys("\u200a\u202f\u205f\u3000\t", " "),  # no-break and sized spaces, a tab
    "\u00ad": "",  # a soft hyphen: invisible unless a line breaks there
    "\N{BULLET}": "-",
}
_TYPOGRAPHIC = re.compile("[" + re.escape("".join(TYPOGRAPHIC)) + "]")
_TABLE = str.maketrans(TYPOGRAPHIC)


def replace_typographic(text: str) -> str:
    """`text` with plain quotes, dashes, dots and spaces for the typographic ones."""
    return text.translate(_TABLE)


def typographic_replacements(text: str) -> list[tuple[int, int, str]]:
    """Each typographic character of `text` as (start, end, replacement), in UTF-16 units as
    an editor counts positions, first to last."""
    found: list[tuple[int, int, str]] = []
    position = done = 0
    for match in _TYPOGRAPHIC.finditer(text):
        position += _utf16(text[done : match.start()])
        found.append((position, position + 1, TYPOGRAPHIC[match.group()]))
        position, done = position + 1, match.end()  # every typographic character is one unit
    return found


def plain_helps(text: str, length: SmsLength) -> bool:
    """Whether `replace_typographic` would make `text` go better: as GSM-7, or in fewer parts."""
    if length.encoding is Encoding.GSM7:
        return False  # every typographic character is outside GSM-7: there is none to replace
    if not any(character in TYPOGRAPHIC for character in length.unicode_characters):
        return False
    plain = sms_length(replace_typographic(text))
    if plain.encoding is Encoding.GSM7:
        return plain.segments <= length.segments
    return plain.segments < length.segments  # "…" as "..." can also take more


def _utf16(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2


# --- Sentences ----------------------------------------------------------------------------------

sms = Context("sms")


def named_characters(characters: tuple[str, ...], limit: int = NAMED_CHARACTERS) -> Message:
    """ "“á”, “💧”" or "“á”, “é”, “í” and 2 more": the first `limit` characters, each quoted
    (or as U+XXXX when it shows nothing by itself: a space, a mark, a control), typographic
    ones last, since the plain-characters button replaces them."""
    # What the plain-characters button cannot fix first; a quotation mark is shown bare.
    characters = tuple(sorted(characters, key=lambda character: character in TYPOGRAPHIC))
    shown: list[str] = [_named(character) for character in characters[:limit]]
    if len(characters) > limit:
        more = sms.tr(
            "{characters} and %n more", "{characters} and %n more", len(characters) - limit
        )
        return more.format(characters=join(shown, ", "))
    return join(shown, ", ")


def _named(character: str) -> Message:
    if TYPOGRAPHIC.get(character) in ('"', "'"):
        return plain(character)
    shows = character.isprintable() and not character.isspace()
    if shows and not unicodedata.category(character).startswith("M"):  # M: a mark, alone
        return QT_TRANSLATE_NOOP("sms", "“{character}”").format(character=character)
    return plain(f"U+{ord(character):04X}")


def too_long_problem(length: SmsLength) -> Message:
    """Why a message is refused for SMS: its parts, the most that are sent, and what made a
    Unicode message Unicode."""
    parts = sms.tr(
        "This SMS takes %n parts; at most {maximum} are sent.",
        "This SMS takes %n part; at most {maximum} are sent.",
        length.segments,
    ).format(maximum=MAX_SMS_SEGMENTS)
    if length.encoding is Encoding.GSM7:
        reason = QT_TRANSLATE_NOOP("sms", "A part holds {per_part} characters.").format(
            per_part=GSM7_PART
        )
    else:
        reason = QT_TRANSLATE_NOOP(
            "sms", "It goes as Unicode, {per_part} characters a part, because of {characters}."
        ).format(per_part=UCS2_PART, characters=named_characters(length.unicode_characters))
    return join([parts, reason])
