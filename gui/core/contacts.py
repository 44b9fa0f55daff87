"""Reading the contacts field: split it, check every entry, normalise it for the wire.

Emails go through `email-validator` (syntax only, no DNS); phone numbers through libphonenumber
(`phonenumberslite`). Both libraries are imported on first use so that start-up stays fast; the
window warms them up on a worker thread right after it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gui.core.fields import ContactType
from gui.core.messages import QT_TRANSLATE_NOOP, Message, plain

#: The region a phone number without a +country code belongs to.
DEFAULT_REGION = "US"

# Commas and semicolons separate entries, and so do line breaks from a paste. Spaces do not:
# "(202) 555-0123" is one phone number.
_SEPARATORS = re.compile(r"[,;\r\n]+")


@dataclass(frozen=True)
class ParsedContacts:
    """The normalised contacts, and one message (a `Message`) for each entry that is not
    usable."""

    contacts: tuple[str, ...]
    problems: tuple[str, ...] = field(default=())


def split_contacts(text: str) -> list[str]:
    """The entries of the contacts field, trimmed, empty ones dropped."""
    return [part.strip() for part in _SEPARATORS.split(text) if part.strip()]


def parse_contacts(
    text: str, contact_type: ContactType, *, region: str = DEFAULT_REGION
) -> ParsedContacts:
    """Check and normalise every contact in `text` for `contact_type`."""
    normalise = normalise_email if contact_type is ContactType.EMAIL else normalise_phone
    contacts: list[str] = []
    problems: list[str] = []
    for entry in split_contacts(text):
        try:
            value = normalise(entry, region=region)
        except ValueError as error:
            problems.append(_problem(error))
        else:
            if value not in contacts:  # nobody should get the same message twice
                contacts.append(value)
    return ParsedContacts(tuple(contacts), tuple(problems))


def normalise_email(entry: str, *, region: str = DEFAULT_REGION) -> str:
    """The address as email-validator normalises it; ValueError naming the entry if invalid."""
    del region  # emails have none; the signature matches normalise_phone
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(entry, check_deliverability=False).normalized
    except EmailNotValidError as error:
        # email-validator's own explanation is English: it goes in as an argument, and the
        # sentence reads well in a translation that leaves it out.
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "contacts", "“{entry}” is not a valid email address: {detail}"
            ).format(entry=entry, detail=plain(str(error)))
        ) from None


def normalise_phone(entry: str, *, region: str = DEFAULT_REGION) -> str:
    """10 digits for North American numbers (as the vendor's example), E.164 for the others."""
    import phonenumbers

    try:
        number = phonenumbers.parse(entry, region)
    except phonenumbers.NumberParseException:
        raise ValueError(
            QT_TRANSLATE_NOOP("contacts", "“{entry}” is not a phone number.").format(entry=entry)
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(
            QT_TRANSLATE_NOOP("contacts", "“{entry}” is not a valid phone number.").format(
                entry=entry
            )
        )
    if number.extension:
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "contacts", "“{entry}” has an extension; text messages cannot reach extensions."
            ).format(entry=entry)
        )
    if number.country_code == 1:
        return str(number.national_number)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _problem(error: ValueError) -> Message:
    """What the user reads about an unusable entry: the Message `normalise_*` raised with."""
    text = error.args[0] if error.args else None
    return text if isinstance(text, Message) else plain(str(error))
