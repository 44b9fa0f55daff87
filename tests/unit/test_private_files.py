"""gui/core/private_files.py on real files under umask 022: folders made 0700, files 0600, what an
older version left tightened, links never followed, and a mode it cannot change only logged."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gui.core import app_folders, private_files
from gui.core.drafts import DraftCorrupt, DraftStore
from gui.core.durable import write_atomically
from gui.core.liveness import LifeMark
from gui.core.logs import setup_logging
from gui.core.outbox.database import Database
from gui.core.private_files import (
    create_private_file,
    private_folder,
    restrict,
    tighten,
    tighten_app_folders,
)
from tests.private_modes import mode_of, modes_below, wider_than_private

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows folders are private by ACL")


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    """The usual umask, under which Python creates folders 0755 and files 0644."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def made(path: Path, mode: int, text: str | None = None) -> Path:
    """A folder (`text` None) or a file at `path` with exactly `mode`, as an older version left
    it."""
    if text is None:
        path.mkdir(parents=True, exist_ok=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    path.chmod(mode)
    return path


# --- Making folders and files -----------------------------------------------------------------


def test_a_new_folder_and_its_missing_parents_are_0700_and_the_rest_is_left(
    tmp_path: Path,
) -> None:
    base = made(tmp_path / "share", 0o755)
    folder = private_folder(base / "ParticleTickets" / "particle-tickets" / "logs")
    assert folder.is_dir()
    assert [oct(mode_of(p)) for p in (folder, folder.parent, folder.parent.parent)] == ["0o700"] * 3
    assert mode_of(base) == 0o755  # the user's folder, which the app did not make


def test_an_existing_folder_loses_group_and_others_access_but_gains_nothing(
    tmp_path: Path,
) -> None:
    parent = made(tmp_path / "parent", 0o755)
    wide = private_folder(made(parent / "wide", 0o755))
    read_only = private_folder(made(parent / "read-only", 0o555))  # made so by hand
    assert (mode_of(wide), mode_of(read_only), mode_of(parent)) == (0o700, 0o500, 0o755)


def test_a_private_file_is_created_0600_or_tightened_with_its_content(tmp_path: Path) -> None:
    new = tmp_path / "config" / "window.ini"
    create_private_file(new)
    assert (new.read_bytes(), mode_of(new), mode_of(new.parent)) == (b"", 0o600, 0o700)
    old = made(tmp_path / "old" / "window.ini", 0o644, "[window]\n")
    create_private_file(old)
    assert (old.read_text(), mode_of(old)) == ("[window]\n", 0o600)


def test_write_atomically_makes_its_folders_private(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "draft.json"
    write_atomically(path, b"{}")
    assert modes_below(tmp_path / "a") == {
        str(tmp_path / "a"): "0o700",
        str(tmp_path / "a" / "b"): "0o700",
        str(path): "0o600",
    }


def test_the_claims_folder_and_its_life_marks_are_private(tmp_path: Path) -> None:
    mark = LifeMark(tmp_path / "outbox.sqlite3.claims")
    name = mark.acquire()
    try:
        assert wider_than_private(mark.folder) == {}
        assert str(mark.folder / f"{name}.alive") in modes_below(mark.folder)
    finally:
        mark.release()


def test_the_log_folder_and_file_are_private(tmp_path: Path) -> None:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    old_log = made(tmp_path / "data" / "logs" / "particle-tickets.log", 0o644, "0.1.0\n")
    made(tmp_path / "data", 0o755)
    try:
        assert setup_logging(tmp_path / "data" / "logs") == old_log
        assert setup_logging(tmp_path / "new" / "data" / "logs") is not None
    finally:
        for handler in [handler for handler in root.handlers if handler not in handlers]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    assert mode_of(old_log) == 0o600
    assert wider_than_private(tmp_path / "new") == {}
    assert mode_of(tmp_path / "data") == 0o755  # the parent of logs/: start-up tightens it


# --- The outbox and the draft -----------------------------------------------------------------


def test_a_new_outbox_and_sqlite_s_wal_and_shm_are_0600_while_it_is_open(tmp_path: Path) -> None:
    path = tmp_path / "data" / "outbox.sqlite3"
    database = Database(path)
    try:
        database.connection().execute("CREATE TABLE probe (x)")
        names = {p.name: oct(mode_of(p)) for p in path.parent.iterdir()}
        assert names == {
            "outbox.sqlite3": "0o600",
            "outbox.sqlite3-wal": "0o600",
            "outbox.sqlite3-shm": "0o600",
        }
        assert mode_of(path.parent) == 0o700
    finally:
        database.close_all()


def test_an_outbox_an_older_version_left_readable_is_tightened_when_opened(
    tmp_path: Path,
) -> None:
    path = tmp_path / "outbox.sqlite3"
    older = Database(path)  # open, as a crashed older version leaves it: -wal and -shm stay
    database = Database(path)
    try:
        older.connection().execute("CREATE TABLE probe (x)")
        for name in ("outbox.sqlite3", "outbox.sqlite3-wal", "outbox.sqlite3-shm"):
            (tmp_path / name).chmod(0o644)
        database.connection()
        assert wider_than_private(tmp_path) == {}
    finally:
        database.close_all()
        older.close_all()


def test_a_damaged_outbox_moved_aside_keeps_nothing_readable(tmp_path: Path) -> None:
    path = made(tmp_path / "outbox.sqlite3", 0o644, "not SQLite\n" * 20)
    made(tmp_path / "outbox.sqlite3-wal", 0o644, "stale")
    database = Database(path)
    try:
        database.connection()
        assert database.moved_aside is not None
        moved = database.moved_aside
        assert mode_of(moved) == 0o600
        assert mode_of(moved.with_name(moved.name + "-wal")) == 0o600
        assert wider_than_private(tmp_path) == {}
    finally:
        database.close_all()


def test_a_damaged_draft_moved_aside_is_private(tmp_path: Path) -> None:
    path = made(tmp_path / "draft.json", 0o644, "{not json")
    with pytest.raises(DraftCorrupt) as caught:
        DraftStore(path).load()
    moved = caught.value.moved_to
    assert moved is not None and moved.read_text() == "{not json"
    assert mode_of(moved) == 0o600


# --- Tightening at start ----------------------------------------------------------------------


def test_tighten_makes_every_folder_0700_and_file_0600_without_following_links(
    tmp_path: Path,
) -> None:
    app = made(tmp_path / "app", 0o755)
    made(app / "logs", 0o755)
    made(app / "logs" / "particle-tickets.log.1", 0o644, "old")
    made(app / "draft.json", 0o666, "{}")
    made(app / "tool.sh", 0o755, "#!/bin/sh\n")  # the user's bits stay: 0700
    made(app / "kept.txt", 0o400, "read-only by hand")  # nothing is added
    outside = made(tmp_path / "outside", 0o755)
    made(outside / "secret.txt", 0o644, "not the app's")
    (app / "file-link").symlink_to(outside / "secret.txt")
    (app / "folder-link").symlink_to(outside, target_is_directory=True)
    (app / "dangling").symlink_to(tmp_path / "nowhere")

    tighten(app)

    assert modes_below(app) == {
        str(app): "0o700",
        str(app / "logs"): "0o700",
        str(app / "logs" / "particle-tickets.log.1"): "0o600",
        str(app / "draft.json"): "0o600",
        str(app / "tool.sh"): "0o700",
        str(app / "kept.txt"): "0o400",
        str(app / "file-link"): "link",
        str(app / "folder-link"): "link",
        str(app / "dangling"): "link",
    }
    assert (mode_of(outside), mode_of(outside / "secret.txt")) == (0o755, 0o644)


def test_tighten_leaves_a_linked_folder_and_a_missing_one_alone(tmp_path: Path) -> None:
    target = made(tmp_path / "target", 0o755)
    made(target / "file", 0o644, "x")
    (tmp_path / "link").symlink_to(target, target_is_directory=True)
    tighten(tmp_path / "link")
    tighten(tmp_path / "missing")
    assert (mode_of(target), mode_of(target / "file")) == (0o755, 0o644)
    assert not (tmp_path / "missing").exists()


def test_a_file_tighten_cannot_change_is_logged_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    app = made(tmp_path / "app", 0o755)
    stuck = made(app / "a" / "owned-by-another.txt", 0o644, "x")
    others = [made(app / "a" / "b.txt", 0o644, "y"), made(app / "z" / "c.txt", 0o644, "z")]
    real_chmod = os.chmod

    def chmod(path: str | Path, mode: int, **kwargs: Any) -> None:
        if os.fspath(path) == str(stuck):  # as chmod says of another account's file
            raise PermissionError(1, "Operation not permitted", str(path))
        real_chmod(path, mode, **kwargs)

    monkeypatch.setattr(private_files.os, "chmod", chmod)
    with caplog.at_level(logging.WARNING, logger="gui.core.private_files"):
        tighten(app)
        restrict(stuck)
    assert mode_of(stuck) == 0o644
    assert [mode_of(path) for path in others] == [0o600, 0o600]
    assert wider_than_private(app) == {str(stuck): "0o644"}
    assert [record.getMessage() for record in caplog.records] == [
        f"could not make {stuck} private: Operation not permitted"
    ] * 2


def test_tighten_app_folders_tightens_config_and_data_but_not_the_folder_named(
    tmp_path: Path,
) -> None:
    own = made(tmp_path / "own", 0o755)
    environ = {app_folders.ENV_FOLDER: str(own)}
    made(own / "config" / "settings.ini", 0o644, "[ui]\n")
    made(own / "data" / "outbox.sqlite3.claims", 0o755)
    made(own / "data" / "draft.json", 0o644, "{}")
    made(own / "elsewhere.txt", 0o644, "the user's")
    for folder in ("config", "data"):
        (own / folder).chmod(0o755)

    tighten_app_folders(environ)

    assert wider_than_private(own / "config", own / "data") == {}
    assert (mode_of(own), mode_of(own / "elsewhere.txt")) == (0o755, 0o644)
