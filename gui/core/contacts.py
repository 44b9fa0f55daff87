"""Reading the contacts field: split it, check every entry, normalise it for the wire.

Emails go through `email-validator` (syntax only, no DNS); phone numbers through libphonenumber
(`phonenumberslite`). Both libraries are imported on first use so that start-up stays fast; the
window warms them up on a worker thread right after it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gui.core.fields import ContactType

#: The region a phone number without a +country code belongs to.
DEFAULT_REGION = "US"

# Commas and semicolons separate entries, and so do line breaks from a paste. Spaces do not:
# "(202) 555-0123" is one phone number.
_SEPARATORS = re.compile(r"[,;\r\n]+")


@dataclass(frozen=True)
class ParsedContacts:
    """The normalised contacts, and one message for each entry that is not usable."""

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
            problems.append(str(error))
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
        raise ValueError(f"“{entry}” is not a valid email address: {error}") from None


def normalise_phone(entry: str, *, region: str = DEFAULT_REGION) -> str:
    """10 digits for North American numbers (as the vendor's example), E.164 for the others."""
    import phonenumbers

    try:
        number = phonenumbers.parse(entry, region)
    except phonenumbers.NumberParseException:
        raise ValueError(f"“{entry}” is not a phone number.") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(f"“{entry}” is not a valid phone number.")
    if number.extension:
        raise ValueError(f"“{entry}” has an extension; text messages cannot reach extensions.")
    if number.country_code == 1:
        return str(number.national_number)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
