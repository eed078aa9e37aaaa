"""User state — last positions, recently read stories, bookmarks — in one SQLite file.

This is the only module that touches user state. It lives in ``READER_DATA_DIR`` when
that is set, else in platformdirs' user data directory for "reader".

A reader's state is never lost:

* every write is one transaction (WAL journal), so a crash leaves the old or the new state;
* a database file that SQLite cannot read is renamed aside with a timestamp suffix (kept
  for recovery, never deleted), a one-line warning goes to stderr and a fresh one is made;
* stories are keyed by a fingerprint of their *content*, so a moved, renamed or re-saved
  (other line endings) file keeps its position and bookmarks; when a file is edited in
  place (its fingerprint changes), ``remember_story`` carries the old state over to the new
  fingerprint by path, and ``reader.model.locate.locate_beat`` finds the saved beats again.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TypeVar

from reader.errors import ReaderError

T = TypeVar("T")

DB_NAME = "reader.db"
SCHEMA_VERSION = 1
ENV_DIR = "READER_DATA_DIR"

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    fingerprint TEXT PRIMARY KEY,
    path        TEXT,
    title       TEXT NOT NULL DEFAULT '',
    total_beats INTEGER NOT NULL DEFAULT 0,
    beat        INTEGER,
    beat_fp     TEXT,
    opened_at   REAL,
    opened_seq  INTEGER,
    saved_at    REAL
);
CREATE INDEX IF NOT EXISTS stories_path ON stories(path);
CREATE INDEX IF NOT EXISTS stories_opened ON stories(opened_seq);
CREATE TABLE IF NOT EXISTS bookmarks (
    fingerprint TEXT NOT NULL,
    name        TEXT NOT NULL,
    beat        INTEGER NOT NULL,
    beat_fp     TEXT NOT NULL DEFAULT '',
    scene       INTEGER NOT NULL DEFAULT 0,
    created_at  REAL NOT NULL,
    PRIMARY KEY (fingerprint, name)
);
"""


def _normalise(text: str) -> str:
    """Text as content only: NFC, no BOM, every run of white space one space, stripped."""
    text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return " ".join(text.split())


def story_fingerprint(text: str) -> str:
    """A key for a story's content (pass ``Story.text``), independent of path and newlines."""
    return hashlib.sha256(_normalise(text).encode("utf-8")).hexdigest()[:32]


def beat_fingerprint(text: str) -> str:
    """A short key for one beat's text, to find the beat again after the file was edited."""
    return hashlib.sha256(_normalise(text).encode("utf-8")).hexdigest()[:16]


def default_directory() -> Path:
    """``READER_DATA_DIR`` when set (read on each call, so tests can set it), else platformdirs."""
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("reader"))


@dataclass(frozen=True, slots=True)
class Position:
    """Where reading stopped: a global beat number and that beat's text fingerprint."""

    beat: int
    beat_fp: str


@dataclass(frozen=True, slots=True)
class Recent:
    """A story read before; ``beat`` is the saved position (1 when none was saved)."""

    fingerprint: str
    path: str
    title: str
    beat: int
    total: int
    opened_at: datetime
    beat_fp: str = ""

    @property
    def progress(self) -> float:
        """Reading progress in percent (0–100)."""
        return 100.0 * self.beat / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class Bookmark:
    fingerprint: str
    story_title: str
    name: str
    beat: int
    beat_fp: str
    scene: int
    """Scene number (1-based) when the bookmark was made."""
    path: str = ""


