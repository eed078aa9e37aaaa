"""The library: bundled stories (the repository's seeds/) and recently read ones."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from reader.app.text import visible
from reader.app.widgets.lines import one_line, two_lines
from reader.errors import ReaderError

STORY_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".epub"}


def find_seeds_dir() -> Path | None:
    """Where the bundled stories are: $READER_SEEDS_DIR, the package, or the checkout.

    An editable install runs the package from the repository, so the repository's
    ``seeds/`` next to the ``reader`` package is found without any packaging metadata.
    """
    import reader

    package = Path(reader.__file__).resolve().parent
    candidates = []
    if os.environ.get("READER_SEEDS_DIR"):
        candidates.append(Path(os.environ["READER_SEEDS_DIR"]))
    candidates += [package / "seeds", package.parent / "seeds"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


@dataclass(frozen=True, slots=True)
class Entry:
    path: Path
    title: str
    detail: str
    recent: bool


def seed_entries(directory: Path | None) -> list[Entry]:
    if directory is None:
        return []
    from reader.model.loader import load_text

    entries = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in STORY_SUFFIXES or not path.is_file():
            continue
        try:
            title = load_text(path).title
        except (ReaderError, OSError):
            continue
        entries.append(Entry(path, title, path.name, False))
    return entries


def recent_entries(store) -> list[Entry]:
    if store is None:
        return []
    entries = []
    for recent in store.recent():
        total = recent.total or 1
        percent = min(100, recent.beat * 100 // total)
        detail = f"beat {recent.beat}/{recent.total} · {percent}% · {Path(recent.path).name}"
        if not Path(recent.path).exists():
            detail += " (the file is gone)"
        entries.append(Entry(Path(recent.path), recent.title, detail, True))
    return entries


def entry_option(entry: Entry, index: int) -> Option:
    title = one_line((visible(" ".join(entry.title.split())), "bold"))
    detail = one_line((f"  {visible(entry.detail)}", "dim"))
    return Option(two_lines(title, detail), id=str(index))


class LibraryScreen(Screen):
    """Pick a story: enter opens it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, seeds_dir: Path | None = None) -> None:
        super().__init__()
        self.seeds_dir = seeds_dir
        self.entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        with Vertical(id="library"):
            yield Label("Loading the library…", id="library-hint")
            yield OptionList(id="stories")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "reader"
        self.sub_title = "Library"
        self.query_one(OptionList).focus()
        self._load()

    def on_screen_resume(self) -> None:
        self.query_one(OptionList).focus()
        if self.entries:
            self._load()

    @work(thread=True, exclusive=True, group="library")
    def _load(self) -> None:
        recent = recent_entries(getattr(self.app, "store", None))
        seeds = seed_entries(self.seeds_dir)
        self.app.call_from_thread(self._fill, recent, seeds)

    def _fill(self, recent: list[Entry], seeds: list[Entry]) -> None:
        options = self.query_one(OptionList)
        highlighted = options.highlighted
        options.clear_options()
        self.entries = [*recent, *seeds]
        if recent:
            options.add_option(Option(Text("Recently read", style="bold underline"), disabled=True))
            options.add_options(entry_option(e, i) for i, e in enumerate(recent))
        if seeds:
            options.add_option(
                Option(Text("Bundled stories", style="bold underline"), disabled=True)
            )
            options.add_options(entry_option(e, len(recent) + i) for i, e in enumerate(seeds))
        hint = self.query_one("#library-hint", Label)
        if not self.entries:
            hint.update("No stories yet: run 'reader PATH' to open one.")
        else:
            hint.update("enter opens a story · q quits")
        if options.option_count:
            options.highlighted = highlighted if highlighted is not None else 1

    @on(OptionList.OptionSelected, "#stories")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        entry = self.entries[int(event.option.id)]
        from reader.app.screens.reading import ReadingScreen
        from reader.app.session import open_path

        try:
            opening = open_path(entry.path)
        except ReaderError as error:
            self.notify(str(error), title="Cannot open", severity="error")
            return
        self.app.push_screen(ReadingScreen(opening, from_library=True))

    def action_help(self) -> None:
        from reader.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())
