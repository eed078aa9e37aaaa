"""``reader bookmarks [PATH]``: list saved bookmarks, one a line, tab separated.

Each line is ``<story>\\t<name>\\t<scene>/<beat>``. With a PATH the story is loaded, so the
bookmarks are the ones of its content (whatever the file is called now) and their scene and
beat are located in the text as it is now (``locate_beat``), not as it was when saved.
"""

from __future__ import annotations

import sys

from reader.store import Bookmark, Store, story_fingerprint


def print_bookmarks(path: str | None) -> int:
    """Print the bookmarks of every story, or of the story at ``path``; exit status 0."""
    store = Store()
    try:
        lines = _story_lines(store, path) if path is not None else _all_lines(store)
    finally:
        store.close()
    sys.stdout.write("".join(line + "\n" for line in lines))
    return 0


def _all_lines(store: Store) -> list[str]:
    return [_line(m.story_title, m.name, m.scene, m.beat) for m in store.bookmarks()]


def _story_lines(store: Store, path: str) -> list[str]:
    from reader.model import load_story
    from reader.model.locate import locate_beat

    story = load_story(path)  # a bad path raises ReaderError: one line, exit 2
    marks: list[Bookmark] = store.bookmarks(story_fingerprint(story.text))
    if not marks:
        # edited since it was last opened: the bookmarks are under its old fingerprint
        known = store.story_at(path)
        marks = store.bookmarks(known.fingerprint) if known else []
    lines = []
    for mark in marks:
        if story.beats:
            number = locate_beat(story, mark.beat, mark.beat_fp)
            scene = story.beats[number - 1].scene + 1
        else:
            number, scene = mark.beat, mark.scene
        lines.append(_line(story.title, mark.name, scene, number))
    return lines


def _line(story: str, name: str, scene: int, beat: int) -> str:
    return f"{_one_line(story)}\t{_one_line(name)}\t{scene}/{beat}"


def _one_line(value: str) -> str:
    return " ".join(value.replace("\t", " ").split())
