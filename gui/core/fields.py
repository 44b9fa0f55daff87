"""The fields of a ticket, in one table, and the values some of them take.

`FIELD_TABLE` is the one description of the record: the draft file's and the outbox's JSON,
the request body and its inverse (`gui.core.ticket`, `gui.core.wire`), the CSV columns
(`gui.core.csv_rows`), the command line's options (`gui.cli.main`) and the form's editors
(`gui.ui.ticket_form`) are all derived from it. A new field is one line here, plus its texts in
the form (label and rule).

Widgets (their object names), error labels (`<field>Error`), validation and the mapping of
server errors all use the fields' API names.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from gui.core.messages import QT_TRANSLATE_NOOP


class ContactType(enum.StrEnum):
    """How people are notified; the values are the API's `type` values."""

    EMAIL = "email"
    SMS = "sms"


class Operation(enum.StrEnum):
    """What sending does: update an existing ticket or create a new one."""

    UPDATE = "update"  # PUT /ticket/{id}
    CREATE = "new"  # POST /ticket/new; the server gives the id


class Kind(enum.Enum):
    """What a field's value is; how each encoding writes it and which editor the form shows
    follow from it."""

    ID = "id"  # the ticket's id: one line, sent in the URL, not in the body
    LINE = "line"  # one line of text
    LINES = "lines"  # several lines of text
    STATUS = "status"  # one line, picked from the statuses offered or typed
    FLAG = "flag"  # on or off: true/false in JSON, 1/0 on the wire and in CSV
    CONTACT_TYPE = "contact type"  # a ContactType (a draft may have none chosen)
    CONTACTS = "contacts"  # comma-separated as typed; a tuple of normalised contacts once checked
    TIME = "time"  # when to notify; None means now


_EVERY = frozenset(Operation)
_ON_UPDATE = frozenset({Operation.UPDATE})
_ON_CREATE = frozenset({Operation.CREATE})


class Field(NamedTuple):
    """One field of a ticket and what every encoding of it needs to know.

    A NamedTuple rather than a dataclass: this module is loaded at start-up, dataclasses is not.
    """

    #: The API's name: also the editor's objectName, the CSV column and the error's field.
    name: str
    #: Its attribute in `TicketDraft` (and in `TicketUpdate`, or `Notification` without
    #: ``notify_``) and its key in the draft file.
    attribute: str
    kind: Kind
    #: Only exists while notify is on (the form's notify section; sent only with notify=1).
    notify_only: bool = False
    #: The operations the API requires it for (a notify-only field: when notify is on).
    required: frozenset[Operation] = frozenset()
    #: The operations on which an empty value is left off the wire instead of sent as ``key=``.
    left_off_when_empty: frozenset[Operation] = frozenset()
    #: The command line's option (``--title``) and its help (a Message the command line says
    #: in its language); None: not an option.
    flag: str | None = None
    flag_help: str | None = None
    #: The most characters a text field takes (UTF-16 code units, as Qt and JavaScript count
    #: them: an emoji outside the BMP counts 2); 0 for a field that is not text. The form's
    #: editors cap what is typed or pasted at it, and validation refuses more.
    max_length: int = 0

    def required_for(self, operation: Operation) -> bool:
        return operation in self.required

    @property
    def notification_attribute(self) -> str:
        """A notify-only field's attribute in `Notification` (``notify_subject`` → ``subject``),
        which is also its key in the outbox's ``notification`` object."""
        return self.attribute.removeprefix("notify_")


TICKET_ID = "ticketId"
#: The flag that turns the notify-only fields on.
NOTIFY = "notify"

#: The limits (`Field.max_length`). Particle Space documents none; these are generous for what
#: people write and keep every keystroke and paste in the window quick (see the README).
ID_LIMIT = 100  # ids look like tic_1001
LINE_LIMIT = 500  # a title, a subject
STATUS_LIMIT = 100  # a flow's code, ON_HOLD
CONTACTS_LIMIT = 5_000  # about 200 email addresses
DESCRIPTION_LIMIT = 20_000  # about ten pages
MESSAGE_LIMIT = 10_000  # an email's body; an SMS is checked against its own, smaller limit
#: The most parts an SMS may take (gui.core.sms counts them): longer ones are refused before
#: anything is sent. Here, with the other limits, so the form's help says it without loading
#: the counting.
MAX_SMS_SEGMENTS = 10

