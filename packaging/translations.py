"""The app's translations: resources/i18n/*.ts (the sources) and *.qm (compiled), both in git.

Usage, from the project folder, with the project's virtual environment (``./tools/i18n`` sets
it up and runs this)::

    .venv/bin/python packaging/translations.py update    # lupdate, then compile
    .venv/bin/python packaging/translations.py compile   # lrelease only
    .venv/bin/python packaging/translations.py check     # exit 1 when a .qm is out of date

``update`` runs ``pyside6-lupdate`` for each catalogue: ``ui_<lang>.ts`` from gui/ui and
gui/app.py (the window's ``tr()`` texts), ``core_<lang>.ts`` from gui/core (the core's
``QT_TRANSLATE_NOOP`` messages, see gui/core/messages.py). New texts arrive "unfinished"; a
translator fills them in (Qt Linguist: ``.venv/bin/pyside6-linguist resources/i18n/ui_es.ts``)
and tests/ui/test_i18n.py fails until every one is translated.

``compile`` runs ``pyside6-lrelease`` on every .ts into the .qm next to it, which the app loads
(gui/ui/i18n.py). The .qm files are committed with their .ts, so every install has them without
Qt's tools: ``pip install .``, ``pip install -e .``, a wheel, an sdist and the PyInstaller
bundle; building the package compiles nothing. Commit the .qm together with the .ts it was
compiled from: lrelease writes the same bytes for the same .ts, and
tests/packaging/test_catalogues.py (like ``check`` and packaging/build.py) fails when a
committed .qm differs from a fresh compile of its .ts.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET  # nosec B405 - only our own .ts files
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "i18n"
#: The languages translated into (English is the source language).
LANGUAGES = ("es",)
#: Each catalogue and the sources lupdate reads for it, relative to ROOT.
CATALOGUES: dict[str, tuple[str, ...]] = {
    "ui": ("gui/ui", "gui/app.py"),
    # The command line loads this one catalogue (gui/cli/language.py), so its texts are here.
    "core": ("gui/core", "gui/cli"),
}


def tool(name: str) -> str:
    """The path of PySide6's `name` tool (pyside6-lupdate, …) next to this Python, or on PATH."""
    folder = Path(sys.executable).parent
    found = shutil.which(name, path=str(folder)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials into {folder.parent}")
    return found


def lupdate(sources: Sequence[str], ts_file: Path, *, language: str) -> None:
    """Extract the texts of `sources` into `ts_file`, keeping the translations it holds."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-extensions",
            "py",
            "-locations",
            "none",  # line numbers would change the .ts with every edit of the code
            "-no-obsolete",
            "-silent",
            "-target-language",
            language,
            *python_files(sources),
            "-ts",
            str(ts_file),
        ],
        check=True,
        cwd=ROOT,
    )


def python_files(sources: Sequence[str]) -> list[str]:
    """The .py files of `sources` (files or folders, recursively), relative to ROOT.

    lupdate is given files, not folders: its folder scan skips .py files even with
    ``-extensions py``.
    """
    files: list[str] = []
    for source in sources:
        path = ROOT / source
        found = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        files += [str(file.relative_to(ROOT)) for file in found]
    return files


def update() -> None:
    """Every .ts brought up to date with the source.

    A text that moved (to another class, or between the UI and the core) keeps its translation:
    lupdate sees a new text in a new context, so the finished translations of each language are
    read first, from all its catalogues, and given to the moved texts afterwards.
    """
    FOLDER.mkdir(exist_ok=True)
    for language in LANGUAGES:
        files = [FOLDER / f"{name}_{language}.ts" for name in CATALOGUES]
        known = finished_translations(file for file in files if file.exists())
        for sources, ts_file in zip(CATALOGUES.values(), files, strict=True):
            lupdate(sources, ts_file, language=language)
            if carry_over(ts_file, known):
                lupdate(sources, ts_file, language=language)  # lupdate's own layout again
            drop_code_comments(ts_file)


def drop_code_comments(ts_file: Path) -> None:
    """Remove the "extracomment" lupdate takes from the ``#:`` comment above a text.

    This project's ``#:`` comments document constants for readers of the code (the Sphinx
    way), so lupdate's reading of them as notes for translators only misleads them.
    """
    tree = ET.parse(ts_file)  # nosec B314 - our own file
    dropped = 0
    for message in tree.getroot().iter("message"):
        for comment in message.findall("extracomment"):
            message.remove(comment)
            dropped += 1
    if dropped:
        _write(tree, ts_file)


def finished_translations(ts_files: Iterable[Path]) -> dict[tuple[str, str], ET.Element]:
    """The finished translations of `ts_files`, by source text and disambiguation (a text
    translated differently in two contexts is left out: which one applies is not known)."""
    found: dict[tuple[str, str], ET.Element] = {}
    ambiguous: set[tuple[str, str]] = set()
    for ts_file in ts_files:
        for message in ET.parse(ts_file).getroot().iter("message"):  # nosec B314 - our files
            translation = message.find("translation")
            if translation is None or translation.get("type") or not _text_of(translation):
                continue
            key = (message.findtext("source", ""), message.findtext("comment", ""))
            if key in found and _text_of(found[key]) != _text_of(translation):
                ambiguous.add(key)
            found[key] = translation
    return {key: value for key, value in found.items() if key not in ambiguous}


def carry_over(ts_file: Path, known: dict[tuple[str, str], ET.Element]) -> int:
    """Fill `ts_file`'s unfinished texts from `known`; returns how many were filled."""
    tree = ET.parse(ts_file)  # nosec B314 - our own file
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        key = (message.findtext("source", ""), message.findtext("comment", ""))
        if translation is None or translation.get("type") != "unfinished" or key not in known:
            continue
        old = known[key]
        if (message.get("numerus") == "yes") != (old.find("numerusform") is not None):
            continue  # one is a plural and the other is not: translate it anew
        translation.clear()
        translation.text = old.text
        translation.extend(copy.deepcopy(list(old)))
        filled += 1
    if filled:
        _write(tree, ts_file)
    return filled


