"""Whether requirements-bundle.lock still fits pyproject.toml: every dependency of the app and
of its `package` extra is pinned there with ``==`` to a version its specifier allows, with at
least one ``--hash=sha256:``. ``./tools/build`` runs this before it installs from the lock, and
``./tools/lock`` writes a lock that passes.

Usage, from the project folder::

    .venv/bin/python packaging/lock.py      # exit 0 when the lock fits, else 1 and why
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-bundle.lock"
PYPROJECT = ROOT / "pyproject.toml"


def pins(lock_text: str) -> dict[str, tuple[str, int]]:
    """Each pinned library of a pip-compile lock: its version and how many hashes it has."""
    found: dict[str, tuple[str, int]] = {}
    current = ""
    for raw in lock_text.splitlines():
        line = raw.split("#", 1)[0].strip().rstrip("\\").strip()
        if not line:
            continue
        if line.startswith("--hash=sha256:"):
            if current:
                version, hashes = found[current]
                found[current] = (version, hashes + 1)
            continue
        if line.startswith("-"):
            current = ""  # an option line (none are written: see tools/lock)
            continue
        requirement = Requirement(line)
        specifiers = list(requirement.specifier)
        exact = len(specifiers) == 1 and specifiers[0].operator == "=="
        current = canonicalize_name(requirement.name)
        found[current] = (specifiers[0].version if exact else "", 0)
    return found


def problems(pyproject: Path = PYPROJECT, lock: Path = LOCK) -> list[str]:
    """What makes `lock` unfit for `pyproject`, one sentence each; [] when it fits."""
    if not lock.is_file():
        return [f"{lock.name} is missing: run ./tools/lock"]
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["package"]]
    pinned = pins(lock.read_text(encoding="utf-8"))
    said = []
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        if name not in pinned:
            said.append(f"{requirement.name} is not in {lock.name}")
            continue
        version, hashes = pinned[name]
        if not version:
            said.append(f"{requirement.name} is not pinned with == in {lock.name}")
        elif not requirement.specifier.contains(version, prereleases=True):
            said.append(f"{requirement.name} {version} in {lock.name} is not {requirement}")
        if hashes == 0:
            said.append(f"{requirement.name} has no --hash in {lock.name}")
    direct = {canonicalize_name(Requirement(line).name) for line in wanted}
    for name, (_version, hashes) in sorted(pinned.items()):
        if hashes == 0 and name not in direct:
            said.append(f"{name} has no --hash in {lock.name}")
    return said


def main() -> int:
    found = problems()
    for problem in found:
        print(f"lock: {problem}", file=sys.stderr)
    if found:
        print(
            "lock: run ./tools/lock after changing pyproject.toml's dependencies", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
