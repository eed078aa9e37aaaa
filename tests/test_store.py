"""User state survives: across Store instances, renames, re-saves and a corrupt file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading

import pytest

from reader import load_story
from reader.errors import ReaderError
from reader.store import Position, Store, beat_fingerprint, story_fingerprint

TEXT = "The lamp was out.\n\n\u201cWho's there?\u201d Mara asked.\n\nNobody answered her.\n"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "data")
    yield s
    s.close()


def test_position_survives_a_new_store(tmp_path):
    first = Store(tmp_path)
    fp = story_fingerprint(TEXT)
    first.remember_story(fp, tmp_path / "lamp.txt", "The Lamp", 5)
    first.save_position(fp, 3, beat_fingerprint("Mara asked."))
    first.close()
    second = Store(tmp_path)
    assert second.position(fp) == Position(3, beat_fingerprint("Mara asked."))
    assert second.last_story().title == "The Lamp"
    assert second.last_story().beat == 3 and second.last_story().total == 5
    second.close()


def test_unknown_story_has_no_position(store):
    assert store.position("nope") is None
    assert store.last_story() is None
    assert store.recent() == []
    assert store.bookmarks() == []


def test_reader_data_dir_is_respected(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "state"))
    s = Store()
    s.save_position("abc", 1, "x")
    s.close()
    assert (tmp_path / "state" / "reader.db").is_file()


def test_corrupt_file_is_kept_aside_and_a_fresh_db_works(tmp_path, capsys):
    db = tmp_path / "reader.db"
    garbage = b"this is not a database at all\n" * 200
    db.write_bytes(garbage)
    s = Store(tmp_path)
    s.add_bookmark("fp", "here", 4, "b", 1)
    assert [b.name for b in s.bookmarks("fp")] == ["here"]
    s.close()
    aside = list(tmp_path.glob("reader.db.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "warning" in err and aside[0].name in err
    # and the next start is quiet, with the bookmark still there
    again = Store(tmp_path)
    assert [b.name for b in again.bookmarks()] == ["here"]
    again.close()
    assert capsys.readouterr().err == ""


def test_truncated_database_is_recovered(tmp_path, capsys):
    s = Store(tmp_path)
    for n in range(200):
        s.add_bookmark("fp", f"mark {n}", n + 1, "b", 1)
    s.close()
    db = tmp_path / "reader.db"
    data = db.read_bytes()
    db.write_bytes(data[:100] + b"\xff" * (len(data) - 100))  # header kept, pages smashed
    fresh = Store(tmp_path)
    fresh.save_position("fp", 2, "x")
    assert fresh.position("fp") == Position(2, "x")
    fresh.close()
    assert list(tmp_path.glob("reader.db.corrupt-*"))
    assert "warning" in capsys.readouterr().err


class FailingConnection:
    """Stands in for a connection whose database fails under it while in use."""

    def __init__(self, message: str) -> None:
        self.message = message

    def execute(self, *args, **kwargs):
        raise sqlite3.DatabaseError(self.message)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self) -> None:
        pass


def test_damage_while_in_use_is_kept_aside_and_the_write_retried(tmp_path, capsys):
    s = Store(tmp_path)
    s._conn = FailingConnection("database disk image is malformed")
    s.save_position("fp", 7, "x")
    assert s.position("fp") == Position(7, "x")
    s.close()
    assert list(tmp_path.glob("reader.db.corrupt-*"))
    assert "warning" in capsys.readouterr().err


def test_other_sqlite_failures_are_reader_errors(tmp_path):
    s = Store(tmp_path)
    s._conn = FailingConnection("disk I/O error")
    with pytest.raises(ReaderError, match="cannot use the saved state"):
        s.save_position("fp", 1, "x")
    assert not list(tmp_path.glob("reader.db.corrupt-*"))


def test_unwritable_directory_is_a_reader_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReaderError, match="READER_DATA_DIR"):
        Store(blocker / "sub")


def test_bookmark_with_same_name_replaces(store):
    fp = story_fingerprint(TEXT)
    store.remember_story(fp, "lamp.txt", "The Lamp", 5)
    store.add_bookmark(fp, "door", 2, "a", 1)
    mark = store.add_bookmark(fp, "door", 4, "b", 2)
    assert (mark.name, mark.beat, mark.beat_fp, mark.scene, mark.story_title) == (
        "door",
        4,
        "b",
        2,
        "The Lamp",
    )
    assert len(store.bookmarks(fp)) == 1


def test_bookmarks_delete_and_order(store):
    store.remember_story("f2", "b.txt", "Beta", 9)
    store.remember_story("f1", "a.txt", "Alpha", 9)
    store.add_bookmark("f2", "late", 8, "x", 2)
    store.add_bookmark("f2", "early", 1, "x", 1)
    store.add_bookmark("f1", "mid", 5, "x", 1)
    assert [(b.story_title, b.name) for b in store.bookmarks()] == [
        ("Alpha", "mid"),
        ("Beta", "early"),
        ("Beta", "late"),
    ]
    assert [b.name for b in store.bookmarks("f2")] == ["early", "late"]
    assert store.delete_bookmark("f2", "early") is True
    assert store.delete_bookmark("f2", "early") is False
    assert [b.name for b in store.bookmarks("f2")] == ["late"]


def test_bookmark_names_are_one_line(store):
    mark = store.add_bookmark("f", "  the\tdoor\nopens ", 1, "x", 1)
    assert mark.name == "the door opens"
    with pytest.raises(ReaderError):
        store.add_bookmark("f", " \t", 1, "x", 1)
    assert store.bookmark("f", "THE DOOR OPENS") == mark


def test_recent_is_most_recent_first(store, tmp_path):
    for name in ("one", "two", "three"):
        store.remember_story(f"fp-{name}", tmp_path / f"{name}.txt", name, 10)
    store.remember_story("fp-one", tmp_path / "one.txt", "one", 10)
    assert [r.title for r in store.recent()] == ["one", "three", "two"]
    assert [r.title for r in store.recent(limit=2)] == ["one", "three"]
    assert store.last_story().fingerprint == "fp-one"
    assert store.last_story().path == str((tmp_path / "one.txt").resolve())


def test_renamed_file_keeps_its_state(store, tmp_path):
    fp = story_fingerprint(TEXT)
    store.remember_story(fp, tmp_path / "old.txt", "Lamp", 5)
    store.save_position(fp, 4, "b4")
    store.add_bookmark(fp, "mark", 2, "b2", 1)
    store.remember_story(fp, tmp_path / "new name.txt", "Lamp", 5)
    assert store.position(fp) == Position(4, "b4")
    assert store.recent()[0].path.endswith("new name.txt")
    assert len(store.recent()) == 1
    assert store.bookmarks(fp)[0].path.endswith("new name.txt")


def test_edited_file_carries_state_to_the_new_fingerprint(store, tmp_path):
    path = tmp_path / "story.txt"
    old, new = story_fingerprint(TEXT), story_fingerprint(TEXT + "\nAn added line.\n")
    store.remember_story(old, path, "Lamp", 5)
    store.save_position(old, 3, "b3")
    store.add_bookmark(old, "mark", 2, "b2", 1)
    store.remember_story(new, path, "Lamp", 6)
    assert store.position(new) == Position(3, "b3")
    assert [b.name for b in store.bookmarks(new)] == ["mark"]
    assert store.story_at(path).fingerprint == new


def test_fingerprints_ignore_line_endings_bom_and_wrapping():
    crlf = TEXT.replace("\n", "\r\n")
    cr = TEXT.replace("\n", "\r")
    assert story_fingerprint(crlf) == story_fingerprint(TEXT) == story_fingerprint(cr)
    assert story_fingerprint("\ufeff" + TEXT) == story_fingerprint(TEXT)
    assert story_fingerprint(TEXT + "  \n\n") == story_fingerprint(TEXT)
    assert story_fingerprint(TEXT.replace("Nobody", "Somebody")) != story_fingerprint(TEXT)
    assert beat_fingerprint("Mara\n asked.") == beat_fingerprint("Mara asked.")
    assert beat_fingerprint("Mara asked.") != beat_fingerprint("Mara asked?")
    # decomposed and composed accents are the same text
    assert story_fingerprint("Ame\u0301lie") == story_fingerprint("Am\u00e9lie")


def test_fingerprint_is_stable_across_processes():
    code = "from reader.store import story_fingerprint as f; print(f('a\\r\\nb'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == story_fingerprint("a\nb")


def test_concurrent_writes_from_threads_all_land(store):
    def write(n: int) -> None:
        for i in range(20):
            store.add_bookmark("fp", f"t{n}-{i}", i + 1, "x", 1)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.bookmarks("fp")) == 80


def test_two_stores_on_one_directory(tmp_path):
    a, b = Store(tmp_path), Store(tmp_path)
    a.save_position("fp", 5, "x")
    assert b.position("fp") == Position(5, "x")
    b.add_bookmark("fp", "m", 5, "x", 1)
    assert [m.name for m in a.bookmarks("fp")] == ["m"]
    a.close()
    b.close()


def test_closed_store_refuses_and_close_twice_is_fine(tmp_path):
    s = Store(tmp_path)
    s.close()
    s.close()
    with pytest.raises(ReaderError):
        s.position("fp")


def test_newer_schema_is_refused_not_overwritten(tmp_path):
    conn = sqlite3.connect(tmp_path / "reader.db")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(ReaderError, match="newer"):
        Store(tmp_path)
    assert not list(tmp_path.glob("*.corrupt-*"))


# -- reader bookmarks (the CLI, in a subprocess with READER_DATA_DIR set) -------------------

STORY = """\
# The Crossing

