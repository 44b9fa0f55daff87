"""requirements-bundle.lock, from which ./tools/build installs the bundle's libraries: it fits
pyproject.toml (every dependency and PyInstaller pinned with == to an allowed version, with
hashes), it names no folder or index of the machine that wrote it, and packaging/lock.py says
in words what is wrong with a lock that does not fit."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.packaging.conftest import ROOT

LOCK = ROOT / "requirements-bundle.lock"


def lock_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lock", ROOT / "packaging" / "lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_lock_fits_pyproject() -> None:
    lock = lock_module()
    assert lock.problems() == []
    pinned = lock.pins(LOCK.read_text(encoding="utf-8"))
    for name in ("pyside6-essentials", "requests", "keyring", "vobject", "pyinstaller"):
        version, hashes = pinned[name]
        assert re.fullmatch(r"\d+(\.\d+)*(\.post\d+)?", version), (name, version)
        assert hashes >= 1, name
    assert all(hashes >= 1 for _version, hashes in pinned.values())


def test_the_lock_names_nothing_of_the_machine_that_wrote_it() -> None:
    text = LOCK.read_text(encoding="utf-8")
    for machine_only in ("file://", "--find-links", "--index-url", "--extra-index-url", "/opt/"):
        assert machine_only not in text


def test_a_lock_that_no_longer_fits_is_refused_in_words(tmp_path: Path) -> None:
    lock = lock_module()
    text = LOCK.read_text(encoding="utf-8")
    # requests dropped, keyring pinned below pyproject's >=24, vobject without its hashes.
    stale = re.sub(r"(?ms)^requests==.*?(?=^\S)", "", text)
    stale = re.sub(r"(?m)^keyring==\S+", "keyring==23.0.0", stale)
    stale = re.sub(r"(?ms)^(vobject==\S+) \\\n(\s+--hash=\S+ ?\\?\n)+", r"\1\n", stale)
    broken = tmp_path / "requirements-bundle.lock"
    broken.write_text(stale, encoding="utf-8")
    said = lock.problems(lock=broken)
    assert "requests is not in requirements-bundle.lock" in said
    assert "keyring 23.0.0 in requirements-bundle.lock is not keyring>=24" in said
    assert "vobject has no --hash in requirements-bundle.lock" in said
    assert lock.problems(lock=tmp_path / "missing.lock") == [
        "missing.lock is missing: run ./tools/lock"
    ]


def test_the_build_checks_the_lock_before_it_installs_from_it() -> None:
    fits = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "lock.py")], capture_output=True, text=True
    )
    assert fits.returncode == 0, fits.stderr
    build = (ROOT / "tools" / "build").read_text(encoding="utf-8")
    check = build.index("packaging/lock.py")
    assert check < build.index("--require-hashes -r requirements-bundle.lock")
    assert check < build.index("packaging/build.py")
