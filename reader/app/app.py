"""The Textual application: the library, or one story's reading screen."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.app.session import Opening, open_store

_UNSET: Any = object()


class ReaderApp(App[int]):
    """``reader``'s terminal UI."""

    CSS_PATH = "styles/reader.tcss"
    TITLE = "reader"

    def __init__(
        self,
        opening: Opening | None = None,
        *,
        store: Any = _UNSET,
        seeds_dir: Path | None = _UNSET,
    ) -> None:
        super().__init__()
        self.opening = opening
        self.store = open_store() if store is _UNSET else store
        if seeds_dir is _UNSET:
            from reader.app.screens.library import find_seeds_dir

            seeds_dir = find_seeds_dir()
        self.seeds_dir = seeds_dir
        self.error: BaseException | None = None

    def get_default_screen(self) -> Screen:
        """The first screen: the story, or the library when there is none."""
        if self.opening is not None:
            from reader.app.screens.reading import ReadingScreen

            return ReadingScreen(self.opening)
        from reader.app.screens.library import LibraryScreen

        return LibraryScreen(self.seeds_dir)

    def fail(self, error: BaseException) -> None:
        """Leave the app; ``launch`` reports ``error`` after the terminal is restored."""
        self.error = error
        self.exit(return_code=2)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        from reader.app.screens.reading import ReadingScreen

        if isinstance(screen, ReadingScreen):
            yield SystemCommand("Go to scene", "Jump to a scene by keyword (g)", screen.action_goto)
            yield SystemCommand("Search", "Search the story (/)", screen.action_search)
            yield SystemCommand(
                "Add bookmark", "Bookmark the current beat (b)", screen.action_bookmark
            )
            yield SystemCommand(
                "Bookmarks", "List bookmarks: jump or delete (B)", screen.action_bookmarks
            )
            yield SystemCommand(
                "Toggle prose view", "Beat view or prose view (v)", screen.action_toggle_view
            )
            yield SystemCommand("Cast", "Characters and their colours (c)", screen.action_cast)
            yield SystemCommand("Keys", "Every key of the reading screen (?)", screen.action_help)