class Store:
    """The user-state database; one per process is enough, and it is thread-safe."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_directory()
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ReaderError(
                f"cannot create the data directory {self.directory} ({error.strerror}); "
                f"set {ENV_DIR} to a writable directory"
            ) from None
        self.path = self.directory / DB_NAME
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = self._connect()

    # -- opening -----------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            ok = conn.execute("PRAGMA quick_check").fetchone()
            if not ok or ok[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check failed: {ok[0] if ok else '?'}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise ReaderError(
                    f"{self.path} was written by a newer reader (schema {version}); "
                    "upgrade reader or set READER_DATA_DIR to another directory"
                )
            with conn:
                conn.executescript(SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _connect(self) -> sqlite3.Connection:
        """Open the database; a damaged one is kept aside and a fresh one opened instead."""
        try:
            return self._open()
        except sqlite3.DatabaseError as error:
            if not _is_corrupt(error) or not self.path.exists():
                raise ReaderError(
                    f"cannot open {self.path} ({error}); check the data directory"
                ) from None
            self._set_aside(error)
        try:
            return self._open()
        except sqlite3.DatabaseError as error:
            raise ReaderError(
                f"cannot create {self.path} ({error}); check the data directory"
            ) from None

    def _set_aside(self, error: Exception) -> None:
        """Rename the unreadable file (with its WAL) with a timestamp: kept, never deleted."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
        for suffix in ("", "-wal", "-shm"):
            try:
                Path(f"{self.path}{suffix}").replace(Path(f"{aside}{suffix}"))
            except FileNotFoundError:
                continue  # no such part, or another reader moved it first
            except OSError as move_error:
                raise ReaderError(
                    f"saved state {self.path} is damaged and cannot be moved aside "
                    f"({move_error.strerror}); move it away by hand"
                ) from None
        print(
            f"reader: warning: saved state {self.path} was unreadable ({error}); "
            f"kept it as {aside.name} and started afresh",
            file=sys.stderr,
        )

    def _run(self, work: Callable[[sqlite3.Connection], T], write: bool = True) -> T:
        """``work`` under the lock, as one transaction when it writes: all saved, or none.

        A database damaged while in use is kept aside and the work retried on a fresh one;
        any other SQLite failure (disk full, read-only) is a ReaderError, not a traceback.
        """
        with self._lock:
            for attempt in range(2):
                conn = self._connection()
                try:
                    if not write:
                        return work(conn)
                    with conn:
                        return work(conn)
                except sqlite3.DatabaseError as error:
                    if attempt == 0 and _is_corrupt(error):
                        conn.close()
                        self._conn = None
                        self._set_aside(error)
                        self._conn = self._connect()
                        continue
                    raise ReaderError(
                        f"cannot use the saved state in {self.path} ({error}); "
                        "check the disk and the data directory"
                    ) from None
            raise AssertionError("unreachable")

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ReaderError("the bookmark store is closed")
        return self._conn

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        return self._run(lambda conn: conn.execute(sql, params).fetchall(), write=False)

    def close(self) -> None:
        """Close the database; safe to call twice."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- stories and positions -----------------------------------------------------------

    def remember_story(
        self, fingerprint: str, path: str | Path, title: str, total_beats: int
    ) -> None:
        """Record that a story was opened now, from ``path``.

        If the fingerprint is new but another story was last opened from the same path, the
        file was edited: its position and bookmarks move to the new fingerprint.
        """
        where = _absolute(path)
        now = time.time()

        def work(conn: sqlite3.Connection) -> None:
            known = conn.execute(
                "SELECT 1 FROM stories WHERE fingerprint = ?", (fingerprint,)
            ).fetchone()
            if not known:
                old = conn.execute(
                    "SELECT fingerprint FROM stories WHERE path = ? AND fingerprint != ? "
                    "ORDER BY opened_seq DESC LIMIT 1",
                    (where, fingerprint),
                ).fetchone()
                if old:
                    conn.execute(
                        "UPDATE stories SET fingerprint = ? WHERE fingerprint = ?",
                        (fingerprint, old[0]),
                    )
                    conn.execute(
                        "UPDATE OR REPLACE bookmarks SET fingerprint = ? WHERE fingerprint = ?",
                        (fingerprint, old[0]),
                    )
            seq = conn.execute("SELECT COALESCE(MAX(opened_seq), 0) + 1 FROM stories").fetchone()
            conn.execute(
                "INSERT INTO stories (fingerprint, path, title, total_beats, opened_at, opened_seq)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(fingerprint) DO UPDATE SET path = excluded.path,"
                " title = excluded.title, total_beats = excluded.total_beats,"
                " opened_at = excluded.opened_at, opened_seq = excluded.opened_seq",
                (fingerprint, where, title, int(total_beats), now, seq[0]),
            )

        self._run(work)

    def save_position(self, fingerprint: str, beat_number: int, beat_fp: str) -> None:
        """Save where reading stopped (call it on every move; it is one small transaction)."""
        self._run(
            lambda conn: conn.execute(
                "INSERT INTO stories (fingerprint, beat, beat_fp, saved_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(fingerprint) DO UPDATE SET beat = excluded.beat,"
                " beat_fp = excluded.beat_fp, saved_at = excluded.saved_at",
                (fingerprint, int(beat_number), beat_fp, time.time()),
            )
        )

    def position(self, fingerprint: str) -> Position | None:
        """The saved position of a story, or None when it was never saved."""
        rows = self._query(
            "SELECT beat, beat_fp FROM stories WHERE fingerprint = ? AND beat IS NOT NULL",
            (fingerprint,),
        )
        return Position(rows[0][0], rows[0][1] or "") if rows else None

    def recent(self, limit: int = 20) -> list[Recent]:
        """Stories opened before, most recent first, one per path."""
        rows = self._query(
            "SELECT fingerprint, path, title, beat, total_beats, opened_at, beat_fp"
            " FROM stories WHERE path IS NOT NULL AND opened_seq IS NOT NULL"
            " ORDER BY opened_seq DESC"
        )
        seen: set[str] = set()
        result: list[Recent] = []
        for row in rows:
            if row[1] in seen:
                continue  # an older version of a file edited since: not a separate story
            seen.add(row[1])
            result.append(_recent(row))
            if len(result) >= limit:
                break
        return result

    def last_story(self) -> Recent | None:
        """The story opened most recently (for ``reader --resume``)."""
        recent = self.recent(limit=1)
        return recent[0] if recent else None

    def story_at(self, path: str | Path) -> Recent | None:
        """The story last opened from ``path``, whatever its content is now."""
        rows = self._query(
            "SELECT fingerprint, path, title, beat, total_beats, opened_at, beat_fp"
            " FROM stories WHERE path = ? AND opened_seq IS NOT NULL"
            " ORDER BY opened_seq DESC LIMIT 1",
            (_absolute(path),),
        )
        return _recent(rows[0]) if rows else None

    # -- bookmarks -----------------------------------------------------------------------

    def add_bookmark(
        self, fingerprint: str, name: str, beat: int, beat_fp: str, scene: int
    ) -> Bookmark:
        """Save a named bookmark; the same name in the same story replaces the old one."""
        name = " ".join(name.split())
        if not name:
            raise ReaderError("a bookmark needs a name")

        def work(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO stories (fingerprint) VALUES (?) ON CONFLICT DO NOTHING",
                (fingerprint,),
            )
            conn.execute(
                "INSERT OR REPLACE INTO bookmarks"
                " (fingerprint, name, beat, beat_fp, scene, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (fingerprint, name, int(beat), beat_fp, int(scene), time.time()),
            )

        self._run(work)
        found = [b for b in self.bookmarks(fingerprint) if b.name == name]
        return found[0]

    def bookmarks(self, fingerprint: str | None = None) -> list[Bookmark]:
        """Bookmarks of one story (in reading order) or of all (by story title, then reading)."""
        sql = (
            "SELECT b.fingerprint, COALESCE(NULLIF(s.title, ''), 'Untitled'), b.name, b.beat,"
            " b.beat_fp, b.scene, COALESCE(s.path, '')"
            " FROM bookmarks b LEFT JOIN stories s ON s.fingerprint = b.fingerprint"
        )
        order = " ORDER BY b.beat, b.name COLLATE NOCASE, b.name"
        if fingerprint is None:
            order = (
                " ORDER BY COALESCE(s.title, '') COLLATE NOCASE, b.fingerprint,"
                + order.removeprefix(" ORDER BY")
            )
            rows = self._query(sql + order)
        else:
            rows = self._query(sql + " WHERE b.fingerprint = ?" + order, (fingerprint,))
        return [Bookmark(*row) for row in rows]

    def bookmark(self, fingerprint: str, name: str) -> Bookmark | None:
        """One bookmark by name (exact, else the only case-insensitive match)."""
        marks = self.bookmarks(fingerprint)
        exact = [b for b in marks if b.name == name]
        if exact:
            return exact[0]
        folded = [b for b in marks if b.name.casefold() == name.casefold()]
        return folded[0] if len(folded) == 1 else None

    def delete_bookmark(self, fingerprint: str, name: str) -> bool:
        """Remove a bookmark; False when there was none by that name."""
        name = " ".join(name.split())
        deleted = self._run(
            lambda conn: (
                conn.execute(
                    "DELETE FROM bookmarks WHERE fingerprint = ? AND name = ?", (fingerprint, name)
                ).rowcount
            )
        )
        return deleted > 0


def _recent(row: tuple) -> Recent:
    fp, path, title, beat, total, opened, beat_fp = row
    opened_at = datetime.fromtimestamp(opened or 0, timezone.utc)
    return Recent(fp, path, title, beat or 1, total, opened_at, beat_fp or "")


CORRUPT_SIGNS = ("not a database", "malformed", "quick_check", "corrupt", "encrypted")


def _is_corrupt(error: sqlite3.DatabaseError) -> bool:
    """A damaged file (move it aside), not a busy or unwritable one (leave it alone)."""
    message = str(error).lower()
    return any(sign in message for sign in CORRUPT_SIGNS)


def _absolute(path: str | Path) -> str:
    """A path that still means the same file from another working directory."""
    try:
        return str(Path(path).expanduser().resolve())
    except OSError:
        return str(Path(path).absolute())