The ferry left at dawn, and Ines stood at the rail.

"You'll catch your death," said the deckhand.

* * *

The island came slowly, grey on grey, and then all at once green.
"""


def run_bookmarks(data_dir, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "reader", "bookmarks", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def bookmark_story(data_dir, path, needle: str, name: str) -> None:
    story = load_story(path)
    beat = next(b for b in story.beats if needle in story.beat_text(b))
    fp = story_fingerprint(story.text)
    with Store(data_dir) as s:
        s.remember_story(fp, path, story.title, len(story.beats))
        s.add_bookmark(
            fp, name, beat.number, beat_fingerprint(story.beat_text(beat)), beat.scene + 1
        )


def test_cli_lists_all_bookmarks(tmp_path):
    data = tmp_path / "data"
    path = tmp_path / "crossing.txt"
    path.write_text(STORY, encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Alone in the attic, Pim read by candle.\n", encoding="utf-8")
    bookmark_story(data, path, "grey on grey", "island")
    bookmark_story(data, path, "ferry left", "dawn")
    bookmark_story(data, other, "attic", "attic\tlight")
    result = run_bookmarks(data)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Other\tattic light\t1/1",
        "The Crossing\tdawn\t1/1",
        "The Crossing\tisland\t2/4",
    ]


def test_cli_lists_one_story_and_follows_edits(tmp_path):
    data = tmp_path / "data"
    path = tmp_path / "crossing.txt"
    path.write_text(STORY, encoding="utf-8")
    bookmark_story(data, path, "grey on grey", "island")
    bookmark_story(data, tmp_path / "crossing.txt", "ferry left", "dawn")
    # a renamed copy with Windows line endings is the same story
    moved = tmp_path / "moved.txt"
    moved.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    assert run_bookmarks(data, str(moved)).stdout.splitlines() == [
        "The Crossing\tdawn\t1/1",
        "The Crossing\tisland\t2/4",
    ]
    # edited in place: a paragraph added before the bookmark moves it to beat 5
    path.write_text(STORY.replace("* * *\n", "* * *\n\nGulls followed the wake.\n"), "utf-8")
    assert run_bookmarks(data, str(path)).stdout.splitlines() == [
        "The Crossing\tdawn\t1/1",
        "The Crossing\tisland\t2/5",
    ]


def test_cli_with_no_bookmarks_prints_nothing(tmp_path):
    result = run_bookmarks(tmp_path / "data")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_cli_bad_path_is_one_line_exit_2(tmp_path):
    result = run_bookmarks(tmp_path / "data", str(tmp_path / "missing.txt"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr
    assert "Traceback" not in result.stderr
