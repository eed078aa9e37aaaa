"""What the app opens, and the glue to the persistence store (reader.store).

Everything here runs before the app starts or in plain Python: the app itself only
asks for a start beat and reports the current one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.model.loader import LoadedText, load_text
from reader.model.story import Story


@dataclass
class Opening:
    """A story to open, with where to start."""

    path: Path
    loaded: LoadedText
    fingerprint: str
    story: Story | None = None
    start: int | None = None
    """0-based beat index to open at (from --scene), else the saved position."""
    bookmark: Any = None
    """A store Bookmark to open at (from --bookmark)."""
    search: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def source(self) -> str:
        return str(self.path)


def open_store(directory: Path | None = None) -> Any:
    """The persistence store, or None when this build has none."""
    try:
        from reader.store import Store
    except ImportError:
        return None
    return Store(directory)


def story_fingerprint(text: str) -> str:
    try:
        from reader.store import story_fingerprint as fingerprint
    except ImportError:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return fingerprint(text)


def beat_fingerprint(text: str) -> str:
    try:
        from reader.store import beat_fingerprint as fingerprint
    except ImportError:
        return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]
    return fingerprint(text)


def locate(story: Story, beat: int, beat_fp: str | None) -> int:
    """The 1-based beat where a saved position lands (the file may have been edited)."""
    try:
        from reader.model.locate import locate_beat
    except ImportError:
        return max(1, min(beat, len(story.beats)))
    return locate_beat(story, beat, beat_fp)


def open_path(path: str | Path) -> Opening:
    """Read ``path`` (raising ReaderError for anything unreadable) into an Opening."""
    loaded = load_text(path)
    return Opening(Path(path), loaded, story_fingerprint(loaded.text))


class Session:
    """Position and bookmarks of one story, saved through the store (if there is one)."""

    def __init__(self, store: Any, opening: Opening, story: Story) -> None:
        self.store = store
        self.opening = opening
        self.story = story
        self.saved: int | None = None

    @property
    def fingerprint(self) -> str:
        return self.opening.fingerprint

    def remember(self) -> None:
        if self.store is None:
            return
        path = str(self.opening.path.resolve())
        self.store.remember_story(self.fingerprint, path, self.story.title, len(self.story.beats))

    def start_beat(self) -> int:
        """0-based index to open at when nothing else was asked for."""
        if self.store is None or not self.story.beats:
            return 0
        position = self.store.position(self.fingerprint)
        if position is None:
            return 0
        return locate(self.story, position.beat, position.beat_fp) - 1

    def save_position(self, index: int, force: bool = False) -> None:
        if self.store is None or not self.story.beats:
            return
        if index == self.saved and not force:
            return
        beat = self.story.beats[index]
        self.store.save_position(
            self.fingerprint, beat.number, beat_fingerprint(self.story.beat_text(beat))
        )
        self.saved = index

    def bookmarks(self) -> list[Any]:
        if self.store is None:
            return []
        return list(self.store.bookmarks(self.fingerprint))

    def add_bookmark(self, name: str, index: int) -> Any:
        beat = self.story.beats[index]
        fp = beat_fingerprint(self.story.beat_text(beat))
        scene = self.story.scenes[beat.scene].number
        return self.store.add_bookmark(self.fingerprint, name, beat.number, fp, scene)

    def delete_bookmark(self, name: str) -> None:
        self.store.delete_bookmark(self.fingerprint, name)

    def bookmark_beat(self, bookmark: Any) -> int:
        """0-based index where ``bookmark`` lands."""
        return locate(self.story, bookmark.beat, getattr(bookmark, "beat_fp", None)) - 1


def suggest_bookmark_name(story: Story, index: int, taken: set[str]) -> str:
    """A name for a bookmark at beat ``index``: the scene's title and the beat number."""
    beat = story.beats[index]
    title = " ".join(story.scenes[beat.scene].title.split())
    if len(title) > 40:
        title = title[:39].rstrip() + "…"
    name = f"{title} · beat {beat.number}"
    suffix = 2
    candidate = name
    while candidate in taken:
        candidate = f"{name} ({suffix})"
        suffix += 1
    return candidate
