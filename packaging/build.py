"""Build the Particle Tickets bundle for the platform this runs on.

Usage, from the project folder, with the project's virtual environment (``pip install -e
.[package]`` brings PyInstaller; on a fresh Debian or Ubuntu machine ``./tools/build`` installs
everything and runs this)::

    .venv/bin/python packaging/build.py

1. draws the icons from resources/icon.svg when they are missing or older (make_icons.py),
   and checks that the committed translations, resources/i18n/*.qm, are compiled from their
   .ts (translations.py; it fails, saying ``./tools/i18n compile``, when one is not: the
   bundle would speak an older Spanish);
2. runs PyInstaller on packaging/particle-tickets.spec, from scratch, into
   ``dist/particle-tickets/`` with the executable ``particle-tickets`` (``.exe`` on Windows;
   on macOS also ``dist/Particle Tickets.app``). PyInstaller's log goes to
   ``build/pyinstaller-particle-tickets.log``; its warnings are echoed;
3. fails (exit code 1) when PyInstaller says "Library not found" about a file that ends up in
   the bundle: PyInstaller only warns when a library a binary links to is missing on the build
   machine (an xcb helper, typically), and the bundle would then fail on the user's desktop with
   a misleading message. The same warning about a plugin the spec leaves out (GTK 3 missing
   for the qgtk3 theme, say) is listed as harmless: that plugin is not in the bundle;
4. on Linux, puts ``particle-tickets.desktop`` and ``particle-tickets.png`` into the folder and
   packs it as ``dist/particle-tickets-<version>-linux-<arch>.tar.gz``;
5. prints the size of the bundle.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "particle-tickets.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
NAME = "particle-tickets"
MISSING_LIBRARY = "Library not found"
#: PyInstaller's words for it (PyInstaller.depend.bindepend), the names as Python literals.
_LITERAL = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_MISSING = re.compile(f"{MISSING_LIBRARY}: could not resolve {_LITERAL}, dependency of {_LITERAL}")
#: PyInstaller's log lines worth showing while it runs (the spec's filter report included).
SHOWN = ("WARNING", "ERROR", "bundle_filter: left out")

DESKTOP_ENTRY = """\
[Desktop Entry]
Type=Application
Name=Particle Tickets
Comment=Update Particle Space maintenance tickets
Exec={name}
TryExec={name}
Icon={name}
Terminal=false
Categories=Office;
StartupWMClass={name}
"""


class BuildFailed(Exception):
    """The bundle was not built, or must not be used; the message says why."""


def version() -> str:
    """The version, from its one place: pyproject.toml."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return str(pyproject["project"]["version"])


def freeze(name: str, spec_options: list[str], *, dist: Path = DIST, work: Path = WORK) -> Path:
    """Run PyInstaller on the spec (with `spec_options`, see the spec); returns the folder.

    Raises BuildFailed when PyInstaller fails or reports a library it could not find.
    """
    from bundle_filter import LEFT_OUT

    log = work / f"pyinstaller-{name}.log"
    workpath = work / f"pyinstaller-{name}"
    workpath.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",  # a cached analysis would not repeat its "Library not found" warnings
        "--distpath",
        str(dist),
        "--workpath",
        str(workpath),
        str(SPEC),
        "--",
        *spec_options,
    ]
    missing: list[str] = []
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        assert process.stdout is not None
        for line in process.stdout:
            log_file.write(line)
            if MISSING_LIBRARY in line:
                missing.append(line.strip())  # shown below, once it is known if it matters
            elif any(word in line for word in SHOWN):
                print(f"  {line.rstrip()}", flush=True)
        code = process.wait()
    if code != 0:
        raise BuildFailed(f"PyInstaller failed with exit code {code}; see {log}")
    left_out = (workpath / SPEC.stem / LEFT_OUT).read_text("utf-8").splitlines()
    needed = [line for line in missing if not _only_for(line, left_out)]
    for line in missing:
        if line not in needed:
            print(f"  harmless, only a file left out of the bundle needs it: {line}")
    if needed:
        shutil.rmtree(dist / name)  # nobody should ship it by mistake
        raise BuildFailed(
            f"PyInstaller could not find {len(needed)} "
            f"librar{'y' if len(needed) == 1 else 'ies'} the bundle needs; install them on "
            f"this machine and build again (on Debian or Ubuntu, ./tools/build does):\n  "
            + "\n  ".join(needed)
        )
    return dist / name


def _only_for(warning: str, left_out: list[str]) -> bool:
    """Whether a "Library not found" warning is about a file the spec left out of the bundle."""
    match = _MISSING.search(warning)
    if match is None:
        return False
    needed_by = ast.literal_eval(match[2])
    return _same_file(needed_by) in {_same_file(path) for path in left_out}


def _same_file(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def executable(folder: Path) -> Path:
    return folder / (f"{folder.name}.exe" if sys.platform == "win32" else folder.name)


def folder_size(folder: Path) -> int:
    """The bytes in the files under `folder` (symbolic links not followed)."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def add_desktop_files(folder: Path) -> None:
    """The .desktop entry and the icon a Linux desktop menu needs, next to the executable."""
    import make_icons

    (folder / f"{NAME}.desktop").write_text(DESKTOP_ENTRY.format(name=NAME), "utf-8")
    shutil.copyfile(make_icons.png_path(256), folder / f"{NAME}.png")


def pack(folder: Path, archive: Path) -> Path:
    """`folder` as a .tar.gz whose one top-level entry is the folder; links kept as links."""
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return archive


def main() -> int:
    for module in ("PyInstaller", "PySide6", "gui"):
        if importlib.util.find_spec(module) is None:
            print(
                f"{module} is not importable by {sys.executable}: use the project's virtual "
                "environment (.venv/bin/python), with pip install -e '.[package]' done.",
                file=sys.stderr,
            )
            return 1
    import make_icons  # after the check: it needs PySide6

    if not make_icons.up_to_date():
        print("Drawing the icons from resources/icon.svg", flush=True)
        make_icons.make_icons()
    import translations

    out_of_date = translations.stale()
    if out_of_date:
        names = ", ".join(str(path.relative_to(ROOT)) for path in out_of_date)
        print(
            f"BUILD FAILED: {names} not compiled from the .ts as it is; run ./tools/i18n compile "
            "(or .venv/bin/python packaging/translations.py compile) and commit the .qm",
            file=sys.stderr,
        )
        return 1
    print(f"Building {NAME} {version()} with PyInstaller", flush=True)
    began = time.perf_counter()
    try:
        folder = freeze(NAME, [])
    except BuildFailed as failure:
        print(f"BUILD FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"built in {time.perf_counter() - began:.0f} s")
    print(f"bundle: {folder} ({folder_size(folder) / 1e6:.1f} MB)")
    print(f"executable: {executable(folder)}")
    if sys.platform == "darwin":
        print(f"app: {DIST / 'Particle Tickets.app'}")
    if sys.platform.startswith("linux"):
        add_desktop_files(folder)
        archive = DIST / f"{NAME}-{version()}-linux-{platform.machine()}.tar.gz"
        pack(folder, archive)
        print(f"archive: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
