"""Message templates: saved notices (a subject and a message, and optionally the contact type and
the status they go with) that the window inserts into the form, without Qt.

A template's texts may hold placeholders, filled in when it is inserted (`fill`):

=============  ===========================================================================
``{ticket}``   the form's ticket id (nothing for a new ticket)
``{title}``    the form's title
``{status}``   the form's status (its code, as it is sent)
``{date}``     the notification's send time if the form has one, else now: the short date
``{time}``     the same moment's time of day
=============  ===========================================================================

Braces themselves are written twice (``{{`` and ``}}``), as in Python's `str.format`, whose
parser (`string.Formatter.parse`) finds the placeholders. Any other name, a format after the
name (``{date:%Y}``) or a lone brace is a problem (`placeholder_problems`), said with the name.

A few starter templates (`STARTERS`) ship in every language the app speaks and follow the user's
language while the user never changed them; a changed starter is the user's own from then on (its
stored texts no longer follow the language), a deleted one stays hidden. `visible` makes the list
the user sees from what the outbox file stores (`gui.core.outbox.templates`).

Templates travel between computers as a small JSON file: `gui.core.template_files`.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import NamedTuple

from gui.core.fields import LINE_LIMIT, MESSAGE_LIMIT, STATUS_LIMIT, ContactType
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join, plain

#: The placeholders a template may hold, in the order the help lists them.
PLACEHOLDERS = ("ticket", "title", "status", "date", "time")
#: The longest name; the subject and the message take what the form's fields take.
NAME_LIMIT = 100
_LIMITS = {"name": NAME_LIMIT, "subject": LINE_LIMIT, "message": MESSAGE_LIMIT}
#: The fields of a template that the user writes, in the editor's order.
TEXT_FIELDS = ("name", "subject", "message")
FIELD_ORDER = (*TEXT_FIELDS, "status")


class TemplateError(ValueError):
    """A template or a templates file that cannot be used; `message` says why, in words."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message


@dataclasses.dataclass(frozen=True)
class Template:
    """One template. `id` is its row in the outbox file (None: a starter the user never changed,
    or one not stored yet); `starter` is the key of the starter it is or was ('' for the user's
    own). `contact_type` None and `status` '' keep what the form has."""

    name: str
    subject: str = ""
    message: str = ""
    contact_type: ContactType | None = None
    status: str = ""
    id: int | None = None
    starter: str = ""

    @property
    def identity(self) -> tuple[int | None, str]:
        """What names this template whatever its texts: its row, or the starter it is."""
        return (self.id, self.starter if self.id is None else "")

    @property
    def follows_language(self) -> bool:
        """A starter the user never changed: shown in the user's language."""
        return self.id is None and bool(self.starter)

    def content(self) -> tuple[str, str, str, ContactType | None, str]:
        return (self.name, self.subject, self.message, self.contact_type, self.status)

    def with_content_of(self, other: Template) -> Template:
        """This template (its row, its starter) with `other`'s texts, type and status."""
        return dataclasses.replace(
            self,
            name=other.name,
            subject=other.subject,
            message=other.message,
            contact_type=other.contact_type,
            status=other.status,
        )


def name_key(name: str) -> str:
    """What two names must differ in: "Water" and " water " are the same name."""
    return " ".join(name.split()).casefold()


# --- Placeholders --------------------------------------------------------------------------


def placeholder_problems(text: str) -> list[Message]:
    """What is wrong with the placeholders of `text`, each problem once; [] when none."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:  # "Single '}' encountered", "unmatched '{'", "expected '}'"
        return [
            QT_TRANSLATE_NOOP(
                "templates",
                "A brace is not closed or not opened. Write a placeholder as {example}, and a "
                "brace itself twice ({braces}).",
            ).format(example=plain("{title}"), braces=plain("{{ }}"))
        ]
    found: list[Message] = []
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if field in PLACEHOLDERS and (spec or conversion):
            written = "{" + field + (f"!{conversion}" if conversion else "")
            written += (f":{spec}" if spec else "") + "}"
            problem = QT_TRANSLATE_NOOP(
                "templates", "Write the placeholder {written} as {placeholder}."
            ).format(written=plain(written), placeholder=plain("{" + field + "}"))
        elif field not in PLACEHOLDERS:
            problem = QT_TRANSLATE_NOOP(
                "templates", "Unknown placeholder {placeholder}. You can use {known}."
            ).format(
                placeholder=plain("{" + field + "}"),
                known=plain(", ".join("{" + name + "}" for name in PLACEHOLDERS)),
            )
        else:
            continue
        if problem not in found:
            found.append(problem)
    return found


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with its placeholders replaced by `values` (one for each of `PLACEHOLDERS`) and
    its doubled braces made single; `TemplateError` if a placeholder is wrong."""
    wrong = placeholder_problems(text)
    if wrong:
        raise TemplateError(join(wrong))
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(text):
        parts.append(literal)
        if field is not None:
            parts.append(values.get(field, ""))
    return "".join(parts)


