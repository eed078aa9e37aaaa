"""Cast: the characters, each in their colour, with their number of lines."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from reader.app.colours import SpeakerColours
from reader.app.screens.dialog import Dialog
from reader.app.text import visible
from reader.model.story import Story


class CastScreen(Dialog[None]):
    BINDINGS = [("c,q", "close", "Close")]

    def __init__(self, story: Story, colours: SpeakerColours) -> None:
        super().__init__()
        self.story = story
        self.colours = colours

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="cast"):
            yield Label("Cast", classes="dialog-title")
            yield Static(self._table(), id="cast")
            yield Label("esc closes", classes="dialog-hint")

    def _table(self) -> Table | Text:
        characters = sorted(self.story.characters, key=lambda c: (-c.lines, c.name))
        unknown = sum(
            1 for beat in self.story.beats if beat.kind == "dialogue" and beat.speaker is None
        )
        if not characters and not unknown:
            return Text("No characters were found in this story.", style="dim")
        dark = self.app.current_theme.dark if self.app.current_theme else True
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1, overflow="ellipsis")
        table.add_column(justify="right", no_wrap=True)
        for character in characters:
            style = self.colours.style(character.name, dark) or Style()
            name = Text(visible(character.name), style=style + Style(bold=True))
            if character.aliases:
                aliases = ", ".join(visible(a) for a in character.aliases[:3])
                name.append(f"  {aliases}", style="dim")
            table.add_row(Text("██", style=style), name, _lines(character.lines))
        if unknown:
            label = Text("Unknown speaker", style="italic dim")
            table.add_row(Text("░░", style="dim"), label, _lines(unknown))
        return table


def _lines(count: int) -> str:
    return f"{count} line" if count == 1 else f"{count} lines"
