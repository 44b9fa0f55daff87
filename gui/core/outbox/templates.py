"""Message templates in the outbox file (schema 6's ``templates`` table): `TemplateStore`, and
the SQL on a connection it runs (the caller holds the transaction).

The file is the real outbox (``data_folder()/outbox.sqlite3``) for both windows: templates are
the user's, and one made while trying the sandbox is there after signing in. Which templates
the user sees, and in which language the starters are, is `gui.core.templates.visible`'s.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from gui.core.fields import ContactType
from gui.core.messages import join
from gui.core.outbox.database import Database
from gui.core.template_files import Merge, from_file, merge
from gui.core.templates import STARTER_KEYS, Template, TemplateError, problems, visible

_COLUMNS = "id, starter, name, subject, message, type, status"


class Saved(NamedTuple):
    """A template as `TemplateStore.save` stored it (with its row), and the list after."""

    template: Template
    templates: list[Template]


class Imported(NamedTuple):
    """What `TemplateStore.import_file` added and updated, and the list after."""

    merge: Merge
    templates: list[Template]


class TemplateStore:
    """The user's templates in the outbox file at `path`, as the user sees them in `language`
    (each call says which: the user may switch while the window is open).

    Safe to use from several threads, each with its own connection (`Database`); the window
    uses it from one worker thread: the outbox's (`OutboxStore.templates`), or in the sandbox's
    window one of its own on the real file.

    Errors: `TemplateError` (a template that cannot be saved, a file that cannot be imported;
    nothing changed), `sqlite3.Error` or `OSError` when the file cannot be written,
    `gui.core.outbox.OutboxCorrupt` when it turned out damaged.
    """

    def __init__(self, path: Path, *, database: Database | None = None) -> None:
        self.path = Path(path)
        # An OutboxStore's own (`OutboxStore.templates`): one process checks, and if need be
        # moves aside, a damaged file once, not once per store.
        self._database = database if database is not None else Database(self.path)

    def templates(self, language: str) -> list[Template]:
        with self._reading() as connection:
            return shown(connection, language)

    def save(self, template: Template, language: str) -> Saved:
        """Store `template`: a new one (no row, no starter), a changed one (its row), or a
        starter the user changed, which becomes the user's own. Refused (`TemplateError`) when
        it has problems or another template has its name."""
        with self._writing() as connection:
            found = problems(template, shown(connection, language))
            if found:
                raise TemplateError(join([text for texts in found.values() for text in texts]))
            stored = store(connection, template)
            return Saved(stored, shown(connection, language))

    def delete(self, template: Template, language: str) -> list[Template]:
        """Remove `template`; a starter stays hidden from then on."""
        with self._writing() as connection:
            remove(connection, template)
            return shown(connection, language)

    def import_file(self, data: bytes, language: str) -> Imported:
        """Add the templates of an export file's `data` and update those of the same name, in
        one transaction; a file with any problem (`TemplateError`) changes nothing."""
        incoming = from_file(data)
        with self._writing() as connection:
            merged = merge(shown(connection, language), incoming)
            for template in (*merged.updated, *merged.added):
                store(connection, template)
            return Imported(merged, shown(connection, language))

    def close(self) -> None:
        """Close the calling thread's connection."""
        self._database.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._database.guarded():
            yield self._database.connection()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._database.guarded(), self._database.writing() as connection:
            yield connection


def shown(connection: sqlite3.Connection, language: str) -> list[Template]:
    """The templates the user sees in `language` (`gui.core.templates.visible`)."""
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM templates WHERE hidden = 0 ORDER BY id"  # nosec B608
    )
    stored = [_template(row) for row in rows]
    hidden = {
        str(key) for (key,) in connection.execute("SELECT starter FROM templates WHERE hidden = 1")
    }
    return visible(stored, hidden, language)


def store(connection: sqlite3.Connection, template: Template) -> Template:
    """Write `template` (its row, or a new one); the template as stored."""
    values = (
        template.name.strip(),
        template.subject,
        template.message,
        template.contact_type.value if template.contact_type else "",
        template.status.strip(),
    )
    if template.id is not None:
        connection.execute(
            "UPDATE templates SET name = ?, subject = ?, message = ?, type = ?, status = ?"
            " WHERE id = ?",
            (*values, template.id),
        )
        where: tuple[str, object] = ("id = ?", template.id)
    else:
        key = template.starter if template.starter in STARTER_KEYS else ""
        cursor = connection.execute(
            "INSERT INTO templates (starter, name, subject, message, type, status)"
            " VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (starter) WHERE starter != '' DO UPDATE SET hidden = 0,"
            " name = excluded.name, subject = excluded.subject, message = excluded.message,"
            " type = excluded.type, status = excluded.status",
            (key, *values),
        )
        # An upsert that updated a starter's row leaves no lastrowid of that row.
        where = ("starter = ?", key) if key else ("id = ?", cursor.lastrowid)
    condition, argument = where
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM templates WHERE {condition}",  # nosec B608
        (argument,),
    ).fetchone()
    return _template(row)


def remove(connection: sqlite3.Connection, template: Template) -> None:
    """Delete `template`'s row; for a starter, keep a hidden row that says it was deleted."""
    if template.starter in STARTER_KEYS:
        connection.execute(
            "INSERT INTO templates (starter, hidden, name, subject, message)"
            " VALUES (?, 1, '', '', '')"
            " ON CONFLICT (starter) WHERE starter != '' DO UPDATE SET hidden = 1",
            (template.starter,),
        )
    elif template.id is not None:
        connection.execute("DELETE FROM templates WHERE id = ?", (template.id,))


def _template(row: tuple[Any, ...]) -> Template:
    row_id, starter, name, subject, message, kind, status = row
    return Template(
        name,
        subject,
        message,
        contact_type=ContactType(kind) if kind else None,
        status=status,
        id=row_id,
        starter=starter,
    )
