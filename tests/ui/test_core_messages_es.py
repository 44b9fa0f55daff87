"""The core's messages in Spanish: resources/i18n/core_es.ts, compiled with lrelease, installed
as a QTranslator, and `gui.ui.i18n.translated` building real core messages from it."""

from __future__ import annotations

import dataclasses
import random
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from gui.core import errors
from gui.core.errors import InvalidTicket
from gui.core.fields import ContactType
from gui.core.messages import from_json, to_json
from gui.core.retry import decide
from gui.core.ticket import TicketDraft
from gui.core.validation import validate
from gui.ui.i18n import translated

TS_FILE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "core_es.ts"


def _lrelease() -> list[str]:
    script = Path(sys.executable).with_name("pyside6-lrelease")
    if script.exists():
        return [str(script)]
    return [str(Path(PySide6.__file__).parent / "lrelease")]


@pytest.fixture
def spanish(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    qm = tmp_path / "core_es.qm"
    done = subprocess.run(
        [*_lrelease(), str(TS_FILE), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "0 unfinished" in done.stdout, done.stdout
    translator = QTranslator()
    assert translator.load(str(qm))
    assert QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _field_errors(draft: TicketDraft) -> dict[str, str]:
    with pytest.raises(InvalidTicket) as caught:
        validate(draft, now=datetime(2026, 6, 1, tzinfo=UTC))
    return {error.field: error.message for error in caught.value.field_errors}


GOOD = TicketDraft(ticket_id="tic_1", title="Leak", description="Sink", status="ON_HOLD")


@pytest.mark.usefixtures("spanish")
def test_a_simple_message_is_spanish() -> None:
    problems = _field_errors(TicketDraft(ticket_id="tic_1", description="d", status="s"))
    assert translated(problems["title"]) == "Escriba un título."


@pytest.mark.usefixtures("spanish")
def test_a_message_with_arguments_is_spanish() -> None:
    problems = _field_errors(dataclasses.replace(GOOD, title="x" * 501))
    assert translated(problems["title"]) == (
        "Esto admite como máximo 500 caracteres; este tiene 501."
    )
    with pytest.raises(InvalidTicket) as caught:
        validate(TicketDraft(), now=datetime(2026, 6, 1, tzinfo=UTC))
    assert translated(caught.value.message) == "4 campos requieren su atención."


@pytest.mark.usefixtures("spanish")
def test_joined_contact_problems_are_each_spanish() -> None:
    problems = _field_errors(
        dataclasses.replace(
            GOOD, notify=True, type=ContactType.EMAIL, contacts="nobody, ok@example.com, nadie@"
        )
    )
    assert translated(problems["contacts"]) == (
        "«nobody» no es una dirección de correo electrónico válida. "
        "«nadie@» no es una dirección de correo electrónico válida."
    )


@pytest.mark.usefixtures("spanish")
def test_a_stored_retry_reason_comes_back_in_spanish() -> None:
    verdict = decide(errors.ConnectionRefused("x"), notify=False, attempts=8, rng=random.Random(0))
    stored = from_json(to_json(verdict.reason))
    spanish = translated(stored)
    assert spanish.startswith("El servidor rechazó la conexión, así que no se envió nada; ")
    assert "próximo intento en " in spanish
    assert spanish.endswith((" s.", " min."))


@pytest.mark.usefixtures("spanish")
def test_the_servers_words_stay_as_they_were() -> None:
    from gui.core.messages import QT_TRANSLATE_NOOP, plain

    message = QT_TRANSLATE_NOOP("client", "Particle Space refused the update: {said}").format(
        said=plain("Title is too long")
    )
    assert translated(message) == "Particle Space rechazó la actualización: Title is too long"


def test_without_a_translator_the_english_is_shown(qapp: QApplication) -> None:
    problems = _field_errors(TicketDraft(ticket_id="tic_1", description="d", status="s"))
    assert translated(problems["title"]) == "Enter a title."


@pytest.mark.usefixtures("spanish")
def test_who_was_told_when_and_the_flows_are_spanish() -> None:
    from gui.core import reports
    from gui.core.outbox import Repeat
    from gui.core.statuses import display_name

    sms = reports.who_was_told(ContactType.SMS, 2)
    sent = reports.sent_at("tic_1001", created=False, when="19:05", told=sms)
    assert translated(sent) == "Ticket tic_1001 actualizado a las 19:05 · SMS a 2 personas."
    one = reports.who_was_told(ContactType.EMAIL, 1)
    assert translated(one) == "correo electrónico a 1 persona"
    repeat = Repeat(0.0, False, "tic_1001", ContactType.SMS, 2, False)
    assert translated(reports.repeat_question(repeat, "19:04")) == (
        "Ya envió exactamente esto a tic_1001 a las 19:04 (SMS a 2 personas). "
        "¿Desea enviarlo de nuevo?"
    )
    assert translated(reports.decisions_waiting(1)) == (
        "1 actualización de la bandeja de salida requiere su decisión."
    )
    assert translated(display_name("ON_HOLD")) == "En espera · ON_HOLD"
    assert translated(display_name("DONE")) == "DONE"
