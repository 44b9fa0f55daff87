"""setuptools' build with the translations compiled in.

The .qm catalogues (resources/i18n/*.ts compiled by Qt's lrelease) are not in git:
tools/setup.sh and packaging/build.py compile them in the source tree. A wheel, or
`pip install .`, from a fresh clone would have none and the window would never speak Spanish,
so building the package compiles every .ts into the build as well. PySide6-Essentials, which
brings lrelease, is a build requirement for that (pyproject.toml); everything else about the
package is declared there.
"""

from __future__ import annotations

import shutil
import subprocess  # nosec B404 - runs Qt's lrelease on our own .ts files
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "resources" / "i18n"


def lrelease() -> str:
    """PySide6's pyside6-lrelease, next to the building Python or on PATH."""
    scripts = str(Path(sys.executable).parent)
    found = shutil.which("pyside6-lrelease", path=scripts) or shutil.which("pyside6-lrelease")
    if found is None:
        raise RuntimeError("pyside6-lrelease not found: PySide6-Essentials must be installed")
    return found


class BuildPyWithTranslations(build_py):
    """`build_py`, then resources/i18n/*.ts compiled to gui/resources/i18n/*.qm in the build."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads resources/ itself, compiled by tools/setup.sh
        target = Path(self.build_lib) / "gui" / "resources" / "i18n"
        target.mkdir(parents=True, exist_ok=True)
        for source in sorted(SOURCES.glob("*.ts")):
            compiled = target / f"{source.stem}.qm"
            subprocess.run(  # nosec B603 - a fixed tool and our own files, no shell
                [lrelease(), "-silent", str(source), "-qm", str(compiled)], check=True
            )


setup(cmdclass={"build_py": BuildPyWithTranslations})
