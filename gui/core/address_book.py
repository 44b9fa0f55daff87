"""The contact book: people with a name, an email address and/or a phone number, in groups.

The contacts field takes, besides addresses and numbers, a person's name or a group's name
(case-insensitive, exact); `expand` turns them into the addresses or numbers of the
notification's type before the draft is checked, so only addresses and numbers go over the wire.
The book is kept in the real outbox file (`gui.core.outbox.address_book`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from gui.core.contacts import DEFAULT_REGION, normalise_email, normalise_phone, split_contacts
from gui.core.errors import FieldError, InvalidTicket
from gui.core.fields import FIELDS, ContactType
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join, plain

if TYPE_CHECKING:
    from gui.core.ticket import TicketDraft, TicketUpdate  # loaded by the warm-up

_NO_EMAIL = QT_TRANSLATE_NOOP("address_book", "{name} has no email address.")
_NO_PHONE = QT_TRANSLATE_NOOP("address_book", "{name} has no phone number.")
_MEMBER_PROBLEM = QT_TRANSLATE_NOOP("address_book", "{name}: {problem}")
_NO_NAME = QT_TRANSLATE_NOOP("address_book", "Enter the contact's name.")
_NO_ADDRESS = QT_TRANSLATE_NOOP("address_book", "Enter an email address or a phone number.")
_NAME_TAKEN = QT_TRANSLATE_NOOP("address_book", "Another contact is called “{name}”.")
_NAME_SEPARATOR = QT_TRANSLATE_NOOP(
    "address_book", "A name cannot contain commas, semicolons or line breaks."
)
_SEPARATOR_CHARACTERS = frozenset(",;\r\n")


class ContactError(ValueError):
    """A contact that cannot be saved; `message` says why, in words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclasses.dataclass(frozen=True)
class Person:
    """One contact. `id` is its row in the outbox file (None until stored); `groups` are the
    names of the groups it belongs to."""

    name: str
    email: str = ""
    phone: str = ""
    groups: tuple[str, ...] = ()
    id: int | None = None

    def address(self, contact_type: ContactType) -> str:
        """Its email address or its phone number, by `contact_type` ('' when it has none)."""
        return self.email if contact_type is ContactType.EMAIL else self.phone


@dataclasses.dataclass(frozen=True)
class AddressBook:
    """Everyone in the book, in name order; the groups follow from their members."""

    people: tuple[Person, ...] = ()

    def person(self, name: str) -> Person | None:
        """The person called `name` (case-insensitive, exact), if any."""
        key = name.strip().casefold()
        return next((p for p in self.people if p.name.casefold() == key), None)

    def groups(self) -> dict[str, tuple[Person, ...]]:
        """Every group's name (as first written) and its members, in name order."""
        found: dict[str, tuple[str, list[Person]]] = {}
        for person in self.people:
            for group in person.groups:
                _name, members = found.setdefault(group.casefold(), (group, []))
                if person not in members:
                    members.append(person)
        return {
            name: tuple(members)
            for name, members in sorted(found.values(), key=lambda pair: pair[0].casefold())
        }

    def addresses(
        self, contact_type: ContactType, *, region: str = DEFAULT_REGION
    ) -> dict[str, Person]:
        """Each person's address of `contact_type` (`address_key`) to the person, the first
        one named when two share it; people without such an address are left out."""
        found: dict[str, Person] = {}
        for person in self.people:
            if person.address(contact_type).strip():
                key = address_key(person.address(contact_type), contact_type, region=region)
                found.setdefault(key, person)
        return found

    def group(self, name: str) -> tuple[Person, ...] | None:
        """The members of the group called `name` (case-insensitive, exact); None if none."""
        key = name.strip().casefold()
        for group, members in self.groups().items():
            if group.casefold() == key:
                return members
        return None