# In form order, which is also the vendor's wire order after the ticket id.
# fmt: off
FIELD_TABLE: tuple[Field, ...] = (
    Field(TICKET_ID, "ticket_id", Kind.ID, required=_ON_UPDATE,  # `update`'s TICKET_ID
          max_length=ID_LIMIT),
    Field("title", "title", Kind.LINE, required=_EVERY, flag="--title",
          flag_help=QT_TRANSLATE_NOOP("fields", "the ticket's title"), max_length=LINE_LIMIT),
    Field("description", "description", Kind.LINES, required=_ON_UPDATE,
          left_off_when_empty=_ON_CREATE, flag="--description",
          flag_help=QT_TRANSLATE_NOOP("fields", "what is wrong, where, and what was done"),
          max_length=DESCRIPTION_LIMIT),
    Field("status", "status", Kind.STATUS, required=_EVERY, flag="--status",
          flag_help=QT_TRANSLATE_NOOP("fields", "the flow or column, e.g. NEW, ON_HOLD"),
          max_length=STATUS_LIMIT),
    Field(NOTIFY, "notify", Kind.FLAG, required=_EVERY, flag="--notify",
          flag_help=QT_TRANSLATE_NOOP("fields", "notify people (with --contacts)")),
    # The vendor's example sends an empty time ("now"), so it is not left off.
    Field("time", "time", Kind.TIME, notify_only=True, flag="--time",
          flag_help=QT_TRANSLATE_NOOP(
              "fields", "when to notify: 2026-12-01T09:00 (local) or with an offset; default now"
          )),
    Field("type", "type", Kind.CONTACT_TYPE, notify_only=True, required=_EVERY, flag="--type",
          flag_help=QT_TRANSLATE_NOOP("fields", "how to notify (default email)")),
    Field("contacts", "contacts", Kind.CONTACTS, notify_only=True, required=_EVERY,
          flag="--contacts",
          flag_help=QT_TRANSLATE_NOOP("fields", "comma-separated emails or phone numbers"),
          max_length=CONTACTS_LIMIT),
    Field("notifySubject", "notify_subject", Kind.LINE, notify_only=True,
          left_off_when_empty=_EVERY, flag="--subject",
          flag_help=QT_TRANSLATE_NOOP("fields", "the notification's subject"),
          max_length=LINE_LIMIT),
    Field("notifyMessage", "notify_message", Kind.LINES, notify_only=True,
          left_off_when_empty=_EVERY, flag="--message",
          flag_help=QT_TRANSLATE_NOOP("fields", "the notification's message"),
          max_length=MESSAGE_LIMIT),
    Field("automated", "automated", Kind.FLAG, required=_EVERY, flag="--automated",
          flag_help=QT_TRANSLATE_NOOP("fields", "notify again if the ticket stays in a flow")),
)
# fmt: on

FIELD_BY_NAME: dict[str, Field] = {field.name: field for field in FIELD_TABLE}

#: Every field's name, in form order.
FIELDS: tuple[str, ...] = tuple(field.name for field in FIELD_TABLE)

#: The fields that only exist while notify is on.
NOTIFY_FIELDS: tuple[str, ...] = tuple(field.name for field in FIELD_TABLE if field.notify_only)

#: The kinds of field that hold text (`Field.max_length` applies to them).
TEXT_KINDS: frozenset[Kind] = frozenset(
    {Kind.ID, Kind.LINE, Kind.LINES, Kind.STATUS, Kind.CONTACTS}
)


def utf16_length(text: str) -> int:
    """`text`'s length as Qt and JavaScript count it (UTF-16 code units)."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


#: Statuses the vendor's examples use; the form also offers the ones the user typed before.
KNOWN_STATUSES: tuple[str, ...] = ("NEW", "ON_HOLD")
