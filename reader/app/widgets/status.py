"""The status line: scene, beat and progress on the left, search and view on the right."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.left = ""
        self.right = ""

    def show(self, left: str, right: str = "") -> None:
        self.left, self.right = left, right
        self.refresh()

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        left = Text(self.left, style="bold")
        right = Text(self.right)
        room = width - left.cell_len - 2
        if self.right and room >= 4:
            right.truncate(room, overflow="ellipsis")
            gap = max(2, width - left.cell_len - right.cell_len)
            return Text.assemble(left, " " * gap, right, no_wrap=True)
        left.truncate(width, overflow="ellipsis")
        return left
