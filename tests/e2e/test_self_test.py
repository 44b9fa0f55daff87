"""`particle-tickets --self-test` as a real process: every step passes, or it says which failed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

STEPS = (
    "Qt platform plugin",
    "version",
    "ssl and sqlite3",
    "CA certificates",
    "keyring backend",
    "keychain encryption",
    "app icon",
    "SMS contacts",
    "vCard import",
    "window built",
    "window painted",
    "form filled",
    "update sent",
    "sandbox received the update",
    "banner",
    "window closed",
)


#: The user's folders as the self-test sees them; it must leave every one of them empty.
FOLDERS = {"HOME": "home", "XDG_CONFIG_HOME": "config", "XDG_DATA_HOME": "data", "TMPDIR": "tmp"}


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTICLESPACE_")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    for name, folder in FOLDERS.items():
        (tmp_path / folder).mkdir()
        env[name] = str(tmp_path / folder)
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=90, env=env
    )


def _left_behind(tmp_path: Path) -> list[str]:
    return [str(path) for folder in FOLDERS.values() for path in (tmp_path / folder).iterdir()]


def test_every_step_passes(tmp_path: Path) -> None:
    result = _run(["-m", "gui", "--self-test"], tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" ... ")[0] for line in lines] == [
        *(f"self-test: {step}" for step in STEPS),
        "self-test: passed",
    ]
    assert all(" ... ok" in line for line in lines[:-1])
    assert "self-test: Qt platform plugin ... ok (offscreen)" in lines
    assert "self-test: window built ... ok (sandbox at http://127.0.0.1:" in result.stdout
    assert "self-test: banner ... ok (Ticket tic_1001 updated at " in result.stdout
    assert "Traceback" not in result.stderr
    assert _left_behind(tmp_path) == []


def test_a_failing_step_is_named_and_the_exit_code_is_1(tmp_path: Path) -> None:
    # The sandbox knows no such ticket, so the update comes back refused.
    script = (
        "import gui.self_test as t; t.TICKET = 'tic_missing'; raise SystemExit(t.run_self_test())"
    )
    result = _run(["-c", script], tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == (
        "self-test: FAILED at update sent: TicketNotFound: "
        "Particle Space has no ticket “tic_missing”."
    )
    assert "self-test: passed" not in lines
    assert "Traceback" not in result.stderr
    assert _left_behind(tmp_path) == []