def expand(
    text: str, book: AddressBook, contact_type: ContactType, *, region: str = DEFAULT_REGION
) -> str:
    """The contacts field `text` with every person's and group's name replaced by their
    addresses (or numbers, by `contact_type`), comma-separated; duplicates dropped. Addresses
    typed as such are left for `gui.core.validation` to check.

    Raises `InvalidTicket` (one `FieldError` for ``contacts``) naming each person without an
    address of that type and each member whose address is not valid.
    """
    normalise = normalise_email if contact_type is ContactType.EMAIL else normalise_phone
    missing = _NO_EMAIL if contact_type is ContactType.EMAIL else _NO_PHONE
    entries: list[str] = []
    problems: list[Message] = []

    def add(entry: str) -> None:
        if entry not in entries:
            entries.append(entry)

    for entry in split_contacts(text):
        person = book.person(entry)
        members = (person,) if person is not None else book.group(entry)
        if members is None:
            add(entry)
            continue
        for member in members:
            address = member.address(contact_type).strip()
            if not address:
                problems.append(missing.format(name=member.name))
                continue
            try:
                add(normalise(address, region=region))
            except ValueError as error:
                problem = error.args[0] if error.args else str(error)
                problems.append(_MEMBER_PROBLEM.format(name=member.name, problem=problem))
    if problems:
        unique = list(dict.fromkeys(problems))
        raise InvalidTicket([FieldError("contacts", join(unique))])
    return ", ".join(entries)


def validate_with(
    draft: TicketDraft, book: AddressBook, *, now: datetime, region: str = DEFAULT_REGION
) -> TicketUpdate:
    """`gui.core.validation.validate` of `draft` with its contacts expanded from `book`; the
    problems of the expansion come with the other fields' in one `InvalidTicket`."""
    from gui.core.validation import validate

    if not draft.notify or draft.type is None or not book.people:
        return validate(draft, now=now, region=region)
    try:
        contacts = expand(draft.contacts, book, draft.type, region=region)
    except InvalidTicket as invalid:
        errors = list(invalid.field_errors)
        # The other fields are still checked, so that every mistake is said at once.
        try:
            validate(dataclasses.replace(draft, notify=False), now=now, region=region)
        except InvalidTicket as others:
            errors.extend(others.field_errors)
        errors.sort(key=lambda error: FIELDS.index(error.field))
        raise InvalidTicket(errors) from None
    return validate(dataclasses.replace(draft, contacts=contacts), now=now, region=region)


def not_in_book(
    used: Iterable[str],
    book: AddressBook,
    contact_type: ContactType,
    *,
    region: str = DEFAULT_REGION,
) -> list[str]:
    """The contacts of `used` (as the outbox's history keeps them) that are no one's address
    of `contact_type` in `book`, in their order, each once. Compared normalised as the form
    sends them (an email address in any case, a number however it is written, for `region`);
    an entry that does not normalise is compared as written."""
    known = set(book.addresses(contact_type, region=region))
    found: dict[str, str] = {}
    for entry in used:
        if entry.strip() and (seen := address_key(entry, contact_type, region=region)) not in known:
            found.setdefault(seen, entry.strip())
    return list(found.values())


def address_key(address: str, contact_type: ContactType, *, region: str = DEFAULT_REGION) -> str:
    """`address` as two spellings of one address or number compare alike: as the form sends
    it (`gui.core.contacts`), in any case; as written when it does not normalise."""
    normalise = normalise_email if contact_type is ContactType.EMAIL else normalise_phone
    try:
        address = normalise(address.strip(), region=region)
    except ValueError:
        address = address.strip()
    return address.casefold()


def person_problems(
    person: Person, others: Iterable[Person], *, region: str = DEFAULT_REGION
) -> dict[str, list[Message]]:
    """What is wrong with `person`, by field (``name``, ``email``, ``phone``): a name missing
    or another contact's, no address at all, an address the form would refuse."""
    found: dict[str, list[Message]] = {}
    name = person.name.strip()
    if not name:
        found.setdefault("name", []).append(_NO_NAME)
    elif _SEPARATOR_CHARACTERS & set(name):
        found.setdefault("name", []).append(_NAME_SEPARATOR)
    elif any(o.name.casefold() == name.casefold() and o.id != person.id for o in others):
        found.setdefault("name", []).append(_NAME_TAKEN.format(name=name))
    if not person.email.strip() and not person.phone.strip():
        found.setdefault("email", []).append(_NO_ADDRESS)
    for key, value, normalise in (
        ("email", person.email.strip(), normalise_email),
        ("phone", person.phone.strip(), normalise_phone),
    ):
        if value:
            try:
                normalise(value, region=region)
            except ValueError as error:
                text = error.args[0] if error.args else str(error)
                found.setdefault(key, []).append(
                    text if isinstance(text, Message) else plain(str(text))
                )
    for group in person.groups:
        if _SEPARATOR_CHARACTERS & set(group):
            found.setdefault("groups", []).append(_NAME_SEPARATOR)
            break
    return found


