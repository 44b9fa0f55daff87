"""Templates without Qt: placeholders, filling, what stops a save, the starters and the file."""

from __future__ import annotations

import json

import pytest

from gui.core.fields import ContactType
from gui.core.template_files import (
    FILE_FORMAT,
    FILE_VERSION,
    MAX_FILE_BYTES,
    from_file,
    merge,
    to_file,
)
from gui.core.templates import (
    PLACEHOLDERS,
    STARTERS,
    Template,
    TemplateError,
    fill,
    name_key,
    placeholder_problems,
    problems,
    visible,
)

VALUES = {
    "ticket": "tic_1001",
    "title": "Leaking faucet",
    "status": "ON_HOLD",
    "date": "5/3/27",
    "time": "9:30 AM",
}


def test_every_placeholder_is_filled_and_doubled_braces_are_braces() -> None:
    text = "{ticket} {title} {status} {date} {time} {{literal}} }}"
    assert fill(text, VALUES) == "tic_1001 Leaking faucet ON_HOLD 5/3/27 9:30 AM {literal} }"
    assert fill("no placeholders", VALUES) == "no placeholders"
    assert fill("{ticket}", {**VALUES, "ticket": ""}) == ""  # a new ticket has no id


def test_a_filled_value_is_not_read_for_placeholders_again() -> None:
    assert fill("{title}", {**VALUES, "title": "{ticket} {"}) == "{ticket} {"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hello {tikcet}", "{tikcet}"),
        ("{Title}", "{Title}"),  # the names are exact
        ("{}", "{}"),
        ("{0}", "{0}"),
        ("{ticket.upper}", "{ticket.upper}"),
        ("{title[0]}", "{title[0]}"),
    ],
)
def test_an_unknown_placeholder_is_named_with_what_can_be_used(text: str, named: str) -> None:
    (problem,) = placeholder_problems(text)
    assert named in problem
    assert "{ticket}, {title}, {status}, {date}, {time}" in problem
    with pytest.raises(TemplateError):
        fill(text, VALUES)


@pytest.mark.parametrize("text", ["{title", "title}", "{ {title}", "a } b", "{date:{"])
def test_a_broken_brace_says_how_to_write_one(text: str) -> None:
    (problem,) = placeholder_problems(text)
    assert "brace" in problem and "{{ }}" in problem


def test_a_format_after_a_placeholder_is_refused_with_its_name() -> None:
    (problem,) = placeholder_problems("{date:%Y} and {date:%Y}")  # said once
    assert "{date:%Y}" in problem and "{date}" in problem
    assert "{title!r}" in placeholder_problems("{title!r}")[0]


def test_the_known_placeholders_are_the_issues_five() -> None:
    assert PLACEHOLDERS == ("ticket", "title", "status", "date", "time")
    assert placeholder_problems("".join("{" + name + "}" for name in PLACEHOLDERS)) == []


def test_a_template_needs_a_unique_name_and_sound_texts() -> None:
    mine = Template("Water", "Off on {date}", "From 9 to 11", id=3)
    assert problems(mine, [mine]) == {}  # its own name is no clash
    clash = problems(Template(" water  ", id=4), [mine])
    assert "Another template is named water." in clash["name"]
    assert problems(Template("  "))["name"] == ["Give the template a name."]
    found = problems(Template("X", "{tikcet}", "{title"))
    assert set(found) == {"subject", "message"}
    assert problems(Template("x" * 101))["name"][0].startswith("This takes at most 100")
    assert "status" in problems(Template("X", status="A\nB"))


def test_names_compare_without_case_or_extra_spaces() -> None:
    assert name_key("  Water   shut-off ") == name_key("water shut-off")


def test_starters_follow_the_language_and_fall_back_to_english() -> None:
    english = visible([], set(), "en")
    spanish = visible([], set(), "es")
    german = visible([], set(), "de")
    assert [t.name for t in english][:2] == ["Water shut-off", "Technician visit"]
    assert [t.name for t in spanish][:2] == ["Corte de agua", "Visita del técnico"]
    assert german == english
    assert all(t.follows_language for t in english)
    assert [t.starter for t in spanish] == [s.key for s in STARTERS]
    on_hold = next(t for t in english if t.starter == "waiting-for-part")
    assert on_hold.status == "ON_HOLD"
    for template in english + spanish:  # every starter can be inserted as it is
        assert problems(template) == {}
        assert len(fill(template.message, VALUES)) < 300  # short enough for one or two SMS


