"""Qt's compiled translation catalogues (.qm) read without Qt, for the command line.

The window loads resources/i18n/*.qm with QTranslator; the command line must not load Qt, so it
reads the same files here and looks up a sentence as QTranslator does. The format (Qt's
qtranslator.cpp, written by lrelease): a 16-byte magic, then blocks of a tag byte and a
big-endian 32-bit length: Contexts 0x2f, Hashes 0x42, Messages 0x69, NumerusRules 0x88,
Dependencies 0x96, Language 0xa7. The Messages block is a run of records, each a run of tagged
fields up to Tag_End: Tag_Translation (a 32-bit byte length and UTF-16BE text; 0xFFFFFFFF for
none; one per plural form), Tag_Obsolete1 (32 bits, skipped), and Tag_SourceText, Tag_Context
and Tag_Comment (a 32-bit length and UTF-8 bytes). lrelease keeps the source text and the context
by default, so the records alone map (context, source, comment) to the translations, and the
hash table is not needed. The plural form of a number comes from the NumerusRules bytecode, as
Qt's numerusHelper reads it.

`language_from_environment` picks the language the way gettext reads the environment.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Mapping
from pathlib import Path

MAGIC = bytes.fromhex("3CB86418CAEF9C95CD211CBF60A1BDDD")

_CONTEXTS, _HASHES, _MESSAGES = 0x2F, 0x42, 0x69
_NUMERUS_RULES, _DEPENDENCIES, _LANGUAGE = 0x88, 0x96, 0xA7

_END, _SOURCE_TEXT16, _TRANSLATION, _CONTEXT16 = 1, 2, 3, 4
_OBSOLETE1, _SOURCE_TEXT, _CONTEXT, _COMMENT, _OBSOLETE2 = 5, 6, 7, 8, 9

# The numerus rules' bytecode (Qt's qtranslator_p.h).
_EQ, _LT, _LEQ, _BETWEEN = 0x01, 0x02, 0x03, 0x04
_OP_MASK, _NOT = 0x07, 0x08
_MOD_10, _MOD_100, _LEAD_1000 = 0x10, 0x20, 0x40
_AND, _OR, _NEWRULE = 0xFD, 0xFE, 0xFF

_NONE = 0xFFFFFFFF  # a translation's length when there is none

#: A message's key: its context, source text and comment (Qt's disambiguation).
Key = tuple[str, str, str]


class CatalogueError(ValueError):
    """The file is not a .qm catalogue this reader understands."""


class Catalogue:
    """The translations of one .qm file: (context, source, comment) -> each plural form."""

    def __init__(
        self,
        messages: Mapping[Key, tuple[str | None, ...]],
        *,
        numerus_rules: bytes = b"",
        language: str = "",
    ) -> None:
        self._messages = dict(messages)
        self.numerus_rules = numerus_rules
        self.language = language

    @classmethod
    def load(cls, path: Path) -> Catalogue:
        """The catalogue in `path`; `CatalogueError` if it is not one (OSError if unreadable)."""
        return cls.parse(path.read_bytes())

    @classmethod
    def parse(cls, data: bytes) -> Catalogue:
        if not data.startswith(MAGIC):
            raise CatalogueError("not a Qt translation catalogue (.qm)")
        position = len(MAGIC)
        messages: dict[Key, tuple[str | None, ...]] = {}
        rules = b""
        language = ""
        while position < len(data):
            if position + 5 > len(data):
                raise CatalogueError("a block is cut short")
            tag = data[position]
            (length,) = struct.unpack_from(">I", data, position + 1)
            block = data[position + 5 : position + 5 + length]
            if len(block) != length:
                raise CatalogueError("a block is cut short")
            position += 5 + length
            if tag == _MESSAGES:
                messages = dict(_records(block))
            elif tag == _NUMERUS_RULES:
                rules = bytes(block)
            elif tag == _LANGUAGE:
                language = block.decode("utf-8", "replace")
            elif tag not in (_CONTEXTS, _HASHES, _DEPENDENCIES):
                raise CatalogueError(f"unknown block 0x{tag:02x}")
        return cls(messages, numerus_rules=rules, language=language)

    def messages(self) -> Iterator[Key]:
        """Every (context, source, comment) the catalogue holds."""
        return iter(self._messages)

    def plural_form(self, n: int) -> int:
        """Which plural form a number takes in this language (0 without rules)."""
        return numerus_form(n, self.numerus_rules)

    def lookup(self, context: str, source: str, comment: str = "", n: int = -1) -> str | None:
        """The translation as QTranslator.translate gives it (`%n` not yet replaced), or None:
        with `comment`, then without one; the plural form of `n` when n >= 0."""
        for wanted in (comment, "") if comment else ("",):
            forms = self._messages.get((context, source, wanted))
            if forms is None:
                continue
            index = self.plural_form(n) if n >= 0 else 0
            if 0 <= index < len(forms) and forms[index] is not None:
                return forms[index]
        return None

    def translate(self, context: str, source: str, comment: str = "", n: int = -1) -> str:
        """As QCoreApplication.translate with only this catalogue installed: the translation, or
        the source, with ``%n`` replaced by `n` when n >= 0."""
        found = self.lookup(context, source, comment, n)
        text = source if found is None else found
        return text.replace("%n", str(n)) if n >= 0 else text


def _records(block: bytes) -> Iterator[tuple[Key, tuple[str | None, ...]]]:
    position = 0
    end = len(block)
    while position < end:
        translations: list[str | None] = []
        context = source = comment = ""
        while True:
            if position >= end:
                tag = _END
            else:
                tag = block[position]
                position += 1
            if tag == _END:
                break
            if tag == _OBSOLETE1:
                position += 4
                continue
            if position + 4 > end:
                raise CatalogueError("a message is cut short")
            (length,) = struct.unpack_from(">I", block, position)
            position += 4
            if tag == _TRANSLATION:
                if length == _NONE:
                    translations.append(None)
                    continue
                translations.append(block[position : position + length].decode("utf-16-be"))
            elif tag in (_SOURCE_TEXT, _CONTEXT, _COMMENT):
                text = block[position : position + length].decode("utf-8")
                if tag == _SOURCE_TEXT:
                    source = text
                elif tag == _CONTEXT:
                    context = text
                else:
                    comment = text
            elif tag not in (_SOURCE_TEXT16, _CONTEXT16, _OBSOLETE2):
                raise CatalogueError(f"unknown message field 0x{tag:02x}")
            position += length
        yield (context, source, comment), tuple(translations)


def numerus_form(n: int, rules: bytes) -> int:
    """The plural form of `n` by Qt's numerus rules bytecode (its numerusHelper): the index of
    the first rule `n` meets, or the number of rules when it meets none."""
    if not rules:
        return 0
    size = len(rules)
    result = 0
    i = 0
    while True:
        or_value = False
        while True:
            and_value = True
            while True:
                if i + 2 > size:  # an opcode and its operand, or the rules are broken
                    return -1
                opcode = rules[i]
                i += 1
                left = n
                if opcode & _MOD_10:
                    left %= 10
                elif opcode & _MOD_100:
                    left %= 100
                elif opcode & _LEAD_1000:
                    while left >= 1000:
                        left //= 1000
                right = rules[i]
                i += 1
                operator = opcode & _OP_MASK
                if operator == _EQ:
                    truth = left == right
                elif operator == _LT:
                    truth = left < right
                elif operator == _LEQ:
                    truth = left <= right
                elif operator == _BETWEEN:
                    if i >= size:
                        return -1
                    top = rules[i]
                    i += 1
                    truth = right <= left <= top
                else:
                    truth = True
                if opcode & _NOT:
                    truth = not truth
                and_value = and_value and truth
                if i == size or rules[i] != _AND:
                    break
                i += 1
            or_value = or_value or and_value
            if i == size or rules[i] != _OR:
                break
            i += 1
        if or_value:
            return result
        result += 1
        if i == size:
            return result
        i += 1  # _NEWRULE


#: The environment variables gettext reads for the language of messages, in its order.
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def language_from_environment(environ: Mapping[str, str], available: tuple[str, ...]) -> str:
    """The language to speak, as gettext reads the environment: the first of LANGUAGE (a colon
    list), LC_ALL, LC_MESSAGES and LANG that is set; in its list the first language of
    `available` ("es_ES.UTF-8" is "es"), "C" or "POSIX" ending the search with English ("en",
    also when nothing fits)."""
    value = next((environ[name] for name in LANGUAGE_VARIABLES if environ.get(name)), "")
    for entry in value.split(":"):
        code = entry.split(".")[0].split("@")[0]
        if code in ("C", "POSIX"):
            break
        language = code.replace("-", "_").split("_")[0].lower()
        if language in available:
            return language
    return "en"