def cleaned(person: Person) -> Person:
    """`person` as stored: trimmed, its groups without empty names or repeats."""
    groups: dict[str, str] = {}
    for group in person.groups:
        name = group.strip()
        if name:
            groups.setdefault(name.casefold(), name)
    return dataclasses.replace(
        person,
        name=person.name.strip(),
        email=person.email.strip(),
        phone=person.phone.strip(),
        groups=tuple(groups.values()),
    )


def split_groups(text: str) -> tuple[str, ...]:
    """The group names of a comma-separated list (the dialog's `contactGroups`)."""
    return tuple(split_contacts(text))


def check(person: Person, others: Sequence[Person], *, region: str = DEFAULT_REGION) -> None:
    """`ContactError` with every problem of `person`; nothing when it can be saved."""
    found = person_problems(person, others, region=region)
    if found:
        raise ContactError(join([text for texts in found.values() for text in texts]))


#: The columns of a contacts CSV file (the first row names them, in any order and case).
CSV_COLUMNS = ("name", "email", "phone", "groups")
#: The largest contacts CSV file read.
MAX_CSV_BYTES = 5 * 1024 * 1024


def from_csv(data: bytes) -> list[tuple[int, Person]]:
    """The people of a CSV file, each with its row in the file (1 is the header): a ``name``
    column and any of ``email``, ``phone`` and ``groups`` (group names separated by commas in
    a quoted cell, or by semicolons); UTF-8, with or without a byte order mark. `ContactError`
    for a file that cannot be read so."""
    import csv
    import io

    if len(data) > MAX_CSV_BYTES:
        raise ContactError(FILE_TOO_LARGE.format(megabytes=MAX_CSV_BYTES // (1024 * 1024)))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContactError(FILE_NOT_UTF8) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip().casefold() for cell in next(reader, [])]
    if "name" not in header:
        raise ContactError(_CSV_NO_NAME)
    people: list[tuple[int, Person]] = []
    for row in reader:
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, row, strict=False))
        person = Person(
            cells.get("name", ""),
            email=cells.get("email", ""),
            phone=cells.get("phone", ""),
            groups=split_groups(cells.get("groups", "")),
        )
        people.append((reader.line_num, person))
    return people


def merged(
    existing: Sequence[Person],
    incoming: Sequence[tuple[int, Person]],
    *,
    region: str = DEFAULT_REGION,
    row_message: Message | None = None,
) -> list[Person]:
    """`incoming` as it is stored over `existing`: a person whose name (in any case) is there
    already keeps its row, takes the file's email and phone where the file has them, and joins
    the file's groups; the others are new. `ContactError` naming each row with a problem, in
    `row_message` ({row}, {problem}; "Row 3: …" if None, a vCard file's "Card 3: …")."""
    by_name = {person.name.casefold(): person for person in existing}
    result: list[Person] = []
    problems: list[Message] = []
    for row, person in incoming:
        person = cleaned(person)
        known = by_name.get(person.name.casefold())
        if known is not None:
            person = cleaned(
                dataclasses.replace(
                    known,
                    email=person.email or known.email,
                    phone=person.phone or known.phone,
                    groups=(*known.groups, *person.groups),
                )
            )
        others = [
            p for p in (*by_name.values(), *result) if p.name.casefold() != person.name.casefold()
        ]
        found = person_problems(person, others, region=region)
        if found:
            texts = [text for texts in found.values() for text in texts]
            problems.append((row_message or CSV_ROW_PROBLEM).format(row=row, problem=join(texts)))
            continue
        result.append(person)
        by_name[person.name.casefold()] = person
    if problems:
        raise ContactError(join([*problems, _CSV_NOTHING]))
    return result


#: Why a contacts file (CSV or vCard, gui.core.vcards) is not read at all.
FILE_TOO_LARGE = QT_TRANSLATE_NOOP("address_book", "The file is over {megabytes} MB.")
FILE_NOT_UTF8 = QT_TRANSLATE_NOOP("address_book", "The file is not UTF-8 text.")
_CSV_NO_NAME = QT_TRANSLATE_NOOP(
    "address_book", "The file's first row must name its columns: name, email, phone, groups."
)
CSV_ROW_PROBLEM = QT_TRANSLATE_NOOP("address_book", "Row {row}: {problem}")
_CSV_NOTHING = QT_TRANSLATE_NOOP("address_book", "Nothing was imported.")
