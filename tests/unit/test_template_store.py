"""The templates in the outbox file (schema 6): saved, changed, deleted and imported, on a real
SQLite file read again by a new store, and a version 5 file brought up to date."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.destination import Destination
from gui.core.fields import ContactType
from gui.core.outbox import SCHEMA_VERSION, OutboxStore
from gui.core.outbox.schema import MIGRATIONS
from gui.core.outbox.templates import TemplateStore
from gui.core.template_files import to_file
from gui.core.templates import Template, TemplateError
from gui.core.ticket import TicketUpdate, update_to_json

HERE = Destination("https://api.example.com/api/v1", "acct-a")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "outbox.sqlite3"


@pytest.fixture
def store(path: Path) -> Iterator[TemplateStore]:
    templates = TemplateStore(path)
    yield templates
    templates.close()


def again(path: Path) -> list[Template]:
    """What a new store (a new window, another process) reads from the file."""
    other = TemplateStore(path)
    try:
        return other.templates("en")
    finally:
        other.close()


def test_a_new_file_shows_the_starters(store: TemplateStore) -> None:
    assert [t.name for t in store.templates("en")] == [
        "Water shut-off",
        "Technician visit",
        "Waiting for a part",
        "Work done",
    ]


def test_saved_changed_and_deleted_templates_are_in_the_file(
    store: TemplateStore, path: Path
) -> None:
    saved = store.save(Template("Lift", "Lift out {date}", "Sorry", ContactType.SMS), "en")
    assert saved.template.id is not None
    assert saved.templates[-1] == saved.template == again(path)[-1]
    changed = store.save(
        Template("Lift repaired", "Lift {date}", "Works", id=saved.template.id), "en"
    )
    assert [t.name for t in again(path)][-1] == "Lift repaired"
    assert len(changed.templates) == 5
    assert again(path)[-1].contact_type is None
    store.delete(changed.template, "en")
    assert [t.name for t in again(path)] == [t.name for t in store.templates("en")]
    assert "Lift repaired" not in [t.name for t in again(path)]


def test_a_changed_starter_is_the_users_own_and_a_deleted_one_stays_away(
    store: TemplateStore, path: Path
) -> None:
    water, visit, *_ = store.templates("en")
    mine = store.save(Template("Water notice", "S", "M", starter=water.starter), "en").template
    assert (mine.id is not None, mine.starter) == (True, "water-shut-off")
    spanish = store.templates("es")
    assert spanish[0].name == "Water notice"  # its stored text, not the Spanish one
    assert spanish[1].name == "Visita del técnico"  # never changed: follows the language
    store.delete(visit, "en")
    assert [t.name for t in again(path)] == ["Water notice", "Waiting for a part", "Work done"]
    store.delete(mine, "en")  # a changed starter deleted is hidden too
    assert [t.name for t in again(path)] == ["Waiting for a part", "Work done"]


def test_a_name_taken_or_a_wrong_placeholder_is_refused_and_nothing_changes(
    store: TemplateStore, path: Path
) -> None:
    with pytest.raises(TemplateError) as raised:
        store.save(Template("water SHUT-OFF", "S", "M"), "en")
    assert "Another template is named water SHUT-OFF." in raised.value.message
    with pytest.raises(TemplateError) as raised:
        store.save(Template("New", "{tikcet}", "M"), "en")
    assert "{tikcet}" in raised.value.message
    assert len(again(path)) == 4


def test_an_import_adds_and_updates_by_name_in_one_go(store: TemplateStore, path: Path) -> None:
    store.save(Template("Lift", "Old", "Old"), "en")
    data = to_file(
        [Template("LIFT", "New", "New"), Template("Boiler", "B", "B", status="NEW")]
    ).encode()
    imported = store.import_file(data, "en")
    assert imported.merge.report() == "Added 1 template. Updated 1 template."
    assert [(t.name, t.subject) for t in again(path)][-2:] == [("LIFT", "New"), ("Boiler", "B")]
    assert store.import_file(data, "en").merge.report().startswith("Nothing was imported")


def test_a_damaged_import_changes_nothing(store: TemplateStore, path: Path) -> None:
    before = again(path)
    good = to_file([Template("A", "S", "M")])
    with pytest.raises(TemplateError):
        store.import_file(good.replace('"M"', '"{oops}"').encode(), "en")
    with pytest.raises(TemplateError):
        store.import_file(good[:-10].encode(), "en")
    assert again(path) == before


def test_a_version_5_file_gets_the_templates_table_and_keeps_its_items(path: Path) -> None:
    old = sqlite3.connect(path)
    for step in MIGRATIONS[:5]:
        for statement in step:
            old.execute(statement)
    update = TicketUpdate("tic_1", "Leak", "Sink", "NEW", automated=False)
    old.execute(
        "INSERT INTO outbox (ticket_id, payload, state, attempts, created_at, next_try,"
        " api_base, account) VALUES ('tic_1', ?, 'waiting', 0, 1.0, 1.0, ?, ?)",
        (update_to_json(update), *HERE),
    )
    old.execute("PRAGMA user_version = 5")
    old.commit()
    old.close()
    templates = TemplateStore(path)
    try:
        assert len(templates.templates("en")) == 4
        templates.save(Template("Mine", "S", "M"), "en")
    finally:
        templates.close()
    outbox = OutboxStore(path)
    try:
        (item,) = outbox.items()
        assert item.update == update
    finally:
        outbox.close_all()
    check = sqlite3.connect(path)
    try:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (7,)
        assert check.execute("SELECT name FROM templates").fetchall() == [("Mine",)]
    finally:
        check.close()
