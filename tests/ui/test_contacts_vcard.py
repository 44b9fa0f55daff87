"""The contact book's import of vCard files in File ▸ Contacts…, used like a user: the file
picker offers contacts files of both kinds, and a .vcf file's people are listed and stored in
the real outbox file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from gui.sandbox import SandboxServer
from tests.ui.conftest import WindowFactory, click
from tests.ui.test_contacts_book import open_dialog, opened, stored_names

CARDS = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Mar=C3=ADa L=C3=B3pez\r\n"
    "TEL;CELL:(202) 555-0123\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Park;Joe;;;\r\n"
    "FN:Park\\, Joe\r\n"
    "EMAIL;TYPE=INTERNET:joe@exam\r\n"
    " ple.com\r\n"
    "CATEGORIES:Tenants 3C,Plumbers\r\n"
    "END:VCARD\r\n"
)


def test_the_dialog_imports_a_vcard_file(
    qtbot: QtBot,
    make_window: WindowFactory,
    sandbox: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = opened(qtbot, make_window, sandbox.url, 0)
    dialog = open_dialog(qtbot, window)
    assert "vCard" in dialog.import_button.text() and "CSV" in dialog.import_button.text()
    assert "vCard" in dialog.import_button.toolTip()
    cards = tmp_path / "tenants.vcf"
    cards.write_text(CARDS, encoding="utf-8", newline="")
    offered: list[str] = []

    def pick(*args: object, **kwargs: object) -> tuple[str, str]:
        offered.extend(str(args[3]).split(";;"))
        return str(cards), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pick))
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.note.text() == "Imported 2 contacts.", timeout=5000)
    assert offered == [
        "Contacts (*.csv *.vcf *.vcard)",
        "CSV files (*.csv)",
        "vCard files (*.vcf *.vcard)",
        "All files (*)",
    ]
    assert dialog.people_names() == stored_names() == ["Joe Park", "María López"]
    table = dialog.table
    assert [table.item(0, column).text() for column in range(4)] == [
        "Joe Park",
        "joe@example.com",
        "",
        "Plumbers, Tenants 3C",
    ]
    assert table.item(1, 2).text() == "(202) 555-0123"
    assert window.contacts.keeper.book.group("Plumbers") is not None  # the window has it too
    cards.write_text(CARDS.replace("(202) 555-0123", "555-01"), encoding="utf-8", newline="")
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(dialog.error.isVisible, timeout=5000)
    assert dialog.error.text().startswith("Card 1: “555-01” is not")
    assert dialog.error.text().endswith("Nothing was imported.")
    # By its content, not its name: a picture called .vcf is no vCard file, nor CSV text.
    cards.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff")
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.error.text() == "The file is not UTF-8 text.", timeout=5000)
    assert stored_names() == ["Joe Park", "María López"]