def _write(tree: ET.ElementTree, ts_file: Path) -> None:
    """`tree` back to `ts_file` with the header lupdate writes."""
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )


def _text_of(translation: ET.Element) -> tuple[str, ...]:
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return tuple(forms) if forms else (translation.text or "",)


def compile_catalogue(ts_file: Path, qm_file: Path) -> Path:
    """`ts_file` compiled by lrelease into `qm_file`; returns `qm_file`."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
        check=True,
    )
    return qm_file


def compile_all(folder: Path = FOLDER) -> list[Path]:
    """Every .ts of `folder` compiled into the .qm next to it; returns the .qm files."""
    return [compile_catalogue(ts, ts.with_suffix(".qm")) for ts in sorted(folder.glob("*.ts"))]


def stale(folder: Path = FOLDER) -> list[Path]:
    """The .qm files of `folder` that are missing or differ from a fresh compile of their .ts."""
    found = []
    with tempfile.TemporaryDirectory() as scratch:
        for ts_file in sorted(folder.glob("*.ts")):
            qm_file = ts_file.with_suffix(".qm")
            fresh = compile_catalogue(ts_file, Path(scratch) / qm_file.name)
            if not qm_file.is_file() or qm_file.read_bytes() != fresh.read_bytes():
                found.append(qm_file)
    return found


def main(argv: Sequence[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "check":
        out_of_date = stale()
        for qm_file in out_of_date:
            print(f"out of date: {qm_file.relative_to(ROOT)} (run ./tools/i18n compile)")
        return 1 if out_of_date else 0
    if command == "update":
        update()
    elif command != "compile":
        print(__doc__, file=sys.stderr)
        return 2
    for qm_file in compile_all():
        print(f"compiled {qm_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
