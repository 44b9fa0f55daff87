"""SMS counted as carriers count and bill them: GSM-7 or UCS-2, single or split (3GPP TS 23.038
and the published 160/153 and 70/67 examples)."""

from __future__ import annotations

import pytest

from gui.core.sms import (
    GSM_BASIC,
    GSM_EXTENSION,
    MAX_SMS_SEGMENTS,
    Encoding,
    named_characters,
    plain_helps,
    replace_typographic,
    sms_length,
    too_long_problem,
    typographic_replacements,
)


@pytest.mark.parametrize(
    ("characters", "segments", "per_segment", "too_long"),
    [
        (0, 0, 160, False),
        (1, 1, 160, False),
        (160, 1, 160, False),
        (161, 2, 153, False),  # 153 + 8
        (306, 2, 153, False),
        (307, 3, 153, False),
        (320, 3, 153, False),  # the issue's own example: not 2
        (1530, 10, 153, False),
        (1531, 11, 153, True),
    ],
)
def test_gsm_messages_take_160_alone_and_153_a_part(characters, segments, per_segment, too_long):
    length = sms_length("x" * characters)
    assert (length.units, length.segments, length.per_segment) == (
        characters,
        segments,
        per_segment,
    )
    assert length.encoding is Encoding.GSM7
    assert length.unicode_characters == ()
    assert length.too_long is too_long


@pytest.mark.parametrize(
    ("characters", "segments", "per_segment"),
    [(70, 1, 70), (71, 2, 67), (134, 2, 67), (135, 3, 67), (670, 10, 67), (671, 11, 67)],
)
def test_unicode_messages_take_70_alone_and_67_a_part(characters, segments, per_segment):
    length = sms_length("á" * characters)
    assert (length.units, length.segments, length.per_segment) == (
        characters,
        segments,
        per_segment,
    )
    assert length.encoding is Encoding.UCS2
    assert length.unicode_characters == ("á",)
    assert length.too_long is (segments > MAX_SMS_SEGMENTS)


def test_the_issues_accented_message_with_an_emoji_is_two_unicode_parts() -> None:
    message = "á" + "x" * 98 + "💧"  # 100 characters
    length = sms_length(message)
    assert length.characters == 100
    assert length.units == 101  # the emoji is two UTF-16 units
    assert (length.segments, length.encoding) == (2, Encoding.UCS2)
    assert length.unicode_characters == ("á", "💧")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("¿Mañana?", Encoding.GSM7),  # ¿ and ñ are in the basic set
        ("Será", Encoding.UCS2),  # á is not
        ("Qué día", Encoding.UCS2),  # é is in the basic set, í is not
        ("Café à Genève, Øresund, Ålesund, Straße", Encoding.GSM7),
        ("ÄÖÜäöüÑñÇÉèéùìòà¡¿£¥§¤ΔΦΓΛΩΠΨΣΘΞÆæ", Encoding.GSM7),
        ("ç", Encoding.UCS2),  # only the capital Ç is in the table
        ("`", Encoding.UCS2),  # 0x60 is ¿, not the grave accent
        ("\t", Encoding.UCS2),
    ],
)
def test_spanish_and_other_accents(text: str, encoding: Encoding) -> None:
    assert sms_length(text).encoding is encoding


def test_the_tables_have_the_specs_sizes() -> None:
    assert len(GSM_BASIC) == 127  # 128 codes less the escape
    assert set("\f^{}\\[~]|€") == GSM_EXTENSION
    assert not {"á", "í", "ó", "ú"} & GSM_BASIC


@pytest.mark.parametrize("character", sorted(GSM_EXTENSION))
def test_an_extension_character_counts_two(character: str) -> None:
    length = sms_length("x" * 158 + character)
    assert (length.units, length.segments, length.encoding) == (160, 1, Encoding.GSM7)
    assert sms_length("x" * 159 + character).segments == 2


def test_a_split_never_breaks_an_escape_sequence() -> None:
    # 306 septets would be 2 parts of 153, but the escape of "{" would end part one: the
    # first part holds 152 and "{" opens the second, which then runs over into a third.
    length = sms_length("x" * 152 + "{" + "x" * 152)
    assert (length.units, length.segments) == (306, 3)
    # The same septets with the pair anywhere else still fit two parts.
    assert sms_length("x" * 151 + "{" + "x" * 153).segments == 2
    assert sms_length("x" * 153 + "{" + "x" * 151).segments == 2


def test_a_split_never_breaks_a_surrogate_pair() -> None:
    # 134 units would be 2 parts of 67, but the emoji's first half would end part one.
    length = sms_length("a" * 66 + "💧" + "a" * 66)
    assert (length.units, length.segments) == (134, 3)
    assert sms_length("a" * 65 + "💧" + "a" * 67).segments == 2
    assert sms_length("a" * 67 + "💧" + "a" * 65).segments == 2


def test_forcing_characters_are_named_once_each_in_order() -> None:
    length = sms_length("Será mañana, ¿sí? Sí 💧💧")
    assert length.unicode_characters == ("á", "í", "💧")
    assert named_characters(length.unicode_characters) == "“á”, “í”, “💧”"
    assert named_characters(tuple("áíóúç")) == "“á”, “í”, “ó” and 2 more"
    assert named_characters(("\u0301", "\u00a0")) == "U+0301, U+00A0"  # invisible alone
    assert named_characters(("“", "á", "”")) == "“á”, “, ”"  # quotation marks last and bare


def test_too_long_says_the_parts_and_why() -> None:
    assert too_long_problem(sms_length("x" * 1531)) == (
        "This SMS takes 11 parts; at most 10 are sent. A part holds 153 characters."
    )
    assert too_long_problem(sms_length("á💧" + "x" * 700)) == (
        "This SMS takes 11 parts; at most 10 are sent. "
        "It goes as Unicode, 67 characters a part, because of “á”, “💧”."
    )


def test_typographic_characters_become_plain_ones() -> None:
    pasted = (
        "“Hola” — it\N{RIGHT SINGLE QUOTATION MARK}s \N{LEFT SINGLE QUOTATION MARK}fine"
        "\N{RIGHT SINGLE QUOTATION MARK}… «ok» 10\u00a0am \N{EN DASH} 11\u202fam\tdone\u00ad"
    )
    assert replace_typographic(pasted) == '"Hola" - it\'s \'fine\'... "ok" 10 am - 11 am done'
    assert sms_length(replace_typographic(pasted)).encoding is Encoding.GSM7


def test_replacements_are_at_editor_positions() -> None:
    # The emoji takes two UTF-16 units, as a QTextCursor counts positions.
    assert typographic_replacements("💧“a”…") == [(2, 3, '"'), (4, 5, '"'), (5, 6, "...")]
    assert typographic_replacements("plain") == []


def test_plain_characters_are_offered_only_when_they_change_the_count() -> None:
    quoted = "It\N{RIGHT SINGLE QUOTATION MARK}s “fine”"
    assert plain_helps(quoted, sms_length(quoted))  # Unicode becomes GSM-7
    accented = "Será “pronto”"  # á keeps it Unicode, one part either way
    assert not plain_helps(accented, sms_length(accented))
    hyphenated = "á" + "x" * 69 + "\u00ad"  # 71 units, 2 parts; without the soft hyphen 1
    assert plain_helps(hyphenated, sms_length(hyphenated))
    dots = "á" + "x" * 68 + "…"  # 70 units, 1 part; "..." would make it 72, 2 parts
    assert not plain_helps(dots, sms_length(dots))
    assert not plain_helps("plain", sms_length("plain"))
