"""The window's contact book: `ContactsKeeper` reads and writes it off the GUI thread, and
`ContactsBook` wires it into the window: the contacts field's completions, the expansion of
names and groups when the form is sent, and File ▸ Contacts… (`contactsAction`).

The book is in the real outbox file (``data_folder()/outbox.sqlite3``) for the sandbox's window
too, as the templates are (`gui.ui.template_keeper`): Particle Space's window reads and writes
it on its outbox dispatcher's thread, the sandbox's on a thread of the keeper's own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gui.core.app_folders import OUTBOX_FILE_NAME
from gui.core.fields import ContactType
from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message, plain
from gui.ui.i18n import translated
from gui.ui.list_completer import Completion
from gui.ui.real_file_store import RealFileStore

if TYPE_CHECKING:
    from gui.core.address_book import AddressBook, Person
    from gui.core.delivery import Delivery
    from gui.core.outbox import OutboxStore
    from gui.core.outbox.address_book import AddressBookStore, SavedPerson
    from gui.ui.contacts_dialog import ContactsDialog
    from gui.ui.dispatcher import OutboxDispatcher
    from gui.ui.main_window import MainWindow

log = logging.getLogger(__name__)

T = TypeVar("T")

contacts_book = Context("contacts_book")


class ContactsKeeper(QObject):
    """Reads and writes the book on the thread of `outbox` (whose file holds it), or with no
    `outbox` in the outbox file at `path`, on a thread of its own.

    Signals:
        changed(AddressBook): the book now, after a load or a change.
        failed(Message): the book could not be read or changed; what was asked did not happen.
    """

    changed = Signal(object)
    failed = Signal(object)

    def __init__(
        self, *, path: Path, outbox: OutboxDispatcher | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._book: AddressBook | None = None  # the last book `changed` carried
        self._store: RealFileStore[AddressBookStore] = RealFileStore(
            path=path,
            outbox=outbox,
            open_own=_open_address_book,
            of_outbox=lambda store: store.address_book,
            name="contact book",
            parent=self,
        )

    @property
    def book(self) -> AddressBook:
        """The book as last read or changed; empty until then (the window reads it once it
        has been painted: the book's module is not needed for the first frame)."""
        if self._book is None:
            from gui.core.address_book import AddressBook

            self._book = AddressBook()
        return self._book

    def load(self) -> None:
        self._run(lambda store: store.book(), self._on_book)

    def save(
        self,
        person: Person,
        *,
        region: str,
        on_saved: Callable[[Person], None],
        on_refused: Callable[[Message], None],
    ) -> None:
        """Store `person`; then `on_saved(stored)`, or `on_refused(why)`."""

        def saved(result: SavedPerson) -> None:
            self._on_book(result.book)
            on_saved(result.person)

        self._run(lambda store: store.save(person, region=region), saved, on_refused)

    def import_file(
        self,
        path: Path,
        *,
        region: str,
        on_done: Callable[[Message], None],
        on_refused: Callable[[Message], None],
    ) -> None:
        """Add and update the people of the contacts file at `path`, CSV or vCard (read on the
        worker thread, which tells one from the other by its content:
        `gui.core.vcards.people_of_file`); `on_done(what happened)`, or `on_refused(why)` with
        nothing imported."""

        def read(store: AddressBookStore) -> tuple[int, AddressBook]:
            from gui.core.vcards import MAX_VCARD_BYTES

            with open(path, "rb") as file:
                data = file.read(MAX_VCARD_BYTES + 1)  # the CSV files' limit too
            return store.import_file(data, region=region)

        def imported(result: tuple[int, AddressBook]) -> None:
            count, book = result
            self._on_book(book)
            on_done(contacts_book.tr("Imported %n contacts.", "Imported %n contact.", count))

        self._run(read, imported, on_refused)

    def delete(self, person: Person) -> None:
        self._run(lambda store: store.delete(person), self._on_book)

    def shutdown(self) -> None:
        """Close the file on the keeper's own thread and wait (bounded). Idempotent."""
        self._store.shutdown()

    def _on_book(self, book: AddressBook) -> None:
        self._book = book
        self.changed.emit(book)

    def _run(
        self,
        function: Callable[[AddressBookStore], T],
        on_result: Callable[[T], None],
        on_refused: Callable[[Message], None] | None = None,
    ) -> None:
        def failed(error: Exception) -> None:
            (on_refused or self.failed.emit)(_describe(error))

        self._store.run(function, on_result, failed)


def _open_address_book(path: Path) -> AddressBookStore:
    """The book's own store on the real outbox file (the sandbox window's)."""
    from gui.core.outbox.address_book import AddressBookStore

    return AddressBookStore(path)


def completions(
    book: AddressBook, contact_type: ContactType, known: Sequence[str]
) -> list[Completion]:
    """What the contacts field offers: the people with an address of `contact_type` ("María
    López · (202) 555-0123", found by name or address), the groups ("Tenants 3C · group of 4")
    and the contacts used before; choosing a person or a group inserts its name."""
    offered: list[Completion] = []
    for person in book.people:
        address = person.address(contact_type)
        if address:
            offered.append(
                Completion(f"{person.name} · {address}", person.name, (person.name, address))
            )
    for group, members in book.groups().items():
        if not any(member.address(contact_type) for member in members):
            continue  # nobody in it can be reached so
        shown = translated(
            contacts_book.tr("{group} · group of %n", "{group} · group of %n", len(members)).format(
                group=group
            )
        )
        offered.append(Completion(shown, group, (group,)))
    offered.extend(Completion(contact, contact, (contact,)) for contact in known)
    return offered


class UsedContacts(QObject):
    """The addresses and numbers used in sends (the history of `outbox`, read on its thread)
    that are no contact's in `keeper`'s book: what the contact book offers for adding.

    The sandbox's window asks its own outbox (the sandbox's file), so its dialog offers what
    was sent to the sandbox; the book is the real file's either way.

    Signals:
        changed(list): the suggestions now, `(ContactType, address)` pairs, emails first, each
            type's most recently used first (after a `refresh`).
        outdated(): a send went out with a notification: a `refresh` may find more.
    """

    changed = Signal(object)
    outdated = Signal()

    def __init__(
        self,
        *,
        outbox: OutboxDispatcher,
        keeper: ContactsKeeper,
        region: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._keeper = keeper
        self._region = region
        self._asked = 0  # the latest refresh's number: an older answer is dropped
        outbox.attempted.connect(self._on_outbox_attempted)

    def refresh(self) -> None:
        """Read the history again against the book as it is now; then `changed`."""
        from gui.core.address_book import not_in_book

        book, region = self._keeper.book, self._region()
        self._asked += 1
        asked = self._asked

        def read(store: OutboxStore) -> list[tuple[ContactType, str]]:
            return [
                (kind, entry)
                for kind in (ContactType.EMAIL, ContactType.SMS)
                for entry in not_in_book(store.contacts(kind), book, kind, region=region)
            ]

        def settle(found: list[tuple[ContactType, str]]) -> None:
            if asked == self._asked:
                self.changed.emit(found)

        self._outbox.run_on_store(read, settle)

    def _on_outbox_attempted(self, delivery: Delivery) -> None:
        if delivery.succeeded and delivery.item.notify:
            self.outdated.emit()


class ContactsBook(QObject):
    """The window's book (`keeper`): loaded after the first paint, offered by the contacts
    field, used when the form is sent, shown and edited in File ▸ Contacts…."""

    @classmethod
    def of(cls, window: MainWindow) -> ContactsBook:
        region = window.settings.sms_region
        keeper = ContactsKeeper(
            path=window.settings.data_folder() / OUTBOX_FILE_NAME,
            outbox=window.outbox if window.sandbox is None else None,
        )
        used = UsedContacts(outbox=window.outbox, keeper=keeper, region=region)
        book = cls(keeper=keeper, region=region, used=used, parent=window)
        window.first_painted.connect(keeper.load)
        window.sending.address_book = lambda: keeper.book
        window.filler.completions = lambda kind, known: completions(keeper.book, kind, known)
        keeper.changed.connect(window.filler.load_known_contacts)
        window.menus.contacts_action.triggered.connect(book.open)
        return book

    def __init__(
        self,
        *,
        keeper: ContactsKeeper,
        region: Callable[[], str],
        used: UsedContacts | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        keeper.setParent(self)
        self.keeper = keeper
        self.region = region
        self.used = used
        if used is not None:
            used.setParent(self)
        self.dialog: ContactsDialog | None = None

    def open(self) -> ContactsDialog:
        """Show File ▸ Contacts… (again the same dialog, raised, while it is open)."""
        if self.dialog is None:
            from gui.ui.contacts_dialog import ContactsDialog

            parent = self.parent()
            self.dialog = ContactsDialog(
                keeper=self.keeper,
                region=self.region,
                used=self.used,
                parent=parent if isinstance(parent, QWidget) else None,
            )
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def shutdown(self) -> None:
        self.keeper.shutdown()


def _describe(error: Exception) -> Message:
    from gui.core.address_book import ContactError
    from gui.core.outbox import OutboxCorrupt

    if isinstance(error, ContactError | OutboxCorrupt) and isinstance(error.message, Message):
        return error.message
    if isinstance(error, OSError):
        return QT_TRANSLATE_NOOP("ContactsKeeper", "The file could not be used: {error}").format(
            error=plain(error.strerror or str(error))
        )
    log.error("the contact book failed", exc_info=error)
    return QT_TRANSLATE_NOOP(
        "ContactsKeeper", "The contacts could not be read or saved: {error}"
    ).format(error=plain(str(error)))
