"""Go to scene: type a keyword, see matching scenes best first, enter jumps."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.app.screens.dialog import Dialog
from reader.app.text import visible
from reader.app.widgets.lines import one_line, two_lines
from reader.model.story import Scene, Story


def scene_option(scene: Scene, snippet: str | None = None) -> Option:
    title = one_line(
        (f"{scene.number:>3}  ", "dim"), (visible(" ".join(scene.title.split())), "bold")
    )
    second = None
    if snippet and snippet != scene.title:
        second = one_line("     ", (visible(" ".join(snippet.split())), "italic dim"))
    return Option(two_lines(title, second), id=str(scene.number - 1))


class GotoScreen(Dialog[int]):
    """Dismisses with the 0-based index of the chosen scene."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, story: Story, current_scene: int = 0) -> None:
        super().__init__()
        self.story = story
        self.current_scene = current_scene

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="goto"):
            yield Label("Go to scene", classes="dialog-title")
            yield Input(placeholder="keyword (empty: every scene)", id="keyword")
            yield OptionList(id="scenes")
            yield Label("", id="count", classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill(None)
        self.query_one(Input).focus()

    def _fill(self, ranked: list[tuple[Scene, float, str]] | None) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        if ranked is None:
            options.add_options(scene_option(scene) for scene in self.story.scenes)
            count = f"{len(self.story.scenes)} scenes"
            highlight = self.current_scene
        else:
            options.add_options(scene_option(s, snippet) for s, _score, snippet in ranked)
            count = f"{len(ranked)} matching" if ranked else "no scene matches"
            highlight = 0
        if options.option_count:
            options.highlighted = min(highlight, options.option_count - 1)
        self.query_one("#count", Label).update(count + " · enter jumps · esc closes")

    @on(Input.Changed, "#keyword")
    def _changed(self, event: Input.Changed) -> None:
        keyword = event.value.strip()
        if not keyword:
            self._fill(None)
        else:
            self._rank(keyword)

    @work(exclusive=True, thread=True, group="rank")
    def _rank(self, keyword: str) -> None:
        ranked = self.story.find_scenes(keyword)
        self.app.call_from_thread(self._ranked, keyword, ranked)

    def _ranked(self, keyword: str, ranked) -> None:
        if self.query_one(Input).value.strip() == keyword:
            self._fill(ranked)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    @on(Input.Submitted, "#keyword")
    def _submitted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            self.dismiss(int(option.id or 0))

    @on(OptionList.OptionSelected, "#scenes")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))
