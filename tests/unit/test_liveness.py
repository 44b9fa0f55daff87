"""Life marks: a locked file per process that tells others it still runs (gui.core.liveness)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui.core.liveness import LifeMark, is_alive

HOLDER = """
import sys
from pathlib import Path
from gui.core.liveness import LifeMark
mark = LifeMark(Path(sys.argv[1]))
print(mark.acquire(), flush=True)
sys.stdin.read()
"""


def test_a_held_mark_is_alive_until_released(tmp_path: Path) -> None:
    mark = LifeMark(tmp_path / "claims")
    name = mark.acquire()
    assert mark.acquire() == name  # once per process
    assert is_alive(tmp_path / "claims", name)  # even checked from this process
    mark.release()
    assert not is_alive(tmp_path / "claims", name)
    assert list((tmp_path / "claims").iterdir()) == []


def test_unknown_or_malformed_tokens_are_not_alive(tmp_path: Path) -> None:
    assert not is_alive(tmp_path, "")
    assert not is_alive(tmp_path, "0123456789abcdef")
    assert not is_alive(tmp_path, "../outbox")


def test_a_killed_process_is_not_alive_and_its_mark_is_swept(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        name = child.stdout.readline().strip()
        assert is_alive(folder, name)
    finally:
        child.kill()
        child.communicate()
    assert not is_alive(folder, name)  # the system dropped its lock with it
    mark = LifeMark(folder)
    mine = mark.acquire()  # a new mark tidies the dead ones away
    try:
        assert [path.name for path in folder.iterdir()] == [f"{mine}.alive"]
    finally:
        mark.release()
