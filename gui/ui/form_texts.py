"""What the ticket form says of each field, in the current language: its label (with its
mnemonic and, when required, its "*"), its rule, and the label as a screen reader says it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.core.fields import MAX_SMS_SEGMENTS


def field_labels(*, creating: bool) -> dict[str, str]:
    """Each field's label, by API name; a new ticket's (`creating`) description is optional."""
    translate = QCoreApplication.translate
    return {
        "ticketId": translate("TicketForm", "&Ticket ID *"),
        "title": translate("TicketForm", "T&itle *"),
        "description": (
            translate("TicketForm", "D&escription")  # optional for a new ticket
            if creating
            else translate("TicketForm", "D&escription *")
        ),
        "status": translate("TicketForm", "&Status *"),
        "notify": translate("TicketForm", "&Notify people about this update"),
        "time": translate("TicketForm", "&When"),
        "type": translate("TicketForm", "T&ype *"),
        "contacts": translate("TicketForm", "&Contacts *"),
        "notifySubject": translate("TicketForm", "Su&bject"),
        "notifyMessage": translate("TicketForm", "Messa&ge"),
        "automated": translate(
            "TicketForm",
            "&Automated: remind them again if the ticket stays in this status too long",
        ),
    }


def field_rules(*, creating: bool, sms: bool) -> dict[str, str]:
    """What each field takes, by API name, for its accessible description (and the help);
    the contacts' rule says phone numbers when the notification goes by `sms`."""
    translate = QCoreApplication.translate
    if sms:
        contacts = translate("TicketForm", "Required. Phone numbers, separated by commas.")
    else:
        contacts = translate("TicketForm", "Required. Email addresses, separated by commas.")
    return {
        "ticketId": translate("TicketForm", "Required. The ticket's id, such as tic_1001."),
        "title": translate("TicketForm", "Required. One line."),
        "description": (
            translate(
                "TicketForm",
                "Optional for a new ticket. Several lines; Tab moves on to the next field, "
                "Ctrl+Tab types a tab.",
            )
            if creating
            else translate(
                "TicketForm",
                "Required. Several lines; Tab moves on to the next field, Ctrl+Tab types a tab.",
            )
        ),
        "status": translate(
            "TicketForm", "Required. Choose NEW or ON_HOLD, or type another status."
        ),
        "notify": translate("TicketForm", "Sends this update to the contacts by email or SMS."),
        "time": translate(
            "TicketForm", "Sends now, or at the date and time you pick with Send later."
        ),
        "type": translate("TicketForm", "Required. Email or SMS text message."),
        "contacts": contacts,
        "notifySubject": translate("TicketForm", "Optional. One line."),
        "notifyMessage": translate(
            "TicketForm",
            "Optional. Several lines; by SMS at most {parts} parts of 153 characters, or 67 "
            "in Unicode. Tab moves on to the next field, Ctrl+Tab types a tab.",
        ).format(parts=MAX_SMS_SEGMENTS),
        "automated": translate("TicketForm", "Optional. Particle Space sends reminders by itself."),
    }


def accessible_label(text: str) -> str:
    """A label as a screen reader should say it: without the "&" of its mnemonic and without
    the "*" that marks a required field (the accessible description says "Required")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" *")
