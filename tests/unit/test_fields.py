"""The field table and every encoding derived from it: a field in the table that one of them
leaves out, or a record attribute the table does not describe, fails here.

The tickets come from `tests.field_samples`, which fills every field of the table.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from gui.cli.arguments import build_parser, parse, ticket_draft
from gui.cli.environment import Environment
from gui.cli.main import EXIT_INVALID, main
from gui.core import csv_rows
from gui.core.credentials import Credentials
from gui.core.fields import (
    FIELD_BY_NAME,
    FIELD_TABLE,
    FIELDS,
    NOTIFY,
    NOTIFY_FIELDS,
    TICKET_ID,
    Kind,
    Operation,
)
from gui.core.ticket import (
    Notification,
    TicketDraft,
    TicketUpdate,
    draft_from_json,
    draft_from_update,
    draft_from_values,
    draft_to_json,
    field_values,
    update_from_json,
    update_to_json,
)
from gui.core.validation import validate
from gui.core.wire import decode_pairs, encode_pairs
from tests.field_samples import NOW, as_text, full_draft, full_update, typed

OPERATIONS = pytest.mark.parametrize("operation", list(Operation), ids=str)


# --- The table and the records -----------------------------------------------------------------


def test_the_table_describes_the_draft_field_by_field() -> None:
    attributes = [spec.name for spec in dataclasses.fields(TicketDraft)]
    assert [field.attribute for field in FIELD_TABLE] + ["operation"] == attributes


def test_the_table_describes_the_checked_update_field_by_field() -> None:
    ticket = [spec.name for spec in dataclasses.fields(TicketUpdate)]
    assert [
        field.attribute for field in FIELD_TABLE if not field.notify_only and field.name != NOTIFY
    ] + ["notification", "operation"] == ticket
    notification = {spec.name for spec in dataclasses.fields(Notification)}
    assert {
        field.notification_attribute for field in FIELD_TABLE if field.notify_only
    } == notification


def test_the_names_follow_the_table() -> None:
    assert len(set(FIELDS)) == len(FIELDS) == len(FIELD_TABLE)
    assert tuple(FIELD_BY_NAME) == FIELDS
    assert tuple(field.name for field in FIELD_TABLE if field.notify_only) == NOTIFY_FIELDS
    assert [field.kind for field in FIELD_TABLE].count(Kind.ID) == 1
    assert FIELD_BY_NAME[TICKET_ID].kind is Kind.ID
    assert FIELD_BY_NAME[NOTIFY].kind is Kind.FLAG


def test_the_table_holds_the_api_rules_as_the_vendor_documents_them() -> None:
    """API.md: what is required on update and on create, and what the vendor's example sends
    (``time=`` empty with notify; description optional on create)."""
    required_on_update = [f.name for f in FIELD_TABLE if f.required_for(Operation.UPDATE)]
    required_on_create = [f.name for f in FIELD_TABLE if f.required_for(Operation.CREATE)]
    assert required_on_update == [
        *("ticketId", "title", "description", "status", "notify", "type", "contacts"),
        "automated",
    ]
    assert required_on_create == ["title", "status", "notify", "type", "contacts", "automated"]
    left_off = {f.name: sorted(f.left_off_when_empty) for f in FIELD_TABLE if f.left_off_when_empty}
    assert left_off == {
        "description": [Operation.CREATE],
        "notifySubject": sorted(Operation),
        "notifyMessage": sorted(Operation),
    }


def test_the_samples_fill_every_field_with_something_else_than_the_default() -> None:
    draft, default = full_draft(), TicketDraft()
    for field in FIELD_TABLE:
        assert getattr(draft, field.attribute) != getattr(default, field.attribute), field.name
    assert set(field_values(full_update())) == set(FIELDS)


def test_draft_from_values_refuses_what_is_not_a_field_or_not_of_its_kind() -> None:
    with pytest.raises(ValueError, match="not a field"):
        draft_from_values({"colour": "red"})
    with pytest.raises(TypeError, match="notify"):
        draft_from_values({"notify": "1"})
    with pytest.raises(TypeError, match="time"):
        draft_from_values({"time": "2027-01-05T08:30"})


# --- Draft file and outbox ---------------------------------------------------------------------


@OPERATIONS
def test_the_draft_file_keeps_every_field(operation: Operation) -> None:
    draft = full_draft(operation)
    text = draft_to_json(draft)
    assert set(json.loads(text)) == {field.attribute for field in FIELD_TABLE} | {"operation"}
    assert draft_from_json(text) == draft


@OPERATIONS
def test_an_outbox_row_keeps_every_field(operation: Operation) -> None:
    update = full_update(operation)
    text = update_to_json(update)
    document = json.loads(text)
    assert set(document) == {
        field.attribute for field in FIELD_TABLE if not field.notify_only and field.name != NOTIFY
    } | {"notification", "operation"}
    assert set(document["notification"]) == {
        field.notification_attribute for field in FIELD_TABLE if field.notify_only
    }
    assert update_from_json(text) == update


# --- The wire and back -------------------------------------------------------------------------


@OPERATIONS
def test_the_wire_carries_every_field_but_the_id_in_table_order(operation: Operation) -> None:
    pairs = encode_pairs(full_update(operation))
    assert [name for name, _ in pairs] == [name for name in FIELDS if name != TICKET_ID]


def test_a_history_entry_gives_back_every_field() -> None:
    update = full_update()
    draft = decode_pairs(update.ticket_id, encode_pairs(update))
    assert validate(draft, now=NOW) == update


def test_an_empty_field_is_left_off_the_wire_only_where_the_table_says() -> None:
    full = full_update()
    assert full.notification is not None
    emptied = dataclasses.replace(
        full,
        description="",
        notification=dataclasses.replace(full.notification, subject="", message=""),
    )
    for operation in Operation:
        sent = dict(encode_pairs(dataclasses.replace(emptied, operation=operation)))
        for name in ("description", "notifySubject", "notifyMessage"):
            left_off = operation in FIELD_BY_NAME[name].left_off_when_empty
            assert (name not in sent) is left_off, (operation, name)


# --- An outbox item back in the form -----------------------------------------------------------


@OPERATIONS
def test_every_field_survives_update_draft_validate_update(operation: Operation) -> None:
    update = full_update(operation)
    draft = draft_from_update(update)
    assert draft == full_draft(operation)  # the samples are typed as the form shows them
    assert validate(draft, now=NOW) == update


def test_an_outbox_item_shows_its_contacts_as_the_form_does() -> None:
    draft = draft_from_update(full_update())
    assert draft.contacts == "2025550123, +442079460958"
    assert draft.notify_subject == typed(FIELD_BY_NAME["notifySubject"])


def test_an_update_without_notification_opens_with_the_form_defaults_for_it() -> None:
    update = dataclasses.replace(full_update(), notification=None)
    draft = draft_from_update(update)
    default = TicketDraft()
    for name in NOTIFY_FIELDS:
        attribute = FIELD_BY_NAME[name].attribute
        assert getattr(draft, attribute) == getattr(default, attribute), name
    assert not draft.notify
    assert validate(draft, now=NOW) == update


# --- CSV ---------------------------------------------------------------------------------------


@OPERATIONS
def test_a_csv_row_gives_every_field(operation: Operation) -> None:
    draft = full_draft(operation)
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(FIELDS)
    writer.writerow(as_text(field, getattr(draft, field.attribute)) for field in FIELD_TABLE)
    (row,) = csv_rows.read_text(text.getvalue(), operation=operation)
    assert row.errors == ()
    assert row.draft == draft


def test_the_required_csv_columns_are_the_required_fields_outside_the_notification() -> None:
    """As the README's "CSV files" says."""
    update = ("ticketId", "title", "description", "status", "notify", "automated")
    assert update == csv_rows.REQUIRED_FOR_UPDATE
    assert csv_rows.REQUIRED_FOR_NEW == ("title", "status", "notify", "automated")


