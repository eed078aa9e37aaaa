"""Search: a query, its hit count as you type, and the first hits in context."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.app.screens.dialog import Dialog
from reader.app.text import visible
from reader.model.search import Hit
from reader.model.story import Story

SHOWN = 200
CONTEXT = 28


def hit_option(story: Story, hit: Hit, index: int) -> Option:
    text = story.text
    beat = story.beats[hit.beat - 1]
    start = max(beat.start, hit.start - CONTEXT)
    end = min(beat.end, hit.end + CONTEXT * 2)
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{hit.beat:>6}  ", style="dim")
    if start > beat.start:
        line.append("…")
    line.append(visible(text[start : hit.start]))
    line.append(visible(text[hit.start : hit.end]), style="bold reverse")
    line.append(visible(text[hit.end : end]))
    if end < beat.end:
        line.append("…")
    return Option(line, id=str(index))


class SearchScreen(Dialog[tuple[str, int | None]]):
    """Dismisses with ``(query, hit index)``; the index is None for "first after here"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, story: Story, query: str = "") -> None:
        super().__init__()
        self.story = story
        self.initial = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="search"):
            yield Label("Search", classes="dialog-title")
            yield Input(value=self.initial, placeholder="words, or speaker:NAME words", id="query")
            yield Label("", id="count", classes="dialog-hint")
            yield OptionList(id="hits")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._count("")

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self.query_one(OptionList).highlighted = None
        self._search(event.value)

    @work(exclusive=True, thread=True, group="search")
    def _search(self, query: str) -> None:
        hits = self.story.search(query) if query.strip() else []
        self.app.call_from_thread(self._found, query, hits)

    def _found(self, query: str, hits: list[Hit]) -> None:
        if self.query_one(Input).value != query:
            return
        self.hits = hits
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(hit_option(self.story, hit, i) for i, hit in enumerate(hits[:SHOWN]))
        options.highlighted = None
        self._count(query)

    def _count(self, query: str) -> None:
        if not query.strip():
            message = "type to search · enter jumps to the next hit"
        elif not self.hits:
            message = "no matches"
        else:
            total = len(self.hits)
            message = f"{total} hit{'s' if total != 1 else ''} · enter: next after here"
        self.query_one("#count", Label).update(message)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted if options.highlighted is not None else None
        self.dismiss((event.value, index))

    @on(OptionList.OptionSelected, "#hits")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((self.query_one(Input).value, int(event.option.id or 0)))
