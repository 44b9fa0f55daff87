"""The command line's language: Spanish when the environment asks for it, from the window's own
catalogue (resources/i18n/core_<code>.qm, read by `gui.core.catalogue`), never with Qt.

The language comes from LANGUAGE, LC_ALL, LC_MESSAGES and LANG as gettext reads them
(`gui.core.catalogue.language_from_environment`). `say` turns a Message into that language;
everything the command line prints passes through it (gui/cli/output.py), and so do the help
texts and argparse's own words (gui/cli/arguments.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from gui.core.messages import translated_with

if TYPE_CHECKING:
    from gui.core.catalogue import Catalogue

#: The languages the command line speaks besides English (those with a core catalogue).
LANGUAGES = ("en", "es")

_catalogue: list[Catalogue | None] = [None]  # the one in use (None: English)


def catalogue_folder() -> Path:
    """Where the compiled catalogues are: resources/i18n, installed as gui.resources."""
    import gui.resources as resources_package

    return Path(resources_package.__file__).parent / "i18n"


def install(environ: Mapping[str, str]) -> str:
    """Speak the environment's language from now on; returns its code ("en" without a
    catalogue for it, or when it cannot be read)."""
    from gui.core.catalogue import Catalogue, CatalogueError, language_from_environment

    code = language_from_environment(environ, LANGUAGES)
    _catalogue[0] = None
    if code == "en":
        return code
    try:
        _catalogue[0] = Catalogue.load(catalogue_folder() / f"core_{code}.qm")
    except (OSError, CatalogueError):
        return "en"
    return code


def say(text: str) -> str:
    """`text` in the language in use: a Message translated, any other text as it is."""
    catalogue = _catalogue[0]
    if catalogue is None:
        return str(text)
    return translated_with(text, catalogue.translate)
