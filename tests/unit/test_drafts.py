"""The draft file: written atomically, restored, moved aside when damaged, kept whole on SIGKILL."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gui.core.drafts import DraftCorrupt, DraftStore
from gui.core.fields import ContactType, Operation
from gui.core.ticket import TicketDraft, draft_to_json
from tests.unit.durable_writer import Child, draft_description

DRAFT = TicketDraft(
    ticket_id="tic_1001",
    title="Leaking faucet",
    description="Leak under the kitchen sink.\nSecond line: 水漏れ",
    status="ON_HOLD",
    notify=True,
    time=datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5))),
    type=ContactType.EMAIL,
    contacts="example@example.com",
    automated=True,
)
OTHER = TicketDraft(ticket_id="tic_1002", title="Broken window")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "draft.json"


def test_no_draft_loads_as_none(path: Path) -> None:
    assert DraftStore(path).load() is None


def test_save_and_load_round_trip_and_create_the_folder(path: Path) -> None:
    store = DraftStore(path)
    store.save(DRAFT)
    assert path.is_file()
    assert DraftStore(path).load() == DRAFT
    store.save(OTHER)
    assert store.load() == OTHER
    assert sorted(p.name for p in path.parent.iterdir()) == ["draft.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_draft_is_readable_by_the_user_only(path: Path) -> None:
    DraftStore(path).save(DRAFT)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_clear_removes_the_draft_and_is_quiet_when_there_is_none(path: Path) -> None:
    store = DraftStore(path)
    store.clear()
    store.save(DRAFT)
    store.clear()
    assert not path.exists()
    assert store.load() is None
    store.clear()


def test_a_crash_before_the_rename_leaves_the_old_draft_and_no_temporary_file(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(path)
    store.save(DRAFT)
    before = path.read_bytes()

    def crash(source: object, target: object) -> None:
        raise OSError(5, "Input/output error (simulated)")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", crash)
        with pytest.raises(OSError, match="simulated"):
            store.save(OTHER)
    assert path.read_bytes() == before
    assert store.load() == DRAFT
    assert [p.name for p in path.parent.iterdir()] == ["draft.json"]


def test_a_failing_fsync_leaves_the_old_draft_and_no_temporary_file(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(path)
    store.save(DRAFT)

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device (simulated)")

    with monkeypatch.context() as patched:
        patched.setattr(os, "fsync", full)
        with pytest.raises(OSError, match="No space"):
            store.save(OTHER)
    assert store.load() == DRAFT
    assert [p.name for p in path.parent.iterdir()] == ["draft.json"]


def test_a_folder_that_is_a_file_cannot_be_written(tmp_path: Path) -> None:
    """Works as root too (root ignores permission bits, not file types)."""
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(OSError):
        DraftStore(blocker / "draft.json").save(DRAFT)
    with pytest.raises(OSError):
        DraftStore(blocker / "deeper" / "draft.json").save(DRAFT)


def test_a_draft_path_taken_by_a_folder_cannot_be_written_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    (tmp_path / "draft.json").mkdir()
    with pytest.raises(OSError):
        DraftStore(tmp_path / "draft.json").save(DRAFT)
    assert [p.name for p in tmp_path.iterdir()] == ["draft.json"]


def permissions_are_enforced(folder: Path) -> bool:
    """Whether a 0o500 folder stops this process from writing (not for root, which has
    CAP_DAC_OVERRIDE, nor on Windows)."""
    probe = folder / "probe"
    probe.mkdir()
    probe.chmod(0o500)
    try:
        (probe / "file").touch()
    except PermissionError:
        return True
    else:
        (probe / "file").unlink()
        return False
    finally:
        probe.chmod(0o700)
        probe.rmdir()


#: Runs the read-only check in a child that keeps root's uid but not its power to write
#: anywhere (CAP_DAC_OVERRIDE and friends), so that CI, which runs as root, tests it too.
_WITHOUT_OVERRIDE = (
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search,-fowner",
    "--inh-caps=-dac_override,-dac_read_search,-fowner",
)


def test_a_read_only_folder_raises_oserror_and_keeps_the_old_draft(
    path: Path, tmp_path: Path
) -> None:
    if not permissions_are_enforced(tmp_path):
        if os.environ.get("PARTICLE_TICKETS_UNPRIVILEGED") or not shutil.which("setpriv"):
            raise AssertionError("cannot make a folder read-only for this user")
        # Root writes into read-only folders: run this very test again without that power.
        child = subprocess.run(
            [
                *_WITHOUT_OVERRIDE,
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                f"{__file__}::test_a_read_only_folder_raises_oserror_and_keeps_the_old_draft",
            ],
            env={**os.environ, "PARTICLE_TICKETS_UNPRIVILEGED": "1"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert child.returncode == 0, child.stdout + child.stderr
        return
    store = DraftStore(path)
    store.save(DRAFT)
    path.parent.chmod(0o500)
    try:
        with pytest.raises(OSError):
            store.save(OTHER)
    finally:
        path.parent.chmod(0o700)
    assert store.load() == DRAFT
    assert [p.name for p in path.parent.iterdir()] == ["draft.json"]


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00garbage",
        b"",
        b'{"title": 5}',
        b"[]",
        draft_to_json(DRAFT).encode()[:40],
    ],
    ids=["binary", "empty", "wrong-type", "not-an-object", "truncated"],
)
def test_a_damaged_draft_is_moved_aside(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = DraftStore(path)
    with pytest.raises(DraftCorrupt) as caught:
        store.load()
    moved = caught.value.moved_to
    assert moved is not None
    assert moved.parent == path.parent
    assert moved.name.startswith("draft.json.corrupt-")
    assert moved.read_bytes() == content
    assert moved.name in str(caught.value)
    assert not path.exists()
    assert store.load() is None  # the next start is clean


def test_damaged_twice_in_the_same_second_keeps_both_copies(path: Path) -> None:
    store = DraftStore(path)
    path.parent.mkdir(parents=True)
    moved = []
    for content in (b"first", b"second"):
        path.write_bytes(content)
        with pytest.raises(DraftCorrupt) as caught:
            store.load()
        moved.append(caught.value.moved_to)
    assert moved[0] != moved[1]
    assert [m.read_bytes() for m in moved if m is not None] == [b"first", b"second"]


def test_an_unreadable_draft_is_moved_aside(path: Path) -> None:
    path.mkdir(parents=True)  # reading a folder fails, as an unreadable file would
    with pytest.raises(DraftCorrupt) as caught:
        DraftStore(path).load()
    assert caught.value.moved_to is not None
    assert caught.value.moved_to.is_dir()
    assert not path.exists()


def test_leftovers_of_a_killed_save_are_removed_at_load(path: Path) -> None:
    store = DraftStore(path)
    store.save(DRAFT)
    leftover = path.with_name(".draft.json.abc123.tmp")
    leftover.write_text('{"title": "half')
    assert store.load() == DRAFT
    assert not leftover.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_saving_never_leaves_a_broken_draft(path: Path) -> None:
    """A real process saves big drafts in a tight loop and is killed at a random moment; the
    file always loads, as the last draft it reported or the one it was writing."""
    for round_ in range(3):
        child = Child("drafts", str(path), "100000")
        printed = [child.read_line() for _ in range(2 + 3 * round_)]
        printed += child.kill()
        assert child.process.returncode != 0
        last = int(printed[-1])
        restored = DraftStore(path).load()
        assert restored is not None
        index = int(restored.title.removeprefix("draft "))
        assert index in (last, last + 1)
        assert restored.description == draft_description(index)
        assert [p.name for p in path.parent.iterdir()] == ["draft.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(
    ("point", "expected"),
    [("write", 0), ("fsync", 0), ("replace", 1)],
)
def test_sigkill_at_each_step_of_a_save(path: Path, point: str, expected: int) -> None:
    """The writer kills itself with SIGKILL half-way through writing, after writing but before
    the rename, and after the rename: the old draft, the old draft, the new draft."""
    child = Child("crash", str(path), point)
    assert child.wait() == ["0"]
    assert child.process.returncode == -9
    if point != "replace":
        assert len(list(path.parent.iterdir())) == 2  # the draft and the killed save's temp file
    restored = DraftStore(path).load()
    assert restored is not None
    assert restored.title == f"draft {expected}"
    assert restored.description == draft_description(expected)
    assert [p.name for p in path.parent.iterdir()] == ["draft.json"]


@pytest.mark.parametrize("operation", list(Operation))
def test_an_empty_form_is_no_draft_saving_it_clears_the_one_there(
    tmp_path: Path, operation: Operation
) -> None:
    store = DraftStore(tmp_path / "draft.json")
    store.save(TicketDraft(ticket_id="tic_1", title="Half"))
    store.save(TicketDraft(operation=operation))
    assert not store.path.exists() and store.load() is None


def test_an_empty_form_an_earlier_version_saved_is_not_restored(tmp_path: Path) -> None:
    path = tmp_path / "draft.json"
    path.write_text(draft_to_json(TicketDraft()), encoding="utf-8")
    assert DraftStore(path).load() is None
    for typed in (TicketDraft(title="x"), TicketDraft(notify=True), TicketDraft(automated=True)):
        path.write_text(draft_to_json(typed), encoding="utf-8")
        assert DraftStore(path).load() == typed