def test_a_changed_starter_keeps_its_place_and_its_text_a_deleted_one_is_gone() -> None:
    changed = Template("My water notice", "S", "M", id=7, starter="water-shut-off")
    own = Template("Mine", "S", "M", id=8)
    spanish = visible([own, changed], {"technician-visit"}, "es")
    assert [t.name for t in spanish] == [
        "My water notice",
        "Esperando una pieza",
        "Trabajo terminado",
        "Mine",
    ]
    assert not spanish[0].follows_language


def test_the_file_round_trips_and_says_its_format_and_version() -> None:
    items = [
        Template("Water", "Off {date}", "9 to 11 «ñ»", ContactType.SMS, "ON_HOLD", id=1),
        Template("Visit", "", "Tomorrow {{ok}}", starter="technician-visit"),
    ]
    text = to_file(items)
    document = json.loads(text)
    assert (
        (document["format"], document["version"])
        == (FILE_FORMAT, FILE_VERSION)
        == (
            "particle-tickets-templates",
            1,
        )
    )
    assert document["templates"][1] == {
        "name": "Visit",
        "subject": "",
        "message": "Tomorrow {{ok}}",
        "type": None,
        "status": None,
    }
    assert "«ñ»" in text  # readable, not escaped
    read = from_file(text.encode("utf-8"))
    assert [t.content() for t in read] == [t.content() for t in items]
    assert all(t.id is None and not t.starter for t in read)  # rows are this computer's


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\xff\xfe not text", "not a templates file"),
        (b'{"format": "particle-tickets-templates", "version": 1, "templates": [', "line 1"),
        (b"[]", "not a templates file"),
        (b'{"format": "other", "version": 1, "templates": []}', "not a templates file"),
        (b'{"format": "particle-tickets-templates", "templates": []}', "not a templates file"),
        (b'{"format": "particle-tickets-templates", "version": 2, "templates": []}', "newer"),
        (b'{"format": "particle-tickets-templates", "version": 1, "templates": {}}', "not a"),
    ],
)
def test_a_file_that_is_not_ours_says_why(data: bytes, said: str) -> None:
    with pytest.raises(TemplateError) as raised:
        from_file(data)
    assert said in raised.value.message


def _file(*entries: object) -> bytes:
    return json.dumps({"format": FILE_FORMAT, "version": 1, "templates": list(entries)}).encode()


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("text", "Template 2 in the file: It is not a template."),
        ({"subject": "s", "message": "m"}, "Its name is missing or not text."),
        ({"name": "B", "subject": 3}, "Its subject is missing or not text."),
        ({"name": "B", "type": "fax"}, 'Template 2 (B) in the file: Its type must be "email"'),
        ({"name": "B", "status": 7}, "Its status must be text or null."),
        ({"name": "B", "message": "{tikcet}"}, "Unknown placeholder {tikcet}."),
        ({"name": " a "}, "An earlier template has the same name."),
        ({"name": ""}, "Give the template a name."),
    ],
)
def test_one_bad_template_refuses_the_whole_file_and_says_which(entry: object, said: str) -> None:
    with pytest.raises(TemplateError) as raised:
        from_file(_file({"name": "A"}, entry, {"name": "C"}))
    assert said in raised.value.message
    assert raised.value.message.endswith("Nothing was imported.")


def test_a_file_too_large_is_not_read() -> None:
    with pytest.raises(TemplateError) as raised:
        from_file(b" " * (MAX_FILE_BYTES + 1))
    assert "larger than 1,000,000 bytes" in raised.value.message


def test_an_import_adds_new_names_and_updates_those_it_has() -> None:
    current = visible([Template("Mine", "S", "M", id=5)], set(), "en")
    incoming = [
        Template("mine", "S2", "M2", ContactType.EMAIL),  # any case: the same template
        Template("Water shut-off", *current[0].content()[1:]),  # the starter as it is
        Template("Technician visit", "Other", "Other"),  # a starter, changed
        Template("Brand new", "S", "M"),
    ]
    merged = merge(current, incoming)
    assert [t.name for t in merged.added] == ["Brand new"]
    assert [(t.name, t.id, t.starter) for t in merged.updated] == [
        ("mine", 5, ""),
        ("Technician visit", None, "technician-visit"),
    ]
    assert merged.report() == "Added 1 template. Updated 2 templates."
    assert merge(current, current).report().startswith("Nothing was imported")
