"""Bookmarks: name a new one (enter accepts the suggestion), list them, jump or delete."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.app.screens.dialog import Dialog
from reader.app.session import Session
from reader.app.text import visible


class BookmarkNameScreen(Dialog[str]):
    """Asks a bookmark's name; dismisses with it (or None)."""

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="bookmark-name"):
            yield Label("Add a bookmark", classes="dialog-title")
            yield Input(value=self.suggestion, id="name")
            yield Label("enter saves · esc cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        self.dismiss(name or None)


class BookmarksScreen(Dialog[Any]):
    """The story's bookmarks: enter jumps (dismisses with the bookmark), d deletes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,delete", "delete", "Delete"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.marks: list[Any] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="bookmarks"):
            yield Label("Bookmarks", classes="dialog-title")
            yield OptionList(id="marks")
            yield Label("enter jumps · d deletes · esc closes", classes="dialog-hint")

    def on_mount(self) -> None:
        self.app.clear_notifications()
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self, keep: int = 0) -> None:
        self.marks = sorted(self.session.bookmarks(), key=lambda mark: (mark.beat, mark.name))
        options = self.query_one(OptionList)
        options.clear_options()
        total = len(self.session.story.beats) or 1
        if not self.marks:
            options.add_option(
                Option(Text("No bookmarks yet: press b to add one", style="dim"), disabled=True)
            )
            return
        for index, mark in enumerate(self.marks):
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(visible(mark.name), style="bold")
            line.append(
                f"\n  scene {mark.scene} · beat {mark.beat} · {mark.beat * 100 // total}%",
                style="dim",
            )
            options.add_option(Option(line, id=str(index)))
        options.highlighted = min(keep, len(self.marks) - 1)

    @on(OptionList.OptionSelected, "#marks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.marks[int(event.option.id)])

    def action_delete(self) -> None:
        options = self.query_one(OptionList)
        if not self.marks or options.highlighted is None:
            return
        index = options.highlighted
        mark = self.marks[index]
        self.session.delete_bookmark(mark.name)
        self.notify(f"Deleted “{mark.name}”", title="Bookmark")
        self._fill(keep=index)