# --- Command line ------------------------------------------------------------------------------


def _flags(draft: TicketDraft) -> list[str]:
    argv = []
    for field in FIELD_TABLE:
        value = getattr(draft, field.attribute)
        if field.flag is None:
            continue
        if field.kind is Kind.FLAG:
            argv += [field.flag] if value else []
        else:
            argv += [field.flag, as_text(field, value)]
    return argv


def test_every_field_but_the_id_is_a_flag() -> None:
    assert [f.name for f in FIELD_TABLE if f.flag is not None] == [
        name for name in FIELDS if name != TICKET_ID
    ]
    assert len({f.flag for f in FIELD_TABLE if f.flag}) == len(FIELDS) - 1


@OPERATIONS
def test_the_flags_give_every_field(operation: Operation) -> None:
    draft = full_draft(operation)
    command = "new" if operation is Operation.CREATE else "update"
    ticket = [draft.ticket_id] if draft.ticket_id else []
    assert ticket_draft(parse([command, *ticket, *_flags(draft)])) == (draft, [])


def test_every_flag_is_in_the_help_with_its_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["update", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for field in FIELD_TABLE:
        if field.flag is not None:
            assert field.flag in shown
            assert field.flag_help is None or field.flag_help in shown, field.name


def test_csv_and_every_ticket_flag_do_not_mix(tmp_path: Path) -> None:
    env = Environment({}, dict, Credentials, lambda: tmp_path)
    out, err = io.StringIO(), io.StringIO()
    argv = ["update", "tic_1", "--from-csv", "rows.csv", *_flags(full_draft())]
    assert main(argv, env=env, stdout=out, stderr=err) == EXIT_INVALID
    flags = ", ".join(["TICKET_ID", *(f.flag for f in FIELD_TABLE if f.flag is not None)])
    assert f"With --from-csv the file gives every field; leave out {flags}." in err.getvalue()