def problems(template: Template, others: Iterable[Template] = ()) -> dict[str, list[Message]]:
    """What must be fixed before `template` can be saved, by field (`TEXT_FIELDS`, "status"):
    no name, a name one of `others` has, a text too long, a placeholder that is wrong."""
    found: dict[str, list[Message]] = {}
    if not template.name.strip():
        found.setdefault("name", []).append(
            QT_TRANSLATE_NOOP("templates", "Give the template a name.")
        )
    elif any(
        name_key(other.name) == name_key(template.name) and other.identity != template.identity
        for other in others
    ):
        found.setdefault("name", []).append(
            QT_TRANSLATE_NOOP("templates", "Another template is named {name}.").format(
                name=plain(template.name.strip())
            )
        )
    for field in TEXT_FIELDS:
        text = getattr(template, field)
        if len(text) > _LIMITS[field]:
            found.setdefault(field, []).append(
                QT_TRANSLATE_NOOP(
                    "templates", "This takes at most {limit:,} characters; it has {count:,}."
                ).format(limit=_LIMITS[field], count=len(text))
            )
        if field != "name":
            found.setdefault(field, []).extend(placeholder_problems(text))
    if len(template.status) > STATUS_LIMIT or "\n" in template.status:
        found.setdefault("status", []).append(
            QT_TRANSLATE_NOOP(
                "templates", "A status is one line of at most {limit:,} characters."
            ).format(limit=STATUS_LIMIT)
        )
    return {field: texts for field, texts in found.items() if texts}


# --- Starters ------------------------------------------------------------------------------


class _Text(NamedTuple):
    name: str
    subject: str
    message: str


class Starter(NamedTuple):
    """A template that ships with the app: its texts in each language, by language code."""

    key: str
    texts: Mapping[str, _Text]
    status: str = ""


#: The starter templates, in the order the menu shows them; English first in each.
STARTERS: tuple[Starter, ...] = (
    Starter(
        "water-shut-off",
        {
            "en": _Text(
                "Water shut-off",
                "Water shut-off on {date}",
                "Dear tenants, the water will be shut off on {date} from 9:00 to 11:00 for "
                "repairs. Please keep some water at hand. Thank you for your patience.",
            ),
            "es": _Text(
                "Corte de agua",
                "Corte de agua el {date}",
                "Estimados inquilinos: el {date} se cortará el agua de 9:00 a 11:00 por "
                "reparaciones. Les recomendamos guardar algo de agua. Gracias por su paciencia.",
            ),
        },
    ),
    Starter(
        "technician-visit",
        {
            "en": _Text(
                "Technician visit",
                "Technician visit: {title}",
                'Hello, a technician will come tomorrow about "{title}". Please make sure '
                "someone can let them in, or reply to tell us a better time.",
            ),
            "es": _Text(
                "Visita del técnico",
                "Visita del técnico: {title}",
                "Hola: mañana vendrá un técnico por «{title}». Asegúrese de que alguien pueda "
                "abrirle, o responda para indicarnos un mejor momento.",
            ),
        },
    ),
    Starter(
        "waiting-for-part",
        {
            "en": _Text(
                "Waiting for a part",
                "On hold: {title}",
                'Hello, the work on "{title}" is on hold while we wait for a part. We will let '
                "you know as soon as it goes on.",
            ),
            "es": _Text(
                "Esperando una pieza",
                "En espera: {title}",
                "Hola: el trabajo de «{title}» está en espera mientras llega una pieza. Le "
                "avisaremos en cuanto continúe.",
            ),
        },
        status="ON_HOLD",
    ),
    Starter(
        "work-done",
        {
            "en": _Text(
                "Work done",
                "Done: {title}",
                'Hello, the work on "{title}" was finished on {date} at {time}. Thank you for '
                "your patience. Reply to this message if anything is still wrong.",
            ),
            "es": _Text(
                "Trabajo terminado",
                "Terminado: {title}",
                "Hola: el trabajo de «{title}» se terminó el {date} a las {time}. Gracias por "
                "su paciencia. Responda a este mensaje si algo sigue sin funcionar.",
            ),
        },
    ),
)
STARTER_KEYS = frozenset(starter.key for starter in STARTERS)


def starter(item: Starter, language: str) -> Template:
    """`item` in `language` (English when it has no texts in that language)."""
    text = item.texts.get(language) or item.texts["en"]
    return Template(text.name, text.subject, text.message, status=item.status, starter=item.key)


def visible(stored: Sequence[Template], hidden: Collection[str], language: str) -> list[Template]:
    """The templates the user sees: each starter in `language`, or as the user changed it, unless
    deleted (`hidden` starters), in `STARTERS` order; then the user's own, oldest first."""
    changed = {template.starter: template for template in stored if template.starter}
    shown = []
    for item in STARTERS:
        if item.key in hidden:
            continue
        shown.append(changed.get(item.key) or starter(item, language))
    shown.extend(template for template in stored if not template.starter)
    return shown
