"""What the app says about known tickets, repeats and who was told (gui/core/reports.py): every
sentence in English, each a Message the window can say again in the user's language."""

from __future__ import annotations

from gui.core import reports
from gui.core.fields import ContactType, Operation
from gui.core.messages import Message, from_json, to_json
from gui.core.outbox import KnownTicket, Repeat

KNOWN = KnownTicket(
    "tic_1001", "Leaking faucet", "Under the sink", "ON_HOLD", 0.0, Operation.UPDATE
)


def is_message(text: str) -> bool:
    """A Message that survives the outbox's storage (to_json, from_json) as itself."""
    return isinstance(text, Message) and from_json(to_json(text)) == text


def test_who_was_told() -> None:
    cases = {
        (ContactType.SMS, 2): "SMS to 2 people",
        (ContactType.SMS, 1): "SMS to 1 person",
        (ContactType.EMAIL, 1): "email to 1 person",
        (ContactType.EMAIL, 3): "email to 3 people",
        (None, 0): "nobody notified",
        (ContactType.SMS, 0): "nobody notified",
    }
    for (contact_type, people), english in cases.items():
        told = reports.who_was_told(contact_type, people)
        assert told == english and is_message(told)
    plural = reports.who_was_told(ContactType.SMS, 2)
    assert (plural.context, plural.n) == ("reports", 2)  # Qt's plural forms


def test_sent_at_says_when_and_who_was_told() -> None:
    sms = reports.who_was_told(ContactType.SMS, 2)
    nobody = reports.who_was_told(None, 0)
    updated = reports.sent_at("tic_1001", created=False, when="19:05", told=sms)
    assert updated == "Ticket tic_1001 updated at 19:05 · SMS to 2 people."
    created = reports.sent_at("tic_9", created=True, when="19:05", told=nobody)
    assert created == "Ticket tic_9 created at 19:05 · nobody notified."
    no_id = reports.sent_at("", created=True, when="19:05", told=nobody)
    assert no_id == "Ticket created at 19:05 · nobody notified. Particle Space did not say its id."
    for text in (updated, created, no_id):
        assert is_message(text)
    assert updated.args["told"] is sms  # translated on its own


def test_the_repeat_questions() -> None:
    sent = Repeat(0.0, False, "tic_1001", ContactType.SMS, 2, False)
    assert reports.repeat_question(sent, "19:04") == (
        "You sent exactly this to tic_1001 at 19:04 (SMS to 2 people). Send it again?"
    )
    waiting = sent._replace(waiting=True, outbox_id=7)
    assert reports.repeat_question(waiting, "19:04") == (
        "Exactly this update to tic_1001 is already waiting in the outbox (SMS to 2 people). "
        "Send it again?"
    )
    created = Repeat(0.0, False, "tic_9", None, 0, True)
    assert reports.repeat_question(created, "19:04") == (
        "You created exactly this ticket at 19:04 (nobody notified). Create another?"
    )
    creation_waiting = Repeat(0.0, True, "", ContactType.EMAIL, 1, True, outbox_id=3)
    assert reports.repeat_question(creation_waiting, "19:04") == (
        "Exactly this new ticket is already waiting in the outbox (email to 1 person). "
        "Create another?"
    )
    for repeat in (sent, waiting, created, creation_waiting):
        assert is_message(reports.repeat_question(repeat, "19:04"))


def test_nothing_changes_decisions_and_quitting() -> None:
    nothing = reports.nothing_changes("tic_1001")
    assert nothing == (
        "Nothing changes for tic_1001 and nobody is notified: press Update again to send it anyway."
    )
    one, many = reports.decisions_waiting(1), reports.decisions_waiting(3)
    assert one == "1 update needs your decision in the outbox."
    assert many == "3 updates need your decision in the outbox."
    assert many.n == 3
    quitting = reports.quit_while_sending()
    assert quitting == (
        "The server may already have the update that is being sent. It waits in the outbox for "
        "your decision: resend or discard it there at the next start."
    )
    for text in (nothing, one, many, quitting):
        assert is_message(text)


def test_the_change_summary_against_the_last_known_state() -> None:
    def summary(
        title: str = KNOWN.title, description: str = KNOWN.description, status: str = KNOWN.status
    ) -> Message:
        return reports.change_summary(KNOWN, title, description, status)

    assert summary(status="DONE", description="Fixed") == "Status ON_HOLD → DONE · description"
    assert summary(status="DONE") == "Status ON_HOLD → DONE"
    assert summary(title="Faucet") == "Title"
    assert summary(description="Fixed") == "Description"
    assert summary(title="Faucet", description="Fixed") == "Title · description"
    assert summary("Faucet", "Fixed", "done") == "Status ON_HOLD → done · title · description"
    assert summary() == "No change to title, description or status"
    unknown = reports.change_summary(None, "Faucet", "Fixed", "DONE")
    assert unknown == "Title, description and status will replace what Particle Space has"
    for text in (summary(status="DONE", description="Fixed"), summary(), unknown):
        assert is_message(text)
