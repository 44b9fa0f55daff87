"""The command line's language: Spanish when the environment asks for it, from the window's own
catalogue (resources/i18n/core_<code>.qm, read by `gui.core.catalogue`), never with Qt.

The language comes from LANGUAGE, LC_ALL, LC_MESSAGES and LANG as gettext reads them
(`gui.core.catalogue.language_from_environment`). `say` turns a Message into that language;
everything the command line prints passes through it (gui/cli/output.py, the progress line of
gui/cli/sending.py), and so do the help texts and argparse's own words (gui/cli/arguments.py).

A process speaks one language: the first `say` before any `install` (argparse's --help or a
mistake, before a command runs) installs the language of `os.environ`, and `install` again with
the same language keeps the catalogue it read (the window's start-up reads none).
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
_code: list[str | None] = [None]  # the language installed (None: none yet)


def catalogue_folder() -> Path:
    """Where the compiled catalogues are: resources/i18n, installed as gui.resources."""
    import gui.resources as resources_package

    return Path(resources_package.__file__).parent / "i18n"


def install(environ: Mapping[str, str]) -> str:
    """Speak the environment's language from now on; returns its code ("en" without a
    catalogue for it, or when it cannot be read)."""
    from gui.core.catalogue import Catalogue, CatalogueError, language_from_environment

    code = language_from_environment(environ, LANGUAGES)
    if code == _code[0]:
        return code  # read once per process
    _catalogue[0] = None
    _code[0] = "en"
    if code == "en":
        return code
    try:
        _catalogue[0] = Catalogue.load(catalogue_folder() / f"core_{code}.qm")
    except (OSError, CatalogueError):
        return "en"
    _code[0] = code
    return code


def say(text: str) -> str:
    """`text` in the language in use: a Message translated, any other text as it is."""
    if _code[0] is None:
        import os

        install(os.environ)
    catalogue = _catalogue[0]
    if catalogue is None:
        return str(text)
    return translated_with(text, catalogue.translate)
