"""The command line's contacts may name people and groups of the user's contact book (kept in
the window's real outbox file), with --demo too; only their numbers go over the wire."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

from gui.core.address_book import Person
from gui.core.app_folders import OUTBOX_FILE_NAME, SANDBOX_FOLDER_NAME
from gui.core.fields import ContactType
from gui.core.outbox import OutboxStore
from gui.core.outbox.address_book import AddressBookStore
from gui.sandbox import SandboxServer
from tests.e2e.test_cli import HEADER, Cli, on
from tests.e2e.test_cli_demo import data_folder

TEXT = ["--notify", "--type", "sms", "--message", "Mañana no hay agua de 9 a 11."]


def with_book(cli: Cli) -> None:
    folder = data_folder(cli)
    folder.mkdir(parents=True)
    store = AddressBookStore(folder / OUTBOX_FILE_NAME)
    store.save(Person("María López", phone="(202) 555-0123", groups=("Tenants 3C",)))
    store.save(Person("Ana Ruiz", phone="202-555-0187", groups=("Tenants 3C",)))
    store.save(Person("Bo Chen", email="bo@example.com", groups=("Plumbers",)))
    store.close()


def contacts_sent(body: str) -> str:
    return urllib.parse.parse_qs(body, keep_blank_values=True)["contacts"][0]


def update(ticket: str, contacts: str) -> list[str]:
    flags = ["update", ticket, "--title", "Water", "--description", "Off", "--status", "DONE"]
    return [*flags, "--contacts", contacts]


def test_a_group_named_on_the_command_line_is_texted_its_members_numbers(
    cli: Cli, server: SandboxServer
) -> None:
    with_book(cli)
    result = cli(*update("tic_1001", "Tenants 3C"), *TEXT, *on(server))
    assert result.returncode == 0, result.stderr
    (request,) = server.requests
    assert contacts_sent(request.body) == "2025550187,2025550123"


def test_a_member_who_cannot_be_texted_is_named_and_nothing_is_sent(
    cli: Cli, server: SandboxServer
) -> None:
    with_book(cli)
    result = cli(*update("tic_1001", "Plumbers"), *TEXT, *on(server))
    assert result.returncode == 2
    assert "Bo Chen has no phone number." in result.stdout + result.stderr
    assert server.requests == []


def test_rows_of_a_csv_file_may_name_a_person(
    cli: Cli, server: SandboxServer, tmp_path: Path
) -> None:
    with_book(cli)
    rows = tmp_path / "rows.csv"
    rows.write_text(HEADER + "tic_1001,Water,Off,DONE,1,sms,María López,,0\n", encoding="utf-8")
    result = cli("update", "--from-csv", str(rows), *on(server))
    assert result.returncode == 0, result.stderr
    (request,) = server.requests
    assert contacts_sent(request.body) == "2025550123"


def test_with_demo_the_users_book_is_used_and_the_sandbox_hears_it(cli: Cli) -> None:
    with_book(cli)
    result = cli(*update("tic_1001", "María López"), *TEXT, "--demo")
    assert result.returncode == 0, result.stderr
    sandbox = OutboxStore(data_folder(cli) / SANDBOX_FOLDER_NAME / OUTBOX_FILE_NAME)
    assert sandbox.contacts(ContactType.SMS) == ["2025550123"]
    assert OutboxStore(data_folder(cli) / OUTBOX_FILE_NAME).contacts(ContactType.SMS) == []
