"""The file that carries templates from one computer to another: an office shares one set.

UTF-8 JSON, small (at most `MAX_FILE_BYTES`, `MAX_TEMPLATES`), with its format and version::

    {"format": "particle-tickets-templates", "version": 1,
     "templates": [{"name": "…", "subject": "…", "message": "…",
                    "type": "email" | "sms" | null, "status": "ON_HOLD" | null}]}

``type`` and ``status`` null (or missing) keep what the form has. A file an app reads is checked
whole (`from_file`): one template it cannot use and none is imported. An import adds the file's
templates and updates those with the same name, in any case (`merge`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from gui.core.fields import ContactType
from gui.core.messages import QT_TRANSLATE_NOOP, Context, Message, join, plain
from gui.core.templates import (
    FIELD_ORDER,
    TEXT_FIELDS,
    Template,
    TemplateError,
    name_key,
    problems,
)

template_files = Context("template_files")

#: The export file's "format" and "version" (an app reads the versions up to its own).
FILE_FORMAT = "particle-tickets-templates"
FILE_VERSION = 1
#: What an import reads at most: a file of templates is small.
MAX_FILE_BYTES = 1_000_000
MAX_TEMPLATES = 500


def to_file(items: Iterable[Template]) -> str:
    """The export file's text (UTF-8 JSON) for `items`."""
    import json

    document = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "templates": [
            {
                "name": template.name,
                "subject": template.subject,
                "message": template.message,
                "type": template.contact_type.value if template.contact_type else None,
                "status": template.status or None,
            }
            for template in items
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def from_file(data: bytes) -> list[Template]:
    """The templates of an export file; `TemplateError` (saying what and where) when the file
    is not one or any of its templates cannot be used: then none of them is."""
    import json

    if len(data) > MAX_FILE_BYTES:
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "template_files",
                "The file is larger than {limit:,} bytes: it is not a templates file.",
            ).format(limit=MAX_FILE_BYTES)
        )
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise TemplateError(_not_ours()) from None
    except json.JSONDecodeError as error:
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "template_files",
                "The file is damaged: it stops making sense at line {line}, column {column}.",
            ).format(line=error.lineno, column=error.colno)
        ) from None
    except RecursionError:
        raise TemplateError(_not_ours()) from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise TemplateError(_not_ours())
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TemplateError(_not_ours())
    if version > FILE_VERSION:
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "template_files",
                "The file was written by a newer version of the app (version {version}; this "
                "app reads version {known}).",
            ).format(version=version, known=FILE_VERSION)
        )
    entries = document.get("templates")
    if not isinstance(entries, list):
        raise TemplateError(_not_ours())
    if len(entries) > MAX_TEMPLATES:
        raise TemplateError(
            QT_TRANSLATE_NOOP(
                "template_files", "The file has more than {limit:,} templates."
            ).format(limit=MAX_TEMPLATES)
        )
    read: list[Template] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        template = _entry(entry, number)
        found = problems(template)
        if name_key(template.name) in names:
            found.setdefault("name", []).append(
                QT_TRANSLATE_NOOP("template_files", "An earlier template has the same name.")
            )
        if found:
            first = min(found, key=FIELD_ORDER.index)
            raise TemplateError(_in_entry(number, template.name, join(found[first])))
        names.add(name_key(template.name))
        read.append(template)
    return read


def _entry(entry: Any, number: int) -> Template:
    if not isinstance(entry, dict):
        raise TemplateError(
            _in_entry(number, "", QT_TRANSLATE_NOOP("template_files", "It is not a template."))
        )
    texts = {}
    for field in TEXT_FIELDS:
        value = entry.get(field, "" if field != "name" else None)
        if not isinstance(value, str):
            raise TemplateError(
                _in_entry(
                    number,
                    "",
                    QT_TRANSLATE_NOOP(
                        "template_files", "Its {field} is missing or not text."
                    ).format(field=plain(field)),
                )
            )
        texts[field] = value
    kind, status = entry.get("type"), entry.get("status")
    if kind not in (None, *ContactType):
        raise TemplateError(
            _in_entry(
                number,
                texts["name"],
                QT_TRANSLATE_NOOP("template_files", 'Its type must be "email", "sms" or null.'),
            )
        )
    if status is not None and not isinstance(status, str):
        raise TemplateError(
            _in_entry(
                number,
                texts["name"],
                QT_TRANSLATE_NOOP("template_files", "Its status must be text or null."),
            )
        )
    return Template(
        texts["name"].strip(),
        texts["subject"],
        texts["message"],
        contact_type=ContactType(kind) if kind is not None else None,
        status=(status or "").strip(),
    )


def _not_ours() -> Message:
    return QT_TRANSLATE_NOOP(
        "template_files", "The file is not a templates file exported by Particle Tickets."
    )


def _in_entry(number: int, name: str, problem: Message) -> Message:
    if name.strip():
        where = QT_TRANSLATE_NOOP(
            "template_files", "Template {number} ({name}) in the file:"
        ).format(number=number, name=plain(name.strip()))
    else:
        where = QT_TRANSLATE_NOOP("template_files", "Template {number} in the file:").format(
            number=number
        )
    return join([where, problem, QT_TRANSLATE_NOOP("template_files", "Nothing was imported.")])


# --- Importing -----------------------------------------------------------------------------


class Merge(NamedTuple):
    """What an import changes: the templates to add, and those to update (with their row or
    starter kept)."""

    added: list[Template]
    updated: list[Template]

    def report(self) -> Message:
        """What the import did, in words."""
        if not self.added and not self.updated:
            return QT_TRANSLATE_NOOP(
                "template_files", "Nothing was imported: the file's templates are all here already."
            )
        parts = []
        if self.added:
            parts.append(
                template_files.tr("Added %n templates.", "Added %n template.", len(self.added))
            )
        if self.updated:
            parts.append(
                template_files.tr(
                    "Updated %n templates.", "Updated %n template.", len(self.updated)
                )
            )
        return join(parts)


def merge(current: Sequence[Template], incoming: Iterable[Template]) -> Merge:
    """Add each of `incoming` that no template of `current` is named as (any case); update the
    ones that are, when they differ."""
    by_name = {name_key(template.name): template for template in current}
    added, updated = [], []
    for template in incoming:
        existing = by_name.get(name_key(template.name))
        if existing is None:
            added.append(dataclasses.replace(template, id=None, starter=""))
        elif existing.content() != template.content():
            updated.append(existing.with_content_of(template))
    return Merge(added, updated)


def exported(count: int, file_name: str) -> Message:
    """What Export says once the file is written."""
    return template_files.tr(
        "Exported %n templates to {file}.", "Exported %n template to {file}.", count
    ).format(file=plain(file_name))
