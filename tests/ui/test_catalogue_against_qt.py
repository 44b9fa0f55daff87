"""`gui.core.catalogue` reads Qt's .qm files as Qt's own QTranslator does: every message of
core_es.qm and ui_es.qm, each plural form, against QTranslator itself."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from gui.core.catalogue import Catalogue, CatalogueError, numerus_form
from gui.core.messages import QT_TRANSLATE_NOOP, Message, join, plain, translated_with
from gui.ui.i18n import translated

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "i18n"
NUMBERS = (0, 1, 2, 5, 21, 100)


def qt_translator(path: Path) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(path)), path
    return translator


@pytest.mark.parametrize("name", ["core_es.qm", "ui_es.qm"])
def test_every_message_reads_as_qtranslator_reads_it(name: str) -> None:
    path = FOLDER / name
    if not path.is_file():
        pytest.skip(f"{name} not compiled (packaging/translations.py compile)")
    ours = Catalogue.load(path)
    theirs = qt_translator(path)
    keys = list(ours.messages())
    assert len(keys) > 100
    assert ours.language == theirs.language() == "es"
    for context, source, comment in keys:
        if "%n" in source:
            for n in NUMBERS:
                expected = theirs.translate(context, source, comment or None, n)
                assert ours.lookup(context, source, comment, n) == expected, (source, n)
        else:
            expected = theirs.translate(context, source, comment or None)
            assert ours.lookup(context, source, comment) == expected, source
        # not there: QTranslator says nothing (an empty text), we say None
        assert theirs.translate(context, source + " (not there)") == ""
        assert ours.lookup(context, source + " (not there)") is None


@pytest.mark.parametrize("name", ["core_es.qm", "ui_es.qm"])
def test_a_disambiguation_the_file_does_not_keep_still_finds_the_message(name: str) -> None:
    """Context.tr's sentences pass their English singular as the disambiguation."""
    path = FOLDER / name
    if not path.is_file():
        pytest.skip(f"{name} not compiled")
    ours, theirs = Catalogue.load(path), qt_translator(path)
    for context, source, _comment in ours.messages():
        for n in NUMBERS if "%n" in source else (-1,):
            expected = theirs.translate(context, source, "some singular", n)
            assert ours.lookup(context, source, "some singular", n) == expected


# Spanish: n == 1 is the first form ("EQ 1"); Qt writes it as 01 01.
@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (bytes([0x01, 0x01]), {0: 1, 1: 0, 2: 1, 5: 1, 21: 1, 100: 1}),
        # Czech-like: n == 1; 2 <= n <= 4; else
        (bytes([0x01, 0x01, 0xFF, 0x04, 0x02, 0x04]), {0: 2, 1: 0, 2: 1, 5: 2, 21: 2, 100: 2}),
        # Russian-like: n % 10 == 1 and n % 100 != 11; n % 10 in 2..4 and n % 100 not in 12..14
        (
            bytes([0x11, 0x01, 0xFD, 0x29, 0x0B, 0xFF, 0x14, 0x02, 0x04, 0xFD, 0x2C, 0x0C, 0x0E]),
            {0: 2, 1: 0, 2: 1, 5: 2, 21: 0, 100: 2, 11: 2, 22: 1, 112: 2},
        ),
        # French: n < 2
        (bytes([0x02, 0x02]), {0: 0, 1: 0, 2: 1, 100: 1}),
        # n <= 1 or n == 7; LEAD_1000: 1000 -> 1
        (bytes([0x03, 0x01, 0xFE, 0x01, 0x07]), {0: 0, 1: 0, 7: 0, 8: 1}),
        (bytes([0x41, 0x01]), {1000: 0, 1_000_000: 0, 2000: 1}),
        (b"", {0: 0, 1: 0, 5: 0}),
    ],
)
def test_numerus_rules_as_qt_s_numerus_helper(rules: bytes, expected: dict[int, int]) -> None:
    for n, form in expected.items():
        assert numerus_form(n, rules) == form, n


def test_a_file_that_is_not_a_catalogue_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError):
        Catalogue.parse(b"not a catalogue at all")
    path = FOLDER / "core_es.qm"
    if path.is_file():
        with pytest.raises(CatalogueError):
            Catalogue.parse(path.read_bytes()[:40])


def _sample(context: str, source: str, n: int | None) -> Message:
    """A Message of `source` with every placeholder filled (a number suits every format)."""
    names = {name for _t, name, _s, _c in string.Formatter().parse(source) if name}
    args = {name: 7 for name in names}
    if n is None:
        return Message(context, source, args)
    return Message(context, source, args, disambiguation="a singular %n", n=n)


@pytest.mark.parametrize("name", ["core_es.qm", "ui_es.qm"])
def test_the_core_s_translated_with_says_what_the_window_s_translated_says(
    qapp: QApplication, name: str
) -> None:
    """The command line's Messages in Spanish (gui.core.messages.translated_with over a
    Catalogue) are the window's (gui.ui.i18n.translated over QTranslator), nested ones too."""
    path = FOLDER / name
    if not path.is_file():
        pytest.skip(f"{name} not compiled")
    ours = Catalogue.load(path)
    translator = qt_translator(path)
    assert QCoreApplication.installTranslator(translator)
    try:
        for context, source, _comment in ours.messages():
            for n in NUMBERS if "%n" in source else (None,):
                message = _sample(context, source, n)
                nested = join([message, plain("(server's words)")])
                for text in (message, nested):
                    assert translated_with(text, ours.translate) == translated(text), source
        missing = QT_TRANSLATE_NOOP("nowhere", "Not in any catalogue {x}.").format(x=1)
        assert translated_with(missing, ours.translate) == translated(missing) == missing
    finally:
        QCoreApplication.removeTranslator(translator)
