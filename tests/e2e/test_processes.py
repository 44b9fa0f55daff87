"""The app as a real process: its entry points, and a clean exit with a request in flight."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import gui

HERE = Path(__file__).parent


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTICLESPACE_")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONFAULTHANDLER="1",
    )
    return env


def test_version_from_both_entry_points(tmp_path: Path) -> None:
    for command in (
        [sys.executable, "-m", "gui"],
        [str(Path(sys.executable).parent / "particle-tickets")],
    ):
        result = subprocess.run(
            [*command, "--version"], capture_output=True, text=True, timeout=60, env=_env(tmp_path)
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"particle-tickets {gui.__version__}"


def test_demo_opens_the_window_on_the_sandbox(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "gui", "--demo"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=_env(tmp_path),
    )
    try:
        assert process.stderr is not None
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "window shown" in line:
                break
        assert "window shown: Sandbox at http://127.0.0.1:" in lines[-1], "".join(lines)
    finally:
        process.kill()
        process.communicate(timeout=30)


def test_closing_the_window_mid_request_exits_cleanly(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(HERE / "drive_close_mid_request.py")],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
    )
    assert "request in flight; closing" in result.stdout
    assert result.returncode == 0, result.stderr
    assert "QThread" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["--help"])
def test_help_lists_the_options(tmp_path: Path, option: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gui", option],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(tmp_path),
    )
    assert result.returncode == 0
    for flag in ("--api-base", "--token", "--ticket", "--demo", "--version"):
        assert flag in result.stdout
