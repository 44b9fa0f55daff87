"""Find `gui.resources` where setuptools maps it from: the top-level resources/ folder.

pyproject.toml installs resources/ as the package gui.resources (`package-dir`). PyInstaller
looks for submodules inside their parent's folder (gui/), so without this hook it would not
find the package, and `import gui.resources` would fail in the bundle.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def pre_find_module_path(hook_api) -> None:  # hook_api: PyInstaller's PreFindModulePathAPI
    hook_api.search_dirs = [str(ROOT)]
