"""tools/screenshots keeps working: a few of its states, rendered into a temporary folder."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from gui.ui import i18n, palette

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "screenshots"


@pytest.fixture(scope="module")
def screenshots() -> Iterator[ModuleType]:
    """The script as a module (it has no .py, so it is loaded by path)."""
    loader = importlib.machinery.SourceFileLoader("screenshots_tool", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # its dataclasses look their module up there
    try:
        loader.exec_module(module)
        yield module
    finally:
        del sys.modules[loader.name]


def test_it_renders_states_into_the_folder_given(
    screenshots: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert screenshots.main(["--out", str(tmp_path), "validation", "dark", "success"]) == 0

    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["dark.png", "success.png", "validation.png"]
    light, dark = QImage(str(tmp_path / "validation.png")), QImage(str(tmp_path / "dark.png"))
    assert light.size() == dark.size() and light.width() >= 600
    empty = (light.width() // 2, light.height() - 120)  # below the form: the window itself
    assert light.pixelColor(*empty).name() == palette.LIGHT.window
    assert dark.pixelColor(*empty).name() == palette.DARK.window
    # The dark window gave the app its palette back when it closed.
    assert not palette.is_dark(QGuiApplication.palette())
    assert "validation ... " in capsys.readouterr().out


def test_the_spanish_state_uses_install_language_once_it_exists(
    screenshots: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    monkeypatch.setattr(
        i18n, "install_language", lambda app, language: calls.append(language), raising=False
    )
    assert screenshots.main(["--out", str(tmp_path), "spanish"]) == 0
    assert calls == ["es"]
    assert (tmp_path / "spanish.png").stat().st_size > 0


def test_without_install_language_the_spanish_state_is_skipped(
    screenshots: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delattr(i18n, "install_language", raising=False)
    assert screenshots.main(["--out", str(tmp_path), "spanish"]) == 0
    assert "spanish ... skipped" in capsys.readouterr().out
    assert not list(tmp_path.iterdir())


def test_a_state_that_cannot_be_reached_fails_the_run(
    screenshots: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(window: object) -> None:
        raise screenshots.RenderFailed("the window would not")

    broken = screenshots.State("empty", refuse)
    monkeypatch.setitem(screenshots.STATES, "empty", broken)
    assert screenshots.main(["--out", str(tmp_path), "empty"]) == 1
    assert not [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
