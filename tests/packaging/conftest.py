"""What the packaging tests share: the project folder and packaging/translations.py."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
#: The committed catalogues every install must carry, as named inside the package.
CATALOGUES = ("core_es.qm", "ui_es.qm")
#: The command that makes the committed .qm files match their .ts again.
FIX = "./tools/i18n compile (or .venv/bin/python packaging/translations.py compile)"


def translations_module() -> ModuleType:
    """packaging/translations.py (a script, not a package module), loaded from its file."""
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
