"""Entry point from the CLI into the app: every input error is raised before it starts."""

from __future__ import annotations

from pathlib import Path

from reader.app.session import Opening, open_path, open_store
from reader.errors import ReaderError


def prepare(
    path: str | None,
    scene: str | None = None,
    bookmark: str | None = None,
    search: str | None = None,
    resume: bool = False,
    store=None,
) -> Opening | None:
    """What to open (None: the library), or ReaderError for bad input."""
    if resume:
        last = store.last_story() if store is not None else None
        if last is None:
            raise ReaderError("nothing to resume yet; open a story first with 'reader PATH'")
        path = last.path
        if not Path(path).exists():
            raise ReaderError(f"{path}: the last story read is gone; open it with 'reader PATH'")
    if path is None:
        return None
    opening = open_path(path)
    if bookmark is not None:
        marks = _bookmarks_of(store, opening) if store is not None else []
        found = [m for m in marks if m.name == bookmark] or [
            m for m in marks if m.name.casefold() == bookmark.casefold()
        ]
        if not found:
            known = ", ".join(repr(m.name) for m in marks[:5])
            hint = f"known: {known}" if known else "this story has no bookmarks yet"
            raise ReaderError(f"no bookmark named {bookmark!r} ({hint}); see 'reader bookmarks'")
        opening.bookmark = found[0]
    if scene is not None:
        from reader.model.build import build_story

        story = build_story(opening.loaded, opening.source)
        ranked = [item for item in story.find_scenes(scene) if item[0].beats]
        if not ranked:
            raise ReaderError(
                f"no scene matches {scene!r}; list the scenes with 'reader scenes {path}'"
            )
        opening.story = story
        opening.start = ranked[0][0].beats[0].number - 1
    if search is not None:
        opening.search = search
    return opening


def _bookmarks_of(store, opening: Opening) -> list:
    """This story's bookmarks, including those filed under its content before an edit."""
    marks = list(store.bookmarks(opening.fingerprint))
    before = store.story_at(opening.path)
    if before is not None and before.fingerprint != opening.fingerprint:
        marks += store.bookmarks(before.fingerprint)
    return marks


def launch(
    path: str | None, scene: str | None, bookmark: str | None, search: str | None, resume: bool
) -> int:
    store = open_store()
    opening = prepare(path, scene, bookmark, search, resume, store)
    from reader.app.app import ReaderApp

    app = ReaderApp(opening, store=store)
    app.run()
    if app.error is not None:
        if isinstance(app.error, ReaderError):
            raise app.error
        raise app.error
    return app.return_code or 0
