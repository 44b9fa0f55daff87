"""Spanish in every install: a wheel (from an sdist, as `python -m build` makes it), the program
installed from it, and an editable install, each started away from the source tree under
LANG=es_ES.UTF-8.

Real builds with this venv's setuptools (--no-build-isolation: nothing is downloaded) and real
processes; a few seconds in all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import xml.etree.ElementTree as ET  # nosec B405 - our own .ts file
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.packaging.conftest import CATALOGUES, I18N, ROOT

#: What a fresh clone does not have: version control, the venv, earlier builds, caches.
BUILD_OUTPUT = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache")
#: pip with nothing from an index (the wheel and the checkout are here) and no version check.
PIP_OFFLINE = ("--no-index", "--disable-pip-version-check")
PIP_INSTALL = ("-m", "pip", "install", "--quiet", "--no-deps", *PIP_OFFLINE)
#: Builds the window as gui.app.main does (the language first, from Settings or the system),
#: then prints where it came from and what its labels say.
SHOW_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
import gui, gui.app
from gui.ui.i18n import TRANSLATIONS, install_language
from gui.ui.settings import AppSettings

app = QApplication(sys.argv[:1])
settings = AppSettings()
language = install_language(app, settings.language())
window = gui.app.create_window([], settings=settings)
print(json.dumps({
    "gui": gui.__file__,
    "catalogues": str(TRANSLATIONS),
    "language": language,
    "submit": window.submit_button.text(),
    "file_menu": window.menus.file_menu.title(),
}))
"""


def _spanish(context: str, source: str) -> str:
    """The finished Spanish of `source` in `context`, as resources/i18n/ui_es.ts has it."""
    root = ET.parse(I18N / "ui_es.ts").getroot()  # nosec B314 - our own file
    for element in root.iter("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            translation = message.find("translation")
            if message.findtext("source") == source and translation is not None:
                assert not translation.get("type"), f"{source!r} is not translated yet"
                return translation.text or ""
    raise AssertionError(f"{context}: {source!r} is not in ui_es.ts")


def _run(command: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"{command[:4]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _spanish_desktop(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a Spanish desktop with no display and a fresh user."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"LC_ALL", "LC_MESSAGES", "LANGUAGE", "PYTHONPATH"}
    }
    env.update(
        LANG="es_ES.UTF-8",
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        **extra,
    )
    return env


def _show_window(python: str, cwd: Path, env: dict[str, str]) -> dict[str, str]:
    shown: dict[str, str] = json.loads(_run([python, "-c", SHOW_WINDOW], cwd=cwd, env=env))
    return shown


def _assert_spanish(shown: dict[str, str]) -> None:
    assert shown["language"] == "es"
    assert shown["submit"] == _spanish("TicketPage", "&Update ticket")
    assert shown["file_menu"] == _spanish("MainMenuBar", "&File")
    assert shown["file_menu"] != "&File"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the sdist, the wheel built from that sdist unpacked), as `python -m build` does it."""
    backend = version("setuptools")
    assert tuple(int(part) for part in backend.split(".")[:2]) >= (70, 1), (
        f"setuptools {backend} cannot build a wheel by itself: ./tools/test (or "
        ".venv/bin/pip install -e '.[test]') brings the one pyproject.toml asks for"
    )
    out = tmp_path_factory.mktemp("dist")
    # A copy of the checkout without build output: setuptools reads the SOURCES.txt of an
    # earlier build's egg-info into the sdist, which would hide a file the package data misses.
    checkout = tmp_path_factory.mktemp("checkout") / "particle-tickets"
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(*BUILD_OUTPUT))
    name = _run(
        [
            sys.executable,
            "-c",
            "import sys; from setuptools import build_meta; "
            "print(build_meta.build_sdist(sys.argv[1]))",
            str(out),
        ],
        cwd=checkout,
    ).splitlines()[-1]
    sdist = out / name
    unpacked = tmp_path_factory.mktemp("sdist")
    with tarfile.open(sdist) as tar:
        tar.extractall(unpacked, filter="data")
    (source,) = unpacked.iterdir()
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            *PIP_OFFLINE,
            "--wheel-dir",
            str(out),
            str(source),
        ],
        cwd=out,
    )
    (wheel,) = out.glob("particle_tickets-*.whl")
    return sdist, wheel


def test_the_sdist_and_the_wheel_carry_the_committed_catalogues(built: tuple[Path, Path]) -> None:
    sdist, wheel = built
    with tarfile.open(sdist) as tar:
        top = tar.getnames()[0].split("/")[0]
        for name in CATALOGUES:
            member = tar.extractfile(f"{top}/resources/i18n/{name}")
            assert member is not None
            assert member.read() == (I18N / name).read_bytes(), f"the sdist's {name} differs"
    with zipfile.ZipFile(wheel) as archive:
        for name in CATALOGUES:
            inside = archive.read(f"gui/resources/i18n/{name}")
            assert inside == (I18N / name).read_bytes(), f"the wheel's {name} differs"


def test_the_program_installed_from_the_wheel_speaks_spanish(
    built: tuple[Path, Path], tmp_path: Path
) -> None:
    _, wheel = built
    site = tmp_path / "site"
    _run(
        [sys.executable, *PIP_INSTALL, "--target", str(site), str(wheel)],
        cwd=tmp_path,
    )
    elsewhere = tmp_path / "elsewhere"  # no gui package here: only the installed one
    elsewhere.mkdir()
    env = _spanish_desktop(tmp_path, PYTHONPATH=str(site))
    shown = _show_window(sys.executable, elsewhere, env)
    assert Path(shown["gui"]).is_relative_to(site)
    assert Path(shown["catalogues"]) == site / "gui" / "resources" / "i18n"
    _assert_spanish(shown)


def test_an_editable_install_speaks_spanish_from_the_source_tree(tmp_path: Path) -> None:
    """`pip install -e .` into a new venv reads resources/i18n of the checkout itself."""
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = str(venv / "bin" / "python")
    venv_site = _run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=tmp_path
    ).strip()
    # This venv's packages (PySide6, pip, setuptools) after the new venv's own: a plain path
    # line, so their .pth files (this checkout's own editable install, say) are not run, and
    # named to come after the editable install's .pth.
    Path(venv_site, "zz_test_venv.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _run(
        [python, *PIP_INSTALL, "--no-build-isolation", "--editable", str(ROOT)],
        cwd=tmp_path,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shown = _show_window(python, elsewhere, _spanish_desktop(tmp_path))
    assert Path(shown["gui"]) == ROOT / "gui" / "__init__.py"
    assert Path(shown["catalogues"]) == I18N
    _assert_spanish(shown)
