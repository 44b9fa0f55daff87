"""The durable-file helpers on their own (the drafts' tests run them through `DraftStore`, with
crashes and SIGKILL): an atomic write, its permissions, its leftovers, names to move aside to."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from gui.core.durable import aside_path, fsync_folder, remove_leftovers, write_atomically


def test_write_atomically_creates_the_folder_and_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "settings.ini"
    write_atomically(path, b"first")
    assert path.read_bytes() == b"first"
    write_atomically(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in path.parent.iterdir()] == ["settings.ini"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_write_atomically_sets_the_mode_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "file"
    write_atomically(path, b"x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    previous = os.umask(0o077)
    try:
        write_atomically(path, b"y", mode=0o640)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "file"
    write_atomically(path, b"old")

    def crash(source: object, target: object) -> None:
        raise OSError(5, "Input/output error (simulated)")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", crash)
        with pytest.raises(OSError, match="simulated"):
            write_atomically(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["file"]


def test_remove_leftovers_deletes_only_the_temporary_files_of_that_path(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    path.write_text("{}")
    mine = tmp_path / ".draft.json.abc123.tmp"
    theirs = tmp_path / ".other.json.abc123.tmp"
    mine.write_text("half")
    theirs.write_text("half")
    remove_leftovers(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.json.abc123.tmp", "draft.json"]
    remove_leftovers(tmp_path / "missing" / "draft.json")  # no folder: quiet


def test_aside_path_is_next_to_the_file_and_not_taken(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    first = aside_path(path)
    assert first.parent == tmp_path
    assert first.name.startswith("outbox.sqlite3.corrupt-")
    first.write_text("taken")
    second = aside_path(path)
    assert second != first
    assert not second.exists()


def test_fsync_folder_is_quiet_about_a_missing_folder(tmp_path: Path) -> None:
    fsync_folder(tmp_path)
    fsync_folder(tmp_path / "missing")
