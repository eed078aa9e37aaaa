"""Help: every key of the reading screen."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from reader.app.keys import KEYS
from reader.app.screens.dialog import Dialog


def keys_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for key, action in KEYS:
        table.add_row(key, action)
    return table


class HelpScreen(Dialog[None]):
    BINDINGS = [("question_mark,q", "close", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog", classes="help"):
            yield Label("Keys", classes="dialog-title")
            yield Static(keys_table(), id="keys")
            yield Label("esc or ? closes", classes="dialog-hint")
