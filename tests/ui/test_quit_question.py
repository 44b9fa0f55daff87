"""The question before quitting with updates in the outbox says where they go, and only what
is true: the sandbox's wait for the sandbox, another server's for that server."""

from __future__ import annotations

import functools

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from gui.core.app_folders import OUTBOX_FILE_NAME, data_folder
from gui.core.credentials import Credentials
from gui.core.destination import Destination, account_of
from gui.core.outbox import OutboxStore
from gui.core.ticket import TicketUpdate
from gui.sandbox import Behaviour
from gui.ui.main_window import MainWindow
from gui.ui.quit_question import ask_before_quitting
from tests.ui.conftest import VENDOR, WindowFactory, click, fill


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the question said; each answer is No (the window stays open)."""
    said: list[str] = []

    def question(parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return said


def asking(window: MainWindow) -> MainWindow:
    window.confirm_quit = functools.partial(ask_before_quitting, window)  # the fixture's never ask
    return window


def test_the_sandbox_says_its_updates_wait_for_the_sandbox(
    qtbot: QtBot, make_window: WindowFactory, asked: list[str]
) -> None:
    window = asking(make_window(argv=["--demo"]))
    window.sandbox.behaviour = Behaviour.UNAVAILABLE  # the update waits in the outbox
    fill(qtbot, window, **{**VENDOR, "ticketId": "tic_1001"})
    click(qtbot, window.submit_button)
    qtbot.waitUntil(lambda: window.status_bar.waiting == 1 and not window.busy, timeout=10_000)
    window.close()
    assert window.isVisible()  # No: it stays open
    (text,) = asked
    assert "1 update is still in the sandbox's outbox" in text
    assert "the next time you try the sandbox" in text and "you open Particle Tickets" not in text
    window.confirm_quit = lambda waiting: True


def test_an_update_for_another_server_is_said_to_wait_for_that_server(
    qtbot: QtBot, make_window: WindowFactory, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = OutboxStore(data_folder() / OUTBOX_FILE_NAME)
    elsewhere = Destination("https://other.example/api/v1", account_of(Credentials("t")))
    store.add(
        TicketUpdate("tic_1001", "Leak", "Sink", "NEW", automated=False), destination=elsewhere
    )
    store.close_all()
    monkeypatch.setenv("PARTICLESPACE_TOKEN", "mine")
    window = asking(make_window(argv=[]))
    qtbot.waitUntil(lambda: window.status_bar.waiting == 1, timeout=10_000)
    window.close()
    (text,) = asked
    assert "1 update in the outbox was written for another server or account" in text
    assert "still in the outbox" not in text and "next time you open" not in text
    window.confirm_quit = lambda waiting: True
